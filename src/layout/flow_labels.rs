//! Where a Sankey's node labels go so that every name and amount reads in full at any
//! width: beside each node, wrapped at spaces to the room before the next column, when every
//! label fits there; otherwise a short numbered key beside each node and, below the diagram,
//! a list of the keys with each node's full name and amount. Nothing is ever cut short.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::labels::spread;
use super::sankey::{self, Layout, LinkIn, NodeIn, Options};
use super::{clamp, text, Rect};

/// A node's texts: its column and the two things a reader must be able to read in full.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeText {
    /// Column key (as [`sankey::NodeIn::stage`]).
    pub stage: u8,
    /// The node's name.
    pub name: String,
    /// Its amount and share, as it reads.
    pub amount: String,
}

/// What a line of label text is, which sets how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// (Part of) a node's name: regular weight in the text colour (a bold face sets too
    /// wide to keep the summed flow's labels beside its nodes on a wide screen).
    Name,
    /// (Part of) a node's amount: regular, muted.
    Amount,
    /// A node's key number: bold.
    Key,
}

/// One line of label text, left-aligned at `x`, vertically centred on `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Vertical centre.
    pub y: f64,
    /// How it is set.
    pub style: Style,
    /// Text size in pixels.
    pub size: f64,
}

/// Where a label block sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Beside its node: name and amount.
    Beside,
    /// Beside its node: the key number only.
    Key,
    /// In the list below the diagram: key, name and amount.
    Entry,
}

/// A block of label lines about one node; `rect` holds every line.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Index of the node.
    pub node: usize,
    /// The box every line sits in (never overlapping another block's).
    pub rect: Rect,
    /// Where it sits.
    pub place: Place,
    /// Its lines, top to bottom.
    pub lines: Vec<Line>,
    /// For a key set a little away from its node (every place at the node crosses a
    /// ribbon): a thin line from the node's edge to the key, as (x0, y0, x1, y1).
    pub leader: Option<[f64; 4]>,
}

/// The diagram and its labels, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The Sankey geometry.
    pub sankey: Layout,
    /// The box the Sankey fills.
    pub area: Rect,
    /// True when the labels moved to a keyed list below the diagram.
    pub keyed: bool,
    /// Every label block.
    pub blocks: Vec<Block>,
    /// The height the drawing needs: the height asked for, unless a list too long for it
    /// needs more (then the drawing grows rather than cut anything).
    pub height: f64,
}

/// The canvas a plan is made for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Canvas width.
    pub width: f64,
    /// Canvas height.
    pub height: f64,
    /// Where the diagram may start (below the legend).
    pub top: f64,
    /// Label text size in pixels.
    pub font: f64,
}

const MARGIN: f64 = 8.0;
/// Space between a column's label and the next column's nodes.
const CLEAR: f64 = 4.0;
/// Vertical gap between label blocks of one column.
const STACK_GAP: f64 = 2.0;
/// Key numbers are set a little smaller than names, so a column's keys stack within its
/// node gap and each stays level with its node.
const KEY_FONT: f64 = 10.0;
/// Narrowest column of the list below the diagram.
const LIST_COLUMN: f64 = 140.0;
const LIST_GAP: f64 = 12.0;
/// Space below each entry of the list.
const ENTRY_GAP: f64 = 3.0;
/// The diagram keeps at least this much height when the list takes the rest.
const MIN_DIAGRAM: f64 = 150.0;

/// Places the Sankey and its labels: each node's name and amount beside it where they cross
/// no ribbon, node or other label and stay inside the chart; every other node gets a
/// numbered key at the node (clear of the ribbons where any place there is) and its name
/// and amount in a list under the diagram. Tried with a margin on the right for the last
/// column's labels and without one (keys only there); the plan that labels more nodes
/// directly wins, the one without the margin on a tie (its diagram is wider).
pub fn plan(nodes: &[NodeText], links: &[LinkIn], frame: Frame) -> Plan {
    let entries = |p: &Plan| p.blocks.iter().filter(|b| b.place == Place::Entry).count();
    let listed = |p: &Option<Plan>| p.as_ref().map_or(usize::MAX, entries);
    let keys_only = match mixed(nodes, links, frame, false) {
        // Nothing listed: the other plan cannot label more, and a tie goes to this one.
        Some(p) if entries(&p) == 0 => return p,
        other => other,
    };
    let with_margin = mixed(nodes, links, frame, true);
    let (a, b) = (listed(&with_margin), listed(&keys_only));
    let best = if a < b { with_margin } else { keys_only.or(with_margin) };
    best.unwrap_or_else(|| keyed(nodes, links, frame))
}

