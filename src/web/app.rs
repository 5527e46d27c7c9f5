//! The dashboard root: reads the view from the URL, loads the dataset, builds the page
//! state every component reads from context, and lays the page out. The page's content is
//! the markup [`crate::html`] writes from the pipeline, the same as the static first view.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::Dataset;
use crate::pipeline::{ChartKind, Selection};
use crate::view::{self, Theme, ViewState};
use crate::web::after::AfterYears;
use crate::web::charts::{ChartFigure, Measurer};
use crate::web::cite::CiteView;
use crate::web::diff::DiffPanel;
use crate::web::dom;
use crate::web::embed::EmbedPage;
use crate::web::fetch::{self, Failure, DEFAULT_DATA_URL};
use crate::web::incidents::{IncidentDetail, IncidentTable};
use crate::web::present::Presentation;
use crate::web::progress::LoadProgress;
use crate::web::releases::ReleaseNotice;
use crate::web::sections::{Changes, Filters, Footer, Header, Headline, PublishedFigures};
use crate::web::state::{DataOnScreen, PageState};

/// The root component. The view lives in the address's query string: read on load and on
/// Back/Forward, written by [`PageState::update`] through the History API (no router: the
/// page has one path, and the query is all its state).
#[component]
pub fn App() -> impl IntoView {
    let search = RwSignal::new(dom::location_search());
    let popstate = window_event_listener(leptos::ev::popstate, move |_| search.set(dom::location_search()));
    on_cleanup(move || popstate.remove());
    let parsed = Memo::new(move |_| search.with(|q| view::parse(&view::query_pairs(q))));
    let data_url = Memo::new(move |_| {
        parsed.with(|(v, _)| v.data.clone().unwrap_or_else(|| DEFAULT_DATA_URL.to_string()))
    });

    let dataset: RwSignal<Option<Arc<Dataset>>> = RwSignal::new(None);
    let failure: RwSignal<Option<Failure>> = RwSignal::new(None);
    let loading = RwSignal::new(true);
    let attempt = RwSignal::new(0u32);
    let received = RwSignal::new(crate::load::Progress::default());
    let shown_path: RwSignal<Option<String>> = RwSignal::new(None);

    Effect::new(move |_| {
        let url = data_url.get();
        attempt.track();
        loading.set(true);
        received.set(Default::default());
        spawn_local(async move {
            let result = fetch::load(&url, &|p| {
                if data_url.get_untracked() == url {
                    received.set(p);
                }
            })
            .await;
            // A newer request replaced this one: its answer is stale.
            if data_url.get_untracked() != url {
                return;
            }
            match result {
                Ok(d) => {
                    shown_path.set(fetch::site_path(&url));
                    dataset.set(Some(Arc::new(d)));
                    failure.set(None);
                }
                // The last good view stays on screen; the panel explains the failure.
                Err(f) => failure.set(Some(f)),
            }
            loading.set(false);
        });
    });

    let reconciled = Memo::new(move |_| {
        let (v, mut notices) = parsed.get();
        match dataset.get() {
            Some(d) => {
                let (v, more) = view::reconcile(v, &d);
                notices.extend(more);
                (v, notices)
            }
            None => (v, notices),
        }
    });
    let system_dark = dom::prefers_dark();
    let theme = Memo::new(move |_| {
        reconciled.with(|(v, _)| v.theme).unwrap_or(if system_dark { Theme::Dark } else { Theme::Light })
    });
    Effect::new(move |_| dom::set_root_attr("data-theme", theme.get().slug()));
    // Embed and briefing modes are the page's layout (the stylesheet keys off these).
    let embed = Memo::new(move |_| parsed.with(|(v, _)| v.embed.clone()));
    let presenting = Memo::new(move |_| parsed.with(|(v, _)| v.present.is_some()));
    Effect::new(move |_| {
        let e = embed.get();
        dom::set_root_attr("data-embed", if e.is_some() { "true" } else { "false" });
        dom::set_root_attr("data-still", if e.as_ref().is_some_and(|e| e.still) { "true" } else { "false" });
        dom::set_root_attr(
            "data-transparent",
            if e.as_ref().is_some_and(|e| e.transparent) { "true" } else { "false" },
        );
        dom::set_root_attr("data-present", if presenting.get() { "true" } else { "false" });
        // The static first view is the full page: an embed or a deck shows its own
        // loading line instead.
        if e.is_some() || presenting.get() {
            dom::take_over();
        }
    });
    // The earlier release the view is compared with (`?since=`), once loaded.
    let since_id = Memo::new(move |_| reconciled.with(|(v, _)| v.since.clone()));
    let (baseline, since_notice) = crate::web::diff::baseline(since_id, dataset);
    // Filtered once per view change; every chart, the headline and the table share it.
    let selection = Memo::new(move |_| {
        dataset.get().map(|data| {
            Selection::new(data, reconciled.with(|(v, _)| v.clone()), theme.get()).with_since(baseline.get())
        })
    });

    // Every change of view goes through the URL, so back/forward and permalinks work. An
    // address that would not change (Clear filters twice) adds no history entry.
    let go = Callback::new(move |(v, replace): (ViewState, bool)| {
        let q = view::to_query(&v);
        let query = if q.is_empty() { String::new() } else { format!("?{q}") };
        if search.with_untracked(|s| *s == query) {
            return;
        }
        dom::set_query(&query, replace);
        search.set(query);
    });
    let state = PageState::new(selection, data_url, go);
    provide_context(state);
    provide_context(DataOnScreen {
        path: shown_path,
        reload: Callback::new(move |_| attempt.update(|a| *a += 1)),
    });
    crate::web::print::install(state);
    let measurer = Measurer::new();
    provide_context(measurer);
    // A chart box that has had no size yet (a frame 0 px wide, a collapsed layout): the page
    // says so, and recovers as soon as the box gets one and its chart is drawn.
    let no_room = RwSignal::new(false);

    // <html data-state>: ready once the data loaded and every chart holds an svg; error
    // when anything failed (the last good view may still be on screen below the panel).
    Effect::new(move |_| {
        let failed = failure.with(|f| f.is_some());
        let has_data = dataset.with(|d| d.is_some());
        let busy = loading.get();
        selection.track();
        measurer.resized.track();
        if failed {
            dom::take_over();
            dom::set_root_attr("data-state", "error");
        } else if busy || !has_data {
            dom::set_root_attr("data-state", "loading");
        } else {
            settle(failure, no_room, SETTLE_FRAMES);
        }
    });

    let full_page = move || embed.with(Option::is_none) && !presenting.get();
    view! {
        <Show when=full_page><Header /></Show>
        <main id="main">
            <ReleaseNotice />
            <Notices notices=Signal::derive(move || {
                let mut n = reconciled.with(|(_, n)| n.clone());
                n.extend(since_notice.get());
                n
            }) />
            <Show when=move || loading.get()>
                <LoadProgress progress=received.into() />
            </Show>
            <Show when=move || no_room.get()>
                <div class="alert" role="alert" data-unsized>
                    <h2>"A chart is waiting for room on the page."</h2>
                    <p>"Its box has no width yet (the frame or section it sits in is collapsed). It is drawn as soon as it has one."</p>
                </div>
            </Show>
            {move || failure.get().map(|f| view! {
                <ErrorPanel failure=f retry=Callback::new(move |_| attempt.update(|a| *a += 1)) kept=dataset.with(|d| d.is_some()) />
            })}
            {move || match (embed.get(), presenting.get()) {
                (Some(e), _) => view! { <EmbedPage embed=e /> }.into_any(),
                (None, true) => view! { <Presentation /> }.into_any(),
                (None, false) => view! { <FullPage /> }.into_any(),
            }}
        </main>
        <Show when=full_page><Footer /></Show>
    }
}

