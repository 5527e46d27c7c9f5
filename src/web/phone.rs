//! The page header's tools on a phone: the print buttons and the theme button stand in a
//! toolbar after the headline figures rather than above them (on a 360 px screen they took
//! the first 150 px). On a wider screen they stay in the header. The toolbar's place is in
//! the page's markup (`[data-phone-tools]`), so moving them shifts nothing below it.

use crate::web::dom;

/// The screens that get the toolbar: the stylesheet's phone width.
const PHONE: &str = "(max-width: 600px)";

/// The header's tools, by selector.
const TOOLS: [&str; 2] = [".print-controls", ".theme-toggle"];

/// Puts the tools where the screen's width wants them now and whenever it changes.
pub(crate) fn install() {
    thread_local! {
        static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let Some(query) = web_sys::window().and_then(|w| w.match_media(PHONE).ok().flatten()) else { return };
    place(query.matches());
    // One watcher for the page's lifetime, however often the dashboard is rebuilt.
    if !WATCHING.with(|w| w.replace(true)) {
        let watched = query.clone();
        dom::Listener::forever(&query, "change", move |_| place(watched.matches()));
    }
}

/// Moves the tools into the toolbar after the headline (`phone`) or back into the header.
pub fn place(phone: bool) {
    let Some(doc) = dom::document() else { return };
    let find = |s: &str| doc.query_selector(s).ok().flatten();
    let target = if phone { find("[data-phone-tools]") } else { find("header.page-header") };
    let Some(target) = target else { return };
    for selector in TOOLS {
        if let Some(tool) = find(selector) {
            let parent = tool.parent_element();
            if parent.as_ref() != Some(&target) {
                let _ = target.append_child(&tool);
            }
        }
    }
}
