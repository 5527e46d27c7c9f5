//! Every kind of bad dataset gets a clear problem that names the record and field, and all
//! problems are reported at once. One case per kind of problem.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::load::{parse_dataset, MAX_DATASET_BYTES};
use heist_ledger::model::{Dataset, Date};
use heist_ledger::validate::validate;
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("fixtures/minimal.json");

fn today() -> Date {
    Date::new(2026, 1, 1)
}

fn fixture() -> Value {
    serde_json::from_str(FIXTURE).expect("fixture is JSON")
}

/// Parses `doc` and returns every problem as "location: message".
fn problems_of(doc: &Value) -> Vec<String> {
    match parse_dataset(doc.to_string().as_bytes(), "test.json", today()) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(ToString::to_string).collect(),
    }
}

fn assert_problem(problems: &[String], location: &str, words: &str) {
    assert!(
        problems.iter().any(|p| p.starts_with(location) && p.contains(words)),
        "expected a problem at `{location}` mentioning `{words}`, got {problems:#?}"
    );
}

/// A named edit of the fixture, and where and in what words it must be reported.
type EditCase<'a> = (&'a str, fn(&mut Value), &'a str, &'a str);

/// Applies each named edit to the fixture and checks the problem it must cause.
fn check_edits(cases: &[EditCase]) {
    for (name, edit, location, words) in cases {
        let mut doc = fixture();
        edit(&mut doc);
        let problems = problems_of(&doc);
        assert!(!problems.is_empty(), "{name}: accepted");
        assert_problem(&problems, location, words);
    }
}

#[test]
fn the_fixture_itself_is_valid() {
    assert_eq!(problems_of(&fixture()), Vec::<String>::new());
}

#[test]
fn each_kind_of_bad_record_is_named_by_record_and_field() {
    type Edit = fn(&mut Value);
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "duplicate incident id",
            |d| d["incidents"][1]["id"] = json!("alpha-2024"),
            "incidents[1] (alpha-2024).id",
            "duplicate id",
        ),
        (
            "duplicate source id",
            |d| d["sources"][1]["id"] = json!("s1"),
            "sources[1] (s1).id",
            "duplicate id",
        ),
        (
            "date before 2009",
            |d| d["incidents"][0]["date"] = json!("2008-12-31"),
            "incidents[0] (alpha-2024).date",
            "outside",
        ),
        (
            "date in the future",
            |d| d["incidents"][2]["date"] = json!("2030-01-01"),
            "incidents[2] (gamma-2025).date",
            "outside",
        ),
        (
            "negative amount",
            |d| d["incidents"][1]["usd"] = json!(-5),
            "incidents[1] (beta-2024).usd",
            "negative",
        ),
        (
            "negative edge",
            |d| d["flows"][0]["edges"][0]["usd"] = json!(-1),
            "flows[0] (alpha-2024).edges[0] (stolen-eth -> dex).usd",
            "negative",
        ),
        (
            "low above high",
            |d| {
                d["incidents"][0]["usd_low"] = json!(320000000);
                d["incidents"][0]["usd_high"] = json!(290000000);
            },
            "incidents[0] (alpha-2024).usd_low",
            "above",
        ),
        (
            "no sources",
            |d| d["incidents"][2]["sources"] = json!([]),
            "incidents[2] (gamma-2025).sources",
            "at least one source",
        ),
        (
            "unknown source",
            |d| d["incidents"][2]["sources"] = json!(["nope"]),
            "incidents[2] (gamma-2025).sources[0]",
            "\"nope\"",
        ),
        (
            "edge to unknown node",
            |d| d["flows"][0]["edges"][3]["to"] = json!("moon"),
            "flows[0] (alpha-2024).edges[3] (bridge -> moon).to",
            "unknown node",
        ),
        (
            "node sends more than it got",
            |d| d["flows"][0]["edges"][3]["usd"] = json!(260000000),
            "flows[0] (alpha-2024).nodes[2] (bridge)",
            "sends out",
        ),
        (
            "edge going backwards",
            |d| d["flows"][0]["nodes"][2]["stage"] = json!(0),
            "flows[0] (alpha-2024).edges[2] (dex -> bridge)",
            "later stage",
        ),
        (
            "total whose year and period disagree",
            |d| d["reported_totals"][2]["year"] = json!(2024),
            "reported_totals[2] (op-2025).year",
            "disagrees",
        ),
        (
            "total superseding nothing",
            |d| d["reported_totals"][1]["supersedes"] = json!("ghost"),
            "reported_totals[1] (tp-2024-b).supersedes",
            "ghost",
        ),
        (
            "flow for an unknown incident",
            |d| d["flows"][1]["incident"] = json!("nobody-2024"),
            "flows[1] (nobody-2024).incident",
            "not an incident",
        ),
        (
            "enforcement naming an unknown incident",
            |d| d["enforcement"][0]["incidents"] = json!(["x-2020"]),
            "enforcement[0] (e1).incidents[0]",
            "x-2020",
        ),
        (
            "link that is not a link",
            |d| d["sources"][0]["url"] = json!("javascript:alert(1)"),
            "sources[0] (s1).url",
            "not an http",
        ),
        (
            "empty victim",
            |d| d["incidents"][0]["victim"] = json!("  "),
            "incidents[0] (alpha-2024).victim",
            "empty",
        ),
    ];
    check_edits(&cases);
}

