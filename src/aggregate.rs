//! From the dataset and a [`Filter`] to what each chart draws: year totals beside reported
//! figures, timeline points and enforcement events, and laundering flow graphs.
//! Pure functions; the charts never look at the raw dataset.

use std::collections::HashMap;

use crate::format::money;
use crate::model::{Category, Confidence, Dataset, Date, EnforcementKind, Incident, NodeKind, ReportedTotal};
use crate::view::SortKey;

/// One year's bar: the dataset's incidents summed by victim category.
#[derive(Debug, Clone, PartialEq)]
pub struct YearBar {
    /// Calendar year.
    pub year: i32,
    /// Sum per category, indexed by [`Category::index`].
    pub by_category: [f64; 7],
    /// Sum over all categories.
    pub total: f64,
    /// Number of incidents.
    pub count: usize,
}

/// A research firm's or official body's figure for one year, drawn beside the bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedMark {
    /// Id of the reported total.
    pub id: String,
    /// Publisher; one legend entry each.
    pub publisher: String,
    /// The year it covers.
    pub year: i32,
    /// DPRK-linked theft reported (the low end of a range).
    pub usd: f64,
    /// The high end, when the publisher gave a range.
    pub usd_high: Option<f64>,
    /// Incident count, where given.
    pub incidents: Option<u32>,
    /// True when the period is less than the whole year (e.g. January to September).
    pub partial: bool,
    /// When it was published.
    pub published: Date,
    /// Id of its source.
    pub source: String,
    /// Earlier figures from the same publisher for the same year, oldest first.
    pub revised_from: Vec<EarlierFigure>,
}

impl ReportedMark {
    /// The figure as a briefing reads it: "$1.34B (47 incidents), published 19 Dec 2024",
    /// with the range, a part-year caveat and earlier figures where there are any.
    pub fn summary(&self) -> String {
        let mut s = match self.usd_high {
            Some(high) => format!("{} to {}", money(self.usd), money(high)),
            None => money(self.usd),
        };
        if let Some(n) = self.incidents {
            s.push_str(&format!(" ({n} incidents)"));
        }
        if self.partial {
            s.push_str(" (part of the year)");
        }
        s.push_str(&format!(", published {}", self.published.human()));
        for e in &self.revised_from {
            s.push_str(&format!(
                "; earlier {}{} published {}",
                money(e.usd),
                if e.partial { " for part of the year" } else { "" },
                e.published.human()
            ));
        }
        s
    }
}

/// A figure a publisher gave earlier for the same year.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierFigure {
    /// When it was published.
    pub published: Date,
    /// The amount.
    pub usd: f64,
    /// True when it covered only part of the year (a year-to-date figure).
    pub partial: bool,
}

/// Everything the yearly chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyData {
    /// One bar per year in the span, zero-height years included.
    pub bars: Vec<YearBar>,
    /// Reported figures for years in the span, latest revision only.
    pub reported: Vec<ReportedMark>,
    /// Publishers with at least one mark, in a stable order (legend order).
    pub publishers: Vec<String>,
    /// True when the filter drops incidents the reported figures include: the bars are
    /// then a subset, and the chart says so.
    pub filtered: bool,
    /// The year of the incident the reader selected, outlined on the chart.
    pub selected: Option<i32>,
}

/// Sums incidents per year and category, and picks each publisher's latest figure per year;
/// `selected` is the year of the incident the reader selected.
pub fn yearly(
    data: &Dataset,
    incidents: &[&Incident],
    span: (i32, i32),
    filtered: bool,
    selected: Option<i32>,
) -> YearlyData {
    let (from, to) = span;
    let mut bars: Vec<YearBar> =
        (from..=to).map(|year| YearBar { year, by_category: [0.0; 7], total: 0.0, count: 0 }).collect();
    for incident in incidents {
        let year = incident.date.year();
        if year < from || year > to {
            continue;
        }
        let bar = &mut bars[(year - from) as usize];
        bar.by_category[incident.category.index()] += incident.usd;
        bar.total += incident.usd;
        bar.count += 1;
    }
    let reported = latest_reported(&data.reported_totals, span);
    let publishers = publisher_order(reported.iter().map(|m| m.publisher.as_str()));
    YearlyData { bars, reported, publishers, filtered, selected }
}

