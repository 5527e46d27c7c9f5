//! Folding a flow graph too large to draw: the largest nodes kept, the rest of each
//! column become one "N other hops" node.

use std::collections::HashMap;

use crate::aggregate::flows::{FlowGraph, FlowGraphLink, FlowGraphNode};
use crate::model::NodeKind;

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
    let mut gathered = crate::aggregate::flows::Gathered::default();
    for l in &g.links {
        let (from, to) = (new_index[l.from], new_index[l.to]);
        let merged = !(kept[l.from] && kept[l.to]);
        let k = *link_index.entry((from, to)).or_insert_with(|| {
            links.push(FlowGraphLink::empty(from, to, l.inferred));
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
        for b in &l.bases {
            gathered.add(k, &mut link.bases, b.clone());
        }
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
