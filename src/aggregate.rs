//! From the dataset and a [`Filter`] to what each chart draws: year totals beside reported
//! figures, timeline points and enforcement events, and laundering flow graphs.
//! Pure functions; the charts never look at the raw dataset.

use std::collections::HashMap;

use crate::format::money;
use crate::model::{
    Category, Confidence, Dataset, Date, EdgeBasis, EnforcementKind, FigureNature, Incident, NodeKind,
    ReportedTotal,
};
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
    /// Sum of the incidents rated official or firm (drawn beside the bar when asked for).
    pub official_firm: f64,
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
    /// True when the publisher gave a floor ("at least").
    pub floor: bool,
    /// Incident count, where given.
    pub incidents: Option<u32>,
    /// True when the period is less than the whole year (e.g. January to September).
    pub partial: bool,
    /// A stated full-year figure, part of a year, or derived (drawn and listed differently).
    pub nature: FigureNature,
    /// The window it covers in words ("2024", "1 Jan – 30 Sep 2025").
    pub window: String,
    /// How a derived figure was worked out.
    pub basis: Option<String>,
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
        let mut s = crate::format::amount(self.usd, self.usd_high, self.floor);
        if let Some(n) = self.incidents {
            s.push_str(&format!(" ({n} incidents)"));
        }
        match self.nature {
            FigureNature::PartOfYear => s.push_str(&format!(" for {} only (part of the year)", self.window)),
            FigureNature::FullYear if self.window != self.year.to_string() => {
                s.push_str(&format!(" for {} (the publisher's annual figure)", self.window))
            }
            FigureNature::Derived => s.push_str(&format!(
                " (derived, not stated: {})",
                self.basis.as_deref().unwrap_or("no basis given")
            )),
            FigureNature::FullYear | FigureNature::MultiPeriod => {}
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
    /// True when each year's official and firm-rated sum is drawn beside its bar
    /// (`?yearly=split`).
    pub split: bool,
}

/// Sums incidents per year and category, and picks each publisher's latest figure per year;
/// `selected` is the year of the incident the reader selected, `split` draws each year's
/// official and firm-rated sum beside its bar (`?yearly=split`).
pub fn yearly(
    data: &Dataset,
    incidents: &[&Incident],
    span: (i32, i32),
    filtered: bool,
    selected: Option<i32>,
    split: bool,
) -> YearlyData {
    let (from, to) = span;
    let mut bars: Vec<YearBar> = (from..=to)
        .map(|year| YearBar { year, by_category: [0.0; 7], total: 0.0, count: 0, official_firm: 0.0 })
        .collect();
    for incident in incidents {
        let year = incident.date.year();
        if year < from || year > to {
            continue;
        }
        let bar = &mut bars[(year - from) as usize];
        bar.by_category[incident.category.index()] += incident.usd;
        bar.total += incident.usd;
        bar.count += 1;
        if incident.attribution.confidence != Confidence::Suspected {
            bar.official_firm += incident.usd;
        }
    }
    let reported = latest_reported(&data.reported_totals, span);
    let publishers = publisher_order(reported.iter().map(|m| m.publisher.as_str()));
    YearlyData { bars, reported, publishers, filtered, selected, split }
}

/// Publishers in legend order: the best known first, then alphabetically.
pub fn publisher_order<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    const KNOWN: [&str; 5] = ["Chainalysis", "TRM Labs", "Elliptic", "UN Panel of Experts", "MSMT"];
    let mut set: Vec<&str> = names.collect();
    crate::sort::unique(&mut set);
    let mut out: Vec<String> = KNOWN.iter().filter(|k| set.contains(*k)).map(|k| k.to_string()).collect();
    out.extend(set.iter().filter(|p| !KNOWN.contains(p)).map(|p| p.to_string()));
    out
}

