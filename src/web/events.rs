//! The page's events, listened to on its stable containers (the page root, which no view
//! change replaces, and the header): every button by its [`Action`], the filter controls,
//! the release picker, the incident table, the detail and citation panels, the data box and
//! the theme button; and Escape on the whole document (it closes the detail wherever focus is).
//! Each turns into a view change through the one write path, [`PageState::set`]. A chart's
//! own events are listened to on its figure ([`crate::web::figure`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::Action;
use crate::view::{SortKey, Theme};
use crate::web::dom;
use crate::web::state::PageState;

/// The filter parameters "Clear filters" clears.
const FILTERS: [&str; 9] = ["from", "to", "category", "actor", "chain", "confidence", "q", "start", "end"];

/// Listens on `root` and the page header for as long as the returned listeners live.
pub fn install(root: &web_sys::Element, state: PageState, attempt: RwSignal<u32>) -> Vec<dom::Listener> {
    let mut out = vec![
        dom::Listener::new(root, "click", move |ev| click(&ev, state, attempt)),
        dom::Listener::new(root, "change", move |ev| change(&ev, state)),
        // On the document: Escape closes the detail wherever focus is (on <body> too, when
        // a redraw took the focused element away).
        match dom::document() {
            Some(doc) => dom::Listener::new(&doc, "keydown", move |ev| escape(&ev, state)),
            None => dom::Listener::new(root, "keydown", move |ev| escape(&ev, state)),
        },
        dom::Listener::new(root, "submit", move |ev| submit(&ev, state, attempt)),
        search_as_you_type(root, state),
    ];
    let header = dom::document().and_then(|d| d.query_selector("header.page-header").ok().flatten());
    if let Some(header) = header {
        out.push(dom::Listener::new(&header, "click", move |ev| {
            if matches!(dom::action_of(&ev), Some((Action::Theme, _))) {
                toggle_theme(state);
            }
            pick_language(&ev, state);
        }));
    }
    out
}

/// A language picked in the header: the view in force in that language (`?lang=`, a new
/// history entry, so Back returns to the last one). A click meant for a new tab or window
/// follows the link to the language's static page.
fn pick_language(ev: &web_sys::Event, state: PageState) {
    let Some(link) = dom::closest(ev.target(), "a[data-lang]") else { return };
    let new_tab = ev
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|m| m.ctrl_key() || m.meta_key() || m.shift_key() || m.button() != 0);
    if new_tab {
        return;
    }
    if let Some(code) = link.get_attribute("data-lang") {
        ev.prevent_default();
        state.set(&[("lang", &[code.as_str()])], false);
    }
}

/// The light theme for a dark page and the other way round (replacing the history entry:
/// a theme is not a place to go back to).
fn toggle_theme(state: PageState) {
    let dark = state.selection.with_untracked(|s| s.as_ref().is_some_and(|s| s.theme == Theme::Dark));
    let theme = if dark { Theme::Light } else { Theme::Dark };
    state.set(&[("theme", &[theme.slug()])], true);
}

fn click(ev: &web_sys::Event, state: PageState, attempt: RwSignal<u32>) {
    // A chart's buttons are its figure's own.
    if dom::closest(ev.target(), "figure[data-chart]").is_some() {
        return;
    }
    if let Some(toggle) = dom::closest(ev.target(), "button.filters-toggle") {
        let open = toggle.get_attribute("aria-expanded").as_deref() == Some("true");
        let _ = toggle.set_attribute("aria-expanded", if open { "false" } else { "true" });
        return;
    }
    if let Some((action, button)) = dom::action_of(ev) {
        match action {
            Action::Reset => state.set(&FILTERS.map(|k| (k, &[] as &[&str])), false),
            Action::ClearDates => state.set(&[("start", &[]), ("end", &[])], false),
            Action::Data => {
                if let Some(hook) = button.get_attribute("data-export") {
                    crate::web::incidents::download(&hook, state);
                }
            }
            Action::ShowAll => state.ui(|u| u.show_all = true),
            // The theme button in the phone's toolbar (in the header it is the header's).
            Action::Theme => toggle_theme(state),
            Action::Close => state.set(&[("incident", &[])], false),
            Action::Retry => {
                // Loading again from this moment: the state says so before the load starts.
                dom::set_root_attr("data-state", "loading");
                attempt.update(|a| *a += 1);
            }
            Action::Cite | Action::CloseCite | Action::CopyCitation => {
                crate::web::cite::act(action, &button, state)
            }
            Action::PreviousSlide | Action::NextSlide | Action::FullScreen => {
                crate::web::deck::act(action, state)
            }
            _ => {}
        }
        return;
    }
    if let Some(key) = dom::closest(ev.target(), "[data-sort]")
        .and_then(|e| e.get_attribute("data-sort"))
        .and_then(|k| SortKey::from_slug(&k))
    {
        sort_by(key, state);
    } else if let Some(id) =
        dom::closest(ev.target(), "button[data-incident]").and_then(|e| e.get_attribute("data-incident"))
    {
        state.set(&[("incident", &[&id])], false);
    }
}

