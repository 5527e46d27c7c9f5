//! Laundering flow graphs: one flow or the sum of several, nodes merged by id, what was
//! not traced further sent to a sink, and each edge's basis in words.

use std::collections::HashMap;

use crate::format::money;
use crate::model::{Dataset, Date, EdgeBasis, NodeKind};

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

impl FlowGraphLink {
    /// A link with nothing summed into it yet: the graph builders add each edge's dollars,
    /// sources and basis as they meet it.
    pub(crate) fn empty(from: usize, to: usize, inferred: bool) -> FlowGraphLink {
        FlowGraphLink {
            from,
            to,
            usd: 0.0,
            estimate: false,
            sources: Vec::new(),
            inferred,
            bases: Vec::new(),
        }
    }
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
    pub(crate) fn share_base(&self) -> f64 {
        let base = if self.sum_notes.is_empty() { self.theft_usd } else { self.sent };
        base.max(1.0)
    }

    /// A dollar amount as a share of [`FlowGraph::share_base`].
    pub(crate) fn share_of(&self, usd: f64) -> f64 {
        usd / self.share_base()
    }

    /// Why the flow does not add up to its theft, in as many words as a chart's description
    /// or an image's subtitle holds: one flow's whole note, or for several summed flows
    /// each one's first sentence (the chart's caption lists every note in full).
    pub(crate) fn sum_words(&self) -> Option<String> {
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
                links.push(FlowGraphLink::empty(from, to, false));
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

/// A node id as a label: `still-held` becomes "Still held", `held-btc` "Held BTC" (an
/// asset by its ticker symbol) and `thorchain` "THORChain" (a name spelled as its owners
/// spell it), so a summed flow's label reads as the single flows' labels do.
pub(super) fn humanize(id: &str) -> String {
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
        links.push(FlowGraphLink { usd: gap, estimate: true, ..FlowGraphLink::empty(i, to, true) });
    }
}
