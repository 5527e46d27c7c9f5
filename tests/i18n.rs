//! The translator's checks (issue 17): every locale's file of UI strings has exactly the
//! English keys, each text keeps the English text's holes, every key is used by the code,
//! and each translation says how it was made.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::rc::Rc;

use heist_ledger::lang::Locale;
use heist_ledger::phrase::{self, Words};

fn words(l: Locale) -> Words {
    let path = format!("i18n/{}.json", l.code());
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Words::parse(l, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// The `{name}` holes of a text, in order of first use.
fn holes(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].to_string());
        rest = &after[close + 1..];
    }
    out
}

/// Every `.rs` file's text under `dir`.
fn sources(dir: &Path, out: &mut String) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push_str(&fs::read_to_string(&p).unwrap());
        }
    }
}

#[test]
fn every_locale_has_exactly_the_english_keys() {
    let en: BTreeSet<String> = words(Locale::En).keys().map(str::to_string).collect();
    assert!(!en.is_empty());
    for l in Locale::ALL {
        let own: BTreeSet<String> = words(l).keys().map(str::to_string).collect();
        let missing: Vec<_> = en.difference(&own).collect();
        let extra: Vec<_> = own.difference(&en).collect();
        assert!(missing.is_empty(), "i18n/{}.json lacks {missing:?}", l.code());
        assert!(extra.is_empty(), "i18n/{}.json has keys English lacks: {extra:?}", l.code());
    }
}

#[test]
fn every_translation_keeps_the_english_holes_and_is_not_empty() {
    let en = words(Locale::En);
    for l in Locale::ALL {
        let w = words(l);
        for key in en.keys() {
            let (a, b) = (en.lookup(key).unwrap(), w.lookup(key).unwrap_or_default());
            assert!(!b.trim().is_empty(), "{}: {key} is empty", l.code());
            assert_eq!(holes(a), holes(b), "{}: {key} does not keep the English holes", l.code());
        }
    }
}

#[test]
fn every_key_is_used_by_the_code() {
    let mut code = String::new();
    sources(Path::new("src"), &mut code);
    let unused: Vec<String> = words(Locale::En)
        .keys()
        .filter(|k| !code.contains(&format!("\"{k}\"")))
        .map(str::to_string)
        .collect();
    assert!(unused.is_empty(), "keys no code reads (remove them or use them): {unused:?}");
}

#[test]
fn each_file_says_how_it_was_made() {
    assert_eq!(words(Locale::En).meta().method, "source");
    for l in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
        let meta = words(l).meta().clone();
        assert_eq!(meta.method, "machine", "{}: a machine translation says so", l.code());
        assert!(!meta.reviewed, "{}: no person has reviewed it yet", l.code());
    }
}

#[test]
fn the_built_in_english_is_the_file_on_disk() {
    assert_eq!(Words::english(), words(Locale::En));
}

#[test]
fn a_broken_file_is_an_error_naming_the_key_not_a_panic() {
    let cases: &[(&str, &str)] = &[
        ("[]", "i18n/fr.json"),
        (r#"{"a": 1}"#, "at a"),
        (r#"{"a": "x", "a": "y"}"#, "twice"),
        (r#"{"a": "x"} trailing"#, "trailing"),
        ("", "i18n/fr.json"),
    ];
    for (text, says) in cases {
        let err = Words::parse(Locale::Fr, text).expect_err(text);
        assert!(err.contains(says), "{text:?}: {err}");
    }
}

#[test]
fn a_key_a_translation_lacks_reads_in_english_and_the_words_are_put_back() {
    let fr = Rc::new(Words::parse(Locale::Fr, r#"{"header.title": "Registre"}"#).unwrap());
    let inside =
        phrase::with(fr, || (phrase::t("header.title"), phrase::t("footer.schema"), phrase::locale()));
    assert_eq!(inside, ("Registre".to_string(), "Schema".to_string(), Locale::Fr));
    assert_eq!(phrase::locale(), Locale::En);
    assert_eq!(phrase::t("header.title"), "Heist Ledger");
}

#[test]
fn holes_are_filled_by_name() {
    let ko = Rc::new(words(Locale::Ko));
    let got =
        phrase::with(ko, || phrase::fill("headline.largest_detail", &[("victim", "Bybit"), ("date", "D")]));
    assert!(got.contains("Bybit") && got.contains('D') && !got.contains('{'), "{got}");
}

#[test]
fn english_enum_words_are_the_model_labels() {
    use heist_ledger::model::{Category, Confidence, SourceKind};
    for c in Category::ALL {
        assert_eq!(phrase::category(c), c.label());
    }
    for c in Confidence::ALL {
        assert_eq!(phrase::confidence(c), c.label());
    }
    for k in [SourceKind::Primary, SourceKind::Copy, SourceKind::Secondary] {
        assert_eq!(phrase::source_kind(k), k.label());
    }
}
