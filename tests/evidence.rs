//! How far the evidence reaches and what each figure is (issue 19), through the one
//! pipeline: the evidence horizon wherever the data is dated (first view, embeds' frames,
//! exported images and CSV/JSON, the print pack, citations, slides); each flow edge's
//! basis in its tooltip, table and CSV; a note for each year whose listed sum and a
//! publisher's figure part; and figures that say what they are.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::aggregate;
use heist_ledger::briefing::{self, PrintMode};
use heist_ledger::cite;
use heist_ledger::exports::{self, Preset};
use heist_ledger::html::{self, StaticChart};
use heist_ledger::model::{Confidence, Date, FigureNature};
use heist_ledger::pipeline::{self, ChartData, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::view::{self, Theme};

mod common;
use common::shipped;

fn selection(query: &[(&str, &str)]) -> Selection {
    let data = shipped();
    let pairs: Vec<(String, String)> = query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let v = view::reconcile(view::parse(&pairs).0, &data).0;
    Selection::new(data, v, Theme::Light)
}

fn static_page(sel: &Selection) -> String {
    let charts: Vec<StaticChart> = ChartKind::ALL
        .into_iter()
        .map(|kind| {
            let data = ChartData::new(sel, kind);
            let svg = data.draw(kind.size_for(1232), sel.theme).expect("chart draws");
            StaticChart { data, svgs: vec![("v-light-wide", svg)] }
        })
        .collect();
    html::static_page(sel, &charts, &pipeline::headline(sel), "data/incidents.json")
}

/// The horizon as the data records it, and as the page writes it.
fn horizon() -> (Date, String) {
    let h = shipped().evidence_horizon.expect("the shipped dataset records its evidence horizon");
    (h, h.human())
}

#[test]
fn the_evidence_horizon_stands_beside_the_headline_apart_from_the_release_date() {
    let (h, words) = horizon();
    let data = shipped();
    assert!(h < data.as_of, "the newest evidence read is older than the release: that is the point");
    let page = static_page(&selection(&[]));
    let line = format!(r#"data-evidence="{h}">Newest evidence read: {words}."#);
    let at = page.find(&line).expect("[data-evidence] holds the horizon");
    let headline = page.find(r#"data-headline="total""#).expect("the headline");
    assert!(at < headline, "the horizon comes before the headline figures");
    assert!(page.contains(&format!("Data as of {} (release {})", data.as_of.human(), data.release.id)));
    assert!(page.contains(&format!("the newest evidence read is of {words}")), "the footer says it too");
}

#[test]
fn embeds_images_slides_print_exports_and_citations_carry_the_horizon() {
    let (_, words) = horizon();
    let sel = selection(&[("from", "2024")]);
    let said = format!("newest evidence read {words}");
    for kind in ChartKind::ALL {
        // The embed's footer and each slide's date line are this frame's `dated`.
        let frame = pipeline::export_frame(&sel, &ChartData::new(&sel, kind), "");
        assert!(frame.dated.contains(&said), "{}: {}", kind.name(), frame.dated);
        let (svg, _) = exports::image(&sel, kind, Preset::Slide, "https://example.test/").expect("exports");
        assert!(svg.contains(&said), "{}: the exported image", kind.name());
    }
    let pack = briefing::pack(&sel, PrintMode::Pack, "https://example.test/");
    assert!(pack.contains(&said) && pack.contains("data-evidence="), "the printed cover");
    assert!(pack.contains("data-print-outlook"), "the pack lists the publishers' outlook unfolded");
    assert!(
        pack.contains("data-print-notes") && pack.contains(r#"data-reconcile="2025""#),
        "and the reconcile notes"
    );
    let charts_only = briefing::pack(&sel, PrintMode::ChartsOnly, "https://example.test/");
    assert!(charts_only.contains(&said), "charts only");
    let c = cite::cite(&sel, "https://example.test/", Date::new(2026, 12, 2));
    for (form, text) in [("text", &c.text), ("bibtex", &c.bibtex), ("csl", &c.csl)] {
        assert!(text.contains(&said), "{form}: {text}");
    }
    let h = shipped().evidence_horizon.expect("horizon").to_string();
    let json = exports::incidents_json(&sel.data, &sel.incidents(), "view", "link");
    assert!(json.contains(&format!(r#""evidence_horizon": "{h}""#)), "the JSON export's header");
}

#[test]
fn each_publishers_latest_figure_and_next_window_are_listed_with_what_may_be_out() {
    let data = shipped();
    assert!(!data.outlook.is_empty(), "the shipped data has the publishers' outlook");
    let page = static_page(&selection(&[]));
    for o in &data.outlook {
        let item = format!(r#"<li data-publisher="{}">"#, o.publisher);
        assert!(page.contains(&item), "{} listed", o.publisher);
        let figure = data.reported_totals.iter().find(|t| t.id == o.latest).expect("its latest figure");
        assert!(page.contains(&format!("published {}", figure.published.human())), "{}", o.publisher);
        if let (Some(from), Some(to)) = (o.next_from, o.next_to) {
            assert!(page.contains(&format!("expected {} – {}", from.human(), to.human())), "{}", o.publisher);
        }
    }
    let due = data.outlook.iter().filter(|o| o.next_from.is_some_and(|f| f <= data.release.date)).count();
    if due > 0 {
        assert!(page.contains(&format!("{due} of {} may already have a newer one out", data.outlook.len())));
    }
}

#[test]
fn every_flow_edge_shows_its_basis_in_the_tooltip_the_table_and_the_csv() {
    let data = shipped();
    for flow in &data.flows {
        let sel = selection(&[("flow", flow.incident.as_str())]);
        let chart = pipeline::chart(&sel, ChartKind::Flows, Size { width: 1200, height: 700 });
        let svg = chart.svg.clone().expect("draws");
        let csv = exports::table_csv(&chart.table);
        for edge in &flow.edges {
            let basis = edge
                .basis
                .as_ref()
                .unwrap_or_else(|| panic!("{}: {} -> {} has a basis", flow.incident, edge.from, edge.to));
            let words = heist_ledger::phrase::basis(&aggregate::Basis::of(&data, Some(basis), edge.usd));
            let tip = html_escaped(&format!("Basis: {words}"));
            assert!(
                svg.contains(&tip),
                "{}: the ribbon {} -> {} says {words}",
                flow.incident,
                edge.from,
                edge.to
            );
            let row = chart
                .table
                .rows
                .iter()
                .find(|r| r.iter().any(|c| c.text.contains(&words)))
                .unwrap_or_else(|| panic!("{}: the table gives {words}", flow.incident));
            assert!(row.len() == chart.table.headers.len());
            assert!(csv.contains(&csv_field(&words)), "{}: the CSV gives {words}", flow.incident);
        }
    }
}

/// Text as the SVG writer escapes it in an attribute.
fn html_escaped(s: &str) -> String {
    heist_ledger::render::svg::escape(s)
}

/// A text as it sits inside a CSV field (quotes doubled).
fn csv_field(s: &str) -> String {
    s.replace('"', "\"\"")
}

#[test]
fn a_flow_that_does_not_add_up_to_its_theft_says_why_on_the_chart() {
    let data = shipped();
    for flow in &data.flows {
        let sent = heist_ledger::validate::source_outflow(flow);
        let parts = (sent - flow.theft_usd).abs() > flow.theft_usd * 0.005 + 1.0;
        let sel = selection(&[("flow", flow.incident.as_str())]);
        let chart = ChartData::new(&sel, ChartKind::Flows);
        assert_eq!(
            !chart.notes().is_empty(),
            parts,
            "{}: a note exactly when the edges part from the theft",
            flow.incident
        );
        if parts {
            let why = flow.sum_note.as_deref().expect("the validator asks for a sum note");
            let caption = html::caption(&chart);
            assert!(caption.contains("data-flow-sum="), "{}", flow.incident);
            assert!(caption.contains(&html_escaped(why)), "{}: the caption says why", flow.incident);
            let frame = pipeline::export_frame(&sel, &chart, "");
            assert!(frame.subtitle.contains(why), "{}: the exported image says why", flow.incident);
        }
    }
}

#[test]
fn each_year_whose_sum_parts_from_a_publishers_figure_gets_a_note_saying_why() {
    let data = shipped();
    let sel = selection(&[]);
    let page = static_page(&sel);
    let y = aggregate::yearly(&data, &sel.incidents(), sel.span, false, None, false);
    let mut parted = 0;
    for m in &y.reported {
        let t = data.reported_totals.iter().find(|t| t.id == m.id).expect("the figure");
        let listed: f64 = data
            .incidents
            .iter()
            .filter(|i| i.date >= t.period_start && i.date <= t.period_end)
            .map(|i| i.usd)
            .sum();
        let high = t.usd_high.unwrap_or(t.usd);
        let parts = listed < t.usd * 0.99 || listed > high + t.usd * 0.01;
        let hook = format!(r#"data-reconcile="{}""#, m.year);
        if parts {
            parted += 1;
            let at = page
                .find(&hook)
                .unwrap_or_else(|| panic!("{}: {} parts from the listed sum", m.year, m.publisher));
            let note = &page[at..at + page[at..].find("</li>").expect("the note ends")];
            assert!(
                note.contains(&m.publisher.replace('&', "&amp;")),
                "{}: the note names {}",
                m.year,
                m.publisher
            );
            if listed > high {
                assert!(note.contains("alone sum to"), "{}: the official and firm sum is given", m.year);
            }
        }
    }
    assert!(parted > 0, "some years part");
}

#[test]
fn a_sum_above_a_publishers_figure_is_explained_by_its_weakest_records() {
    let data = shipped();
    let notes = heist_ledger::reconcile::reconcile(&data, data.years());
    let above: Vec<_> = notes.iter().flat_map(|n| &n.partings).filter(|p| p.gap > 0.0).collect();
    assert!(!above.is_empty(), "the audit found years listed above the publishers' figures");
    for p in above {
        let covered: f64 = p.drivers.iter().map(|d| d.usd).sum();
        assert!(covered >= p.gap, "{}: the drivers cover the gap", p.figure);
        let order: Vec<Confidence> = p.drivers.iter().map(|d| d.confidence).collect();
        assert!(order.windows(2).all(|w| w[0] >= w[1]), "{}: weakest attribution first: {order:?}", p.figure);
    }
}

#[test]
fn the_yearly_chart_can_show_official_and_firm_alone_beside_everything() {
    let plain = pipeline::chart(&selection(&[]), ChartKind::Yearly, Size { width: 1200, height: 500 });
    let split = pipeline::chart(
        &selection(&[("yearly", "split")]),
        ChartKind::Yearly,
        Size { width: 1200, height: 500 },
    );
    let svg = split.svg.expect("draws");
    assert!(!plain.svg.expect("draws").contains(r#"data-kind="official-firm""#));
    assert!(svg.contains(r#"data-kind="official-firm""#), "the official and firm sums are drawn");
    let data = shipped();
    for year in data.years().0..=data.years().1 {
        let want: f64 = data
            .incidents
            .iter()
            .filter(|i| i.date.year() == year && i.attribution.confidence != Confidence::Suspected)
            .map(|i| i.usd)
            .sum();
        assert!(svg.contains(&format!(r#"data-year="{year}" data-usd="{want}""#)), "{year}: {want}");
    }
    assert!(svg.contains("Official + firm-rated only"), "the legend says what the grey bars are");
}

#[test]
fn part_year_and_derived_figures_are_drawn_listed_and_exported_apart_from_full_years() {
    let sel = selection(&[]);
    let chart = pipeline::chart(&sel, ChartKind::Yearly, Size { width: 1200, height: 500 });
    let svg = chart.svg.clone().expect("draws");
    let y = aggregate::yearly(&sel.data, &sel.incidents(), sel.span, false, None, false);
    for m in &y.reported {
        let partial = m.nature.is_partial_or_derived();
        let nature = if partial { ["part-of-year", "derived"] } else { ["full-year", "full-year"] };
        let mark = format!(r#"data-source="{}" data-nature="#, m.source);
        let at =
            svg.find(&format!(r#"data-publisher="{}" data-year="{}""#, m.publisher, m.year)).expect("a mark");
        let rest = &svg[at..(at + 400).min(svg.len())];
        assert!(
            rest.contains(&mark) && nature.iter().any(|n| rest.contains(&format!(r#"data-nature="{n}""#))),
            "{}",
            m.id
        );
        if partial {
            assert!(rest.contains(r#"opacity="0.5""#), "{}: drawn faded", m.id);
        }
    }
    assert!(
        y.reported.iter().any(|m| m.nature == FigureNature::PartOfYear),
        "the data has part-year figures"
    );
    assert!(svg.contains("Faded: part of the year, or derived"), "the legend says so");
    let csv = exports::table_csv(&chart.table);
    assert!(csv.contains("Figures for part of the year or derived"), "a CSV column names them");
    let all = exports::table_csv(&heist_ledger::tables::reported(&sel.data));
    for label in ["Part of the year, stated", "Annual figure, stated", "Derived, not stated"] {
        assert!(csv.contains(label) || all.contains(label), "{label}");
    }
}

#[test]
fn a_brushed_range_names_its_dates_and_a_share_says_whose_and_for_which_year() {
    let sel = selection(&[("start", "2024-03-19"), ("end", "2025-07-14")]);
    let h = pipeline::headline(&sel);
    let total = h.iter().find(|f| f.hook == Some("total")).expect("total");
    assert_eq!(total.label, "Stolen, 19 Mar 2024 – 14 Jul 2025");
    let share = h.iter().find(|f| f.hook == Some("share")).expect("a share");
    let detail = share.detail.as_deref().unwrap_or_default();
    assert!(
        ["in 2025", "in 2024", "for 1 Jan "].iter().any(|w| detail.starts_with(w))
            && !detail.contains("2024–2025"),
        "one year's share, never a blend: {detail}"
    );
    let derived = share.note.as_deref().is_some_and(|n| n.starts_with("Derived, not stated: "));
    assert!(detail.ends_with(", as published)") || (detail.ends_with(", derived)") && derived), "{detail}");
}

#[test]
fn the_largest_heist_cites_its_strongest_source() {
    let sel = selection(&[]);
    let data = &sel.data;
    let h = pipeline::headline(&sel);
    let largest = h.iter().find(|f| f.hook == Some("largest")).expect("largest");
    let id = aggregate::largest(&sel.incidents()).expect("a theft").id.clone();
    let incident = data.incident(&id).expect("the incident");
    let best = incident.sources.iter().filter_map(|s| data.source(s)).map(|s| s.strength()).min();
    let cited =
        data.sources.iter().find(|s| largest.sources.first().is_some_and(|l| l.url == s.url)).expect("cited");
    assert_eq!(Some(cited.strength()), best, "{}: {}", id, cited.id);
}

#[test]
fn the_yearly_slide_quotes_the_latest_figure_for_its_year_and_its_window() {
    let sel = selection(&[]);
    let data = &sel.data;
    let year = sel.incidents().iter().map(|i| i.date.year()).max().expect("a year");
    let latest = data
        .reported_totals
        .iter()
        .filter(|t| t.year == Some(year))
        .max_by_key(|t| (t.published, t.period_end))
        .expect("a figure for the latest year");
    let s = pipeline::takeaway(&sel, ChartKind::Yearly);
    assert!(s.contains(&format!("{}'s of {}", latest.publisher, latest.published.human())), "{s}");
    if latest.nature() == FigureNature::PartOfYear {
        assert!(s.contains(&format!("for {} only", latest.window())), "{s}");
    }
}

#[test]
fn an_exported_timeline_names_the_incidents_sources_not_only_the_enforcement_documents() {
    let sel = selection(&[("from", "2025"), ("to", "2025")]);
    let frame = pipeline::export_frame(&sel, &ChartData::new(&sel, ChartKind::Timeline), "");
    let data = &sel.data;
    // The thefts' documents, and those of the freezes and recoveries drawn on their lane
    // (their sources are the chart's own, like the enforcement actions').
    let lane = heist_ledger::after::lane(
        data,
        &sel.incidents(),
        (Date::new(2025, 1, 1), Date::new(2025, 12, 31)),
        true,
    );
    let publishers: std::collections::BTreeSet<&str> = sel
        .incidents()
        .iter()
        .flat_map(|i| i.sources.iter())
        .chain(lane.iter().map(|e| &e.source))
        .filter_map(|id| data.source(id))
        .map(|s| s.publisher.as_str())
        .collect();
    assert!(!publishers.is_empty());
    let named = publishers.iter().filter(|p| frame.sources.contains(*p)).count();
    assert!(named >= publishers.len().min(10), "{} of {}: {}", named, publishers.len(), frame.sources);
}

#[test]
fn the_timeline_description_spans_the_data_not_the_axis() {
    let sel = selection(&[]);
    let chart = pipeline::chart(&sel, ChartKind::Timeline, Size { width: 1000, height: 500 });
    let svg = chart.svg.expect("draws");
    let incidents = sel.incidents();
    let (first, last) = (incidents.first().expect("first").date, incidents.last().expect("last").date);
    let span = format!("incidents from {} to {}", first.month_year(), last.month_year());
    assert!(svg.contains(&span), "{span}");
}
