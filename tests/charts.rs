//! The charts mean what they say: these tests read the produced SVG back and check the
//! geometry against the numbers, for the shipped dataset and for hostile or awkward input.
//! Golden snapshots of each chart for the shipped dataset live in tests/golden/;
//! `make golden` rewrites them.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use heist_ledger::aggregate;
use heist_ledger::lang::Locale;
use heist_ledger::layout::scale::Position;
use heist_ledger::layout::Rect;
use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};
use heist_ledger::phrase;
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::{self, Size};
use heist_ledger::view::Theme;
use roxmltree::{Document, Node};

#[path = "common/words.rs"]
mod words_of;
use words_of::in_locale;

const SHIPPED: &str = include_str!("../public/data/incidents.json");
const FIXTURE: &str = include_str!("fixtures/minimal.json");
const SIZE: Size = Size { width: 960, height: 480 };

fn shipped() -> Dataset {
    parse_dataset(SHIPPED.as_bytes(), "incidents.json", Date::new(2100, 1, 1)).expect("shipped dataset loads")
}

fn fixture() -> Dataset {
    heist_ledger::load::parse_dataset(
        FIXTURE.as_bytes(),
        "minimal.json",
        heist_ledger::model::Date::new(2100, 1, 1),
    )
    .expect("fixture parses")
}

fn title_of(data: &Dataset) -> impl Fn(&str) -> String + '_ {
    move |id: &str| data.source(id).map_or(id.to_string(), |s| s.title.clone())
}

/// A chart of the default view, through the page's pipeline.
fn chart_svg(data: &Dataset, kind: ChartKind, size: Size) -> String {
    let sel = Selection::new(Arc::new(data.clone()), Default::default(), Theme::Light);
    pipeline::chart(&sel, kind, size).svg.unwrap_or_else(|e| panic!("{} renders: {e}", kind.name()))
}

fn yearly_svg(data: &Dataset, size: Size) -> String {
    chart_svg(data, ChartKind::Yearly, size)
}

fn timeline_svg(data: &Dataset, size: Size) -> String {
    chart_svg(data, ChartKind::Timeline, size)
}

fn flows_svg(data: &Dataset, ids: &[&str], size: Size) -> String {
    let g = aggregate::flow_graph(data, ids).expect("a flow exists");
    render::flows::render(&g, size, Theme::Light, "flows", "test", &title_of(data)).expect("flows render")
}

fn num(n: Node, attr: &str) -> f64 {
    n.attribute(attr).and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{attr} on {n:?}"))
}

fn marks<'a>(doc: &'a Document, kind: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants().filter(|n| n.attribute("data-kind") == Some(kind)).collect()
}

fn boxes(doc: &Document) -> Vec<(String, Rect)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("label"))
        .map(|n| {
            let v: Vec<f64> = n
                .attribute("data-box")
                .unwrap_or_default()
                .split(' ')
                .filter_map(|x| x.parse().ok())
                .collect();
            (n.attribute("data-for").unwrap_or_default().to_string(), Rect::new(v[0], v[1], v[2], v[3]))
        })
        .collect()
}

fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed SVG: {e}"))
}

#[test]
fn every_chart_is_an_accessible_svg_with_a_finding_from_the_data() {
    let data = shipped();
    let ids: Vec<&str> = data.flows.iter().map(|f| f.incident.as_str()).collect();
    for svg in [yearly_svg(&data, SIZE), timeline_svg(&data, SIZE), flows_svg(&data, &ids, SIZE)] {
        let doc = parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let title =
            root.children().find(|n| n.has_tag_name("title")).and_then(|n| n.text()).unwrap_or_default();
        let desc =
            root.children().find(|n| n.has_tag_name("desc")).and_then(|n| n.text()).unwrap_or_default();
        assert!(!title.is_empty() && desc.len() > 40, "title {title:?} desc {desc:?}");
        assert!(desc.contains('$'), "the finding states an amount: {desc}");
    }
}

#[test]
fn bar_heights_are_proportional_to_the_year_totals() {
    for data in [shipped(), fixture()] {
        let svg = yearly_svg(&data, SIZE);
        let doc = parse(&svg);
        let bars: Vec<(f64, f64)> = marks(&doc, "bar")
            .into_iter()
            .map(|g| {
                let height: f64 = g
                    .children()
                    .filter(|n| n.has_tag_name("rect") && n.attribute("fill") != Some("none"))
                    .map(|r| num(r, "height"))
                    .sum();
                (num(g, "data-usd"), height)
            })
            .filter(|(usd, _)| *usd > 0.0)
            .collect();
        assert!(!bars.is_empty());
        let (max_usd, max_h) = bars.iter().copied().fold((0.0, 0.0), |a, b| if b.0 > a.0 { b } else { a });
        for (usd, h) in bars {
            // Each stacked segment is rounded to whole pixels: allow one pixel per segment.
            let want = usd / max_usd * max_h;
            assert!((h - want).abs() <= 7.0, "bar for {usd}: height {h}, want {want:.1}");
        }
    }
}

