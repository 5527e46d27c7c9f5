//! The page's words per locale, natively (issue 17): each concept the phrasing layer writes
//! (money, a range, a date, a span of years, a count, a share, the exact dollars, a category)
//! in every locale, as a table; and the Korean page's headline as a Korean room reads it.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::html;
use heist_ledger::lang::Locale;
use heist_ledger::model::{Category, Confidence, Date};
use heist_ledger::phrase;
use heist_ledger::pipeline::{self, Selection};
use heist_ledger::view::{Theme, ViewState};

mod common;
use common::shipped;

#[path = "common/words.rs"]
mod words_of;
use words_of::in_locale;

const NNBSP: char = '\u{202f}';
const NBSP: char = '\u{a0}';

#[test]
fn money_in_prose_reads_as_each_press_writes_it() {
    let fr_thousands = format!("12{NNBSP}500{NBSP}dollars");
    let cases: Vec<(Locale, f64, String)> = vec![
        (Locale::En, 0.0, "$0".into()),
        (Locale::En, 1.46e9, "$1.46B".into()),
        (Locale::En, 77.3e6, "$77.3M".into()),
        (Locale::Ko, 1.46e9, "14억6,000만 달러".into()),
        (Locale::Ko, 2.02e9, "20억2,000만 달러".into()),
        (Locale::Ja, 2.02e9, "20億2000万ドル".into()),
        (Locale::Fr, 2.02e9, format!("2,02{NBSP}milliards de dollars")),
        (Locale::Fr, 1.46e9, format!("1,46{NBSP}milliard de dollars")),
        (Locale::De, 2.02e9, format!("2,02{NBSP}Milliarden Dollar")),
        (Locale::It, 2.02e9, format!("2,02{NBSP}miliardi di dollari")),
        (Locale::Fr, 12_500.0, fr_thousands),
        (Locale::Ko, f64::NAN, "—".into()),
        (Locale::Ja, -1.0, "—".into()),
    ];
    for (l, usd, want) in cases {
        assert_eq!(in_locale(l, || phrase::money(usd)), want, "{l:?} {usd}");
    }
}

#[test]
fn dates_spans_counts_and_shares_read_as_each_press_writes_them() {
    let d = Date::new(2025, 2, 21);
    let cases: [(Locale, &str, &str, &str, &str); 6] = [
        (Locale::En, "21 Feb 2025", "2017–2026", "1234", "66%"),
        (Locale::Ko, "2025년 2월 21일", "2017~2026년", "1,234", "66%"),
        (Locale::Ja, "2025年2月21日", "2017～2026年", "1,234", "66%"),
        (Locale::Fr, "21 février 2025", "2017-2026", "1\u{202f}234", "66\u{202f}%"),
        (Locale::De, "21. Februar 2025", "2017–2026", "1.234", "66\u{a0}%"),
        (Locale::It, "21 febbraio 2025", "2017-2026", "1.234", "66%"),
    ];
    for (l, date, span, count, share) in cases {
        let got = in_locale(l, || {
            (phrase::date(d), phrase::year_span(2017, 2026), phrase::integer(1234), phrase::percent(0.66))
        });
        assert_eq!(got, (date.to_string(), span.to_string(), count.to_string(), share.to_string()), "{l:?}");
    }
}

#[test]
fn ranges_and_exact_dollars_keep_every_figure() {
    let cases: [(Locale, &str, &str); 3] = [
        (Locale::Ko, "14억~15억 달러", "1,460,000,000달러"),
        (Locale::Ja, "14億～15億ドル", "1,460,000,000ドル"),
        (Locale::De, "1,4 bis 1,5\u{a0}Milliarden Dollar", "1.460.000.000\u{a0}$"),
    ];
    for (l, range, exact) in cases {
        let got = in_locale(l, || (phrase::range(1.4e9, 1.5e9), phrase::dollars_exact(1.46e9)));
        assert_eq!(got, (range.to_string(), exact.to_string()), "{l:?}");
    }
    assert_eq!(phrase::dollars_exact(f64::INFINITY), "—");
}

