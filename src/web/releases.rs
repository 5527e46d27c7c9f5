//! The notice an old release shows: the site's `versions.json` is fetched once and, when a
//! newer release than the one on screen exists, the page says so with a link to the same
//! view on the current data. A missing or broken `versions.json` shows nothing: the page
//! never depends on it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::release::{self, Version};
use crate::view;
use crate::web::dom;

/// The release index at the site root, or `None` when it cannot be read.
async fn fetch_versions() -> Option<Vec<Version>> {
    let url = format!("{}versions.json", dom::site_root());
    let response = crate::web::fetch::get(&url, None).await.ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    release::parse(&text).ok()
}

/// Fetches the release index once; the signal holds it when it arrives.
pub(crate) fn fetch_once() -> RwSignal<Option<Vec<Version>>> {
    let versions = RwSignal::new(None);
    spawn_local(async move { versions.set(fetch_versions().await) });
    versions
}

/// The notice for the dataset shown, when a newer release is listed: "You are viewing
/// release X (date). Newer data exists: …", linking to the view on the current data.
pub fn notice(shown: &crate::model::Release, versions: &[Version], v: &view::ViewState) -> String {
    let Some(newer) = release::newer(versions, &shown.id) else { return String::new() };
    let href =
        crate::pipeline::view_address(v, &shown.id, &dom::site_root(), crate::pipeline::Address::Latest);
    crate::html::live::release_notice(shown, newer, &href)
}
