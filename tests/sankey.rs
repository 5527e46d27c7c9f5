//! The Sankey reads in full at every width: for the shipped flows (summed and one incident
//! at a time) at phone to desktop widths, every node's whole name and amount is drawn, no
//! label box overlaps another or a node, every box stays inside the canvas and the canvas
//! inside the chart box the page reserves; and for arbitrary flow graphs the same holds
//! inside whatever height the drawing takes.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::aggregate::{self, FlowGraph, FlowGraphLink, FlowGraphNode};
use heist_ledger::lang::Locale;
use heist_ledger::layout::flow_labels::{Place, Plan, Style};
use heist_ledger::layout::Rect;
use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date, NodeKind};
use heist_ledger::phrase;
use heist_ledger::pipeline::{self, ChartKind};
use heist_ledger::render::flows;
use heist_ledger::render::Size;
use heist_ledger::view::Theme;
use proptest::prelude::*;
use roxmltree::Document;

#[path = "common/words.rs"]
mod words_of;
use words_of::in_locale;

const SHIPPED: &str = include_str!("../public/data/incidents.json");
const WIDTHS: [u32; 6] = [320, 360, 412, 600, 800, 1232];

fn shipped() -> Dataset {
    parse_dataset(SHIPPED.as_bytes(), "incidents.json", Date::new(2100, 1, 1)).expect("shipped dataset loads")
}

/// The summed flow of every traced incident (the page's default), then Bybit's and
/// Ronin's alone, then every other incident's alone.
fn shipped_flows(data: &Dataset) -> Vec<(String, FlowGraph)> {
    let all: Vec<&str> = data.flows.iter().map(|f| f.incident.as_str()).collect();
    let mut ids: Vec<Vec<&str>> = vec![all.clone(), vec!["bybit-2025"], vec!["ronin-2022"]];
    ids.extend(all.iter().filter(|id| !["bybit-2025", "ronin-2022"].contains(id)).map(|id| vec![*id]));
    ids.into_iter()
        .map(|ids| (ids.join("+"), aggregate::flow_graph(data, &ids).expect("a traced flow")))
        .collect()
}

/// The lines of `style` about node `i`, wherever they sit, in drawing order.
fn lines_of(plan: &Plan, i: usize, style: Style) -> Vec<String> {
    plan.blocks
        .iter()
        .filter(|b| b.node == i && b.place != Place::Key)
        .flat_map(|b| b.lines.iter().filter(|l| l.style == style).map(|l| l.text.clone()))
        .collect()
}

/// A node's box as drawn: at least a pixel tall.
fn drawn_box(r: Rect) -> Rect {
    Rect::new(r.x0, r.y0, r.x1, r.y1.max(r.y0 + 1.0))
}

fn finite(r: &Rect) -> bool {
    [r.x0, r.y0, r.x1, r.y1].iter().all(|v| v.is_finite())
}