/// Publishers in legend order: the best known first, then alphabetically.
fn publisher_order<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    const KNOWN: [&str; 5] = ["Chainalysis", "TRM Labs", "Elliptic", "UN Panel of Experts", "MSMT"];
    let mut set: Vec<&str> = names.collect();
    crate::sort::unique(&mut set);
    let mut out: Vec<String> = KNOWN.iter().filter(|k| set.contains(*k)).map(|k| k.to_string()).collect();
    out.extend(set.iter().filter(|p| !KNOWN.contains(p)).map(|p| p.to_string()));
    out
}

/// For each (publisher, year) in the span: the figure nothing else supersedes and, among
/// those, the latest published; the figures it revised are listed with it.
fn latest_reported(totals: &[ReportedTotal], (from, to): (i32, i32)) -> Vec<ReportedMark> {
    let mut superseded: Vec<&str> = totals.iter().filter_map(|t| t.supersedes.as_deref()).collect();
    crate::sort::unique(&mut superseded);
    // Grouped by (publisher, year), each group oldest publication first.
    let mut in_span: Vec<(&str, i32, &ReportedTotal)> = totals
        .iter()
        .filter_map(|t| t.year.filter(|y| (from..=to).contains(y)).map(|y| (t.publisher.as_str(), y, t)))
        .collect();
    crate::sort::by(&mut in_span, &|a, b| (a.0, a.1, a.2.published).cmp(&(b.0, b.1, b.2.published)));
    let mut marks = Vec::new();
    for run in in_span.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let (publisher, year) = (run[0].0.to_string(), run[0].1);
        let group: Vec<&ReportedTotal> = run.iter().map(|(_, _, t)| *t).collect();
        let Some(current) = group
            .iter()
            .rev()
            .find(|t| superseded.binary_search(&t.id.as_str()).is_err())
            .or_else(|| group.last())
        else {
            continue;
        };
        let revised_from = group
            .iter()
            .filter(|t| t.id != current.id && t.published <= current.published)
            .map(|t| EarlierFigure { published: t.published, usd: t.usd, partial: !t.covers_full_year() })
            .collect();
        marks.push(ReportedMark {
            id: current.id.clone(),
            publisher,
            year,
            usd: current.usd,
            usd_high: current.usd_high,
            incidents: current.incidents,
            partial: !current.covers_full_year(),
            published: current.published,
            source: current.source.clone(),
            revised_from,
        });
    }
    crate::sort::by(&mut marks, &|a, b| a.year.cmp(&b.year).then_with(|| a.publisher.cmp(&b.publisher)));
    marks
}

/// One incident on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint {
    /// Incident id.
    pub id: String,
    /// Victim name (label).
    pub victim: String,
    /// Day of the theft.
    pub date: Date,
    /// Amount in US dollars.
    pub usd: f64,
    /// Victim category (colour).
    pub category: Category,
    /// Attribution confidence.
    pub confidence: Confidence,
    /// True when the attribution is disputed.
    pub contested: bool,
    /// Id of the incident's first source, for the tooltip.
    pub source: Option<String>,
}

/// One enforcement action on the timeline's own lane.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    /// Event id.
    pub id: String,
    /// Day of the action.
    pub date: Date,
    /// Kind (symbol).
    pub kind: EnforcementKind,
    /// Who acted.
    pub authority: String,
    /// Short title.
    pub title: String,
    /// Id of its source.
    pub source: String,
}

/// Everything the timeline draws.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineData {
    /// Incidents, oldest first.
    pub points: Vec<TimelinePoint>,
    /// Enforcement actions in the same span, oldest first.
    pub events: Vec<TimelineEvent>,
    /// First day of the axis.
    pub start: Date,
    /// Last day of the axis.
    pub end: Date,
}

/// Timeline points for the kept incidents (already narrowed by the view: none is dropped
/// here) and the enforcement actions within `axis`, the axis's first and last day.
pub fn timeline(data: &Dataset, incidents: &[&Incident], axis: (Date, Date)) -> TimelineData {
    let (start, end) = axis;
    let points = incidents
        .iter()
        .map(|i| TimelinePoint {
            id: i.id.clone(),
            victim: i.victim.clone(),
            date: i.date,
            usd: i.usd,
            category: i.category,
            confidence: i.attribution.confidence,
            contested: i.attribution.contested,
            source: i.sources.first().cloned(),
        })
        .collect();
    let mut events: Vec<TimelineEvent> = data
        .enforcement
        .iter()
        .filter(|e| e.date >= start && e.date <= end)
        .map(|e| TimelineEvent {
            id: e.id.clone(),
            date: e.date,
            kind: e.kind,
            authority: e.authority.clone(),
            title: e.title.clone(),
            source: e.source.clone(),
        })
        .collect();
    crate::sort::by(&mut events, &|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    TimelineData { points, events, start, end }
}

/// A node of a (possibly summed) laundering flow.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowGraphNode {
    /// Node id, shared across incidents.
    pub id: String,
    /// Label.
    pub label: String,
    /// Column.
    pub stage: u8,
    /// Source, intermediate or sink.
    pub kind: NodeKind,
}