#[test]
fn every_year_in_the_span_has_a_bar_and_reported_figures_sit_beside_it() {
    let data = shipped();
    let svg = yearly_svg(&data, SIZE);
    let doc = parse(&svg);
    let years: Vec<i32> = marks(&doc, "bar").iter().map(|g| num(*g, "data-year") as i32).collect();
    let (lo, hi) = data.years();
    assert_eq!(years, (lo..=hi).collect::<Vec<_>>());
    let reported = marks(&doc, "reported");
    assert!(!reported.is_empty(), "reported figures are drawn");
    for mark in reported {
        let id = mark.attribute("data-source").unwrap_or_default();
        assert!(data.source(id).is_some(), "reported mark cites a known source: {id}");
    }
}

/// The coordinates of a polygon's or polyline's `points`, in order (x, y, x, y, …).
fn points(n: &Node) -> Vec<f64> {
    n.attribute("points").unwrap_or_default().split([' ', ',']).filter_map(|v| v.parse().ok()).collect()
}

/// The box around a reported figure's symbol (its polygon, square or ring).
fn symbol_box(mark: Node) -> Rect {
    let mut pts: Vec<(f64, f64)> = Vec::new();
    for n in mark.children().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "polygon" | "polyline" => {
                pts.extend(points(&n).chunks(2).map(|p| (p[0], p[1])));
            }
            "rect" => {
                let (x, y) = (num(n, "x"), num(n, "y"));
                pts.extend([(x, y), (x + num(n, "width"), y + num(n, "height"))]);
            }
            "circle" => {
                let (x, y, r) = (num(n, "cx"), num(n, "cy"), num(n, "r"));
                pts.extend([(x - r, y - r), (x + r, y + r)]);
            }
            _ => {}
        }
    }
    assert!(!pts.is_empty(), "a reported figure has a symbol");
    let fold =
        |f: fn(f64, f64) -> f64, init: f64, pick: fn(&(f64, f64)) -> f64| pts.iter().map(pick).fold(init, f);
    Rect::new(
        fold(f64::min, f64::INFINITY, |p| p.0),
        fold(f64::min, f64::INFINITY, |p| p.1),
        fold(f64::max, f64::NEG_INFINITY, |p| p.0),
        fold(f64::max, f64::NEG_INFINITY, |p| p.1),
    )
}

/// The first way a yearly drawing's published figures fail to stand apart between their
/// bar and the next, in words: a figure over its own bar, into the next, or two figures of
/// one year whose boxes (symbol and level line) share area.
fn figures_apart(svg: &str) -> Result<(), String> {
    let doc = parse(svg);
    let bars = marks(&doc, "bar");
    let bar_x = |year: i32| {
        bars.iter().find(|b| num(**b, "data-year") as i32 == year).and_then(|b| {
            b.children()
                .find(|n| n.has_tag_name("rect"))
                .map(|r| (num(r, "x"), num(r, "x") + num(r, "width")))
        })
    };
    let reported = marks(&doc, "reported");
    for (k, a) in reported.iter().enumerate() {
        let year = num(*a, "data-year") as i32;
        let sa = symbol_box(*a);
        let (_, bar_right) = bar_x(year).ok_or(format!("{year} has no bar"))?;
        if sa.x0 < bar_right {
            return Err(format!("a {year} figure overlaps its bar: {sa:?} vs {bar_right}"));
        }
        if let Some((next_left, _)) = bar_x(year + 1) {
            if sa.x1 > next_left {
                return Err(format!("a {year} figure runs into the next bar: {sa:?} vs {next_left}"));
            }
        }
        for b in &reported[k + 1..] {
            if num(*b, "data-year") as i32 == year && sa.overlaps(&symbol_box(*b)) {
                return Err(format!("two {year} figures cover each other: {sa:?} {:?}", symbol_box(*b)));
            }
        }
    }
    Ok(())
}