/// A layout's ribbons with each top edge's height remembered per x asked: placing the
/// labels asks the same few x's (a node's columns of candidate places) thousands of times,
/// and finding a height is a bisection.
///
/// The ribbons are grouped by the stretch of x they span (they run between neighbouring
/// columns, so there are a few such stretches). A box is tested only against the ribbons of
/// the stretches it reaches into, and every ribbon of a stretch is asked its height at the
/// same two x's (the box's edges, cut to the stretch), so the heights are kept per stretch
/// and x, a row with one per ribbon: one look-up per box, not one per ribbon (testing each
/// box against every ribbon, a look-up each, was a quarter of a flow chart's time).
struct Ribbons<'a> {
    layout: &'a Layout,
    spans: Vec<Span>,
}

/// The ribbons that start and end at the same x, and their heights found so far.
struct Span {
    x0: f64,
    x1: f64,
    links: Vec<usize>,
    /// Where each x's row starts in `tops`.
    rows: RefCell<HashMap<u64, usize>>,
    /// Each row: the top edge's height of each ribbon at that x, NaN until asked.
    tops: RefCell<Vec<f64>>,
}

impl Span {
    /// Where the row of heights at `x` starts (a new row of NaN the first time).
    fn row(&self, x: f64) -> usize {
        *self.rows.borrow_mut().entry(x.to_bits()).or_insert_with(|| {
            let mut tops = self.tops.borrow_mut();
            let at = tops.len();
            tops.resize(at + self.links.len(), f64::NAN);
            at
        })
    }
}