/// A link of a (possibly summed) laundering flow.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowGraphLink {
    /// Index into [`FlowGraph::nodes`].
    pub from: usize,
    /// Index into [`FlowGraph::nodes`].
    pub to: usize,
    /// US dollars.
    pub usd: f64,
    /// True when any summed part is approximate, or the link was inferred.
    pub estimate: bool,
    /// Source ids backing the amount (empty for inferred remainder links).
    pub sources: Vec<String>,
    /// True for the link added to carry money a node received but the tracing does not
    /// follow further.
    pub inferred: bool,
}

/// The laundering flow of one incident, or the sum over several.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowGraph {
    /// Ids of the incidents summed.
    pub incidents: Vec<String>,
    /// Sum of their theft amounts (for shares).
    pub theft_usd: f64,
    /// Latest tracing date among them.
    pub as_of: Date,
    /// Nodes.
    pub nodes: Vec<FlowGraphNode>,
    /// Links.
    pub links: Vec<FlowGraphLink>,
}

/// Id of the sink that receives what an intermediate node got but did not pass on.
pub const NOT_TRACED_ID: &str = "not-traced-further";

/// Sums the flows of the given incidents (those that have one) into one graph, merging
/// nodes by id and links by endpoints. Money a node received but the tracing does not
/// follow is sent to a "not traced further" sink, so every intermediate node conserves flow.
/// `None` when none of the incidents has a flow.
pub fn flow_graph(data: &Dataset, incident_ids: &[&str]) -> Option<FlowGraph> {
    // A set: checking each flow against a list of thousands of ids would be quadratic.
    let wanted: std::collections::HashSet<&str> = incident_ids.iter().copied().collect();
    let flows: Vec<_> = data.flows.iter().filter(|f| wanted.contains(f.incident.as_str())).collect();
    let as_of = flows.iter().map(|f| f.as_of).max()?;
    let mut nodes: Vec<FlowGraphNode> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut links: Vec<FlowGraphLink> = Vec::new();
    let mut link_index: HashMap<(usize, usize), usize> = HashMap::new();
    for flow in &flows {
        for n in &flow.nodes {
            match index.get(&n.id) {
                // Merged nodes whose incidents describe them differently get a neutral label.
                Some(&k) if nodes[k].label != n.label => nodes[k].label = humanize(&n.id),
                Some(_) => {}
                None => {
                    index.insert(n.id.clone(), nodes.len());
                    nodes.push(FlowGraphNode {
                        id: n.id.clone(),
                        label: n.label.clone(),
                        stage: n.stage,
                        kind: n.kind,
                    });
                }
            }
        }
        for e in &flow.edges {
            let (Some(&from), Some(&to)) = (index.get(&e.from), index.get(&e.to)) else {
                continue; // validation reports unknown nodes; a graph simply omits them
            };
            let k = *link_index.entry((from, to)).or_insert_with(|| {
                links.push(FlowGraphLink {
                    from,
                    to,
                    usd: 0.0,
                    estimate: false,
                    sources: Vec::new(),
                    inferred: false,
                });
                links.len() - 1
            });
            let link = &mut links[k];
            link.usd += e.usd;
            link.estimate |= e.estimate;
            if !link.sources.contains(&e.source) {
                link.sources.push(e.source.clone());
            }
        }
    }
    add_remainder_links(&mut nodes, &mut links);
    Some(FlowGraph {
        incidents: flows.iter().map(|f| f.incident.clone()).collect(),
        theft_usd: flows.iter().map(|f| f.theft_usd).sum(),
        as_of,
        nodes,
        links,
    })
}

