//! Where the reader's focus and scroll go: in-page links ("Skip to the charts", "What
//! changed") move focus to their target without leaving the page, and closing the incident
//! detail returns focus to what opened it and the reader to where they were reading.
//!
//! The page has a `<base href>` (the site's root), so `href="#charts"` resolves to the root
//! without the view's query: followed by the browser it would load the default view and
//! throw the reader's filters away. The links are handled here instead.

use wasm_bindgen::JsCast;

use crate::web::dom;

/// Handles every in-page link on the page (`href="#id"`) for the page's lifetime.
pub(crate) fn install_in_page_links() {
    let Some(doc) = dom::document() else { return };
    dom::Listener::forever(&doc, "click", |ev| {
        let Some(link) = dom::closest(ev.target(), "a[href^='#']") else { return };
        let Some(id) = link.get_attribute("href").map(|h| h.trim_start_matches('#').to_string()) else {
            return;
        };
        if id.is_empty() {
            return;
        }
        // The link's target stays on this page, in this view: the browser is not to follow it.
        ev.prevent_default();
        go_to(&id);
    });
}

/// Moves focus to the element `id` names (opening it when it is a fold), scrolled into
/// view. An element that takes no focus of its own gets `tabindex=-1` so it can.
pub(crate) fn go_to(id: &str) {
    let Some(target) = dom::document().and_then(|d| d.get_element_by_id(id)) else { return };
    if let Some(details) = target.dyn_ref::<web_sys::HtmlDetailsElement>() {
        details.set_open(true);
    }
    // A fold is reached through its summary, which a keyboard can act on.
    let focusable = if target.tag_name().eq_ignore_ascii_case("details") {
        dom::find(&target, ":scope > summary").unwrap_or_else(|| target.clone())
    } else {
        target.clone()
    };
    if focusable.get_attribute("tabindex").is_none() && !natively_focusable(&focusable) {
        let _ = focusable.set_attribute("tabindex", "-1");
    }
    target.scroll_into_view();
    focus_without_scrolling(&focusable);
}

fn natively_focusable(el: &web_sys::Element) -> bool {
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "a" | "button" | "input" | "select" | "textarea" | "summary"
    )
}

/// Focuses `el` where it is, leaving the scroll position to the caller.
pub(crate) fn focus_without_scrolling(el: &web_sys::Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus_with_options(&options);
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    }
}

/// What opened the incident detail: the element, what finds its successor when a redraw
/// replaced it (the incident it stands for, the chart it sits in), and where the reader
/// was on the page.
pub(crate) struct Opener {
    element: Option<web_sys::Element>,
    incident: Option<String>,
    chart: Option<String>,
    scroll_y: f64,
}

impl Opener {
    /// The element with focus now, and the scroll position.
    pub fn now() -> Opener {
        let element = dom::document().and_then(|d| d.active_element()).filter(|a| {
            // The page itself is no opener to return to.
            !a.tag_name().eq_ignore_ascii_case("body")
        });
        let incident = element
            .as_ref()
            .and_then(|e| e.closest("[data-incident]").ok().flatten())
            .and_then(|e| e.get_attribute("data-incident"));
        let chart = element
            .as_ref()
            .and_then(|e| e.closest("figure[data-chart]").ok().flatten())
            .and_then(|e| e.get_attribute("data-chart"));
        let scroll_y = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        Opener { element, incident, chart, scroll_y }
    }

    /// Puts the reader back: focus on the opener (or, when a redraw replaced it, on the
    /// same incident's mark or row, or the chart's box) and the page scrolled to where it
    /// was.
    pub(crate) fn restore(self) {
        let Some(doc) = dom::document() else { return };
        let within =
            |chart: &str| doc.query_selector(&format!("figure[data-chart='{chart}']")).ok().flatten();
        let target = self
            .element
            .filter(|e| e.is_connected())
            .or_else(|| {
                // The same incident's mark in the same chart, or its row's button.
                let id = self.incident.as_deref()?.replace(['\\', '\''], "");
                match self.chart.as_deref() {
                    Some(c) => dom::find(&within(c)?, &format!(".mark[data-incident='{id}']")),
                    None => dom::find(&doc.document_element()?, &format!("button[data-incident='{id}']")),
                }
            })
            .or_else(|| self.chart.as_deref().and_then(within).and_then(|f| dom::find(&f, ".chart-box")));
        if let Some(t) = target {
            focus_without_scrolling(&t);
        }
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, self.scroll_y);
        }
    }
}