#[test]
fn reported_figures_of_one_year_stand_apart_between_their_bar_and_the_next() {
    // On a phone a slimmer bar leaves two lanes beside it; three publishers giving nearly
    // one figure for a year (2025) still stand apart (the third steps clear of the others).
    let data = shipped();
    let mut sizes = vec![SIZE, Size { width: 1280, height: 560 }];
    sizes.extend((320..=1920).step_by(4).map(|w| ChartKind::Yearly.size_for(w)));
    for size in sizes {
        let svg = yearly_svg(&data, size);
        if size.width < 400 {
            // Every year's total is written on the chart, upright when it cannot lie across.
            let doc = parse(&svg);
            let texts: Vec<&str> =
                doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
            for bar in marks(&doc, "bar") {
                let usd = num(bar, "data-usd");
                if usd > 0.0 {
                    let label = heist_ledger::format::money(usd);
                    assert!(texts.contains(&label.as_str()), "{size:?}: the bar of {usd} shows {label}");
                }
            }
        }
        figures_apart(&svg).unwrap_or_else(|e| panic!("{size:?}: {e}"));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Up to six publishers giving nearly the same figure (within 2%) for one year of the
    /// shipped span, at any width from 320 px: every figure still has a box of its own.
    #[test]
    fn nearly_equal_figures_of_one_year_never_cover_each_other(
        year_at in 0usize..10,
        base in 1e8f64..3e9,
        spread in proptest::collection::vec(0.98f64..1.02, 1..=6),
        width in 320u32..=1920,
    ) {
        let data = shipped();
        let sel = Selection::new(Arc::new(data.clone()), Default::default(), Theme::Light);
        let incidents = sel.incidents();
        let mut y = aggregate::yearly(&data, &incidents, sel.span, false, None, false);
        let year = y.bars[year_at % y.bars.len()].year;
        let template = y.reported[0].clone();
        y.reported.retain(|m| m.year != year);
        let publishers = y.publishers.clone();
        for (k, f) in spread.iter().enumerate() {
            let mut m = template.clone();
            m.year = year;
            m.usd = base * f;
            m.publisher = publishers[k % publishers.len()].clone();
            y.reported.push(m);
        }
        let svg = render::yearly::render(&y, ChartKind::Yearly.size_for(width), Theme::Light, &title_of(&data))
            .expect("renders");
        if let Err(e) = figures_apart(&svg) {
            proptest::prop_assert!(false, "{} px, {} figures for {}: {}", width, spread.len(), year, e);
        }
    }
}

#[test]
fn one_timeline_marker_per_incident_at_its_date_with_area_proportional_to_amount() {
    let data = shipped();
    let svg = timeline_svg(&data, SIZE);
    let doc = parse(&svg);
    // The drawing's own projection, as the page's brush and keys use it.
    let sel = Selection::new(Arc::new(data.clone()), Default::default(), Theme::Light);
    let projection =
        pipeline::ChartData::new(&sel, ChartKind::Timeline).projection(SIZE).expect("a projection");
    let markers = marks(&doc, "incident");
    assert_eq!(markers.len(), data.incidents.len());
    let mut ids: Vec<&str> = markers.iter().filter_map(|m| m.attribute("data-incident")).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), data.incidents.len(), "each incident exactly once");
    let mut area_per_dollar = Vec::new();
    for m in markers {
        let incident =
            data.incident(m.attribute("data-incident").unwrap_or_default()).expect("known incident");
        let circle = m.children().find(|n| n.has_tag_name("circle")).expect("a circle");
        let at = Position { x: incident.date.days_since_epoch() as f64, y: incident.usd };
        let (want_x, want_y) = projection.position_to_svg(at);
        let (cx, cy) = (num(circle, "cx"), num(circle, "cy"));
        assert!(
            (cx - want_x).abs() <= 1.0 && (cy - want_y).abs() <= 1.0,
            "{} drawn at ({cx}, {cy}) not ({want_x:.1}, {want_y:.1})",
            incident.id
        );
        // Drawn on whole pixels: the inverse reads back its day within a pixel's worth.
        let back = projection.svg_to_position(cx, cy);
        let per_pixel = (projection.svg_to_position(cx + 1.0, cy).x - back.x).abs();
        assert!((back.x - at.x).abs() <= per_pixel, "{}: the inverse reads back its day", incident.id);
        assert!(
            m.attribute("aria-label").unwrap_or_default().contains("Source: "),
            "{}: tooltip names its source",
            incident.id
        );
        let r = num(m, "data-r");
        if r > render::timeline::MIN_RADIUS + 1.0 {
            area_per_dollar.push(r * r / incident.usd);
        }
    }
    let (lo, hi) = area_per_dollar.iter().fold((f64::MAX, 0.0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    assert!(hi / lo < 1.001, "marker area is proportional to the amount ({lo}..{hi})");
}

/// Fails when a timeline label drawn at `size` is cut, leaves the chart, or overlaps
/// another label or a marker.
fn assert_timeline_labels_clear(svg: &str, size: Size, what: &str) {
    let doc = parse(svg);
    let labels = boxes(&doc);
    assert!(!labels.is_empty(), "{what}: the largest incidents are labelled at {size:?}");
    let plot = Rect::new(0.0, 0.0, f64::from(size.width), f64::from(size.height));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("label"))
        .flat_map(|n| n.descendants().filter(|t| t.has_tag_name("text")).filter_map(|t| t.text()))
        .collect();
    assert_eq!(texts.len(), labels.len(), "{what}: one text per label at {size:?}");
    for t in &texts {
        assert!(!t.contains('…'), "{what}: label {t:?} is cut short at {size:?}");
    }
    for (id, b) in &labels {
        assert!(plot.contains(b), "{what}: label {id} {b:?} leaves the chart at {size:?}");
    }
    let circles: Vec<Rect> = marks(&doc, "incident")
        .iter()
        .filter_map(|m| m.children().find(|n| n.has_tag_name("circle")))
        .map(|c| {
            let (x, y, r) = (num(c, "cx"), num(c, "cy"), num(c, "r"));
            Rect::new(x - r, y - r, x + r, y + r)
        })
        .collect();
    for (k, (id, a)) in labels.iter().enumerate() {
        for (other, b) in &labels[k + 1..] {
            assert!(!a.overlaps(b), "{what}: labels {id} and {other} overlap at {size:?}");
        }
        for c in &circles {
            // Rounding of circle centres to whole pixels: shrink by half a pixel.
            let c = Rect::new(c.x0 + 0.5, c.y0 + 0.5, c.x1 - 0.5, c.y1 - 0.5);
            assert!(!a.overlaps(&c), "{what}: label {id} covers a marker at {size:?}");
        }
    }
}

