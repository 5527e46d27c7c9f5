//! The published JSON Schema (`public/data/incidents.schema.json`) is generated from the
//! Rust types; this test fails when the committed file is stale. `make schema` rewrites it.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::model::Dataset;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/incidents.schema.json");

fn generated() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert("$id".into(), "incidents.schema.json".into());
    schema.insert(
        "description".into(),
        "Heist Ledger incident dataset: DPRK-attributed crypto thefts, reported totals, laundering flows and enforcement actions. Generated from the Rust types in src/model.rs; do not edit by hand (run `make schema`).".into(),
    );
    serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n"
}

#[test]
fn published_schema_matches_the_rust_types() {
    let fresh = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &fresh).expect("write the schema");
        return;
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        committed == fresh,
        "public/data/incidents.schema.json is stale: run `make schema` and commit the result"
    );
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
