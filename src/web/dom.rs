//! Small DOM helpers shared by the components.

use wasm_bindgen::JsCast;

use crate::model::Date;

/// Today's date in UTC, from the browser's clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_utc_full_year() as i32, (now.get_utc_month() + 1) as u8, now.get_utc_date() as u8)
}

/// The document, when there is one.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Sets an attribute on `<html>`.
pub(crate) fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        // Written only when it changes: a write restyles whatever the stylesheet keys off it.
        if root.get_attribute(name).as_deref() != Some(value) {
            let _ = root.set_attribute(name, value);
        }
    }
}

/// The nearest ancestor-or-self of an event target matching a CSS selector.
pub(crate) fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// True when the user asked the system for a dark colour scheme.
pub(crate) fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A `blob:` URL holding `content` as `mime`; the caller revokes it when done.
fn blob_url(content: &str, mime: &str) -> Result<String, String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))
}

/// Saves `href` as `filename` through a temporary link, the way browsers allow downloads.
fn click_download_link(href: &str, filename: &str) -> Result<(), String> {
    let a: web_sys::HtmlAnchorElement = document()
        .ok_or("no document")?
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(href);
    a.set_download(filename);
    a.click();
    Ok(())
}

/// The page's base address (its `<base href>`), against which the data and the site's own
/// links resolve.
pub(crate) fn base_uri() -> String {
    document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default()
}

/// The site root's absolute address: the build's `<meta name="heist-ledger:site-root">`
/// resolved against the page, else the page's base above any `v/RELEASE/` folder (the
/// development server writes no meta).
pub fn site_root() -> String {
    let base = base_uri();
    document()
        .and_then(|doc| doc.query_selector(r#"meta[name="heist-ledger:site-root"]"#).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .and_then(|root| web_sys::Url::new_with_base(&root, &base).ok())
        .map_or_else(|| crate::exports::site_root(&base), |u| u.href())
}

/// Writes `text` to the clipboard; `false` when the browser offers no clipboard here (an
/// insecure context, a refused permission).
pub async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    available && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

/// Copies `text` to the clipboard, then calls `done` with whether it worked (the caller then
/// offers the text to select).
pub(crate) fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let text = text.to_string();
    wasm_bindgen_futures::spawn_local(async move { done(write_clipboard(&text).await) });
}

/// Offers `content` as a file download.
pub(crate) fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let url = blob_url(content, mime)?;
    let clicked = click_download_link(&url, filename);
    let _ = web_sys::Url::revoke_object_url(&url);
    clicked
}

/// Opens every folded source list before the page prints, so a printed briefing carries
/// its sources. Installed once for the page's lifetime.
pub(crate) fn open_details_when_printing() {
    let Some(window) = web_sys::window() else { return };
    let open_all = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let Some(list) = document().and_then(|d| d.query_selector_all("figcaption details").ok()) else {
            return;
        };
        for k in 0..list.length() {
            if let Some(el) = list.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.set_attribute("open", "");
            }
        }
    });
    let _ = window.add_event_listener_with_callback("beforeprint", open_all.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    open_all.forget();
}

/// Offers the chart as a PNG at `scale` times its size (sharp on slides and in documents):
/// the SVG is drawn into a canvas through an image. Reports failures to `on_error`.
pub(crate) fn download_png(
    filename: &str,
    svg: &str,
    width: u32,
    height: u32,
    scale: f64,
    on_error: impl Fn(String) + 'static,
) {
    let fail = std::rc::Rc::new(on_error);
    let result = (|| -> Result<(), String> {
        let doc = document().ok_or("no document")?;
        let svg_url = blob_url(svg, "image/svg+xml")?;
        let image = web_sys::HtmlImageElement::new().map_err(|e| format!("{e:?}"))?;
        let canvas: web_sys::HtmlCanvasElement = doc
            .create_element("canvas")
            .map_err(|e| format!("{e:?}"))?
            .dyn_into()
            .map_err(|_| "not a canvas".to_string())?;
        canvas.set_width((f64::from(width) * scale).round() as u32);
        canvas.set_height((f64::from(height) * scale).round() as u32);
        let name = filename.to_string();
        let img = image.clone();
        let url = svg_url.clone();
        let fail_load = fail.clone();
        let onload = wasm_bindgen::closure::Closure::once(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            let drawn = (|| -> Result<(), String> {
                let ctx: web_sys::CanvasRenderingContext2d = canvas
                    .get_context("2d")
                    .map_err(|e| format!("{e:?}"))?
                    .ok_or("no 2d context")?
                    .dyn_into()
                    .map_err(|_| "not a 2d context".to_string())?;
                ctx.scale(scale, scale).map_err(|e| format!("{e:?}"))?;
                ctx.draw_image_with_html_image_element(&img, 0.0, 0.0).map_err(|e| format!("{e:?}"))?;
                let png = canvas.to_data_url_with_type("image/png").map_err(|e| format!("{e:?}"))?;
                // Declared 300 dpi, so documents place it at print size.
                let png = crate::exports::png_data_url_with_dpi(&png, crate::exports::PNG_DPI)?;
                click_download_link(&png, &name)
            })();
            if let Err(e) = drawn {
                fail_load(e);
            }
        });
        let fail_error = fail.clone();
        let onerror = wasm_bindgen::closure::Closure::once(move || {
            fail_error("the chart image could not be drawn".into())
        });
        image.set_onload(Some(onload.as_ref().unchecked_ref()));
        image.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        // Each fires at most once; they must outlive this function.
        onload.forget();
        onerror.forget();
        image.set_src(&svg_url);
        Ok(())
    })();
    if let Err(e) = result {
        fail(e);
    }
}