#[test]
fn timeline_labels_overlap_neither_each_other_nor_any_marker() {
    // Phones (360 and 390 px screens: 336 and 366 px charts), a 1280 px screen, and more.
    let sizes = [
        SIZE,
        Size { width: 360, height: 420 },
        ChartKind::Timeline.size_for(336),
        ChartKind::Timeline.size_for(366),
        ChartKind::Timeline.size_for(360),
        ChartKind::Timeline.size_for(390),
        ChartKind::Timeline.size_for(1232),
        ChartKind::Timeline.size_for(1280),
        Size { width: 1920, height: 640 },
    ];
    let data = shipped();
    for size in sizes {
        assert_timeline_labels_clear(&timeline_svg(&data, size), size, "en");
    }
}

/// The box a `<text>` takes by the layout's estimate, from its anchor, size and weight.
fn text_box(n: Node) -> Rect {
    let (x, y, size) = (num(n, "x"), num(n, "y"), num(n, "font-size"));
    let bold = if n.attribute("font-weight") == Some("bold") { 1.2 } else { 1.0 };
    let w = heist_ledger::layout::text::width(n.text().unwrap_or_default(), size * bold);
    let x0 = match n.attribute("text-anchor") {
        Some("middle") => x - w / 2.0,
        Some("end") => x - w,
        _ => x,
    };
    Rect::new(x0, y - size * 0.6, x0 + w, y + size * 0.6)
}

/// Fails when a word drawn in the chart (legend, axis, lane, note or label) is cut with an
/// ellipsis or set past the chart's sides, or when two of a group's words overlap (the
/// legend's entries, the years along the axis).
fn assert_words_clear(svg: &str, width: u32, what: &str) {
    let doc = parse(svg);
    // Upright text only: a value turned to stand on a narrow bar is checked by its own test.
    let texts: Vec<Node> =
        doc.descendants().filter(|n| n.has_tag_name("text") && n.attribute("transform").is_none()).collect();
    assert!(!texts.is_empty(), "{what}: words are drawn");
    for n in &texts {
        let t = n.text().unwrap_or_default();
        assert!(!t.contains('…'), "{what}: {t:?} is cut short");
        let b = text_box(*n);
        // Coordinates are rounded to whole pixels: half a pixel either way.
        assert!(b.x0 >= -0.5 && b.x1 <= f64::from(width) + 0.5, "{what}: {t:?} {b:?} leaves the chart");
    }
    for group in ["legend", "axis x"] {
        let words: Vec<(String, Rect)> = doc
            .descendants()
            .filter(|g| g.attribute("class") == Some(group))
            .flat_map(|g| g.descendants().filter(|n| n.has_tag_name("text")))
            .map(|n| (n.text().unwrap_or_default().to_string(), text_box(n)))
            .collect();
        for (k, (a, ra)) in words.iter().enumerate() {
            for (b, rb) in &words[k + 1..] {
                assert!(!ra.overlaps(rb), "{what}: {group} words {a:?} and {b:?} overlap");
            }
        }
    }
}

