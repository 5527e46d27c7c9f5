//! The incident downloads under the table: the incidents in view (in the table's order) or
//! the whole dataset, as CSV or JSON, each with its sources.

use leptos::prelude::*;

use crate::exports;
use crate::pipeline;
use crate::web::dom;
use crate::web::state::PageState;

/// Saves the incidents a download hook names: `incidents.csv` / `.json` (those in view, in
/// the table's order) or `incidents-all.*` (the whole dataset).
pub(crate) fn download(hook: &str, state: PageState) {
    let Some((set, ext)) = hook
        .strip_suffix(".csv")
        .map(|h| (h, "csv"))
        .or_else(|| hook.strip_suffix(".json").map(|h| (h, "json")))
    else {
        return;
    };
    let everything = set == "incidents-all";
    let permalink = dom::location_href();
    state.selection.with_untracked(|s| {
        let Some(s) = s.as_ref() else { return };
        let list = if everything { s.data.incidents.iter().collect() } else { s.sorted() };
        let words = if everything {
            "Every incident in the dataset".to_string()
        } else {
            pipeline::view_words(s, crate::phrase::view::Years::Beside(s.span))
        };
        let (body, mime) = if ext == "csv" {
            (exports::incidents_csv(&s.data, &list), "text/csv;charset=utf-8")
        } else {
            (exports::incidents_json(&s.data, &list, &words, &permalink), "application/json")
        };
        let name = if everything {
            format!("heist-ledger-incidents-all-{}.{ext}", crate::release::file_slug(&s.data.release.id))
        } else {
            exports::file_name(s, "incidents", None, None, ext)
        };
        if let Err(e) = dom::download(&name, mime, &body) {
            web_sys::console::warn_1(&format!("The incidents could not be saved: {e}").into());
        }
    });
}