/// The value of a form control: a checkbox's `value`, a select's or input's current value.
pub(crate) fn control_value(el: &web_sys::HtmlElement) -> String {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    el.get_attribute("value").unwrap_or_default()
}

/// Replaces `el`'s content with `html`. Focus on a control inside stays on the control of
/// the same name and value (or action, or sort key, or incident), so keyboard users are not
/// thrown to the top of the page by their own change.
pub(crate) fn set_html_keeping_focus(el: &web_sys::Element, html: &str) {
    let active = document().and_then(|d| d.active_element()).filter(|a| el.contains(Some(a)));
    let selector = active.as_ref().and_then(|a| {
        ["name", "data-sort", "data-action", "data-incident"].iter().find_map(|attr| {
            let v = a.get_attribute(attr)?;
            let mut s = format!("[{attr}=\"{}\"]", v.replace('"', "\\\""));
            if a.get_attribute("type").as_deref() == Some("checkbox") {
                if let Some(val) = a.get_attribute("value") {
                    s.push_str(&format!("[value=\"{}\"]", val.replace('"', "\\\"")));
                }
            }
            Some(s)
        })
    });
    el.set_inner_html(html);
    if let Some(found) = selector.and_then(|s| el.query_selector(&s).ok().flatten()) {
        if let Ok(h) = found.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// The page's whole address.
pub(crate) fn location_href() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// The address's query string, with its `?` (empty when there is none).
pub(crate) fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Writes `query` (with its `?`, or empty) into the address bar on the page's own path:
/// a new history entry, or a replaced one for typing and theme changes.
pub(crate) fn set_query(query: &str, replace: bool) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let target = format!("{path}{query}");
    let Ok(history) = window.history() else { return };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if replace {
        history.replace_state_with_url(&state, "", Some(&target))
    } else {
        history.push_state_with_url(&state, "", Some(&target))
    };
}

/// An event listener that lives as long as this value (dropping it removes the listener).
pub struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Calls `f` for every `event` on `target`.
    pub fn new(
        target: &web_sys::EventTarget,
        event: &'static str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Listener {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        Listener { target: target.clone(), event, callback }
    }

    /// Listens for the page's lifetime.
    pub(crate) fn forever(
        target: &web_sys::EventTarget,
        event: &'static str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) {
        std::mem::forget(Listener::new(target, event, f));
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event, self.callback.as_ref().unchecked_ref());
    }
}

/// The window, as an event target.
pub(crate) fn window_target() -> Option<web_sys::EventTarget> {
    web_sys::window().map(Into::into)
}

/// The first element matching `selector` under `root`.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element matching `selector` under `root`, in document order.
pub(crate) fn find_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|k| list.item(k)).filter_map(|n| n.dyn_into().ok()).collect()
}

/// Focuses an HTML or SVG element.
pub fn focus(el: &web_sys::Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}

/// The action of the button an event came from, and the button.
pub(crate) fn action_of(ev: &web_sys::Event) -> Option<(crate::html::Action, web_sys::Element)> {
    let button = closest(ev.target(), "[data-action]")?;
    let action = crate::html::Action::from_slug(&button.get_attribute("data-action")?)?;
    Some((action, button))
}

/// Sets the text of the first element `selector` finds.
pub(crate) fn set_text(selector: &str, text: &str) {
    if let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
        el.set_text_content(Some(text));
    }
}

/// Runs `f` on the next animation frame.
pub(crate) fn next_frame(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Runs `f` in a task of its own, after the browser has had a turn (a long piece of work
/// split across tasks keeps the page answering).
pub fn later(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
}
