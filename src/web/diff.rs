//! Comparing the view with an earlier release (`?since=RELEASE`): the earlier release's
//! frozen data is fetched from the site's `v/RELEASE/` folder and compared with the release
//! on screen once per pair of releases; the selection carries it, and the list of what
//! changed ([`crate::html::diff`]) is a part of the page like any other, replaced when its
//! key changes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::diff::Baseline;
use crate::model::Dataset;
use crate::release;
use crate::view::Notice;
use crate::web::dom;
use crate::web::fetch;

/// The comparison in force: the earlier release once loaded for the release on screen, and
/// a notice when it cannot be loaded.
#[derive(Clone, Copy)]
pub struct Since {
    /// The earlier release and what changed since, for the release on screen.
    pub baseline: RwSignal<Option<Arc<Baseline>>>,
    /// Why the release asked for could not be compared with.
    /// (A notice, not words: the status line phrases it in the language in force.)
    pub notice: RwSignal<Option<Notice>>,
}

/// Loads the release `since` names whenever it changes, and compares it with `shown`, the
/// dataset on screen, once per pair of releases.
pub fn baseline(since: Memo<Option<String>>, shown: impl Fn() -> Option<Arc<Dataset>> + 'static) -> Since {
    let loaded: RwSignal<Option<(String, Arc<Dataset>)>> = RwSignal::new(None);
    let out = Since { baseline: RwSignal::new(None), notice: RwSignal::new(None) };
    Effect::new(move |_| {
        let Some(id) = since.get() else {
            out.notice.set(None);
            return;
        };
        if loaded.with_untracked(|l| l.as_ref().is_some_and(|(l, _)| *l == id)) {
            return;
        }
        spawn_local(async move {
            let url = format!("{}{}data/incidents.json", dom::site_root(), release::path_of(&id));
            let result = fetch::load(&url, &|_| {}).await;
            // A newer choice replaced this one: its answer is stale.
            if since.get_untracked().as_deref() != Some(id.as_str()) {
                return;
            }
            match result {
                Ok((d, _)) => {
                    loaded.set(Some((id, Arc::new(d))));
                    out.notice.set(None);
                }
                Err(f) => out.notice.set(Some(Notice::SinceNotLoaded { id, why: f.summary })),
            }
        });
    });
    Effect::new(move |_| {
        let wanted = since.get();
        let pair = loaded.with(|l| l.clone()).filter(|(id, _)| Some(id) == wanted.as_ref());
        let next = match (pair, shown()) {
            (Some((_, old)), Some(new)) if old.release.id != new.release.id => {
                Some(Arc::new(Baseline::new(old, &new)))
            }
            _ => None,
        };
        out.baseline.set(next);
    });
    out
}