#[test]
fn in_korean_japanese_and_french_chart_words_are_neither_cut_nor_overlapping_at_360_and_1280_px() {
    // The chart boxes of a 360 and a 1280 px screen (336 and 1232 px): the default view,
    // and a filtered one for the yearly chart's note above its bars.
    let data = Arc::new(shipped());
    let mut filtered = heist_ledger::view::ViewState::default();
    filtered.filter.from_year = Some(2022);
    for l in [Locale::Ko, Locale::Ja, Locale::Fr] {
        in_locale(l, || {
            for width in [336, 1232] {
                for (view, name) in [(Default::default(), "default"), (filtered.clone(), "from 2022")] {
                    let sel = Selection::new(data.clone(), view, Theme::Light);
                    for kind in [ChartKind::Yearly, ChartKind::Timeline, ChartKind::Figures] {
                        let size = kind.size_for(width);
                        let svg = pipeline::chart(&sel, kind, size).svg.expect("renders");
                        let what = format!("{} {} {name} at {width} px", l.code(), kind.name());
                        assert_words_clear(&svg, size.width, &what);
                        if kind == ChartKind::Timeline {
                            assert_timeline_labels_clear(&svg, size, &what);
                        }
                    }
                }
            }
            // The words are the locale's, not English: the title and the axis.
            let sel = Selection::new(data.clone(), Default::default(), Theme::Light);
            let svg = pipeline::chart(&sel, ChartKind::Yearly, ChartKind::Yearly.size_for(1232))
                .svg
                .expect("renders");
            let title = parse(&svg)
                .descendants()
                .find(|n| n.has_tag_name("title"))
                .and_then(|n| n.text())
                .map(str::to_string);
            assert_eq!(title, Some(phrase::t("chart.yearly.title")));
            // Enforcement titles in the record's translation, marked as the detail panel marks
            // it; French has none, so its tooltips keep the English titles unmarked.
            let svg = pipeline::chart(&sel, ChartKind::Timeline, ChartKind::Timeline.size_for(1232))
                .svg
                .expect("renders");
            let doc = parse(&svg);
            let tips: Vec<&str> =
                marks(&doc, "event").iter().filter_map(|m| m.attribute("aria-label")).collect();
            assert!(!tips.is_empty(), "{}: enforcement actions are drawn", l.code());
            let marked = tips.iter().filter(|t| t.contains(&phrase::t("data.machine_unreviewed"))).count();
            if l == Locale::Fr {
                assert_eq!(marked, 0, "no French title is translated: {tips:?}");
            } else {
                assert_eq!(marked, tips.len(), "{}: every title translated and marked: {tips:?}", l.code());
            }
            assert_ne!(title.as_deref(), Some("DPRK-linked crypto theft per year"), "{}", l.code());
        });
    }
}

