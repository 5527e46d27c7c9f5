//! Browser tests (wasm-bindgen-test in headless Chromium): the parts that need a DOM.
//! Run by `make web`: `cargo test --target wasm32-unknown-unknown --test web`.

#![cfg(target_arch = "wasm32")]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use heist_ledger::html;
use heist_ledger::model::Dataset;
use heist_ledger::pipeline::{ChartKind, Selection};
use heist_ledger::view::{Theme, ViewState};
use heist_ledger::web::figure::Figure;
use heist_ledger::web::state::PageState;
use heist_ledger::web::{fetch, panic};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/minimal.json");

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// A fresh, visible container of a known width for one test, under the stylesheet's rules
/// for a chart box (a fixed height; tooltips and the brush laid over it, not in its flow).
fn container(id: &str) -> web_sys::HtmlElement {
    let doc = document();
    if doc.get_element_by_id("test-style").is_none() {
        let style = doc.create_element("style").expect("style");
        style.set_id("test-style");
        style.set_text_content(Some(
            ".chart-box{position:relative;height:360px}.tooltip,.brush{position:absolute}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden}",
        ));
        doc.head().expect("head").append_child(&style).expect("append");
    }
    let el: web_sys::HtmlElement = doc.create_element("div").expect("div").dyn_into().expect("html element");
    el.set_id(id);
    el.style().set_property("width", "800px").expect("width");
    doc.body().expect("body").append_child(&el).expect("append");
    el
}

/// Lets effects and the microtask queue run.
async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// The timeline figure as the markup functions write it, taken over for the fixture in a
/// fresh container, with page state whose write path records the view it is sent; returns
/// the container, that view, and the mount handle (dropping it ends the test's page).
async fn mount_timeline(
    id: &str,
) -> (
    web_sys::HtmlElement,
    RwSignal<ViewState>,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let data: Arc<Dataset> = Arc::new(
        heist_ledger::load::parse_dataset(
            FIXTURE.as_bytes(),
            "minimal.json",
            heist_ledger::model::Date::new(2100, 1, 1),
        )
        .expect("fixture"),
    );
    let host = container(id);
    let kind = ChartKind::Timeline;
    host.set_inner_html(&html::figure(kind, "", html::DRAWING_PENDING, "", ""));
    let el = host.query_selector("figure").expect("q").expect("the figure");
    let view_state = RwSignal::new(ViewState::default());
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        let data = data.clone();
        let selection =
            Memo::new(move |_| Some(Selection::new(data.clone(), view_state.get(), Theme::Light)));
        let view = Memo::new(move |_| view_state.get());
        let data_url = Memo::new(|_| "data/incidents.json".to_string());
        let go = Callback::new(move |(v, _): (ViewState, bool)| view_state.set(v));
        let state = PageState::new(selection, view, data_url, go);
        provide_context(state);
        let resized = RwSignal::new(0u32);
        let figure = Rc::new(RefCell::new(Figure::attach(el, kind, 1.0, resized).expect("attached")));
        Effect::new(move |_| {
            resized.track();
            let ui = state.ui.get();
            if let Some(sel) = selection.get() {
                let mut f = figure.borrow_mut();
                f.measure();
                f.show(&sel, &ui);
            }
        });
    });
    settle().await;
    (host, view_state, mounted)
}

#[wasm_bindgen_test]
async fn a_chart_figure_holds_one_svg_a_caption_and_a_hidden_table() {
    let (host, _selected, _mounted) = mount_timeline("figure-test").await;
    let figure = host.query_selector("figure[data-chart=timeline]").expect("query").expect("the figure");
    let svgs = figure.query_selector_all("svg").expect("svgs");
    assert_eq!(svgs.length(), 1, "exactly one svg");
    let svg = figure.query_selector("svg").expect("q").expect("svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    // The chart is drawn at the width the page gave its box.
    let chart_box = figure.query_selector(".chart-box").expect("q").expect("box");
    assert_eq!(svg.get_attribute("width"), Some(chart_box.client_width().to_string()));
    let caption = figure.query_selector("figcaption a").expect("q").expect("a source link in the caption");
    assert!(caption.get_attribute("href").unwrap_or_default().starts_with("https://"));

    let table = figure.query_selector("table[data-table=timeline]").expect("q").expect("table is in the DOM");
    let wrap = table.parent_element().expect("wrapper");
    assert!(wrap.class_list().contains("visually-hidden"), "hidden until toggled");
    let toggle: web_sys::HtmlElement =
        figure.query_selector(".table-toggle").expect("q").expect("toggle").dyn_into().expect("button");
    toggle.click();
    settle().await;
    assert!(!wrap.class_list().contains("visually-hidden"), "shown after the toggle");
    // The head is redrawn from the state: read the button again.
    let toggle = figure.query_selector(".table-toggle").expect("q").expect("toggle");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(toggle.text_content().as_deref(), Some("Hide table"));
}

#[wasm_bindgen_test]
async fn arrow_keys_move_focus_between_marks_in_time_order_and_enter_selects() {
    let (host, selected, _mounted) = mount_timeline("keyboard-test").await;
    let chart_box: web_sys::HtmlElement =
        host.query_selector(".chart-box").expect("q").expect("box").dyn_into().expect("html");
    chart_box.focus().expect("focus");
    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
        let target = document().active_element().expect("something has focus");
        target.dispatch_event(&ev).expect("dispatch");
    };
    press("ArrowRight");
    settle().await;
    let active = document().active_element().expect("focused");
    assert_eq!(active.get_attribute("class").as_deref(), Some("mark"), "a mark has focus");
    // Marks are visited in time order (the chart data's), not in the order they are drawn:
    // the first is the oldest.
    assert_eq!(active.get_attribute("data-date").as_deref(), Some("2024-03-10"));
    let tip = host.query_selector(".tooltip").expect("q").expect("a tooltip is shown");
    assert!(tip.text_content().unwrap_or_default().contains("$300M"), "the tooltip gives the value");
    press("ArrowRight");
    settle().await;
    let second = document().active_element().expect("focused");
    assert_eq!(second.get_attribute("data-date").as_deref(), Some("2024-09-01"));
    press("Enter");
    settle().await;
    assert_eq!(
        selected.get_untracked().incident.as_deref(),
        Some("beta-2024"),
        "Enter went through the one write path"
    );
}

#[wasm_bindgen_test]
fn the_panic_panel_shows_the_message_and_sets_the_error_state() {
    panic::show("test message");
    let panel = document().get_element_by_id("fatal").expect("the panel exists");
    assert!(!panel.has_attribute("hidden"));
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(panel.text_content().unwrap_or_default().contains("test message"));
    let state = document().document_element().and_then(|r| r.get_attribute("data-state"));
    assert_eq!(state.as_deref(), Some("error"));
}

#[wasm_bindgen_test]
async fn data_from_another_website_is_refused_with_an_explanation() {
    let Err(err) = fetch::load("https://data.example.org/incidents.json", &|_| ()).await else {
        panic!("cross-origin is refused")
    };
    assert!(err.summary.contains("another website"), "{}", err.summary);
    assert!(err.hint.unwrap_or_default().contains("copy the file"), "it says what to do");
}

#[wasm_bindgen_test]
async fn a_missing_data_file_reports_the_server_status() {
    let Err(err) = fetch::load("no-such-file.json", &|_| ()).await else { panic!("missing file") };
    assert!(err.summary.contains("404"), "{}", err.summary);
}
