//! The dashboard page: loading and error states, headline figures, filters, the three
//! charts, the incident table and the detail panel. The view lives in the URL.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Router;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::aggregate::{self, data_years, Filter};
use crate::format::{money, percent};
use crate::model::{Category, Confidence, Dataset};
use crate::query::{self, ViewState};
use crate::render::theme::Theme;
use crate::render::{self, Size};
use crate::tables;
use crate::web::charts::{ChartFigure, ChartOutput, DataTable, SourceLink};
use crate::web::dom;
use crate::web::fetch::{self, Failure, DEFAULT_DATA_URL};
use crate::web::incidents::{IncidentDetail, IncidentTable};

/// The page's path prefix (`/heist-ledger` on GitHub Pages, empty at the root), read from
/// the `<base>` Trunk writes, so the router and permalinks work under a subpath.
fn base_path() -> String {
    dom::document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new(&b).ok())
        .map(|u| u.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=base_path()>
            <Dashboard />
        </Router>
    }
}

/// Everything a chart needs that comes from the page state.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The dataset on screen (the last one that loaded).
    pub data: Arc<Dataset>,
    /// The reconciled view.
    pub view: ViewState,
    /// The colour theme.
    pub theme: Theme,
}

/// Equal when it is the same loaded dataset (by identity: comparing contents would walk the
/// whole dataset on every change) and the same view.
impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.data, &other.data) && self.view == other.view && self.theme == other.theme
    }
}

/// Looks a source id up as a caption link.
pub fn source_link(data: &Dataset, id: &str) -> Option<SourceLink> {
    data.source(id).map(|s| SourceLink {
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        url: s.url.clone(),
    })
}

