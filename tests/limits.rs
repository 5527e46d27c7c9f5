//! Bounded input: strings no longer than their kind allows (names, prose, addresses), each
//! refused by record and field; addresses that read as where they lead (no user name, no
//! invisible or direction-changing characters) and print as the browser shows their host;
//! a file's text read exactly as written (no key given twice, no number that underflows to 0,
//! UTF-16 named as such); an address's parameters de-duplicated and its notices capped; a
//! flow too large to draw folded into "N other hops"; an embed's height a function of its
//! width alone.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use heist_ledger::address;
use heist_ledger::aggregate::{self, FlowGraph, MAX_DRAWN_FLOW_NODES};
use heist_ledger::briefing::short_url;
use heist_ledger::exports;
use heist_ledger::html;
use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::validate::{MAX_NAME_CHARS, MAX_PROSE_CHARS, MAX_URL_CHARS};
use heist_ledger::view::{self, Theme, ViewState, MAX_NOTICES};
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("fixtures/minimal.json");

fn today() -> Date {
    Date::new(2026, 1, 1)
}

fn fixture() -> Value {
    serde_json::from_str(FIXTURE).expect("fixture is JSON")
}

/// Every problem the loader finds in `text`, as "location: message".
fn problems_in(text: &str) -> Vec<String> {
    match parse_dataset(text.as_bytes(), "test.json", today()) {
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

/// Sets the string at a JSON pointer of the fixture.
fn with(pointer: &str, value: String) -> Value {
    let mut doc = fixture();
    *doc.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} is in the fixture")) = json!(value);
    doc
}

/// An address of exactly `n` characters.
fn url_of(n: usize) -> String {
    let head = "https://example.org/";
    format!("{head}{}", "a".repeat(n - head.len()))
}

#[test]
fn a_string_longer_than_its_kind_allows_is_named_by_record_and_field() {
    let name = |n| "x".repeat(n);
    let prose = |n| "word ".repeat(n / 5 + 1)[..n].to_string();
    // (pointer, location, value of the limit's length, the limit)
    type Make = fn(usize) -> String;
    let cases: [(&str, &str, Make, usize); 14] = [
        ("/incidents/0/victim", "incidents[0] (alpha-2024).victim", name, MAX_NAME_CHARS),
        ("/incidents/1/actor", "incidents[1] (beta-2024).actor", name, MAX_NAME_CHARS),
        ("/incidents/1/chains/1", "incidents[1] (beta-2024).chains[1]", name, MAX_NAME_CHARS),
        ("/incidents/2/summary", "incidents[2] (gamma-2025).summary", prose, MAX_PROSE_CHARS),
        (
            "/incidents/1/attribution/note",
            "incidents[1] (beta-2024).attribution.note",
            prose,
            MAX_PROSE_CHARS,
        ),
        ("/sources/0/title", "sources[0] (s1).title", name, MAX_NAME_CHARS),
        ("/sources/1/url", "sources[1] (s2).url", url_of, MAX_URL_CHARS),
        ("/reported_totals/2/publisher", "reported_totals[2] (op-2025).publisher", name, MAX_NAME_CHARS),
        ("/flows/0/nodes/1/label", "flows[0] (alpha-2024).nodes[1].label", name, MAX_NAME_CHARS),
        ("/flows/0/edges/2/note", "flows[0] (alpha-2024).edges[2].note", prose, MAX_PROSE_CHARS),
        (
            "/flows/0/edges/0/basis/quote",
            "flows[0] (alpha-2024).edges[0].basis.quote",
            prose,
            MAX_PROSE_CHARS,
        ),
        ("/outlook/0/cadence", "outlook[0] (Test Publisher).cadence", prose, MAX_PROSE_CHARS),
        ("/enforcement/0/title", "enforcement[0] (e1).title", name, MAX_NAME_CHARS),
        ("/changes/0/summary", "changes[0] (2025-06-01).summary", prose, MAX_PROSE_CHARS),
    ];
    for (pointer, location, make, limit) in cases {
        let at_limit = problems_in(&with(pointer, make(limit)).to_string());
        assert!(
            !at_limit.iter().any(|p| p.contains("characters long")),
            "{pointer}: {limit} characters are allowed: {at_limit:#?}"
        );
        let over = problems_in(&with(pointer, make(limit + 1)).to_string());
        assert_problem(&over, location, "characters long; ");
        assert_problem(&over, location, &format!("at most {}", grouped(limit)));
    }
    let title = problems_in(&with("/title", name(MAX_NAME_CHARS + 1)).to_string());
    assert_problem(&title, "title", "a name may hold at most 300");
}

/// `10000` as `10,000`.
fn grouped(n: usize) -> String {
    let s = n.to_string();
    match s.len() {
        0..=3 => s,
        k => format!("{},{}", &s[..k - 3], &s[k - 3..]),
    }
}

#[test]
fn a_name_of_megabytes_is_refused_with_short_problems_that_do_not_echo_it() {
    // A 5 MB victim name and id, where the page once took 1 GB of memory for 50 MB.
    let huge = "x".repeat(5 * 1024 * 1024);
    let mut doc = with("/incidents/0/victim", huge.clone());
    doc["incidents"][0]["id"] = json!(huge);
    let problems = problems_in(&doc.to_string());
    assert!(
        problems.iter().any(|p| p.contains(".victim: is 5,242,880 characters long")),
        "{:?}",
        problems.iter().map(|p| &p[..p.len().min(200)]).collect::<Vec<_>>()
    );
    assert!(problems.iter().all(|p| p.chars().count() < 1_500), "every problem is short enough to read");
}

#[test]
fn an_address_must_lead_where_it_reads() {
    let cases = [
        ("https://user@example.org/x", "user name before its host"),
        ("https://bybit.com@evil.example/x", "user name before its host"),
        ("https://exa\u{202e}elpmaxe.org/x", "U+202E"),
        ("https://example.org\u{200b}/x", "U+200B"),
        ("https://example.org/\u{2066}x", "U+2066"),
        ("https:/\\evil.example/x", "not an http(s) link"),
        ("https://example.org\\@evil.example/x", "backslash"),
        ("https:///x", "no host"),
        ("https://exa mple.org/x", "space or control character"),
        ("javascript:alert(1)", "not an http(s) link"),
    ];
    for (url, words) in cases {
        let problems = problems_in(&with("/sources/1/url", url.to_string()).to_string());
        assert_problem(&problems, "sources[1] (s2).url", words);
    }
    for fine in ["https://example.org/a?b=c#d", "http://münchen.example/x", "https://[2001:db8::1]:8080/x"] {
        assert_eq!(
            problems_in(&with("/sources/1/url", fine.to_string()).to_string()),
            Vec::<String>::new(),
            "{fine}"
        );
    }
}

#[test]
fn a_printed_address_shows_its_host_as_the_browser_does() {
    let cases = [
        // A Cyrillic і among Latin letters, and a whole label of Cyrillic look-alikes.
        ("https://bybіt.com/news", "xn--bybt-n9d.com/news"),
        ("https://аррle.com/", "xn--le-6kc8da.com"),
        // Accented Latin reads as it is written.
        ("https://www.münchen.de/rathaus", "münchen.de/rathaus"),
        ("https://Example.ORG/Path", "example.org/Path"),
        // The host after a user name is where the link goes.
        ("https://bybit.com@evil.example/x", "evil.example/x"),
    ];
    for (url, printed) in cases {
        assert_eq!(short_url(url).as_deref(), Some(printed), "{url}");
    }
    assert_eq!(address::display_host("xn--bybt-n9d.com"), "xn--bybt-n9d.com");
}

#[test]
fn a_key_given_twice_is_refused_by_path_whoever_would_win() {
    let text = fixture().to_string();
    let victim = text.replacen(
        r#""victim":"Alpha Exchange""#,
        r#""victim":"Alpha Exchange","victim":"Someone else""#,
        1,
    );
    assert_ne!(victim, text);
    assert_problem(&problems_in(&victim), "incidents[0].victim", "given twice");
    let escaped = text.replacen(
        r#""victim":"Alpha Exchange""#,
        r#""victim":"Alpha Exchange","\u0076ictim":"Someone else""#,
        1,
    );
    assert_problem(&problems_in(&escaped), "incidents[0].victim", "given twice");
    let second_list = format!("{},\"incidents\":[]}}", text.trim_end().trim_end_matches('}'));
    let problems = problems_in(&second_list);
    assert_problem(&problems, "incidents", "the key \"incidents\" is given twice");
    assert!(problems.len() < 5, "the duplicate, not a hundred consequences: {problems:#?}");
}

#[test]
fn a_number_too_small_for_a_float_is_refused_not_read_as_zero() {
    let text = fixture().to_string();
    for (literal, zero) in [("1e-400", false), ("2.5E-330", false), ("0e-400", true), ("0.0", true)] {
        let bad = text.replacen(r#""recovered_usd":5000000"#, &format!(r#""recovered_usd":{literal}"#), 1);
        assert_ne!(bad, text);
        let problems = problems_in(&bad);
        if zero {
            assert_eq!(problems, Vec::<String>::new(), "{literal} is zero");
        } else {
            assert_problem(&problems, "incidents[1].recovered_usd", "too small");
        }
    }
    // Inside a string it is text, not a number.
    let quoted = text.replacen("Synthetic record.", "Synthetic 1e-400 record.", 1);
    assert_eq!(problems_in(&quoted), Vec::<String>::new());
}

#[test]
fn utf16_text_is_named_as_utf16() {
    let text = fixture().to_string();
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with_bom = |bom: [u8; 2], body: &[u8]| [bom.as_slice(), body].concat();
    for (name, bytes) in [
        ("little-endian with a BOM", with_bom([0xff, 0xfe], &le)),
        ("big-endian with a BOM", with_bom([0xfe, 0xff], &be)),
        ("little-endian", le.clone()),
        ("big-endian", be.clone()),
    ] {
        let err = parse_dataset(&bytes, "test.json", today()).expect_err(name);
        let problem = err.problems[0].to_string();
        assert!(
            problem.contains("is UTF-16 text") && problem.contains("save it again as UTF-8"),
            "{name}: {problem}"
        );
    }
}

fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
    q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn repeated_actors_and_chains_are_kept_once() {
    let (v, _) = view::parse(&pairs(&[
        ("actor", "Lazarus Group"),
        ("actor", "Lazarus Group"),
        ("chain", "Tron"),
        ("actor", "TraderTraitor"),
        ("chain", "Tron"),
    ]));
    assert_eq!(v.filter.actors, ["Lazarus Group", "TraderTraitor"]);
    assert_eq!(v.filter.chains, ["Tron"]);
    assert_eq!(view::to_query(&v), "actor=Lazarus%20Group&actor=TraderTraitor&chain=Tron");
}

#[test]
fn thousands_of_unknown_parameters_give_a_short_list_of_notices() {
    let many: Vec<(String, String)> = (0..5_000).map(|k| (format!("p{k}"), "x".to_string())).collect();
    let notices = heist_ledger::html::notices::tidy(&view::parse(&many).1);
    assert_eq!(notices.len(), MAX_NOTICES, "{notices:?}");
    assert_eq!(notices[0], "Ignored unknown parameter p0=x.");
    assert_eq!(notices[MAX_NOTICES - 1], "…and 4993 more parts of the address, also ignored.");
}

fn selection(query: &str) -> Selection {
    let data: Dataset = parse_dataset(FIXTURE.as_bytes(), "minimal.json", today()).expect("fixture");
    let (v, _) = view::parse(&view::query_pairs(query));
    let data = Arc::new(data);
    let (v, _) = view::reconcile(v, &data);
    Selection::new(data, v, Theme::Light)
}

#[test]
fn a_filter_select_shows_every_chosen_value_and_long_names_are_cut_in_its_text_only() {
    // The markup is the same for every view (the live page sets the values in force, so a
    // change of view never rewrites the control being used): several chosen values show as
    // one option naming them all, which the live page adds with this text.
    let two = html::filters(&selection("actor=Lazarus%20Group&actor=TraderTraitor"));
    assert_eq!(two, html::filters(&selection("")), "the markup does not follow the view");
    assert!(!two.contains(" selected"), "{two}");
    let chosen = ["Lazarus Group".to_string(), "TraderTraitor".to_string()];
    assert_eq!(html::several_names(&chosen), "Lazarus Group or TraderTraitor");
    let many: Vec<String> = (0..20).map(|k| format!("{k}").repeat(20)).collect();
    assert_eq!(html::several_names(&many).chars().count(), 97, "cut to twice an option's length");
    assert!(two.contains(r#"<option value="TraderTraitor">TraderTraitor</option>"#), "{two}");

    let mut data: Dataset = parse_dataset(FIXTURE.as_bytes(), "minimal.json", today()).expect("fixture");
    let long = "L".repeat(MAX_NAME_CHARS);
    data.incidents[0].actor = long.clone();
    let sel = Selection::new(Arc::new(data), ViewState::default(), Theme::Light);
    let markup = html::filters(&sel);
    assert!(markup.contains(&format!(r#"<option value="{long}">"#)), "the value is the whole name");
    assert!(markup.contains(&format!(">{}…</option>", "L".repeat(48))), "its text is cut");
}

/// A flow of `n` hops fanning out from the stolen asset, each to its own exchange and
/// then all to one sink, with amounts falling off.
fn wide_flow(n: usize) -> Dataset {
    let mut data: Dataset = parse_dataset(FIXTURE.as_bytes(), "minimal.json", today()).expect("fixture");
    let flow = &mut data.flows[0];
    flow.nodes.truncate(1);
    flow.edges.clear();
    flow.nodes.push(heist_ledger::model::FlowNode {
        id: "cash-out".into(),
        label: "Cash-out".into(),
        stage: 5,
        kind: heist_ledger::model::NodeKind::Sink,
        translations: Default::default(),
    });
    let mut total = 0.0;
    for k in 0..n {
        let usd = 1_000_000.0 + (n - k) as f64 * 10_000.0;
        total += usd;
        let id = format!("hop-{k}");
        flow.nodes.push(heist_ledger::model::FlowNode {
            id: id.clone(),
            label: format!("Exchange wallet {k}"),
            stage: 2,
            kind: heist_ledger::model::NodeKind::Intermediate,
            translations: Default::default(),
        });
        for (from, to) in [("stolen-eth", id.as_str()), (id.as_str(), "cash-out")] {
            flow.edges.push(heist_ledger::model::FlowEdge {
                from: from.into(),
                to: to.into(),
                usd,
                estimate: false,
                source: "s1".into(),
                note: None,
                basis: Some(heist_ledger::model::EdgeBasis::Stated {
                    quote: None,
                    tokens_stated: None,
                    lower_bound: false,
                    parts: Vec::new(),
                }),
            });
        }
    }
    flow.theft_usd = total;
    data.incidents[0].usd = total;
    (data.incidents[0].usd_low, data.incidents[0].usd_high) = (None, None);
    assert_eq!(heist_ledger::validate::validate(&data, today()), Vec::new(), "a valid dataset");
    data
}

#[test]
fn a_flow_too_large_to_draw_is_folded_into_other_hops_and_its_table_lists_every_link() {
    let data = Arc::new(wide_flow(5_000));
    let g: FlowGraph = aggregate::flow_graph(&data, &["alpha-2024"]).expect("a flow");
    let drawn = aggregate::fold_small_hops(&g, MAX_DRAWN_FLOW_NODES);
    assert!(drawn.nodes.len() <= MAX_DRAWN_FLOW_NODES, "{} nodes drawn", drawn.nodes.len());
    let other = drawn.nodes.iter().find(|n| n.label.ends_with("other hops")).expect("an other-hops node");
    assert_eq!(other.label, "4972 other hops");
    let sum = |g: &FlowGraph| g.links.iter().map(|l| l.usd).sum::<f64>();
    assert!((sum(&drawn) - sum(&g)).abs() < 1.0, "folding moves no money");

    let v = ViewState { flow: Some("alpha-2024".into()), ..ViewState::default() };
    let sel = Selection::new(data, v, Theme::Light);
    let size = Size { width: 1280, height: ChartKind::Flows.size_for(1280).height };
    let chart = pipeline::chart(&sel, ChartKind::Flows, size);
    let svg = chart.svg.expect("drawn");
    assert!(svg.contains("4972 other hops"), "the folded node is drawn and named");
    let height: f64 = roxmltree::Document::parse(&svg)
        .expect("XML")
        .root_element()
        .attribute("height")
        .and_then(|h| h.parse().ok())
        .expect("a height");
    assert!(height <= 2.0 * f64::from(size.height), "a drawing that fits its box, not {height} px");
    assert_eq!(pipeline::table(&sel, ChartKind::Flows).rows.len(), 10_000, "the table lists every link");
    // A flow small enough to read is drawn as it is.
    let small = aggregate::flow_graph(&wide_flow(20), &["alpha-2024"]).expect("a flow");
    assert_eq!(aggregate::fold_small_hops(&small, MAX_DRAWN_FLOW_NODES), small);
}

#[test]
fn an_embed_height_depends_on_its_width_alone_and_is_never_absurd() {
    for kind in ChartKind::ALL {
        for width in [0u32, 1, 120, 320, 360, 479, 480, 640, 1000, 1920, 100_000] {
            for plain in [false, true] {
                let h = exports::embed_height(kind, width, plain);
                assert!((300..=1_660).contains(&h), "{kind:?} at {width}: {h}");
            }
        }
        // The code for hosts without a script fits a 320 and a 640 px column.
        let sel = selection("q=nothing-matches-this");
        let code = exports::embed_code(&sel, kind, "https://example.org/");
        assert!(code.contains(&format!("height=\"{}\"", exports::embed_code_height(kind, false))), "{code}");
    }
}