/// Every check of the plan of `g` drawn at `size`; the first that fails, in words.
fn check(g: &FlowGraph, size: Size, plan: &Plan) -> Result<(), String> {
    let canvas = Rect::new(0.0, 0.0, f64::from(size.width), plan.height.max(f64::from(size.height)));
    for (i, node) in g.nodes.iter().enumerate() {
        let name = lines_of(plan, i, Style::Name);
        let amount = lines_of(plan, i, Style::Amount);
        let squash = |s: &str| s.replace(' ', "");
        if squash(&name.concat()) != squash(&node.label) {
            return Err(format!("{}: name drawn as {name:?}, not {:?}", node.id, node.label));
        }
        let want = flows::amount_text(g, i);
        if squash(&amount.concat()) != squash(&want) {
            return Err(format!("{}: amount drawn as {amount:?}, not {want:?}", node.id));
        }
        // Each node is named beside itself or keyed to the list, never both nor neither.
        let at_node = plan.blocks.iter().filter(|b| b.node == i && b.place != Place::Entry).count();
        let keyed = plan.blocks.iter().any(|b| b.node == i && b.place == Place::Key);
        let listed = plan.blocks.iter().any(|b| b.node == i && b.place == Place::Entry);
        if at_node != 1 || keyed != listed {
            return Err(format!("{}: neither named beside the node nor keyed to the list", node.id));
        }
    }
    for (k, a) in plan.blocks.iter().enumerate() {
        let who = &g.nodes[a.node].id;
        if !finite(&a.rect) || a.lines.iter().any(|l| !l.x.is_finite() || !l.y.is_finite()) {
            return Err(format!("{who}: a coordinate is not finite: {:?}", a.rect));
        }
        // A name that itself holds "…" (the generator draws any printable text) is drawn
        // whole by the check above; only an ellipsis the layout added means a cut.
        if !g.nodes[a.node].label.contains('…') && a.lines.iter().any(|l| l.text.contains('…')) {
            return Err(format!("{who}: a label is cut short: {:?}", a.lines));
        }
        if !canvas.contains(&a.rect) {
            return Err(format!("{who}: label {:?} leaves the canvas {canvas:?}", a.rect));
        }
        if let Some(b) = plan.blocks[k + 1..].iter().find(|b| a.rect.overlaps(&b.rect)) {
            return Err(format!(
                "labels of {who} and {} overlap: {:?} {:?}",
                g.nodes[b.node].id, a.rect, b.rect
            ));
        }
        // A key may sit on its own node (drawn over the ribbons behind it), never on another.
        let on_own = |n: &&heist_ledger::layout::sankey::NodeOut| {
            a.place == Place::Key
                && std::ptr::eq(*n, &plan.sankey.nodes[a.node])
                && drawn_box(n.rect).contains(&a.rect)
        };
        if let Some(n) = plan.sankey.nodes.iter().filter(|n| !on_own(n)).find(|n| a.rect.overlaps(&n.rect)) {
            return Err(format!("the label of {who} covers a node at {:?}", n.rect));
        }
    }
    for n in &plan.sankey.nodes {
        if !finite(&n.rect) || !canvas.contains(&n.rect) {
            return Err(format!("node {:?} is not inside the canvas", n.rect));
        }
    }
    Ok(())
}

#[test]
fn every_name_and_amount_reads_in_full_at_every_width_inside_the_reserved_box() {
    let data = shipped();
    for (ids, g) in shipped_flows(&data) {
        for width in WIDTHS {
            let size = ChartKind::Flows.size_for(width);
            let plan = flows::plan(&g, size);
            check(&g, size, &plan).unwrap_or_else(|e| panic!("{ids} at {width} px: {e}"));
            assert!(
                plan.height <= f64::from(size.height),
                "{ids} at {width} px needs {} px but the page reserves {}",
                plan.height,
                size.height
            );
        }
    }
}

#[test]
fn the_summed_flow_fits_its_box_at_every_width_from_320_px() {
    let data = shipped();
    let flows = shipped_flows(&data);
    for width in (320..=1920).step_by(8) {
        let size = ChartKind::Flows.size_for(width);
        for (ids, g) in flows.iter().take(3) {
            let plan = flows::plan(g, size);
            check(g, size, &plan).unwrap_or_else(|e| panic!("{ids} at {width} px: {e}"));
            assert!(plan.height <= f64::from(size.height), "{ids} at {width} px needs {} px", plan.height);
        }
    }
}

