//! One chart's data for a selection, built once per chart key: it answers everything the
//! page asks of a chart (its sources, its table, its slide sentence, its projection) and
//! draws it when, and only when, a drawing is wanted. Frames, captions, CSV and slides read
//! the data and never need a drawing, so no chart is drawn twice for one embed, slide or
//! export.

use std::sync::Arc;

use crate::aggregate::{self, FlowGraph, PublishedData, TimelineData, YearlyData};
use crate::layout::scale::Projection;
use crate::model::{Dataset, Date, FigureNature, Incident, NodeKind, ReportedTotal};
use crate::phrase::{fill, t};
use crate::reconcile;
use crate::render::words::{self, money, percent};
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
    /// traced; who it is about; the id its drawing's elements carry; how its node labels in
    /// the reader's language were made, when any is a translation.
    Flows(Option<FlowGraph>, String, &'static str, Option<String>),
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
        // Why a flow does not add up to its theft, flow by flow. (How its labels in the
        // reader's language were made is said in the drawing's legend and description.)
        let notes = match &body {
            Body::Flows(Some(g), _, _, _) if !g.sum_notes.is_empty() => {
                // One map, not a search through every incident per note: a large dataset
                // has thousands of notes (quadratic at 100,000 incidents).
                let victims: std::collections::HashMap<&str, &str> =
                    data.incidents.iter().map(|i| (i.id.as_str(), i.victim.as_str())).collect();
                g.sum_notes
                    .iter()
                    .map(|n| Note {
                        hook: "flow-sum",
                        key: n.incident.clone(),
                        name: victims
                            .get(n.incident.as_str())
                            .map_or_else(|| n.incident.clone(), |v| v.to_string()),
                        text: crate::phrase::sum_note(n),
                    })
                    .collect()
            }
            _ => Vec::new(),
        };

        // One theft's flow shows its published splits over time.
        let status = match &body {
            Body::Flows(Some(g), _, _, _) => match g.incidents.as_slice() {
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
            Body::Flows(Some(g), _, _, _) => crate::phrase::sum_words(g),
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
            Body::Flows(Some(g), _, _, _) => tables::flows(g, data),
            Body::Flows(None, _, _, _) => Table::empty("flows", &t("chart.flows.no_table")),
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
            Body::Flows(Some(g), subject, id, note) => {
                let drawn = aggregate::fold_small_hops(g, self.flow_nodes);
                render::flows::render_noted(&drawn, size, theme, id, subject, note.as_deref(), &title)
            }
            Body::Flows(None, _, id, _) => {
                render::empty(id, &t("chart.flows.empty_title"), &t("chart.flows.empty"), size, theme)
            }
            Body::Figures(f) => render::figures::render(f, size, theme, &title),
        };
        drawn.map_err(|e| e.to_string())
    }

    /// The size a drawing asked for at `size` has: the same, but for a flow diagram whose
    /// keyed list of nodes needs more height.
    pub fn drawn_size(&self, size: Size) -> Size {
        match &self.body {
            Body::Flows(Some(g), _, _, note) => render::flows::drawn_size_noted(
                &aggregate::fold_small_hops(g, self.flow_nodes),
                size,
                note.as_deref(),
            ),
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
    translate_titles(&mut t, &sel.data);
    t
}

/// Puts each enforcement action's title in the locale in force where the record has a
/// translation of it, followed by how it was made, as the detail panel marks it ("(machine
/// translation, not reviewed)"): a tooltip is plain text, so the note travels with the
/// title. English, and a title without a translation, stay as the data writes them.
fn translate_titles(timeline: &mut TimelineData, data: &Dataset) {
    let locale = crate::phrase::locale();
    if locale == crate::lang::Locale::En {
        return;
    }
    let code = locale.code();
    for e in &mut timeline.events {
        let Some(record) = data.enforcement.iter().find(|r| r.id == e.id) else { continue };
        let (text, translated) = crate::model::text_in(&record.translations, code, "title", &record.title);
        let Some(how) = record.translations.get(code).filter(|_| translated) else { continue };
        e.title = match how_made(how) {
            Some(note) => format!("{text} {}", t(note)),
            None => text.to_string(),
        };
    }
}

/// The key of the note saying how a translation was made, as the detail panel says it;
/// `None` for a person's translation, reviewed (nothing to say).
fn how_made(tr: &crate::model::Translation) -> Option<&'static str> {
    use crate::model::TranslationMethod as M;
    match (tr.method, tr.reviewed) {
        (M::Machine, false) => Some("data.machine_unreviewed"),
        (M::Machine, true) => Some("data.machine_reviewed"),
        (M::Human, false) => Some("data.human_unreviewed"),
        (M::Human, true) => None,
    }
}

/// The flow body for the incidents `ids`, its node labels in the reader's language where
/// the data has them.
fn flows_body(data: &Dataset, ids: &[&str], chart_id: &'static str) -> Body {
    let (graph, note) = match flow_graph_in_locale(data, ids) {
        Some((g, note)) => (Some(g), note),
        None => (None, None),
    };
    let subject = graph.as_ref().map(|g| flow_subject(g, data)).unwrap_or_default();
    Body::Flows(graph, subject, chart_id, note)
}

/// The flow of the incidents `ids` as the chart draws it in the locale in force: each node
/// label in the record's translation where it has one (see `translate_labels`), with how
/// the translations shown were made, as the caption says it; `None` when none of the
/// incidents is traced. The label tests lay out exactly what the page draws with it.
pub fn flow_graph_in_locale(data: &Dataset, ids: &[&str]) -> Option<(FlowGraph, Option<String>)> {
    let mut graph = aggregate::flow_graph(data, ids)?;
    let note = translate_labels(&mut graph, data);
    Some((graph, note))
}

/// Puts each node's label in the locale in force: the record's own translation of its
/// stage label where it has one (only where the summed graph kept the record's English
/// label); a node merged from differing labels named from its id in the page's words
/// ([`crate::phrase::merged_name`]), "Not traced further" too; the English otherwise. Returns how the translations shown
/// were made, as a sentence for the chart's caption and description (the weakest kind
/// shown: machine and not reviewed before machine and reviewed before a person's, not
/// reviewed); `None` when none is shown or every one is a person's, reviewed.
fn translate_labels(g: &mut FlowGraph, data: &Dataset) -> Option<String> {
    let locale = crate::phrase::locale();
    if locale == crate::lang::Locale::En {
        return None;
    }
    let code = locale.code();
    // How each shown translation was made (the key of its note).
    let mut made: Vec<&'static str> = Vec::new();
    for node in &mut g.nodes {
        if node.id == aggregate::NOT_TRACED_ID {
            node.label = t("flow.not_traced");
            continue;
        }
        let record = data
            .flows
            .iter()
            .filter(|f| g.incidents.contains(&f.incident))
            .flat_map(|f| f.nodes.iter())
            .find(|n| n.id == node.id && n.label == node.label);
        let Some(record) = record else {
            // A node summed flows merge from differently worded records is named from its id
            // (`aggregate::flows`): here in the page's words, where its id names a known stage.
            if let Some(name) = crate::phrase::merged_name(&node.id) {
                node.label = name;
            }
            continue;
        };
        let (text, translated) = crate::model::text_in(&record.translations, code, "label", &record.label);
        if let (true, Some(how)) = (translated, record.translations.get(code)) {
            node.label = text.to_string();
            made.extend(how_made(how));
        }
    }
    // The weakest kind shown is the one to say.
    let how = ["data.machine_unreviewed", "data.machine_reviewed", "data.human_unreviewed"]
        .into_iter()
        .find(|k| made.contains(k))?;
    Some(fill("flow.labels_translated", &[("how", &t(how))]))
}

/// Who a flow chart is about: up to three victims by name, otherwise a count.
fn flow_subject(g: &FlowGraph, data: &Dataset) -> String {
    if g.incidents.len() > 3 {
        return fill("caption.flows_summed", &[("n", &words::count(g.incidents.len()))]);
    }
    let names: Vec<String> =
        g.incidents.iter().map(|id| data.incident(id).map_or(id.clone(), |i| i.victim.clone())).collect();
    words::list(&names)
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
        Body::Flows(Some(g), _, _, _) => {
            ids.extend(g.links.iter().flat_map(|l| l.sources.iter().map(String::as_str)))
        }
        Body::Flows(None, _, _, _) => {}
        Body::Figures(f) => ids.extend(f.points.iter().map(|p| p.source.as_str())),
    }
    crate::sort::unique(&mut ids);
    ids.into_iter().filter_map(|id| source_link(data, id)).collect()
}