#[test]
fn sankey_conserves_flow_and_keeps_nodes_apart() {
    let data = shipped();
    let mut cases: Vec<Vec<&str>> = data.flows.iter().map(|f| vec![f.incident.as_str()]).collect();
    cases.push(data.flows.iter().map(|f| f.incident.as_str()).collect());
    for ids in cases {
        let g = aggregate::flow_graph(&data, &ids).expect("flow");
        let svg = flows_svg(&data, &ids, SIZE);
        let doc = parse(&svg);
        let nodes = marks(&doc, "node");
        assert_eq!(nodes.len(), g.nodes.len());
        for n in &nodes {
            let node =
                g.nodes.iter().find(|x| Some(x.id.as_str()) == n.attribute("data-node")).expect("known node");
            if node.kind == heist_ledger::model::NodeKind::Intermediate {
                let (vin, vout) = (num(*n, "data-in"), num(*n, "data-out"));
                assert!((vin - vout).abs() <= 1.0, "{ids:?}: {} receives {vin} but sends {vout}", node.id);
            }
        }
        let rects: Vec<Rect> = nodes
            .iter()
            .filter_map(|n| n.children().find(|c| c.has_tag_name("rect")))
            .map(|r| {
                Rect::new(
                    num(r, "x"),
                    num(r, "y"),
                    num(r, "x") + num(r, "width"),
                    num(r, "y") + num(r, "height"),
                )
            })
            .collect();
        for (k, a) in rects.iter().enumerate() {
            for b in &rects[k + 1..] {
                if a.x0 == b.x0 {
                    assert!(!a.overlaps(b), "{ids:?}: nodes overlap in a column: {a:?} {b:?}");
                }
            }
        }
        let labels = boxes(&doc);
        for (k, (id, a)) in labels.iter().enumerate() {
            for (other, b) in &labels[k + 1..] {
                assert!(!a.overlaps(b), "{ids:?}: labels {id} and {other} overlap");
            }
        }
        let estimates =
            marks(&doc, "ribbon").iter().filter(|r| r.attribute("data-estimate") == Some("true")).count();
        let want = g.links.iter().filter(|l| l.estimate && l.usd > 0.0).count();
        assert_eq!(estimates, want, "{ids:?}: every estimated link is marked");
    }
}

/// What `svg::escape` wrote when it went character by character.
fn escaped_char_by_char(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '&' => Some("&amp;".to_string()),
            '<' => Some("&lt;".to_string()),
            '>' => Some("&gt;".to_string()),
            '"' => Some("&quot;".to_string()),
            '\'' => Some("&#39;".to_string()),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => Some(" ".to_string()),
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c.to_string()),
        })
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

    /// Escaping copies the runs between special characters whole: the same text as going
    /// character by character, for any mix of markup, controls, bidi marks and wide letters.
    #[test]
    fn escaping_by_runs_writes_what_escaping_each_character_wrote(
        s in "([a-z0-9 ]|[&<>\"'\t\n\r]|[\u{0}-\u{1f}]|[\u{200e}\u{200f}\u{61c}\u{202a}-\u{202e}\u{2066}-\u{2069}]|[가-힣ぁ-んé€بؠ‐–—])*"
    ) {
        proptest::prop_assert_eq!(heist_ledger::render::svg::escape(&s), escaped_char_by_char(&s));
    }
}

#[test]
fn hostile_text_from_the_dataset_is_escaped_in_every_chart() {
    let hostile = "</text><script>alert(1)</script>";
    let mut data = fixture();
    data.incidents[0].victim = hostile.to_string();
    data.enforcement[0].title = hostile.to_string();
    data.flows[0].nodes[1].label = hostile.to_string();
    data.reported_totals[1].publisher = hostile.to_string();
    data.sources[0].title = format!("\"{hostile}");
    for svg in [yearly_svg(&data, SIZE), timeline_svg(&data, SIZE), flows_svg(&data, &["alpha-2024"], SIZE)] {
        assert!(!svg.contains("<script"), "unescaped script in {svg}");
        let doc = parse(&svg);
        assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
        assert!(
            doc.descendants().any(|n| n.text().is_some_and(|t| t.contains("alert(1)"))
                || n.attributes().any(|a| a.value().contains("alert(1)"))),
            "the hostile text shows as text"
        );
    }
}

#[test]
fn charts_read_well_from_one_year_to_twenty() {
    let mut data = fixture();
    // One year only.
    data.incidents.retain(|i| i.date.year() == 2024);
    data.reported_totals.retain(|t| t.year == Some(2024));
    let svg = yearly_svg(&data, SIZE);
    let doc = parse(&svg);
    assert_eq!(marks(&doc, "bar").len(), 1);
    assert!(svg.contains(">$400M</text>"), "a single bar is labelled with its value");
    // Twenty years: the fixture's incidents spread over 2006..=2025 by moving dates.
    let mut data = fixture();
    let template = data.incidents[0].clone();
    data.incidents = (0..20)
        .map(|k| {
            let mut i = template.clone();
            i.id = format!("x-{k}");
            i.date = Date::new(2009 + k, 6, 1);
            i.usd = 1e7 * f64::from(k + 1);
            i
        })
        .collect();
    data.flows.clear();
    data.enforcement.clear();
    for size in [SIZE, Size { width: 360, height: 360 }] {
        let svg = yearly_svg(&data, size);
        let doc = parse(&svg);
        assert_eq!(marks(&doc, "bar").len(), 20);
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .filter(|t| t.len() == 4 && t.starts_with("20"))
            .collect();
        assert!(labels.len() >= 4, "year labels thinned, not dropped: {labels:?}");
        let xs: Vec<f64> = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("text") && n.text().is_some_and(|t| t.len() == 4 && t.starts_with("20"))
            })
            .map(|n| num(n, "x"))
            .collect();
        for pair in xs.windows(2) {
            assert!(pair[1] - pair[0] >= 30.0, "year labels collide at {size:?}: {xs:?}");
        }
    }
}

