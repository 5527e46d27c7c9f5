//! "Cite this view": a button that opens a small panel with the view cited as plain text,
//! BibTeX and CSL-JSON ([`crate::cite`]), each in a read-only field with a Copy button.
//! Escape or Close shuts the panel and gives focus back to the button.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::cite::{self, Citation};
use crate::web::dom;
use crate::web::state::page;

/// Selects a field's text so the reader can copy it by hand.
fn select_field(slug: &str) {
    let Some(field) =
        dom::document().and_then(|d| d.query_selector(&format!("[data-cite={slug}]")).ok().flatten())
    else {
        return;
    };
    if let Ok(el) = field.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
    // `select()` through the object: the textarea type is not among the bindings compiled in.
    if let Ok(select) = js_sys::Reflect::get(&field, &"select".into()) {
        if let Some(f) = select.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&field);
        }
    }
}

/// The three formats: hook, label, text.
fn formats(c: &Citation) -> [(&'static str, &'static str, String); 3] {
    [
        ("text", "Plain text", c.text.clone()),
        ("bibtex", "BibTeX", c.bibtex.clone()),
        ("csl", "CSL-JSON", c.csl.clone()),
    ]
}

/// The button and its panel.
#[component]
pub fn CiteView() -> impl IntoView {
    let state = page();
    let open = RwSignal::new(false);
    let status: RwSignal<String> = RwSignal::new(String::new());
    let button = NodeRef::<html::Button>::new();
    let panel = NodeRef::<html::Div>::new();
    // Follows the view while the panel is open; computed only then.
    let citation = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        state.selection.with(|s| s.as_ref().map(|s| cite::cite(s, &dom::site_root(), dom::today())))
    });
    let show = move |_| {
        status.set(String::new());
        open.set(true);
        request_animation_frame(move || {
            if let Some(p) = panel.get_untracked() {
                let _ = p.focus();
            }
        });
    };
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    let copy = move |slug: &'static str, label: &'static str, text: String| {
        spawn_local(async move {
            if dom::write_clipboard(&text).await {
                status.set(format!("Copied: {label}."));
            } else {
                select_field(slug);
                status.set(format!(
                    "The {label} citation is selected: press Ctrl+C (\u{2318}C on a Mac) to copy it."
                ));
            }
        });
    };
    let fields = move || {
        citation.get().map(|c| {
            let note = if c.pinned {
                "The link is pinned to this data release: its data never changes."
            } else {
                "This dataset was loaded from an address of its own, so the link cannot be pinned to a release."
            };
            view! {
                <p class="cite-note">{note}</p>
                {formats(&c).into_iter().map(|(slug, label, text)| {
                    let id = format!("cite-{slug}");
                    let rows = if slug == "text" { 4 } else { 8 };
                    let copied = text.clone();
                    view! {
                        <div class="cite-field">
                            <label for=id.clone()>{label}</label>
                            <textarea id=id data-cite=slug readonly rows=rows spellcheck="false" prop:value=text></textarea>
                            <button type="button" data-copy=slug on:click=move |_| copy(slug, label, copied.clone())>"Copy"</button>
                        </div>
                    }
                }).collect_view()}
            }
        })
    };
    view! {
        <section class="cite" aria-label="Cite this view">
            <button type="button" class="cite-button" data-export="cite" node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=move || open.get().then_some("cite-panel") on:click=show>
                "Cite this view"
            </button>
            <Show when=move || open.get()>
                <div id="cite-panel" class="cite-panel" role="dialog" aria-labelledby="cite-title" tabindex="-1"
                    node_ref=panel on:keydown=on_keydown>
                    <h2 id="cite-title">"Cite this view"</h2>
                    {fields}
                    <p class="cite-status" role="status" aria-live="polite">{move || status.get()}</p>
                    <button type="button" class="cite-close" on:click=move |_| close()>"Close"</button>
                </div>
            </Show>
        </section>
    }
}