/// A node id as a label: `still-held` becomes "Still held".
fn humanize(id: &str) -> String {
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => format!("{}{}", first.to_ascii_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// Sends what each intermediate node received beyond what it passed on to a
/// "not traced further" sink in the last column.
fn add_remainder_links(nodes: &mut Vec<FlowGraphNode>, links: &mut Vec<FlowGraphLink>) {
    let mut inflow = vec![0.0; nodes.len()];
    let mut outflow = vec![0.0; nodes.len()];
    for l in links.iter() {
        outflow[l.from] += l.usd;
        inflow[l.to] += l.usd;
    }
    let last_stage = nodes.iter().map(|n| n.stage).max().unwrap_or(0);
    let mut sink: Option<usize> = None;
    for i in 0..inflow.len() {
        let gap = inflow[i] - outflow[i];
        // Gaps under a dollar are rounding, not untraced money.
        if nodes[i].kind != NodeKind::Intermediate || gap < 1.0 {
            continue;
        }
        let stage = last_stage.max(nodes[i].stage.saturating_add(1));
        let to = *sink.get_or_insert_with(|| {
            nodes.push(FlowGraphNode {
                id: NOT_TRACED_ID.to_string(),
                label: "Not traced further".to_string(),
                stage,
                kind: NodeKind::Sink,
            });
            nodes.len() - 1
        });
        nodes[to].stage = nodes[to].stage.max(stage);
        links.push(FlowGraphLink {
            from: i,
            to,
            usd: gap,
            estimate: true,
            sources: Vec::new(),
            inferred: true,
        });
    }
}

/// Sorts incidents for the table by a column, ties broken by date then id so the order is
/// stable. Victims sort without regard to case, each name folded once.
pub fn sort_incidents(list: &mut [&Incident], key: SortKey, ascending: bool) {
    let folded: Vec<String> = if key == SortKey::Victim {
        list.iter().map(|i| crate::view::fold_case(&i.victim)).collect()
    } else {
        Vec::new()
    };
    let mut keyed: Vec<(usize, &Incident)> = list.iter().copied().enumerate().collect();
    crate::sort::by(&mut keyed, &|&(ka, a), &(kb, b)| {
        let primary = match key {
            SortKey::Date => a.date.cmp(&b.date),
            SortKey::Victim => folded[ka].cmp(&folded[kb]),
            SortKey::Category => a.category.label().cmp(b.category.label()),
            SortKey::Usd => a.usd.total_cmp(&b.usd),
            SortKey::Actor => a.actor.cmp(&b.actor),
            SortKey::Confidence => a.attribution.confidence.cmp(&b.attribution.confidence),
        };
        let ordered = primary.then_with(|| a.date.cmp(&b.date)).then_with(|| a.id.cmp(&b.id));
        if ascending {
            ordered
        } else {
            ordered.reverse()
        }
    });
    for (slot, (_, incident)) in list.iter_mut().zip(keyed) {
        *slot = incident;
    }
}

/// The largest incident by amount.
pub fn largest<'a>(incidents: &[&'a Incident]) -> Option<&'a Incident> {
    incidents.iter().copied().max_by(|a, b| a.usd.total_cmp(&b.usd))
}

/// Headline figures for the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Sum of the kept incidents.
    pub total_usd: f64,
    /// How many.
    pub count: usize,
    /// The largest kept incident's id.
    pub largest: Option<String>,
    /// DPRK share of all crypto theft, from one publisher that gives both figures.
    pub dprk_share: Option<Share>,
}

/// North Korea's share of all crypto theft as one publisher reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// DPRK-linked theft divided by theft by all actors.
    pub share: f64,
    /// Who reported both figures.
    pub publisher: String,
    /// The years covered (first, last).
    pub years: (i32, i32),
    /// Ids of the reported totals used.
    pub totals: Vec<String>,
}

/// The share over every year of `years` from the first publisher (in legend order) that
/// gives both figures, for a whole year, for each of them.
fn share_over(data: &Dataset, years: (i32, i32)) -> Option<Share> {
    let marks = latest_reported(&data.reported_totals, years);
    let by_id: HashMap<&str, &ReportedTotal> =
        data.reported_totals.iter().map(|t| (t.id.as_str(), t)).collect();
    publisher_order(marks.iter().map(|m| m.publisher.as_str())).into_iter().find_map(|publisher| {
        let (mut dprk, mut all, mut totals) = (0.0, 0.0, Vec::new());
        for year in years.0..=years.1 {
            let mark = marks.iter().find(|m| m.year == year && m.publisher == publisher && !m.partial)?;
            let total = by_id.get(mark.id.as_str())?;
            let everyone = total.all_actors_usd.filter(|a| *a > 0.0)?;
            dprk += total.usd;
            all += everyone;
            totals.push(total.id.clone());
        }
        Some(Share { share: dprk / all, publisher, years, totals })
    })
}