impl<'a> Ribbons<'a> {
    fn new(layout: &'a Layout) -> Ribbons<'a> {
        let mut spans: Vec<Span> = Vec::new();
        for (k, l) in layout.links.iter().enumerate() {
            let same = |s: &&mut Span| s.x0.to_bits() == l.x0.to_bits() && s.x1.to_bits() == l.x1.to_bits();
            match spans.iter_mut().find(same) {
                Some(s) => s.links.push(k),
                None => spans.push(Span {
                    x0: l.x0,
                    x1: l.x1,
                    links: vec![k],
                    rows: RefCell::default(),
                    tops: RefCell::default(),
                }),
            }
        }
        Ribbons { layout, spans }
    }

    /// True when any ribbon crosses `r`, as [`sankey::LinkOut::crosses`] answers (which
    /// answers no at once for a box that ends before a ribbon starts or starts after it
    /// ends: those stretches are skipped here by the same test).
    fn cross(&self, r: &Rect) -> bool {
        self.spans.iter().filter(|s| !(r.x1 <= s.x0 || r.x0 >= s.x1)).any(|s| {
            // The two x's every ribbon of the stretch is asked at (see LinkOut::band_by).
            let (xa, xb) = (r.x0.max(s.x0), r.x1.min(s.x1));
            let (a, b) = (s.row(xa), s.row(xb));
            s.links.iter().enumerate().any(|(j, &k)| {
                let l = &self.layout.links[k];
                l.crosses_by(r, &|x| {
                    let at = if x.to_bits() == xa.to_bits() {
                        a + j
                    } else if x.to_bits() == xb.to_bits() {
                        b + j
                    } else {
                        return l.top_at(x);
                    };
                    let mut tops = s.tops.borrow_mut();
                    if tops[at].is_nan() {
                        tops[at] = l.top_at(x);
                    }
                    tops[at]
                })
            })
        })
    }
}

/// True when `r` crosses no drawn ribbon, no node and none of `taken`, inside `bounds`.
fn clear(r: &Rect, ribbons: &Ribbons, taken: &[Block], bounds: &Rect) -> bool {
    let layout = ribbons.layout;
    // A pixel of air to the ribbons: the drawn outline is the curve cut into straight pieces.
    let air = Rect::new(r.x0 - 1.0, r.y0 - 1.0, r.x1 + 1.0, r.y1 + 1.0);
    // Cheapest tests first: a ribbon's test is the costly one.
    bounds.contains(r)
        && !taken.iter().any(|b| b.rect.overlaps(r))
        && !layout.nodes.iter().any(|n| drawn(n.rect).overlaps(r))
        && !ribbons.cross(&air)
}

/// A node's box as drawn (at least a pixel tall).
fn drawn(r: Rect) -> Rect {
    Rect::new(r.x0, r.y0, r.x1, r.y1.max(r.y0 + 1.0))
}

/// The mixed plan (see [`plan`]); `margin`: room on the right for the last column's labels.
/// `None` when the canvas leaves the diagram no room.
fn mixed(nodes: &[NodeText], links: &[LinkIn], f: Frame, margin: bool) -> Option<Plan> {
    let n = nodes.len();
    let line = text::line_height(f.font);
    let key_line = text::line_height(KEY_FONT);
    let key_w = |k: usize| text::width(&k.to_string(), KEY_FONT * text::BOLD);
    let last = nodes.iter().map(|x| x.stage).max().unwrap_or(0);
    let right = if margin {
        let natural = nodes
            .iter()
            .filter(|x| x.stage == last)
            .map(|x| text::width(&x.name, f.font).max(text::width(&x.amount, f.font)))
            .fold(0.0, f64::max);
        natural.min(f.width * 0.28) + 2.0 * CLEAR
    } else {
        key_w(n) + 2.0 * CLEAR
    };
    // The list's columns, as for the all-keyed plan.
    let bold = f.font * text::BOLD;
    let width = f.width - 2.0 * MARGIN;
    let columns = (((width + LIST_GAP) / (LIST_COLUMN + LIST_GAP)).floor() as usize).max(1);
    // The diagram keeps room for its fullest column's gaps and some money between them.
    let mut per_column = [0usize; 256];
    for x in nodes {
        per_column[usize::from(x.stage)] += 1;
    }
    let tallest = per_column.iter().copied().max().unwrap_or(0) as f64;
    let min_diagram = MIN_DIAGRAM.max(1.5 * Options::default().node_gap * tallest);
    let mut listed = vec![false; n];
    // The list's height once its order is known (the first layout reserves room for any
    // order), and the plan made with that reserve, to fall back on.
    let mut known: Option<f64> = None;
    let mut before: Option<Plan> = None;
    // Each round lists the nodes whose labels found no clear place, and lays the diagram
    // out again in the room the longer list leaves; a listed node stays listed, so this ends.
    for _ in 0..=2 * n + 2 {
        let count = listed.iter().filter(|&&k| k).count();
        let columns = columns.clamp(1, count.max(1));
        let list = List::new(width, columns, count, bold);
        let room = list.room();
        let entries: Vec<Vec<Vec<(String, Style)>>> =
            nodes.iter().map(|x| entry_rows(x, f.font, room)).collect();
        let heights: Vec<f64> = (0..n).map(|i| entries[i].len() as f64 * line + ENTRY_GAP).collect();
        let listed_heights: Vec<f64> = (0..n).filter(|&i| listed[i]).map(|i| heights[i]).collect();
        let list_height = match known {
            _ if count == 0 => 0.0,
            Some(h) => h,
            None => list_bound(&listed_heights, columns),
        };
        // Keys above a column's top node need a line of room under the legend.
        let top = f.top + if count > 0 { key_line } else { 0.0 };
        let bottom = if count > 0 {
            (f.height - MARGIN - list_height - LIST_GAP).max(top + min_diagram)
        } else {
            f.height - MARGIN
        };
        let height =
            if count > 0 { f.height.max(bottom + LIST_GAP + list_height + MARGIN) } else { f.height };
        let area = Rect::new(MARGIN, top, f.width - MARGIN - right, bottom);
        if area.width() <= 0.0 || area.height() <= 0.0 {
            return None;
        }
        let options = Options::default();
        let layout = sankey::layout(&sankey_nodes(nodes), links, area, options);
        let step = column_step(&layout, area, options.node_width);
        let ribbons = Ribbons::new(&layout);
        let bounds = Rect::new(2.0, f.top - 8.0, f.width - 2.0, bottom + LIST_GAP / 2.0);
        let mut blocks: Vec<Block> = Vec::with_capacity(n);
        let mut unplaced = Vec::new();
        for col in &layout.columns {
            let members: Vec<usize> = col.iter().copied().filter(|&i| !listed[i]).collect();
            let mut texts = Vec::with_capacity(members.len());
            for &i in &members {
                let r = layout.nodes[i].rect;
                let is_last = layout.nodes[i].column + 1 == layout.columns.len();
                let room = if is_last {
                    f.width - MARGIN - CLEAR - (r.x1 + CLEAR)
                } else {
                    step - options.node_width - 3.0 * CLEAR
                };
                let x = &nodes[i];
                if room <= 0.0
                    || !text::words_fit(&x.name, f.font, room)
                    || !text::words_fit(&x.amount, f.font, room)
                {
                    texts.push(None);
                    continue;
                }
                let mut lines: Vec<(String, Style)> =
                    text::wrap(&x.name, f.font, room).into_iter().map(|t| (t, Style::Name)).collect();
                lines.extend(text::wrap(&x.amount, f.font, room).into_iter().map(|t| (t, Style::Amount)));
                texts.push(Some(lines));
            }
            let heights: Vec<f64> =
                texts.iter().map(|t| t.as_ref().map_or(0.0, |t| t.len() as f64 * line)).collect();
            let wanted: Vec<f64> = members.iter().map(|&i| centre(layout.nodes[i].rect)).collect();
            let spread_at = spread(&wanted, &heights, STACK_GAP, area.y0, area.y1);
            for (k, &i) in members.iter().enumerate() {
                let Some(lines) = texts[k].clone() else {
                    unplaced.push(i);
                    continue;
                };
                let r = layout.nodes[i].rect;
                let h = heights[k];
                let tops = [spread_at[k] - h / 2.0, centre(r) - h / 2.0];
                let mut spots: Vec<(f64, f64)> = tops.iter().map(|&t| (r.x1 + CLEAR, t)).collect();
                // Above or below the node, where its column's other nodes leave room.
                spots.push((r.x0, r.y0 - STACK_GAP - h));
                spots.push((r.x0, r.y1.max(r.y0 + 1.0) + STACK_GAP));
                let found = spots
                    .into_iter()
                    .map(|(x, t)| block(i, Place::Beside, x, t, line, lines.clone(), f.font))
                    .find(|b| clear(&b.rect, &ribbons, &blocks, &bounds));
                match found {
                    Some(b) => blocks.push(b),
                    None => unplaced.push(i),
                }
            }
        }
        if !unplaced.is_empty() {
            for i in unplaced {
                listed[i] = true;
            }
            (known, before) = (None, None);
            continue;
        }
        // Keys, numbered in reading order: column by column, top to bottom.
        let order: Vec<usize> = layout.columns.iter().flatten().copied().filter(|&i| listed[i]).collect();
        for (k, &i) in order.iter().enumerate() {
            let key = (k + 1).to_string();
            let kw = key_w(k + 1);
            let r = drawn(layout.nodes[i].rect);
            let cx = (r.x0 + r.x1) / 2.0;
            let spots = [
                (r.x1 + CLEAR, centre(r) - key_line / 2.0),
                (cx - kw / 2.0, r.y0 - key_line - 1.0),
                (cx - kw / 2.0, r.y1 + 1.0),
                (r.x0 - CLEAR - kw, centre(r) - key_line / 2.0),
                (r.x1 + CLEAR, r.y0 - key_line - 1.0),
                (r.x1 + CLEAR, r.y1 + 1.0),
                (r.x0 - CLEAR - kw, r.y0 - key_line - 1.0),
                (r.x0 - CLEAR - kw, r.y1 + 1.0),
            ];
            let make = |(x, t): (f64, f64)| {
                block(i, Place::Key, x, t, key_line, vec![(key.clone(), Style::Key)], KEY_FONT)
            };
            // On the node itself, when no place beside it is clear (a ribbon that passes
            // behind the node covers them all): the node is drawn over the ribbons, so a key
            // inside it crosses none.
            let inside = make((cx - kw / 2.0, centre(r) - key_line / 2.0));
            let on_node = r.contains(&inside.rect)
                && !blocks.iter().any(|o| o.rect.overlaps(&inside.rect))
                && !layout
                    .nodes
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != i && drawn(o.rect).overlaps(&inside.rect));
            // Else the nearest clear place a little away, joined to the node by a leader.
            let away = || {
                let distance = |x: f64, t: f64| {
                    let (nx, ny) = (clamp(cx, x, x + kw), clamp(centre(r), t, t + key_line));
                    (nx - cx).hypot(ny - centre(r))
                };
                // Each place with its distance worked out once, taken nearest first (the
                // earlier-made on a tie, as a stable sort would give them) from a heap: the
                // first clear place is usually among the nearest few dozen of the 1,225, so
                // sorting them all was most of the work.
                let places: Vec<(f64, f64)> = (-24i32..=24)
                    .flat_map(|ky| (-12i32..=12).map(move |kx| (kx, ky)))
                    .map(|(kx, ky)| {
                        let x = cx - kw / 2.0 + f64::from(kx) * kw;
                        let t = centre(r) - key_line / 2.0 + f64::from(ky) * key_line / 2.0;
                        (x, t)
                    })
                    .collect();
                // A distance is never negative, and the bits of non-negative floats order as
                // the floats do.
                let mut heap: BinaryHeap<Reverse<(u64, usize)>> = places
                    .iter()
                    .enumerate()
                    .map(|(k, &(x, t))| Reverse((distance(x, t).to_bits(), k)))
                    .collect();
                let nearest_first = std::iter::from_fn(move || heap.pop().map(|Reverse((_, k))| places[k]));
                // From the node's nearest edge point to the key's nearest point.
                let leader = |k: &Rect| {
                    let (kx, ky) = (clamp(cx, k.x0, k.x1), clamp(centre(r), k.y0, k.y1));
                    [clamp(kx, r.x0, r.x1), clamp(ky, r.y0, r.y1), kx, ky]
                };
                // The leader runs through no label either (read at every pixel or so of it).
                let through = |[x0, y0, x1, y1]: [f64; 4]| {
                    let steps = ((x1 - x0).hypot(y1 - y0).ceil() as usize).clamp(1, 2000);
                    (0..=steps).any(|s| {
                        let t = s as f64 / steps as f64;
                        let (x, y) = (x0 + t * (x1 - x0), y0 + t * (y1 - y0));
                        blocks
                            .iter()
                            .any(|o| o.rect.x0 <= x && x <= o.rect.x1 && o.rect.y0 <= y && y <= o.rect.y1)
                    })
                };
                nearest_first
                    .map(make)
                    .find(|b| clear(&b.rect, &ribbons, &blocks, &bounds) && !through(leader(&b.rect)))
                    .map(|mut b| {
                        b.leader = Some(leader(&b.rect));
                        b
                    })
            };
            // Where no place at all is clear, the key still goes beside the node (drawn on
            // a halo): a key is never dropped.
            let chosen = spots
                .into_iter()
                .map(make)
                .find(|b| clear(&b.rect, &ribbons, &blocks, &bounds))
                .or(on_node.then_some(inside))
                .or_else(away)
                .or_else(|| {
                    spots.into_iter().map(make).find(|b| {
                        bounds.contains(&b.rect) && !blocks.iter().any(|o| o.rect.overlaps(&b.rect))
                    })
                })
                .unwrap_or_else(|| make(spots[0]));
            blocks.push(chosen);
        }
        // The list under the diagram, in the keys' order, in balanced columns.
        let ordered: Vec<f64> = order.iter().map(|&i| heights[i]).collect();
        let limit = balanced_limit(&ordered, columns);
        if count > 0 && limit > list_height + 1e-9 {
            // The order of a diagram given back the room its list did not need makes a
            // taller list: keep the plan made with room for any order.
            if let Some(plan) = before.take() {
                return Some(plan);
            }
        }
        blocks.extend(list.entries(&order, &heights, limit, bottom + LIST_GAP, &entries, f.font));
        crate::sort::by(&mut blocks, &|a, b| a.node.cmp(&b.node));
        let plan = Plan { sankey: layout, area, keyed: count > 0, blocks, height };
        if count > 0 && known.is_none() && limit + 0.5 < list_height {
            // Give the diagram the room this order's list does not need, and try again.
            known = Some(limit);
            before = Some(plan);
            continue;
        }
        return Some(plan);
    }
    before
}

