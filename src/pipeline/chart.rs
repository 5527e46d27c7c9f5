//! One chart's data for a selection, built once per chart key: it answers everything the
//! page asks of a chart (its sources, its table, its slide sentence, its projection) and
//! draws it when, and only when, a drawing is wanted. Frames, captions, CSV and slides read
//! the data and never need a drawing, so no chart is drawn twice for one embed, slide or
//! export.

use std::sync::Arc;

use crate::aggregate::{self, FlowGraph, PublishedData, TimelineData, YearlyData};
use crate::format::{money, percent};
use crate::layout::scale::Projection;
use crate::model::{Dataset, Date, FigureNature, Incident, NodeKind, ReportedTotal};
use crate::reconcile;
use crate::render::{self, Size};
use crate::tables::{self, Table};
use crate::view::{ChartKind, Theme};

use crate::pipeline::caption::{ChartStatus, Note};
use crate::pipeline::links::{source_link, SourceLink};
use crate::pipeline::selection::Selection;

/// What one chart is drawn from.
#[derive(Debug, Clone, PartialEq)]
enum Body {
    Yearly(YearlyData),
    /// The thefts in view and the incident the reader selected (always a mark of its own).
    Timeline(TimelineData, Option<String>),
    /// The flow summed over the thefts in view (or one theft's), `None` when none is
    /// traced; who it is about; the id its drawing's elements carry.
    Flows(Option<FlowGraph>, String, &'static str),
    Figures(PublishedData),
}

/// One chart's numbers for one selection.
#[derive(Debug, Clone)]
pub struct ChartData {
    kind: ChartKind,
    data: Arc<Dataset>,
    body: Body,
    sources: Vec<SourceLink>,
    notes: Vec<Note>,
    takeaway: String,
    /// One theft's flow: its published splits by date, shown under the chart.
    status: Option<ChartStatus>,
    /// Most nodes a flow diagram draws before folding the smaller hops.
    flow_nodes: usize,
}

/// Most nodes a flow diagram draws on a slide, read from across a room: the largest hops,
/// the others folded into "N other hops" per column (the table keeps every link).
pub(crate) const SLIDE_FLOW_NODES: usize = 5;

impl ChartData {
    /// The chart of `kind` for the selection: aggregated once, its sources and slide
    /// sentence with it.
    pub fn new(sel: &Selection, kind: ChartKind) -> ChartData {
        let incidents = sel.incidents();
        let body = match kind {
            ChartKind::Yearly => Body::Yearly(aggregate::yearly(
                &sel.data,
                &incidents,
                sel.span,
                sel.filtered(),
                sel.selected().map(|i| i.date.year()),
                sel.view.yearly_split,
            )),
            ChartKind::Timeline => Body::Timeline(timeline(sel, &incidents), sel.view.incident.clone()),
            ChartKind::Flows => {
                let ids: Vec<&str> = match sel.view.flow.as_deref() {
                    Some(id) => vec![id],
                    None => incidents.iter().map(|i| i.id.as_str()).collect(),
                };
                flows_body(&sel.data, &ids, "flows")
            }
            ChartKind::Figures => {
                let mut f = aggregate::published(&sel.data, sel.figures_year());
                for p in &mut f.points {
                    p.changed = sel.changed(&p.id);
                }
                Body::Figures(f)
            }
        };
        let mut chart = ChartData::from_body(kind, sel.data.clone(), body, &incidents);
        if sel.view.present.is_some() {
            chart.flow_nodes = SLIDE_FLOW_NODES;
        }
        if kind == ChartKind::Yearly {
            // Why a year's sum and the publishers' figures part, year by year.
            chart.notes = reconcile::reconcile(&sel.data, sel.span)
                .iter()
                .map(|n| Note {
                    hook: "reconcile",
                    key: n.year.to_string(),
                    name: n.year.to_string(),
                    text: crate::phrase::year_note(&sel.data, n),
                })
                .collect();
        }
        chart
    }

    /// The laundering flow of one incident, for its detail panel (`None` when it has none).
    pub(crate) fn flow_of(sel: &Selection, incident: &str) -> Option<ChartData> {
        sel.data.flow_for(incident)?;
        let body = flows_body(&sel.data, &[incident], "detail-flow");
        Some(ChartData::from_body(ChartKind::Flows, sel.data.clone(), body, &[]))
    }