#[test]
fn the_drawn_svg_holds_every_full_name_and_amount_and_no_ellipsis() {
    let data = shipped();
    let title = |id: &str| data.source_label(id);
    for (ids, g) in shipped_flows(&data).into_iter().take(3) {
        for width in WIDTHS {
            let size = ChartKind::Flows.size_for(width);
            let svg = flows::render(&g, size, Theme::Light, "flows", "test", &title).expect("renders");
            let doc = Document::parse(&svg).expect("well-formed SVG");
            let texts: Vec<&str> = doc
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter(|n| n.ancestors().any(|a| a.attribute("class") == Some("labels")))
                .filter_map(|n| n.text())
                .collect();
            assert!(texts.iter().all(|t| !t.contains('…')), "{ids} at {width} px: {texts:?}");
            let plan = flows::plan(&g, size);
            for b in &plan.blocks {
                for l in &b.lines {
                    assert!(texts.contains(&l.text.as_str()), "{ids} at {width} px: {:?} not drawn", l.text);
                }
            }
            // A name drawn over several lines loses only the spaces it was broken at.
            let squash = |s: &str| s.replace(' ', "");
            for (i, node) in g.nodes.iter().enumerate() {
                let whole = texts.contains(&node.label.as_str());
                let wrapped = squash(&lines_of(&plan, i, Style::Name).concat()) == squash(&node.label);
                assert!(whole || wrapped, "{ids} at {width} px: {} is not drawn in full", node.label);
                let amount = flows::amount_text(&g, i);
                let money = amount.split(" · ").next().unwrap_or_default();
                assert!(
                    texts.iter().any(|t| t.contains(money)),
                    "{ids} at {width} px: the amount {money} of {} is not drawn whole",
                    node.label
                );
            }
            let root = doc.root_element();
            let height: f64 = root.attribute("height").and_then(|h| h.parse().ok()).expect("svg height");
            assert_eq!(height, f64::from(size.height), "{ids} at {width} px draws at the box's height");
        }
    }
}

/// The band a drawn ribbon covers between `xa` and `xb`, read off its outline polygon (the
/// points the SVG draws): the lowest and highest y of its edges there, the edges cut at `xa`
/// and `xb` by straight interpolation. `None` where it does not reach or has no width.
fn ribbon_band(outline: &[(f64, f64)], xa: f64, xb: f64) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut seen = |y: f64| {
        lo = lo.min(y);
        hi = hi.max(y);
    };
    let half = outline.len() / 2;
    for edge in [&outline[..half], &outline[half..]] {
        for pair in edge.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let (left, right) = (x0.min(x1), x0.max(x1));
            if right < xa || left > xb {
                continue;
            }
            for x in [xa.max(left), xb.min(right)] {
                let t = if (x1 - x0).abs() < 1e-12 { 0.0 } else { (x - x0) / (x1 - x0) };
                seen(y0 + t * (y1 - y0));
            }
        }
    }
    (lo < hi).then_some((lo, hi))
}

/// Fails when a label or key of `g` drawn `width` px wide (with `note` in its legend)
/// leaves the chart, crosses a ribbon or overlaps another label.
fn assert_clear(ids: &str, g: &FlowGraph, width: u32, note: Option<&str>) {
    let size = ChartKind::Flows.size_for(width);
    let plan = flows::plan_noted(g, size, note);
    let canvas = Rect::new(0.0, 0.0, f64::from(size.width), plan.height.max(f64::from(size.height)));
    let ribbons: Vec<(usize, Vec<(f64, f64)>)> = plan
        .sankey
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.width > 0.0)
        .map(|(k, l)| (k, l.outline(64)))
        .collect();
    for (k, b) in plan.blocks.iter().enumerate() {
        let who = &g.nodes[b.node].id;
        let r = b.rect;
        assert!(canvas.contains(&r), "{ids} at {width} px: the label of {who} {r:?} leaves the chart");
        // A key on its own node is drawn over the node, which is drawn over the
        // ribbons: it crosses none of them.
        let on_node = b.place == Place::Key && drawn_box(plan.sankey.nodes[b.node].rect).contains(&r);
        for (link, outline) in ribbons.iter().filter(|_| !on_node) {
            if let Some((top, bottom)) = ribbon_band(outline, r.x0, r.x1) {
                let l = &g.links[*link];
                assert!(
                    !(top < r.y1 && r.y0 < bottom),
                    "{ids} at {width} px: the {:?} label of {who} {r:?} crosses the ribbon {} → {} ({top:.1}..{bottom:.1})",
                    b.place,
                    g.nodes[l.from].id,
                    g.nodes[l.to].id
                );
            }
        }
        for other in &plan.blocks[k + 1..] {
            assert!(
                !r.overlaps(&other.rect),
                "{ids} at {width} px: the labels of {who} and {} overlap",
                g.nodes[other.node].id
            );
        }
    }
}