#[test]
fn non_finite_amounts_are_problems() {
    let mut data: Dataset = heist_ledger::load::parse_dataset(
        FIXTURE.as_bytes(),
        "minimal.json",
        heist_ledger::model::Date::new(2100, 1, 1),
    )
    .expect("fixture parses");
    data.incidents[0].usd = f64::NAN;
    data.incidents[1].usd = f64::INFINITY;
    data.reported_totals[0].usd = f64::NEG_INFINITY;
    let problems: Vec<String> = validate(&data, today()).iter().map(ToString::to_string).collect();
    assert_problem(&problems, "incidents[0] (alpha-2024).usd", "finite");
    assert_problem(&problems, "incidents[1] (beta-2024).usd", "finite");
    assert_problem(&problems, "reported_totals[0] (tp-2024-a).usd", "finite");
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut doc = fixture();
    doc["incidents"][0]["usd"] = json!(-1);
    doc["incidents"][1]["date"] = json!("2001-01-01");
    doc["sources"][1]["id"] = json!("s1");
    doc["flows"][0]["edges"][0]["to"] = json!("nowhere");
    let problems = problems_of(&doc);
    assert!(problems.len() >= 4, "{problems:#?}");
}

#[test]
fn bad_files_are_refused_with_a_clear_reason() {
    let too_big = vec![b' '; MAX_DATASET_BYTES + 1];
    let mut wrong_version = fixture();
    wrong_version["schema_version"] = json!(1);
    let mut no_version = fixture();
    no_version.as_object_mut().map(|o| o.remove("schema_version"));
    let mut unknown_field = fixture();
    unknown_field["incidents"][0]["loot"] = json!(1);
    let mut wrong_type = fixture();
    wrong_type["incidents"][1]["usd"] = json!("a lot");
    let mut no_kind = fixture();
    no_kind["sources"][1].as_object_mut().map(|o| o.remove("kind"));
    let mut bad_kind = fixture();
    bad_kind["sources"][0]["kind"] = json!("hearsay");
    let mut no_release = fixture();
    no_release.as_object_mut().map(|o| o.remove("release"));
    let mut bad_date = fixture();
    bad_date["incidents"][0]["date"] = json!("2024-02-30");
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("empty", b"".to_vec(), "file", "is empty"),
        ("whitespace only", b"  \n ".to_vec(), "file", "is empty"),
        ("too large", too_big, "file", "the limit is 256 MB"),
        ("malformed JSON", b"{\"schema_version\": 2,".to_vec(), "file", "not valid JSON"),
        ("not UTF-8", vec![0xff, 0xfe, 0x00], "file", "UTF-8"),
        ("an array", b"[1, 2]".to_vec(), "file", "not an object"),
        ("a web page", b"\n<!doctype html><p>Sign in</p>".to_vec(), "file", "web page (HTML)"),
        (
            "wrong schema version",
            wrong_version.to_string().into_bytes(),
            "schema_version",
            "is 1; this dashboard reads schema version 2 or 3",
        ),
        ("missing schema version", no_version.to_string().into_bytes(), "schema_version", "missing"),
        ("unknown field", unknown_field.to_string().into_bytes(), "incidents[0]", "unknown field `loot`"),
        ("wrong type", wrong_type.to_string().into_bytes(), "incidents[1] (beta-2024).usd", "invalid type"),
        ("source without a kind", no_kind.to_string().into_bytes(), "sources[1]", "missing field `kind`"),
        (
            "source with an unknown kind",
            bad_kind.to_string().into_bytes(),
            "sources[0] (s1).kind",
            "unknown variant `hearsay`",
        ),
        ("no release", no_release.to_string().into_bytes(), "file", "missing field `release`"),
        (
            "impossible date",
            bad_date.to_string().into_bytes(),
            "incidents[0] (alpha-2024).date",
            "not a day of Feb",
        ),
    ];
    for (name, bytes, location, words) in cases {
        let err = parse_dataset(&bytes, "test.json", today()).expect_err(name);
        let problems: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
        assert!(err.summary.contains("test.json"), "{name}: summary names the file: {}", err.summary);
        assert_problem(&problems, location, words);
    }
}