/// The whole dashboard: headline, filters, the charts, published figures, the change log,
/// the incident table and the detail panel.
#[component]
fn FullPage() -> impl IntoView {
    view! {
        <Headline />
        <DiffPanel />
        <Filters />
        <section id="charts" class="charts" aria-label="Charts">
            {ChartKind::ALL.into_iter().map(|kind| view! { <ChartFigure kind=kind /> }).collect_view()}
        </section>
        <AfterYears />
        <PublishedFigures />
        <Changes />
        <IncidentTable />
        <IncidentDetail />
        <CiteView />
    }
}

/// How many frames a chart that has not been measured yet may take before it counts as
/// failed (a slide or embed mounts its figure, then measures it on the next frame).
const SETTLE_FRAMES: u32 = 60;

/// Sets `<html data-state>` once every chart is drawn (`ready`) or one failed (`error`),
/// checking again next frame while a chart still waits for its box to be measured. A chart
/// whose box has no size after that is not a failure of the data: `no_room` says so, and
/// the next measurement that gives a box its size settles the page again.
fn settle(failure: RwSignal<Option<Failure>>, no_room: RwSignal<bool>, frames_left: u32) {
    request_animation_frame(move || {
        let state = match charts_rendered() {
            Ok(true) => {
                no_room.set(false);
                "ready"
            }
            Ok(false) if frames_left > 0 => return settle(failure, no_room, frames_left - 1),
            Ok(false) => {
                no_room.set(true);
                "error"
            }
            Err(missing) => {
                failure.set(Some(Failure {
                    summary: format!("The {missing} chart could not be drawn."),
                    problems: Vec::new(),
                    hint: None,
                }));
                "error"
            }
        };
        // The live page now matches the first view: it replaces it in one frame.
        dom::take_over();
        dom::set_root_attr("data-state", state);
    });
}

/// `Ok(true)` when every chart figure holds an svg, `Ok(false)` while one still waits for
/// its first drawing, and the name of the first that shows an error instead.
fn charts_rendered() -> Result<bool, String> {
    let doc = dom::document().ok_or("page")?;
    // While the first view is still on the page, look at the live app's figures only.
    let scope = if doc.get_element_by_id("live").is_some() {
        "#live figure[data-chart]"
    } else {
        "figure[data-chart]"
    };
    let figures = doc.query_selector_all(scope).map_err(|_| "page".to_string())?;
    let mut drawn = true;
    for k in 0..figures.length() {
        let Some(fig) =
            figures.item(k).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let has = |selector: &str| fig.query_selector(selector).ok().flatten().is_some();
        if has(":scope > .chart-box .chart-error") {
            return Err(fig.get_attribute("data-chart").unwrap_or_default());
        }
        drawn &= has(":scope > .chart-box svg");
    }
    Ok(drawn)
}

#[component]
fn Notices(notices: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || !notices.with(Vec::is_empty)>
            <div class="notices" role="status">
                <p>"Some parts of the address were not understood and were ignored:"</p>
                <ul>{move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}

#[component]
fn ErrorPanel(failure: Failure, retry: Callback<()>, kept: bool) -> impl IntoView {
    let count = failure.problems.len();
    view! {
        <div class="alert" role="alert">
            <h2>{failure.summary.clone()}</h2>
            {(count > 0).then(|| view! {
                <ul class="problems">
                    {failure.problems.iter().map(|p| view! { <li><code>{p.clone()}</code></li> }).collect_view()}
                </ul>
            })}
            {failure.hint.clone().map(|h| view! { <p>{h}</p> })}
            {kept.then(|| view! { <p>"The charts below still show the last data that loaded."</p> })}
            <button class="retry" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}
