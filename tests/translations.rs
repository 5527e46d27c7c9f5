//! The data's Korean and Japanese texts: every incident's summary, every flow stage's label
//! and every enforcement title has both, each marked with how it was made; every figure of
//! the English survives in them digit for digit; and their fingerprints are the English
//! texts' own (the validator calls any other stale).
//!
//! `STAMP_TRANSLATIONS=1 cargo test --test translations` fills in the fingerprint of every
//! translation whose `en_fingerprint` is `""` (a new translation) from the English it
//! translates, in the files under `data/`. It never touches a fingerprint already set: a
//! stale translation must be translated again, not stamped.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;

use heist_ledger::load::{assemble, parse_dataset};
use heist_ledger::model::{fingerprint, Dataset, Date, Translations};

const SHIPPED: &str = include_str!("../public/data/incidents.json");
const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

/// The locales every record must be translated into.
const REQUIRED: [&str; 2] = ["ko", "ja"];

fn shipped() -> Dataset {
    parse_dataset(SHIPPED.as_bytes(), "incidents.json", Date::new(2100, 1, 1))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Every translatable text of the data: where it is, the field, its English and its
/// translations.
fn texts(data: &Dataset) -> Vec<(String, &'static str, &str, &Translations)> {
    let mut out = Vec::new();
    for i in &data.incidents {
        let at = format!("incident {}", i.id);
        out.push((at.clone(), "summary", i.summary.as_str(), &i.translations));
        if let Some(note) = &i.amount_note {
            out.push((at.clone(), "amount_note", note.as_str(), &i.translations));
        }
        out.push((at.clone(), "vector_detail", i.vector_detail.as_str(), &i.translations));
        if let Some(note) = &i.attribution.note {
            out.push((at, "attribution_note", note.as_str(), &i.translations));
        }
    }
    for f in &data.flows {
        for n in &f.nodes {
            out.push((
                format!("flow {} node {}", f.incident, n.id),
                "label",
                n.label.as_str(),
                &n.translations,
            ));
        }
    }
    for e in &data.enforcement {
        out.push((format!("enforcement {}", e.id), "title", e.title.as_str(), &e.translations));
    }
    out
}

/// The figures in a text: each run of digits, with the `.` and `,` inside it (`1,460`,
/// `4.3`, `2025`), trailing punctuation left off.
fn figures(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k].is_ascii_digit() {
            let start = k;
            while k < bytes.len() && (bytes[k].is_ascii_digit() || bytes[k] == b'.' || bytes[k] == b',') {
                k += 1;
            }
            out.push(text[start..k].trim_end_matches(['.', ',']));
        } else {
            k += 1;
        }
    }
    out
}

