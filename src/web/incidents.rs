//! The incident table (sortable, searchable through the filters) and the incident detail
//! panel with every field, the attribution, the sources and the incident's laundering flow.

use leptos::prelude::*;

use crate::aggregate::sort_incidents;
use crate::format::{dollars_exact, money};
use crate::query::{SortKey, ViewState};
use crate::render::Size;
use crate::web::app::{draw_flows, source_link, Shared};
use crate::web::charts::DataTable;

/// Rows shown before "Show all".
const TABLE_PAGE: usize = 100;

/// The incidents in view as a table; a row opens the detail panel.
#[component]
pub fn IncidentTable(
    /// Page state.
    shared: Shared,
    /// Opens an incident.
    on_select: Callback<Option<String>>,
    /// Changes the view (sorting).
    on_view: Callback<ViewState>,
) -> impl IntoView {
    // Owned copies of the sorted rows, so the (possibly deferred) row views need no borrow
    // of the page state.
    let incidents: Vec<crate::model::Incident> = {
        let mut list = shared.view.filter.apply(&shared.data);
        sort_incidents(&mut list, shared.view.sort, shared.view.ascending);
        list.into_iter().cloned().collect()
    };
    let count = incidents.len();
    let data = shared.data.clone();
    let selected_id = shared.view.incident.clone();
    let header = |key: SortKey, label: &'static str| {
        let v = shared.view.clone();
        let active = v.sort == key;
        let aria = if !active {
            "none"
        } else if v.ascending {
            "ascending"
        } else {
            "descending"
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button class="sort" on:click=move |_| {
                    let mut next = v.clone();
                    next.ascending = if next.sort == key { !next.ascending } else { key.natural_ascending() };
                    next.sort = key;
                    on_view.run(next);
                }>{label}{if active { if v.ascending { " ▲" } else { " ▼" } } else { "" }}</button>
            </th>
        }
    };
    let rows = move |limit: usize| {
        incidents
        .iter()
        .take(limit)
        .map(|i| {
            let id = i.id.clone();
            let selected = selected_id.as_deref() == Some(i.id.as_str());
            let range = match (i.usd_low, i.usd_high) {
                (Some(lo), Some(hi)) => format!(" ({}–{})", money(lo), money(hi)),
                _ => String::new(),
            };
            view! {
                <tr data-incident=i.id.clone() class:selected=selected>
                    <td>{i.date.human()}</td>
                    <th scope="row">
                        <button class="link" aria-haspopup="dialog" on:click=move |_| on_select.run(Some(id.clone()))>{i.victim.clone()}</button>
                    </th>
                    <td>{i.category.label()}</td>
                    <td class="num">{money(i.usd)}<span class="range">{range}</span></td>
                    <td>{i.actor.clone()}</td>
                    <td>{i.attribution.confidence.label()}{i.attribution.contested.then_some(" (contested)")}</td>
                    <td class="sources-cell">{i.sources.iter().filter_map(|s| source_link(&data, s)).take(2).map(|s| view! {
                        <a href=s.url target="_blank" rel="noopener noreferrer" title=s.title>{s.publisher}</a>" "
                    }).collect_view()}</td>
                </tr>
            }
        })
        .collect_view()
    };
    // A long table is cut to its first rows until asked: building thousands of rows would
    // hold up every filter change.
    let show_all = RwSignal::new(count <= TABLE_PAGE);
    view! {
        <section class="incidents" aria-labelledby="incidents-heading">
            <h2 id="incidents-heading">"Incidents (" {count} ")"</h2>
            <div class="table-scroll">
                <table class="incident-table">
                    <thead>
                        <tr>
                            {header(SortKey::Date, "Date")}
                            {header(SortKey::Victim, "Victim")}
                            {header(SortKey::Category, "Category")}
                            {header(SortKey::Usd, "Stolen (USD)")}
                            {header(SortKey::Actor, "Actor")}
                            {header(SortKey::Confidence, "Attribution")}
                            <th scope="col">"Sources"</th>
                        </tr>
                    </thead>
                    <tbody>{move || rows(if show_all.get() { usize::MAX } else { TABLE_PAGE })}</tbody>
                </table>
            </div>
            <Show when=move || !show_all.get()>
                <p class="more">
                    "Showing the first " {TABLE_PAGE} " of " {count} ". "
                    <button on:click=move |_| show_all.set(true)>"Show all " {count}</button>
                </p>
            </Show>
        </section>
    }
}

