//! Large datasets load: the size limit is a guard against runaway responses, not a ceiling on
//! real data (100,000 incidents like the shipped ones are about 150 MB of JSON), and the loading status says how far
//! a file has come.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::load::{megabytes, parse_dataset, Progress, MAX_DATASET_BYTES};
use heist_ledger::model::Date;
use serde_json::Value;

const SHIPPED: &str = include_str!("../public/data/incidents.json");

/// The shipped dataset with its incidents copied, under new ids, until the file passes
/// `bytes`. Only the incident list grows; every copy keeps its real sources.
fn grown_to(bytes: usize) -> (Vec<u8>, usize) {
    let mut doc: Value = serde_json::from_str(SHIPPED).expect("the shipped dataset is JSON");
    let originals = doc["incidents"].as_array().expect("incidents").clone();
    let per_copy = serde_json::to_string(&originals).expect("serialises").len();
    let copies = bytes / per_copy + 1;
    let list = doc["incidents"].as_array_mut().expect("incidents");
    for k in 0..copies {
        for original in &originals {
            let mut copy = original.clone();
            let id = format!("{}-copy-{k}", copy["id"].as_str().expect("id"));
            copy["id"] = Value::String(id);
            list.push(copy);
        }
    }
    let count = list.len();
    (serde_json::to_vec(&doc).expect("serialises"), count)
}

#[test]
fn a_dataset_past_the_old_5_mb_ceiling_loads_with_every_incident() {
    let (bytes, count) = grown_to(12 * 1024 * 1024);
    assert!(bytes.len() > 12 * 1024 * 1024);
    let data = parse_dataset(&bytes, "large.json", Date::new(2100, 1, 1))
        .unwrap_or_else(|e| panic!("a {} dataset is refused: {e}", megabytes(bytes.len())));
    assert_eq!(data.incidents.len(), count);
}

#[test]
fn the_limit_leaves_room_for_a_hundred_thousand_incidents() {
    // About 1.5 KB an incident as compact JSON, as the shipped records run.
    let per_incident = serde_json::from_str::<Value>(SHIPPED).expect("JSON")["incidents"]
        .as_array()
        .map(|list| serde_json::to_string(list).expect("serialises").len() / list.len())
        .expect("incidents");
    assert!(per_incident * 100_000 < MAX_DATASET_BYTES, "{per_incident} bytes an incident");
}

#[test]
fn the_loading_status_counts_megabytes_of_the_total_then_says_it_is_reading() {
    let mb = 1_048_576;
    let receiving = Progress { received: 12 * mb + mb / 3, total: Some(80 * mb + mb / 10), parsing: false };
    assert_eq!(receiving.describe(), "Loading the incident dataset… 12.3 MB of 80.1 MB received");
    let no_length = Progress { total: None, ..receiving };
    assert_eq!(no_length.describe(), "Loading the incident dataset… 12.3 MB received");
    let parsing = Progress { received: 80 * mb, total: Some(80 * mb), parsing: true };
    assert_eq!(parsing.describe(), "Reading 80 MB of data…");
    assert_eq!(Progress::default().describe(), "Loading the incident dataset…");
}