#[test]
fn every_type_error_in_a_file_is_listed_with_its_record_id_and_field() {
    let mut doc = fixture();
    doc["incidents"][0]["usd"] = json!("lots");
    doc["incidents"][2]["date"] = json!(20250101);
    doc["sources"][1]["url"] = json!(7);
    let problems = problems_of(&doc);
    assert_problem(&problems, "incidents[0] (alpha-2024).usd", "invalid type");
    assert_problem(&problems, "incidents[2] (gamma-2025).date", "invalid type");
    assert_problem(&problems, "sources[1] (s2).url", "invalid type");
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn a_number_json_cannot_hold_names_its_record_and_field() {
    let text = fixture().to_string();
    // Replace the first incident's amount with a number beyond f64.
    let incidents = text.find("\"incidents\":[{").expect("the incident list");
    let usd = incidents + text[incidents..].find("\"usd\":").expect("an amount");
    let end = usd + text[usd..].find([',', '}']).expect("its end");
    let bad = format!("{}\"usd\":1e400{}", &text[..usd], &text[end..]);
    let err = parse_dataset(bad.as_bytes(), "test.json", today()).expect_err("1e400 is refused");
    let problems: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert_problem(&problems, "incidents[0].usd", "number out of range");
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(fixture().to_string().into_bytes());
    assert!(parse_dataset(&bytes, "test.json", today()).is_ok(), "a BOM before the JSON is accepted");
}

#[test]
fn amounts_too_small_or_too_large_to_draw_are_refused() {
    for (value, words) in [(5e-324, "5e-324"), (0.5, "0.5"), (1e308, "1e308"), (2e13, "20000000000000")] {
        let mut doc = fixture();
        doc["incidents"][1]["usd"] = json!(value);
        let problems = problems_of(&doc);
        assert_problem(&problems, "incidents[1] (beta-2024).usd", "between $1 and $10 trillion");
        assert!(
            problems.iter().any(|p| p.contains(words)),
            "{value}: the value reads as a number: {problems:?}"
        );
    }
    let mut zero = fixture();
    zero["incidents"][1]["recovered_usd"] = json!(0.0);
    assert!(problems_of(&zero).is_empty(), "zero is an amount");
}

#[test]
fn sourcing_and_change_log_rules_name_record_and_field() {
    type Edit = fn(&mut Value);
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "note citing an unknown bracketed source id",
            |d| d["incidents"][1]["attribution"]["note"] = json!("Disputed [no-such-source]."),
            "incidents[1] (beta-2024).attribution.note",
            "[no-such-source]",
        ),
        (
            "one unknown id among several in one bracket",
            |d| d["incidents"][0]["summary"] = json!("Per [s-one; ghost-2024]."),
            "incidents[0] (alpha-2024).summary",
            "[ghost-2024]",
        ),
        (
            "flow edge note citing an unknown source",
            |d| d["flows"][0]["edges"][2]["note"] = json!("Rounded [ghost-2024]."),
            "flows[0] (alpha-2024).edges[2] (dex -> bridge).note",
            "[ghost-2024]",
        ),
        (
            "reported total note citing an unknown source",
            |d| d["reported_totals"][0]["note"] = json!("See [ghost-2024]."),
            "reported_totals[0] (tp-2024-a).note",
            "[ghost-2024]",
        ),
        (
            "enforcement summary citing an unknown source",
            |d| d["enforcement"][0]["summary"] = json!("See [ghost-2024]."),
            "enforcement[0] (e1).summary",
            "[ghost-2024]",
        ),
        (
            "dataset notes citing an unknown source",
            |d| d["notes"] = json!("Method per [ghost-2024]."),
            "notes",
            "[ghost-2024]",
        ),
        (
            "derived figure without its basis",
            |d| d["reported_totals"][0]["derived"] = json!(true),
            "reported_totals[0] (tp-2024-a).basis",
            "derived",
        ),
        (
            "derived figure with a blank basis",
            |d| {
                d["reported_totals"][1]["derived"] = json!(true);
                d["reported_totals"][1]["basis"] = json!(" ");
            },
            "reported_totals[1] (tp-2024-b).basis",
            "derived",
        ),
        (
            "official incident citing only secondary sources",
            |d| d["incidents"][0]["sources"] = json!(["s2"]),
            "incidents[0] (alpha-2024).sources",
            "no primary source or copy",
        ),
        (
            "copy that does not say whose text it copies",
            |d| d["sources"][1]["kind"] = json!("copy"),
            "sources[1] (s2).copy_of",
            "whose text",
        ),
        (
            "original named on a source that is not a copy",
            |d| d["sources"][0]["copy_of"] = json!("FBI PSA"),
            "sources[0] (s1).copy_of",
            "only a copy",
        ),
        (
            "current release without a change entry",
            |d| d["release"]["id"] = json!("2025-06-02"),
            "release.id",
            "no entry in `changes`",
        ),
        (
            "change entry adding an unknown record",
            |d| d["changes"][0]["added"] = json!(["delta-2025"]),
            "changes[0] (2025-06-01).added[0]",
            "delta-2025",
        ),
        (
            "revision of an unknown record",
            |d| d["changes"][0]["revised"] = json!([{"record": "delta-2025", "field": "usd", "old": "1", "new": "2", "why": "Typo.", "source": "s1"}]),
            "changes[0] (2025-06-01).revised[0] (delta-2025.usd).record",
            "delta-2025",
        ),
        (
            "revision citing an unknown source",
            |d| d["changes"][0]["revised"] = json!([{"record": "alpha-2024", "field": "usd", "old": "1", "new": "2", "why": "Typo.", "source": "ghost-2024"}]),
            "changes[0] (2025-06-01).revised[0] (alpha-2024.usd).source",
            "ghost-2024",
        ),
        (
            "removal of a record that is still there",
            |d| d["changes"][0]["removed"] = json!([{"record": "gamma-2025", "why": "Not DPRK."}]),
            "changes[0] (2025-06-01).removed[0] (gamma-2025).record",
            "still in the dataset",
        ),
        (
            "two entries for one release",
            |d| {
                let entry = d["changes"][0].clone();
                d["changes"].as_array_mut().expect("changes").push(entry);
            },
            "changes[1] (2025-06-01).release",
            "more than one entry",
        ),
    ];
    check_edits(&cases);
}

#[test]
fn brackets_that_are_not_source_ids_are_not_citations() {
    let mut doc = fixture();
    doc["incidents"][0]["summary"] = json!("A quote [sic], a [PDF] and [2024] cite nothing.");
    doc["sources"][1]["id"] = json!("known-2024");
    doc["incidents"][1]["sources"] = json!(["s1", "known-2024"]);
    doc["incidents"][2]["sources"] = json!(["known-2024"]);
    doc["reported_totals"][2]["source"] = json!("known-2024");
    doc["flows"][0]["edges"][2]["source"] = json!("known-2024");
    doc["flows"][0]["edges"][3]["source"] = json!("known-2024");
    doc["incidents"][1]["amount_note"] = json!("Known ids are fine [known-2024; s1].");
    assert_eq!(problems_of(&doc), Vec::<String>::new());
}

