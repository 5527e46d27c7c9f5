//! The page's plain sections: header, headline, filters, published figures and footer.
//! Each shows the markup [`crate::html`] writes for the selection in force and turns the
//! clicks and changes inside it into view changes through the page state.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html as markup;
use crate::model::{Category, Confidence};
use crate::pipeline;
use crate::view::{Filter, Theme};
use crate::web::dom;
use crate::web::state::{data_on_screen, page};

/// Adds `item` to the list, or removes it when it is there (a checkbox).
fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(k) => {
            list.remove(k);
        }
        None => list.push(item),
    }
}

/// Title and theme button. The static page already shows them: then the app only listens
/// to the button (the header is never drawn twice, so its text is painted once); on a page
/// without the first view (the development server) it draws them.
#[component]
pub fn Header() -> impl IntoView {
    let state = page();
    let toggle = move || {
        let dark = state.selection.with_untracked(|s| s.as_ref().is_some_and(|s| s.theme == Theme::Dark));
        state.update(|v| v.theme = Some(if dark { Theme::Light } else { Theme::Dark }), true);
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if dom::closest(ev.target(), "[data-action=theme]").is_some() {
            toggle();
        }
    };
    if dom::has_static_header() {
        let listener = window_event_listener(leptos::ev::click, move |ev| {
            let outside_app = dom::closest(ev.target(), "#live").is_none();
            if outside_app && dom::closest(ev.target(), "header.page-header [data-action=theme]").is_some() {
                toggle();
            }
        });
        on_cleanup(move || listener.remove());
        return ().into_any();
    }
    view! {
        <a class="skip" href="#charts">"Skip to the charts"</a>
        <header class="page-header" inner_html=markup::header() on:click=on_click></header>
    }
    .into_any()
}

/// Total, count, largest heist and DPRK share for the view.
#[component]
pub fn Headline() -> impl IntoView {
    let state = page();
    let content = move || {
        state.selection.with(|s| {
            s.as_ref()
                .map(|s| markup::headline(&s.data, &pipeline::headline(s), s.view.since.as_deref()))
                .unwrap_or_default()
        })
    };
    // The release picker beside the release line: the view compared with that release.
    let on_change = move |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        if el.get_attribute("name").as_deref() == Some("since") {
            let value = dom::control_value(&el);
            state.update(|v| v.since = Some(value).filter(|s| !s.is_empty()), false);
        }
    };
    view! { <section class="headline" aria-label="Headline figures" inner_html=content on:change=on_change></section> }
}

/// The filter controls. Their markup is rewritten from the view on every change, so they
/// always show the view in force (after Back/Forward too); focus stays on the control.
#[component]
pub fn Filters() -> impl IntoView {
    let state = page();
    let host = NodeRef::<html::Section>::new();
    dom::bind_html(host, move || {
        state.selection.with(|s| s.as_ref().map(markup::filters).unwrap_or_default())
    });
    let set = move |f: Filter, replace: bool| state.update(|v| v.filter = f, replace);
    let current = move || state.selection.with_untracked(|s| s.as_ref().map(|s| s.view.filter.clone()));
    let on_change = move |ev: web_sys::Event| {
        let (Some(target), Some(mut f)) = (ev.target(), current()) else { return };
        let Ok(input) = target.dyn_into::<web_sys::HtmlElement>() else { return };
        let name = input.get_attribute("name").unwrap_or_default();
        let value = dom::control_value(&input);
        match name.as_str() {
            "from" => f.from_year = value.parse().ok(),
            "to" => f.to_year = value.parse().ok(),
            "actor" => f.actors = (!value.is_empty()).then_some(value).into_iter().collect(),
            "chain" => f.chains = (!value.is_empty()).then_some(value).into_iter().collect(),
            "category" => match Category::from_slug(&value) {
                Some(c) => toggle(&mut f.categories, c),
                None => return,
            },
            "confidence" => match Confidence::from_slug(&value) {
                Some(c) => toggle(&mut f.confidence, c),
                None => return,
            },
            // Typing replaces the history entry rather than adding one per search.
            "q" => return set(Filter { text: value, ..f }, true),
            _ => return,
        }
        set(f, false);
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(action) =
            dom::closest(ev.target(), "[data-action]").and_then(|e| e.get_attribute("data-action"))
        else {
            return;
        };
        match action.as_str() {
            "reset" => set(Filter::default(), false),
            "clear-dates" => {
                if let Some(f) = current() {
                    set(Filter { dates: None, ..f }, false);
                }
            }
            _ => {}
        }
    };
    view! { <section class="filters" aria-label="Filters" node_ref=host on:change=on_change on:click=on_click></section> }
}

/// Every published figure, revised and multi-year ones included.
#[component]
pub fn PublishedFigures() -> impl IntoView {
    let state = page();
    let content = move || {
        state.selection.with(|s| s.as_ref().map(|s| markup::published_figures(&s.data)).unwrap_or_default())
    };
    view! { <details class="published-figures" inner_html=content></details> }
}

/// The release log: what each data release added, revised and removed.
#[component]
pub fn Changes() -> impl IntoView {
    let state = page();
    let content =
        move || state.selection.with(|s| s.as_ref().map(|s| markup::changes(&s.data)).unwrap_or_default());
    view! { <details id="changes" class="changes" inner_html=content></details> }
}

/// Loading another dataset, and what the dataset on screen is.
#[component]
pub fn Footer() -> impl IntoView {
    let state = page();
    let shown = data_on_screen();
    let form = move || markup::data_form(&state.data_url.get());
    // The link saves the dataset on screen, from where it came (never a failed address).
    let about = move || {
        let path = shown.and_then(|d| d.path.get()).unwrap_or_default();
        state.selection.with(|s| s.as_ref().map(|s| markup::footer_about(&s.data, &path)).unwrap_or_default())
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let value = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|f| f.query_selector("input[name=data]").ok().flatten())
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        let data = Some(value.trim().to_string()).filter(|u| !u.is_empty());
        // Load with the address already asked for loads it again (the file may have changed,
        // or the last attempt failed); any other address goes through the view.
        let asked = data.as_deref().unwrap_or(crate::web::fetch::DEFAULT_DATA_URL);
        if asked == state.data_url.get_untracked() {
            if let Some(d) = shown {
                d.reload.run(());
                return;
            }
        }
        let mut v =
            state.selection.with_untracked(|s| s.as_ref().map(|s| s.view.clone())).unwrap_or_default();
        v.data = data;
        state.go_to(v);
    };
    view! {
        <footer class="page-footer">
            <div inner_html=form on:submit=on_submit></div>
            <div class="about" inner_html=about></div>
            <p>{markup::FOOTER_NOTE}</p>
        </footer>
    }
}