/// For each (publisher, year) in the span: the figure nothing else supersedes and, among
/// those, the latest published; the figures it revised are listed with it.
pub fn latest_reported(totals: &[ReportedTotal], (from, to): (i32, i32)) -> Vec<ReportedMark> {
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
            .map(|t| EarlierFigure {
                published: t.published,
                usd: t.usd,
                partial: t.nature() == FigureNature::PartOfYear,
            })
            .collect();
        marks.push(ReportedMark {
            id: current.id.clone(),
            publisher,
            year,
            usd: current.usd,
            usd_high: current.usd_high,
            floor: current.floor,
            incidents: current.incidents,
            partial: current.nature() == FigureNature::PartOfYear,
            nature: current.nature(),
            window: current.window(),
            basis: current.basis.clone(),
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
    /// Id of the incident's strongest source ([`crate::model::Source::strength`]), for the
    /// tooltip.
    pub source: Option<String>,
    /// `added` or `revised` since the release the reader compares with (`?since=`).
    pub changed: Option<&'static str>,
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
    /// Freezes, seizures, recoveries and refusals on a lane of their own, oldest first
    /// (filled by the pipeline, which knows the view: [`crate::after::lane`]).
    pub after: Vec<crate::after::LaneEvent>,
    /// First day of the axis.
    pub start: Date,
    /// Last day of the axis.
    pub end: Date,
}

/// Timeline points for the kept incidents (already narrowed by the view: none is dropped
/// here) and the enforcement actions within `axis`, the axis's first and last day.
pub fn timeline(data: &Dataset, incidents: &[&Incident], axis: (Date, Date)) -> TimelineData {
    let (start, end) = axis;
    // Each point cites its strongest source; the strengths are looked up once, by id.
    let mut strength: Vec<(&str, u8)> = data.sources.iter().map(|s| (s.id.as_str(), s.strength())).collect();
    crate::sort::by(&mut strength, &|a, b| a.0.cmp(b.0));
    let strength_of =
        |id: &str| strength.binary_search_by(|(k, _)| (*k).cmp(id)).map_or(u8::MAX, |k| strength[k].1);
    let strongest = |ids: &[String]| ids.iter().min_by_key(|id| strength_of(id)).cloned();
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
            source: strongest(&i.sources),
            changed: None,
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
    TimelineData { points, events, after: Vec::new(), start, end }
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
    /// What each summed edge's dollar figure rests on, in words ([`basis_words`]); empty for
    /// an inferred link.
    pub bases: Vec<String>,
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
    /// The day of the split out of the stolen asset, when one flow is shown and it says.
    pub split_date: Option<Date>,
    /// What the stolen-asset nodes send out in all (the theft, when the flows add up).
    pub sent: f64,
    /// For each flow whose stolen asset sends out more or less than its theft: its incident
    /// and why, in words ("Bybit: $1.202B traced out of a $1.46B theft. …").
    pub sum_notes: Vec<(String, String)>,
    /// Nodes.
    pub nodes: Vec<FlowGraphNode>,
    /// Links.
    pub links: Vec<FlowGraphLink>,
}

impl FlowGraph {
    /// What shares are of: the theft, or, when a flow does not add up to its theft (its
    /// amounts are of other dates than the theft value), what the stolen asset sends out,
    /// so shares never pass 100% or mix two bases.
    pub fn share_base(&self) -> f64 {
        let base = if self.sum_notes.is_empty() { self.theft_usd } else { self.sent };
        base.max(1.0)
    }

    /// A dollar amount as a share of [`FlowGraph::share_base`].
    pub fn share_of(&self, usd: f64) -> f64 {
        usd / self.share_base()
    }

    /// Why the flow does not add up to its theft, in as many words as a chart's description
    /// or an image's subtitle holds: one flow's whole note, or for several summed flows
    /// each one's first sentence (the chart's caption lists every note in full).
    pub fn sum_words(&self) -> Option<String> {
        match self.sum_notes.as_slice() {
            [] => None,
            [(_, one)] => Some(one.clone()),
            many => {
                let firsts: Vec<&str> = many
                    .iter()
                    .map(|(_, n)| n.split(". ").next().unwrap_or(n).trim_end_matches('.'))
                    .collect();
                Some(format!(
                    "{} of the summed flows do not add up to their theft, their amounts being of other dates: {}.",
                    many.len(),
                    firsts.join("; ")
                ))
            }
        }
    }
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
                    bases: Vec::new(),
                });
                links.len() - 1
            });
            let link = &mut links[k];
            link.usd += e.usd;
            link.estimate |= e.estimate;
            if !link.sources.contains(&e.source) {
                link.sources.push(e.source.clone());
            }
            let words = basis_words(data, e.basis.as_ref(), e.usd);
            if !link.bases.contains(&words) {
                link.bases.push(words);
            }
        }
    }
    add_remainder_links(&mut nodes, &mut links);
    let sum_notes = sum_notes(data, &flows);
    Some(FlowGraph {
        incidents: flows.iter().map(|f| f.incident.clone()).collect(),
        theft_usd: flows.iter().map(|f| f.theft_usd).sum(),
        as_of,
        split_date: if flows.len() == 1 { flows.first().and_then(|f| f.split_date) } else { None },
        sent: flows.iter().map(|f| crate::validate::source_outflow(f)).sum(),
        sum_notes,
        nodes,
        links,
    })
}