    fn from_body(kind: ChartKind, data: Arc<Dataset>, body: Body, incidents: &[&Incident]) -> ChartData {
        let sources = cited(&data, &body);
        let takeaway = takeaway(&data, &body, incidents);
        // Why a flow does not add up to its theft, flow by flow.
        let notes = match &body {
            Body::Flows(Some(g), _, _) if !g.sum_notes.is_empty() => {
                // One map, not a search through every incident per note: a large dataset
                // has thousands of notes (quadratic at 100,000 incidents).
                let victims: std::collections::HashMap<&str, &str> =
                    data.incidents.iter().map(|i| (i.id.as_str(), i.victim.as_str())).collect();
                g.sum_notes
                    .iter()
                    .map(|(id, text)| Note {
                        hook: "flow-sum",
                        key: id.clone(),
                        name: victims.get(id.as_str()).map_or_else(|| id.clone(), |v| v.to_string()),
                        text: text.clone(),
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        // One theft's flow shows its published splits over time.
        let status = match &body {
            Body::Flows(Some(g), _, _) => match g.incidents.as_slice() {
                [one] => ChartStatus::of(&data, one),
                _ => None,
            },
            _ => None,
        };
        ChartData {
            kind,
            data,
            body,
            sources,
            notes,
            takeaway,
            status,
            flow_nodes: aggregate::MAX_DRAWN_FLOW_NODES,
        }
    }

    /// For one theft's flow: every split of it published, by date.
    pub fn status(&self) -> Option<&ChartStatus> {
        self.status.as_ref()
    }

    /// Which chart.
    pub fn kind(&self) -> ChartKind {
        self.kind
    }

    /// The documents behind the chart's figures, each once, for its caption and frame.
    pub fn sources(&self) -> &[SourceLink] {
        &self.sources
    }

    /// The notes shown under the chart: why a year's sum and the publishers' figures part,
    /// why a flow does not add up to its theft.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// For a flow that does not add up to its theft: why, short enough for an image's
    /// subtitle.
    pub(crate) fn sum_words(&self) -> Option<String> {
        match &self.body {
            Body::Flows(Some(g), _, _) => g.sum_words(),
            _ => None,
        }
    }

    /// The one sentence a briefing slide says about the chart.
    pub fn takeaway(&self) -> &str {
        &self.takeaway
    }

    /// The chart's numbers as a table, with at most `rows` rows (only the timeline's can
    /// be long).
    pub fn table(&self, rows: usize) -> Table {
        let data = &self.data;
        match &self.body {
            Body::Yearly(y) => tables::yearly(y, data),
            Body::Timeline(t, _) => tables::timeline(t, data, rows),
            Body::Flows(Some(g), _, _) => tables::flows(g, data),
            Body::Flows(None, _, _) => Table::empty("flows", "No traced flows in view"),
            Body::Figures(f) => tables::published(f, data),
        }
    }

    /// The chart drawn at `size` in `theme`: its SVG, or what went wrong in words.
    pub fn draw(&self, size: Size, theme: Theme) -> Result<String, String> {
        let data = &self.data;
        let title = |id: &str| data.source_label(id);
        let drawn = match &self.body {
            Body::Yearly(y) => render::yearly::render(y, size, theme, &title),
            Body::Timeline(t, selected) => {
                render::timeline::render(t, size, theme, selected.as_deref(), &title)
            }
            // Drawn folded when too large to read; the table lists every link.
            Body::Flows(Some(g), subject, id) => {
                let drawn = aggregate::fold_small_hops(g, self.flow_nodes);
                render::flows::render(&drawn, size, theme, id, subject, &title)
            }
            Body::Flows(None, _, id) => render::empty(
                id,
                "Laundering flow",
                "No laundering flow has been traced for the incidents in view.",
                size,
                theme,
            ),
            Body::Figures(f) => render::figures::render(f, size, theme, &title),
        };
        drawn.map_err(|e| e.to_string())
    }

    /// The size a drawing asked for at `size` has: the same, but for a flow diagram whose
    /// keyed list of nodes needs more height.
    pub fn drawn_size(&self, size: Size) -> Size {
        match &self.body {
            Body::Flows(Some(g), _, _) => {
                render::flows::drawn_size(&aggregate::fold_small_hops(g, self.flow_nodes), size)
            }
            _ => size,
        }
    }

    /// How a drawing at `size` maps the chart's data to pixels and back; `None` for the
    /// flow diagram, which has no data axes.
    pub fn projection(&self, size: Size) -> Option<Projection> {
        match &self.body {
            Body::Yearly(y) => Some(render::yearly::projection(y, size)),
            Body::Timeline(t, _) => Some(render::timeline::projection(t, size)),
            Body::Flows(..) => None,
            Body::Figures(f) => Some(render::figures::projection(f, size)),
        }
    }

    /// The drawing's marks in the order the keys step through them, as selectors, when
    /// that is not the order they are drawn in: the timeline draws its largest thefts
    /// first (so the small ones stay on top) and is read in time order. `None`: the
    /// drawing's own order is the reading order.
    pub fn reading_order(&self) -> Option<Vec<String>> {
        let Body::Timeline(t, selected) = &self.body else { return None };
        let (marked, _) = render::timeline::marked(t, selected.as_deref());
        // Enforcement actions come before thefts of the same day, as they are drawn, and the
        // freezes and recoveries after them.
        let mut order: Vec<(Date, usize, String)> = t
            .events
            .iter()
            .map(|e| (e.date, 0, format!(".mark[data-event=\"{}\"]", css_string(&e.id))))
            .collect();
        order.extend(
            marked
                .iter()
                .enumerate()
                .map(|(k, p)| (p.date, k + 1, format!(".mark[data-incident=\"{}\"]", css_string(&p.id)))),
        );
        // The lane of freezes and recoveries after the thefts of the same day.
        let after = marked.len() + 1;
        order.extend(
            t.after
                .iter()
                .enumerate()
                .map(|(k, e)| (e.date, after + k, format!(".mark[data-coop=\"{}\"]", css_string(&e.id)))),
        );
        crate::sort::by(&mut order, &|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        Some(order.into_iter().map(|(_, _, s)| s).collect())
    }
}

/// A value inside a double-quoted CSS attribute selector.
fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// What the timeline draws for the view: its thefts (marked when changed since the release
/// compared) and enforcement actions, and on a lane of their own the freezes, seizures,
/// recoveries and refusals about the thefts in view (and those tied to no theft, when the
/// view narrows only by time).
fn timeline(sel: &Selection, incidents: &[&Incident]) -> TimelineData {
    let (a, b) = sel.span;
    let axis = sel.view.filter.dates.unwrap_or((Date::new(a, 1, 1), Date::new(b, 12, 31)));
    let mut t = aggregate::timeline(&sel.data, incidents, axis);
    for p in &mut t.points {
        p.changed = sel.changed(&p.id);
    }
    t.after = crate::after::lane(&sel.data, incidents, axis, crate::after::shows_untied(&sel.view.filter));
    t
}

/// The flow body for the incidents `ids`.
fn flows_body(data: &Dataset, ids: &[&str], chart_id: &'static str) -> Body {
    let graph = aggregate::flow_graph(data, ids);
    let subject = graph.as_ref().map(|g| flow_subject(g, data)).unwrap_or_default();
    Body::Flows(graph, subject, chart_id)
}

/// Who a flow chart is about: up to three victims by name, otherwise a count.
fn flow_subject(g: &FlowGraph, data: &Dataset) -> String {
    if g.incidents.len() > 3 {
        return format!("{} incidents summed", g.incidents.len());
    }
    let names: Vec<String> =
        g.incidents.iter().map(|id| data.incident(id).map_or(id.clone(), |i| i.victim.clone())).collect();
    names.join(", ")
}

/// The documents a chart's caption cites: the published figures beside the yearly bars, the
/// enforcement actions and the freezes and recoveries on the timeline's lanes (its thefts
/// cite theirs in the tables), the
/// tracing behind each flow, and each published figure's own source. Each once, by id.
fn cited(data: &Dataset, body: &Body) -> Vec<SourceLink> {
    let mut ids: Vec<&str> = Vec::new();
    match body {
        Body::Yearly(y) => ids.extend(y.reported.iter().map(|m| m.source.as_str())),
        Body::Timeline(t, _) => {
            ids.extend(t.events.iter().map(|e| e.source.as_str()));
            ids.extend(t.after.iter().map(|e| e.source.as_str()));
        }
        Body::Flows(Some(g), _, _) => {
            ids.extend(g.links.iter().flat_map(|l| l.sources.iter().map(String::as_str)))
        }
        Body::Flows(None, _, _) => {}
        Body::Figures(f) => ids.extend(f.points.iter().map(|p| p.source.as_str())),
    }
    crate::sort::unique(&mut ids);
    ids.into_iter().filter_map(|id| source_link(data, id)).collect()
}

/// The largest theft of a list (the earliest id on a tie, so the answer is stable).
fn biggest<'a>(list: &[&'a Incident]) -> Option<&'a Incident> {
    list.iter().copied().max_by(|a, b| a.usd.total_cmp(&b.usd).then_with(|| b.id.cmp(&a.id)))
}

/// The slide sentence, from the chart's own numbers (and, for the yearly chart, the thefts
/// of its latest year).
fn takeaway(data: &Dataset, body: &Body, incidents: &[&Incident]) -> String {
    match body {
        Body::Yearly(_) => yearly_takeaway(data, incidents),
        Body::Timeline(..) => timeline_takeaway(incidents),
        Body::Flows(g, subject, _) => flows_takeaway(g.as_ref(), subject),
        Body::Figures(f) => figures_takeaway(f),
    }
}

/// The newest figure published about `year` alone (the one whose window ends latest on a
/// tie of publication days): what a sentence about the year should quote.
fn latest_figure_for(data: &Dataset, year: i32) -> Option<&ReportedTotal> {
    data.reported_totals
        .iter()
        .filter(|t| t.year == Some(year))
        .max_by(|a, b| a.published.cmp(&b.published).then_with(|| a.period_end.cmp(&b.period_end)))
}

fn yearly_takeaway(data: &Dataset, incidents: &[&Incident]) -> String {
    let Some(year) = incidents.iter().map(|i| i.date.year()).max() else {
        return "No thefts in this dataset match the view.".to_string();
    };
    let of_year: Vec<&Incident> = incidents.iter().copied().filter(|i| i.date.year() == year).collect();
    let total: f64 = of_year.iter().map(|i| i.usd).sum();
    let mut s = format!(
        "{year}: {} stolen in {} {} in this dataset",
        money(total),
        of_year.len(),
        if of_year.len() == 1 { "theft" } else { "thefts" }
    );
    if let Some(b) = biggest(&of_year) {
        s.push_str(&format!(", the largest {} ({}, {})", b.victim, money(b.usd), b.date.human()));
    }
    if let Some(t) = latest_figure_for(data, year) {
        let amount = crate::format::amount(t.usd, t.usd_high, t.floor);
        let what = match t.nature() {
            FigureNature::FullYear => format!("for {year}"),
            FigureNature::Derived => format!("for {} (derived)", t.window()),
            _ => format!("for {} only", t.window()),
        };
        s.push_str(&format!(
            "; the latest published figure, {}'s of {}, is {amount} {what}",
            t.publisher,
            t.published.human()
        ));
    }
    s.push('.');
    s
}

fn timeline_takeaway(incidents: &[&Incident]) -> String {
    match (incidents.first(), incidents.last(), biggest(incidents)) {
        (Some(first), Some(last), Some(b)) => {
            let total: f64 = incidents.iter().map(|i| i.usd).sum();
            format!(
                "{} thefts from {} to {}; the largest, {} ({}), is {} of the {} in view.",
                incidents.len(),
                first.date.human(),
                last.date.human(),
                b.victim,
                money(b.usd),
                percent(if total > 0.0 { b.usd / total } else { 0.0 }),
                money(total)
            )
        }
        _ => "No thefts in this dataset match the view.".to_string(),
    }
}

fn flows_takeaway(g: Option<&FlowGraph>, subject: &str) -> String {
    let Some(g) = g else {
        return "No laundering flow has been traced for the thefts in view.".to_string();
    };
    let inflow = |k: usize| g.links.iter().filter(|l| l.to == k).map(|l| l.usd).sum::<f64>();
    let route = (0..g.nodes.len())
        .filter(|&k| g.nodes[k].kind == NodeKind::Intermediate)
        .max_by(|&a, &b| inflow(a).total_cmp(&inflow(b)));
    // Money is stolen from a victim ("from Bybit"), or in a number of summed thefts.
    let from = if g.incidents.len() > 3 { "in" } else { "from" };
    let mut s = format!("Of {} stolen {from} {subject}", money(g.theft_usd));
    match route {
        Some(k) => s.push_str(&format!(
            ", the most traced through one route went through {}: {} ({} of the {}).",
            g.nodes[k].label,
            money(inflow(k)),
            percent(g.share_of(inflow(k))),
            if g.sum_notes.is_empty() { "theft" } else { "traced total" }
        )),
        None => s.push_str(", no route beyond the theft is traced."),
    }
    s
}

fn figures_takeaway(f: &PublishedData) -> String {
    let lo = f.points.iter().min_by(|a, b| a.usd.total_cmp(&b.usd));
    let hi = f.points.iter().max_by(|a, b| a.usd.total_cmp(&b.usd));
    let about = f.year.map_or("every period".to_string(), |y| y.to_string());
    match (lo, hi) {
        (Some(lo), Some(hi)) if f.points.len() > 1 => format!(
            "For {about}, {} published figures from {} publishers run from {} ({}, {}) to {} ({}, {}).",
            f.points.len(),
            f.publishers.len(),
            money(lo.usd),
            lo.publisher,
            lo.published.human(),
            money(hi.usd),
            hi.publisher,
            hi.published.human()
        ),
        (Some(p), _) => {
            format!(
                "For {about}, one published figure: {} ({}, {}).",
                money(p.usd),
                p.publisher,
                p.published.human()
            )
        }
        _ => format!("No published figure covers {about}."),
    }
}
