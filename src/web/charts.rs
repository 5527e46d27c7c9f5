//! A chart on the page: `<figure data-chart>` holding the rendered SVG, a caption linking
//! its sources, the same numbers as a table, tooltips on hover and focus, keyboard
//! navigation between marks, and (for the timeline) a date-range brush.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Dataset, Date};
use crate::render::{ChartError, Rendered, Size};
use crate::tables::Table;
use crate::web::dom;

/// A source as a caption link.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    /// Document title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Where to read it.
    pub url: String,
}

/// What a chart figure shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOutput {
    /// The SVG, or what went wrong.
    pub svg: Result<String, String>,
    /// The numbers as a table.
    pub table: Table,
    /// Sources named in the caption.
    pub sources: Vec<SourceLink>,
    /// What the caption's sources are for.
    pub sources_label: &'static str,
}

impl ChartOutput {
    /// Assembles the output of a renderer.
    pub fn from(
        rendered: Result<Rendered, ChartError>,
        table: Table,
        data: &Dataset,
        sources_label: &'static str,
    ) -> ChartOutput {
        let (svg, ids) = match rendered {
            Ok(r) => (Ok(r.svg), r.sources),
            Err(e) => (Err(e.to_string()), Vec::new()),
        };
        let sources = ids.iter().filter_map(|id| crate::web::app::source_link(data, id)).collect();
        ChartOutput { svg, table, sources, sources_label }
    }
}

fn marks_in(host: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = host.query_selector_all(".mark") else { return Vec::new() };
    let mut marks: Vec<web_sys::Element> =
        (0..list.length()).filter_map(|k| list.item(k)).filter_map(|n| n.dyn_into().ok()).collect();
    // Markers are drawn largest first; readers step through them in time order.
    marks.sort_by_key(|m| m.get_attribute("data-date").unwrap_or_default());
    marks
}