#[component]
fn Dashboard() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let parsed = Memo::new(move |_| {
        let pairs: Vec<(String, String)> =
            query.with(|q| q.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
        query::parse(&pairs)
    });
    let data_url = Memo::new(move |_| {
        parsed.with(|(v, _)| v.data.clone().unwrap_or_else(|| DEFAULT_DATA_URL.to_string()))
    });

    let dataset: RwSignal<Option<Arc<Dataset>>> = RwSignal::new(None);
    let failure: RwSignal<Option<Failure>> = RwSignal::new(None);
    let loading = RwSignal::new(true);
    let attempt = RwSignal::new(0u32);

    Effect::new(move |_| {
        let url = data_url.get();
        attempt.track();
        loading.set(true);
        spawn_local(async move {
            let result = fetch::load(&url).await;
            // A newer request replaced this one: its answer is stale.
            if data_url.get_untracked() != url {
                return;
            }
            match result {
                Ok(d) => {
                    dataset.set(Some(Arc::new(d)));
                    failure.set(None);
                }
                // The last good view stays on screen; the panel explains the failure.
                Err(f) => failure.set(Some(f)),
            }
            loading.set(false);
        });
    });

    let view_state = Memo::new(move |_| {
        let (v, mut notices) = parsed.get();
        match dataset.get() {
            Some(d) => {
                let (v, more) = query::reconcile(v, &d);
                notices.extend(more);
                (v, notices)
            }
            None => (v, notices),
        }
    });

    let system_dark = dom::prefers_dark();
    let theme = Memo::new(move |_| {
        view_state.with(|(v, _)| v.theme).unwrap_or(if system_dark { Theme::Dark } else { Theme::Light })
    });
    Effect::new(move |_| dom::set_root_attr("data-theme", theme.get().slug()));
    Effect::new(move |_| {
        if view_state.with(|(v, _)| v.embed) {
            dom::set_root_attr("data-embed", "true");
        }
    });

    // Every change of view goes through the URL, so back/forward and permalinks work.
    let go = Callback::new(move |(v, replace): (ViewState, bool)| {
        let q = query::to_query(&v);
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        let target = if q.is_empty() { path } else { format!("{path}?{q}") };
        navigate(&target, NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() });
    });
    let update = move |f: &dyn Fn(&mut ViewState), replace: bool| {
        let mut v = view_state.get_untracked().0;
        f(&mut v);
        go.run((v, replace));
    };
    let update = StoredValue::new(update);

    let shared = Memo::new(move |_| {
        dataset.get().map(|data| Shared { data, view: view_state.get().0, theme: theme.get() })
    });
    let shared = Signal::derive(move || shared.get());

    // <html data-state>: ready once the data loaded and every chart holds an svg; error
    // when anything failed (the last good view may still be on screen below the panel).
    Effect::new(move |_| {
        let failed = failure.with(|f| f.is_some());
        let has_data = dataset.with(|d| d.is_some());
        let busy = loading.get();
        shared.track();
        if failed {
            dom::set_root_attr("data-state", "error");
        } else if busy || !has_data {
            dom::set_root_attr("data-state", "loading");
        } else {
            request_animation_frame(move || {
                let state = match charts_rendered() {
                    Ok(()) => "ready",
                    Err(missing) => {
                        failure.set(Some(Failure {
                            summary: format!("The {missing} chart could not be drawn."),
                            problems: Vec::new(),
                            hint: None,
                        }));
                        "error"
                    }
                };
                dom::set_root_attr("data-state", state);
            });
        }
    });

    let select = Callback::new(move |id: Option<String>| {
        update.with_value(|u| u(&|v: &mut ViewState| v.incident = id.clone(), false))
    });
    let set_filter = Callback::new(move |(f, replace): (Filter, bool)| {
        update.with_value(|u| u(&|v: &mut ViewState| v.filter = f.clone(), replace))
    });
    let set_view = Callback::new(move |v: ViewState| go.run((v, false)));

    view! {
        <a class="skip" href="#charts">"Skip to the charts"</a>
        <header class="page-header">
            <div class="title">
                <h1>"Heist Ledger"</h1>
                <p class="tagline">"Cryptocurrency thefts attributed to North Korea: how much, when, and where the money went. Every figure links to its source."</p>
            </div>
            <ThemeToggle theme=theme on_change=Callback::new(move |t: Theme| update.with_value(|u| u(&|v: &mut ViewState| v.theme = Some(t), true))) />
        </header>
        <main id="main">
            <Notices notices=Signal::derive(move || view_state.with(|(_, n)| n.clone())) />
            <Show when=move || loading.get() && dataset.with(|d| d.is_none())>
                <p class="loading" role="status" aria-live="polite">"Loading the incident dataset…"</p>
            </Show>
            {move || failure.get().map(|f| view! {
                <ErrorPanel failure=f retry=Callback::new(move |_| attempt.update(|a| *a += 1)) kept=dataset.with(|d| d.is_some()) />
            })}
            // Both sections keep their place while the data loads, so the charts below do
            // not jump when it arrives.
            <section class="headline" aria-label="Headline figures" aria-busy=move || shared.with(Option::is_none).to_string()>
                {move || shared.get().map(|s| view! { <Headline shared=s /> })}
            </section>
            <section class="filters" aria-label="Filters">
                {move || shared.get().map(|s| view! { <Filters shared=s on_change=set_filter on_view=set_view /> })}
            </section>
            <section id="charts" class="charts" aria-label="Charts">
                <ChartFigure
                    name="yearly"
                    heading="Stolen per year: this dataset beside published totals"
                    draw=Callback::new(move |size: Size| draw_yearly(shared.get(), size))
                    on_select=select
                    on_brush=None
                />
                <ChartFigure
                    name="timeline"
                    heading="Heist timeline"
                    draw=Callback::new(move |size: Size| draw_timeline(shared.get(), size))
                    on_select=select
                    on_brush=Some(Callback::new(move |range| update.with_value(|u| u(&|v: &mut ViewState| v.filter.dates = range, false))))
                />
                <ChartFigure
                    name="flows"
                    heading="Where the money went"
                    draw=Callback::new(move |size: Size| {
                        let only = shared.with(|s| s.as_ref().and_then(|s| s.view.flow.clone()));
                        draw_flows(shared.get(), size, only.as_deref())
                    })
                    on_select=select
                    on_brush=None
                >
                    <FlowPicker
                        shared=shared
                        on_change=Callback::new(move |id: Option<String>| update.with_value(|u| u(&|v: &mut ViewState| v.flow = id.clone(), false)))
                    />
                </ChartFigure>
            </section>
            {move || dataset.get().map(|d| {
                let count = d.reported_totals.len();
                view! {
                    <details class="published-figures">
                        <summary>"All published figures (" {count} "), including revised and multi-year ones"</summary>
                        <DataTable table=tables::reported(&d) />
                    </details>
                }
            })}
            {move || shared.get().map(|s| view! {
                <IncidentTable shared=s.clone() on_select=select on_view=set_view />
                <IncidentDetail shared=s on_close=Callback::new(move |_| select.run(None)) />
            })}
        </main>
        <Footer
            dataset=Signal::derive(move || dataset.get())
            url=data_url
            on_load=Callback::new(move |url: String| update.with_value(|u| u(&|v: &mut ViewState| v.data = Some(url.clone()).filter(|u| !u.trim().is_empty()), false)))
        />
    }
}

