//! The page state every part reads, and the one path that changes the view:
//! [`PageState::set`] applies what a control chose under the address's own rules
//! ([`crate::view::apply`]), writes the new view into the URL, and everything on screen
//! follows from the URL (so Back/Forward and permalinks restore it).

use leptos::prelude::*;

use crate::pipeline::Selection;
use crate::view::{self, ChartKind, ViewState};

/// What the reader opened on this page that is not part of the view (so not in the URL).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ui {
    /// The charts whose tables are shown whole.
    pub tables: Vec<ChartKind>,
    /// The chart whose embed code is open.
    pub embed: Option<ChartKind>,
    /// The incident table lists every row.
    pub(crate) show_all: bool,
    /// The "Cite this view" panel is open.
    pub cite: bool,
}

/// Shared page state, provided by the dashboard root.
#[derive(Clone, Copy)]
pub struct PageState {
    /// The dataset narrowed by the view in force; `None` until a dataset has loaded.
    pub selection: Memo<Option<Selection>>,
    /// The view in force (read from the address; reconciled with the dataset once loaded).
    pub view: Memo<ViewState>,
    /// The address the dataset on screen was asked from.
    pub data_url: Memo<String>,
    /// What the reader opened that the URL does not hold.
    pub ui: RwSignal<Ui>,
    /// What the rules refused of the reader's last change on the page.
    pub refused: RwSignal<Vec<view::Notice>>,
    /// Navigates to a view; `true` replaces the history entry (typing, theme).
    go: Callback<(ViewState, bool)>,
}

impl PageState {
    /// Makes the state; `go` is the navigation.
    pub fn new(
        selection: Memo<Option<Selection>>,
        view: Memo<ViewState>,
        data_url: Memo<String>,
        go: Callback<(ViewState, bool)>,
    ) -> Self {
        PageState {
            selection,
            view,
            data_url,
            ui: RwSignal::new(Ui::default()),
            refused: RwSignal::new(Vec::new()),
            go,
        }
    }

    /// The one write path: sets each parameter to its values (none clears it) under the
    /// address's rules and records the view in the URL; `replace` replaces the history entry.
    pub fn set(&self, changes: &[(&str, &[&str])], replace: bool) {
        let current = self.view.get_untracked();
        let (next, refused) = view::apply(&current, changes);
        self.refused.set(refused);
        if next != current {
            self.go.run((next, replace));
        }
    }

    /// Changes what the reader opened on the page.
    pub fn ui(&self, change: impl FnOnce(&mut Ui)) {
        self.ui.update(change);
    }
}

/// The page state from context; parts are only made under the dashboard root, which
/// provides it.
pub fn page() -> Option<PageState> {
    use_context::<PageState>()
}
