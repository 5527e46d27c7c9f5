//! Laundering flow graphs: one flow or the sum of several, nodes merged by id, what was
//! not traced further sent to a sink, and each edge's basis. What a basis rests on, why a
//! flow does not add up and a merged node's name are data here ([`Basis`], [`SumNote`],
//! [`id_words`]); the phrasing layer says them in the page's language.

use std::collections::HashMap;

use crate::format::{count, money, percent_fine, price};
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
    /// What each summed edge's dollar figure rests on, as data (`phrase::basis` says it);
    /// empty for an inferred link.
    pub bases: Vec<Basis>,
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
    /// For each flow whose stolen asset sends out more or less than its theft: how much
    /// and why, as data (`phrase::sum_note` says it: "Bybit: $1.202B traced out of a $1.46B
    /// theft. …").
    pub sum_notes: Vec<SumNote>,
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
}

/// Why one flow's stolen asset sends out more or less than its theft, as data.
#[derive(Debug, Clone, PartialEq)]
pub struct SumNote {
    /// The flow's incident id.
    pub incident: String,
    /// Its victim (the id when the dataset holds no such theft).
    pub victim: String,
    /// What the stolen asset sends out.
    pub sent: f64,
    /// The theft's value.
    pub theft: f64,
    /// The record's reason (its own English), when it gives one.
    pub why: Option<String>,
}

/// What a link's dollar figure rests on, as data: the fields of the edge's basis that the
/// reader is told, the price's publisher looked up. Text inside (a token amount as the
/// source wrote it, a reason, edge names) is the dataset's own.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// No basis recorded.
    Unrecorded,
    /// The source states the dollars.
    Stated {
        /// The dollars.
        usd: f64,
        /// True when the source gives a floor.
        lower_bound: bool,
        /// The token amount the source gives beside them ("361,255 ETH").
        tokens: Option<String>,
    },
    /// A stated token amount at a dated price.
    Tokens {
        /// How many tokens.
        amount: f64,
        /// Which token.
        token: String,
        /// Dollars per token.
        price_usd: f64,
        /// The price's day.
        price_date: Date,
        /// Who published the price (its source id when the dataset lacks it).
        by: String,
    },
    /// A share of a dollar value.
    Share {
        /// The share.
        share: f64,
        /// The dollars it is a share of.
        of_usd: f64,
        /// What those dollars are, as the record says.
        of: Option<String>,
    },
    /// A dollar value less other edges.
    Remainder {
        /// The dollar value.
        of_usd: f64,
        /// The edges taken off.
        less: Vec<String>,
        /// Why, as the record says.
        why: String,
    },
    /// Money carried on whole from other edges.
    Carried {
        /// The edges.
        of: Vec<String>,
        /// Why, as the record says.
        why: String,
    },
}

impl Basis {
    /// The basis of an edge of `usd` dollars.
    pub fn of(data: &Dataset, basis: Option<&EdgeBasis>, usd: f64) -> Basis {
        match basis {
            None => Basis::Unrecorded,
            Some(EdgeBasis::Stated { tokens_stated, lower_bound, .. }) => {
                Basis::Stated { usd, lower_bound: *lower_bound, tokens: tokens_stated.clone() }
            }
            Some(EdgeBasis::Tokens { amount, token, price_usd, price_date, price_source, .. }) => {
                Basis::Tokens {
                    amount: *amount,
                    token: token.clone(),
                    price_usd: *price_usd,
                    price_date: *price_date,
                    by: data.source(price_source).map_or(price_source.clone(), |s| s.publisher.clone()),
                }
            }
            Some(EdgeBasis::Share { share, of_usd, of, .. }) => {
                Basis::Share { share: *share, of_usd: *of_usd, of: of.clone() }
            }
            Some(EdgeBasis::Remainder { of_usd, less_edges, why }) => {
                Basis::Remainder { of_usd: *of_usd, less: less_edges.clone(), why: why.clone() }
            }
            Some(EdgeBasis::Carried { of_edges, why }) => {
                Basis::Carried { of: of_edges.clone(), why: why.clone() }
            }
        }
    }

    /// What the basis reads as, as one key (amounts at the precision the page writes them):
    /// two bases with the same key read the same, and a summed link lists each once.
    fn reading(&self) -> String {
        // Each text is written with its length first, so no two bases share a key by
        // where their texts happen to split.
        fn put(key: &mut String, text: &str) {
            key.push_str(&text.len().to_string());
            key.push(':');
            key.push_str(text);
        }
        let mut key = String::new();
        match self {
            Basis::Unrecorded => key.push('u'),
            Basis::Stated { usd, lower_bound, tokens } => {
                key.push(if *lower_bound { 'S' } else { 's' });
                put(&mut key, &money(*usd));
                if let Some(t) = tokens {
                    put(&mut key, t);
                }
            }
            Basis::Tokens { amount, token, price_usd, price_date, by } => {
                key.push('t');
                for text in [&count(*amount), token, &price(*price_usd), &price_date.to_string(), by] {
                    put(&mut key, text);
                }
            }
            Basis::Share { share, of_usd, of } => {
                key.push('p');
                put(&mut key, &percent_fine(*share));
                put(&mut key, &money(*of_usd));
                if let Some(o) = of {
                    put(&mut key, o);
                }
            }
            Basis::Remainder { of_usd, less, why } => {
                key.push('r');
                put(&mut key, &money(*of_usd));
                put(&mut key, why);
                for l in less {
                    put(&mut key, l);
                }
            }
            Basis::Carried { of, why } => {
                key.push('c');
                put(&mut key, why);
                for l in of {
                    put(&mut key, l);
                }
            }
        }
        key
    }
}

