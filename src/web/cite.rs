//! "Cite this view": a button that opens a small panel with the view cited as plain text,
//! BibTeX and CSL-JSON ([`crate::cite`]), each in a read-only field with a Copy button.
//! Escape or Close shuts the panel and gives focus back to the button.

use wasm_bindgen::JsCast;

use crate::cite;
use crate::html::{self, Action};
use crate::pipeline::Selection;
use crate::web::dom;
use crate::web::state::{PageState, Ui};

/// The button, and the panel when the reader has it open (the citation follows the view).
pub fn markup(sel: &Selection, ui: &Ui) -> String {
    if !ui.cite {
        return html::live::cite(None, "");
    }
    let citation = cite::cite(sel, &dom::site_root(), dom::today());
    html::live::cite(Some(&citation), "")
}

/// What the panel's buttons and keys do.
pub(crate) fn act(action: Action, button: &web_sys::Element, state: PageState) {
    match action {
        Action::Cite => {
            state.ui(|u| u.cite = true);
            focus_later("#cite-panel");
        }
        Action::CloseCite => close(state),
        Action::CopyCitation => {
            if let Some(slug) = button.get_attribute("data-copy") {
                copy(&slug);
            }
        }
        _ => {}
    }
}

/// Shuts the panel; focus goes back to its button.
pub fn close(state: PageState) {
    state.ui(|u| u.cite = false);
    focus_later(".cite-button");
}

/// Focuses what `selector` finds once the screen has been brought up to date.
fn focus_later(selector: &'static str) {
    dom::next_frame(move || {
        if let Some(el) = dom::document().and_then(|d| d.query_selector(selector).ok().flatten()) {
            dom::focus(&el);
        }
    });
}

/// Copies one format; where the browser offers no clipboard, selects the field and says to
/// press Ctrl+C.
fn copy(slug: &str) {
    let Some(field) =
        dom::document().and_then(|d| d.query_selector(&format!("[data-cite={slug}]")).ok().flatten())
    else {
        return;
    };
    let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>().cloned() else { return };
    let label = match slug {
        "bibtex" => "BibTeX".to_string(),
        "csl" => "CSL-JSON".to_string(),
        _ => crate::phrase::t("cite.plain_text"),
    };
    dom::copy_text(&area.value(), move |ok| {
        let status = if ok {
            crate::phrase::fill("cite.copied", &[("label", &label)])
        } else {
            let _ = area.focus();
            area.select();
            crate::phrase::fill("cite.selected", &[("label", &label)])
        };
        dom::set_text(".cite-status", &status);
    });
}