#[test]
fn copies_primaries_and_derived_figures_with_a_basis_are_accepted() {
    let mut doc = fixture();
    doc["sources"][1]["kind"] = json!("copy");
    doc["sources"][1]["copy_of"] = json!("Test Agency statement");
    doc["sources"][1]["origin"] = json!("government");
    doc["incidents"][0]["sources"] = json!(["s2"]);
    doc["reported_totals"][2]["derived"] = json!(true);
    doc["reported_totals"][2]["basis"] = json!("Half-year figure minus the first quarter.");
    assert_eq!(problems_of(&doc), Vec::<String>::new());
}

#[test]
fn a_file_over_the_limit_is_measured_in_megabytes() {
    assert_eq!(heist_ledger::load::too_large(6_799_529), "is 6.5 MB; the limit is 256 MB");
    assert_eq!(heist_ledger::load::too_large(100 * 1_048_576), "is 100 MB; the limit is 256 MB");
}

/// The rules of schema version 3 (issue 19): the evidence horizon, whose text a source is,
/// what an official rating rests on, figures' windows, each flow edge's basis and a flow's
/// sum, the publishers' outlook and stated shares.
#[test]
fn schema_3_rules_name_record_and_field() {
    type Edit = fn(&mut Value);
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "figure whose window ends after it was published",
            |d| d["reported_totals"][0]["period_end"] = json!("2024-12-31"),
            "reported_totals[0] (tp-2024-a).period_end",
            "after the figure was published",
        ),
        (
            "copy whose text is a news outlet's",
            |d| {
                d["sources"][1]["kind"] = json!("copy");
                d["sources"][1]["copy_of"] = json!("A tweet quoted in a news story");
            },
            "sources[1] (s2).kind",
            "is secondary",
        ),
        (
            "primary page of a news outlet",
            |d| d["sources"][1]["kind"] = json!("primary"),
            "sources[1] (s2).kind",
            "origin is media",
        ),
        (
            "official rating on a firm's own page",
            |d| d["sources"][0]["origin"] = json!("firm"),
            "incidents[0] (alpha-2024).attribution.confidence",
            "government, court or UN text",
        ),
        (
            "official rating on a copy of the victim's statement",
            |d| {
                d["sources"][1]["kind"] = json!("copy");
                d["sources"][1]["copy_of"] = json!("Victim's statement");
                d["sources"][1]["origin"] = json!("victim");
                d["incidents"][0]["sources"] = json!(["s2"]);
            },
            "incidents[0] (alpha-2024).attribution.confidence",
            "verbatim copy",
        ),
        (
            "source without an origin",
            |d| {
                d["sources"][1].as_object_mut().map(|o| o.remove("origin"));
            },
            "sources[1] (s2).origin",
            "required from schema version 3",
        ),
        (
            "no evidence horizon",
            |d| {
                d.as_object_mut().map(|o| o.remove("evidence_horizon"));
            },
            "evidence_horizon",
            "required from schema version 3",
        ),
        (
            "evidence horizon after as_of",
            |d| d["evidence_horizon"] = json!("2025-06-02"),
            "evidence_horizon",
            "after the data's as_of",
        ),
        (
            "source newer than the evidence horizon",
            |d| d["evidence_horizon"] = json!("2025-02-01"),
            "sources[0] (s1).date",
            "after the evidence horizon",
        ),
        (
            "figure newer than the evidence horizon",
            |d| d["evidence_horizon"] = json!("2025-04-30"),
            "reported_totals[2] (op-2025).published",
            "after the evidence horizon",
        ),
        (
            "flow edge without a basis",
            |d| {
                d["flows"][1]["edges"][1].as_object_mut().map(|o| o.remove("basis"));
            },
            "flows[1] (beta-2024).edges[1] (dex -> cash-out).basis",
            "required from schema version 3",
        ),
        (
            "token basis that does not give the edge's dollars",
            |d| d["flows"][0]["edges"][1]["basis"]["price_usd"] = json!(3000),
            "flows[0] (alpha-2024).edges[1] (stolen-eth -> frozen).basis",
            "20000 ETH at $3000 is $60000000",
        ),
        (
            "token price from an unknown source",
            |d| d["flows"][0]["edges"][1]["basis"]["price_source"] = json!("ghost-2024"),
            "flows[0] (alpha-2024).edges[1] (stolen-eth -> frozen).basis.price_source",
            "ghost-2024",
        ),
        (
            "token price dated after the tracing",
            |d| d["flows"][0]["edges"][1]["basis"]["price_date"] = json!("2025-02-01"),
            "flows[0] (alpha-2024).edges[1] (stolen-eth -> frozen).basis.price_date",
            "after the tracing",
        ),
        (
            "share basis that does not give the edge's dollars",
            |d| d["flows"][0]["edges"][2]["basis"]["share"] = json!(0.5),
            "flows[0] (alpha-2024).edges[2] (dex -> bridge).basis",
            "is $125000000",
        ),
        (
            "carried edge that does not carry what entered",
            |d| d["flows"][1]["edges"][1]["basis"]["of_edges"] = json!(["stolen-eth→dex"]),
            "flows[1] (beta-2024).edges[1] (dex -> cash-out).basis.of_edges",
            "not an edge of this flow",
        ),
        (
            "remainder that does not add up",
            |d| d["flows"][0]["edges"][3]["basis"] = json!({"kind": "remainder", "of_usd": 300000000, "less_edges": ["stolen-eth→frozen"], "why": "The theft less the frozen part."}),
            "flows[0] (alpha-2024).edges[3] (bridge -> cash-out).basis",
            "$300000000 less the named edges is $250000000",
        ),
        (
            "stated parts that do not add up",
            |d| {
                d["flows"][0]["edges"][0]["basis"] = json!({"kind": "stated", "parts": [{"usd": 200000000}, {"usd": 40000000, "source": "s2"}]})
            },
            "flows[0] (alpha-2024).edges[0] (stolen-eth -> dex).basis",
            "parts add up to is $240000000",
        ),
        (
            "share above one",
            |d| d["flows"][0]["edges"][2]["basis"]["share"] = json!(1.5),
            "flows[0] (alpha-2024).edges[2] (dex -> bridge).basis.share",
            "at most 1",
        ),
        (
            "flow whose stolen asset sends out more than the theft, unexplained",
            |d| d["flows"][0]["theft_usd"] = json!(290000000),
            "flows[0] (alpha-2024).sum_note",
            "sends out $300000000 of a $290000000 theft",
        ),
        (
            "split dated after the tracing",
            |d| d["flows"][0]["split_date"] = json!("2025-02-01"),
            "flows[0] (alpha-2024).split_date",
            "after the tracing",
        ),
        (
            "outlook naming a figure that is not the publisher's newest",
            |d| d["outlook"][0]["latest"] = json!("tp-2024-a"),
            "outlook[0] (Test Publisher).latest",
            "not the publisher's newest",
        ),
        (
            "outlook naming another publisher's figure",
            |d| d["outlook"][0]["latest"] = json!("op-2025"),
            "outlook[0] (Test Publisher).latest",
            "a figure of Other Publisher",
        ),
        (
            "outlook window that ends before it starts",
            |d| d["outlook"][1]["next_to"] = json!("2025-06-30"),
            "outlook[1] (Other Publisher).next_to",
            "before next_from",
        ),
        (
            "outlook window with one end only",
            |d| {
                d["outlook"][1].as_object_mut().map(|o| o.remove("next_to"));
            },
            "outlook[1] (Other Publisher).next_to",
            "or neither",
        ),
        (
            "two outlooks for one publisher",
            |d| d["outlook"][1]["publisher"] = json!("Test Publisher"),
            "outlook[1] (Test Publisher).publisher",
            "more than one outlook",
        ),
        (
            "stated share that disagrees with the two figures",
            |d| d["reported_totals"][1]["stated_share"] = json!(0.7),
            "reported_totals[1] (tp-2024-b).stated_share",
            "disagrees",
        ),
        (
            "annual figure that does not start on 1 January",
            |d| {
                d["reported_totals"][2]["scope"] = json!("annual");
            },
            "reported_totals[2] (op-2025).scope",
            "runs from 1 January into December",
        ),
        (
            "multi-year figure with a year",
            |d| d["reported_totals"][1]["scope"] = json!("multi_year"),
            "reported_totals[1] (tp-2024-b).scope",
            "has no year",
        ),
        (
            "stated share above one",
            |d| d["reported_totals"][1]["stated_share"] = json!(61),
            "reported_totals[1] (tp-2024-b).stated_share",
            "at most 1",
        ),
    ];
    check_edits(&cases);
}

