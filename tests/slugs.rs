//! One slug mechanism for the dataset's enums (issue 17): each enum's `slug()` is
//! hand-written beside a serde derive, and the loader reads the JSON by `slug()` while the
//! writer and the published schema use serde's names. These tests hold the two together:
//! every variant's slug is its serde name, and every serde name (read from the generated
//! JSON Schema, which serde's own attributes drive) belongs to a variant in the enum's
//! `ALL` list, so a variant left out of `ALL` fails too.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::time::{SystemTime, UNIX_EPOCH};

use heist_ledger::load::parse_dataset;
use heist_ledger::model::{
    ActorKind, Category, Confidence, CooperationKind, Date, DateBasis, EdgeBasis, EnforcementKind,
    FigureScope, NodeKind, Origin, SourceKind, StatusMeasure, Vector,
};
use serde_json::Value;

/// Every string a schema allows for a value: `enum` members and `const`s, however nested
/// (`oneOf` with a description per variant, as schemars writes documented variants).
fn schema_names(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get("const") {
                out.insert(s.clone());
            }
            if let Some(Value::Array(items)) = map.get("enum") {
                out.extend(items.iter().filter_map(Value::as_str).map(str::to_string));
            }
            for (key, value) in map {
                if key != "enum" && key != "const" {
                    schema_names(value, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| schema_names(v, out)),
        _ => {}
    }
}

/// Checks one unit-variant enum: each variant in `ALL` serializes to its slug, the slugs
/// are distinct, and they are exactly the names serde gives the enum's variants.
macro_rules! slugs_are_serde_names {
    ($ty:ty) => {{
        let mut slugs = BTreeSet::new();
        for v in <$ty>::ALL {
            let json = serde_json::to_value(v).expect("an enum serializes");
            assert_eq!(json, Value::String(v.slug().to_string()), "{}::{v:?}", stringify!($ty));
            assert!(slugs.insert(v.slug().to_string()), "{} slug {} given twice", stringify!($ty), v.slug());
        }
        let schema = serde_json::to_value(schemars::schema_for!($ty)).expect("a schema serializes");
        let mut names = BTreeSet::new();
        schema_names(&schema, &mut names);
        assert_eq!(slugs, names, "{}: ALL's slugs against serde's variant names", stringify!($ty));
    }};
}

#[test]
fn every_enum_slug_is_its_serde_name_and_all_lists_every_variant() {
    slugs_are_serde_names!(Origin);
    slugs_are_serde_names!(SourceKind);
    slugs_are_serde_names!(Category);
    slugs_are_serde_names!(Vector);
    slugs_are_serde_names!(Confidence);
    slugs_are_serde_names!(FigureScope);
    slugs_are_serde_names!(NodeKind);
    slugs_are_serde_names!(EnforcementKind);
    slugs_are_serde_names!(CooperationKind);
    slugs_are_serde_names!(ActorKind);
    slugs_are_serde_names!(DateBasis);
}

/// One edge basis of each kind. The match below has no wildcard, so a new kind does not
/// compile until it is added here.
fn one_basis_of_each_kind() -> Vec<EdgeBasis> {
    let all = vec![
        EdgeBasis::Stated { quote: None, tokens_stated: None, lower_bound: false, parts: Vec::new() },
        EdgeBasis::Tokens {
            amount: 1.0,
            token: "ETH".into(),
            price_usd: 1.0,
            price_date: Date::new(2025, 2, 21),
            price_source: "s".into(),
            price_note: None,
            quote: None,
        },
        EdgeBasis::Share { share: 0.5, of_usd: 1.0, of: None, quote: None },
        EdgeBasis::Remainder { of_usd: 1.0, less_edges: Vec::new(), why: "w".into() },
        EdgeBasis::Carried { of_edges: Vec::new(), why: "w".into() },
    ];
    for b in &all {
        match b {
            EdgeBasis::Stated { .. }
            | EdgeBasis::Tokens { .. }
            | EdgeBasis::Share { .. }
            | EdgeBasis::Remainder { .. }
            | EdgeBasis::Carried { .. } => {}
        }
    }
    all
}

#[test]
fn every_edge_basis_slug_is_its_serde_kind_tag() {
    let mut slugs = BTreeSet::new();
    for b in one_basis_of_each_kind() {
        let json = serde_json::to_value(&b).expect("a basis serializes");
        assert_eq!(json["kind"], Value::String(b.slug().to_string()), "{b:?}");
        assert!(slugs.insert(b.slug().to_string()));
    }
    let schema = serde_json::to_value(schemars::schema_for!(EdgeBasis)).expect("a schema serializes");
    let mut names = BTreeSet::new();
    schema_names(&schema, &mut names);
    assert_eq!(slugs, names);
}

#[test]
fn every_status_measure_slug_is_the_json_field_of_its_share_and_dollars() {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let today = Date::from_days_since_epoch((secs / 86_400) as i64);
    let shipped = include_str!("../public/data/incidents.json");
    let data = parse_dataset(shipped.as_bytes(), "incidents.json", today).unwrap_or_else(|e| panic!("{e}"));
    let points: Vec<_> = data.flows.iter().flat_map(|f| &f.status).collect();
    assert!(!points.is_empty(), "the shipped dataset has published splits to check against");
    let mut seen = BTreeSet::new();
    for p in points {
        let json = serde_json::to_value(p).expect("a status point serializes");
        for m in StatusMeasure::ALL {
            let share = json.get(m.slug()).and_then(Value::as_f64);
            let usd = json.get(format!("{}_usd", m.slug())).and_then(Value::as_f64);
            assert_eq!(share, p.share(m), "{m:?} share");
            assert_eq!(usd, p.usd(m), "{m:?} dollars");
            if share.is_some() {
                seen.insert(m.slug());
            }
        }
    }
    assert!(seen.len() >= 2, "the check ran against real values: {seen:?}");
}
