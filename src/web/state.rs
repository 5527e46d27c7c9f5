//! The page state every component reads from context, and the one path that changes the
//! view: [`PageState::update`] writes the new view into the URL, and everything on screen
//! follows from the URL (so Back/Forward and permalinks restore it).

use leptos::prelude::*;

use crate::pipeline::Selection;
use crate::view::ViewState;

/// Shared page state, provided by the dashboard root.
#[derive(Clone, Copy)]
pub struct PageState {
    /// The dataset narrowed by the view in force; `None` until a dataset has loaded.
    pub selection: Memo<Option<Selection>>,
    /// The address the dataset on screen was asked from.
    pub data_url: Memo<String>,
    /// Navigates to a view; `true` replaces the history entry (typing, theme).
    go: Callback<(ViewState, bool)>,
}

impl PageState {
    /// Makes the state; `go` is the router's navigation.
    pub fn new(
        selection: Memo<Option<Selection>>,
        data_url: Memo<String>,
        go: Callback<(ViewState, bool)>,
    ) -> Self {
        PageState { selection, data_url, go }
    }

    /// The one write path: changes the view in force and records it in the URL.
    pub fn update(&self, change: impl FnOnce(&mut ViewState), replace: bool) {
        let Some(mut v) = self.selection.with_untracked(|s| s.as_ref().map(|s| s.view.clone())) else {
            return;
        };
        change(&mut v);
        self.go.run((v, replace));
    }

    /// Navigates to a whole view (used before any dataset has loaded, e.g. another dataset).
    pub fn go_to(&self, v: ViewState) {
        self.go.run((v, false));
    }
}

/// The dataset on screen and how to load it again, for the footer (provided by the root).
#[derive(Clone, Copy)]
pub struct DataOnScreen {
    /// The address the dataset on screen came from, as a path on this site (resolved
    /// against the page and checked to be this origin); `None` before one has loaded. Not
    /// the address asked for last: after a failed load the last good dataset stays on
    /// screen, and its link must not save the failed file.
    pub path: RwSignal<Option<String>>,
    /// Fetches the dataset asked for again, even when its address has not changed.
    pub reload: Callback<()>,
}

/// The dataset on screen from context.
pub fn data_on_screen() -> Option<DataOnScreen> {
    use_context::<DataOnScreen>()
}

/// The page state from context. Components are only mounted under the dashboard root,
/// which provides it.
pub fn page() -> PageState {
    // Provided by `Dashboard` before any child is built.
    #[allow(clippy::expect_used)]
    use_context::<PageState>().expect("PageState is provided by the dashboard root")
}
