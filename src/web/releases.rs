//! The notice an old release shows: it fetches the site's `versions.json` and, when a newer
//! release than the one on screen exists, says so with a link to the same view on the
//! current data. A missing or broken `versions.json` shows nothing: the page never depends
//! on it.

use leptos::prelude::*;

use crate::web::dom;
use leptos::task::spawn_local;

use crate::release::{self, Version};
use crate::view;
use crate::web::state::page;

/// The release index at the site root, or `None` when it cannot be read.
async fn fetch_versions() -> Option<Vec<Version>> {
    let url = format!("{}versions.json", dom::site_root());
    let response = gloo_net::http::Request::get(&url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    release::parse(&response.text().await.ok()?).ok()
}

/// At most 40 characters of a release id from `versions.json` (a real one has 10 to 13).
fn clip(id: &str) -> String {
    match id.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &id[..end]),
        None => id.to_string(),
    }
}

/// "You are viewing release X (date). Newer data exists: …", on old releases only.
#[component]
pub fn ReleaseNotice() -> impl IntoView {
    let state = page();
    let versions: RwSignal<Option<Vec<Version>>> = RwSignal::new(None);
    spawn_local(async move { versions.set(fetch_versions().await) });
    let notice = move || {
        let (shown, query) = state
            .selection
            .with(|s| s.as_ref().map(|s| (s.data.release.clone(), view::to_query(&s.view))))?;
        let newer = versions.with(|v| v.as_deref().and_then(|v| release::newer(v, &shown.id).cloned()))?;
        let href = if query.is_empty() { dom::site_root() } else { format!("{}?{query}", dom::site_root()) };
        Some(view! {
            // Each id and date in its own isolate: a right-to-left character in an id from
            // versions.json must not reorder the notice's own words around it.
            <p class="release-notice" role="status" data-release-notice=newer.id.clone()>
                "You are viewing release "<bdi>{clip(&shown.id)}</bdi>" ("<bdi>{shown.date.human()}</bdi>"). Newer data exists: release "
                <bdi>{clip(&newer.id)}</bdi>" ("<bdi>{newer.date.human()}</bdi>") \u{2014} "
                <a href=href>"open this view with the current data"</a>
            </p>
        })
    };
    view! { {notice} }
}