/// Checks that every chart figure holds an svg; names the first that does not.
fn charts_rendered() -> Result<(), String> {
    let doc = dom::document().ok_or("page")?;
    let figures = doc.query_selector_all("figure[data-chart]").map_err(|_| "page".to_string())?;
    for k in 0..figures.length() {
        let Some(fig) =
            figures.item(k).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        if fig.query_selector(":scope > .chart-box svg").ok().flatten().is_none() {
            return Err(fig.get_attribute("data-chart").unwrap_or_default());
        }
    }
    Ok(())
}

fn draw_yearly(shared: Option<Shared>, size: Size) -> Option<ChartOutput> {
    let s = shared?;
    let incidents = s.view.filter.apply(&s.data);
    let span = s.view.filter.year_span(&s.data);
    let filtered = s.view.filter != Filter::default();
    let mut y = aggregate::yearly(&s.data, &incidents, span, filtered);
    y.selected = s.view.incident.as_deref().and_then(|id| s.data.incident(id)).map(|i| i.date.year());
    let title = |id: &str| s.data.source_label(id);
    let rendered = render::yearly::render(&y, size, s.theme, &title);
    Some(ChartOutput::from(rendered, tables::yearly(&y, &s.data), &s.data, "Reported figures"))
}

fn draw_timeline(shared: Option<Shared>, size: Size) -> Option<ChartOutput> {
    let s = shared?;
    let incidents = s.view.filter.apply(&s.data);
    let span = s.view.filter.year_span(&s.data);
    let t = aggregate::timeline(&s.data, &incidents, span, s.view.filter.dates);
    let title = |id: &str| s.data.source_label(id);
    let rendered = render::timeline::render(&t, size, s.theme, s.view.incident.as_deref(), &title);
    Some(ChartOutput::from(
        rendered,
        tables::timeline(&t, &s.data),
        &s.data,
        "Enforcement actions (incident sources are in the table below)",
    ))
}