/// What an edge's dollar figure rests on, in words: "stated by the source", "40,233 ETH ×
/// $2,490 (price of 4 Mar 2025, CoinGecko)", "72.4% of $1.46B", a subtraction, or money
/// carried on whole.
pub fn basis_words(data: &Dataset, basis: Option<&EdgeBasis>, usd: f64) -> String {
    let list = |names: &[String]| names.join(" and ");
    match basis {
        None => "basis not recorded".to_string(),
        Some(EdgeBasis::Stated { tokens_stated, lower_bound, .. }) => format!(
            "{}{} as the source states it{}",
            if *lower_bound { "at least " } else { "" },
            money(usd),
            tokens_stated.as_deref().map(|t| format!(" (for {t})")).unwrap_or_default()
        ),
        Some(EdgeBasis::Tokens { amount, token, price_usd, price_date, price_source, .. }) => {
            let by = data.source(price_source).map_or(price_source.as_str(), |s| s.publisher.as_str());
            format!(
                "{} {token} × {} (price of {}, {by})",
                crate::format::count(*amount),
                crate::format::price(*price_usd),
                price_date.human()
            )
        }
        Some(EdgeBasis::Share { share, of_usd, of, .. }) => format!(
            "{} of {}{}: the source gives a share, not dollars",
            crate::format::percent_fine(*share),
            money(*of_usd),
            of.as_deref().map(|o| format!(" ({o})")).unwrap_or_default()
        ),
        Some(EdgeBasis::Remainder { of_usd, less_edges, why }) => {
            format!("derived: {} less {} ({why})", money(*of_usd), list(less_edges))
        }
        Some(EdgeBasis::Carried { of_edges, why }) => {
            format!("carried on whole from {} ({why})", list(of_edges))
        }
    }
}

/// Why each flow's stolen asset sends out more or less than its theft, for those that do:
/// its incident and the reason.
fn sum_notes(data: &Dataset, flows: &[&crate::model::Flow]) -> Vec<(String, String)> {
    let parting: Vec<(&crate::model::Flow, f64)> = flows
        .iter()
        .map(|f| (*f, crate::validate::source_outflow(f)))
        .filter(|(f, sent)| {
            (sent - f.theft_usd).abs() > f.theft_usd * crate::validate::FLOW_TOLERANCE_SHARE + 1.0
        })
        .collect();
    if parting.is_empty() {
        return Vec::new();
    }
    // Each incident's victim by id, looked up once per flow (a search of the list for each
    // of thousands of flows would be quadratic).
    let victims: HashMap<&str, &str> =
        data.incidents.iter().map(|i| (i.id.as_str(), i.victim.as_str())).collect();
    parting
        .into_iter()
        .map(|(flow, sent)| {
            let name = victims.get(flow.incident.as_str()).copied().unwrap_or(flow.incident.as_str());
            let why = flow.sum_note.as_deref().unwrap_or("no reason recorded");
            (
                flow.incident.clone(),
                format!("{name}: {} traced out of a {} theft. {why}", money(sent), money(flow.theft_usd)),
            )
        })
        .collect()
}