/// The bases of the links being summed, each listed once per link: what a basis reads as
/// is worked out once as it is added, not once for every basis already listed (a sum over
/// thousands of flows adds thousands of bases to one link; comparing each new one with
/// every one before it wrote their amounts again each time, 40 s at 100,000 incidents).
#[derive(Default)]
pub(crate) struct Gathered {
    seen: Vec<std::collections::HashSet<String>>,
}

impl Gathered {
    /// Adds `b` to `bases`, those of link `k`, unless one there reads the same.
    pub(crate) fn add(&mut self, k: usize, bases: &mut Vec<Basis>, b: Basis) {
        if self.seen.len() <= k {
            self.seen.resize_with(k + 1, Default::default);
        }
        if self.seen[k].insert(b.reading()) {
            bases.push(b);
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
    let mut gathered = Gathered::default();
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
            gathered.add(k, &mut link.bases, Basis::of(data, e.basis.as_ref(), e.usd));
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

/// Why each flow's stolen asset sends out more or less than its theft, for those that do:
/// its incident, the two amounts and the reason.
fn sum_notes(data: &Dataset, flows: &[&crate::model::Flow]) -> Vec<SumNote> {
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
        .map(|(flow, sent)| SumNote {
            incident: flow.incident.clone(),
            victim: victims
                .get(flow.incident.as_str())
                .copied()
                .unwrap_or(flow.incident.as_str())
                .to_string(),
            sent,
            theft: flow.theft_usd,
            why: flow.sum_note.clone(),
        })
        .collect()
}

/// One word of a node id: a name spelled as its owners spell it (an asset's ticker symbol,
/// a service), which reads the same in every language, or a plain word of the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdWord {
    /// "BTC", "THORChain", "eXch".
    Name(&'static str),
    /// "held", "still", "deposit", as the id writes it.
    Word(String),
}

/// The words of a node id: `held-btc` is the word "held" and the name "BTC". A merged
/// node is named from them (`humanize` in English, `phrase::merged_name` in the others).
pub fn id_words(id: &str) -> Vec<IdWord> {
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
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| match SPELLED.iter().find(|(key, _)| key.eq_ignore_ascii_case(w)) {
            Some((_, spelled)) => IdWord::Name(spelled),
            None => IdWord::Word(w.to_string()),
        })
        .collect()
}

/// A node id as a label: `still-held` becomes "Still held", `held-btc` "Held BTC" (an
/// asset by its ticker symbol) and `thorchain` "THORChain" (a name spelled as its owners
/// spell it), so a summed flow's label reads as the single flows' labels do.
pub(super) fn humanize(id: &str) -> String {
    let words: Vec<String> = id_words(id)
        .into_iter()
        .enumerate()
        .map(|(k, w)| match w {
            // A name keeps its own spelling even first ("eXch deposit").
            IdWord::Name(spelled) => spelled.to_string(),
            IdWord::Word(w) if k == 0 => crate::text::capitalised(&w),
            IdWord::Word(w) => w,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn stated(usd: f64, lower_bound: bool, tokens: Option<&str>) -> Basis {
        Basis::Stated { usd, lower_bound, tokens: tokens.map(str::to_string) }
    }

    fn carried(of: &[&str], why: &str) -> Basis {
        Basis::Carried { of: of.iter().map(|s| s.to_string()).collect(), why: why.to_string() }
    }

    #[test]
    fn a_summed_link_lists_each_basis_once_by_how_it_reads() {
        let date = Date::new(2025, 3, 4);
        let tokens = |amount: f64, price_usd: f64| Basis::Tokens {
            amount,
            token: "ETH".into(),
            price_usd,
            price_date: date,
            by: "CoinGecko".into(),
        };
        // (case, two bases, listed once)
        let cases = [
            (
                "the same dollars as the page writes them",
                stated(1.2e9, false, None),
                stated(1.2004e9, false, None),
                true,
            ),
            ("other dollars", stated(1.2e9, false, None), stated(1.3e9, false, None), false),
            ("a floor beside a stated sum", stated(1.2e9, true, None), stated(1.2e9, false, None), false),
            ("tokens named or not", stated(1.2e9, false, Some("1 ETH")), stated(1.2e9, false, None), false),
            (
                "the same tokens at the same price",
                tokens(40_233.0, 2_490.0),
                tokens(40_233.0, 2_490.001),
                true,
            ),
            ("another price", tokens(40_233.0, 2_490.0), tokens(40_233.0, 2_600.0), false),
            (
                "a share of the same sum",
                Basis::Share { share: 0.724, of_usd: 1.46e9, of: None },
                Basis::Share { share: 0.724, of_usd: 1.46e9, of: None },
                true,
            ),
            ("carried from other edges", carried(&["a", "b"], "x"), carried(&["a"], "bx"), false),
            ("carried split elsewhere", carried(&["ab"], "c"), carried(&["a"], "bc"), false),
            ("nothing recorded twice", Basis::Unrecorded, Basis::Unrecorded, true),
            ("nothing recorded beside a stated sum", Basis::Unrecorded, stated(0.0, false, None), false),
        ];
        for (case, a, b, once) in cases {
            let mut gathered = Gathered::default();
            let mut bases = Vec::new();
            gathered.add(3, &mut bases, a.clone());
            gathered.add(3, &mut bases, b.clone());
            assert_eq!(bases.len(), if once { 1 } else { 2 }, "{case}");
            assert_eq!(bases[0], a, "{case}: the first kept, in order");
            // Another link keeps its own list.
            let mut other = Vec::new();
            gathered.add(0, &mut other, b);
            assert_eq!(other.len(), 1, "{case}: link 0 is not link 3");
        }
    }
}
