//! Moving between a chart's marks with the keys: arrows step through them in reading order
//! (the order the chart's data gives, not the order they are drawn in), Home and End go to
//! the ends, Enter or space opens the focused theft, Escape goes back to the chart.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::dom;
use crate::web::state::PageState;

use super::pointer::{hide_tip, show_tip};
use super::Shared;

/// Listens for keys on `chart_box`.
pub fn listen(chart_box: &web_sys::Element, shared: Rc<RefCell<Shared>>, state: PageState) -> dom::Listener {
    let host = chart_box.clone();
    dom::Listener::new(chart_box, "keydown", move |ev| {
        if let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
            key(k, &host, &shared, state);
        }
    })
}

/// The marks in reading order: the chart data's order where it gives one, else the
/// drawing's.
fn marks(host: &web_sys::Element, shared: &RefCell<Shared>, state: PageState) -> Vec<web_sys::Element> {
    let data = state.selection.with_untracked(|sel| sel.as_ref().map(|sel| shared.borrow_mut().data(sel)));
    match data.and_then(|d| d.reading_order()) {
        Some(order) => order.iter().filter_map(|selector| dom::find(host, selector)).collect(),
        None => dom::find_all(host, ".mark"),
    }
}

fn key(ev: &web_sys::KeyboardEvent, host: &web_sys::Element, shared: &RefCell<Shared>, state: PageState) {
    let name = ev.key();
    let moves =
        matches!(name.as_str(), "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End");
    if !moves && !matches!(name.as_str(), "Enter" | " " | "Escape") {
        return;
    }
    let marks = marks(host, shared, state);
    let Some(last) = marks.len().checked_sub(1) else { return };
    let active = dom::document().and_then(|d| d.active_element());
    let current = active.as_ref().and_then(|a| marks.iter().position(|m| m == a));
    let next = match name.as_str() {
        "ArrowRight" | "ArrowDown" => current.map_or(0, |k| (k + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => current.map_or(0, |k| k.saturating_sub(1)),
        "Home" => 0,
        "End" => last,
        "Escape" => {
            hide_tip(host);
            dom::focus(host);
            return;
        }
        _ => {
            if let Some(id) = current.and_then(|k| marks[k].get_attribute("data-incident")) {
                ev.prevent_default();
                state.set(&[("incident", &[&id])], false);
            }
            return;
        }
    };
    ev.prevent_default();
    dom::focus(&marks[next]);
    show_tip(host, &marks[next]);
}