#[test]
fn categories_and_confidence_are_named_in_every_locale() {
    for l in Locale::ALL {
        let names: Vec<String> = in_locale(l, || {
            Category::ALL
                .iter()
                .map(|&c| phrase::category(c))
                .chain(Confidence::ALL.iter().map(|&c| phrase::confidence(c)))
                .collect()
        });
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{l:?}: two categories or levels share a name: {names:?}");
        if l != Locale::En {
            assert_ne!(names[0], Category::CentralizedExchange.label(), "{l:?}: translated");
        }
    }
}

#[test]
fn the_korean_headline_counts_in_eok_and_dates_the_largest_heist_the_korean_way() {
    let sel = Selection::new(shipped(), ViewState::default(), Theme::Light);
    let (figures, markup) = in_locale(Locale::Ko, || {
        let figures = pipeline::headline(&sel);
        let markup = html::headline(&sel.data, &figures);
        (figures, markup)
    });
    let total = figures.iter().find(|f| f.hook == Some("total")).expect("a total");
    assert!(total.value.contains('억') && total.value.ends_with(" 달러"), "{}", total.value);
    assert!(total.label.starts_with("탈취액, ") && total.label.ends_with('년'), "{}", total.label);
    let largest = figures.iter().find(|f| f.hook == Some("largest")).expect("a largest heist");
    assert!(largest.value.contains('억') && largest.value.ends_with(" 달러"), "{}", largest.value);
    assert!(
        largest.detail.as_deref().unwrap_or_default().contains("2025년 2월 21일"),
        "{:?}",
        largest.detail
    );
    assert!(markup.contains("데이터 기준일"), "the release line is Korean");
    assert!(!markup.contains("Data as of"), "no English release line");
    // The same selection in English is the page as it was.
    let english = pipeline::headline(&sel);
    assert!(english.iter().any(|f| f.value.starts_with('$')), "English amounts keep $");
}

