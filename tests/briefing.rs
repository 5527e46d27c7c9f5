//! The printed briefing pack, natively: what it holds in each mode, that it is drawn light
//! from a dark view, and that its chart text prints at 8 pt or more on A4.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use heist_ledger::briefing::{self, PrintMode, PRINT_CHART};
use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};
use heist_ledger::pipeline::{ChartKind, Selection};
use heist_ledger::render::theme::{palette, Palette};
use heist_ledger::view::{self, Theme};

mod reading;
use reading::text_of;

const SHIPPED: &str = include_str!("../public/data/incidents.json");
const PAGE: &str = "https://example.org/heist-ledger/";

fn shipped() -> Arc<Dataset> {
    Arc::new(
        parse_dataset(SHIPPED.as_bytes(), "incidents.json", Date::new(2100, 1, 1))
            .expect("shipped dataset loads"),
    )
}

/// A filtered view, in the dark theme, as a dark-scheme reader has it on screen.
fn dark_view(query: &str) -> Selection {
    let data = shipped();
    let (v, notices) = view::parse(&view::query_pairs(query));
    assert!(notices.is_empty(), "{notices:?}");
    let (v, _) = view::reconcile(v, &data);
    Selection::new(data, v, Theme::Dark)
}

#[test]
fn the_pack_states_the_filters_then_every_chart_then_figures_and_incidents() {
    let sel = dark_view("?from=2022&to=2024&category=bridge");
    let pack = briefing::pack(&sel, PrintMode::Pack, PAGE);
    let words = briefing::filters_in_words(&sel);
    assert!(words.contains("Filters: Bridge; 2022 to 2024."), "{words}");
    assert!(words.contains(&format!("Showing {} incident", sel.count())), "{words}");
    let at = |needle: &str| pack.find(needle).unwrap_or_else(|| panic!("the pack holds {needle:?}"));
    let filters = at("data-print-filters");
    let headline = at(r#"data-headline="total""#);
    let charts: Vec<usize> =
        ChartKind::ALL.iter().map(|k| at(&format!(r#"data-print-chart="{}""#, k.name()))).collect();
    let figures = at("Published figures about 2022–2024 (");
    let incidents = at(&format!("Incidents ({})", sel.count()));
    let rows = pack.split(r#"data-print-list="incidents""#).nth(1).unwrap_or_default();
    let rows = rows.split("</ul>").next().unwrap_or_default().matches("<li>").count();
    assert_eq!(rows, sel.count(), "every incident in view is listed");
    assert!(filters < headline && headline < charts[0], "cover first");
    assert!(charts.windows(2).all(|w| w[0] < w[1]) && charts[3] < figures && figures < incidents);
    let release = &sel.data.release.id;
    assert!(
        pack.contains(&format!("{PAGE}v/{release}/?from=2022&amp;to=2024&amp;category=bridge")),
        "the permalink"
    );
    assert!(!pack.contains("theme=dark"), "the permalink does not carry the screen's theme");
}

#[test]
fn charts_only_keeps_the_charts_and_drops_the_tables() {
    let sel = dark_view("?from=2022&to=2024");
    let pack = briefing::pack(&sel, PrintMode::ChartsOnly, PAGE);
    for k in ChartKind::ALL {
        assert!(pack.contains(&format!(r#"data-print-chart="{}""#, k.name())), "{}", k.name());
    }
    assert!(pack.contains("print-headline-line") && pack.contains("data-print-filters"));
    assert!(!pack.contains("Incidents ("), "no incident list");
    assert!(!pack.contains("Sources of the charts"), "no document lists");
    assert!(!pack.contains("All published figures"), "no published figures table");
}

#[test]
fn a_dark_screen_prints_light_charts_at_the_print_size() {
    let sel = dark_view("?theme=dark");
    let pack = briefing::pack(&sel, PrintMode::Pack, PAGE);
    let (light, dark) = (palette(Theme::Light), palette(Theme::Dark));
    assert!(!pack.contains(&Palette::hex(dark.background)), "no dark chart background");
    assert!(pack.contains(&format!(r#"fill="{}""#, Palette::hex(light.background))));
    let drawn = pack.matches(r#"<svg x=""#).count();
    assert_eq!(drawn, ChartKind::ALL.len(), "each chart is framed once");
    for kind in ChartKind::ALL {
        let size = briefing::print_size(kind);
        let id = format!(r#"data-chart-svg="{}""#, kind.name());
        let at = pack.find(&id).unwrap_or_else(|| panic!("{kind:?} is in the pack ({id})"));
        let tag_start = pack[..at].rfind("<svg ").expect("its svg tag");
        let tag = &pack[tag_start..at];
        assert!(
            tag.contains(&format!(r#"viewBox="0 0 {} "#, size.width)),
            "{kind:?} is drawn at its print width: {tag}"
        );
    }
    assert!(briefing::print_size(ChartKind::Yearly) == PRINT_CHART);
}

#[test]
fn chart_text_prints_at_8_pt_or_more_on_a4() {
    // A4 less 15 mm margins each side, in CSS px (96 per inch).
    let a4_content = (210.0 - 30.0) / 25.4 * 96.0;
    let scale = a4_content / f64::from(PRINT_CHART.width);
    let pack = briefing::pack(&dark_view(""), PrintMode::ChartsOnly, PAGE);
    let sizes: Vec<f64> = pack
        .split(r#"font-size=""#)
        .skip(1)
        .filter_map(|s| s.split('"').next()?.trim_end_matches("px").parse().ok())
        .collect();
    assert!(sizes.len() > 50, "the charts carry their text sizes ({})", sizes.len());
    let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
    let printed_pt = smallest * scale * 72.0 / 96.0;
    assert!(printed_pt >= 8.0, "the smallest chart text, {smallest} px, prints at {printed_pt:.2} pt");
}

#[test]
fn printed_links_carry_short_addresses_without_queries() {
    let pack = briefing::pack(&dark_view(""), PrintMode::Pack, PAGE);
    let shorts: Vec<&str> =
        pack.split(r#"data-short=""#).skip(1).filter_map(|s| s.split('"').next()).collect();
    let outbound = pack.matches(r#"href="http"#).count();
    assert!(outbound > 50, "the pack links its sources ({outbound})");
    assert_eq!(shorts.len(), outbound, "every outbound link has its short address");
    assert!(shorts.iter().all(|s| !s.contains('?') && !s.starts_with("http")), "{shorts:?}");
}

#[test]
fn the_pack_says_data_as_of_once_points_to_no_missing_table_and_names_sources_not_ids() {
    for query in ["", "?from=2022&to=2024", "?since=2026-12-01"] {
        let sel = dark_view(query);
        let pack = briefing::pack(&sel, PrintMode::Pack, PAGE);
        let words = text_of(&pack);
        // Before the charts (whose images each carry their own date line).
        let cover = text_of(&pack[..pack.find("data-print-chart=").expect("charts")]);
        assert_eq!(cover.matches("Data as of").count(), 1, "{query}: \"Data as of\" once: {cover}");
        assert!(!words.contains("table below"), "{query}: the pack has no table to point to");
        for s in &sel.data.sources {
            assert!(!words.contains(&format!("[{}", s.id)), "{query}: a raw source id [{}] prints", s.id);
        }
        // The first chart may follow the cover on page 1; the others each start a page.
        assert_eq!(pack.matches("data-print-first").count(), 1);
        let first = pack.find(r#"data-print-chart="yearly" data-print-first"#);
        assert!(first.is_some(), "the first chart is marked");
    }
}

#[test]
fn every_printed_chart_carries_the_release_pinned_address() {
    let sel = dark_view("?from=2022&to=2024&category=bridge");
    let release = &sel.data.release.id;
    let pack = briefing::pack(&sel, PrintMode::Pack, PAGE);
    let pinned = format!("{PAGE}v/{release}/?from=2022&amp;to=2024&amp;category=bridge");
    for kind in ChartKind::ALL {
        let page = pack
            .split(&format!(r#"data-print-chart="{}""#, kind.name()))
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .expect("the chart's page");
        assert!(page.contains(&pinned), "{kind:?} prints {pinned}");
    }
    assert!(!pack.contains(&format!("{PAGE}?from")), "no unpinned address");
}
