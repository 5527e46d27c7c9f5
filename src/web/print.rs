//! Printing from the live page: on `beforeprint` (Ctrl+P, the browser's menu) and from the
//! header's print buttons, fills a print-only container with the briefing pack
//! ([`crate::briefing`]) for the view in force, drawn light at print size, and empties it
//! after printing. The print stylesheet shows only that container while it is filled.

use std::cell::Cell;
use std::rc::Rc;

use crate::briefing::{self, PrintMode};
use crate::web::dom;
use crate::web::state::PageState;
use leptos::prelude::*;

/// The id of the print-only container, appended to `<body>` while printing.
const HOST: &str = "print-pack";

/// Listens for printing for the page's lifetime and reveals the header's print buttons
/// (hidden until a script can act on them, with their room kept, so nothing moves).
pub(crate) fn install(state: PageState) {
    let Some(window) = dom::window_target() else { return };
    // The mode a print button asked for, until the print is over; Ctrl+P prints the pack.
    let requested: Rc<Cell<Option<PrintMode>>> = Rc::new(Cell::new(None));
    let asked = requested.clone();
    dom::Listener::forever(&window, "beforeprint", move |_| {
        fill(state, asked.get().unwrap_or(PrintMode::Pack));
    });
    let asked = requested.clone();
    dom::Listener::forever(&window, "afterprint", move |_| {
        asked.set(None);
        clear();
    });
    dom::Listener::forever(&window, "click", move |ev| {
        let Some(mode) = dom::closest(ev.target(), "button[data-print]")
            .and_then(|b| b.get_attribute("data-print"))
            .and_then(|m| PrintMode::from_slug(&m))
        else {
            return;
        };
        requested.set(Some(mode));
        // Filled here too, for a browser that prints without `beforeprint`.
        fill(state, mode);
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    dom::set_root_attr("data-print-controls", "ready");
}

/// Fills the container with the pack for the view in force and marks `<html data-print>`.
/// Before any dataset has loaded there is nothing to draw: the page prints as it is.
fn fill(state: PageState, mode: PrintMode) {
    let Some(doc) = dom::document() else { return };
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let page_url = href.split(['?', '#']).next().unwrap_or_default().to_string();
    let Some(markup) =
        state.selection.with_untracked(|s| s.as_ref().map(|s| briefing::pack(s, mode, &page_url)))
    else {
        return;
    };
    let host = match doc.get_element_by_id(HOST) {
        Some(h) => h,
        None => {
            let Ok(h) = doc.create_element("div") else { return };
            h.set_id(HOST);
            let _ = h.class_list().add_1("print-pack");
            let Some(body) = doc.body() else { return };
            if body.append_child(&h).is_err() {
                return;
            }
            h
        }
    };
    host.set_inner_html(&markup);
    dom::set_root_attr("data-print", mode.slug());
}

/// Empties the print container once printing is over.
fn clear() {
    let Some(doc) = dom::document() else { return };
    if let Some(host) = doc.get_element_by_id(HOST) {
        host.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.remove_attribute("data-print");
    }
}
