//! The data as files for reuse, for each real release: every CSV row fits its table
//! schema in `datapackage.json` (fields, types, required values, primary and foreign keys),
//! the descriptor names the release, licence and sources, the zip reads back with every
//! file intact, the Atom feed is XML and the JSON Feed has its required fields, and the
//! repository's CITATION.cff is the current release's.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{HashMap, HashSet};

use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};
use heist_ledger::package::{self, Site};
use serde_json::Value;

mod reading;
use reading::read_csv;

const RELEASES: [&str; 2] =
    [include_str!("../data/releases/2026-12-01.json"), include_str!("../data/releases/2026-12-02.json")];
const CITATION_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/CITATION.cff");
const SHIPPED: &str = include_str!("../public/data/incidents.json");

fn load(text: &str) -> Dataset {
    parse_dataset(text.as_bytes(), "release.json", Date::new(2100, 1, 1)).unwrap_or_else(|e| panic!("{e}"))
}

fn site() -> Site {
    Site::new("https://example.org/heist-ledger/")
}

/// True when `value` is a valid value of Table Schema `kind`.
fn fits(kind: &str, value: &str) -> bool {
    match kind {
        "string" => true,
        "number" => value.parse::<f64>().is_ok_and(f64::is_finite),
        "integer" => value.parse::<i64>().is_ok(),
        "boolean" => value == "true" || value == "false",
        "date" => Date::parse(value).is_ok(),
        other => panic!("unknown type {other}"),
    }
}

fn files_of(data: &Dataset) -> HashMap<String, Vec<u8>> {
    package::files(data, &site()).into_iter().collect()
}

#[test]
fn every_row_of_every_table_fits_its_schema_in_each_release() {
    for text in RELEASES {
        let data = load(text);
        let files = files_of(&data);
        let descriptor: Value = serde_json::from_slice(&files["datapackage.json"]).expect("JSON");
        let mut keys: HashMap<String, HashSet<String>> = HashMap::new();
        let resources = descriptor["resources"].as_array().expect("resources");
        // Tables first, then the references between them.
        let mut tables: Vec<(String, Vec<String>, Vec<Vec<String>>)> = Vec::new();
        for r in resources {
            let name = r["name"].as_str().expect("name").to_string();
            let path = r["path"].as_str().expect("path");
            let rows = read_csv(std::str::from_utf8(&files[path]).expect("UTF-8"));
            let fields = r["schema"]["fields"].as_array().expect("fields");
            let names: Vec<String> =
                fields.iter().map(|f| f["name"].as_str().expect("name").to_string()).collect();
            assert_eq!(rows[0], names, "{name}: the header row is the schema's fields");
            for (k, row) in rows[1..].iter().enumerate() {
                assert_eq!(row.len(), names.len(), "{name} row {k}: one value per field");
                for (f, value) in fields.iter().zip(row) {
                    let required = f["constraints"]["required"].as_bool().unwrap_or(false);
                    if value.is_empty() {
                        assert!(!required, "{name} row {k}: {} is required", f["name"]);
                    } else {
                        assert!(
                            fits(f["type"].as_str().expect("type"), value),
                            "{name} row {k}: {} = {value:?}",
                            f["name"]
                        );
                    }
                }
            }
            let pk: Vec<usize> = r["schema"]["primaryKey"]
                .as_array()
                .expect("a primary key")
                .iter()
                .map(|k| names.iter().position(|n| n == k.as_str().expect("name")).expect("a field"))
                .collect();
            let mut seen = HashSet::new();
            for row in &rows[1..] {
                let key: Vec<&str> = pk.iter().map(|&i| row[i].as_str()).collect();
                assert!(seen.insert(key.join("\u{1f}")), "{name}: primary key {key:?} is unique");
            }
            if pk.len() == 1 {
                keys.insert(name.clone(), rows[1..].iter().map(|r| r[pk[0]].clone()).collect());
            }
            tables.push((name, names, rows));
        }
        for r in resources {
            let name = r["name"].as_str().expect("name");
            let (_, names, rows) = tables.iter().find(|(n, _, _)| n == name).expect("the table");
            for fk in r["schema"]["foreignKeys"].as_array().into_iter().flatten() {
                let column =
                    names.iter().position(|n| n == fk["fields"].as_str().expect("field")).expect("a field");
                let target = &keys[fk["reference"]["resource"].as_str().expect("resource")];
                for row in &rows[1..] {
                    assert!(
                        row[column].is_empty() || target.contains(&row[column]),
                        "{name}: {} names a known key",
                        row[column]
                    );
                }
            }
        }
        // Each table holds every record of its list.
        let count = |n: &str| tables.iter().find(|(t, _, _)| t == n).map(|(_, _, r)| r.len() - 1);
        assert_eq!(count("incidents"), Some(data.incidents.len()));
        assert_eq!(count("sources"), Some(data.sources.len()));
        assert_eq!(count("cooperation"), Some(data.cooperation.len()));
        assert_eq!(count("rates"), Some(data.rates.len()));
        assert_eq!(count("flow_status"), Some(data.flows.iter().map(|f| f.status.len()).sum()));
        assert_eq!(count("flow_edges"), Some(data.flows.iter().map(|f| f.edges.len()).sum()));
    }
}

