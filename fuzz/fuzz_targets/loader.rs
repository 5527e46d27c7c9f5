//! Fuzzes the loader: any bytes either load or are refused with at least one named problem,
//! never a panic; a dataset that loads keeps every string within its kind's limit and every
//! address fit to link to, and draws every chart, in both themes, with finite coordinates
//! and inert markup. The same bytes, read as an address's query, give a view with a short
//! list of short notices that writes back the same, and print as a host without a panic.
#![no_main]

use std::sync::Arc;

use heist_ledger::address;
use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};
use heist_ledger::validate::{MAX_NAME_CHARS, MAX_PROSE_CHARS, MAX_URL_CHARS};
use heist_ledger::view;
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::view::{Theme, ViewState};
use libfuzzer_sys::fuzz_target;

/// Panics (a finding) on a coordinate that is not a finite number.
fn check_finite(svg: &str, what: &str) {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => panic!("{what}: not XML: {e}"),
    };
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in ["x", "y", "width", "height", "cx", "cy", "r", "x1", "x2", "y1", "y2"] {
            if let Some(v) = n.attribute(a) {
                assert!(v.parse::<f64>().is_ok_and(f64::is_finite), "{what}: {a}={v:?}");
            }
        }
        if let Some(points) = n.attribute("points") {
            for p in points.split([' ', ',']).filter(|p| !p.is_empty()) {
                assert!(p.parse::<f64>().is_ok_and(f64::is_finite), "{what}: point {p:?}");
            }
        }
    }
}

/// Panics (a finding) on an accepted dataset with a string over its kind's limit or an
/// address unfit to link to.
fn check_limits(data: &Dataset) {
    let within = |s: &str, limit: usize, what: &str| assert!(s.chars().count() <= limit, "{what} over {limit}");
    within(&data.title, MAX_NAME_CHARS, "title");
    for s in &data.sources {
        within(&s.title, MAX_NAME_CHARS, "source title");
        within(&s.url, MAX_URL_CHARS, "source url");
        assert!(address::problem(&s.url).is_none(), "an accepted address is fit to link to: {:?}", s.url);
    }
    for i in &data.incidents {
        for name in [&i.id, &i.victim, &i.actor].into_iter().chain(&i.chains).chain(&i.assets) {
            within(name, MAX_NAME_CHARS, "incident name");
        }
        within(&i.summary, MAX_PROSE_CHARS, "summary");
    }
    for f in &data.flows {
        for n in &f.nodes {
            within(&n.label, MAX_NAME_CHARS, "node label");
        }
    }
}

/// Panics (a finding) when the bytes read as a query give a long or unbounded notice list,
/// or a view that does not write back the same.
fn check_query(bytes: &[u8]) {
    let query = String::from_utf8_lossy(bytes);
    let (v, notices) = view::parse(&view::query_pairs(&query));
    let notices = heist_ledger::html::notices::tidy(&notices);
    assert!(notices.len() <= view::MAX_NOTICES, "{} notices", notices.len());
    assert!(notices.iter().all(|n| n.chars().count() <= 170), "a notice echoes a long value");
    let (back, _) = view::parse(&view::query_pairs(&view::to_query(&v)));
    assert_eq!(back, v, "a parsed view writes back the same");
    let _ = address::display_url(&query);
    let _ = address::problem(&query);
}

fuzz_target!(|bytes: &[u8]| {
    check_query(bytes);
    match parse_dataset(bytes, "fuzz.json", Date::new(2100, 1, 1)) {
        Err(e) => assert!(!e.problems.is_empty(), "a refusal names no problem: {}", e.summary),
        Ok(data) => {
            check_limits(&data);
            let data = Arc::new(data);
            for theme in [Theme::Light, Theme::Dark] {
                let sel = Selection::new(data.clone(), ViewState::default(), theme);
                for kind in ChartKind::ALL {
                    let size = Size { width: 1280, height: kind.size_for(1280).height };
                    match pipeline::chart(&sel, kind, size).svg {
                        Ok(svg) => {
                            check_finite(&svg, kind.name());
                            assert!(!svg.contains("<script"), "{} stays inert", kind.name());
                        }
                        Err(e) => panic!("{}: {e}", kind.name()),
                    }
                }
            }
        }
    }
});
