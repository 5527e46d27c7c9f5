//! The compact form the page reads its own data from (`load::compact`): every dataset the
//! build ships comes back from it exactly as read and checked, a refusal comes back with every
//! problem named by its path, and a copy that is damaged, cut short, of another version or
//! not this form at all is refused by the file's name, never read and never a panic.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::load::compact::{decode, encode, encode_refusal, FORMAT, VERSION};
use heist_ledger::load::{fingerprint, parse_dataset};
use heist_ledger::model::{Dataset, Date};
use proptest::prelude::*;

const NAME: &str = "data/incidents.checked.json";

fn today() -> Date {
    Date::new(2026, 12, 3)
}

fn read(path: &str) -> (Vec<u8>, Dataset) {
    let bytes = std::fs::read(path).expect(path);
    let data = parse_dataset(&bytes, path, today()).expect(path);
    (bytes, data)
}

fn fixture() -> (Vec<u8>, Dataset) {
    read("tests/fixtures/minimal.json")
}

#[test]
fn the_shipped_dataset_and_every_frozen_release_come_back_unchanged() {
    let mut files = vec!["public/data/incidents.json".to_string()];
    for entry in std::fs::read_dir("data/releases").expect("data/releases") {
        files.push(entry.expect("entry").path().display().to_string());
    }
    assert!(files.len() >= 3, "the shipped file and at least two frozen releases: {files:?}");
    for file in files {
        let (bytes, data) = read(&file);
        let text = encode(&data, &fingerprint(&bytes));
        let (back, source) = decode(text.as_bytes(), NAME).expect(&file);
        assert!(back == data, "{file}: the dataset read back differs from the one written");
        assert_eq!(source, fingerprint(&bytes), "{file}: the JSON file's fingerprint, for the first view");
        assert_eq!(encode(&back, &source), text, "{file}: written again, the same text");
        // Smaller than the JSON it stands for: no keys, no indentation.
        assert!(text.len() < bytes.len() * 3 / 4, "{file}: {} bytes for {} of JSON", text.len(), bytes.len());
    }
}

#[test]
fn the_form_is_json_so_it_is_served_and_compressed_as_json() {
    let (bytes, data) = fixture();
    let text = encode(&data, &fingerprint(&bytes));
    let value: serde_json::Value = serde_json::from_str(&text).expect("the compact form is JSON");
    let list = value.as_array().expect("one array");
    assert_eq!(list[0], FORMAT);
    assert_eq!(list[1], VERSION);
    assert_eq!(list[2], fingerprint(&bytes).as_str());
}

#[test]
fn a_refusal_comes_back_with_every_problem_named_by_its_path() {
    for file in ["tests/fixtures/invalid.json", "tests/fixtures/broken.json"] {
        let bytes = std::fs::read(file).expect(file);
        let refused = parse_dataset(&bytes, "my-data.json", today()).expect_err(file);
        assert!(!refused.problems.is_empty());
        let text = encode_refusal(&refused);
        let back = decode(text.as_bytes(), NAME).expect_err("a refusal reads as the refusal");
        assert_eq!(back, refused, "{file}: the same summary and problems, by path");
        assert!(back.summary.contains("my-data.json"), "named by the reader's file: {}", back.summary);
    }
}

/// `body` (every value after the length, each with its comma) in a frame whose check fits it.
fn framed(word: &str, version: i64, body: &str) -> String {
    let check = fingerprint(body.as_bytes());
    format!("[\"{word}\",{version},\"f\",\"{check}\",{}{body}]", body.len())
}