/// The slide sentence, from the chart's own numbers (and, for the yearly chart, the thefts
/// of its latest year).
fn takeaway(data: &Dataset, body: &Body, incidents: &[&Incident]) -> String {
    match body {
        Body::Yearly(_) => yearly_takeaway(data, incidents),
        Body::Timeline(..) => timeline_takeaway(incidents),
        Body::Flows(g, subject, _, _) => flows_takeaway(g.as_ref(), subject),
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
        return t("caption.no_thefts");
    };
    let of_year: Vec<&Incident> = incidents.iter().copied().filter(|i| i.date.year() == year).collect();
    let total: f64 = of_year.iter().map(|i| i.usd).sum();
    let Some(b) = aggregate::largest(&of_year) else { return t("caption.no_thefts") };
    let thefts = if of_year.len() == 1 { "caption.thefts_one" } else { "caption.thefts_other" };
    let thefts = fill(thefts, &[("n", &words::count(of_year.len()))]);
    let (year_words, amount, largest, date) =
        (words::year(year), money(total), money(b.usd), words::date(b.date));
    let mut values: Vec<(&str, &str)> = vec![
        ("year", &year_words),
        ("amount", &amount),
        ("thefts", &thefts),
        ("victim", &b.victim),
        ("largest", &largest),
        ("date", &date),
    ];
    let Some(f) = latest_figure_for(data, year) else { return fill("caption.yearly", &values) };
    let figure = words::amount(f.usd, f.usd_high, f.floor);
    let window = crate::phrase::window(&aggregate::Window::of(f));
    let what = match f.nature() {
        FigureNature::FullYear => fill("caption.for_year", &[("year", &year_words)]),
        FigureNature::Derived => fill("caption.for_derived", &[("window", &window)]),
        _ => fill("caption.for_part", &[("window", &window)]),
    };
    let published = words::date(f.published);
    values.extend([
        ("publisher", f.publisher.as_str()),
        ("published", published.as_str()),
        ("figure", figure.as_str()),
        ("what", what.as_str()),
    ]);
    fill("caption.yearly_figure", &values)
}

