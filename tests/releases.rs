//! Citable releases: the release the site ships is frozen unchanged under `data/releases/`,
//! every frozen release is named after itself and validates, and `versions.json` lists the
//! releases newest first with the current one marked, so an old release can tell its
//! reader that newer data exists.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{SystemTime, UNIX_EPOCH};

use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date, Release};
use heist_ledger::release::{self, Version};

const SHIPPED: &str = include_str!("../public/data/incidents.json");
const RELEASES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/releases");

fn today() -> Date {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

fn fixture_release(id: &str, date: Date, incidents: usize) -> Dataset {
    let mut d: Dataset = heist_ledger::load::parse_dataset(
        include_str!("fixtures/minimal.json").as_bytes(),
        "minimal.json",
        heist_ledger::model::Date::new(2100, 1, 1),
    )
    .unwrap();
    d.release = Release { id: id.to_string(), date };
    d.incidents.truncate(incidents);
    d
}

/// A release cannot change after it is cut: the published file must be byte for byte the
/// frozen copy named after its release id.
#[test]
fn the_shipped_release_is_frozen_unchanged_in_data_releases() {
    let shipped: Dataset = heist_ledger::load::parse_dataset(
        SHIPPED.as_bytes(),
        "incidents.json",
        heist_ledger::model::Date::new(2100, 1, 1),
    )
    .unwrap();
    let frozen_path = format!("{RELEASES_DIR}/{}.json", shipped.release.id);
    let frozen = std::fs::read_to_string(&frozen_path).unwrap_or_else(|e| {
        panic!("release {} has no frozen copy at {frozen_path} ({e}): cut it by copying public/data/incidents.json there", shipped.release.id)
    });
    assert!(
        frozen == SHIPPED,
        "public/data/incidents.json differs from {frozen_path}: release {} was already cut and must not change; \
         give the new data a new release id (data/meta.json, data/changes.json) and freeze it as a new file",
        shipped.release.id
    );
}

#[test]
fn every_frozen_release_is_named_after_its_release_and_validates() {
    let mut seen = 0;
    for entry in std::fs::read_dir(RELEASES_DIR).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let data =
            parse_dataset(&bytes, &path.display().to_string(), today()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(path.extension().and_then(|e| e.to_str()), Some("json"), "{}", path.display());
        assert_eq!(
            path.file_stem().and_then(|s| s.to_str()),
            Some(data.release.id.as_str()),
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 1, "data/releases holds at least the shipped release");
}

#[test]
fn versions_json_lists_releases_newest_first_with_the_current_one_marked() {
    let a = fixture_release("2025-06-01", Date::new(2025, 6, 1), 1);
    let b = fixture_release("2025-06-01.1", Date::new(2025, 6, 1), 2);
    let c = fixture_release("2025-09-15", Date::new(2025, 9, 15), 3);
    let versions = release::index(&[a.clone(), c.clone(), b.clone()], "2025-09-15");
    let ids: Vec<&str> = versions.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(
        ids,
        ["2025-09-15", "2025-06-01.1", "2025-06-01"],
        "newest first, a same-day re-release after the first"
    );
    for (v, d) in versions.iter().zip([&c, &b, &a]) {
        assert_eq!(v.path, format!("v/{}/", d.release.id));
        assert_eq!(v.incidents, d.incidents.len());
        assert_eq!(v.date, d.release.date);
        assert_eq!(v.current, d.release.id == "2025-09-15");
    }
    let back = release::parse(&release::to_json(&versions)).unwrap();
    assert_eq!(back, versions, "versions.json reads back as written");
}

#[test]
fn only_an_old_listed_release_is_pointed_to_the_current_one() {
    let old = fixture_release("2025-06-01", Date::new(2025, 6, 1), 1);
    let new = fixture_release("2025-09-15", Date::new(2025, 9, 15), 2);
    let versions = release::index(&[old, new], "2025-09-15");
    let cases: [(&str, Option<&str>); 3] =
        [("2025-06-01", Some("2025-09-15")), ("2025-09-15", None), ("my-own-dataset", None)];
    for (shown, want) in cases {
        let got = release::newer(&versions, shown).map(|v: &Version| v.id.as_str());
        assert_eq!(got, want, "shown release {shown}");
    }
}

#[test]
fn a_broken_versions_json_is_refused_with_a_reason() {
    for text in ["", "{}", "<!doctype html><p>not found</p>", r#"[{"id": 3}]"#] {
        let err = release::parse(text).expect_err(text);
        assert!(err.contains("versions.json"), "{text}: {err}");
    }
}