fn sankey_nodes(nodes: &[NodeText]) -> Vec<NodeIn> {
    nodes.iter().map(|n| NodeIn { stage: n.stage }).collect()
}

/// Horizontal distance between neighbouring columns' left edges.
fn column_step(layout: &Layout, area: Rect, node_width: f64) -> f64 {
    let columns = layout.columns.len();
    if columns > 1 {
        (area.width() - node_width) / (columns - 1) as f64
    } else {
        area.width()
    }
}

/// Numbered keys beside the nodes and a list of every node below the diagram.
fn keyed(nodes: &[NodeText], links: &[LinkIn], f: Frame) -> Plan {
    let bold = f.font * text::BOLD;
    let line = text::line_height(f.font);
    let key_line = text::line_height(KEY_FONT);
    let key_width = text::width(&nodes.len().to_string(), KEY_FONT * text::BOLD);
    let right = key_width + 2.0 * CLEAR;

    // The list: as many columns as fit, filled column by column (so keys read in order
    // down each) and balanced so the columns end about level.
    let width = f.width - 2.0 * MARGIN;
    let columns =
        (((width + LIST_GAP) / (LIST_COLUMN + LIST_GAP)).floor() as usize).clamp(1, nodes.len().max(1));
    let list = List::new(width, columns, nodes.len(), bold);
    let room = list.room();
    let entries: Vec<Vec<Vec<(String, Style)>>> = nodes.iter().map(|n| entry_rows(n, f.font, room)).collect();
    let entry_height = |i: usize| entries[i].len() as f64 * line + ENTRY_GAP;
    // Every order of the entries has the same heights in total; the split into columns is
    // made on the reading order, known only after the layout, so size the list for the
    // worst split of any order: the balanced height plus the tallest entry.
    let heights: Vec<f64> = (0..nodes.len()).map(entry_height).collect();
    let list_height = list_bound(&heights, columns);
    // The diagram takes what the list leaves, but never less than its keys need.
    let mut per_column = [0usize; 256];
    for n in nodes {
        per_column[usize::from(n.stage)] += 1;
    }
    let tallest = per_column.iter().copied().max().unwrap_or(0) as f64;
    let min_diagram = MIN_DIAGRAM.max(tallest * (key_line + STACK_GAP));
    let bottom = (f.height - MARGIN - list_height - LIST_GAP).max(f.top + min_diagram);
    let height = f.height.max(bottom + LIST_GAP + list_height + MARGIN);
    let right_edge = f.width - MARGIN - right;
    let mut chosen =
        reading_order(nodes, links, Rect::new(MARGIN, f.top, right_edge, bottom), &heights, columns);
    // The list reserved room for the worst order; once the order is known, give the room it
    // does not need back to the diagram, if the order that taller diagram gives still fits.
    let taller = (height - MARGIN - chosen.2 - LIST_GAP).max(bottom);
    if taller > bottom {
        let again =
            reading_order(nodes, links, Rect::new(MARGIN, f.top, right_edge, taller), &heights, columns);
        if taller + LIST_GAP + again.2 + MARGIN <= height {
            chosen = again;
        }
    }
    let (layout, order, limit, area) = chosen;
    let bottom = area.y1;

    // Keys in reading order: column by column, top to bottom.
    let mut blocks = Vec::with_capacity(2 * nodes.len());
    let mut key_of = vec![0usize; nodes.len()];
    for (k, &i) in order.iter().enumerate() {
        key_of[i] = k + 1;
    }
    for col in &layout.columns {
        let wanted: Vec<f64> = col.iter().map(|&i| centre(layout.nodes[i].rect)).collect();
        let centres = spread(&wanted, &vec![key_line; col.len()], STACK_GAP, area.y0, area.y1);
        for (&i, cy) in col.iter().zip(centres) {
            let key = vec![(key_of[i].to_string(), Style::Key)];
            let x = layout.nodes[i].rect.x1 + CLEAR;
            blocks.push(block(i, Place::Key, x, cy - key_line / 2.0, key_line, key, KEY_FONT));
        }
    }
    blocks.extend(list.entries(&order, &heights, limit, bottom + LIST_GAP, &entries, f.font));
    Plan { sankey: layout, area, keyed: true, blocks, height }
}