/// Most nodes a flow chart draws. Past this a flow cannot be drawn legibly (5,000 nodes
/// made an 89,000 px drawing; 10,000 links, 3 px labels): [`fold_small_hops`] keeps the
/// largest and folds the rest. The shipped data's sum of every traced flow has 35.
pub const MAX_DRAWN_FLOW_NODES: usize = 40;

/// How many of the largest nodes a folded flow keeps as they are; the others of each
/// column become one "N other hops" node there.
const KEPT_FLOW_NODES: usize = 30;

/// `g` as it can be drawn: unchanged up to `max_nodes` nodes; past that the 30 largest
/// nodes (by what they receive or send) are kept and the others are folded, column by
/// column, into one node each ("412 other hops"), their links summed. Totals do not change;
/// the full list of links stays in the chart's table, which is built from `g` itself.
pub fn fold_small_hops(g: &FlowGraph, max_nodes: usize) -> FlowGraph {
    if g.nodes.len() <= max_nodes {
        return g.clone();
    }
    let mut value = vec![0.0f64; g.nodes.len()];
    let (mut inflow, mut outflow) = (vec![0.0; g.nodes.len()], vec![0.0; g.nodes.len()]);
    for l in &g.links {
        outflow[l.from] += l.usd;
        inflow[l.to] += l.usd;
    }
    for (i, v) in value.iter_mut().enumerate() {
        *v = f64::max(inflow[i], outflow[i]);
    }
    let mut ranked: Vec<usize> = (0..g.nodes.len()).collect();
    crate::sort::by(&mut ranked, &|&a, &b| value[b].total_cmp(&value[a]).then(a.cmp(&b)));
    let mut kept = vec![false; g.nodes.len()];
    for &i in ranked.iter().take(KEPT_FLOW_NODES.min(max_nodes)) {
        kept[i] = true;
    }
    // The others, by column; a column with only one left keeps it as it is.
    let mut folded: std::collections::BTreeMap<u8, Vec<usize>> = std::collections::BTreeMap::new();
    for i in (0..g.nodes.len()).filter(|&i| !kept[i]) {
        folded.entry(g.nodes[i].stage).or_default().push(i);
    }
    let mut nodes: Vec<FlowGraphNode> = Vec::new();
    let mut new_index = vec![0usize; g.nodes.len()];
    for i in (0..g.nodes.len()).filter(|&i| kept[i] || folded[&g.nodes[i].stage].len() == 1) {
        new_index[i] = nodes.len();
        nodes.push(g.nodes[i].clone());
    }
    for (stage, members) in folded.iter().filter(|(_, m)| m.len() > 1) {
        let kind = g.nodes[members[0]].kind;
        let same = members.iter().all(|&i| g.nodes[i].kind == kind);
        for &i in members {
            new_index[i] = nodes.len();
        }
        nodes.push(FlowGraphNode {
            id: format!("other-hops-{stage}"),
            label: format!("{} other hops", members.len()),
            stage: *stage,
            kind: if same { kind } else { NodeKind::Intermediate },
        });
    }
    let mut links: Vec<FlowGraphLink> = Vec::new();
    let mut link_index: HashMap<(usize, usize), usize> = HashMap::new();
    for l in &g.links {
        let (from, to) = (new_index[l.from], new_index[l.to]);
        let merged = !(kept[l.from] && kept[l.to]);
        let k = *link_index.entry((from, to)).or_insert_with(|| {
            links.push(FlowGraphLink {
                from,
                to,
                usd: 0.0,
                estimate: false,
                sources: Vec::new(),
                inferred: l.inferred,
                bases: Vec::new(),
            });
            links.len() - 1
        });
        let link = &mut links[k];
        link.usd += l.usd;
        link.estimate |= l.estimate;
        link.inferred &= l.inferred;
        // A summed link of many hops names no source of its own: the table lists each.
        if !merged {
            link.sources
                .extend(l.sources.iter().filter(|s| !link.sources.contains(s)).cloned().collect::<Vec<_>>());
        }
        link.bases.extend(l.bases.iter().filter(|b| !link.bases.contains(b)).cloned().collect::<Vec<_>>());
    }
    FlowGraph {
        incidents: g.incidents.clone(),
        theft_usd: g.theft_usd,
        as_of: g.as_of,
        split_date: g.split_date,
        sent: g.sent,
        sum_notes: g.sum_notes.clone(),
        nodes,
        links,
    }
}