#[test]
fn the_descriptor_names_the_release_licence_and_sources() {
    for text in RELEASES {
        let data = load(text);
        let files = files_of(&data);
        let d: Value = serde_json::from_slice(&files["datapackage.json"]).expect("JSON");
        assert_eq!(d["version"], data.release.id.as_str());
        assert_eq!(d["profile"], "tabular-data-package");
        assert!(d["licenses"][0]["name"].as_str().is_some_and(|n| !n.is_empty()));
        assert_eq!(d["sources"].as_array().map(Vec::len), Some(data.sources.len()));
        for r in d["resources"].as_array().expect("resources") {
            assert!(files.contains_key(r["path"].as_str().expect("path")), "{} is in the package", r["path"]);
        }
        let readme = String::from_utf8(files["README.md"].clone()).expect("text");
        assert!(readme.contains(&format!("release {}", data.release.id)), "the README names its release");
    }
}

/// The files of a zip archive, read from its local headers, each checked against its CRC.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let mut out = Vec::new();
    let mut at = 0;
    while u32_at(at) == 0x0403_4b50 {
        assert_eq!(u16_at(at + 8), 0, "stored");
        let (crc, size) = (u32_at(at + 14), u32_at(at + 18) as usize);
        let (name_len, extra_len) = (u16_at(at + 26), u16_at(at + 28));
        let name = String::from_utf8(bytes[at + 30..at + 30 + name_len].to_vec()).expect("a UTF-8 name");
        let start = at + 30 + name_len + extra_len;
        let body = bytes[start..start + size].to_vec();
        assert_eq!(crc32fast::hash(&body), crc, "{name}: its checksum");
        out.push((name, body));
        at = start + size;
    }
    let end = bytes.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "the archive ends with its directory record");
    assert_eq!(u16_at(end + 10), out.len(), "the directory counts every file");
    let directory = u32_at(end + 16) as usize;
    assert_eq!(directory, at, "the directory follows the files");
    for k in 0..out.len() {
        let mut p = directory;
        for _ in 0..k {
            p += 46 + u16_at(p + 28) + u16_at(p + 30) + u16_at(p + 32);
        }
        assert_eq!(u32_at(p), 0x0201_4b50, "directory entry {k}");
    }
    out
}

#[test]
fn the_zip_reads_back_with_every_file_intact() {
    let data = load(RELEASES[1]);
    let files = package::files(&data, &site());
    let back = unzip(&package::zip(&files));
    assert_eq!(back, files);
    assert_eq!(package::zip(&files), package::zip(&files), "the same data give the same bytes");
}