/// The Sankey laid out in `area`, its nodes in reading order (column by column, top to
/// bottom), the height of the list's balanced columns in that order, and the area.
fn reading_order(
    nodes: &[NodeText],
    links: &[LinkIn],
    area: Rect,
    heights: &[f64],
    columns: usize,
) -> (Layout, Vec<usize>, f64, Rect) {
    let layout = sankey::layout(&sankey_nodes(nodes), links, area, Options::default());
    let order: Vec<usize> = layout.columns.iter().flatten().copied().collect();
    let ordered: Vec<f64> = order.iter().map(|&i| heights[i]).collect();
    let limit = balanced_limit(&ordered, columns);
    (layout, order, limit, area)
}

/// A list entry's rows: the name wrapped to `room`, the amount after its last line when it
/// fits there, else on rows of its own. Each row is its pieces, left to right.
fn entry_rows(n: &NodeText, font: f64, room: f64) -> Vec<Vec<(String, Style)>> {
    let mut rows: Vec<Vec<(String, Style)>> =
        text::wrap(&n.name, font, room).into_iter().map(|t| vec![(t, Style::Name)]).collect();
    let last = rows.last().map_or(0.0, |r| r.iter().map(|(t, _)| text::width(t, font)).sum::<f64>());
    if last + text::width(INLINE_GAP, font) + text::width(&n.amount, font) <= room {
        if let Some(row) = rows.last_mut() {
            row.push((n.amount.clone(), Style::Amount));
        }
    } else {
        rows.extend(text::wrap(&n.amount, font, room).into_iter().map(|t| vec![(t, Style::Amount)]));
    }
    rows
}

