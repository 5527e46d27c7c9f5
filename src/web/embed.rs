//! One chart alone in an iframe (`?embed=yearly`): its title, the view in words, the chart,
//! the source line, the data release and a link back to the full view; and the height
//! messages the host page listens for (this page's own, AMP `embed-size`, Pym.js).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::exports;
use crate::pipeline;
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
    let root = NodeRef::<leptos::html::Div>::new();
    post_height_on_resize(root, embed.pym_id.clone());
    let plain = embed.plain;
    view! {
        <div class="embed" node_ref=root>
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

/// Tells the host page the frame's height whenever it changes (data arriving, a resize, a
/// table opened): once as `{type: "heist-ledger:height"}`, once as AMP's `embed-size`, and
/// as Pym.js's string when the host gave a Pym id. Nothing is sent outside a frame.
fn post_height_on_resize(root: NodeRef<leptos::html::Div>, pym_id: Option<String>) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let last = StoredValue::new(0u32);
    let post = move |height: u32| {
        if height == 0 || last.get_value() == height {
            return;
        }
        last.set_value(height);
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
        if let Some(id) = &pym_id {
            let _ = parent.post_message(&exports::pym_height_message(id, height).into(), "*");
        }
    };
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let el: web_sys::Element = el.into();
        let measured = el.clone();
        let post = post.clone();
        let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            post(measured.get_bounding_client_rect().height().ceil() as u32);
        });
        // The observer and its callback live as long as the frame.
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        callback.forget();
    });
}
