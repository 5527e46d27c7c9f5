//! Tooltips on hover and keyboard focus, and the timeline's brush: a drag across the plot
//! narrows every chart to that date range. The brush turns pixels into dates with the
//! drawing's projection ([`crate::layout::scale::Projection::svg_to_position`]); nothing
//! about the geometry is read back out of the SVG.

use crate::decimal::Shortest;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Date;
use crate::view::ChartKind;
use crate::web::dom;
use crate::web::state::PageState;

use super::Shared;

/// A drag shorter than this (in the drawing's pixels) is a click, not a range.
const MIN_DRAG: f64 = 6.0;

/// Listens for hover and focus on the marks of `chart_box`, and (on the timeline) for drags.
pub(crate) fn listen(
    chart_box: &web_sys::Element,
    kind: ChartKind,
    shared: Rc<RefCell<Shared>>,
    state: PageState,
) -> Vec<dom::Listener> {
    let tip_on = |host: web_sys::Element| {
        move |ev: web_sys::Event| {
            if let Some(mark) = dom::closest(ev.target(), ".mark") {
                show_tip(&host, &mark);
            }
        }
    };
    let tip_off = |host: web_sys::Element| move |_| hide_tip(&host);
    let mut out = vec![
        dom::Listener::new(chart_box, "mouseover", tip_on(chart_box.clone())),
        dom::Listener::new(chart_box, "focusin", tip_on(chart_box.clone())),
        dom::Listener::new(chart_box, "mouseout", tip_off(chart_box.clone())),
        dom::Listener::new(chart_box, "focusout", tip_off(chart_box.clone())),
    ];
    if kind == ChartKind::Timeline {
        out.extend(brush(chart_box, shared, state));
    }
    out
}

/// Shows a mark's label (its tooltip text) above it.
pub(crate) fn show_tip(host: &web_sys::Element, mark: &web_sys::Element) {
    let Some(text) = mark.get_attribute("aria-label") else { return };
    let tip = match dom::find(host, ":scope > .tooltip") {
        Some(t) => t,
        None => {
            let _ = host.insert_adjacent_html("beforeend", r#"<div class="tooltip" role="status"></div>"#);
            let Some(t) = dom::find(host, ":scope > .tooltip") else { return };
            t
        }
    };
    tip.set_text_content(Some(&text));
    let (b, r) = (host.get_bounding_client_rect(), mark.get_bounding_client_rect());
    let x = crate::layout::clamp(r.left() + r.width() / 2.0 - b.left(), 0.0, b.width());
    tip.set_class_name(&format!("tooltip {}", tip_side(x, b.width())));
    if let Some(style) = tip.dyn_ref::<web_sys::HtmlElement>().map(|t| t.style()) {
        // Out of the flow whatever the stylesheet: a tooltip that resized the box would
        // redraw the chart under the reader's focus.
        let _ = style.set_property("position", "absolute");
        let _ = style.set_property("left", &format!("{}px", Shortest(x)));
        let _ = style.set_property("top", &format!("{}px", Shortest(r.top() - b.top())));
    }
}

/// Which way a tooltip at `x` runs, so it stays inside a box `width` wide: from the left
/// third it runs right, from the right third left, else it is centred on its point. The
/// stylesheet caps its width at two thirds of the box, so it always fits.
fn tip_side(x: f64, width: f64) -> &'static str {
    if x < width / 3.0 {
        "tip-start"
    } else if x > width * 2.0 / 3.0 {
        "tip-end"
    } else {
        "tip-centre"
    }
}

/// Removes the tooltip.
pub(crate) fn hide_tip(host: &web_sys::Element) {
    if let Some(t) = dom::find(host, ":scope > .tooltip") {
        t.remove();
    }
}

/// The visible drawing in the box, and its size as drawn.
fn visible_drawing(host: &web_sys::Element, shared: &Shared) -> Option<(web_sys::DomRect, f64)> {
    dom::find_all(host, ":scope > .svg-host").into_iter().find_map(|h| {
        let svg = dom::find(&h, "svg")?;
        let rect = svg.get_bounding_client_rect();
        let class = crate::html::FIRST_VIEW_WIDTHS
            .iter()
            .map(|(c, _)| *c)
            .find(|c| h.class_list().contains(c))
            .unwrap_or("");
        let size = shared.drawn.size_of(class)?;
        (rect.width() > 0.0).then_some((rect, f64::from(size.width)))
    })
}

