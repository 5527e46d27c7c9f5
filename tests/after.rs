//! After the theft, on the shipped data: the timeline's lane of freezes and recoveries, each
//! year's thefts beside what was held and what was returned (each dollar counted once), the
//! events of a theft in its detail panel, and a flow's published splits over time.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use heist_ledger::after;
use heist_ledger::html;
use heist_ledger::model::{Cooperation, Dataset};
use heist_ledger::pipeline::{self, ChartData, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::view::{self, Theme};

use common::shipped;

fn selection(query: &[(&str, &str)]) -> Selection {
    let data = shipped();
    let pairs: Vec<(String, String)> = query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let v = view::reconcile(view::parse(&pairs).0, &data).0;
    Selection::new(data, v, Theme::Light)
}

/// Dollars an event adds to a total, read straight from the record: a stated amount of
/// money held or taken, not already inside another event.
fn own_dollars(e: &Cooperation) -> f64 {
    match (e.kind.slug(), &e.within, e.usd) {
        ("refusal", _, _) | (_, Some(_), _) => 0.0,
        (_, None, usd) => usd.unwrap_or(0.0),
    }
}

fn attribute(markup: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = markup.find(&key).map(|k| k + key.len()).expect("the attribute");
    markup[start..].split('"').next().expect("its value").parse().expect("a number")
}

#[test]
fn every_dollar_held_or_returned_is_counted_once_in_the_yearly_section() {
    let sel = selection(&[]);
    let data: &Dataset = &sel.data;
    let held: f64 = data.cooperation.iter().map(own_dollars).sum();
    let returned: f64 = data.cooperation.iter().filter(|e| e.returned).map(own_dollars).sum();
    let markup = html::after::years(&sel);
    assert!((attribute(&markup, "data-held") - held).abs() < 1.0, "{markup}");
    assert!((attribute(&markup, "data-returned") - returned).abs() < 1.0);
    assert!(returned < held, "the shipped data holds money frozen and never returned");
    let inside: f64 = data.cooperation.iter().filter(|e| e.within.is_some()).filter_map(|e| e.usd).sum();
    assert!(inside > 0.0, "some amounts sit inside others (Binance's in the Ronin seizure)");
    let years = after::by_year(data, &sel.incidents(), sel.span, true);
    let sum: f64 = years.rows.iter().map(|r| r.tally.held).sum::<f64>() + years.apart_tally.held;
    assert!((sum - held).abs() < 1.0, "rows and the events apart add up to the whole, once");
}

#[test]
fn the_gap_between_held_and_returned_is_said_in_words_per_year() {
    let sel = selection(&[]);
    let markup = html::after::years(&sel);
    let years = after::by_year(&sel.data, &sel.incidents(), sel.span, true);
    let total = years.total();
    let gap = heist_ledger::format::money(total.not_returned());
    assert!(markup.contains("data-after-gap"), "{markup}");
    assert!(markup.contains(&format!("{gap} is held or not reported returned")), "{markup}");
    for row in years.rows.iter().filter(|r| r.thefts > 0) {
        assert!(markup.contains(&format!(r#"<tr data-year="{}">"#, row.year)), "a row for {}", row.year);
    }
}

#[test]
fn events_tied_to_no_theft_show_apart_and_only_when_the_view_narrows_by_time_alone() {
    let untied: Vec<String> =
        shipped().cooperation.iter().filter(|e| e.incidents.is_empty()).map(|e| e.id.clone()).collect();
    assert!(!untied.is_empty(), "the shipped data holds events tied to no single theft");
    let all = html::after::years(&selection(&[]));
    for id in &untied {
        assert!(all.contains(&format!(r#"data-coop="{id}""#)), "{id} is listed apart");
    }
    let bridges = html::after::years(&selection(&[("category", "bridge")]));
    for id in &untied {
        assert!(!bridges.contains(&format!(r#"data-coop="{id}""#)), "{id} is not a bridge's");
    }
}

#[test]
fn the_timeline_lane_marks_each_event_in_view_with_its_kind() {
    let sel = selection(&[("from", "2022")]);
    let lane = after::lane(
        &sel.data,
        &sel.incidents(),
        (heist_ledger::model::Date::new(2022, 1, 1), heist_ledger::model::Date::new(2026, 12, 31)),
        true,
    );
    assert!(!lane.is_empty());
    let svg =
        pipeline::chart(&sel, ChartKind::Timeline, Size { width: 1200, height: 560 }).svg.expect("draws");
    for e in &lane {
        let mark = format!(r#"data-kind="{}""#, e.kind.slug());
        let at =
            svg.find(&format!(r#"data-coop="{}""#, e.id)).unwrap_or_else(|| panic!("{} has a mark", e.id));
        let open = svg[..at].rfind("<g").expect("its group");
        assert!(svg[open..at].contains(&mark), "{} carries {mark}", e.id);
    }
    assert_eq!(svg.matches("data-coop=").count(), lane.len());
    let table = pipeline::table(&sel, ChartKind::Timeline);
    for e in &lane {
        let who = format!("{}: {}", e.actor, heist_ledger::phrase::victims(&e.victims));
        assert!(
            table.rows.iter().any(|r| r[1].text == who && r[2].text.starts_with(e.outcome)),
            "the table lists {}",
            e.id
        );
    }
}

#[test]
fn a_view_without_freezes_draws_the_timeline_it_always_had() {
    let mut data = (*shipped()).clone();
    data.cooperation.clear();
    let sel = Selection::new(std::sync::Arc::new(data), Default::default(), Theme::Light);
    let svg =
        pipeline::chart(&sel, ChartKind::Timeline, Size { width: 1200, height: 560 }).svg.expect("draws");
    assert!(!svg.contains("after-lane"), "no second lane");
}

#[test]
fn a_thefts_detail_lists_its_freezes_with_sources_and_what_was_returned() {
    let sel = selection(&[]);
    let data = &sel.data;
    let (id, events) = data
        .incidents
        .iter()
        .map(|i| (i.id.clone(), after::for_incident(data, &i.id).0.len()))
        .max_by_key(|(_, n)| *n)
        .expect("a theft with events");
    let i = data.incident(&id).expect("the theft");
    let markup = html::detail(data, i, None);
    assert!(markup.contains(&format!(r#"data-detail-after="{id}""#)), "{markup}");
    assert_eq!(markup.matches("data-coop=").count(), events);
    assert!(markup.contains("returned to the victim:"), "{markup}");
    for e in after::for_incident(data, &id).0 {
        let first = data.strongest_first(&e.sources)[0].clone();
        let url = &data.source(&first).expect("its source").url;
        assert!(markup.contains(&heist_ledger::render::svg::escape(url)), "{} cites {url}", e.id);
    }
}

#[test]
fn one_flow_shows_every_published_split_by_date_with_its_source() {
    let data = shipped();
    let flow = data.flows.iter().max_by_key(|f| f.status.len()).expect("a flow with a history");
    assert!(flow.status.len() > 1);
    let sel = selection(&[("flow", &flow.incident)]);
    let chart = ChartData::new(&sel, ChartKind::Flows);
    let caption = html::caption(&chart);
    assert!(caption.contains(&format!(r#"data-flow-status="{}""#, flow.incident)), "{caption}");
    for p in &flow.status {
        assert!(caption.contains(&format!(r#"data-status-date="{}""#, p.date)), "{}", p.date);
        let url = &data.source(&p.sources[0]).expect("its source").url;
        assert!(caption.contains(&heist_ledger::render::svg::escape(url)), "{} cites its source", p.date);
    }
    if let Some(day) = flow.split_date.filter(|d| flow.status.iter().any(|p| p.date == *d)) {
        assert!(
            caption.contains(&format!(r#"data-status-date="{day}" data-drawn="true""#)),
            "the drawn split is marked"
        );
    }
    let summed = ChartData::new(&selection(&[]), ChartKind::Flows);
    assert!(!html::caption(&summed).contains("data-flow-status"), "the sum over flows has no one history");
}