/// Computes the headline for the kept incidents over a span of years. The share covers the
/// whole span when a publisher gives it for every year, otherwise the latest year that has it.
pub fn headline(data: &Dataset, incidents: &[&Incident], span: (i32, i32)) -> Headline {
    let share = share_over(data, span)
        .or_else(|| (span.0..=span.1).rev().find_map(|year| share_over(data, (year, year))));
    Headline {
        total_usd: incidents.iter().map(|i| i.usd).sum(),
        count: incidents.len(),
        largest: largest(incidents).map(|i| i.id.clone()),
        dprk_share: share,
    }
}

/// One published figure on the "who said what, when" chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedPoint {
    /// Id of the reported total.
    pub id: String,
    /// Publisher (legend entry, symbol).
    pub publisher: String,
    /// When it was published (the point's x).
    pub published: Date,
    /// The window it covers (drawn as a bar from start to end).
    pub period: (Date, Date),
    /// The figure (the low end of a range).
    pub usd: f64,
    /// The high end of a range.
    pub usd_high: Option<f64>,
    /// Derived from the publisher's numbers rather than stated.
    pub derived: bool,
    /// Index in [`PublishedData::points`] of the figure this one revises.
    pub revises: Option<usize>,
    /// Id of its source.
    pub source: String,
}

/// Everything the published-figures chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedData {
    /// The calendar year the figures are about, or `None` for every window.
    pub year: Option<i32>,
    /// Figures, oldest publication first.
    pub points: Vec<PublishedPoint>,
    /// Publishers in legend order.
    pub publishers: Vec<String>,
    /// First and last day of the time axis.
    pub start: Date,
    /// Last day of the time axis.
    pub end: Date,
}

/// The figures published about one calendar year (every figure whose window lies inside
/// it: full-year, year-to-date and part-year ones), or about any window when `year` is
/// `None`, each at its publication date with its window and the figure it revises.
pub fn published(data: &Dataset, year: Option<i32>) -> PublishedData {
    let inside = |t: &&ReportedTotal| {
        year.is_none_or(|y| t.period_start >= Date::new(y, 1, 1) && t.period_end <= Date::new(y, 12, 31))
    };
    let mut totals: Vec<&ReportedTotal> = data.reported_totals.iter().filter(inside).collect();
    crate::sort::by(&mut totals, &|a, b| a.published.cmp(&b.published).then_with(|| a.id.cmp(&b.id)));
    let points: Vec<PublishedPoint> = totals
        .iter()
        .map(|t| PublishedPoint {
            id: t.id.clone(),
            publisher: t.publisher.clone(),
            published: t.published,
            period: (t.period_start, t.period_end),
            usd: t.usd,
            usd_high: t.usd_high,
            derived: t.derived,
            revises: t.supersedes.as_deref().and_then(|old| totals.iter().position(|o| o.id == old)),
            source: t.source.clone(),
        })
        .collect();
    let start = points.iter().map(|p| p.period.0).min().unwrap_or(data.as_of);
    let end = points.iter().map(|p| p.published.max(p.period.1)).max().unwrap_or(data.as_of);
    let publishers = publisher_order(points.iter().map(|p| p.publisher.as_str()));
    PublishedData { year, points, publishers, start, end }
}