/// Space between a name and its amount on one row of the list.
const INLINE_GAP: &str = "   ";

/// The numbered list under the diagram: the width of its columns and how far an entry's
/// text stands past its number. Both plans (some labels beside their nodes, or every node
/// keyed) lay their list out through it, so the two lists read alike.
struct List {
    column_width: f64,
    indent: f64,
}

impl List {
    /// A list `width` wide in `columns` columns, numbered up to `count` in `bold` type.
    fn new(width: f64, columns: usize, count: usize, bold: f64) -> List {
        let column_width = (width - LIST_GAP * (columns - 1) as f64) / columns as f64;
        List { column_width, indent: text::width(&count.to_string(), bold) + 6.0 }
    }

    /// The width an entry's text may take.
    fn room(&self) -> f64 {
        (self.column_width - self.indent).max(1.0)
    }

    /// The entries of `order`, numbered from 1, filled column by column from `top`: a new
    /// column starts where the next entry would pass `limit` (`heights` is per node).
    fn entries(
        &self,
        order: &[usize],
        heights: &[f64],
        limit: f64,
        top: f64,
        rows: &[Vec<Vec<(String, Style)>>],
        font: f64,
    ) -> Vec<Block> {
        let line = text::line_height(font);
        let (mut column, mut y) = (0usize, 0.0);
        let mut blocks = Vec::with_capacity(order.len());
        for (k, &i) in order.iter().enumerate() {
            if y > 0.0 && y + heights[i] > limit + 1e-9 {
                column += 1;
                y = 0.0;
            }
            let x = MARGIN + column as f64 * (self.column_width + LIST_GAP);
            blocks.push(entry(i, (k + 1).to_string(), (x, x + self.indent, top + y), line, &rows[i], font));
            y += heights[i];
        }
        blocks
    }
}