/// The pointer's x in the drawing's own pixels (the SVG is scaled to its box).
fn drawing_x(host: &web_sys::Element, shared: &Shared, client_x: f64) -> Option<f64> {
    let (rect, width) = visible_drawing(host, shared)?;
    Some((client_x - rect.left()) * width / rect.width().max(1.0))
}

/// The date range a drag from `a` to `b` (drawing pixels) covers, by the projection's inverse.
fn dates(shared: &mut Shared, state: PageState, a: f64, b: f64) -> Option<(Date, Date)> {
    let super::Drawn::One(_, size) = shared.drawn else { return None };
    let data = state.selection.with_untracked(|sel| sel.as_ref().map(|sel| shared.data(sel)))?;
    let projection = data.projection(size)?;
    let day = |x: f64| Date::from_days_since_epoch(projection.svg_to_position(x, 0.0).x.round() as i64);
    Some((day(a.min(b)), day(a.max(b))))
}

/// The drag: a shaded band follows the pointer; on release the range goes into the view.
fn brush(chart_box: &web_sys::Element, shared: Rc<RefCell<Shared>>, state: PageState) -> Vec<dom::Listener> {
    let start: Rc<Cell<Option<f64>>> = Rc::new(Cell::new(None));
    let (host, s, from) = (chart_box.clone(), shared.clone(), start.clone());
    let down = move |ev: web_sys::Event| {
        let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
        // A mark, or the larger target a small one has on a touch screen, is tapped, not
        // dragged from.
        if p.button() == 0 && dom::closest(ev.target(), ".mark, .hit").is_none() {
            from.set(drawing_x(&host, &s.borrow(), f64::from(p.client_x())));
        }
    };
    let (host, s, from) = (chart_box.clone(), shared.clone(), start.clone());
    let moved = move |ev: web_sys::Event| {
        let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
        let (Some(a), Some(b)) = (from.get(), drawing_x(&host, &s.borrow(), f64::from(p.client_x()))) else {
            return;
        };
        show_band(&host, &s.borrow(), a.min(b), a.max(b));
    };
    let (host, from) = (chart_box.clone(), start);
    let up = move |ev: web_sys::Event| {
        let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
        let a = from.take();
        if let Some(band) = dom::find(&host, ":scope > .brush") {
            band.remove();
        }
        let b = drawing_x(&host, &shared.borrow(), f64::from(p.client_x()));
        let (Some(a), Some(b)) = (a, b) else { return };
        if (a - b).abs() <= MIN_DRAG {
            return;
        }
        let range = dates(&mut shared.borrow_mut(), state, a, b);
        if let Some((lo, hi)) = range {
            let (lo, hi) = (lo.to_string(), hi.to_string());
            state.set(&[("start", &[&lo]), ("end", &[&hi])], false);
        }
    };
    vec![
        dom::Listener::new(chart_box, "pointerdown", down),
        dom::Listener::new(chart_box, "pointermove", moved),
        dom::Listener::new(chart_box, "pointerup", up),
    ]
}

/// The shaded band from `a` to `b` (drawing pixels), placed in the box's pixels.
fn show_band(host: &web_sys::Element, shared: &Shared, a: f64, b: f64) {
    let Some((rect, width)) = visible_drawing(host, shared) else { return };
    let scale = rect.width() / width.max(1.0);
    let offset = rect.left() - host.get_bounding_client_rect().left();
    let band = match dom::find(host, ":scope > .brush") {
        Some(b) => b,
        None => {
            let _ = host.insert_adjacent_html("beforeend", r#"<div class="brush"></div>"#);
            let Some(b) = dom::find(host, ":scope > .brush") else { return };
            b
        }
    };
    if let Some(style) = band.dyn_ref::<web_sys::HtmlElement>().map(|b| b.style()) {
        let _ = style.set_property("left", &format!("{}px", Shortest(offset + a * scale)));
        let _ = style.set_property("width", &format!("{}px", Shortest((b - a) * scale)));
    }
}
