//! Converting dollars to won or yen uses only a rate the data holds, says which, and gives
//! nothing rather than a neighbouring year's rate; fingerprints of English text are FNV-1a.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::model::{
    convert, fingerprint, text_in, Currency, Date, Rate, RateKind, Translations, When,
};

fn rate(currency: Currency, kind: RateKind, period: &str, per_usd: f64, source: &str) -> Rate {
    Rate { currency, kind, period: period.into(), per_usd, source: source.into(), note: None }
}

fn rates() -> Vec<Rate> {
    vec![
        rate(Currency::Krw, RateKind::AnnualAverage, "2023", 1306.7637, "krw-2023"),
        rate(Currency::Krw, RateKind::Daily, "2023-06-16", 1272.68, "krw-day"),
        rate(Currency::Jpy, RateKind::AnnualAverage, "2023", 140.5001, "jpy-2023"),
        rate(Currency::Jpy, RateKind::AnnualAverage, "2022", 131.4589, "jpy-2022"),
        // Bad records the validator would refuse: never picked.
        rate(Currency::Jpy, RateKind::AnnualAverage, "2019", f64::NAN, "jpy-nan"),
        rate(Currency::Krw, RateKind::AnnualAverage, "2019", -1.0, "krw-negative"),
        rate(Currency::Krw, RateKind::AnnualAverage, "19", 1100.0, "krw-bad-period"),
    ]
}

/// A conversion case: dollars, currency, when, and the amount and rate source expected
/// (`None`: the data holds no rate for it).
type Case<'a> = (f64, Currency, When, Option<(f64, &'a str)>);

#[test]
fn conversion_picks_the_rate_the_data_holds_and_names_it() {
    let held = rates();
    let day = |s: &str| Date::parse(s).expect("a day");
    // (usd, currency, when, expected amount, expected source) — None: no rate held.
    let cases: Vec<Case> = vec![
        // A year's total: that year's average.
        (1.0e9, Currency::Krw, When::Year(2023), Some((1306.7637e9, "krw-2023"))),
        (1.0e9, Currency::Jpy, When::Year(2023), Some((140.5001e9, "jpy-2023"))),
        (2.0e6, Currency::Jpy, When::Year(2022), Some((262.9178e6, "jpy-2022"))),
        // An incident on a day the data has a rate for: that day's rate.
        (1.0e6, Currency::Krw, When::Day(day("2023-06-16")), Some((1272.68e6, "krw-day"))),
        // An incident on another day: the average of its year.
        (1.0e6, Currency::Krw, When::Day(day("2023-11-22")), Some((1306.7637e6, "krw-2023"))),
        (1.0e6, Currency::Jpy, When::Day(day("2023-06-16")), Some((140.5001e6, "jpy-2023"))),
        // A year's total never uses a day's rate.
        (0.0, Currency::Krw, When::Year(2023), Some((0.0, "krw-2023"))),
        // No rate for the year: nothing, not the nearest year's.
        (1.0e6, Currency::Krw, When::Year(2024), None),
        (1.0e6, Currency::Jpy, When::Day(day("2024-01-02")), None),
        (1.0e6, Currency::Krw, When::Year(2022), None),
        // A rate that is not a finite positive number, or a period its kind cannot read.
        (1.0e6, Currency::Jpy, When::Year(2019), None),
        (1.0e6, Currency::Krw, When::Year(2019), None),
        // An amount that is not a finite non-negative number.
        (f64::NAN, Currency::Krw, When::Year(2023), None),
        (f64::INFINITY, Currency::Krw, When::Year(2023), None),
        (-5.0, Currency::Krw, When::Year(2023), None),
        // An amount whose product overflows.
        (f64::MAX, Currency::Krw, When::Year(2023), None),
    ];
    for (usd, currency, when, want) in cases {
        let got = convert(&held, usd, currency, when);
        match (got, want) {
            (None, None) => {}
            (Some(c), Some((amount, source))) => {
                assert!(
                    (c.amount - amount).abs() <= amount.abs() * 1e-12,
                    "{usd} USD in {currency:?} for {when:?}: {} (want {amount})",
                    c.amount
                );
                assert_eq!(c.rate.source, source, "{usd} USD in {currency:?} for {when:?}");
            }
            (got, want) => panic!("{usd} USD in {currency:?} for {when:?}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn conversion_with_no_rates_gives_nothing() {
    assert!(convert(&[], 1.0e6, Currency::Krw, When::Year(2023)).is_none());
}

#[test]
fn fingerprints_are_fnv1a_64_in_hex() {
    // The FNV-1a 64-bit reference values (Fowler, Noll and Vo's test vectors).
    assert_eq!(fingerprint(""), "fnv1a64:cbf29ce484222325");
    assert_eq!(fingerprint("a"), "fnv1a64:af63dc4c8601ec8c");
    assert_eq!(fingerprint("foobar"), "fnv1a64:85944171f73967e8");
    // Over UTF-8 bytes: a change of one character anywhere changes it.
    assert_ne!(fingerprint("Bybit lost $1.46B."), fingerprint("Bybit lost $1.45B."));
    assert_eq!(fingerprint("바이비트"), fingerprint("바이비트"));
}

#[test]
fn a_record_shows_its_translation_and_falls_back_to_the_english() {
    use heist_ledger::model::{TranslatedText, Translation, TranslationMethod};
    let mut translations = Translations::new();
    assert_eq!(text_in(&translations, "ko", "summary", "English."), ("English.", false));
    let text = TranslatedText { text: "한국어.".into(), en_fingerprint: fingerprint("English.") };
    translations.insert(
        "ko".into(),
        Translation {
            method: TranslationMethod::Machine,
            reviewed: false,
            texts: [("summary".to_string(), text)].into_iter().collect(),
        },
    );
    assert_eq!(text_in(&translations, "ko", "summary", "English."), ("한국어.", true));
    assert_eq!(text_in(&translations, "ja", "summary", "English."), ("English.", false));
    assert_eq!(text_in(&translations, "ko", "amount_note", "Note."), ("Note.", false));
}

/// The loader reads these enums by `slug()`, the writer and the schema by serde's names:
/// each variant in `ALL` must serialize to its slug, and `ALL` must list every name serde
/// gives (read from the generated schema).
#[test]
fn rate_and_translation_enum_slugs_are_their_serde_names() {
    use heist_ledger::model::TranslationMethod;
    use std::collections::BTreeSet;
    fn names(schema: &serde_json::Value, out: &mut BTreeSet<String>) {
        match schema {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(s)) = map.get("const") {
                    out.insert(s.clone());
                }
                if let Some(serde_json::Value::Array(items)) = map.get("enum") {
                    out.extend(items.iter().filter_map(|v| v.as_str()).map(str::to_string));
                }
                for (key, value) in map {
                    if key != "enum" && key != "const" {
                        names(value, out);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| names(v, out)),
            _ => {}
        }
    }
    macro_rules! check {
        ($ty:ty) => {{
            let mut slugs = BTreeSet::new();
            for v in <$ty>::ALL {
                assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(v.slug()), "{v:?}");
                assert!(slugs.insert(v.slug().to_string()), "{} twice", v.slug());
            }
            let mut serde_names = BTreeSet::new();
            names(&serde_json::to_value(schemars::schema_for!($ty)).unwrap(), &mut serde_names);
            assert_eq!(slugs, serde_names, "{}", stringify!($ty));
        }};
    }
    check!(Currency);
    check!(RateKind);
    check!(TranslationMethod);
}
