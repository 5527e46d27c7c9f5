//! One chart alone in an iframe (`?embed=yearly`): its title, the view in words, the chart,
//! the source line, the data release and a link back to the full view; and the height
//! messages the host page listens for (this page's own, AMP `embed-size`, Pym.js).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::exports;
use crate::pipeline::{self, ChartKind};
use crate::view::{Embed, ViewState};
use crate::web::charts::ChartFigure;
use crate::web::diff::DiffLine;
use crate::web::dom;
use crate::web::state::page;

/// The embedded chart with its frame of words (unless `plain`).
#[component]
pub fn EmbedPage(
    /// What is embedded, and how.
    embed: Embed,
) -> impl IntoView {
    let state = page();
    let kind = embed.chart;
    let words = Memo::new(move |_| {
        state.selection.with(|s| {
            let s = s.as_ref()?;
            let frame = pipeline::frame_for(s, kind, kind.size_for(640), "");
            let full = ViewState { embed: None, present: None, ..s.view.clone() };
            let site = dom::site_root();
            Some((frame, exports::pinned_url(s, &full, &site)))
        })
    });
    let plain = embed.plain;
    size_the_frame(kind, plain, embed.pym_id.clone());
    view! {
        <div class="embed">
            {(!plain).then(|| view! {
                <p class="embed-view">{move || words.with(|w| w.as_ref().map(|(f, _)| f.subtitle.clone()))}</p>
            })}
            <ChartFigure kind=kind />
            <DiffLine />
            {(!plain).then(|| view! {
                <footer class="embed-foot">
                    <p>{move || words.with(|w| w.as_ref().map(|(f, _)| f.sources.clone()))}</p>
                    <p>
                        {move || words.with(|w| w.as_ref().map(|(f, _)| f.dated.clone()))}
                        " · "
                        <a
                            target="_blank"
                            rel="noopener"
                            data-embed-link
                            href=move || words.with(|w| w.as_ref().map(|(_, link)| link.clone()).unwrap_or_default())
                        >
                            "Open the full view in Heist Ledger"
                        </a>
                    </p>
                </footer>
            })}
        </div>
    }
}

/// Sizes the frame as a fixed box and tells the host page its height whenever the frame's
/// width changes: once as `{type: "heist-ledger:height"}`, once as AMP's `embed-size`, and
/// as Pym.js's string when the host gave a Pym id. The height is
/// [`exports::embed_height`] of the width (the stylesheet makes `main` that tall), so it
/// says nothing about the data. Nothing is posted before the frame has a width (a frame in
/// a collapsed layout starts at 0), nor twice the same, nor outside a frame.
fn size_the_frame(kind: ChartKind, plain: bool, pym_id: Option<String>) {
    let Some(window) = web_sys::window() else { return };
    let Some(root) = dom::document().and_then(|d| d.document_element()) else { return };
    let parent = window.parent().ok().flatten().filter(|p| *p != window);
    // Not a reactive value: the observer outlives the component that set it up.
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let measured = root.clone();
    let size = move || {
        let width = measured.client_width();
        if width <= 0 {
            return;
        }
        let height = exports::embed_height(kind, width as u32, plain);
        if last.replace(height) == height {
            return;
        }
        if let Ok(el) = measured.clone().dyn_into::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("--embed-height", &format!("{height}px"));
        }
        if let Some(parent) = &parent {
            post_height(parent, height, pym_id.as_deref());
        }
    };
    size();
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(size);
    // The observer and its callback live as long as the frame; it reports the page's box
    // whenever the frame's width changes, from 0 too.
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    callback.forget();
}

/// Posts `height` in the three forms hosts listen for.
fn post_height(parent: &web_sys::Window, height: u32, pym_id: Option<&str>) {
    let own = js_sys::Object::new();
    let amp = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), &v);
    };
    set(&own, "type", "heist-ledger:height".into());
    set(&own, "height", height.into());
    set(&amp, "sentinel", "amp".into());
    set(&amp, "type", "embed-size".into());
    set(&amp, "height", height.into());
    let _ = parent.post_message(&own, "*");
    let _ = parent.post_message(&amp, "*");
    if let Some(id) = pym_id {
        let _ = parent.post_message(&exports::pym_height_message(id, height).into(), "*");
    }
}