#[test]
fn no_label_or_key_crosses_a_ribbon_another_label_or_the_chart_edge() {
    // The summed flow (the default view) and each theft's alone, at phone to wide screens
    // (and the chart boxes of a 360 and a 1280 px screen).
    let data = shipped();
    for (ids, g) in shipped_flows(&data) {
        for width in [336, 360, 640, 1000, 1232, 1280, 1920] {
            assert_clear(&ids, &g, width, None);
        }
    }
}

#[test]
fn in_korean_japanese_and_french_every_label_reads_in_full_and_crosses_no_ribbon_at_360_and_1280_px() {
    // The page in each language draws each node's label in the record's translation (ko,
    // ja) or in English (fr), with amounts in the locale's forms: the summed flow and each
    // theft's alone, in the chart boxes of a 360 and a 1280 px screen (336 and 1232 px).
    let data = shipped();
    let all: Vec<&str> = data.flows.iter().map(|f| f.incident.as_str()).collect();
    let mut sets: Vec<Vec<&str>> = vec![all.clone()];
    sets.extend(all.iter().map(|id| vec![*id]));
    for l in [Locale::Ko, Locale::Ja, Locale::Fr] {
        in_locale(l, || {
            let mut translated = 0;
            for ids in &sets {
                let (g, note) = pipeline::flow_graph_in_locale(&data, ids).expect("a traced flow");
                let names = format!("{} {}", l.code(), ids.join("+"));
                translated += g.nodes.iter().filter(|n| n.label.chars().any(|c| c >= '\u{3040}')).count();
                if l == Locale::Fr {
                    assert!(note.is_none(), "{names}: no French stage label is translated, so no note");
                }
                for width in [336, 1232] {
                    let size = ChartKind::Flows.size_for(width);
                    let plan = flows::plan_noted(&g, size, note.as_deref());
                    check(&g, size, &plan).unwrap_or_else(|e| panic!("{names} at {width} px: {e}"));
                    assert_clear(&names, &g, width, note.as_deref());
                }
            }
            if l != Locale::Fr {
                assert!(translated > 0, "{}: the stage labels are drawn in translation", l.code());
                // The drawing says how: in its legend and its description.
                let (g, note) = pipeline::flow_graph_in_locale(&data, &["bybit-2025"]).expect("traced");
                let note = note.expect("a note on the translated labels");
                assert!(note.contains(&phrase::t("data.machine_unreviewed")), "{note}");
                let size = ChartKind::Flows.size_for(1232);
                let title = |id: &str| data.source_label(id);
                let svg = flows::render_noted(&g, size, Theme::Light, "flows", "Bybit", Some(&note), &title)
                    .expect("renders");
                let doc = Document::parse(&svg).expect("well-formed SVG");
                let legend: String = doc
                    .descendants()
                    .filter(|n| n.attribute("class") == Some("legend"))
                    .flat_map(|n| n.descendants().filter_map(|t| t.text()))
                    .collect();
                let squash = |s: &str| s.replace(' ', "");
                assert!(squash(&legend).contains(&squash(&note)), "{}: {legend}", l.code());
                let desc = doc.descendants().find(|n| n.has_tag_name("desc")).and_then(|n| n.text());
                assert!(desc.is_some_and(|d| d.ends_with(&note)), "{}: {desc:?}", l.code());
            }
        });
    }
}