#[test]
fn a_damaged_copy_is_refused_by_the_files_name() {
    let (bytes, data) = fixture();
    let good = encode(&data, &fingerprint(&bytes));
    let at = good.len() / 2;
    let mut changed = good.clone().into_bytes();
    // A digit or a letter inside the values, changed to another of its kind.
    let k = (at..changed.len()).find(|&k| changed[k].is_ascii_alphanumeric()).expect("a letter");
    changed[k] = if changed[k] == b'7' { b'8' } else { b'7' };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("cut short", good.as_bytes()[..at].to_vec(), "do not match their check"),
        ("one character changed", changed, "do not match their check"),
        ("empty", Vec::new(), "does not start as one"),
        ("the JSON dataset itself", bytes.clone(), "does not start as one"),
        ("another form", framed("something else", 1, ",1").into_bytes(), "starts with \"something else\""),
        ("another version", framed(FORMAT, 2, ",1").into_bytes(), "is of version 2 of the form"),
        ("not UTF-8", vec![0xff, 0xfe, b'['], "is not UTF-8 text"),
        ("values that are not a dataset", framed(FORMAT, VERSION, ",1,2").into_bytes(), "expected a string"),
        ("more than a dataset", format!("{}1", good.trim_end()).into_bytes(), "holds more"),
        (
            "values left over",
            framed(FORMAT, VERSION, &format!("{},1", body_of(&good))).into_bytes(),
            "holds more",
        ),
    ];
    for (case, bytes, why) in cases {
        let e = decode(&bytes, NAME).expect_err(case);
        assert!(e.summary.starts_with(&format!("Cannot use the data file {NAME}")), "{case}: {}", e.summary);
        assert_eq!(e.problems.len(), 1, "{case}");
        assert_eq!(e.problems[0].location, "file", "{case}");
        assert!(e.problems[0].message.contains(why), "{case}: {}", e.problems[0].message);
    }
}

/// The values of a compact text (after its length, before its closing bracket).
fn body_of(text: &str) -> String {
    let text = text.trim_end();
    let mut commas = 0;
    let start = text
        .char_indices()
        .find(|&(_, c)| {
            commas += usize::from(c == ',');
            commas == 5
        })
        .map(|(k, _)| k)
        .expect("five header values");
    text[start..text.len() - 1].to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any amount a float can hold and any text come back bit for bit and character for
    /// character (the form writes numbers and strings as JSON does).
    #[test]
    fn any_amount_and_any_text_come_back_exactly(
        usd in any::<f64>().prop_filter("finite", |v| v.is_finite()),
        low in proptest::option::of(any::<f64>().prop_filter("finite", |v| v.is_finite())),
        victim in any::<String>(),
        note in proptest::option::of(any::<String>()),
        stage in any::<u8>(),
    ) {
        let (bytes, mut data) = fixture();
        data.incidents[0].usd = usd;
        data.incidents[0].usd_low = low;
        data.incidents[1].victim = victim;
        data.incidents[1].date_note = note;
        data.flows[0].nodes[0].stage = stage;
        let text = encode(&data, &fingerprint(&bytes));
        let (back, _) = decode(text.as_bytes(), NAME).expect("read back");
        prop_assert_eq!(back.incidents[0].usd.to_bits(), usd.to_bits());
        prop_assert_eq!(back.incidents[0].usd_low.map(f64::to_bits), low.map(f64::to_bits));
        prop_assert!(back == data);
    }

    /// Whatever a copy's bytes are cut to or changed into, it is read or refused by name.
    #[test]
    fn any_cut_or_changed_copy_is_refused_without_a_panic(cut in any::<prop::sample::Index>(), flip in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let (bytes, data) = fixture();
        let good = encode(&data, &fingerprint(&bytes)).into_bytes();
        let short = &good[..cut.index(good.len())];
        let e = decode(short, NAME).expect_err("cut short");
        prop_assert!(e.summary.contains(NAME));
        let mut changed = good.clone();
        let k = flip.index(changed.len());
        changed[k] = byte;
        if let Err(e) = decode(&changed, NAME) {
            prop_assert!(e.summary.contains(NAME));
        }
    }

    /// Arbitrary bytes, and arbitrary values in a frame whose check fits, never panic.
    #[test]
    fn arbitrary_bytes_and_values_are_refused_without_a_panic(noise in proptest::collection::vec(any::<u8>(), 0..400), values in "(,(-?[0-9]{1,4}|null|true|\"[a-z]{0,3}\")){0,60}") {
        prop_assert!(decode(&noise, NAME).is_err());
        let framed = framed(FORMAT, VERSION, &values);
        prop_assert!(decode(framed.as_bytes(), NAME).is_err());
    }
}