/// A flow that does not add up to its theft is accepted when it says why, and the reason
/// is checked like any other text.
#[test]
fn a_flow_that_says_why_it_does_not_add_up_is_accepted() {
    let mut doc = fixture();
    doc["flows"][0]["theft_usd"] = json!(290000000);
    doc["flows"][0]["sum_note"] = json!("The frozen amount is valued at a later price [s-one].");
    assert_problem(&problems_of(&doc), "flows[0] (alpha-2024).sum_note", "[s-one]");
    doc["flows"][0]["sum_note"] = json!("The frozen amount is valued at a later price.");
    assert_eq!(problems_of(&doc), Vec::<String>::new());
}

/// A file of schema version 2 (release 2026-12-01 and before) still loads under the rules
/// of its version: it has none of the fields version 3 added.
#[test]
fn a_version_2_file_loads_without_the_fields_version_3_added() {
    let mut doc = fixture();
    doc["schema_version"] = json!(2);
    let root = doc.as_object_mut().expect("an object");
    root.remove("evidence_horizon");
    root.remove("outlook");
    for s in doc["sources"].as_array_mut().expect("sources") {
        s.as_object_mut().map(|o| o.remove("origin"));
    }
    for f in doc["flows"].as_array_mut().expect("flows") {
        f.as_object_mut().map(|o| o.remove("split_date"));
        for e in f["edges"].as_array_mut().expect("edges") {
            e.as_object_mut().map(|o| o.remove("basis"));
        }
    }
    // Version 2 had no window rule; a frozen release keeps what it was cut with.
    doc["reported_totals"][0]["period_end"] = json!("2024-12-31");
    assert_eq!(problems_of(&doc), Vec::<String>::new());
    doc["schema_version"] = json!(4);
    assert_problem(&problems_of(&doc), "schema_version", "reads schema version 2 or 3");
}

/// Removes a field from a record.
fn without(record: &mut Value, key: &str) {
    if let Some(o) = record.as_object_mut() {
        o.remove(key);
    }
}

/// The fixture with a freeze, a refusal and a split of alpha-2024's flow, all valid.
fn with_aftermath(d: &mut Value) {
    d["cooperation"] = json!([
        {
            "id": "f1", "date": "2024-03-12", "actor": "An issuer", "actor_kind": "issuer",
            "incidents": ["alpha-2024"], "kind": "freeze", "usd": 5000000,
            "summary": "Froze part of it.", "sources": ["s2"], "quote": "froze $5 million"
        },
        {
            "id": "r1", "date": "2024-03-11", "date_basis": "report", "date_note": "Reported the day after.",
            "actor": "An exchange", "actor_kind": "exchange", "incidents": ["alpha-2024"], "kind": "refusal",
            "summary": "Declined to freeze.", "sources": ["s2"], "quote": "we will not freeze"
        },
        {
            "id": "x1", "date": "2024-12-01", "actor": "A court", "actor_kind": "court", "incidents": [],
            "kind": "seizure", "usd": 1000000, "summary": "Forfeited funds of several thefts.",
            "note": "Tied to no single theft in the dataset.", "sources": ["s1"], "quote": "forfeited"
        }
    ]);
    d["flows"][0]["status"] = json!([
        {"date": "2024-04-01", "traceable": 0.7, "untraceable": 0.25, "frozen": 0.05, "sources": ["s2"], "quote": "70% traceable"},
        {"date": "2024-06-01", "recovered_usd": 1000000, "stages": [{"label": "Swapped", "share": 0.5}], "sources": ["s2"], "quote": "recovered $1M"}
    ]);
}

