//! Properties over open-ended input: whatever the bytes, the loader answers without
//! panicking and names a problem when it refuses; whatever a structurally valid dataset
//! holds (amounts from the whole f64 range, hostile strings, any dates and counts), an
//! accepted one draws every chart with finite coordinates and the page's markup stays
//! inert; whatever the address says, the view parses and writes back, with a short list
//! of notices; every string over its kind's limit is refused by record and field, a key
//! given twice by its path; any host prints in ASCII or plain Latin.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use heist_ledger::address;
use heist_ledger::html::{self, StaticChart};
use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::validate::TextKind;
use heist_ledger::view::{self, Theme, ViewState};
use proptest::prelude::*;
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("fixtures/minimal.json");

fn today() -> Date {
    Date::new(2026, 6, 1)
}

/// String fields with a length limit: (JSON pointer in the fixture, how a problem names it,
/// its kind).
const LIMITED: [(&str, &str, TextKind); 8] = [
    ("/incidents/0/victim", "incidents[0] (alpha-2024).victim", TextKind::Name),
    ("/incidents/1/chains/0", "incidents[1] (beta-2024).chains[0]", TextKind::Name),
    ("/incidents/2/summary", "incidents[2] (gamma-2025).summary", TextKind::Prose),
    ("/sources/1/title", "sources[1] (s2).title", TextKind::Name),
    ("/sources/0/url", "sources[0] (s1).url", TextKind::Url),
    ("/flows/0/nodes/2/label", "flows[0] (alpha-2024).nodes[2].label", TextKind::Name),
    ("/enforcement/0/summary", "enforcement[0] (e1).summary", TextKind::Prose),
    ("/changes/0/summary", "changes[0] (2025-06-01).summary", TextKind::Prose),
];

/// Amounts drawn from everywhere a JSON number can land: zero, subnormals, cents, real
/// thefts, astronomical values, negatives.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(5e-324),
        Just(f64::MIN_POSITIVE),
        Just(1e308),
        Just(-1.0),
        0.0..1.0f64,
        1.0..1e10f64,
        1e10..1e14f64,
        any::<f64>().prop_filter("JSON has no NaN or infinity", |v| v.is_finite()),
    ]
}

/// Strings a hostile or careless file might hold.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("</text><script>alert(1)</script>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("Bybit\u{202e}".to_string()),
        Just("a\u{200b}b\u{0301}c 🧨".to_string()),
        Just("x".repeat(10_000)),
        "[ -~]{0,40}",
        "\\PC{0,20}",
    ]
}

fn date() -> impl Strategy<Value = String> {
    (2005i32..2030, 1u8..13, 1u8..32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// The fixture with its numbers, strings and dates replaced.
fn dataset() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(amount(), 8),
        prop::collection::vec(text(), 6),
        prop::collection::vec(date(), 3),
        0usize..4,
    )
        .prop_map(|(amounts, texts, dates, extra)| {
            let mut doc: Value = serde_json::from_str(FIXTURE).expect("fixture");
            doc["incidents"][0]["usd"] = json!(amounts[0]);
            doc["incidents"][1]["usd"] = json!(amounts[1]);
            doc["incidents"][2]["usd"] = json!(amounts[2]);
            doc["reported_totals"][0]["usd"] = json!(amounts[3]);
            doc["flows"][0]["edges"][0]["usd"] = json!(amounts[4]);
            doc["flows"][0]["theft_usd"] = json!(amounts[5]);
            doc["incidents"][0]["victim"] = json!(texts[0]);
            doc["incidents"][1]["actor"] = json!(texts[1]);
            doc["incidents"][2]["summary"] = json!(texts[2]);
            doc["sources"][0]["title"] = json!(texts[3]);
            doc["flows"][0]["nodes"][1]["label"] = json!(texts[4]);
            doc["title"] = json!(texts[5]);
            doc["incidents"][0]["date"] = json!(dates[0]);
            doc["incidents"][2]["date"] = json!(dates[1]);
            doc["reported_totals"][0]["published"] = json!(dates[2]);
            // Copies of an incident under new ids: more marks, same shape.
            let base = doc["incidents"][1].clone();
            for k in 0..extra {
                let mut copy = base.clone();
                copy["id"] = json!(format!("copy-{k}"));
                copy["usd"] = json!(amounts[6 + k % 2]);
                doc["incidents"].as_array_mut().expect("list").push(copy);
            }
            doc
        })
}

