//! The chart box and the drawing in it: kept as long as it shows the chart key and size in
//! force, drawn anew otherwise. The first view's box holds the chart drawn for two screen
//! classes; at start-up the one that fits the box stays (the same node) and the other goes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html;
use std::cell::RefCell;

use crate::pipeline::{ChartKey, Selection};
use crate::render::Size;
use crate::view::ChartKind;
use crate::web::dom;

use super::Shared;

/// What a chart box shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawn {
    /// Nothing known (a placeholder, or markup from before).
    Unknown,
    /// The first view's drawings of `key`, one per screen class.
    Variants(ChartKey, Vec<(&'static str, Size)>),
    /// One drawing of `key` at a size.
    One(ChartKey, Size),
}

impl Drawn {
    /// What the first view's box of `kind` holds, drawn for `key`.
    pub fn first_view(key: ChartKey, kind: ChartKind) -> Drawn {
        Drawn::Variants(
            key,
            html::FIRST_VIEW_WIDTHS.iter().map(|&(class, w)| (class, kind.size_for(w))).collect(),
        )
    }

    /// The size of the drawing shown in a host of `class` (empty: the live page's one).
    pub(crate) fn size_of(&self, class: &str) -> Option<Size> {
        match self {
            Drawn::Unknown => None,
            Drawn::Variants(_, sizes) => sizes.iter().find(|(c, _)| *c == class).map(|(_, s)| *s),
            Drawn::One(_, size) => Some(*size),
        }
    }
}

/// Shows the chart for `sel` at `size` in `chart_box`, drawing only when what is there is
/// not it (the chart's data is built only then); false while the box has no size yet.
pub fn show(
    shared: &RefCell<Shared>,
    chart_box: &web_sys::Element,
    sel: &Selection,
    size: Option<Size>,
) -> bool {
    let Some(size) = size else { return false };
    let key = sel.chart_key(shared.borrow().kind);
    let kept = match &shared.borrow().drawn {
        Drawn::One(k, s) => (*k == key && *s == size).then_some(None),
        Drawn::Variants(k, sizes) if *k == key => {
            sizes.iter().find(|(_, s)| *s == size).map(|(class, _)| Some(*class))
        }
        _ => None,
    };
    match kept {
        Some(None) => {}
        Some(Some(class)) => {
            keep_only(chart_box, class);
            shared.borrow_mut().markup = None;
        }
        None => {
            let data = shared.borrow_mut().data(sel);
            let markup = html::drawing(&data.draw(size, sel.theme));
            // A new key can draw the same chart (a filter that leaves every traced flow in).
            let digest = crate::web::part::digest(&markup);
            if shared.borrow().markup != Some(digest) {
                replace(chart_box, &markup);
                shared.borrow_mut().markup = Some(digest);
            }
        }
    }
    shared.borrow_mut().drawn = Drawn::One(key, size);
    true
}

/// Removes every drawing but the one in the host of `class`.
fn keep_only(chart_box: &web_sys::Element, class: &str) {
    for host in dom::find_all(chart_box, ":scope > .svg-host") {
        if !host.class_list().contains(class) {
            host.remove();
        } else {
            let _ = host.class_list().remove_1(class);
        }
    }
}

/// Puts `markup` in the box in place of what it drew before (tooltips and the brush stay).
fn replace(chart_box: &web_sys::Element, markup: &str) {
    for old in
        dom::find_all(chart_box, ":scope > .svg-host, :scope > .chart-error, :scope > .chart-placeholder")
    {
        old.remove();
    }
    let _ = chart_box.insert_adjacent_html("afterbegin", markup);
}

/// Bumps a signal whenever a chart box changes size (a window resize, a frame given a
/// width, a slide's box laid out), so the screen measures and redraws.
pub(crate) struct Observer {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Observer {
    /// Observes `el`.
    pub fn new(el: &web_sys::Element, resized: RwSignal<u32>) -> Option<Observer> {
        let callback =
            wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || resized.update(|n| *n += 1));
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Observer { observer, _callback: callback })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