#[test]
fn the_same_input_gives_the_same_svg_bytes() {
    let data = shipped();
    assert_eq!(timeline_svg(&data, SIZE), timeline_svg(&data, SIZE));
    assert_eq!(yearly_svg(&data, SIZE), yearly_svg(&data, SIZE));
}

#[test]
fn golden_snapshots_match_the_shipped_dataset() {
    let data = shipped();
    let ids: Vec<&str> = data.flows.iter().map(|f| f.incident.as_str()).collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
    let charts = [
        ("yearly.svg", yearly_svg(&data, SIZE)),
        ("timeline.svg", timeline_svg(&data, SIZE)),
        ("flows.svg", flows_svg(&data, &ids, SIZE)),
    ];
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for (name, svg) in charts {
        let path = format!("{dir}/{name}");
        if update {
            std::fs::create_dir_all(dir).expect("golden dir");
            std::fs::write(&path, &svg).expect("write golden");
        } else if std::fs::read_to_string(&path).unwrap_or_default() != svg {
            stale.push(name);
        }
    }
    assert!(stale.is_empty(), "golden snapshots differ: {stale:?}; if the change is intended, run `make golden` and review the diff");
}

/// A view read from an address's query, as the page reads it.
fn view_of(query: &str) -> heist_ledger::view::ViewState {
    heist_ledger::view::parse(&heist_ledger::view::query_pairs(query)).0
}

/// A symbol's shape, independent of its size and place: each shape's tag and its points
/// relative to the symbol's box, rounded. The level line a yearly mark stands on (its first
/// child, a horizontal line) is left out and reported apart.
fn shape_of(shapes: &[Node]) -> (String, bool) {
    let mut shapes: Vec<Node> = shapes.to_vec();
    let horizontal = |n: &Node| {
        n.has_tag_name("polyline") && {
            let v = points(n);
            v.len() == 4 && (v[1] - v[3]).abs() < 0.01
        }
    };
    let ticked = shapes.len() > 1 && horizontal(&shapes[0]);
    if ticked {
        shapes.remove(0);
    }
    let mut pts: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
    for n in &shapes {
        let p: Vec<(f64, f64)> = match n.tag_name().name() {
            "polygon" | "polyline" => n
                .attribute("points")
                .unwrap_or_default()
                .split(' ')
                .filter_map(|xy| xy.split_once(','))
                .map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap()))
                .collect(),
            "rect" => {
                let (x, y) = (num(*n, "x"), num(*n, "y"));
                vec![(x, y), (x + num(*n, "width"), y + num(*n, "height"))]
            }
            "circle" => {
                let (x, y, r) = (num(*n, "cx"), num(*n, "cy"), num(*n, "r"));
                vec![(x - r, y - r), (x + r, y + r)]
            }
            _ => continue,
        };
        pts.push((n.tag_name().name().to_string(), p));
    }
    let all: Vec<(f64, f64)> = pts.iter().flat_map(|(_, p)| p.iter().copied()).collect();
    let (x0, x1) = all.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = all.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let shape = pts
        .iter()
        .map(|(tag, p)| {
            let rel: Vec<String> = p
                .iter()
                .map(|(x, y)| {
                    format!(
                        "{:.0}:{:.0}",
                        4.0 * (x - x0) / (x1 - x0).max(1.0),
                        4.0 * (y - y0) / (y1 - y0).max(1.0)
                    )
                })
                .collect();
            format!("{tag}[{}]", rel.join(" "))
        })
        .collect::<Vec<_>>()
        .join(" ");
    (shape, ticked)
}

/// Each legend entry's key shape and its label, in the legend's order.
fn legend_keys<'a>(doc: &'a Document) -> Vec<(String, bool, String)> {
    let Some(legend) =
        doc.descendants().find(|n| n.has_tag_name("g") && n.attribute("class") == Some("legend"))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut shapes: Vec<Node<'a, 'a>> = Vec::new();
    for n in legend.children().filter(|n| n.is_element()) {
        if n.has_tag_name("text") {
            let (shape, ticked) = shape_of(&shapes);
            out.push((shape, ticked, n.text().unwrap_or_default().to_string()));
            shapes.clear();
        } else if n.has_tag_name("g") {
            shapes.extend(n.children().filter(|c| c.is_element()));
        } else {
            shapes.push(n);
        }
    }
    out
}

