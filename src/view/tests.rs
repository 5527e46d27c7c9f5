//! The view's unit tests: the URL's rules, its round trip and the filter.

use super::*;
use crate::model::{Category, Confidence, Date};

fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
    q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn a_written_view_reads_back_the_same() {
    let mut v = ViewState::default();
    v.filter.from_year = Some(2022);
    v.filter.to_year = Some(2025);
    v.filter.categories = vec![Category::Bridge, Category::CentralizedExchange];
    v.filter.actors = vec!["TraderTraitor (Lazarus Group)".into()];
    v.filter.confidence = vec![Confidence::Official];
    v.filter.text = "bybit & co".into();
    v.filter.dates = Some((Date::new(2024, 1, 1), Date::new(2024, 6, 30)));
    v.incident = Some("bybit-2025".into());
    v.flow = Some("ronin-2022".into());
    v.yearly_split = true;
    v.since = Some("2026-12-01".into());
    v.figures = Some(FiguresFor::Year(2023));
    v.theme = Some(Theme::Dark);
    v.lang = Some(crate::lang::Locale::Ko);
    v.sort = SortKey::Usd;
    v.ascending = true;
    let query = to_query(&v);
    let (back, notices) = parse(&query_pairs(&query));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, v);
}

#[test]
fn values_the_dataset_does_not_know_are_dropped_with_a_notice() {
    let text = include_str!("../../tests/fixtures/minimal.json");
    let data = crate::load::parse_dataset(text.as_bytes(), "minimal.json", Date::new(2100, 1, 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let (v, _) = parse(&pairs(&[
        ("actor", "Nobody"),
        ("chain", "Ethereum"),
        ("incident", "nope"),
        ("flow", "gamma-2025"),
    ]));
    let (v, notices) = reconcile(v, &data);
    assert!(v.filter.actors.is_empty() && v.incident.is_none() && v.flow.is_none());
    assert_eq!(v.filter.chains, vec!["Ethereum".to_string()]);
    assert_eq!(notices.len(), 3, "{notices:?}");
}

#[test]
fn a_release_to_compare_with_must_be_another_release_of_the_change_log() {
    let text = include_str!("../../tests/fixtures/minimal.json");
    let data = crate::load::parse_dataset(text.as_bytes(), "minimal.json", Date::new(2100, 1, 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let current = data.release.id.clone();
    for (since, kept, why) in [
        (current.as_str(), false, Notice::SinceOnScreen(current.clone())),
        ("1999-01-01", false, Notice::SinceNotInLog("1999-01-01".into())),
    ] {
        let (v, _) = parse(&pairs(&[("since", since)]));
        let (v, notices) = reconcile(v, &data);
        assert_eq!(v.since.is_some(), kept, "{since}");
        assert!(notices.contains(&why), "{since}: {notices:?}");
    }
}

#[test]
fn query_strings_decode_escapes_plus_and_malformed_input() {
    let cases: [(&str, &[(&str, &str)]); 5] = [
        ("?from=2024&q=bybit%20%26%20co", &[("from", "2024"), ("q", "bybit & co")]),
        ("q=a+b", &[("q", "a b")]),
        ("q=100%", &[("q", "100%")]),
        ("?embed&&theme=dark", &[("embed", ""), ("theme", "dark")]),
        ("q=%C3%A9%ZZ", &[("q", "é%ZZ")]),
    ];
    for (query, want) in cases {
        let got = query_pairs(query);
        let want: Vec<(String, String)> = want.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(got, want, "{query}");
    }
}

#[test]
fn a_control_replaces_what_its_parameter_held_and_nothing_else() {
    let (v, _) = parse(&pairs(&[("category", "bridge"), ("from", "2022"), ("incident", "x")]));
    let (v, notices) = apply(&v, &[("category", &["wallet", "defi_protocol"])]);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(v.filter.categories, vec![Category::Wallet, Category::DefiProtocol]);
    assert_eq!((v.filter.from_year, v.incident.as_deref()), (Some(2022), Some("x")));
    let (v, _) = apply(&v, &[("category", &[]), ("incident", &[])]);
    assert!(v.filter.categories.is_empty() && v.incident.is_none());
    let (v, _) = apply(&v, &[("start", &["2024-01-01"]), ("end", &["2024-06-30"])]);
    assert_eq!(v.filter.dates, Some((Date::new(2024, 1, 1), Date::new(2024, 6, 30))));
}

#[test]
fn case_folds_as_the_unicode_tables_do_for_latin_greek_and_cyrillic() {
    // Every letter of the scripts folded by rule, against the standard library's tables.
    let ranges = [0x20..0x7F, 0xC0..0x180, 0x386..0x3CF, 0x400..0x460];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        // İ folds to "i" and a combining dot in Unicode; searching for "i" should find it.
        if c == '\u{130}' {
            continue;
        }
        let s = c.to_string();
        assert_eq!(fold_case(&s), s.to_lowercase(), "{c} U+{:04X}", c as u32);
    }
    assert_eq!(fold_case("Bybit ÖSTERREICH Ωμέγα МОСКВА 업비트"), "bybit österreich ωμέγα москва 업비트");
}

#[test]
fn encoding_keeps_unreserved_characters_only() {
    assert_eq!(encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    assert_eq!(encode("bybit-2025"), "bybit-2025");
}

#[test]
fn the_language_is_read_by_its_primary_tag_and_written_as_its_code() {
    use crate::lang::Locale;
    let cases: [(&str, Option<Locale>, &str); 6] = [
        ("ko", Some(Locale::Ko), "lang=ko"),
        ("ja-JP", Some(Locale::Ja), "lang=ja"),
        ("FR", Some(Locale::Fr), "lang=fr"),
        ("de_AT", Some(Locale::De), "lang=de"),
        ("it", Some(Locale::It), "lang=it"),
        ("en", Some(Locale::En), "lang=en"),
    ];
    for (given, want, written) in cases {
        let (v, notices) = parse(&pairs(&[("lang", given), ("from", "2022")]));
        assert!(notices.is_empty(), "{given}: {notices:?}");
        assert_eq!(v.lang, want, "{given}");
        assert_eq!(to_query(&v), format!("from=2022&{written}"), "{given}");
    }
    assert_eq!(parse(&pairs(&[])).0.lang, None, "no lang: the page's own language");
}