/// Every field of the selected incident, its sources and its laundering flow.
#[component]
pub fn IncidentDetail(
    /// Page state.
    shared: Shared,
    /// Closes the panel.
    on_close: Callback<()>,
) -> impl IntoView {
    let Some(i) = shared.view.incident.as_deref().and_then(|id| shared.data.incident(id)).cloned() else {
        return ().into_any();
    };
    let data = shared.data.clone();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Move focus into the panel when it opens, so keyboard and screen reader users land on it.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let range = match (i.usd_low, i.usd_high) {
        (Some(lo), Some(hi)) => Some(format!("{} to {}", money(lo), money(hi))),
        (Some(lo), None) => Some(format!("at least {}", money(lo))),
        (None, Some(hi)) => Some(format!("up to {}", money(hi))),
        (None, None) => None,
    };
    let flow_shared = shared.clone();
    let incident_id = i.id.clone();
    let flow = data.flow_for(&i.id).is_some().then(|| {
        // Drawn at the panel's likely width so labels stay legible on a phone.
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .map_or(720.0, |w| (w - 64.0).clamp(300.0, 960.0));
        let size = Size { width: width as u32, height: (width * 0.55).clamp(320.0, 480.0) as u32 };
        let out = draw_flows(Some(flow_shared), size, Some(&incident_id));
        out.map(|o| {
            let table = o.table.clone();
            view! {
                <section class="detail-flow" data-detail-flow=incident_id.clone()>
                    <h3>"Laundering flow"</h3>
                    {match o.svg {
                        Ok(svg) => view! { <div class="svg-host" inner_html=svg></div> }.into_any(),
                        Err(e) => view! { <p class="chart-error" role="alert">{e}</p> }.into_any(),
                    }}
                    <details><summary>"Flow as a table"</summary><DataTable table=table /></details>
                </section>
            }
        })
    });
    let sources = i
        .sources
        .iter()
        .map(|id| match data.source(id) {
            Some(s) => view! {
                <li><a href=s.url.clone() target="_blank" rel="noopener noreferrer">{s.title.clone()}</a>
                    " — " {s.publisher.clone()}{s.date.map(|d| format!(", {}", d.human()))}</li>
            }
            .into_any(),
            None => view! { <li>{id.clone()}</li> }.into_any(),
        })
        .collect_view();
    let enforcement = data
        .enforcement
        .iter()
        .filter(|e| e.incidents.contains(&i.id))
        .map(|e| {
            let link = source_link(&data, &e.source);
            view! {
                <li>{e.date.human()} ": " {e.title.clone()} " (" {e.authority.clone()} ") "
                    {link.map(|s| view! { <a href=s.url target="_blank" rel="noopener noreferrer">"source"</a> })}</li>
            }
        })
        .collect_view();
    view! {
        <aside
            class="detail"
            role="dialog"
            aria-modal="false"
            aria-labelledby="detail-heading"
            data-incident-detail=i.id.clone()
            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { on_close.run(()) }
        >
            <div class="detail-head">
                <h2 id="detail-heading" tabindex="-1" node_ref=heading>{i.victim.clone()} ", " {i.date.human()}</h2>
                <button class="close" aria-label="Close the incident details" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <p class="summary">{i.summary.clone()}</p>
            <dl class="facts">
                <dt>"Stolen"</dt><dd>{money(i.usd)} " (" {dollars_exact(i.usd)} ")" {range.map(|r| format!("; published estimates range {r}"))}</dd>
                {i.amount_note.clone().map(|n| view! { <dt>"On the amount"</dt><dd>{n}</dd> })}
                <dt>"Date"</dt><dd>{i.date.human()}{i.date_note.clone().map(|n| format!(" ({n})"))}</dd>
                <dt>"Victim category"</dt><dd>{i.category.label()}</dd>
                <dt>"Chains"</dt><dd>{i.chains.join(", ")}</dd>
                <dt>"Assets"</dt><dd>{i.assets.join(", ")}</dd>
                <dt>"Attack vector"</dt><dd>{i.vector.label()} ": " {i.vector_detail.clone()}</dd>
                <dt>"Actor"</dt><dd>{i.actor.clone()}</dd>
                <dt>"Attribution"</dt>
                <dd>{i.attribution.by.join(", ")} " — " {i.attribution.confidence.label()}
                    {i.attribution.contested.then_some(" — contested")}
                    {i.attribution.note.clone().map(|n| format!(". {n}"))}</dd>
                {i.recovered_usd.map(|r| view! { <dt>"Frozen or recovered"</dt><dd>{money(r)}</dd> })}
                {i.recovered_note.clone().map(|n| view! { <dt>"On recovery"</dt><dd>{n}</dd> })}
            </dl>
            <h3>"Sources"</h3>
            <ul class="source-list">{sources}</ul>
            {(!data.enforcement.iter().all(|e| !e.incidents.contains(&i.id))).then(|| view! {
                <h3>"Enforcement"</h3>
                <ul>{enforcement}</ul>
            })}
            {flow}
        </aside>
    }
    .into_any()
}