/// A node id as a label: `still-held` becomes "Still held", `held-btc` "Held BTC" (an
/// asset by its ticker symbol) and `thorchain` "THORChain" (a name spelled as its owners
/// spell it), so a summed flow's label reads as the single flows' labels do.
fn humanize(id: &str) -> String {
    const SPELLED: [(&str, &str); 18] = [
        ("btc", "BTC"),
        ("eth", "ETH"),
        ("usdt", "USDT"),
        ("usdc", "USDC"),
        ("dai", "DAI"),
        ("bnb", "BNB"),
        ("trx", "TRX"),
        ("sol", "SOL"),
        ("matic", "MATIC"),
        ("xrp", "XRP"),
        ("ltc", "LTC"),
        ("wbtc", "WBTC"),
        ("weth", "WETH"),
        ("thorchain", "THORChain"),
        ("thorswap", "THORSwap"),
        ("okx", "OKX"),
        ("exch", "eXch"),
        ("htx", "HTX"),
    ];
    let words: Vec<String> = id
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(k, w)| match SPELLED.iter().find(|(key, _)| key.eq_ignore_ascii_case(w)) {
            // A name keeps its own spelling even first ("eXch deposit").
            Some((_, spelled)) => spelled.to_string(),
            None if k == 0 => crate::text::capitalised(w),
            None => w.to_string(),
        })
        .collect();
    words.join(" ")
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
            bases: Vec::new(),
        });
    }
}

