//! Sankey layout: stages become columns, nodes are ordered within each column to reduce
//! ribbon crossings, node heights and ribbon widths are proportional to value, and every
//! intermediate node's ribbons fill it exactly (flow is conserved on the page).

use super::Rect;

/// A node to place.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeIn {
    /// Column key: nodes with equal stage share a column, columns ordered by stage.
    pub stage: u8,
}

/// A link to place.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkIn {
    /// Index of the node the value leaves.
    pub from: usize,
    /// Index of the node the value reaches.
    pub to: usize,
    /// Value (US dollars); non-positive links are kept but drawn with no width.
    pub value: f64,
}

/// A placed node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeOut {
    /// The node's box.
    pub rect: Rect,
    /// Column index (0 = leftmost).
    pub column: usize,
    /// max(inflow, outflow).
    pub value: f64,
}

/// A placed link: a ribbon from the right edge of its source node to the left edge of its
/// target node.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkOut {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// x where the ribbon leaves the source.
    pub x0: f64,
    /// x where the ribbon reaches the target.
    pub x1: f64,
    /// Top of the ribbon at the source.
    pub y0: f64,
    /// Top of the ribbon at the target.
    pub y1: f64,
    /// Ribbon thickness.
    pub width: f64,
}

impl LinkOut {
    /// The ribbon outline as a polygon: the top edge as a cubic curve from source to
    /// target, then the bottom edge back. `steps` segments per edge.
    pub fn outline(&self, steps: usize) -> Vec<(f64, f64)> {
        let steps = steps.max(1);
        let mid = (self.x0 + self.x1) / 2.0;
        let curve = |t: f64, ya: f64, yb: f64| {
            let u = 1.0 - t;
            // Control points at the horizontal midpoint keep the ends horizontal.
            let x = u * u * u * self.x0 + 3.0 * u * u * t * mid + 3.0 * u * t * t * mid + t * t * t * self.x1;
            let y = u * u * u * ya + 3.0 * u * u * t * ya + 3.0 * u * t * t * yb + t * t * t * yb;
            (x, y)
        };
        let mut points = Vec::with_capacity(2 * steps + 2);
        for k in 0..=steps {
            points.push(curve(k as f64 / steps as f64, self.y0, self.y1));
        }
        for k in (0..=steps).rev() {
            points.push(curve(k as f64 / steps as f64, self.y0 + self.width, self.y1 + self.width));
        }
        points
    }
}

impl LinkOut {
    /// The ribbon's top edge at `x` (between its ends): the same curve [`LinkOut::outline`]
    /// draws, found by bisection on its parameter (x grows with it).
    pub fn top_at(&self, x: f64) -> f64 {
        let mid = (self.x0 + self.x1) / 2.0;
        let at = |t: f64| {
            let u = 1.0 - t;
            u * u * u * self.x0 + 3.0 * u * u * t * mid + 3.0 * u * t * t * mid + t * t * t * self.x1
        };
        let (mut lo, mut hi) = (0.0, 1.0);
        for _ in 0..40 {
            let t = (lo + hi) / 2.0;
            if at(t) < x {
                lo = t;
            } else {
                hi = t;
            }
        }
        let (t, u) = (lo, 1.0 - lo);
        u * u * u * self.y0 + 3.0 * u * u * t * self.y0 + 3.0 * u * t * t * self.y1 + t * t * t * self.y1
    }

    /// The band the ribbon covers between `xa` and `xb` (its lowest top to its highest
    /// bottom there), or `None` where it does not reach or has no width. Each edge moves one
    /// way only, so its ends bound it.
    pub fn band(&self, xa: f64, xb: f64) -> Option<(f64, f64)> {
        self.band_by(xa, xb, &|x| self.top_at(x))
    }

    /// [`LinkOut::band`] with the top edge found by `top` (the same curve, e.g. from a
    /// cache of [`LinkOut::top_at`]'s answers).
    pub(crate) fn band_by(&self, xa: f64, xb: f64, top: &dyn Fn(f64) -> f64) -> Option<(f64, f64)> {
        let (xa, xb) = (xa.max(self.x0), xb.min(self.x1));
        if self.width <= 0.0 || xa >= xb || !(self.width.is_finite()) {
            return None;
        }
        let (a, b) = (top(xa), top(xb));
        Some((a.min(b), a.max(b) + self.width))
    }