#[test]
fn freezes_refusals_and_splits_that_follow_the_rules_are_accepted() {
    let mut doc = fixture();
    with_aftermath(&mut doc);
    assert_eq!(problems_of(&doc), Vec::<String>::new());
}

#[test]
fn each_kind_of_bad_freeze_or_split_is_named_by_record_and_field() {
    type Edit = fn(&mut Value);
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "duplicate event id",
            |d| d["cooperation"][1]["id"] = json!("f1"),
            "cooperation[1] (f1).id",
            "duplicate id",
        ),
        (
            "event naming an unknown theft",
            |d| d["cooperation"][0]["incidents"] = json!(["nobody-2024"]),
            "cooperation[0] (f1).incidents[0]",
            "not an incident id",
        ),
        (
            "event tied to no theft without saying why",
            |d| without(&mut d["cooperation"][2], "note"),
            "cooperation[2] (x1).note",
            "tied to no theft",
        ),
        (
            "event before its theft",
            |d| d["cooperation"][0]["date"] = json!("2024-03-01"),
            "cooperation[0] (f1).date",
            "before the theft",
        ),
        (
            "event after the evidence horizon",
            |d| d["cooperation"][0]["date"] = json!("2025-06-01"),
            "cooperation[0] (f1).date",
            "evidence horizon",
        ),
        (
            "a report date that says nothing of the event",
            |d| without(&mut d["cooperation"][1], "date_note"),
            "cooperation[1] (r1).date_note",
            "day of a report",
        ),
        (
            "negative amount",
            |d| d["cooperation"][0]["usd"] = json!(-3),
            "cooperation[0] (f1).usd",
            "negative",
        ),
        (
            "a refusal that returned money",
            |d| d["cooperation"][1]["returned"] = json!(true),
            "cooperation[1] (r1).returned",
            "refusal returns nothing",
        ),
        (
            "counted within an unknown event",
            |d| d["cooperation"][1]["within"] = json!("ghost"),
            "cooperation[1] (r1).within",
            "not a cooperation event",
        ),
        (
            "counted within an event about other thefts",
            |d| d["cooperation"][0]["within"] = json!("x1"),
            "cooperation[0] (f1).within",
            "other thefts",
        ),
        (
            "more money than the event it sits in",
            |d| {
                d["cooperation"][1]["kind"] = json!("freeze");
                d["cooperation"][1]["usd"] = json!(9000000);
                d["cooperation"][1]["within"] = json!("f1");
            },
            "cooperation[1] (r1).within",
            "cannot sit inside",
        ),
        (
            "unknown enforcement action",
            |d| d["cooperation"][2]["enforcement"] = json!("ghost"),
            "cooperation[2] (x1).enforcement",
            "not an enforcement action",
        ),
        (
            "unknown source",
            |d| d["cooperation"][0]["sources"] = json!(["ghost"]),
            "cooperation[0] (f1).sources[0]",
            "\"ghost\"",
        ),
        (
            "no source",
            |d| d["cooperation"][0]["sources"] = json!([]),
            "cooperation[0] (f1).sources",
            "at least one",
        ),
        ("empty quote", |d| d["cooperation"][0]["quote"] = json!(" "), "cooperation[0] (f1).quote", "empty"),
        (
            "response time that is not a time",
            |d| d["cooperation"][0]["response_hours"] = json!(-2),
            "cooperation[0] (f1).response_hours",
            "between 0",
        ),
        (
            "splits out of order",
            |d| d["flows"][0]["status"][1]["date"] = json!("2024-03-20"),
            "flows[0] (alpha-2024).status[1] (2024-03-20).date",
            "oldest first",
        ),
        (
            "split before the theft",
            |d| d["flows"][0]["status"][0]["date"] = json!("2024-01-01"),
            "flows[0] (alpha-2024).status[0] (2024-01-01).date",
            "before the theft",
        ),
        (
            "split after the horizon",
            |d| d["flows"][0]["status"][1]["date"] = json!("2025-09-01"),
            "flows[0] (alpha-2024).status[1] (2025-09-01).date",
            "evidence horizon",
        ),
        (
            "share above one",
            |d| d["flows"][0]["status"][0]["frozen"] = json!(1.5),
            "flows[0] (alpha-2024).status[0] (2024-04-01).frozen",
            "between 0 and 1",
        ),
        (
            "shares adding up to more than the whole",
            |d| d["flows"][0]["status"][0]["untraceable"] = json!(0.5),
            "flows[0] (alpha-2024).status[0] (2024-04-01)",
            "more than the whole",
        ),
        (
            "a split that states nothing",
            |d| d["flows"][0]["status"][1] = json!({"date": "2024-06-01", "sources": ["s2"], "quote": "q"}),
            "flows[0] (alpha-2024).status[1] (2024-06-01)",
            "states no share",
        ),
        (
            "a stage with neither share nor dollars",
            |d| d["flows"][0]["status"][1]["stages"] = json!([{"label": "Somewhere"}]),
            "flows[0] (alpha-2024).status[1] (2024-06-01).stages[0]",
            "share or its dollars",
        ),
        (
            "a split citing an unknown source",
            |d| d["flows"][0]["status"][0]["sources"] = json!(["ghost"]),
            "flows[0] (alpha-2024).status[0] (2024-04-01).sources[0]",
            "\"ghost\"",
        ),
        (
            "an unknown kind",
            |d| d["cooperation"][0]["kind"] = json!("theft"),
            "cooperation[0] (f1).kind",
            "unknown variant `theft`",
        ),
        (
            "a quote longer than a text may be",
            |d| d["cooperation"][0]["quote"] = json!("x".repeat(10_001)),
            "cooperation[0] (f1).quote",
            "characters long",
        ),
        (
            "a split's stage label longer than a name may be",
            |d| d["flows"][0]["status"][1]["stages"][0]["label"] = json!("x".repeat(301)),
            "flows[0] (alpha-2024).status[1] (2024-06-01).stages[0].label",
            "characters long",
        ),
        (
            "an unknown actor kind",
            |d| d["cooperation"][0]["actor_kind"] = json!("friend"),
            "cooperation[0] (f1).actor_kind",
            "unknown variant `friend`",
        ),
    ];
    for (name, edit, location, words) in cases {
        let mut doc = fixture();
        with_aftermath(&mut doc);
        edit(&mut doc);
        let problems = problems_of(&doc);
        assert!(!problems.is_empty(), "{name}: accepted");
        assert_problem(&problems, location, words);
    }
}