/// Sorts incidents for the table by a column, ties broken by date then id so the order is
/// stable. Victims sort without regard to case, each name folded once.
pub fn sort_incidents(list: &mut [&Incident], key: SortKey, ascending: bool) {
    let folded: Vec<String> = if key == SortKey::Victim {
        list.iter().map(|i| crate::text::fold_case(&i.victim)).collect()
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

/// North Korea's share of all crypto theft for one year, from one publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// DPRK-linked theft's share of theft by all actors.
    pub share: f64,
    /// Who published the figures.
    pub publisher: String,
    /// The year it is for: a share is only shown for one year, as a publisher gave it
    /// (a blend of several years' shares is a figure no one published).
    pub year: i32,
    /// The window of the figure in words ("2024", "1 Jan – 19 Dec 2024").
    pub window: String,
    /// Id of the reported total it comes from.
    pub total: String,
    /// True when the publisher stated the share itself; otherwise it is worked out from
    /// the publisher's two dollar figures, and `basis` says so.
    pub stated: bool,
    /// How a share that was not stated was worked out.
    pub basis: Option<String>,
}

/// The share for one year: from the publishers' latest figures for it (full-year ones
/// first, then in legend order), the first that states a share, else the first that gives
/// theft by all actors (a derived share). Its window goes with it.
fn share_for(data: &Dataset, year: i32) -> Option<Share> {
    let marks = latest_reported(&data.reported_totals, (year, year));
    let by_id: HashMap<&str, &ReportedTotal> =
        data.reported_totals.iter().map(|t| (t.id.as_str(), t)).collect();
    let order = publisher_order(marks.iter().map(|m| m.publisher.as_str()));
    let mut candidates: Vec<&ReportedMark> =
        marks.iter().filter(|m| m.nature != FigureNature::Derived).collect();
    let key =
        |m: &ReportedMark| (m.nature != FigureNature::FullYear, order.iter().position(|p| *p == m.publisher));
    crate::sort::by(&mut candidates, &|a, b| key(a).cmp(&key(b)));
    let totals: Vec<&ReportedTotal> =
        candidates.iter().filter_map(|m| by_id.get(m.id.as_str()).copied()).collect();
    let stated = totals.iter().find_map(|t| {
        t.stated_share.map(|share| Share {
            share,
            publisher: t.publisher.clone(),
            year,
            window: t.window(),
            total: t.id.clone(),
            stated: true,
            basis: None,
        })
    });
    stated.or_else(|| {
        totals.iter().find_map(|t| {
            let all = t.all_actors_usd.filter(|a| *a > 0.0)?;
            Some(Share {
                share: t.usd / all,
                publisher: t.publisher.clone(),
                year,
                window: t.window(),
                total: t.id.clone(),
                stated: false,
                basis: Some(format!(
                    "{} of {} stolen by all actors, both as {} published them",
                    money(t.usd),
                    money(all),
                    t.publisher
                )),
            })
        })
    })
}

/// Computes the headline for the kept incidents over a span of years. The share is the
/// latest year's in the span that has one.
pub fn headline(data: &Dataset, incidents: &[&Incident], span: (i32, i32)) -> Headline {
    let share = (span.0..=span.1).rev().find_map(|year| share_for(data, year));
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
    /// Full year, part of a year, several years, or derived.
    pub nature: FigureNature,
    /// True when the publisher gave a floor ("at least").
    pub floor: bool,
    /// The window in words ([`ReportedTotal::window`]).
    pub window: String,
    /// Index in [`PublishedData::points`] of the figure this one revises.
    pub revises: Option<usize>,
    /// Id of its source.
    pub source: String,
    /// `added` or `revised` since the release the reader compares with (`?since=`).
    pub changed: Option<&'static str>,
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
            nature: t.nature(),
            floor: t.floor,
            window: t.window(),
            revises: t.supersedes.as_deref().and_then(|old| totals.iter().position(|o| o.id == old)),
            source: t.source.clone(),
            changed: None,
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
        let y = yearly(&data, &Filter::default().apply(&data), (2024, 2025), false, None, false);
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
    fn node_ids_read_with_assets_by_symbol_and_names_spelled_one_way() {
        let cases = [
            ("held-btc", "Held BTC"),
            ("still-held", "Still held"),
            ("thorchain", "THORChain"),
            ("stolen_eth", "Stolen ETH"),
            ("exch-deposit", "eXch deposit"),
            ("okx-web3", "OKX web3"),
            ("", ""),
        ];
        for (id, want) in cases {
            assert_eq!(humanize(id), want, "{id}");
        }
    }

    #[test]
    fn merged_nodes_with_different_labels_get_a_neutral_one() {
        let mut data = fixture();
        data.flows[1].nodes[0].id = "stolen-eth".into();
        data.flows[1].edges[0].from = "stolen-eth".into();
        let g = flow_graph(&data, &["alpha-2024", "beta-2024"]).expect("graph");
        assert!(g.nodes.iter().any(|n| n.id == "stolen-eth" && n.label == "Stolen ETH"));
    }

    #[test]
    fn headline_share_is_one_years_as_the_publisher_gave_it() {
        let mut data = fixture();
        let kept = Filter::default().apply(&data);
        let h = headline(&data, &kept, (2024, 2024));
        let s = h.dprk_share.expect("2024 has a stated share");
        assert_eq!((s.publisher.as_str(), s.year, s.stated), ("Test Publisher", 2024, true));
        assert!((s.share - 0.5).abs() < 1e-9, "the revised figure's stated 50%");
        assert_eq!(s.total, "tp-2024-b");
        let wider = headline(&data, &kept, (2024, 2025)).dprk_share.expect("falls back to a single year");
        assert_eq!(wider.year, 2024, "2025 has no share, so 2024's is shown, never a blend");
        assert_eq!(h.count, 3);
        assert_eq!(h.largest.as_deref(), Some("alpha-2024"));
        data.reported_totals[1].stated_share = None;
        let derived = headline(&data, &[], (2024, 2024)).dprk_share.expect("worked out from the two figures");
        assert!(!derived.stated && derived.basis.as_deref().is_some_and(|b| b.contains("$450M of $900M")));
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
