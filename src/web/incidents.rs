//! The incident table (sortable; a row opens the detail panel) and the detail panel with
//! every field, the sources and the incident's laundering flow. Both show the markup
//! [`crate::html`] writes; clicks inside them change the view through the page state.

use leptos::html;
use leptos::prelude::*;

use crate::exports;
use crate::html as markup;
use crate::pipeline;
use crate::render::Size;
use crate::view::{self, SortKey};
use crate::web::dom;
use crate::web::state::page;

/// The incidents in view as a table. "Show all" survives re-sorting and filtering.
#[component]
pub fn IncidentTable() -> impl IntoView {
    let state = page();
    let show_all = RwSignal::new(false);
    let host = NodeRef::<html::Section>::new();
    dom::bind_html(host, move || {
        let all = show_all.get();
        state.selection.with(|s| s.as_ref().map(|s| markup::incident_table(s, all)).unwrap_or_default())
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(key) = dom::closest(ev.target(), "[data-sort]")
            .and_then(|e| e.get_attribute("data-sort"))
            .and_then(|k| SortKey::from_slug(&k))
        {
            state.update(
                |v| {
                    v.ascending = if v.sort == key { !v.ascending } else { key.natural_ascending() };
                    v.sort = key;
                },
                false,
            );
        } else if let Some(hook) =
            dom::closest(ev.target(), "[data-action=data]").and_then(|e| e.get_attribute("data-export"))
        {
            download_incidents(&hook);
        } else if dom::closest(ev.target(), "[data-action=show-all]").is_some() {
            show_all.set(true);
        } else if let Some(id) =
            dom::closest(ev.target(), "button[data-incident]").and_then(|e| e.get_attribute("data-incident"))
        {
            state.update(|v| v.incident = Some(id), false);
        }
    };
    view! { <section class="incidents" aria-labelledby="incidents-heading" node_ref=host on:click=on_click></section> }
}

/// Saves the incidents a download hook names: `incidents.csv` / `.json` (those in view, in
/// the table's order) or `incidents-all.*` (the whole dataset).
fn download_incidents(hook: &str) {
    let state = page();
    let Some((all, ext)) = hook
        .strip_suffix(".csv")
        .map(|h| (h, "csv"))
        .or_else(|| hook.strip_suffix(".json").map(|h| (h, "json")))
    else {
        return;
    };
    let everything = all == "incidents-all";
    let permalink = dom::location_href();
    state.selection.with_untracked(|s| {
        let Some(s) = s.as_ref() else { return };
        let list = if everything { s.data.incidents.iter().collect() } else { s.sorted() };
        let words = if everything {
            "Every incident in the dataset".to_string()
        } else {
            format!("{}, {}", view::describe(&s.view.filter), pipeline::year_span_label(s.span))
        };
        let (body, mime) = if ext == "csv" {
            (exports::incidents_csv(&s.data, &list), "text/csv;charset=utf-8")
        } else {
            (exports::incidents_json(&s.data, &list, &words, &permalink), "application/json")
        };
        let name = if everything {
            format!("heist-ledger-incidents-all-{}.{ext}", s.data.release.id)
        } else {
            exports::file_name(s, "incidents", None, None, ext)
        };
        if let Err(e) = dom::download(&name, mime, &body) {
            leptos::logging::warn!("The incidents could not be saved: {e}");
        }
    });
}

/// The panel for the selected incident; moves focus to its heading when it opens.
#[component]
pub fn IncidentDetail() -> impl IntoView {
    let state = page();
    let selected =
        Memo::new(move |_| state.selection.with(|s| s.as_ref().and_then(|s| s.view.incident.clone())));
    let close = move || state.update(|v| v.incident = None, false);
    let content = move || {
        state.selection.with(|s| {
            let s = s.as_ref()?;
            let i = s.selected()?;
            // Drawn at the panel's likely width so labels stay legible on a phone.
            let width = web_sys::window()
                .and_then(|w| w.inner_width().ok())
                .and_then(|w| w.as_f64())
                .map_or(720.0, |w| (w - 64.0).clamp(300.0, 960.0));
            let size = Size { width: width as u32, height: (width * 0.55).clamp(320.0, 480.0) as u32 };
            let flow = pipeline::incident_flow(s, &i.id, size);
            Some((i.id.clone(), markup::detail(&s.data, i, flow.as_ref())))
        })
    };
    let heading_focus = move || {
        request_animation_frame(|| {
            if let Some(h) = dom::document().and_then(|d| d.get_element_by_id("detail-heading")) {
                if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                    let _ = h.focus();
                }
            }
        })
    };
    // Only a newly opened incident takes focus; a re-sort or filter change leaves it be.
    Effect::new(move |previous: Option<Option<String>>| {
        let now = selected.get();
        if now.is_some() && previous.as_ref() != Some(&now) {
            heading_focus();
        }
        now
    });
    move || {
        content().map(|(id, html)| {
            view! {
                <aside
                    class="detail"
                    role="dialog"
                    aria-modal="false"
                    aria-labelledby="detail-heading"
                    data-incident-detail=id
                    inner_html=html
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { close() }
                    on:click=move |ev: web_sys::MouseEvent| if dom::closest(ev.target(), "[data-action=close]").is_some() { close() }
                ></aside>
            }
        })
    }
}