#[test]
fn the_change_log_may_add_a_freeze_and_revise_a_flow_s_status() {
    let mut doc = fixture();
    with_aftermath(&mut doc);
    doc["changes"][0]["added"] = json!(["f1", "x1"]);
    doc["changes"][0]["revised"] = json!([{"record": "alpha-2024", "field": "status[2024-04-01]", "old": "(none)", "new": "70% traceable", "why": "Published split.", "source": "s2"}]);
    assert_eq!(problems_of(&doc), Vec::<String>::new());
}

/// The fixture with a won and a yen rate, and a ko translation of the first incident's
/// summary (citing a source), the first flow node's label and the enforcement title, each
/// fingerprinted from its English as the data's tools do.
fn with_rates_and_translations(d: &mut Value) {
    use heist_ledger::model::fingerprint;
    d["rates"] = json!([
        {"currency": "KRW", "kind": "annual_average", "period": "2024", "per_usd": 1364.0, "source": "s1"},
        {"currency": "JPY", "kind": "daily", "period": "2025-02-21", "per_usd": 150.0, "source": "s2",
         "note": "noon buying rate in New York"}
    ]);
    // A citation is a slug with a hyphen: the fixture's `s1` is not one, so add one.
    let mut cited = d["sources"][0].clone();
    cited["id"] = json!("cited-source");
    cited["url"] = json!("https://example.org/cited-source");
    d["sources"].as_array_mut().expect("a list").push(cited);
    let summary = "Synthetic record, as [cited-source] reports.".to_string();
    d["incidents"][0]["summary"] = json!(summary);
    let ko = |field: &str, text: &str, english: &str| {
        json!({"ko": {"method": "machine", "reviewed": false,
            "texts": {field: {"text": text, "en_fingerprint": fingerprint(english)}}}})
    };
    d["incidents"][0]["translations"] = ko("summary", "합성 기록 [cited-source].", &summary);
    let label = d["flows"][0]["nodes"][0]["label"].as_str().unwrap_or_default().to_string();
    d["flows"][0]["nodes"][0]["translations"] = ko("label", "도난된 ETH", &label);
    let title = d["enforcement"][0]["title"].as_str().unwrap_or_default().to_string();
    d["enforcement"][0]["translations"] = ko("title", "합성 지정", &title);
}

#[test]
fn rates_and_translations_that_follow_the_rules_are_accepted() {
    let mut doc = fixture();
    with_rates_and_translations(&mut doc);
    assert_eq!(problems_of(&doc), Vec::<String>::new());
    let data = parse_dataset(doc.to_string().as_bytes(), "test.json", today()).expect("loads");
    assert_eq!(data.rates.len(), 2);
    assert_eq!(data.incidents[0].translations["ko"].texts["summary"].text, "합성 기록 [cited-source].");
}