/// Years that have at least one figure published about them alone, newest first: the
/// choices of the published-figures chart.
pub fn published_years(data: &Dataset) -> Vec<i32> {
    let mut years: Vec<i32> = data
        .reported_totals
        .iter()
        .filter(|t| t.period_start.year() == t.period_end.year())
        .map(|t| t.period_start.year())
        .collect();
    crate::sort::unique(&mut years);
    years.reverse();
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::Filter;

    fn fixture() -> Dataset {
        let text = include_str!("../tests/fixtures/minimal.json");
        crate::load::parse_dataset(text.as_bytes(), "minimal.json", Date::new(2100, 1, 1))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn filters_combine_and_empty_lists_mean_all() {
        let data = fixture();
        let cases: [(Filter, &[&str]); 7] = [
            (Filter::default(), &["alpha-2024", "beta-2024", "gamma-2025"]),
            (Filter { from_year: Some(2025), ..Filter::default() }, &["gamma-2025"]),
            (Filter { categories: vec![Category::Bridge], ..Filter::default() }, &["beta-2024"]),
            (Filter { chains: vec!["BNB Chain".into()], ..Filter::default() }, &["beta-2024"]),
            (
                Filter { confidence: vec![Confidence::Official, Confidence::Suspected], ..Filter::default() },
                &["alpha-2024", "gamma-2025"],
            ),
            (Filter { text: "TRON".into(), ..Filter::default() }, &["gamma-2025"]),
            (
                Filter {
                    dates: Some((Date::new(2024, 3, 1), Date::new(2024, 12, 31))),
                    actors: vec!["Lazarus Group".into()],
                    ..Filter::default()
                },
                &["alpha-2024"],
            ),
        ];
        for (filter, want) in cases {
            let got: Vec<&str> = filter.apply(&data).iter().map(|i| i.id.as_str()).collect();
            assert_eq!(got, want, "{filter:?}");
        }
    }

    #[test]
    fn reported_marks_take_the_latest_revision_and_remember_the_earlier_one() {
        let data = fixture();
        let y = yearly(&data, &Filter::default().apply(&data), (2024, 2025), false, None);
        let tp = y.reported.iter().find(|m| m.publisher == "Test Publisher").expect("mark");
        assert_eq!(tp.usd, 450_000_000.0);
        assert_eq!(tp.revised_from.len(), 1);
        assert_eq!(tp.revised_from[0].usd, 500_000_000.0);
        let op = y.reported.iter().find(|m| m.publisher == "Other Publisher").expect("mark");
        assert!(op.partial, "Jan-Mar is part of the year");
    }

    #[test]
    fn summed_flows_merge_shared_nodes_and_send_untraced_money_to_a_sink() {
        let data = fixture();
        let g = flow_graph(&data, &["alpha-2024", "beta-2024"]).expect("graph");
        assert_eq!(g.theft_usd, 400_000_000.0);
        let dex = g.nodes.iter().position(|n| n.id == "dex").expect("dex");
        let into: f64 = g.links.iter().filter(|l| l.to == dex).map(|l| l.usd).sum();
        let out: f64 = g.links.iter().filter(|l| l.from == dex).map(|l| l.usd).sum();
        assert_eq!(into, 350_000_000.0, "both incidents' swaps merged");
        assert_eq!(out, into, "the 50M not traced beyond the swaps goes to the inferred sink");
        let inferred: Vec<&FlowGraphLink> = g.links.iter().filter(|l| l.inferred).collect();
        assert_eq!(inferred.len(), 2, "dex and bridge each pass on less than they got");
        assert!(inferred.iter().all(|l| l.estimate && l.sources.is_empty()));
        assert!(flow_graph(&data, &["gamma-2025"]).is_none(), "no flow, no graph");
    }

    #[test]
    fn merged_nodes_with_different_labels_get_a_neutral_one() {
        let mut data = fixture();
        data.flows[1].nodes[0].id = "stolen-eth".into();
        data.flows[1].edges[0].from = "stolen-eth".into();
        let g = flow_graph(&data, &["alpha-2024", "beta-2024"]).expect("graph");
        assert!(g.nodes.iter().any(|n| n.id == "stolen-eth" && n.label == "Stolen eth"));
    }

    #[test]
    fn headline_share_needs_both_figures_for_every_year() {
        let data = fixture();
        let kept = Filter::default().apply(&data);
        let h = headline(&data, &kept, (2024, 2024));
        let s = h.dprk_share.expect("2024 has both figures");
        assert_eq!(s.publisher, "Test Publisher");
        assert!((s.share - 0.5).abs() < 1e-9, "the revised 450M of 900M");
        assert_eq!(s.totals, vec!["tp-2024-b".to_string()]);
        let wider = headline(&data, &kept, (2024, 2025)).dprk_share.expect("falls back to a single year");
        assert_eq!(wider.years, (2024, 2024), "2025 lacks an all-actor figure, so 2024 is used");
        assert_eq!(h.count, 3);
        assert_eq!(h.largest.as_deref(), Some("alpha-2024"));
    }

    #[test]
    fn table_sorting_is_stable_in_both_directions() {
        let data = fixture();
        let mut list = Filter::default().apply(&data);
        sort_incidents(&mut list, SortKey::Usd, false);
        assert_eq!(
            list.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["alpha-2024", "beta-2024", "gamma-2025"]
        );
        sort_incidents(&mut list, SortKey::Victim, true);
        assert_eq!(
            list.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["alpha-2024", "beta-2024", "gamma-2025"]
        );
        sort_incidents(&mut list, SortKey::Date, false);
        assert_eq!(list[0].id, "gamma-2025");
    }
}