fn focus(el: &web_sys::Element) {
    if let Ok(svg) = el.clone().dyn_into::<web_sys::SvgElement>() {
        let _ = svg.focus();
    } else if let Ok(html) = el.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// Chart figure. `draw` renders for a measured size; it is re-run when the size or any
/// signal it reads changes.
#[component]
pub fn ChartFigure(
    /// `data-chart` name: yearly, timeline or flows.
    name: &'static str,
    /// Visible heading.
    heading: &'static str,
    /// Renders the chart at a size; `None` while there is no data.
    draw: Callback<Size, Option<ChartOutput>>,
    /// Called with an incident id when a marker is activated.
    on_select: Callback<Option<String>>,
    /// Called with a date range when the reader drags across the chart (timeline only).
    on_brush: Option<Callback<Option<(Date, Date)>>>,
    /// Extra controls shown beside the chart's buttons (the flow chart's incident picker).
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let box_ref = NodeRef::<html::Div>::new();
    let size: RwSignal<Option<Size>> = RwSignal::new(None);
    let measure = move || {
        if let Some(el) = box_ref.get_untracked() {
            let (w, h) = (el.client_width(), el.client_height());
            if w > 0 && h > 0 {
                let s = Size { width: w as u32, height: h as u32 };
                if size.get_untracked() != Some(s) {
                    size.set(Some(s));
                }
            }
        }
    };
    Effect::new(move |_| {
        box_ref.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let output = Memo::new(move |_| size.get().and_then(|s| draw.run(s)));
    let show_table = RwSignal::new(false);
    let tip: RwSignal<Option<(String, f64, f64)>> = RwSignal::new(None);
    let brush: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let table_id = format!("{name}-table");
    let heading_id = format!("{name}-heading");

    let show_tip = move |el: &web_sys::Element| {
        let (Some(host), Some(text)) = (box_ref.get_untracked(), el.get_attribute("data-tip")) else {
            return;
        };
        let b = host.get_bounding_client_rect();
        let r = el.get_bounding_client_rect();
        tip.set(Some((text, r.left() + r.width() / 2.0 - b.left(), r.top() - b.top())));
    };

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(host) = box_ref.get_untracked() else { return };
        let host: web_sys::Element = host.into();
        let marks = marks_in(&host);
        if marks.is_empty() {
            return;
        }
        let active = dom::document().and_then(|d| d.active_element());
        let current = active.as_ref().and_then(|a| marks.iter().position(|m| m == a));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |k| (k + 1).min(marks.len() - 1))),
            "ArrowLeft" | "ArrowUp" => Some(current.map_or(0, |k| k.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(marks.len() - 1),
            "Enter" | " " => {
                if let Some(id) = current.and_then(|k| marks[k].get_attribute("data-incident")) {
                    ev.prevent_default();
                    on_select.run(Some(id));
                }
                None
            }
            "Escape" => {
                tip.set(None);
                if let Ok(h) = host.clone().dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
                None
            }
            _ => None,
        };
        if let Some(k) = next {
            ev.prevent_default();
            focus(&marks[k]);
            show_tip(&marks[k]);
        }
    };

    // Pixel x within the chart's own coordinates (the SVG is scaled to its box).
    let chart_x = move |client_x: f64| -> Option<f64> {
        let host = box_ref.get_untracked()?;
        let svg = host.query_selector("svg").ok().flatten()?;
        let r = svg.get_bounding_client_rect();
        let width = f64::from(size.get_untracked()?.width);
        Some((client_x - r.left()) * width / r.width().max(1.0))
    };
    let brush_dates = move |a: f64, b: f64| -> Option<(Date, Date)> {
        let host = box_ref.get_untracked()?;
        let frame = host.query_selector(".plot-frame").ok().flatten()?;
        let num = |k: &str| frame.get_attribute(k).and_then(|v| v.parse::<f64>().ok());
        let (x0, x1, d0, d1) = (num("data-x0")?, num("data-x1")?, num("data-day0")?, num("data-day1")?);
        let day = |x: f64| (d0 + (x.clamp(x0, x1) - x0) / (x1 - x0).max(1.0) * (d1 - d0)).round() as i64;
        let (lo, hi) = (day(a.min(b)), day(a.max(b)));
        Some((Date::from_days_since_epoch(lo), Date::from_days_since_epoch(hi)))
    };
    let drag_start: RwSignal<Option<f64>> = RwSignal::new(None);
    let export_error: RwSignal<Option<String>> = RwSignal::new(None);

    view! {
        <figure data-chart=name class="chart" aria-labelledby=heading_id.clone()>
            <div class="chart-head">
                <h2 id=heading_id.clone()>{heading}</h2>
                <div class="chart-actions">
                    {children.map(|c| c())}
                    <button
                        class="table-toggle"
                        aria-controls=table_id.clone()
                        aria-expanded=move || show_table.get().to_string()
                        on:click=move |_| show_table.update(|s| *s = !*s)
                    >
                        {move || if show_table.get() { "Hide table" } else { "Show table" }}
                    </button>
                    <button
                        class="download"
                        on:click=move |_| {
                            export_error.set(None);
                            if let Some(Ok(svg)) = output.get_untracked().map(|o| o.svg) {
                                if let Err(e) = dom::download(&format!("heist-ledger-{name}.svg"), "image/svg+xml", &svg) {
                                    export_error.set(Some(format!("The SVG could not be saved: {e}.")));
                                }
                            }
                        }
                    >
                        "Download SVG"
                    </button>
                    <button
                        class="download-png"
                        on:click=move |_| {
                            export_error.set(None);
                            if let (Some(Ok(svg)), Some(s)) = (output.get_untracked().map(|o| o.svg), size.get_untracked()) {
                                dom::download_png(&format!("heist-ledger-{name}.png"), &svg, s.width, s.height, 2.0, move |e| {
                                    export_error.set(Some(format!("The PNG could not be made: {e}. The SVG download still works.")));
                                });
                            }
                        }
                    >
                        "Download PNG"
                    </button>
                </div>
            </div>
            <div
                class="chart-box"
                class:brushable=on_brush.is_some()
                node_ref=box_ref
                tabindex="0"
                aria-label=format!("{heading}. Use the arrow keys to move between marks; Enter selects an incident.")
                on:keydown=on_keydown
                on:mouseover=move |ev| if let Some(el) = dom::closest(ev.target(), ".mark") { show_tip(&el) }
                on:mouseout=move |_| tip.set(None)
                on:focusin=move |ev| if let Some(el) = dom::closest(ev.target(), ".mark") { show_tip(&el) }
                on:focusout=move |_| tip.set(None)
                on:click=move |ev| if let Some(id) = dom::closest(ev.target(), "[data-incident]").and_then(|e| e.get_attribute("data-incident")) { on_select.run(Some(id)) }
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if on_brush.is_some() && ev.button() == 0 && dom::closest(ev.target(), ".mark").is_none() {
                        drag_start.set(chart_x(f64::from(ev.client_x())));
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    if let (Some(a), Some(b)) = (drag_start.get_untracked(), chart_x(f64::from(ev.client_x()))) {
                        brush.set(Some((a.min(b), a.max(b))));
                    }
                }
                on:pointerup=move |ev: web_sys::PointerEvent| {
                    let start = drag_start.get_untracked();
                    drag_start.set(None);
                    brush.set(None);
                    if let (Some(a), Some(b), Some(cb)) = (start, chart_x(f64::from(ev.client_x())), on_brush) {
                        if (a - b).abs() > 6.0 {
                            if let Some(range) = brush_dates(a, b) {
                                cb.run(Some(range));
                            }
                        }
                    }
                }
            >
                {move || match output.get().map(|o| o.svg) {
                    Some(Ok(svg)) => view! { <div class="svg-host" inner_html=svg></div> }.into_any(),
                    Some(Err(e)) => view! { <p class="chart-error" role="alert">{e}</p> }.into_any(),
                    None => view! { <p class="chart-placeholder">"Loading…"</p> }.into_any(),
                }}
                {move || brush.get().map(|(a, b)| {
                    let scale = size.get_untracked().map_or(1.0, |s| {
                        box_ref.get_untracked().map_or(1.0, |h| f64::from(h.client_width()) / f64::from(s.width).max(1.0))
                    });
                    view! { <div class="brush" style:left=format!("{}px", a * scale) style:width=format!("{}px", (b - a) * scale)></div> }
                })}
                {move || tip.get().map(|(text, x, y)| view! {
                    <div class="tooltip" role="status" style:left=format!("{x}px") style:top=format!("{y}px")>{text}</div>
                })}
            </div>
            {move || export_error.get().map(|e| view! { <p class="chart-error" role="alert">{e}</p> })}
            <figcaption>
                {move || output.get().map(|o| {
                    let label = o.sources_label;
                    view! {
                        <span class="sources-label">{label} ": "</span>
                        {
                            let count = o.sources.len();
                            let links = o.sources.into_iter().map(|s| view! {
                                <li>
                                    <a href=s.url target="_blank" rel="noopener noreferrer">{s.title}</a>
                                    <span class="publisher">" (" {s.publisher} ")"</span>
                                </li>
                            }).collect_view();
                            // A long list folds away so the caption never buries the chart on a phone.
                            match count {
                                0 => view! { <span>"the incident sources, listed in the table and the incident table below."</span> }.into_any(),
                                1..=3 => view! { <ul class="sources">{links}</ul> }.into_any(),
                                _ => view! {
                                    <details class="sources">
                                        <summary>{count} " documents"</summary>
                                        <ul class="sources">{links}</ul>
                                    </details>
                                }.into_any(),
                            }
                        }
                    }
                })}
            </figcaption>
            <div id=table_id class="table-wrap" class:visually-hidden=move || !show_table.get()>
                {move || output.get().map(|o| view! { <DataTable table=o.table /> })}
            </div>
        </figure>
    }
}

/// A table of numbers with linked sources.
#[component]
pub fn DataTable(
    /// The table.
    table: Table,
) -> impl IntoView {
    view! {
        <table data-table=table.name.clone()>
            <caption>{table.caption.clone()}</caption>
            <thead>
                <tr>{table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {table.rows.iter().map(|row| view! {
                    <tr>
                        {row.iter().map(|cell| {
                            let class = if cell.numeric { "num" } else { "" };
                            match &cell.href {
                                Some(href) => view! { <td class=class><a href=href.clone() target="_blank" rel="noopener noreferrer">{cell.text.clone()}</a></td> }.into_any(),
                                None => view! { <td class=class>{cell.text.clone()}</td> }.into_any(),
                            }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