fn timeline_takeaway(incidents: &[&Incident]) -> String {
    match (incidents.first(), incidents.last(), aggregate::largest(incidents)) {
        (Some(first), Some(last), Some(b)) => {
            let total: f64 = incidents.iter().map(|i| i.usd).sum();
            fill(
                "caption.timeline",
                &[
                    ("n", &words::count(incidents.len())),
                    ("from", &words::date(first.date)),
                    ("to", &words::date(last.date)),
                    ("victim", &b.victim),
                    ("amount", &money(b.usd)),
                    ("share", &percent(if total > 0.0 { b.usd / total } else { 0.0 })),
                    ("total", &money(total)),
                ],
            )
        }
        _ => t("caption.no_thefts"),
    }
}

fn flows_takeaway(g: Option<&FlowGraph>, subject: &str) -> String {
    let Some(g) = g else {
        return t("caption.flows_none");
    };
    let inflow = |k: usize| g.links.iter().filter(|l| l.to == k).map(|l| l.usd).sum::<f64>();
    let route = (0..g.nodes.len())
        .filter(|&k| g.nodes[k].kind == NodeKind::Intermediate)
        .max_by(|&a, &b| inflow(a).total_cmp(&inflow(b)));
    // Money is stolen from a victim ("from Bybit"), or in a number of summed thefts.
    let summed = g.incidents.len() > 3;
    let stolen = money(g.theft_usd);
    match route {
        Some(k) => {
            let key = if summed { "caption.flows_route_summed" } else { "caption.flows_route" };
            let of =
                if g.sum_notes.is_empty() { "tooltip.flows.of_theft" } else { "tooltip.flows.of_traced" };
            fill(
                key,
                &[
                    ("stolen", &stolen),
                    ("subject", subject),
                    ("node", &g.nodes[k].label),
                    ("amount", &money(inflow(k))),
                    ("share", &percent(g.share_of(inflow(k)))),
                    ("of", &t(of)),
                ],
            )
        }
        None => {
            let key = if summed { "caption.flows_no_route_summed" } else { "caption.flows_no_route" };
            fill(key, &[("stolen", &stolen), ("subject", subject)])
        }
    }
}

fn figures_takeaway(f: &PublishedData) -> String {
    let lo = f.points.iter().min_by(|a, b| a.usd.total_cmp(&b.usd));
    let hi = f.points.iter().max_by(|a, b| a.usd.total_cmp(&b.usd));
    let about = f.year.map_or_else(|| t("caption.every_period"), words::year);
    match (lo, hi) {
        (Some(lo), Some(hi)) if f.points.len() > 1 => fill(
            "caption.figures_range",
            &[
                ("about", &about),
                ("n", &words::count(f.points.len())),
                ("publishers", &words::count(f.publishers.len())),
                ("low", &money(lo.usd)),
                ("low_publisher", &lo.publisher),
                ("low_date", &words::date(lo.published)),
                ("high", &money(hi.usd)),
                ("high_publisher", &hi.publisher),
                ("high_date", &words::date(hi.published)),
            ],
        ),
        (Some(p), _) => fill(
            "caption.figures_one",
            &[
                ("about", &about),
                ("amount", &money(p.usd)),
                ("publisher", &p.publisher),
                ("date", &words::date(p.published)),
            ],
        ),
        _ => fill("caption.figures_none", &[("about", &about)]),
    }
}
