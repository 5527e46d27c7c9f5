//! A panic must never leave a blank page: the hook writes the message into the page's
//! alert panel and marks `<html data-state="error">`. It uses the DOM directly, because
//! after a panic nothing else in the module can be trusted to run.

use std::panic;

/// Installs the hook (once; later calls replace it with the same behaviour).
pub(crate) fn install() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&format!("The dashboard stopped because of an internal error: {info}"));
    }));
}

/// Shows `message` in the `#fatal` panel (creating it if the page lacks one) and sets the
/// error state.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-state", "error");
    }
    let panel = match document.get_element_by_id("fatal") {
        Some(p) => p,
        None => {
            let Ok(p) = document.create_element("div") else { return };
            p.set_id("fatal");
            let _ = p.set_attribute("role", "alert");
            let _ = p.set_attribute("class", "alert");
            if let Some(body) = document.body() {
                let _ = body.prepend_with_node_1(&p);
            }
            p
        }
    };
    let _ = panel.remove_attribute("hidden");
    panel.set_text_content(Some(&format!(
        "{message} Reload the page to try again; if it keeps happening, please report it with this message."
    )));
}