#[test]
fn the_atom_feed_is_xml_with_an_entry_per_release_linking_its_folder() {
    let data = load(RELEASES[1]);
    let atom = package::atom(&data, &site());
    let doc = roxmltree::Document::parse(&atom).expect("well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
    for required in ["title", "id", "updated"] {
        assert!(feed.children().any(|n| n.has_tag_name(required)), "the feed has its {required}");
    }
    let entries: Vec<_> = feed.children().filter(|n| n.has_tag_name("entry")).collect();
    assert_eq!(entries.len(), data.changes.len());
    for (entry, change) in entries.iter().zip(&data.changes) {
        let link = entry
            .children()
            .find(|n| n.has_tag_name("link"))
            .and_then(|l| l.attribute("href"))
            .expect("a link");
        assert_eq!(link, format!("https://example.org/heist-ledger/v/{}/", change.release));
        let content =
            entry.children().find(|n| n.has_tag_name("content")).and_then(|c| c.text()).expect("content");
        assert!(content.contains(&format!("Added ({})", change.added.len())) || change.added.is_empty());
        assert!(
            content.contains(&format!("Revised ({})", change.revised.len())) || change.revised.is_empty()
        );
    }
}

#[test]
fn the_json_feed_has_the_fields_json_feed_1_1_requires() {
    let data = load(RELEASES[1]);
    let feed: Value = serde_json::from_str(&package::json_feed(&data, &site())).expect("JSON");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(feed["title"].as_str().is_some_and(|t| !t.is_empty()));
    let items = feed["items"].as_array().expect("items");
    assert_eq!(items.len(), data.changes.len());
    let mut ids = HashSet::new();
    for item in items {
        assert!(ids.insert(item["id"].as_str().expect("an id").to_string()), "ids are unique");
        assert!(item["content_html"].as_str().is_some_and(|c| !c.is_empty()), "content");
        assert!(item["url"].as_str().is_some_and(|u| u.starts_with("https://example.org/heist-ledger/v/")));
        let date = item["date_published"].as_str().expect("a date");
        assert!(Date::parse(&date[..10]).is_ok() && date.ends_with("T00:00:00Z"), "{date}: RFC 3339");
    }
}

/// `CITATION.cff` at the repository root is the current release's; `UPDATE_DATA=1 cargo
/// test --test package` rewrites it (with `--test dataset`, when a release is cut).
#[test]
fn the_repositorys_citation_file_is_the_current_releases() {
    let data = load(SHIPPED);
    let fresh = package::citation_cff(&data, &Site::new("/heist-ledger/"));
    if std::env::var_os("UPDATE_DATA").is_some() {
        std::fs::write(CITATION_PATH, &fresh).expect("write CITATION.cff");
        return;
    }
    let committed = std::fs::read_to_string(CITATION_PATH).unwrap_or_default();
    assert_eq!(committed, fresh, "CITATION.cff is stale: run `UPDATE_DATA=1 cargo test --test package`");
    for line in [
        "cff-version: 1.2.0".to_string(),
        format!("version: \"{}\"", data.release.id),
        format!("date-released: \"{}\"", data.release.date),
    ] {
        assert!(fresh.lines().any(|l| l == line), "{line}");
    }
}

#[test]
fn the_rates_table_holds_every_exchange_rate_with_its_source() {
    let data = load(SHIPPED);
    assert!(!data.rates.is_empty(), "the shipped data holds exchange rates");
    let files = files_of(&data);
    let descriptor: Value = serde_json::from_slice(&files["datapackage.json"]).expect("JSON");
    let rates = descriptor["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|r| r["name"] == "rates")
        .expect("a rates table in the descriptor");
    assert_eq!(rates["path"], "data/rates.csv");
    let rows = read_csv(std::str::from_utf8(&files["data/rates.csv"]).expect("UTF-8"));
    assert_eq!(rows[0], ["currency", "kind", "period", "per_usd", "source", "note"]);
    assert_eq!(rows.len() - 1, data.rates.len());
    for (row, rate) in rows[1..].iter().zip(&data.rates) {
        assert_eq!(row[0], rate.currency.slug());
        assert_eq!(row[2], rate.period);
        assert_eq!(row[3].parse::<f64>().ok(), Some(rate.per_usd), "the rate as the data holds it");
        assert_eq!(row[4], rate.source);
    }
}