/// A list entry: its key at `x`, its rows from `text_x`, from `top` down.
fn entry(
    node: usize,
    key: String,
    (x, text_x, top): (f64, f64, f64),
    line: f64,
    rows: &[Vec<(String, Style)>],
    font: f64,
) -> Block {
    let measure = |t: &str, s: Style| match s {
        Style::Amount | Style::Name => text::width(t, font),
        Style::Key => text::width(t, font * text::BOLD),
    };
    let mut lines = vec![Line { text: key, x, y: top + line / 2.0, style: Style::Key, size: font }];
    let mut right = text_x;
    for (k, row) in rows.iter().enumerate() {
        let y = top + line * (k as f64 + 0.5);
        let mut at = text_x;
        for (piece, (t, style)) in row.iter().enumerate() {
            if piece > 0 {
                at += text::width(INLINE_GAP, font);
            }
            lines.push(Line { text: t.clone(), x: at, y, style: *style, size: font });
            at += measure(t, *style);
        }
        right = right.max(at);
    }
    let rect = Rect::new(x, top, right, top + line * rows.len() as f64);
    Block { node, rect, place: Place::Entry, lines, leader: None }
}

/// The smallest column height that holds `heights`, in order, in at most `columns`
/// columns (each entry whole, a new column started when the next would pass the limit).
fn balanced_limit(heights: &[f64], columns: usize) -> f64 {
    let fits = |limit: f64| {
        let (mut used, mut y) = (1usize, 0.0);
        for &h in heights {
            if y > 0.0 && y + h > limit + 1e-9 {
                used += 1;
                y = 0.0;
            }
            y += h;
        }
        used <= columns
    };
    let (mut lo, mut hi) = (heights.iter().copied().fold(0.0, f64::max), heights.iter().sum::<f64>());
    for _ in 0..50 {
        let mid = (lo + hi) / 2.0;
        if fits(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// A height that holds `heights` in `columns` balanced columns whatever their order.
fn list_bound(heights: &[f64], columns: usize) -> f64 {
    let total: f64 = heights.iter().sum();
    let tallest = heights.iter().copied().fold(0.0, f64::max);
    (total / columns as f64 + tallest).min(total)
}

fn centre(r: Rect) -> f64 {
    (r.y0 + r.y1) / 2.0
}

/// A block of lines set from (`x`, `top`), one `line` apart; its box is as wide as its
/// widest line.
fn block(
    node: usize,
    place: Place,
    x: f64,
    top: f64,
    line: f64,
    lines: Vec<(String, Style)>,
    font: f64,
) -> Block {
    let measure = |t: &str, s: Style| match s {
        Style::Amount | Style::Name => text::width(t, font),
        Style::Key => text::width(t, font * text::BOLD),
    };
    let widest = lines.iter().map(|(t, s)| measure(t, *s)).fold(0.0, f64::max);
    let rect = Rect::new(x, top, x + widest, top + line * lines.len() as f64);
    let lines = lines
        .into_iter()
        .enumerate()
        .map(|(k, (text, style))| Line { text, x, y: top + line * (k as f64 + 0.5), style, size: font })
        .collect();
    Block { node, rect, place, lines, leader: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(names: &[(u8, &str)], links: &[(usize, usize, f64)]) -> (Vec<NodeText>, Vec<LinkIn>) {
        (
            names
                .iter()
                .map(|&(stage, name)| NodeText {
                    stage, name: name.to_string(), amount: "$10M · 50%".into()
                })
                .collect(),
            links.iter().map(|&(from, to, value)| LinkIn { from, to, value }).collect(),
        )
    }

    fn frame(width: f64) -> Frame {
        Frame { width, height: 360.0, top: 30.0, font: 10.0 }
    }

    #[test]
    fn a_label_beside_a_node_whose_ribbons_fill_that_room_moves_to_the_list() {
        // The theft's ribbons leave it to the right, where its label would sit: it is keyed;
        // the two sinks have the room right of them to themselves.
        let (nodes, links) = graph(&[(0, "Theft"), (1, "Mixer"), (1, "Bridge")], &[(0, 1, 1.0), (0, 2, 1.0)]);
        let plan = plan(&nodes, &links, frame(800.0));
        let place = |i: usize, p: Place| plan.blocks.iter().any(|b| b.node == i && b.place == p);
        assert!(place(0, Place::Key) && place(0, Place::Entry), "{:?}", plan.blocks);
        assert!(place(1, Place::Beside) && place(2, Place::Beside), "{:?}", plan.blocks);
        for b in &plan.blocks {
            assert!(!plan.sankey.links.iter().any(|l| l.crosses(&b.rect)), "{b:?} crosses a ribbon");
        }
    }

    #[test]
    fn labels_that_cannot_fit_beside_move_to_a_keyed_list_below_the_diagram() {
        let (nodes, links) = graph(
            &[(0, "Theft"), (1, "Tornado Cash"), (2, "Over-the-counter brokers"), (3, "Exchanges")],
            &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)],
        );
        let plan = plan(&nodes, &links, frame(320.0));
        assert!(plan.keyed);
        for (i, n) in nodes.iter().enumerate() {
            let Some(entry) = plan.blocks.iter().find(|b| b.node == i && b.place == Place::Entry) else {
                assert!(
                    plan.blocks.iter().any(|b| b.node == i && b.place == Place::Beside),
                    "{} is named",
                    n.name
                );
                continue;
            };
            assert!(entry.rect.y0 >= plan.area.y1, "the list is below the diagram");
            let name: Vec<&str> =
                entry.lines.iter().filter(|l| l.style == Style::Name).map(|l| l.text.as_str()).collect();
            assert_eq!(name.join(" "), n.name);
            let key = plan.blocks.iter().find(|b| b.node == i && b.place == Place::Key).expect("key");
            assert_eq!(key.lines[0].text, entry.lines[0].text, "key and entry agree");
        }
        // The middle of the chain has ribbons on both sides: keyed.
        assert!(plan.blocks.iter().any(|b| b.node == 1 && b.place == Place::Entry));
    }

    #[test]
    fn a_list_too_long_for_the_canvas_grows_the_drawing_instead_of_cutting_it() {
        let names: Vec<(u8, String)> = (0..60).map(|k| (1, format!("Wallet cluster {k}"))).collect();
        let mut nodes = vec![NodeText { stage: 0, name: "Theft".into(), amount: "$1B · 100%".into() }];
        nodes.extend(names.iter().map(|(s, n)| NodeText {
            stage: *s,
            name: n.clone(),
            amount: "$1M · 0.1%".into(),
        }));
        let links: Vec<LinkIn> = (1..nodes.len()).map(|to| LinkIn { from: 0, to, value: 1.0 }).collect();
        let plan = plan(&nodes, &links, frame(320.0));
        assert!(plan.keyed && plan.height > 360.0);
        let bottom = plan.blocks.iter().map(|b| b.rect.y1).fold(0.0, f64::max);
        assert!(bottom <= plan.height, "{bottom} within {}", plan.height);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The ribbons grouped by stretch, with their remembered heights, answer every box as
        /// asking each ribbon in turn does, the first time and when asked again.
        #[test]
        fn grouped_ribbons_answer_each_box_as_every_ribbon_asked_in_turn_does(
            links in proptest::collection::vec((0usize..3, 0usize..4, 1u32..100), 1..14),
            boxes in proptest::collection::vec((0u32..800, 0u32..360, 1u32..200, 1u32..80), 1..40),
        ) {
            // Columns 0..3, each node in one; a link goes one column right.
            let nodes: Vec<NodeIn> = (0..4u8).flat_map(|s| (0..4).map(move |_| NodeIn { stage: s })).collect();
            let links: Vec<LinkIn> = links
                .iter()
                .map(|&(col, row, value)| LinkIn { from: col * 4 + row, to: (col + 1) * 4 + (row + value as usize) % 4, value: f64::from(value) })
                .collect();
            let layout = sankey::layout(&nodes, &links, Rect::new(8.0, 30.0, 792.0, 352.0), Options::default());
            let ribbons = Ribbons::new(&layout);
            for _ in 0..2 {
                for &(x, y, w, h) in &boxes {
                    let r = Rect::new(f64::from(x), f64::from(y), f64::from(x + w), f64::from(y + h));
                    let each = layout.links.iter().any(|l| l.crosses(&r));
                    proptest::prop_assert_eq!(ribbons.cross(&r), each, "{:?}", r);
                }
            }
        }
    }
}