#[test]
fn each_kind_of_bad_rate_is_named_by_record_and_field() {
    let cases: Vec<EditCase> = vec![
        (
            "zero rate",
            |d| {
                with_rates_and_translations(d);
                d["rates"][0]["per_usd"] = json!(0);
            },
            "rates[0] (KRW 2024).per_usd",
            "positive",
        ),
        (
            "negative rate",
            |d| {
                with_rates_and_translations(d);
                d["rates"][1]["per_usd"] = json!(-150);
            },
            "rates[1] (JPY 2025-02-21).per_usd",
            "positive",
        ),
        (
            "won rate given as dollars per won",
            |d| {
                with_rates_and_translations(d);
                d["rates"][0]["per_usd"] = json!(0.00073);
            },
            "rates[0] (KRW 2024).per_usd",
            "plausible",
        ),
        (
            "yen rate with a slipped digit",
            |d| {
                with_rates_and_translations(d);
                d["rates"][1]["per_usd"] = json!(1500.0);
            },
            "rates[1] (JPY 2025-02-21).per_usd",
            "plausible",
        ),
        (
            "unknown source",
            |d| {
                with_rates_and_translations(d);
                d["rates"][0]["source"] = json!("nope");
            },
            "rates[0] (KRW 2024).source",
            "\"nope\"",
        ),
        (
            "year after the release",
            |d| {
                with_rates_and_translations(d);
                d["rates"][0]["period"] = json!("2026");
            },
            "rates[0] (KRW 2026).period",
            "after the release day 2025-06-01",
        ),
        (
            "day after the release",
            |d| {
                with_rates_and_translations(d);
                d["rates"][1]["period"] = json!("2025-06-02");
            },
            "rates[1] (JPY 2025-06-02).period",
            "after the release day",
        ),
        (
            "an annual average dated by a day",
            |d| {
                with_rates_and_translations(d);
                d["rates"][0]["period"] = json!("2024-01-01");
            },
            "rates[0] (KRW 2024-01-01).period",
            "YYYY",
        ),
        (
            "a daily rate dated by a year",
            |d| {
                with_rates_and_translations(d);
                d["rates"][1]["period"] = json!("2025");
            },
            "rates[1] (JPY 2025).period",
            "YYYY-MM-DD",
        ),
        (
            "the same currency and period twice",
            |d| {
                with_rates_and_translations(d);
                let again = d["rates"][0].clone();
                d["rates"].as_array_mut().expect("a list").push(again);
            },
            "rates[2] (KRW 2024).period",
            "a second KRW rate for 2024",
        ),
        (
            "an unknown currency",
            |d| {
                with_rates_and_translations(d);
                d["rates"][0]["currency"] = json!("EUR");
            },
            "rates[0]",
            "unknown variant",
        ),
        (
            "an unknown kind",
            |d| {
                with_rates_and_translations(d);
                d["rates"][0]["kind"] = json!("monthly_average");
            },
            "rates[0]",
            "unknown variant",
        ),
    ];
    check_edits(&cases);
}

#[test]
fn each_kind_of_bad_translation_is_named_by_record_and_field() {
    let cases: Vec<EditCase> = vec![
        (
            "stale: the English changed after the translation",
            |d| {
                with_rates_and_translations(d);
                d["incidents"][0]["summary"] = json!("Synthetic record, revised, as [cited-source] reports.");
            },
            "incidents[0] (alpha-2024).translations.ko.texts.summary.en_fingerprint",
            "is stale",
        ),
        (
            "stale flow label",
            |d| {
                with_rates_and_translations(d);
                d["flows"][0]["nodes"][0]["label"] = json!("Stolen ether");
            },
            "flows[0] (alpha-2024).nodes[0].translations.ko.texts.label.en_fingerprint",
            "is stale",
        ),
        (
            "stale enforcement title",
            |d| {
                with_rates_and_translations(d);
                d["enforcement"][0]["title"] = json!("Another designation");
            },
            "enforcement[0] (e1).translations.ko.texts.title.en_fingerprint",
            "is stale",
        ),
        (
            "unknown locale",
            |d| {
                with_rates_and_translations(d);
                let ko = d["incidents"][0]["translations"]["ko"].clone();
                d["incidents"][0]["translations"]["xx"] = ko;
            },
            "incidents[0] (alpha-2024).translations.xx",
            "unknown locale \"xx\"",
        ),
        (
            "English given as a translation locale",
            |d| {
                with_rates_and_translations(d);
                let ko = d["enforcement"][0]["translations"]["ko"].clone();
                d["enforcement"][0]["translations"]["en"] = ko;
            },
            "enforcement[0] (e1).translations.en",
            "unknown locale",
        ),
        (
            "empty text",
            |d| {
                with_rates_and_translations(d);
                d["incidents"][0]["translations"]["ko"]["texts"]["summary"]["text"] = json!("  ");
            },
            "incidents[0] (alpha-2024).translations.ko.texts.summary.text",
            "must not be empty",
        ),
        (
            "a locale with no texts",
            |d| {
                with_rates_and_translations(d);
                d["enforcement"][0]["translations"]["ko"]["texts"] = json!({});
            },
            "enforcement[0] (e1).translations.ko.texts",
            "holds no text",
        ),
        (
            "a citation dropped",
            |d| {
                with_rates_and_translations(d);
                d["incidents"][0]["translations"]["ko"]["texts"]["summary"]["text"] = json!("합성 기록.");
            },
            "incidents[0] (alpha-2024).translations.ko.texts.summary.text",
            "drops the citation [cited-source]",
        ),
        (
            "a field the record does not have",
            |d| {
                with_rates_and_translations(d);
                let t = d["enforcement"][0]["translations"]["ko"]["texts"]["title"].clone();
                d["enforcement"][0]["translations"]["ko"]["texts"]["summary"] = t;
            },
            "enforcement[0] (e1).translations.ko.texts.summary",
            "not a translatable field",
        ),
        (
            "a field whose English is absent",
            |d| {
                with_rates_and_translations(d);
                let t = d["incidents"][0]["translations"]["ko"]["texts"]["summary"].clone();
                d["incidents"][0]["translations"]["ko"]["texts"]["amount_note"] = t;
            },
            "incidents[0] (alpha-2024).translations.ko.texts.amount_note",
            "no English text",
        ),
        (
            "an unknown method",
            |d| {
                with_rates_and_translations(d);
                d["incidents"][0]["translations"]["ko"]["method"] = json!("guess");
            },
            "incidents[0] (alpha-2024).translations.ko.method",
            "unknown variant",
        ),
        (
            "reviewed missing",
            |d| {
                with_rates_and_translations(d);
                without(&mut d["incidents"][0]["translations"]["ko"], "reviewed");
            },
            "incidents[0] (alpha-2024).translations.ko",
            "missing field `reviewed`",
        ),
    ];
    check_edits(&cases);
}