    /// True when the ribbon crosses the box `r` (touching its edge does not count).
    pub fn crosses(&self, r: &Rect) -> bool {
        self.crosses_by(r, &|x| self.top_at(x))
    }

    /// [`LinkOut::crosses`] with the top edge found by `top` (see [`LinkOut::band_by`]).
    pub(crate) fn crosses_by(&self, r: &Rect, top: &dyn Fn(f64) -> f64) -> bool {
        // Both edges stay between their ends' heights, so a box wholly above or below that
        // span crosses nothing; label placement asks this thousands of times per chart, and
        // the bisections below are most of its cost. The margin keeps the answer the same
        // where rounding puts an edge a hair outside its ends.
        const HAIR: f64 = 1e-6;
        let (lo, hi) = (self.y0.min(self.y1), self.y0.max(self.y1) + self.width);
        if r.y1 < lo - HAIR || r.y0 > hi + HAIR || r.x1 <= self.x0 || r.x0 >= self.x1 {
            return false;
        }
        self.band_by(r.x0, r.x1, top).is_some_and(|(top, bottom)| top < r.y1 && r.y0 < bottom)
    }
}

/// The placed graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Nodes, in input order.
    pub nodes: Vec<NodeOut>,
    /// Links, in input order.
    pub links: Vec<LinkOut>,
    /// Node indices per column, top to bottom.
    pub columns: Vec<Vec<usize>>,
}

/// Layout options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Node bar width.
    pub(crate) node_width: f64,
    /// Minimum vertical gap between nodes of a column.
    pub(crate) node_gap: f64,
    /// Barycentre sweeps used to order nodes.
    pub(crate) sweeps: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { node_width: 14.0, node_gap: 14.0, sweeps: 6 }
    }
}

/// Places the graph inside `area`.
pub fn layout(nodes: &[NodeIn], links: &[LinkIn], area: Rect, options: Options) -> Layout {
    let n = nodes.len();
    let value_of = |l: &LinkIn| if l.value.is_finite() && l.value > 0.0 { l.value } else { 0.0 };
    let mut inflow = vec![0.0; n];
    let mut outflow = vec![0.0; n];
    for l in links.iter().filter(|l| l.from < n && l.to < n) {
        outflow[l.from] += value_of(l);
        inflow[l.to] += value_of(l);
    }
    let value: Vec<f64> = (0..n).map(|i| f64::max(inflow[i], outflow[i])).collect();

    // Columns in stage order; empty stages take no room.
    let mut stages: Vec<u8> = nodes.iter().map(|node| node.stage).collect();
    crate::sort::unique(&mut stages);
    let column_of: Vec<usize> =
        nodes.iter().map(|node| stages.binary_search(&node.stage).unwrap_or(0)).collect();
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); stages.len()];
    for (i, &c) in column_of.iter().enumerate() {
        columns[c].push(i);
    }

    // One scale for every column, set by the fullest one, so equal money has equal height.
    let scale = columns
        .iter()
        .filter(|col| !col.is_empty())
        .map(|col| {
            let total: f64 = col.iter().map(|&i| value[i]).sum();
            let room = area.height() - options.node_gap * (col.len() as f64 - 1.0);
            if total > 0.0 {
                (room / total).max(0.0)
            } else {
                f64::INFINITY
            }
        })
        .fold(f64::INFINITY, f64::min);
    let scale = if scale.is_finite() { scale } else { 0.0 };
    let heights: Vec<f64> = value.iter().map(|v| v * scale).collect();

    let x_of = |c: usize| {
        if stages.len() <= 1 {
            area.x0
        } else {
            area.x0 + (area.width() - options.node_width) * c as f64 / (stages.len() - 1) as f64
        }
    };

    let mut centers = stack(&columns, &heights, area, options.node_gap);
    for sweep in 0..options.sweeps {
        let forward = sweep % 2 == 0;
        let order: Vec<usize> = if forward {
            (1..columns.len()).collect()
        } else {
            (0..columns.len().saturating_sub(1)).rev().collect()
        };
        for c in order {
            let mut keyed: Vec<(f64, usize)> = columns[c]
                .iter()
                .map(|&i| {
                    let (mut sum, mut weight) = (0.0, 0.0);
                    for l in links.iter().filter(|l| l.from < n && l.to < n) {
                        let other = if forward && l.to == i {
                            l.from
                        } else if !forward && l.from == i {
                            l.to
                        } else {
                            continue;
                        };
                        sum += centers[other] * value_of(l);
                        weight += value_of(l);
                    }
                    (if weight > 0.0 { sum / weight } else { centers[i] }, i)
                })
                .collect();
            crate::sort::by(&mut keyed, &|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            columns[c] = keyed.into_iter().map(|(_, i)| i).collect();
            centers = stack(&columns, &heights, area, options.node_gap);
        }
    }

    let placed: Vec<NodeOut> = (0..n)
        .map(|i| NodeOut {
            rect: Rect::new(
                x_of(column_of[i]),
                centers[i] - heights[i] / 2.0,
                x_of(column_of[i]) + options.node_width,
                centers[i] + heights[i] / 2.0,
            ),
            column: column_of[i],
            value: value[i],
        })
        .collect();

    // Ribbons attach in the order of the node at their other end, so they do not cross
    // where they meet a node.
    let mut out_order: Vec<usize> =
        (0..links.len()).filter(|&k| links[k].from < n && links[k].to < n).collect();
    crate::sort::by(&mut out_order, &|&a, &b| {
        centers[links[a].to].total_cmp(&centers[links[b].to]).then(a.cmp(&b))
    });
    let mut in_order = out_order.clone();
    crate::sort::by(&mut in_order, &|&a, &b| {
        centers[links[a].from].total_cmp(&centers[links[b].from]).then(a.cmp(&b))
    });
    let mut next_out: Vec<f64> = placed.iter().map(|p| p.rect.y0).collect();
    let mut next_in: Vec<f64> = next_out.clone();
    let mut result: Vec<LinkOut> = links
        .iter()
        .map(|l| LinkOut { from: l.from, to: l.to, x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0, width: 0.0 })
        .collect();
    for &k in &out_order {
        let l = &links[k];
        let width = value_of(l) * scale;
        result[k].x0 = placed[l.from].rect.x1;
        result[k].y0 = next_out[l.from];
        result[k].width = width;
        next_out[l.from] += width;
    }
    for &k in &in_order {
        let l = &links[k];
        result[k].x1 = placed[l.to].rect.x0;
        result[k].y1 = next_in[l.to];
        next_in[l.to] += value_of(l) * scale;
    }
    Layout { nodes: placed, links: result, columns }
}