#[test]
fn phones_get_a_keyed_list_and_wide_screens_labels_beside_the_nodes() {
    let data = shipped();
    let (_, summed) = shipped_flows(&data).remove(0);
    let narrow = flows::plan(&summed, ChartKind::Flows.size_for(360));
    assert!(narrow.keyed, "at 360 px the summed flow's labels cannot sit beside its nodes");
    let list_top =
        narrow.blocks.iter().filter(|b| b.place == Place::Entry).map(|b| b.rect.y0).fold(f64::MAX, f64::min);
    assert!(list_top >= narrow.area.y1, "the list starts below the diagram");
    // On a wide screen the last column's names sit beside their nodes; a node whose own
    // ribbons leave it to the right (every place beside it crossed) is keyed to the list.
    let bybit = aggregate::flow_graph(&data, &["bybit-2025"]).expect("Bybit is traced");
    let wide = flows::plan(&bybit, ChartKind::Flows.size_for(1232));
    let last = wide.sankey.columns.len() - 1;
    for (i, node) in wide.sankey.nodes.iter().enumerate() {
        let beside = wide.blocks.iter().any(|b| b.node == i && b.place == Place::Beside);
        if node.column == last {
            assert!(beside, "{} is named beside its node at 1232 px", bybit.nodes[i].id);
        }
    }
    assert!(
        wide.keyed,
        "Bybit's theft and routes are keyed at 1232 px: their ribbons fill the room beside them"
    );
}

#[test]
fn ribbons_stay_proportional_to_value_when_the_labels_move_to_a_list() {
    let data = shipped();
    for (ids, g) in shipped_flows(&data).into_iter().take(3) {
        let plan = flows::plan(&g, ChartKind::Flows.size_for(320));
        let pairs: Vec<(f64, f64)> = plan
            .sankey
            .links
            .iter()
            .zip(&g.links)
            .filter(|(_, l)| l.usd > 0.0)
            .map(|(out, l)| (out.width / l.usd, l.usd))
            .collect();
        let scale = pairs[0].0;
        for (ratio, usd) in pairs {
            assert!((ratio / scale - 1.0).abs() < 1e-9, "{ids}: a ribbon of {usd} is off scale");
        }
    }
}

/// Flow graphs of any shape: up to 40 nodes over up to 7 stages, names from one letter to
/// unbreakable runs, links of any value between any nodes (backwards ones included).
fn graph() -> impl Strategy<Value = FlowGraph> {
    let name = prop_oneof![
        "[A-Za-z]{1,3}",
        "[A-Za-z ]{1,60}",
        Just("Over-the-counter brokers in Cambodia and Hong Kong".to_string()),
        Just("x".repeat(300)),
        "\\PC{0,20}",
    ];
    let value = prop_oneof![Just(0.0), Just(5e-324), 1.0..1e10f64, 1e10..1e300f64];
    (
        prop::collection::vec((0u8..7, name), 1..40),
        prop::collection::vec((0usize..40, 0usize..40, value), 0..60),
    )
        .prop_map(|(nodes, links)| {
            let n = nodes.len();
            FlowGraph {
                incidents: vec!["x".into()],
                theft_usd: 1e9,
                as_of: Date::new(2026, 1, 1),
                split_date: None,
                sent: 1e9,
                sum_notes: vec![],
                nodes: nodes
                    .into_iter()
                    .enumerate()
                    .map(|(k, (stage, label))| FlowGraphNode {
                        id: format!("n{k}"),
                        label,
                        stage,
                        kind: NodeKind::Intermediate,
                    })
                    .collect(),
                links: links
                    .into_iter()
                    .map(|(from, to, usd)| FlowGraphLink {
                        from: from % n,
                        to: to % n,
                        usd,
                        estimate: false,
                        sources: vec![],
                        inferred: false,
                        bases: vec![],
                    })
                    .collect(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_flow_graph_is_labelled_in_full_without_overlap(g in graph(), width in 320u32..1600) {
        let size = ChartKind::Flows.size_for(width);
        let plan = flows::plan(&g, size);
        if let Err(e) = check(&g, size, &plan) {
            prop_assert!(false, "at {} px: {}", width, e);
        }
    }
}
