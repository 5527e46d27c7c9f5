//! One chart alone in an iframe (`?embed=yearly`): its title, the view in words, the chart,
//! what changed since an earlier release (`?since=`, folded), the source line, the data release and a link back to the full view; and the height
//! messages the host page listens for (this page's own, AMP `embed-size`, Pym.js). The
//! words come from the chart's data, so the chart is drawn once, at the frame's width.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::exports;
use crate::html::{self, live::EmbedWords, Slot};
use crate::pipeline::{self, ChartKind, Part as Block, PartKey, Selection};
use crate::view::Embed;
use crate::web::dom;
use crate::web::figure::Figure;
use crate::web::inputs::Inputs;
use crate::web::part::Part;

/// The embedded chart and its words.
pub(crate) struct EmbedPage {
    figure: Figure,
    diff: Option<Part<PartKey>>,
    view: Option<Part<String>>,
    foot: Option<Part<String>>,
    _size: Option<FrameSize>,
}

impl EmbedPage {
    /// Writes the embed's elements into `root`'s `main` and takes over its figure.
    pub fn build(root: &web_sys::Element, embed: &Embed, resized: RwSignal<u32>) -> Option<EmbedPage> {
        let kind = embed.chart;
        let main = dom::find(root, "main")?;
        let figure = html::figure(kind, "", html::DRAWING_PENDING, "", "");
        let blank = EmbedWords { view: "", sources: "", dated: "", link: "" };
        let markup = html::live::embed_page(&figure, (!embed.plain).then_some(&blank));
        let _ = main.insert_adjacent_html("beforeend", &markup);
        let frame = dom::find(&main, ":scope > .embed")?;
        let figure = Figure::attach(dom::find(&frame, "figure[data-chart]")?, kind, 1.0, resized)?;
        Some(EmbedPage {
            figure,
            diff: dom::find(&frame, &format!("[data-slot={}]", Slot::Diff.name())).map(Part::new),
            view: dom::find(&frame, ".embed-view").map(Part::new),
            foot: dom::find(&frame, ".embed-foot").map(Part::new),
            _size: FrameSize::watch(kind, embed.plain, embed.pym_id.clone()),
        })
    }

    /// The chart and its words for the selection; true when the chart is drawn.
    pub fn show(&mut self, sel: &Selection, inputs: &Inputs) -> bool {
        self.figure.measure();
        let drawn = self.figure.show(sel, &inputs.ui);
        if let Some(p) = self.diff.as_mut() {
            p.show(sel.part_key(Block::Diff), || html::diff::folded(sel));
        }
        if self.view.is_some() || self.foot.is_some() {
            let data = self.figure.data(sel);
            let frame = pipeline::export_frame(sel, &data, "");
            let link = pipeline::address(sel, &dom::site_root(), pipeline::Address::Pinned);
            let words = EmbedWords {
                view: &frame.subtitle,
                sources: &frame.sources,
                dated: &frame.dated,
                link: &link,
            };
            if let Some(p) = self.view.as_mut() {
                p.show(frame.subtitle.clone(), || crate::render::svg::escape(&frame.subtitle));
            }
            if let Some(p) = self.foot.as_mut() {
                let foot = html::live::embed_foot(&words);
                p.show(foot.clone(), || foot);
            }
        }
        drawn
    }
}

/// Sizes the frame as a fixed box and tells the host page its height whenever the frame's
/// width changes: once as `{type: "heist-ledger:height"}`, once as AMP's `embed-size`, and
/// as Pym.js's string when the host gave a Pym id. The height is
/// [`exports::embed_height`] of the width (the stylesheet makes `main` that tall), so it
/// says nothing about the data. Nothing is posted before the frame has a width (a frame in
/// a collapsed layout starts at 0), nor twice the same, nor outside a frame.
struct FrameSize {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl FrameSize {
    fn watch(kind: ChartKind, plain: bool, pym_id: Option<String>) -> Option<FrameSize> {
        let window = web_sys::window()?;
        let root = dom::document()?.document_element()?;
        let parent = window.parent().ok().flatten().filter(|p| *p != window);
        let measured = root.clone();
        let mut last = 0u32;
        let mut size = move || {
            let width = measured.client_width();
            if width <= 0 {
                return;
            }
            let height = exports::embed_height(kind, width as u32, plain);
            if std::mem::replace(&mut last, height) == height {
                return;
            }
            if let Ok(el) = measured.clone().dyn_into::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("--embed-height", &format!("{height}px"));
            }
            if let Some(parent) = &parent {
                for message in messages(height, pym_id.as_deref()) {
                    let _ = parent.post_message(&message, "*");
                }
            }
        };
        size();
        // The observer reports the page's box whenever the frame's width changes, from 0 too.
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(size);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&root);
        Some(FrameSize { observer, _callback: callback })
    }
}

impl Drop for FrameSize {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The height in the three forms hosts listen for.
fn messages(height: u32, pym_id: Option<&str>) -> Vec<JsValue> {
    let object = |pairs: &[(&str, JsValue)]| {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
        }
        JsValue::from(o)
    };
    let mut out = vec![
        object(&[("type", "heist-ledger:height".into()), ("height", height.into())]),
        object(&[("sentinel", "amp".into()), ("type", "embed-size".into()), ("height", height.into())]),
    ];
    if let Some(id) = pym_id {
        out.push(exports::pym_height_message(id, height).into());
    }
    out
}