/// Stacks each column's nodes top to bottom in its current order, centred vertically, and
/// returns every node's centre y.
fn stack(columns: &[Vec<usize>], heights: &[f64], area: Rect, gap: f64) -> Vec<f64> {
    let mut centers = vec![0.0; heights.len()];
    for col in columns {
        let used: f64 =
            col.iter().map(|&i| heights[i]).sum::<f64>() + gap * (col.len() as f64 - 1.0).max(0.0);
        let mut y = area.y0 + ((area.height() - used) / 2.0).max(0.0);
        for &i in col {
            centers[i] = y + heights[i] / 2.0;
            y += heights[i] + gap;
        }
    }
    centers
}

/// Number of pairs of ribbons between the same two columns that cross each other: a
/// measure of how readable the layout is (the tests hold the ordering to it).
#[cfg(test)]
fn crossings(layout: &Layout) -> usize {
    let mut count = 0;
    for (a_index, a) in layout.links.iter().enumerate() {
        for b in &layout.links[a_index + 1..] {
            let same_span = layout.nodes[a.from].column == layout.nodes[b.from].column
                && layout.nodes[a.to].column == layout.nodes[b.to].column;
            if same_span && a.from != b.from && a.to != b.to {
                let start = a.y0.total_cmp(&b.y0);
                let end = a.y1.total_cmp(&b.y1);
                if start != end {
                    count += 1;
                }
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> Rect {
        Rect::new(0.0, 0.0, 600.0, 300.0)
    }

    fn graph(stages: &[u8], links: &[(usize, usize, f64)]) -> (Vec<NodeIn>, Vec<LinkIn>) {
        (
            stages.iter().map(|&stage| NodeIn { stage }).collect(),
            links.iter().map(|&(from, to, value)| LinkIn { from, to, value }).collect(),
        )
    }

    #[test]
    fn intermediate_nodes_are_exactly_filled_by_their_ribbons() {
        // 0 -> {1, 2} -> 3, 2 -> 4
        let (nodes, links) =
            graph(&[0, 1, 1, 2, 2], &[(0, 1, 60.0), (0, 2, 40.0), (1, 3, 60.0), (2, 3, 10.0), (2, 4, 30.0)]);
        let out = layout(&nodes, &links, area(), Options::default());
        for i in [1, 2] {
            let rect = out.nodes[i].rect;
            let inflow: f64 = out.links.iter().filter(|l| l.to == i).map(|l| l.width).sum();
            let outflow: f64 = out.links.iter().filter(|l| l.from == i).map(|l| l.width).sum();
            assert!((inflow - rect.height()).abs() < 1e-9, "node {i} in {inflow} vs {}", rect.height());
            assert!((outflow - rect.height()).abs() < 1e-9, "node {i} out {outflow} vs {}", rect.height());
        }
    }

    #[test]
    fn ribbon_width_is_proportional_to_value() {
        let (nodes, links) = graph(&[0, 1, 1], &[(0, 1, 75.0), (0, 2, 25.0)]);
        let out = layout(&nodes, &links, area(), Options::default());
        assert!((out.links[0].width / out.links[1].width - 3.0).abs() < 1e-9);
    }

    #[test]
    fn nodes_in_a_column_never_overlap_and_stay_inside() {
        let (nodes, links) = graph(
            &[0, 1, 1, 1, 1, 2],
            &[
                (0, 1, 5.0),
                (0, 2, 50.0),
                (0, 3, 1.0),
                (0, 4, 44.0),
                (1, 5, 5.0),
                (2, 5, 50.0),
                (3, 5, 1.0),
                (4, 5, 44.0),
            ],
        );
        let out = layout(&nodes, &links, area(), Options::default());
        for col in &out.columns {
            for (k, &a) in col.iter().enumerate() {
                assert!(area().contains(&out.nodes[a].rect), "node {a} outside");
                for &b in &col[k + 1..] {
                    assert!(!out.nodes[a].rect.overlaps(&out.nodes[b].rect), "nodes {a} and {b} overlap");
                }
            }
        }
    }

    #[test]
    fn ordering_removes_avoidable_crossings() {
        // Listed so that the input order crosses: top source feeds bottom target.
        let (nodes, links) = graph(&[0, 0, 1, 1], &[(0, 3, 10.0), (1, 2, 10.0)]);
        let unordered = layout(&nodes, &links, area(), Options { sweeps: 0, ..Options::default() });
        let ordered = layout(&nodes, &links, area(), Options::default());
        assert_eq!(crossings(&unordered), 1);
        assert_eq!(crossings(&ordered), 0);
    }

    #[test]
    fn stages_become_columns_left_to_right_skipping_empty_stages() {
        let (nodes, links) = graph(&[0, 2, 5], &[(0, 1, 1.0), (1, 2, 1.0)]);
        let out = layout(&nodes, &links, area(), Options::default());
        assert_eq!(out.columns.len(), 3);
        assert_eq!(out.nodes[0].rect.x0, 0.0);
        assert!(out.nodes[0].rect.x0 < out.nodes[1].rect.x0 && out.nodes[1].rect.x0 < out.nodes[2].rect.x0);
        assert_eq!(out.nodes[2].rect.x1, 600.0);
    }

    #[test]
    fn empty_and_degenerate_graphs_do_not_panic() {
        let empty = layout(&[], &[], area(), Options::default());
        assert!(empty.nodes.is_empty() && empty.links.is_empty());
        let (nodes, links) = graph(&[0, 1], &[(0, 1, f64::NAN), (0, 7, 3.0)]);
        let out = layout(&nodes, &links, area(), Options::default());
        assert_eq!(out.links[0].width, 0.0);
    }

    #[test]
    fn ribbon_outline_starts_and_ends_at_its_nodes() {
        let link = LinkOut { from: 0, to: 1, x0: 10.0, x1: 110.0, y0: 5.0, y1: 50.0, width: 8.0 };
        let outline = link.outline(10);
        assert_eq!(outline.first(), Some(&(10.0, 5.0)));
        assert_eq!(outline[10], (110.0, 50.0));
        assert_eq!(outline[11], (110.0, 58.0));
        assert_eq!(outline.last(), Some(&(10.0, 13.0)));
    }
}