/// Every number in an SVG's coordinates is finite.
fn assert_finite(svg: &str, what: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{what}: not XML: {e}"));
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in ["x", "y", "width", "height", "cx", "cy", "r", "x1", "x2", "y1", "y2"] {
            if let Some(v) = n.attribute(a) {
                let f: f64 = v.parse().unwrap_or_else(|_| panic!("{what}: {a}={v:?} is not a number"));
                assert!(f.is_finite(), "{what}: {a}={v}");
            }
        }
        if let Some(points) = n.attribute("points") {
            for p in points.split([' ', ',']).filter(|p| !p.is_empty()) {
                assert!(p.parse::<f64>().is_ok_and(f64::is_finite), "{what}: point {p:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_a_refusal_names_a_problem(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Err(e) = parse_dataset(&bytes, "fuzz.json", today()) {
            prop_assert!(!e.problems.is_empty(), "{}", e.summary);
        }
    }

    #[test]
    fn json_shaped_noise_never_panics(doc in dataset(), cut in 0usize..2000) {
        let text = doc.to_string();
        let cut = cut.min(text.len());
        let truncated = &text.as_bytes()[..cut];
        if let Err(e) = parse_dataset(truncated, "fuzz.json", today()) {
            prop_assert!(!e.problems.is_empty());
        }
    }

    #[test]
    fn an_accepted_dataset_draws_every_chart_with_finite_coordinates_and_inert_markup(doc in dataset(), width in 240u32..2000) {
        match parse_dataset(doc.to_string().as_bytes(), "fuzz.json", today()) {
            Err(e) => prop_assert!(!e.problems.is_empty()),
            Ok(data) => {
                let data: Arc<Dataset> = Arc::new(data);
                for theme in [Theme::Light, Theme::Dark] {
                    let sel = Selection::new(data.clone(), ViewState::default(), theme);
                    let mut charts = Vec::new();
                    for kind in ChartKind::ALL {
                        let size = Size { width, height: kind.size_for(width).height };
                        let data = pipeline::ChartData::new(&sel, kind);
                        let svg = data.draw(size, theme).map_err(|e| TestCaseError::fail(format!("{}: {e}", kind.name())))?;
                        assert_finite(&svg, kind.name());
                        prop_assert!(!svg.contains("<script"), "{} stays inert", kind.name());
                        charts.push(StaticChart { data, svgs: vec![("v-light-wide", svg)] });
                    }
                    let page = html::static_page(&sel, &charts, &pipeline::headline(&sel), "data/incidents.json");
                    prop_assert!(!page.contains("<script"), "the page markup stays inert");
                    prop_assert!(!page.contains("href=\"javascript:"), "no script link is built");
                }
            }
        }
    }

    #[test]
    fn a_string_over_its_kinds_limit_is_refused_by_record_and_field_and_one_within_it_is_not(
        field in 0usize..LIMITED.len(),
        delta in -3i64..=3,
        letter in prop_oneof![Just('x'), Just('é'), Just('🧨'), Just('\u{202e}')],
    ) {
        let (pointer, location, kind) = LIMITED[field];
        let n = (kind.limit() as i64 + delta) as usize;
        let value = match kind {
            TextKind::Url => format!("https://example.org/{}", "a".repeat(n - 20)),
            _ => std::iter::repeat_n(letter, n).collect(),
        };
        let mut doc: Value = serde_json::from_str(FIXTURE).expect("fixture");
        *doc.pointer_mut(pointer).expect("in the fixture") = json!(value);
        let problems: Vec<String> = match parse_dataset(doc.to_string().as_bytes(), "fuzz.json", today()) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.iter().map(ToString::to_string).collect(),
        };
        let named = problems.iter().any(|p| p.starts_with(location) && p.contains("characters long"));
        prop_assert_eq!(named, n > kind.limit(), "{} of {} characters: {:?}", pointer, n, problems);
        prop_assert!(problems.iter().all(|p| p.chars().count() < 1_500), "problems stay short");
    }

    #[test]
    fn a_key_given_twice_anywhere_in_a_record_is_refused_by_its_path(
        k in 0usize..3,
        field in prop_oneof![Just("victim"), Just("actor"), Just("usd"), Just("summary"), Just("chains")],
        twice in any::<bool>(),
    ) {
        let mut doc: Value = serde_json::from_str(FIXTURE).expect("fixture");
        let record = doc["incidents"][k].clone();
        doc["incidents"][k] = json!("__record__");
        let first = serde_json::to_string(&record).expect("record");
        let again = format!("\"{field}\":{}", record[field]);
        // The copy first or last in the object: whichever would win, the file is refused.
        let object = if twice {
            format!("{{{again},{}", &first[1..])
        } else {
            format!("{},{again}}}", &first[..first.len() - 1])
        };
        let text = doc.to_string().replace("\"__record__\"", &object);
        let err = parse_dataset(text.as_bytes(), "fuzz.json", today()).expect_err("a key given twice");
        let location = format!("incidents[{k}].{field}");
        prop_assert!(
            err.problems.iter().any(|p| p.location == location && p.message.contains("given twice")),
            "{:?}", err.problems
        );
    }

    #[test]
    fn any_number_of_unknown_parameters_gives_a_short_list_of_short_notices(
        keys in prop::collection::vec(("[a-z]{1,8}", "[ -~]{0,300}"), 0..1_200),
    ) {
        let notices = heist_ledger::html::notices::tidy(&view::parse(&keys).1);
        prop_assert!(notices.len() <= view::MAX_NOTICES, "{} notices", notices.len());
        prop_assert!(notices.iter().all(|n| n.chars().count() <= 170));
    }

    #[test]
    fn any_host_prints_in_ascii_or_plain_latin(host in "\\PC{1,40}") {
        let shown = address::display_host(&host);
        prop_assert!(
            shown.chars().all(|c| c.is_ascii() || ('\u{e0}'..='\u{17e}').contains(&c) || !c.is_alphabetic()),
            "{:?} prints as {:?}", host, shown
        );
    }

    #[test]
    fn any_address_parses_with_notices_and_a_parsed_view_writes_back_the_same(query in "[ -~]{0,200}") {
        let (v, notices) = view::parse(&view::query_pairs(&query));
        let notices = heist_ledger::html::notices::tidy(&notices);
        prop_assert!(notices.iter().all(|n| n.chars().count() <= 170));
        let (back, more) = view::parse(&view::query_pairs(&view::to_query(&v)));
        prop_assert!(more.is_empty(), "{more:?}");
        prop_assert_eq!(back, v);
    }
}