#[test]
fn every_summary_stage_label_and_enforcement_title_has_korean_and_japanese() {
    // Incidents' longer notes are translated too, but kept out of the published file
    // (data/research/2026-12-03/incident-texts-ko-ja.json): tests/large.rs holds the
    // dataset to 100,000 incidents of the shipped size within the load limit.
    let data = shipped();
    let mut missing = Vec::new();
    for (at, field, _, translations) in texts(&data) {
        if !matches!(field, "summary" | "label" | "title") {
            continue;
        }
        for locale in REQUIRED {
            let has = translations.get(locale).and_then(|t| t.texts.get(field)).is_some();
            if !has {
                missing.push(format!("{at}: {field} in {locale}"));
            }
        }
    }
    assert!(missing.is_empty(), "{} texts have no translation:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn translations_keep_every_figure_of_the_english_digit_for_digit() {
    let data = shipped();
    let mut lost = Vec::new();
    for (at, field, english, translations) in texts(&data) {
        for (locale, t) in translations {
            let Some(text) = t.texts.get(field) else { continue };
            for figure in figures(english) {
                if !text.text.contains(figure) {
                    lost.push(format!("{at}: {field} in {locale} lacks \"{figure}\""));
                }
            }
        }
    }
    assert!(lost.is_empty(), "figures changed or dropped in translation:\n{}", lost.join("\n"));
}

#[test]
fn the_shipped_translations_are_marked_machine_made_and_unreviewed() {
    // Written by a model for this release; a person who reads both languages may set
    // `method: human` or `reviewed: true` only after checking them.
    let data = shipped();
    let mut count = 0;
    for (_, _, _, translations) in texts(&data) {
        for t in translations.values() {
            assert_eq!(t.method.slug(), "machine");
            assert!(!t.reviewed);
            count += 1;
        }
    }
    assert!(count > 0, "the shipped data has translations");
}

#[test]
fn figures_are_digit_runs_with_their_separators() {
    assert_eq!(figures("about $4.3M and 1,460 ETH on 2 June 2025."), ["4.3", "1,460", "2", "2025"]);
    assert_eq!(figures("no digits"), Vec::<&str>::new());
    assert_eq!(figures("USD0++, 11:30 UTC"), ["0", "11", "30"]);
}

/// Replaces each `"en_fingerprint": ""` in `text` with the fingerprint of the English of
/// the field whose object holds it; `english(id, field)` gives that English, `id` being the
/// nearest `"id"` (or `"incident"`) before it, the record or flow node the translations
/// close. Returns the new text and how many were filled.
fn stamp(text: &str, english: &dyn Fn(&str, &str) -> Option<String>) -> Result<(String, usize), String> {
    const EMPTY: &str = "\"en_fingerprint\": \"\"";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut done = 0;
    while let Some(at) = rest.find(EMPTY) {
        let before = &text[..text.len() - rest.len() + at];
        let field = last_key_opening_object(before).ok_or("no field name before an empty fingerprint")?;
        let id = last_string_of(before, "\"id\": \"")
            .or_else(|| last_string_of(before, "\"incident\": \""))
            .ok_or("no record id before an empty fingerprint")?;
        let en =
            english(&id, &field).ok_or_else(|| format!("{id} has no English `{field}` to fingerprint"))?;
        out.push_str(&rest[..at]);
        out.push_str(&format!("\"en_fingerprint\": \"{}\"", fingerprint(&en)));
        rest = &rest[at + EMPTY.len()..];
        done += 1;
    }
    out.push_str(rest);
    Ok((out, done))
}

/// The key of the last `"key": {` in `text`.
fn last_key_opening_object(text: &str) -> Option<String> {
    let open = text.rfind("\": {")?;
    let start = text[..open].rfind('"')? + 1;
    Some(text[start..open].to_string())
}

/// The value of the last `prefix…"` in `text`.
fn last_string_of(text: &str, prefix: &str) -> Option<String> {
    let start = text.rfind(prefix)? + prefix.len();
    let end = text[start..].find('"')? + start;
    Some(text[start..end].to_string())
}

#[test]
fn stamping_fills_only_empty_fingerprints_from_the_english_of_their_field() {
    let text = "{\n  \"id\": \"a-2024\",\n  \"translations\": {\n    \"ko\": {\n      \"texts\": {\n        \"summary\": {\n          \"text\": \"요약\",\n          \"en_fingerprint\": \"\"\n        },\n        \"title\": {\n          \"text\": \"제목\",\n          \"en_fingerprint\": \"fnv1a64:0000000000000000\"\n        }\n      }\n    }\n  }\n}\n";
    let english =
        |id: &str, field: &str| (id == "a-2024" && field == "summary").then(|| "Summary.".to_string());
    let (stamped, n) = stamp(text, &english).expect("stamps");
    assert_eq!(n, 1);
    assert!(stamped.contains(&format!("\"en_fingerprint\": \"{}\"", fingerprint("Summary."))));
    assert!(stamped.contains("fnv1a64:0000000000000000"), "a set fingerprint is left alone, stale or not");
    let unknown = |_: &str, _: &str| None;
    assert!(stamp(text, &unknown).is_err(), "an English text that is not there is an error, not a guess");
}

/// With `STAMP_TRANSLATIONS=1`, fills in the empty fingerprints of the files under `data/`.
#[test]
fn stamp_new_translations_when_asked() {
    if std::env::var_os("STAMP_TRANSLATIONS").is_none() {
        return;
    }
    let data = assemble(Path::new(DATA_DIR)).unwrap_or_else(|e| panic!("{e}"));
    let english = |id: &str, field: &str| -> Option<String> {
        if let Some(i) = data.incidents.iter().find(|i| i.id == id) {
            return match field {
                "summary" => Some(i.summary.clone()),
                "amount_note" => i.amount_note.clone(),
                "vector_detail" => Some(i.vector_detail.clone()),
                "attribution_note" => i.attribution.note.clone(),
                _ => None,
            };
        }
        if let Some(e) = data.enforcement.iter().find(|e| e.id == id) {
            return (field == "title").then(|| e.title.clone());
        }
        None
    };
    let mut files: Vec<std::path::PathBuf> = vec![Path::new(DATA_DIR).join("enforcement.json")];
    for dir in ["incidents", "flows"] {
        let mut found: Vec<_> = std::fs::read_dir(Path::new(DATA_DIR).join(dir))
            .expect("a data folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        found.sort();
        files.extend(found);
    }
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let flow = data.flows.iter().find(|f| path.file_stem().is_some_and(|s| s == f.incident.as_str()));
        let in_flow = |id: &str, field: &str| -> Option<String> {
            let node = flow?.nodes.iter().find(|n| n.id == id)?;
            (field == "label").then(|| node.label.clone())
        };
        let lookup: &dyn Fn(&str, &str) -> Option<String> =
            if path.parent().is_some_and(|p| p.ends_with("flows")) { &in_flow } else { &english };
        let (stamped, n) = stamp(&text, lookup).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if n > 0 {
            std::fs::write(&path, stamped).expect("writable");
        }
    }
}
