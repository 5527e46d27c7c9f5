//! A figure's buttons and pickers, listened to on the figure: the table toggle, the embed
//! code and its Copy button, the downloads (images at preset sizes, the table as CSV), the
//! flow and figures pickers, and a click on a theft's mark.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::exports::{self, Preset};
use crate::html::Action;
use crate::view::ChartKind;
use crate::web::dom;
use crate::web::state::PageState;

use super::Shared;

/// Listens for clicks and changes on the figure `el`.
pub(crate) fn listen(
    el: &web_sys::Element,
    kind: ChartKind,
    shared: Rc<RefCell<Shared>>,
    state: PageState,
) -> Vec<dom::Listener> {
    let clicks = dom::Listener::new(el, "click", move |ev| click(&ev, kind, &shared, state));
    let changes = dom::Listener::new(el, "change", move |ev| change(&ev, state));
    vec![clicks, changes]
}

fn click(ev: &web_sys::Event, kind: ChartKind, shared: &Rc<RefCell<Shared>>, state: PageState) {
    if let Some((action, button)) = dom::action_of(ev) {
        match action {
            Action::Table => state.ui(|u| match u.tables.iter().position(|k| *k == kind) {
                Some(at) => {
                    u.tables.remove(at);
                }
                None => u.tables.push(kind),
            }),
            Action::Embed => state.ui(|u| u.embed = if u.embed == Some(kind) { None } else { Some(kind) }),
            Action::CopyEmbed => copy_embed(kind, state),
            Action::Svg | Action::Png | Action::Csv => {
                let preset = button.get_attribute("data-preset").and_then(|p| Preset::from_slug(&p));
                download(ev, action, preset.unwrap_or(Preset::Report), shared, state);
            }
            _ => {}
        }
        return;
    }
    // A theft's mark (or its label) opens its details.
    if let Some(id) =
        dom::closest(ev.target(), ".chart-box [data-incident]").and_then(|e| e.get_attribute("data-incident"))
    {
        state.set(&[("incident", &[&id])], false);
    }
}

/// The flow and figures pickers.
fn change(ev: &web_sys::Event, state: PageState) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let value = dom::control_value(&el);
    if let Some(name @ ("flow" | "figures")) = el.get_attribute("name").as_deref() {
        let values: &[&str] = if value.is_empty() { &[] } else { &[&value] };
        state.set(&[(name, values)], false);
    }
}

/// Copies the embed code, or selects it for Ctrl+C when the browser refuses.
fn copy_embed(kind: ChartKind, state: PageState) {
    let Some(code) = state
        .selection
        .with_untracked(|s| s.as_ref().map(|s| exports::embed_code(s, kind, &dom::site_root())))
    else {
        return;
    };
    dom::copy_text(&code, move |ok| {
        if !ok {
            let area = dom::document()
                .and_then(|d| d.query_selector(&format!("#{}-embed textarea", kind.name())).ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
            if let Some(a) = area {
                a.select();
            }
        }
        let status = if ok { "Copied." } else { "Copying was refused: the code is selected, press Ctrl+C." };
        dom::set_text(&format!("#{}-embed [role=status]", kind.name()), status);
    });
}

/// Saves the chart (drawn at the preset's size in the light theme, never at the screen's)
/// or its whole table, from the chart's data for the view in force: nothing is drawn twice.
fn download(
    ev: &web_sys::Event,
    action: Action,
    preset: Preset,
    shared: &Rc<RefCell<Shared>>,
    state: PageState,
) {
    let figure = dom::closest(ev.target(), "figure[data-chart]");
    let page_url = dom::location_href().split('?').next().unwrap_or_default().to_string();
    let result = state.selection.with_untracked(|sel| {
        let sel = sel.as_ref()?;
        let data = shared.borrow_mut().data(sel);
        let kind = data.kind();
        Some(match action {
            Action::Csv => Ok((
                exports::file_name(sel, kind.name(), Some(kind), None, "csv"),
                exports::table_csv(&data.table(usize::MAX)),
                None,
            )),
            _ => exports::image_of(sel, &data, preset, &page_url).map(|(svg, size)| {
                let ext = if action == Action::Png { "png" } else { "svg" };
                (exports::file_name(sel, kind.name(), Some(kind), Some(preset), ext), svg, Some(size))
            }),
        })
    });
    let report = move |message: Option<String>| {
        if let Some(f) = &figure {
            show_export_error(f, message.as_deref());
        }
    };
    report(None);
    match result {
        None => {}
        Some(Err(e)) => report(Some(format!("The chart could not be exported: {e}."))),
        Some(Ok((file, svg, Some(size)))) if action == Action::Png => {
            dom::download_png(&file, &svg, size.width, size.height, 2.0, move |e| {
                report(Some(format!("The PNG could not be made: {e}. The SVG download still works.")))
            });
        }
        Some(Ok((file, content, _))) => {
            let mime = if action == Action::Csv { "text/csv;charset=utf-8" } else { "image/svg+xml" };
            if let Err(e) = dom::download(&file, mime, &content) {
                report(Some(format!("The file could not be saved: {e}.")));
            }
        }
    }
}

/// The line under the chart box saying a download failed (`None` removes it).
fn show_export_error(figure: &web_sys::Element, message: Option<&str>) {
    if let Some(old) = dom::find(figure, ":scope > .export-error") {
        old.remove();
    }
    let (Some(message), Some(chart_box)) = (message, dom::find(figure, ":scope > .chart-box")) else {
        return;
    };
    let p = format!(
        r#"<p class="chart-error export-error" role="alert">{}</p>"#,
        crate::render::svg::escape(message)
    );
    let _ = chart_box.insert_adjacent_html("afterend", &p);
}
