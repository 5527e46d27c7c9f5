//! The shipped dataset (`public/data/incidents.json`): it validates with zero problems, it
//! covers what a briefing needs, and the figures briefing audiences already know come out
//! right. Expectations are the published figures themselves, never sums computed by hand.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{SystemTime, UNIX_EPOCH};

use heist_ledger::aggregate;
use heist_ledger::load::{assemble, parse_dataset, to_published_json};
use heist_ledger::model::{Confidence, Dataset, Date, FigureNature, NodeKind, SourceKind};
use heist_ledger::validate::validate;
use heist_ledger::view::Filter;

const SHIPPED: &str = include_str!("../public/data/incidents.json");
const PUBLISHED_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/incidents.json");
const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

fn today() -> Date {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

fn shipped() -> Dataset {
    parse_dataset(SHIPPED.as_bytes(), "incidents.json", today()).unwrap_or_else(|e| panic!("{e}"))
}

/// `public/data/incidents.json` is generated from the small files under `data/`; this test
/// fails when the two differ. `UPDATE_DATA=1 cargo test --test dataset` rewrites it.
#[test]
fn published_file_is_the_assembly_of_data_dir() {
    let assembled = assemble(std::path::Path::new(DATA_DIR)).unwrap_or_else(|e| panic!("{e}"));
    let fresh = to_published_json(&assembled);
    if std::env::var_os("UPDATE_DATA").is_some() {
        std::fs::write(PUBLISHED_PATH, &fresh).expect("write public/data/incidents.json");
        return;
    }
    let committed = std::fs::read_to_string(PUBLISHED_PATH).unwrap_or_default();
    assert!(
        committed == fresh,
        "public/data/incidents.json differs from the assembly of data/: run `UPDATE_DATA=1 cargo test --test dataset` and commit both"
    );
}

#[test]
fn shipped_dataset_validates_with_zero_problems() {
    let data: Dataset = heist_ledger::load::parse_dataset(
        SHIPPED.as_bytes(),
        "incidents.json",
        heist_ledger::model::Date::new(2100, 1, 1),
    )
    .expect("parses");
    let problems = validate(&data, today());
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn chainalysis_figures_briefing_audiences_know_come_out_right() {
    let data = shipped();
    let (lo, hi) = Filter::default().year_span(&data);
    let kept = Filter::default().apply(&data);
    let y = aggregate::yearly(&data, &kept, (lo, hi), false, None, false);
    let chainalysis = |year: i32| {
        y.reported
            .iter()
            .find(|m| m.publisher == "Chainalysis" && m.year == year)
            .unwrap_or_else(|| panic!("a Chainalysis figure for {year}"))
    };
    let close = |got: f64, want: f64| (got - want).abs() <= want * 0.005;
    assert!(close(chainalysis(2023).usd, 660.5e6), "2023: {}", chainalysis(2023).usd);
    assert!(
        chainalysis(2023).revised_from.iter().any(|e| close(e.usd, 1.0e9)),
        "the earlier ~$1B figure for 2023 is kept beside the revision"
    );
    assert!(close(chainalysis(2024).usd, 1.34e9), "2024: {}", chainalysis(2024).usd);
    assert_eq!(chainalysis(2024).incidents, Some(47));
    assert!(close(chainalysis(2025).usd, 2.02e9), "2025: {}", chainalysis(2025).usd);
}

#[test]
fn year_bars_are_the_sum_of_that_years_incidents() {
    let data = shipped();
    let kept = Filter::default().apply(&data);
    let span = Filter::default().year_span(&data);
    let y = aggregate::yearly(&data, &kept, span, false, None, false);
    for bar in &y.bars {
        let incidents: Vec<_> = data.incidents.iter().filter(|i| i.date.year() == bar.year).collect();
        let sum: f64 = incidents.iter().map(|i| i.usd).sum();
        assert!((bar.total - sum).abs() < 1.0, "{}: bar {} vs incidents {sum}", bar.year, bar.total);
        assert_eq!(bar.count, incidents.len());
        let by_category: f64 = bar.by_category.iter().sum();
        assert!((by_category - bar.total).abs() < 1.0, "{}: stack adds up", bar.year);
    }
    let bar_2024 = y.bars.iter().find(|b| b.year == 2024).expect("2024 bar");
    assert!(bar_2024.count > 0, "2024 has incidents");
}

#[test]
fn the_incidents_a_briefing_expects_are_there_with_sources() {
    let data = shipped();
    let dprk_years = data.incidents.iter().filter(|i| (2017..=2025).contains(&i.date.year())).count();
    assert!(dprk_years >= 40, "at least 40 incidents from 2017 to 2025, found {dprk_years}");
    let bybit = data.incident("bybit-2025").expect("Bybit");
    assert_eq!(bybit.date, Date::new(2025, 2, 21));
    assert!((1.4e9..=1.5e9).contains(&bybit.usd), "Bybit about $1.46B: {}", bybit.usd);
    let ronin = data.incident("ronin-2022").expect("Ronin");
    assert_eq!((ronin.date.year(), ronin.date.month()), (2022, 3));
    for id in [
        "harmony-2022",
        "atomic-wallet-2023",
        "coinspaid-2023",
        "alphapo-2023",
        "stake-2023",
        "coinex-2023",
        "poloniex-2023",
        "htx-heco-2023",
        "dmm-bitcoin-2024",
        "wazirx-2024",
        "radiant-capital-2024",
    ] {
        assert!(data.incident(id).is_some(), "{id} is in the dataset");
    }
    let early = data.incidents.iter().filter(|i| i.date.year() <= 2021).count();
    assert!(early >= 5, "earlier exchange thefts are covered: {early}");
    assert!(data.incidents.iter().any(|i| i.attribution.contested), "contested attributions stay in, marked");
    for i in &data.incidents {
        assert!(!i.sources.is_empty(), "{} has a source", i.id);
    }
}

#[test]
fn flows_and_enforcement_cover_the_major_incidents() {
    let data = shipped();
    assert!(data.flows.len() >= 10, "at least 10 traced flows");
    for id in ["bybit-2025", "ronin-2022"] {
        let flow = data.flow_for(id).unwrap_or_else(|| panic!("a flow for {id}"));
        assert!(flow.nodes.iter().any(|n| n.kind == NodeKind::Sink));
        assert!(flow.edges.iter().all(|e| data.source(&e.source).is_some()), "{id}: every edge has a source");
    }
    assert!(data.enforcement.len() >= 10, "at least 10 enforcement events");
    let tied = data.enforcement.iter().filter(|e| !e.incidents.is_empty()).count();
    assert!(tied >= 5, "enforcement events are tied to incidents: {tied}");
}

#[test]
fn the_published_schema_accepts_the_shipped_dataset_shape() {
    // Every top-level key of the data is a property the schema declares.
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../public/data/incidents.schema.json")).expect("schema");
    let data: serde_json::Value = serde_json::from_str(SHIPPED).expect("data");
    let props = schema["properties"].as_object().expect("properties");
    for key in data.as_object().expect("object").keys() {
        assert!(props.contains_key(key), "schema declares {key}");
    }
}

/// The newest full-calendar-year figure each publisher has published, as recorded.
fn latest_full_year(data: &Dataset, publisher: &str) -> (i32, f64, Option<f64>, bool) {
    let t = data
        .reported_totals
        .iter()
        .filter(|t| {
            t.publisher == publisher
                && (t.nature() == FigureNature::FullYear || (t.derived && t.covers_full_year()))
        })
        .max_by_key(|t| (t.year, t.published))
        .unwrap_or_else(|| panic!("a full-year figure from {publisher}"));
    (t.year.unwrap_or_default(), t.usd, t.usd_high, t.derived)
}

#[test]
fn the_latest_full_year_publisher_totals_are_as_published() {
    let data = shipped();
    let close = |got: f64, want: f64| (got - want).abs() <= want * 0.005;
    // (publisher, year, low, high, derived): the publisher's newest full-year figure.
    let expected: [(&str, i32, f64, Option<f64>, bool); 6] = [
        ("Chainalysis", 2025, 2.02e9, None, false),
        ("U.S. Department of State (MSMT participant)", 2025, 2.0e9, None, false),
        ("MSMT", 2024, 1.19e9, None, false),
        ("Elliptic", 2024, 667e6, None, true),
        ("TRM Labs", 2023, 600e6, Some(700e6), false),
        ("UN Panel of Experts", 2022, 1.7e9, None, false),
    ];
    for (publisher, year, usd, high, derived) in expected {
        let (y, got, got_high, got_derived) = latest_full_year(&data, publisher);
        assert_eq!(y, year, "{publisher}: latest full year");
        assert!(close(got, usd), "{publisher} {year}: {got}");
        assert_eq!(got_high.is_some(), high.is_some(), "{publisher} {year}: range");
        if let (Some(a), Some(b)) = (got_high, high) {
            assert!(close(a, b), "{publisher} {year}: high {a}");
        }
        assert_eq!(got_derived, derived, "{publisher} {year}: derived flag");
    }
    // 2026 year-to-date figures: TRM's H1 supersedes its April figure.
    let h1 = data.reported_totals.iter().find(|t| t.id == "trm-2026-07-h1-2026").expect("TRM H1 2026");
    assert!(close(h1.usd, 643e6) && h1.period_end == Date::new(2026, 6, 30));
    assert_eq!(h1.supersedes.as_deref(), Some("trm-2026-04-y2026-ytd"));
    for t in data.reported_totals.iter().filter(|t| t.derived) {
        assert!(t.basis.as_deref().is_some_and(|b| !b.trim().is_empty()), "{}: derived with a basis", t.id);
    }
}

#[test]
fn the_largest_thefts_are_as_recorded_bybit_first() {
    let data = shipped();
    let mut by_size: Vec<_> = data.incidents.iter().collect();
    by_size.sort_by(|a, b| b.usd.total_cmp(&a.usd));
    let top: Vec<(&str, f64)> = by_size.iter().take(5).map(|i| (i.id.as_str(), i.usd)).collect();
    let expected = [
        ("bybit-2025", 1.46e9),
        ("ronin-2022", 620e6),
        ("coincheck-2018", 533e6),
        ("dmm-bitcoin-2024", 308e6),
        ("kelpdao-2026", 292e6),
    ];
    assert_eq!(top.len(), expected.len());
    for ((id, usd), (want_id, want)) in top.iter().zip(expected) {
        assert_eq!(*id, want_id);
        assert!((usd - want).abs() < 1.0, "{id}: {usd}");
    }
    let drift = data.incident("drift-protocol-2026").expect("Drift Protocol 2026");
    assert_eq!(drift.date, Date::new(2026, 4, 1));
    let kelp = data.incident("kelpdao-2026").expect("Kelp DAO 2026");
    assert_eq!(kelp.date, Date::new(2026, 4, 18));
    for id in ["bybit-2025", "ronin-2022"] {
        let incident = data.incident(id).expect("incident");
        let flow = data.flow_for(id).expect("flow");
        assert!((flow.theft_usd - incident.usd).abs() < 1.0, "{id}: flow theft value matches the headline");
    }
}

#[test]
fn every_official_incident_cites_a_primary_text_or_a_copy_of_one() {
    let data = shipped();
    let official: Vec<_> =
        data.incidents.iter().filter(|i| i.attribution.confidence == Confidence::Official).collect();
    assert!(official.len() >= 15, "official incidents: {}", official.len());
    for i in official {
        let text = i.sources.iter().filter_map(|s| data.source(s)).any(|s| {
            s.kind.is_primary_or_copy() && s.origin.is_some_and(heist_ledger::model::Origin::is_official)
        });
        assert!(text, "{} is official without government, court or UN text or a verbatim copy of it", i.id);
    }
    for s in data.sources.iter().filter(|s| s.kind == SourceKind::Copy) {
        assert!(s.copy_of.is_some(), "{}: a copy names its original", s.id);
    }
}

#[test]
fn the_current_release_is_described_in_the_change_log() {
    let data = shipped();
    assert_eq!(data.release.id, "2026-12-03");
    assert_eq!(data.as_of, Date::new(2026, 12, 3));
    let horizon = data.evidence_horizon.expect("the release records its evidence horizon");
    assert!(horizon < data.as_of, "the newest evidence read is older than the release");
    let entry = data.current_changes().expect("an entry for the current release");
    // Release 2026-12-03 added the exchange rates' sources, and the rates they give.
    for id in ["fred-aexjpus", "fred-aexkous"] {
        assert!(entry.added.iter().any(|a| a == id), "{id} is listed as added");
    }
    assert!(
        data.rates.iter().any(|r| r.source == "fred-aexjpus" && r.period == "2025"),
        "the yen's 2025 average"
    );
    assert!(!entry.summary.trim().is_empty());
    // The release before it is still in the log as it was cut.
    let before =
        data.changes.iter().find(|c| c.release == "2026-12-02").expect("release 2026-12-02 in the log");
    assert!(before.added.iter().any(|id| id == "btcturk-2025"), "the excluded BtcTurk 2025 theft, revisited");
    assert!(before.revised.iter().any(|r| r.record == "bybit-2025" && r.field.starts_with("edges[")));
    assert!(before.revised.iter().any(|r| r.record == "bybit-2025" && r.field == "attribution.confidence"));
    // Every flow edge says what its dollars rest on.
    for f in &data.flows {
        assert!(f.edges.iter().all(|e| e.basis.is_some()), "{}: an edge without a basis", f.incident);
    }
}

#[test]
fn a_source_is_found_by_its_id_as_a_scan_of_the_list_finds_it_even_after_the_list_changes() {
    let mut data = shipped();
    // Every source, and an id the dataset lacks, as the first source in the list with it.
    let ids: Vec<String> =
        data.sources.iter().map(|s| s.id.clone()).chain(["no-such-source".into()]).collect();
    let scan = |d: &Dataset, id: &str| d.sources.iter().position(|s| s.id == id);
    let place = |d: &Dataset, id: &str| d.source(id).map(std::ptr::from_ref);
    for id in &ids {
        assert_eq!(place(&data, id), scan(&data, id).map(|k| std::ptr::from_ref(&data.sources[k])), "{id}");
    }
    // The index was made by the look-ups above; the list then changes under it: the first
    // source moves to the end, and a copy of the last is put first under a new id.
    let first = data.sources.remove(0);
    data.sources.push(first);
    let mut copy = data.sources[0].clone();
    copy.id = "added-after".into();
    data.sources.insert(0, copy);
    // A clone carries the index made for the list before.
    let cloned = data.clone();
    for d in [&data, &cloned] {
        for id in ids.iter().map(String::as_str).chain(["added-after"]) {
            assert_eq!(place(d, id), scan(d, id).map(|k| std::ptr::from_ref(&d.sources[k])), "{id}");
        }
    }
    assert_eq!(data, cloned, "the index is no part of what a dataset says");
}