#[test]
fn a_dense_timeline_draws_the_largest_as_marks_and_bins_the_rest_counting_every_theft() {
    use heist_ledger::pipeline::{self, ChartKind, Selection};
    use heist_ledger::render::timeline::MAX_MARKS;
    use heist_ledger::view::{self, Theme};
    let (bytes, count) = grown_to(4 * 1024 * 1024);
    let data =
        std::sync::Arc::new(parse_dataset(&bytes, "large.json", Date::new(2100, 1, 1)).expect("loads"));
    assert!(count > 2 * MAX_MARKS, "{count} incidents: dense enough to bin");
    let smallest = data.incidents.iter().min_by(|a, b| a.usd.total_cmp(&b.usd)).expect("some").id.clone();
    let (v, _) = view::parse(&view::query_pairs(&format!("incident={smallest}")));
    let sel = Selection::new(data, v, Theme::Light);
    let svg =
        pipeline::chart(&sel, ChartKind::Timeline, ChartKind::Timeline.size_for(1232)).svg.expect("draws");
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let marks = doc.descendants().filter(|n| n.attribute("data-kind") == Some("incident")).count();
    assert_eq!(marks, MAX_MARKS + 1, "the largest as marks, and the selected one however small");
    assert!(svg.contains(&format!(r#"data-incident="{smallest}""#)), "the selected incident keeps its mark");
    let density =
        doc.descendants().find(|n| n.attribute("class") == Some("density")).expect("a density layer");
    let binned: usize =
        density.children().filter_map(|r| r.attribute("data-count")?.parse::<usize>().ok()).sum();
    assert_eq!(marks + binned, count, "every theft is drawn, as a mark or in a cell");
    assert!(
        density.children().filter(|n| n.is_element()).count() <= 5,
        "one path per shade, not one per cell"
    );
    assert!(
        density.attribute("aria-hidden") == Some("true"),
        "cells are not announced; the table lists every theft"
    );
}

#[test]
fn a_long_timeline_table_is_folded_to_its_first_rows_and_whole_on_request() {
    use heist_ledger::html;
    use heist_ledger::pipeline::{self, ChartKind, Selection};
    use heist_ledger::tables::FOLDED_ROWS;
    use heist_ledger::view::{Theme, ViewState};
    let (bytes, _) = grown_to(2 * 1024 * 1024);
    let data =
        std::sync::Arc::new(parse_dataset(&bytes, "large.json", Date::new(2100, 1, 1)).expect("loads"));
    let sel = Selection::new(data, ViewState::default(), Theme::Light);
    let size = ChartKind::Timeline.size_for(1232);
    let whole = pipeline::chart(&sel, ChartKind::Timeline, size).table;
    let folded = pipeline::ChartData::new(&sel, ChartKind::Timeline).table(FOLDED_ROWS);
    assert!(whole.rows.len() > FOLDED_ROWS, "{} rows: long enough to fold", whole.rows.len());
    assert_eq!(whole.total, whole.rows.len(), "the whole table holds every row");
    assert_eq!(folded.total, whole.total, "the folded one knows how many there are");
    assert_eq!(folded.rows[..], whole.rows[..FOLDED_ROWS], "and holds the first of them, in order");
    assert_eq!(pipeline::table(&sel, ChartKind::Timeline), whole, "the table on request is the whole one");
    let markup = html::table(&folded);
    let more = whole.total - FOLDED_ROWS;
    assert!(
        markup.contains(&format!(r#"data-table-more="{more}""#)),
        "the folded table says how many more rows"
    );
    assert!(!html::table(&whole).contains("data-table-more"), "the whole one does not");
}

#[test]
fn the_flow_picker_names_the_largest_flows_and_the_one_on_screen_and_counts_the_rest() {
    use heist_ledger::html::{self, FLOW_CHOICES};
    use heist_ledger::pipeline::Selection;
    use heist_ledger::view::{Theme, ViewState};
    // Copies of every incident with a traced flow, each with its flow, until there are
    // more traced incidents than the picker lists.
    let mut doc: Value = serde_json::from_str(SHIPPED).expect("JSON");
    let flows = doc["flows"].as_array().expect("flows").clone();
    let incidents = doc["incidents"].as_array().expect("incidents").clone();
    let traced: Vec<&Value> =
        incidents.iter().filter(|i| flows.iter().any(|f| f["incident"] == i["id"])).collect();
    let copies = FLOW_CHOICES / traced.len() + 2;
    let (mut new_incidents, mut new_flows) = (Vec::new(), Vec::new());
    for k in 0..copies {
        for i in &traced {
            let id = format!("{}-copy-{k}", i["id"].as_str().expect("id"));
            let mut copy = (*i).clone();
            copy["id"] = Value::String(id.clone());
            new_incidents.push(copy);
            for f in flows.iter().filter(|f| f["incident"] == i["id"]) {
                let mut f = f.clone();
                f["incident"] = Value::String(id.clone());
                new_flows.push(f);
            }
        }
    }
    doc["incidents"].as_array_mut().expect("incidents").extend(new_incidents);
    doc["flows"].as_array_mut().expect("flows").extend(new_flows);
    let bytes = serde_json::to_vec(&doc).expect("serialises");
    let data =
        std::sync::Arc::new(parse_dataset(&bytes, "flows.json", Date::new(2100, 1, 1)).expect("loads"));
    let all = traced.len() * (copies + 1);
    assert!(all > FLOW_CHOICES);
    // The smallest traced incident on screen keeps its place in the picker.
    let smallest = data
        .incidents
        .iter()
        .filter(|i| data.flows.iter().any(|f| f.incident == i.id))
        .min_by(|a, b| a.usd.total_cmp(&b.usd).then_with(|| b.id.cmp(&a.id)))
        .expect("some")
        .id
        .clone();
    let view = ViewState { flow: Some(smallest.clone()), ..ViewState::default() };
    let sel = Selection::new(data, view, Theme::Light);
    let (choices, left_out) = sel.flow_choices(FLOW_CHOICES);
    assert_eq!(choices.len() + left_out, all, "every traced incident is named or counted");
    assert!(choices.len() <= FLOW_CHOICES + 1, "{} options", choices.len());
    assert!(choices.iter().any(|(id, _)| *id == smallest), "the flow on screen is listed");
    let head = html::figure_head(heist_ledger::pipeline::ChartKind::Flows, &sel, false);
    assert!(head.contains(&format!("All traced in view ({all})")), "the total is still said");
    assert!(head.contains(&format!(r#"data-flow-more="{left_out}""#)), "and how many are left out");
}