/// Draws the flow chart for one incident, or summed over the kept incidents.
pub fn draw_flows(shared: Option<Shared>, size: Size, only: Option<&str>) -> Option<ChartOutput> {
    let s = shared?;
    let incidents = s.view.filter.apply(&s.data);
    let ids: Vec<&str> = match only {
        Some(id) => vec![id],
        None => incidents.iter().map(|i| i.id.as_str()).collect(),
    };
    let title = |id: &str| s.data.source_label(id);
    let chart_id = if only.is_some() { "detail-flow" } else { "flows" };
    match aggregate::flow_graph(&s.data, &ids) {
        Some(g) => {
            let names: Vec<String> = g
                .incidents
                .iter()
                .map(|id| s.data.incident(id).map_or(id.clone(), |i| i.victim.clone()))
                .collect();
            let label =
                if names.len() <= 3 { names.join(", ") } else { format!("{} incidents summed", names.len()) };
            let rendered = render::flows::render(&g, size, s.theme, chart_id, &label, &title);
            Some(ChartOutput::from(rendered, tables::flows(&g, &s.data), &s.data, "Tracing"))
        }
        None => {
            let rendered = render::empty(
                chart_id,
                "Laundering flow",
                "No laundering flow has been traced for the incidents in view.",
                size,
                s.theme,
            );
            Some(ChartOutput::from(
                rendered,
                tables::Table {
                    name: "flows".into(),
                    caption: "No traced flows in view".into(),
                    headers: vec![],
                    rows: vec![],
                },
                &s.data,
                "Tracing",
            ))
        }
    }
}

