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
            <p class="release-notice" role="status" data-release-notice=newer.id.clone()>
                {format!(
                    "You are viewing release {} ({}). Newer data exists: release {} ({}) \u{2014} ",
                    shown.id, shown.date.human(), newer.id, newer.date.human()
                )}
                <a href=href>"open this view with the current data"</a>
            </p>
        })
    };
    view! { {notice} }
}