#[test]
fn the_korean_static_page_names_its_language_and_marks_its_words_as_machine_translation() {
    let header = in_locale(Locale::Ko, html::page_header);
    assert!(header.contains(r#"<p class="machine-note" data-machine-translation>"#));
    assert!(
        header.contains(r#"aria-current="true"><span class="lang-name">한국어</span></a>"#),
        "the picker marks Korean"
    );
    assert!(!html::page_header().contains("machine-note"), "English carries no such line");
    let root = in_locale(Locale::Ko, || html::root("", Some("f"), "data/incidents.json"));
    assert!(root.contains(r#"data-lang="ko""#), "{root}");
}

#[test]
fn every_page_names_every_language_at_its_static_page_and_a_default() {
    let links = html::hreflang_links("https://example.org/heist-ledger/");
    for l in Locale::ALL {
        let path = if l == Locale::En { String::new() } else { format!("{}/", l.code()) };
        let want = format!(r#"hreflang="{}" href="https://example.org/heist-ledger/{path}""#, l.code());
        assert!(links.contains(&want), "{want}");
    }
    assert!(links.contains(r#"hreflang="x-default" href="https://example.org/heist-ledger/""#));
}

#[test]
fn a_korean_and_a_japanese_room_see_the_largest_heist_in_their_currency_at_a_rate_the_data_holds_and_none_it_lacks(
) {
    let note = |query: &[(&str, &str)], l| {
        let pairs: Vec<(String, String)> =
            query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let (view, _) = heist_ledger::view::parse(&pairs);
        let sel = Selection::new(shipped(), view, Theme::Light);
        in_locale(l, || pipeline::headline(&sel))
            .into_iter()
            .find(|f| f.hook == Some("largest"))
            .expect("largest")
            .note
    };
    // Bybit, 21 February 2025: $1.46B at the dataset's 2025 averages, 1,422.16 won (News1)
    // and 149.5686 yen (the Federal Reserve's G.5A, through FRED; the line gives the rate to
    // two decimals, as the won's).
    let ko = note(&[], Locale::Ko).expect("a won line");
    assert!(ko.starts_with("약 2조") && ko.contains("억 원(2025년 연평균 환율 1달러 = 1,422.16원"), "{ko}");
    let ja = note(&[], Locale::Ja).expect("a yen line");
    assert!(ja.starts_with("約2180億円") && ja.contains("1ドル＝149.57円") && ja.contains("(FRED)"), "{ja}");
    assert_eq!(note(&[], Locale::En), None);
    assert_eq!(note(&[], Locale::Fr), None);
    // 2026's largest (Kelp DAO, 18 April 2026): the data holds no 2026 average and no rate of
    // that day in either currency, so no line, never a neighbouring year's or day's.
    let in_2026 = [("from", "2026"), ("to", "2026")];
    assert_eq!(note(&in_2026, Locale::Ko), None);
    assert_eq!(note(&in_2026, Locale::Ja), None);
}

#[test]
fn won_and_yen_are_written_in_myriads_and_said_to_be_approximate() {
    use heist_ledger::locale::money::local_currency;
    let cases: [(Locale, f64, Option<&str>); 5] = [
        (Locale::Ko, 2.076e12, Some("약 2조800억 원")),
        (Locale::Ja, 2.55e11, Some("約2550億円")),
        (Locale::Ko, 12_500.0, Some("약 1만2,500 원")),
        (Locale::Fr, 1e9, None),
        (Locale::Ko, f64::NAN, None),
    ];
    for (l, amount, want) in cases {
        assert_eq!(local_currency(l, amount).as_deref(), want, "{l:?} {amount}");
    }
}

#[test]
fn a_french_german_or_italian_csv_splits_at_semicolons_with_a_decimal_comma_and_keeps_its_bom() {
    use heist_ledger::exports::{incidents_csv, table_csv};
    use heist_ledger::tables::{Cell, Table};
    let data = shipped();
    let kept: Vec<_> = data.incidents.iter().take(3).collect();
    let mut share = Cell::text("0.61");
    share.numeric = true;
    let table = Table {
        name: "test".into(),
        caption: String::new(),
        headers: vec!["who".into(), "share".into()],
        rows: vec![vec![Cell::text("A; B, C"), share]],
        total: 1,
    };
    for (l, separator, decimal) in [
        (Locale::En, ',', "0.61"),
        (Locale::Fr, ';', "0,61"),
        (Locale::De, ';', "0,61"),
        (Locale::It, ';', "0,61"),
    ] {
        let (incidents, tab) = in_locale(l, || (incidents_csv(&data, &kept), table_csv(&table)));
        assert!(incidents.starts_with('\u{feff}') && tab.starts_with('\u{feff}'), "{l:?}: the BOM");
        // The first column is named in the language's words (the id itself in English).
        let first = in_locale(l, || phrase::t("csv.column.id"));
        assert!(incidents[3..].starts_with(&first), "{l:?}: {first}");
        let header = incidents.lines().next().unwrap();
        assert_eq!(header.matches(separator).count(), 18, "{l:?}: 19 columns split at {separator:?}");
        assert_eq!(incidents.lines().count(), kept.len() + 1, "{l:?}: one line per incident");
        // The field holding the separator is quoted; the number takes the locale's decimal sign.
        assert!(tab.contains(&format!("\"A; B, C\"{separator}{decimal}\r\n")), "{l:?}: {tab:?}");
    }
}

/// What `fill` did before it filled in one pass: each value replaced in turn, which also
/// searched the values written so far for holes.
fn filled_by_replacing(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// Any text of holes, stray braces and words, with values that hold no braces: one pass
    /// fills it as replacing each value in turn did.
    #[test]
    fn filling_holes_in_one_pass_writes_what_replacing_each_value_wrote(
        text in "([a-z ]{0,4}|\\{(amount|name|year|x)\\}|\\{|\\}){0,12}",
        amount in "[$0-9.,]{0,6}",
        name in "[A-Za-z ]{0,8}",
    ) {
        let values = [("amount", amount.as_str()), ("name", name.as_str()), ("year", "2025")];
        proptest::prop_assert_eq!(phrase::fill_text(&text, &values), filled_by_replacing(&text, &values));
    }
}

#[test]
fn a_value_that_looks_like_a_hole_is_written_as_given() {
    let filled = phrase::fill_text("{name} stole {amount}", &[("name", "{amount}"), ("amount", "$1")]);
    assert_eq!(filled, "{amount} stole $1");
}