#[test]
fn each_publisher_has_one_symbol_in_every_view_chart_and_legend_drawn_as_the_marks_are() {
    let data = Arc::new(shipped());
    let mut seen: std::collections::BTreeMap<String, String> = Default::default();
    let mut note = |publisher: &str, shape: String, at: &str| match seen.get(publisher) {
        Some(s) => assert_eq!(*s, shape, "{publisher}: another symbol in {at}"),
        None => {
            seen.insert(publisher.to_string(), shape);
        }
    };
    // The default view, narrowed views (publishers drop out of the legend) and a phone.
    for (query, size) in [
        ("", SIZE),
        ("from=2024", SIZE),
        ("category=bridge", SIZE),
        ("from=2019&to=2021", SIZE),
        ("", Size { width: 360, height: 420 }),
    ] {
        let sel = Selection::new(data.clone(), view_of(query), Theme::Light);
        let svg = pipeline::chart(&sel, ChartKind::Yearly, size).svg.expect("yearly renders");
        let doc = parse(&svg);
        for m in marks(&doc, "reported") {
            let children: Vec<Node> = m.children().filter(|n| n.is_element()).collect();
            let (shape, ticked) = shape_of(&children);
            assert!(ticked, "a yearly mark stands on its level line");
            note(m.attribute("data-publisher").unwrap(), shape, &format!("yearly ?{query}"));
        }
        for (shape, ticked, label) in legend_keys(&doc) {
            if let Some(publisher) = label.strip_suffix(" (reported)") {
                assert!(ticked, "{publisher}: the legend draws the level line the marks stand on");
                note(publisher, shape, &format!("the yearly legend ?{query}"));
            }
        }
        let svg = pipeline::chart(&sel, ChartKind::Figures, size).svg.expect("figures renders");
        for (shape, _, label) in legend_keys(&parse(&svg)) {
            if data.reported_totals.iter().any(|t| t.publisher == label) {
                note(&label, shape, &format!("the published-figures legend ?{query}"));
            }
        }
    }
    let publishers: std::collections::BTreeSet<&str> =
        data.reported_totals.iter().map(|t| t.publisher.as_str()).collect();
    assert_eq!(seen.len(), publishers.len(), "every publisher was drawn: {seen:?}");
    let mut shapes: Vec<&String> = seen.values().collect();
    shapes.sort();
    shapes.dedup();
    assert_eq!(shapes.len(), seen.len(), "no two publishers share a symbol: {seen:?}");
}

#[test]
fn the_timeline_labels_the_largest_thefts_first_and_more_of_them_on_a_wider_screen() {
    let data = shipped();
    let mut by_size: Vec<(&str, f64)> = data.incidents.iter().map(|i| (i.id.as_str(), i.usd)).collect();
    by_size.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut counts = Vec::new();
    for (size, top) in [
        (ChartKind::Timeline.size_for(336), 5),
        (ChartKind::Timeline.size_for(366), 5),
        (Size { width: 960, height: 480 }, 6),
        (Size { width: 1280, height: 560 }, 8),
        (Size { width: 1920, height: 640 }, 10),
    ] {
        let svg = timeline_svg(&data, size);
        let doc = parse(&svg);
        let labelled: Vec<String> = boxes(&doc).into_iter().map(|(id, _)| id).collect();
        // Never a smaller theft labelled while a larger one is not.
        let smallest = by_size
            .iter()
            .filter(|(id, _)| labelled.iter().any(|l| l == id))
            .map(|(_, usd)| *usd)
            .fold(f64::INFINITY, f64::min);
        for (id, usd) in by_size.iter().filter(|(_, usd)| *usd > smallest) {
            assert!(labelled.iter().any(|l| l == id), "{id} ({usd}) unlabelled at {size:?}: {labelled:?}");
        }
        assert!(labelled.len() >= top, "at least the {top} largest labelled at {size:?}: {labelled:?}");
        counts.push(labelled.len());
    }
    assert!(labelled_more(&counts), "a wider chart labels more thefts: {counts:?}");
    assert!(counts[4] > 8, "at 1920 px more than 8 labels: {counts:?}");
}

fn labelled_more(counts: &[usize]) -> bool {
    counts.windows(2).all(|w| w[1] >= w[0])
}
