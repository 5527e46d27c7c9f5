//! Comparing the view with an earlier release (`?since=RELEASE`): the earlier release's
//! frozen data is fetched from the site's `v/RELEASE/` folder, and the list of what changed
//! ([`crate::html::diff::panel`]) is shown under the headline, in embeds and in slides.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diff::Baseline;
use crate::model::Dataset;
use crate::release;
use crate::web::dom;
use crate::web::fetch;
use crate::web::state::page;

/// What a reader is told when the release to compare with cannot be loaded.
fn not_loaded(id: &str, why: &str) -> String {
    format!("Release {id} could not be loaded to compare this view with: {why}")
}

/// The earlier release to compare with, once loaded for the release on screen, and a notice
/// when it cannot be loaded. `since` is the release the view asks for; `shown` the dataset
/// on screen.
pub fn baseline(
    since: Memo<Option<String>>,
    shown: RwSignal<Option<Arc<Dataset>>>,
) -> (RwSignal<Option<Arc<Baseline>>>, RwSignal<Option<String>>) {
    let loaded: RwSignal<Option<(String, Arc<Dataset>)>> = RwSignal::new(None);
    let notice: RwSignal<Option<String>> = RwSignal::new(None);
    let out: RwSignal<Option<Arc<Baseline>>> = RwSignal::new(None);
    Effect::new(move |_| {
        let Some(id) = since.get() else {
            notice.set(None);
            return;
        };
        if loaded.with_untracked(|l| l.as_ref().is_some_and(|(l, _)| *l == id)) {
            return;
        }
        spawn_local(async move {
            let url = format!("{}{}data/incidents.json", dom::site_root(), release::path_of(&id));
            let result = fetch::load(&url, &|_| {}).await;
            if since.get_untracked().as_deref() != Some(id.as_str()) {
                return;
            }
            match result {
                Ok(d) => {
                    loaded.set(Some((id, Arc::new(d))));
                    notice.set(None);
                }
                Err(f) => notice.set(Some(not_loaded(&id, &f.summary))),
            }
        });
    });
    // Computed once per pair of releases (which records are new or revised).
    Effect::new(move |_| {
        let wanted = since.get();
        let pair = loaded.with(|l| l.clone()).filter(|(id, _)| Some(id) == wanted.as_ref());
        let next = match (pair, shown.get()) {
            (Some((_, old)), Some(new)) if old.release.id != new.release.id => {
                Some(Arc::new(Baseline::new(old, &new)))
            }
            _ => None,
        };
        out.set(next);
    });
    (out, notice)
}

/// The list of what changed in the view since the release it is compared with; nothing when
/// the view is not compared (or its release has not loaded yet).
#[component]
pub fn DiffPanel() -> impl IntoView {
    let state = page();
    let content = move || {
        state.selection.with(|s| s.as_ref().map(|s| crate::html::diff::panel(s, false)).unwrap_or_default())
    };
    view! { <div class="diff-host" inner_html=content></div> }
}

/// The same list folded under one line, for embeds and slides.
#[component]
pub fn DiffLine() -> impl IntoView {
    let state = page();
    let content =
        move || state.selection.with(|s| s.as_ref().map(crate::html::diff::folded).unwrap_or_default());
    view! { <div class="diff-host" inner_html=content></div> }
}