/// Chooses the incident whose flow the chart shows, or the sum over the incidents in view.
#[component]
fn FlowPicker(shared: Signal<Option<Shared>>, on_change: Callback<Option<String>>) -> impl IntoView {
    // Computed once per change: both the count and the list read it.
    let options = Memo::new(move |_| {
        shared.with(|s| {
            let Some(s) = s else { return Vec::new() };
            s.view
                .filter
                .apply(&s.data)
                .into_iter()
                .filter(|i| s.data.flow_for(&i.id).is_some())
                .map(|i| (i.id.clone(), format!("{} ({})", i.victim, i.date.year())))
                .collect::<Vec<_>>()
        })
    });
    let current = move || shared.with(|s| s.as_ref().and_then(|s| s.view.flow.clone()).unwrap_or_default());
    view! {
        <label class="flow-picker">"Show "
            <select name="flow" on:change=move |ev| {
                let value = event_target_value(&ev);
                on_change.run((!value.is_empty()).then_some(value));
            }>
                <option value="" selected=move || current().is_empty()>
                    {move || format!("All traced in view ({})", options.with(Vec::len))}
                </option>
                {move || options.get().into_iter().map(|(id, label)| {
                    let selected = current() == id;
                    view! { <option value=id selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn ThemeToggle(theme: Memo<Theme>, on_change: Callback<Theme>) -> impl IntoView {
    view! {
        <button
            class="theme-toggle"
            aria-pressed=move || (theme.get() == Theme::Dark).to_string()
            on:click=move |_| on_change.run(if theme.get_untracked() == Theme::Dark { Theme::Light } else { Theme::Dark })
        >
            {move || if theme.get() == Theme::Dark { "Light theme" } else { "Dark theme" }}
        </button>
    }
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

#[component]
fn Headline(shared: Shared) -> impl IntoView {
    let data = &shared.data;
    let incidents = shared.view.filter.apply(data);
    let span = shared.view.filter.year_span(data);
    let h = aggregate::headline(data, &incidents, span);
    let years = if span.0 == span.1 { span.0.to_string() } else { format!("{}–{}", span.0, span.1) };
    let largest = h.largest.as_deref().and_then(|id| data.incident(id));
    let largest_view = largest.map(|i| {
        let src = i.sources.first().and_then(|id| source_link(data, id));
        view! {
            <div class="figure">
                <dt>"Largest heist"</dt>
                <dd><span class="value">{money(i.usd)}</span> " " {i.victim.clone()} ", " {i.date.human()}</dd>
                <dd class="note">{src.map(|s| view! { "Source: " <a href=s.url target="_blank" rel="noopener noreferrer">{s.title}</a> " (" {s.publisher} ")" })}</dd>
            </div>
        }
    });
    let share_view = h.dprk_share.clone().map(|s| {
        let share_years =
            if s.years.0 == s.years.1 { s.years.0.to_string() } else { format!("{}–{}", s.years.0, s.years.1) };
        let links = s
            .totals
            .iter()
            .filter_map(|id| data.reported_totals.iter().find(|t| &t.id == id))
            .filter_map(|t| source_link(data, &t.source))
            .map(|s| view! { <a href=s.url target="_blank" rel="noopener noreferrer">{s.title}</a> " " })
            .collect_view();
        view! {
            <div class="figure">
                <dt>"DPRK share of all crypto theft"</dt>
                <dd><span class="value" data-headline="share">{percent(s.share)}</span> " in " {share_years} " (" {s.publisher.clone()} ")"</dd>
                <dd class="note">"Source: " {links}</dd>
            </div>
        }
    });
    view! {
            <dl>
                <div class="figure">
                    <dt>"Stolen, " {years.clone()}</dt>
                    <dd><span class="value" data-headline="total">{money(h.total_usd)}</span></dd>
                    <dd class="note">"Sum of the incidents in view; each row of the table below links its sources."</dd>
                </div>
                <div class="figure">
                    <dt>"Incidents"</dt>
                    <dd><span class="value" data-headline="count">{h.count}</span></dd>
                    <dd class="note">"Attributed to DPRK-linked actors by officials, research firms or investigators (see confidence)."</dd>
                </div>
                {largest_view}
                {share_view}
            </dl>
    }
}

/// Adds `item` to the list, or removes it when it is there (a checkbox).
fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(k) => {
            list.remove(k);
        }
        None => list.push(item),
    }
}

#[component]
fn Filters(
    shared: Shared,
    on_change: Callback<(Filter, bool)>,
    on_view: Callback<ViewState>,
) -> impl IntoView {
    let data = shared.data.clone();
    let filter = shared.view.filter.clone();
    let (lo, hi) = data_years(&data);
    let years: Vec<i32> = (lo..=hi).collect();
    let mut actors: Vec<String> = data.incidents.iter().map(|i| i.actor.clone()).collect();
    actors.sort();
    actors.dedup();
    let mut chains: Vec<String> = data.incidents.iter().flat_map(|i| i.chains.clone()).collect();
    chains.sort();
    chains.dedup();

    let f = filter.clone();
    let set_year = move |from: bool, value: String| {
        let mut f = f.clone();
        let y = value.parse::<i32>().ok();
        if from {
            f.from_year = y;
        } else {
            f.to_year = y;
        }
        on_change.run((f, false));
    };
    let set_year_to = set_year.clone();
    let f = filter.clone();
    let toggle_category = move |c: Category| {
        let mut f = f.clone();
        toggle(&mut f.categories, c);
        on_change.run((f, false));
    };
    let f = filter.clone();
    let toggle_confidence = move |c: Confidence| {
        let mut f = f.clone();
        toggle(&mut f.confidence, c);
        on_change.run((f, false));
    };
    let f = filter.clone();
    let set_actor = move |value: String| {
        let mut f = f.clone();
        f.actors = if value.is_empty() { vec![] } else { vec![value] };
        on_change.run((f, false));
    };
    let f = filter.clone();
    let set_chain = move |value: String| {
        let mut f = f.clone();
        f.chains = if value.is_empty() { vec![] } else { vec![value] };
        on_change.run((f, false));
    };
    let f = filter.clone();
    let set_text = move |value: String| {
        let mut f = f.clone();
        f.text = value;
        // Typing replaces the history entry rather than adding one per keystroke.
        on_change.run((f, true));
    };
    let view_now = shared.view.clone();
    let reset = move |_| {
        let mut v = view_now.clone();
        v.filter = Filter::default();
        on_view.run(v);
    };
    let dates = filter.dates;
    let clear_dates = {
        let f = filter.clone();
        move |_| {
            let mut f = f.clone();
            f.dates = None;
            on_change.run((f, false));
        }
    };
    let cats_on = filter.categories.clone();
    let conf_on = filter.confidence.clone();
    view! {
            <h2 class="visually-hidden">"Filters"</h2>
            <div class="filter-row">
                <label>"From "
                    <select name="from" on:change=move |ev| set_year(true, event_target_value(&ev))>
                        <option value="" selected=filter.from_year.is_none()>"All years"</option>
                        {years.iter().map(|y| view! { <option value=y.to_string() selected=filter.from_year == Some(*y)>{*y}</option> }).collect_view()}
                    </select>
                </label>
                <label>"To "
                    <select name="to" on:change=move |ev| set_year_to(false, event_target_value(&ev))>
                        <option value="" selected=filter.to_year.is_none()>"All years"</option>
                        {years.iter().map(|y| view! { <option value=y.to_string() selected=filter.to_year == Some(*y)>{*y}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Actor "
                    <select name="actor" on:change=move |ev| set_actor(event_target_value(&ev))>
                        <option value="" selected=filter.actors.is_empty()>"All actors"</option>
                        {actors.iter().map(|a| view! { <option value=a.clone() selected=filter.actors.contains(a)>{a.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Chain "
                    <select name="chain" on:change=move |ev| set_chain(event_target_value(&ev))>
                        <option value="" selected=filter.chains.is_empty()>"All chains"</option>
                        {chains.iter().map(|c| view! { <option value=c.clone() selected=filter.chains.contains(c)>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="search">"Search "
                    <input type="search" name="q" placeholder="Victim, asset, actor…" prop:value=filter.text.clone()
                        on:change=move |ev| set_text(event_target_value(&ev)) />
                </label>
                <button class="reset" on:click=reset>"Clear filters"</button>
            </div>
            <fieldset class="filter-row">
                <legend>"Victim category"</legend>
                {Category::ALL.into_iter().map(|c| {
                    let toggle = toggle_category.clone();
                    view! {
                        <label class="check"><input type="checkbox" name="category" value=c.slug() prop:checked=cats_on.contains(&c) on:change=move |_| toggle(c) />{c.label()}</label>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="filter-row">
                <legend>"Attribution confidence"</legend>
                {Confidence::ALL.into_iter().map(|c| {
                    let toggle = toggle_confidence.clone();
                    view! {
                        <label class="check"><input type="checkbox" name="confidence" value=c.slug() prop:checked=conf_on.contains(&c) on:change=move |_| toggle(c) />{c.label()}</label>
                    }
                }).collect_view()}
            </fieldset>
            {dates.map(|(a, b)| view! {
                <p class="date-range">"Dates narrowed on the timeline to " {a.human()} " – " {b.human()} ". "
                    <button on:click=clear_dates.clone()>"Clear date range"</button>
                </p>
            })}
    }
}

#[component]
fn Footer(
    dataset: Signal<Option<Arc<Dataset>>>,
    url: Memo<String>,
    on_load: Callback<String>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <footer class="page-footer">
            <form class="data-source" on:submit=move |ev| {
                ev.prevent_default();
                if let Some(el) = input.get_untracked() {
                    on_load.run(el.value());
                }
            }>
                <label>"Load another dataset of the same schema (address on this site): "
                    <input type="text" name="data" node_ref=input prop:value=move || url.get() spellcheck="false" />
                </label>
                <button type="submit">"Load"</button>
            </form>
            {move || dataset.get().map(|d| view! {
                <p>
                    <strong>{d.title.clone()}</strong> ", checked against its sources as of " {d.as_of.human()} ". "
                    {d.incidents.len()} " incidents, " {d.sources.len()} " sources. "
                    <a href=url.get() download="incidents.json">"Download the data"</a> " · "
                    <a href="data/incidents.schema.json">"Schema"</a>
                </p>
                {d.notes.clone().map(|n| view! { <p class="notes">{n}</p> })}
            })}
            <p>"Amounts are US dollars at the time of each theft. Attribution confidence: official (a government or UN body), research firm, or suspected."</p>
        </footer>
    }
}
