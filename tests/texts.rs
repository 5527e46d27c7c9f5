//! The incidents' longer texts in Korean and Japanese, in files of their own beside the
//! dataset (`public/data/texts/incidents.LANG.json`, issue 17): every one current against
//! the shipped dataset; a file naming an incident or a field the dataset lacks refused, by
//! the check and by the build; a stale text flagged exactly as the validator flags a stale
//! translation in a record, and shown as English with a note; and the detail panel showing
//! each text in the reader's language with its machine-translation note, English marked
//! `lang="en"` where there is none.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::rc::Rc;

use heist_ledger::html;
use heist_ledger::lang::Locale;
use heist_ledger::load::{parse_dataset, texts};
use heist_ledger::model::{fingerprint, Dataset, Date, FileText, IncidentTexts, Vector};
use heist_ledger::phrase::{self, Words};
use heist_ledger::render::svg::escape;
use proptest::prelude::*;

#[path = "common/schema.rs"]
mod schema;

const SHIPPED: &str = include_str!("../public/data/incidents.json");
const KO: &str = include_str!("../public/data/texts/incidents.ko.json");
const JA: &str = include_str!("../public/data/texts/incidents.ja.json");
const RESEARCH: &str = include_str!("../data/research/2026-12-03/incident-texts-ko-ja.json");
const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/texts/texts.schema.json");

/// The fields the files translate (the summary is translated in the record).
const FIELDS: [&str; 3] = ["vector_detail", "amount_note", "attribution_note"];

fn shipped() -> Dataset {
    parse_dataset(SHIPPED.as_bytes(), "incidents.json", Date::new(2100, 1, 1))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The shipped dataset, read once for the property tests' many cases.
fn shared() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(shipped)
}

fn file(text: &str) -> IncidentTexts {
    texts::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn words(l: Locale) -> Rc<Words> {
    let path = format!("{}/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), l.code());
    Rc::new(Words::parse(l, &std::fs::read_to_string(path).unwrap()).unwrap())
}

/// The English of `field` of an incident, where it has one.
fn english<'a>(i: &'a heist_ledger::model::Incident, field: &str) -> Option<&'a str> {
    heist_ledger::validate::incident_fields(i).into_iter().find(|(n, _)| *n == field).and_then(|(_, en)| en)
}