/// A column's header: the other direction when it is the column in force, else the
/// column's natural direction.
fn sort_by(key: SortKey, state: PageState) {
    let v = state.view.get_untracked();
    let ascending = if v.sort == key { !v.ascending } else { key.natural_ascending() };
    state.set(&[("sort", &[key.slug()]), ("dir", &[if ascending { "asc" } else { "desc" }])], false);
}

/// The filter controls: a select or the search box sets its parameter to its value; a
/// checkbox group sets its parameter to every ticked box. The release picker beside the
/// release line sets the release the view is compared with.
fn change(ev: &web_sys::Event, state: PageState) {
    if let Some(picker) = dom::closest(ev.target(), "section.headline select[name=since]") {
        let value = picker.dyn_ref::<web_sys::HtmlElement>().map(dom::control_value).unwrap_or_default();
        let values: &[&str] = if value.is_empty() { &[] } else { &[&value] };
        state.set(&[("since", values)], false);
        return;
    }
    let Some(section) = dom::closest(ev.target(), "section.filters") else { return };
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let Some(name) = input.get_attribute("name") else { return };
    match name.as_str() {
        "category" | "confidence" => {
            let ticked: Vec<String> = dom::find_all(&section, &format!("input[name={name}]"))
                .iter()
                .filter_map(|b| {
                    b.dyn_ref::<web_sys::HtmlInputElement>().filter(|b| b.checked()).map(|b| b.value())
                })
                .collect();
            let ticked: Vec<&str> = ticked.iter().map(String::as_str).collect();
            state.set(&[(&name, &ticked)], false);
        }
        "from" | "to" | "actor" | "chain" | "q" => {
            let value = dom::control_value(&input);
            let values: &[&str] = if value.trim().is_empty() { &[] } else { &[&value] };
            // Typing replaces the history entry rather than adding one per search.
            state.set(&[(&name, values)], name == "q");
        }
        _ => {}
    }
}

/// How long the search box waits after the last key before it filters: long enough not to
/// filter on every letter of a word typed, short enough to read as immediate.
const SEARCH_PAUSE_MS: i32 = 200;

/// The search box filters as the reader types, once typing pauses ([`SEARCH_PAUSE_MS`]);
/// Enter (the `change` event) still filters at once.
fn search_as_you_type(root: &web_sys::Element, state: PageState) -> dom::Listener {
    let pending: std::rc::Rc<std::cell::Cell<Option<i32>>> = Default::default();
    dom::Listener::new(root, "input", move |ev| {
        let Some(input) = dom::closest(ev.target(), "section.filters input[name=q]") else { return };
        let Some(w) = web_sys::window() else { return };
        if let Some(handle) = pending.take() {
            w.clear_timeout_with_handle(handle);
        }
        let done = pending.clone();
        let run = wasm_bindgen::closure::Closure::once_into_js(move || {
            done.set(None);
            let Some(input) = input.dyn_ref::<web_sys::HtmlElement>() else { return };
            let value = dom::control_value(input);
            let values: &[&str] = if value.trim().is_empty() { &[] } else { &[&value] };
            // Typing replaces the history entry rather than adding one per pause.
            state.set(&[("q", values)], true);
        });
        let handle = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), SEARCH_PAUSE_MS)
            .ok();
        pending.set(handle);
    })
}

/// Escape closes the citation panel when pressed in it; otherwise it closes an open
/// incident detail wherever focus is (focus then returns to what opened it).
fn escape(ev: &web_sys::Event, state: PageState) {
    if ev.dyn_ref::<web_sys::KeyboardEvent>().is_none_or(|k| k.key() != "Escape") {
        return;
    }
    if dom::closest(ev.target(), "#cite-panel").is_some() {
        ev.prevent_default();
        crate::web::cite::close(state);
    } else if state.view.with_untracked(|v| v.incident.is_some()) {
        state.set(&[("incident", &[])], false);
    }
}

/// The data box: another dataset of the same schema, by its address on this site.
fn submit(ev: &web_sys::Event, state: PageState, attempt: RwSignal<u32>) {
    let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
    if !form.class_list().contains("data-source") {
        return;
    }
    ev.prevent_default();
    let value = form
        .query_selector("input[name=data]")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let value = value.trim();
    // Load with the address already asked for loads it again (the file may have changed,
    // or the last attempt failed); any other address goes through the view.
    let asked = if value.is_empty() { crate::web::fetch::DEFAULT_DATA_URL } else { value };
    if asked == state.data_url.get_untracked() {
        attempt.update(|a| *a += 1);
        return;
    }
    let values: &[&str] = if value.is_empty() { &[] } else { &[value] };
    state.set(&[("data", values)], false);
}
