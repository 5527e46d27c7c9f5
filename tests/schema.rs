//! The published JSON Schema (`public/data/incidents.schema.json`) is generated from the
//! Rust types; this test fails when the committed file is stale. `make schema` rewrites it.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::model::Dataset;

#[path = "common/schema.rs"]
mod common;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/incidents.schema.json");

fn generated() -> String {
    common::generated::<Dataset>(
        "incidents.schema.json",
        "Heist Ledger incident dataset: DPRK-attributed crypto thefts, reported totals, laundering flows and enforcement actions. Generated from the Rust types in src/model.rs; do not edit by hand (run `make schema`).",
    )
}

#[test]
fn published_schema_matches_the_rust_types() {
    common::committed_matches(SCHEMA_PATH, &generated());
}

#[test]
fn schema_rejects_unknown_fields_everywhere() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).expect("valid JSON");
    assert_eq!(schema["additionalProperties"], false);
    let defs = schema["$defs"].as_object().expect("definitions");
    for (name, def) in defs {
        if def["type"] == "object" {
            assert_eq!(def["additionalProperties"], false, "{name} accepts unknown fields");
        }
    }
}

/// Parses `doc` as the page does; `Ok` unless the text does not fit the schema (a record
/// that fits but breaks a rule the validator checks is not the reader's business here).
fn shape(doc: &serde_json::Value) -> Result<(), String> {
    let today = heist_ledger::model::Date::new(2100, 1, 1);
    match heist_ledger::load::parse_dataset(doc.to_string().as_bytes(), "test.json", today) {
        // The validator's refusals say how many problems it found; the reader's do not.
        Err(e) if !e.summary.contains("problem") => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// The dataset's reader is written by hand (serde's derived readers were a fifth of the
/// WebAssembly), so it is held to the schema generated from the Rust types: for a real
/// record of every type, dropping a field the schema requires is refused by name, dropping
/// an optional one is accepted, and a field the schema does not know is refused.
#[test]
fn the_reader_holds_every_record_to_the_published_schemas_fields() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).expect("valid JSON");
    let shipped: serde_json::Value =
        serde_json::from_str(include_str!("../public/data/incidents.json")).expect("the shipped data");
    let records = [
        ("", None),
        ("/release", Some("Release")),
        ("/sources/0", Some("Source")),
        ("/incidents/0", Some("Incident")),
        ("/incidents/0/attribution", Some("Attribution")),
        ("/reported_totals/0", Some("ReportedTotal")),
        ("/flows/0", Some("Flow")),
        ("/flows/0/nodes/0", Some("FlowNode")),
        ("/flows/0/edges/0", Some("FlowEdge")),
        ("/enforcement/0", Some("EnforcementEvent")),
        ("/changes/0", Some("ChangeEntry")),
        ("/changes/1/revised/0", Some("Revision")),
        ("/outlook/0", Some("Outlook")),
        ("/cooperation/0", Some("Cooperation")),
        ("/flows/0/status/1", Some("StatusPoint")),
        ("/flows/0/status/1/stages/0", Some("StatusStage")),
    ];
    for (at, def) in records {
        let def = match def {
            Some(name) => &schema["$defs"][name],
            None => &schema,
        };
        let required: Vec<&str> =
            def["required"].as_array().expect("required").iter().filter_map(|v| v.as_str()).collect();
        for field in def["properties"].as_object().expect("properties").keys() {
            let mut doc = shipped.clone();
            let record = doc.pointer_mut(at).and_then(|r| r.as_object_mut()).expect("a record");
            record.remove(field);
            let read = shape(&doc);
            if required.contains(&field.as_str()) {
                let e = read.expect_err(&format!("{at}: without required `{field}`"));
                // A missing version is refused by version, before the shape.
                let words = if field == "schema_version" {
                    "schema_version: is missing".to_string()
                } else {
                    format!("missing field `{field}`")
                };
                assert!(e.contains(&words), "{at} {field}: {e}");
            } else {
                assert_eq!(read, Ok(()), "{at}: without optional `{field}`");
            }
        }
        let mut doc = shipped.clone();
        doc.pointer_mut(at).and_then(|r| r.as_object_mut()).expect("a record").insert("zz".into(), 1.into());
        let e = shape(&doc).expect_err(&format!("{at}: an unknown field"));
        assert!(e.contains("unknown field `zz`"), "{at}: {e}");
    }
}

/// The hand-written reader and writer name each kind as the types' own serialization does.
#[test]
fn every_kind_is_spelled_as_the_types_write_it() {
    use heist_ledger::model::{
        ActorKind, Category, Confidence, CooperationKind, DateBasis, EnforcementKind, FigureScope, NodeKind,
        Origin, SourceKind, Vector,
    };
    fn check<T: serde::Serialize + std::fmt::Debug>(all: &[T], slug: fn(&T) -> &'static str) {
        for v in all {
            assert_eq!(serde_json::to_string(v).expect("serializes"), format!("\"{}\"", slug(v)), "{v:?}");
        }
    }
    check(&Category::ALL, |v| v.slug());
    check(&Confidence::ALL, |v| v.slug());
    check(&SourceKind::ALL, |v| v.slug());
    check(&Vector::ALL, |v| v.slug());
    check(&NodeKind::ALL, |v| v.slug());
    check(&EnforcementKind::ALL, |v| v.slug());
    check(&Origin::ALL, |v| v.slug());
    check(&FigureScope::ALL, |v| v.slug());
    check(&CooperationKind::ALL, |v| v.slug());
    check(&ActorKind::ALL, |v| v.slug());
    check(&DateBasis::ALL, |v| v.slug());
}

/// The hand-written reader reads every value of the shipped dataset: written back by the
/// types' own serialization, the dataset is the file it was read from (every kind of edge
/// basis, the outlook, the version 3 fields, the freezes and recoveries and the flows'
/// splits over time included).
#[test]
fn the_reader_reads_back_what_the_types_write() {
    let text = include_str!("../public/data/incidents.json");
    let today = heist_ledger::model::Date::new(2100, 1, 1);
    let data = heist_ledger::load::parse_dataset(text.as_bytes(), "incidents.json", today).expect("reads");
    let file: serde_json::Value = serde_json::from_str(text).expect("the shipped data");
    let written = serde_json::to_value(&data).expect("serializes");
    assert!(written == file, "the dataset read and written back differs from the file");
    let kinds: std::collections::BTreeSet<&str> =
        data.flows.iter().flat_map(|f| &f.edges).filter_map(|e| e.basis.as_ref().map(|b| b.slug())).collect();
    assert_eq!(kinds.len(), 5, "every kind of basis is in the shipped data: {kinds:?}");
    let coop: std::collections::BTreeSet<&str> = data.cooperation.iter().map(|e| e.kind.slug()).collect();
    assert_eq!(coop.len(), 4, "every kind of freeze, seizure, recovery or refusal is in the shipped data");
    assert!(data.cooperation.iter().any(|e| e.within.is_some() && !e.returned), "an event within another");
    assert!(data.cooperation.iter().any(|e| e.returned), "an event returned to its victim");
    assert!(
        data.flows.iter().flat_map(|f| &f.status).any(|p| !p.stages.is_empty()),
        "a split with its route stages"
    );
}