/// An incident's attack vector, read from the shipped file (the field is not public).
fn vector_of(id: &str) -> Vector {
    let raw: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    let incident = raw["incidents"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap();
    let slug = incident["vector"].as_str().unwrap();
    Vector::ALL.into_iter().find(|v| v.slug() == slug).unwrap()
}

/// One text of `field` for incident `id`, as a file holds it.
fn one_text(locale: &str, id: &str, field: &str, text: &str, en_fingerprint: &str) -> String {
    format!(
        r#"{{"locale": "{locale}", "incidents": {{"{id}": {{"{field}": {{"text": "{text}", "method": "machine", "reviewed": false, "date": "2026-12-03", "en_fingerprint": "{en_fingerprint}"}}}}}}}}"#
    )
}

#[test]
fn every_incident_note_has_a_current_korean_and_japanese_text_322_in_all() {
    let data = shipped();
    let mut count = 0;
    for (locale, text) in [("ko", KO), ("ja", JA)] {
        let f = file(text);
        assert_eq!(f.locale, locale);
        let problems = texts::check(&f, &data);
        assert!(problems.is_empty(), "{locale}: {problems:#?}");
        let fitted = texts::fit(&f, &data).unwrap();
        assert!(fitted.stale.is_empty());
        let mut missing = Vec::new();
        for i in &data.incidents {
            for field in FIELDS {
                if english(i, field).is_none() {
                    continue;
                }
                match fitted.get(&i.id, field) {
                    FileText::Current(t) => {
                        assert_eq!(t.method.slug(), "machine");
                        assert!(!t.reviewed, "{}: no person has reviewed it", i.id);
                        count += 1;
                    }
                    _ => missing.push(format!("{} {field} in {locale}", i.id)),
                }
            }
        }
        assert!(missing.is_empty(), "texts missing: {missing:?}");
    }
    assert_eq!(count, 322, "the 322 texts of data/research/2026-12-03");
}

#[test]
fn the_files_hold_the_research_translations_unchanged() {
    let research: serde_json::Value = serde_json::from_str(RESEARCH).unwrap();
    let mut compared = 0;
    for (locale, text) in [("ko", KO), ("ja", JA)] {
        let f = file(text);
        let mut held = 0;
        for (id, by_locale) in research["incidents"].as_object().unwrap() {
            for (field, t) in by_locale[locale].as_object().unwrap() {
                let ours = &f.incidents[id][field];
                assert_eq!(ours.text, t["text"].as_str().unwrap(), "{locale} {id} {field}");
                assert_eq!(ours.en_fingerprint, t["en_fingerprint"].as_str().unwrap());
                assert_eq!(ours.date, Date::new(2026, 12, 3));
                held += 1;
            }
        }
        assert_eq!(
            held,
            f.incidents.values().map(|m| m.len()).sum::<usize>(),
            "{locale}: no text of our own"
        );
        compared += held;
    }
    assert_eq!(compared, 322);
}

#[test]
fn a_file_naming_what_the_dataset_lacks_is_refused_and_the_page_shows_english() {
    let data = shipped();
    let no_note =
        data.incidents.iter().find(|i| i.attribution.note.is_none()).expect("an incident without one");
    let any = &data.incidents[0];
    let fp = fingerprint(&any.vector_detail);
    // (case, file, where the problem is, what it says)
    let cases: Vec<(&str, String, String, &str)> = vec![
        (
            "an id the dataset lacks",
            one_text("ko", "no-such-heist-2099", "vector_detail", "x", &fp),
            "incidents.no-such-heist-2099".into(),
            "no incident has this id",
        ),
        (
            "a field that is not translatable",
            one_text("ko", &any.id, "victim", "x", &fp),
            format!("incidents.{}.victim", any.id),
            "is not a translatable field",
        ),
        (
            "a field the incident has no English for",
            one_text("ja", &no_note.id, "attribution_note", "x", &fp),
            format!("incidents.{}.attribution_note", no_note.id),
            "no English text for",
        ),
        (
            "an empty text",
            one_text("ko", &any.id, "vector_detail", " ", &fp),
            format!("incidents.{}.vector_detail.text", any.id),
            "must not be empty",
        ),
        (
            "a locale the data is not translated into",
            one_text("xx", &any.id, "vector_detail", "x", &fp),
            "locale".into(),
            "unknown locale",
        ),
    ];
    for (case, text, at, says) in cases {
        let f = file(&text);
        let problems = texts::check(&f, &data);
        assert_eq!(problems.len(), 1, "{case}: {problems:#?}");
        assert_eq!(problems[0].location, at, "{case}");
        assert!(problems[0].message.contains(says), "{case}: {}", problems[0].message);
        assert!(texts::fit(&f, &data).is_err(), "{case}: the page must not show this file");
    }
}

#[test]
fn a_broken_file_is_an_error_naming_where_not_a_panic() {
    let cases: &[(&str, &str)] = &[
        ("", "EOF"),
        ("[]", "struct IncidentTexts"),
        (r#"{"locale": "ko"}"#, "missing field `incidents`"),
        (r#"{"locale": "ko", "incidents": {}, "extra": 1}"#, "unknown field `extra`"),
        (
            r#"{"locale": "ko", "incidents": {"a": {"vector_detail": {"text": "x"}}}}"#,
            "missing field `method`",
        ),
        (
            r#"{"locale": "ko", "incidents": {"a": {"vector_detail": {"text": "x", "method": "guess", "reviewed": false, "date": "2026-12-03", "en_fingerprint": ""}}}}"#,
            "unknown variant `guess`",
        ),
        (
            r#"{"locale": "ko", "incidents": {"a": {"vector_detail": {"text": "x", "method": "machine", "reviewed": false, "date": "2026-02-30", "en_fingerprint": ""}}}}"#,
            "incidents.a.vector_detail.date",
        ),
        (r#"{"locale": "ko", "incidents": {"a": {}, "a": {}}}"#, "given twice"),
        (r#"{"locale": "ko", "incidents": {}} trailing"#, "trailing"),
        // A bad escape before a multi-byte character: the reader once sliced inside it.
        ("\"\\এ", "line 1 column"),
    ];
    for (text, says) in cases {
        let err = texts::parse(text).expect_err(text);
        assert!(err.contains(says), "{text:?}: {err}");
    }
}

#[test]
fn a_stale_text_is_flagged_as_the_validator_flags_a_stale_translation_in_its_record() {
    let mut data = shipped();
    let f = file(KO);
    let k = data.incidents.iter().position(|i| f.incidents.contains_key(&i.id)).unwrap();
    let id = data.incidents[k].id.clone();
    let text = f.incidents[&id]["vector_detail"].clone();
    data.incidents[k].vector_detail.push_str(" Revised since.");

    let problems = texts::check(&f, &data);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].location, format!("incidents.{id}.vector_detail.en_fingerprint"));

    // The same text in the record: the validator's words for it are the same.
    let mut in_record = data.clone();
    let own = in_record.incidents[k].translations.get_mut("ko").expect("every summary is in Korean");
    own.texts.insert("vector_detail".into(), text.as_translated());
    let said: Vec<_> = heist_ledger::validate::validate(&in_record, Date::new(2100, 1, 1))
        .into_iter()
        .filter(|p| p.location.ends_with("vector_detail.en_fingerprint"))
        .collect();
    assert_eq!(said.len(), 1, "{said:#?}");
    assert_eq!(said[0].message, problems[0].message);
    assert!(problems[0].message.contains("is stale"));

    // The page keeps every other text and shows this one's English, said to be stale.
    let fitted = Rc::new(texts::fit(&f, &data).unwrap());
    assert_eq!(fitted.get(&id, "vector_detail"), FileText::Stale);
    let i = &data.incidents[k];
    let markup = phrase::with(words(Locale::Ko), || {
        html::texts::with(Some(fitted.clone()), || html::detail(&data, i, None))
    });
    let stale = format!(
        r#"<bdi lang="en">{}</bdi> <span class="data-note" data-translation="stale">(번역이 영어 원문보다 오래됨: 영어로 표시)</span>"#,
        escape(&i.vector_detail)
    );
    assert!(markup.contains(&stale), "{markup}");
    assert!(!markup.contains(&escape(&text.text)));
}

#[test]
fn the_detail_panel_shows_each_note_and_the_attack_vectors_kind_in_the_readers_language_with_the_machine_translation_note(
) {
    let data = shipped();
    for (l, text, note) in
        [(Locale::Ko, KO, "(기계 번역, 검토되지 않음)"), (Locale::Ja, JA, "（機械翻訳、未レビュー）")]
    {
        let fitted = Rc::new(texts::fit(&file(text), &data).unwrap());
        let w = words(l);
        assert_eq!(
            phrase::with(w.clone(), || phrase::t("data.machine_unreviewed")),
            note,
            "the note's words"
        );
        for i in &data.incidents {
            let markup = phrase::with(w.clone(), || {
                html::texts::with(Some(fitted.clone()), || html::detail(&data, i, None))
            });
            // The attack vector's kind before its detail, in the reader's words too.
            let v = vector_of(&i.id);
            let kind = phrase::with(w.clone(), || phrase::vector(v));
            assert!(markup.contains(&format!("{}: <bdi", escape(&kind))), "{} kind: {markup}", i.id);
            assert!(!markup.contains(&format!("{}: ", v.label())), "{}: English kind", i.id);
            for field in FIELDS {
                let Some(en) = english(i, field) else { continue };
                let FileText::Current(t) = fitted.get(&i.id, field) else { panic!("{} {field}", i.id) };
                let shown = format!(
                    r#"<bdi lang="{}">{}</bdi> <span class="data-note" data-translation="machine">{note}</span>"#,
                    l.code(),
                    escape(&t.text)
                );
                assert!(markup.contains(&shown), "{} {field} in {}: {markup}", i.id, l.code());
                assert!(
                    !markup.contains(&format!(">{}<", escape(en))),
                    "{} {field}: English shown too",
                    i.id
                );
            }
        }
    }
}

#[test]
fn without_a_text_the_note_shows_in_english_marked_so_and_english_pages_are_unchanged() {
    let data = shipped();
    let i = data.incidents.iter().find(|i| i.amount_note.is_some()).unwrap();
    // French: no texts file holds any; Korean before (or without) its file.
    for l in [Locale::Fr, Locale::Ko] {
        let note = phrase::with(words(l), || phrase::t("data.english_only"));
        let markup = phrase::with(words(l), || html::detail(&data, i, None));
        for field in ["vector_detail", "amount_note"] {
            let en = english(i, field).unwrap();
            let shown = format!(
                r#"<bdi lang="en">{}</bdi> <span class="data-note" data-translation="none">{note}</span>"#,
                escape(en)
            );
            assert!(markup.contains(&shown), "{field} in {}: {markup}", l.code());
        }
    }
    // A note no file translates (on the recovery) reads the same way on the Korean page.
    // (Read from the file: the field is not public.)
    let raw: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    let first =
        raw["incidents"].as_array().unwrap().iter().find(|i| i["recovered_note"].is_string()).unwrap();
    let recovered = data.incidents.iter().find(|i| i.id == first["id"].as_str().unwrap()).unwrap();
    let note = phrase::with(words(Locale::Ko), || phrase::t("data.english_only"));
    let markup = phrase::with(words(Locale::Ko), || html::detail(&data, recovered, None));
    let shown = format!(
        r#"<bdi lang="en">{}</bdi> <span class="data-note" data-translation="none">{note}</span>"#,
        escape(first["recovered_note"].as_str().unwrap())
    );
    assert!(markup.contains(&shown), "{markup}");
    // The English page with the Korean texts in force (it never has them) is as it was.
    let fitted = Rc::new(texts::fit(&file(KO), &data).unwrap());
    let plain = html::detail(&data, i, None);
    let with = html::texts::with(Some(fitted), || html::detail(&data, i, None));
    assert_eq!(plain, with);
    assert!(plain.contains(&format!("<bdi>{}</bdi>", escape(&i.vector_detail))));
    // English names each attack vector's kind as the model's label always did.
    for v in Vector::ALL {
        assert_eq!(phrase::vector(v), v.label(), "{}", v.slug());
    }
    assert!(!plain.contains("lang="));
}

#[test]
fn the_build_refuses_a_texts_file_that_names_an_incident_the_dataset_lacks() {
    let dir = std::env::temp_dir().join(format!("heist-ledger-texts-{}", std::process::id()));
    let texts_dir = dir.join("texts");
    std::fs::create_dir_all(&texts_dir).unwrap();
    let fp = fingerprint("x");
    std::fs::write(
        texts_dir.join("incidents.ko.json"),
        one_text("ko", "no-such-heist-2099", "vector_detail", "x", &fp),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_render"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--data", "public/data/incidents.json", "--html"])
        .arg(dir.join("index.html"))
        .arg("--texts")
        .arg(&texts_dir)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("incidents.no-such-heist-2099: no incident has this id"), "{said}");
}

/// `text` (a texts file) with every empty `en_fingerprint` filled from the English of
/// `data` it translates, and how many were filled; a fingerprint already set is never
/// touched (a stale text must be translated again, not stamped). An id or field with no
/// English is an error, not a guess.
fn stamp(text: &str, data: &Dataset) -> Result<(String, usize), String> {
    let mut doc: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut n = 0;
    let incidents = doc["incidents"].as_object_mut().ok_or("no incidents object")?;
    for (id, fields) in incidents.iter_mut() {
        for (field, t) in fields.as_object_mut().ok_or(format!("{id} is not an object"))? {
            if t["en_fingerprint"] != "" {
                continue;
            }
            let en = data
                .incidents
                .iter()
                .find(|i| &i.id == id)
                .and_then(|i| english(i, field))
                .ok_or(format!("{id}.{field}: no English text to stamp from"))?;
            t["en_fingerprint"] = fingerprint(en).into();
            n += 1;
        }
    }
    Ok((serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n", n))
}

#[test]
fn stamping_fills_only_empty_fingerprints_from_the_english() {
    let data = shipped();
    let i = data.incidents.iter().find(|i| i.amount_note.is_some()).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(KO).unwrap();
    doc["incidents"][&i.id]["vector_detail"]["en_fingerprint"] = "".into();
    doc["incidents"][&i.id]["amount_note"]["en_fingerprint"] = "fnv1a64:0000000000000000".into();
    let (stamped, n) = stamp(&doc.to_string(), &data).unwrap();
    assert_eq!(n, 1);
    let f = file(&stamped);
    assert_eq!(f.incidents[&i.id]["vector_detail"].en_fingerprint, fingerprint(&i.vector_detail));
    assert_eq!(
        f.incidents[&i.id]["amount_note"].en_fingerprint, "fnv1a64:0000000000000000",
        "never restamped"
    );
    // The shipped file, with nothing to stamp, comes back byte for byte.
    assert_eq!(stamp(KO, &data).unwrap(), (KO.to_string(), 0));
    let unknown = one_text("ko", "no-such-heist-2099", "vector_detail", "x", "");
    assert!(stamp(&unknown, &data).is_err(), "an English text that is not there is an error, not a guess");
}

/// With `STAMP_TRANSLATIONS=1`, fills in the empty fingerprints of the texts files.
#[test]
fn stamp_new_texts_when_asked() {
    if std::env::var_os("STAMP_TRANSLATIONS").is_none() {
        return;
    }
    let data = shipped();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/texts");
    for l in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
        let path = format!("{dir}/incidents.{}.json", l.code());
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let (stamped, n) = stamp(&text, &data).unwrap_or_else(|e| panic!("{path}: {e}"));
        if n > 0 {
            std::fs::write(&path, stamped).unwrap();
            eprintln!("{path}: stamped {n} fingerprints");
        }
    }
}

fn generated_schema() -> String {
    schema::generated::<IncidentTexts>(
        "texts.schema.json",
        "Heist Ledger: one language's texts of the incidents (vector_detail, amount_note, attribution_note) by incident id and field, each with how and when it was made and the fingerprint of the English it translates. Generated from the Rust types in src/model/texts.rs; do not edit by hand (run `make schema`).",
    )
}

#[test]
fn published_texts_schema_matches_the_rust_types() {
    schema::committed_matches(SCHEMA_PATH, &generated_schema());
}

proptest! {
    #[test]
    fn reading_any_text_as_a_texts_file_never_panics(text in any::<String>()) {
        let _ = texts::parse(&text);
    }

    #[test]
    fn a_cut_or_altered_file_is_read_or_refused_never_a_panic(cut in 0usize..4000, at in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = KO.as_bytes()[..cut.min(KO.len())].to_vec();
        if !bytes.is_empty() {
            let k = at % bytes.len();
            bytes[k] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(f) = texts::parse(&text) {
            let _ = texts::check(&f, shared());
            let _ = texts::fit(&f, shared());
        }
    }
}
