//! The locale core (issue 17 groundwork): money, numbers, percentages, dates and line
//! breaking in each of the six locales, by a table of cases per locale; and properties
//! over any input (no panic, never empty, integers keep their digits, wrapping loses no
//! character and starts no line with closing punctuation).
//!
//! The tables run natively and, through `make web`, in WebAssembly (Node), so the same
//! bytes come out of both: nothing here leans on the browser's `Intl`.

// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::date::Date;
use heist_ledger::locale::money::{amount, money, money_axis, money_long};
use heist_ledger::locale::number::{decimal, integer, percent};
use heist_ledger::locale::text::{is_no_start, width_em, wrap};
use heist_ledger::locale::{dates, Locale, MISSING};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use Locale::{De, En, Fr, It, Ja, Ko};

/// Expected text with `_` for U+00A0 (no-break space) and `^` for U+202F (narrow no-break
/// space), which look alike on screen and differ in bytes.
fn t(s: &str) -> String {
    s.replace('_', "\u{A0}").replace('^', "\u{202F}")
}

fn check(what: &str, cases: &[(Locale, f64, &str)], f: fn(Locale, f64) -> String) {
    for &(locale, usd, want) in cases {
        assert_eq!(f(locale, usd), t(want), "{what} {} {usd}", locale.code());
    }
}

#[test]
fn locales_parse_from_language_tags_and_name_their_html_lang() {
    for l in Locale::ALL {
        assert_eq!(Locale::parse(l.code()), Some(l));
        assert_eq!(l.html_lang(), l.code());
        assert!(!l.name().is_empty());
    }
    let codes: Vec<&str> = Locale::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(codes, ["en", "ko", "ja", "fr", "de", "it"]);
    assert_eq!(Locale::parse("ko-KR"), Some(Ko));
    assert_eq!(Locale::parse(" JA "), Some(Ja));
    assert_eq!(Locale::parse("fr_CA"), Some(Fr));
    assert_eq!(Locale::parse("de-AT"), Some(De));
    for bad in ["", "xx", "kor", "e", "-ko", "日本語", "zh-Hant"] {
        assert_eq!(Locale::parse(bad), None, "{bad}");
    }
    assert_eq!(Locale::default(), En);
}

#[test]
fn english_money_has_three_significant_figures_in_the_pages_style() {
    let cases = [
        (En, 0.0, "$0"),
        (En, 1.0, "$1"),
        (En, 999.0, "$999"),
        (En, 12_500.0, "$12,500"),
        (En, 12_345.0, "$12,300"),
        (En, 999_499.0, "$999,000"),
        (En, 999_500.0, "$1M"),
        (En, 1.5e6, "$1.5M"),
        (En, 77.3e6, "$77.3M"),
        (En, 660.5e6, "$661M"),
        (En, 1.46e9, "$1.46B"),
        (En, 1.69e9, "$1.69B"),
        (En, 2.02e9, "$2.02B"),
        (En, 6.39e9, "$6.39B"),
        (En, 20.2e9, "$20.2B"),
        (En, 1.5e12, "$1.5T"),
        (En, 999.4e12, "$999T"),
    ];
    check("money", &cases, money);
    check("axis", &cases, money_axis);
    let long = [
        (En, 2.02e9, "$2.02 billion"),
        (En, 1.5e6, "$1.5 million"),
        (En, 12_500.0, "$12,500"),
        (En, 0.0, "$0"),
    ];
    check("long", &long, money_long);
}

#[test]
fn korean_money_counts_in_man_eok_jo() {
    let prose = [
        (Ko, 0.0, "0 달러"),
        (Ko, 1.0, "1 달러"),
        (Ko, 999.0, "999 달러"),
        (Ko, 12_500.0, "1만2,500 달러"),
        (Ko, 999_500.0, "100만 달러"),
        (Ko, 1.5e6, "150만 달러"),
        (Ko, 77.3e6, "7,730만 달러"),
        (Ko, 1.69e9, "16억9,000만 달러"),
        (Ko, 2.02e9, "20억2,000만 달러"),
        (Ko, 20.2e9, "202억 달러"),
        (Ko, 1.5e12, "1조5,000억 달러"),
    ];
    check("money", &prose, money);
    check("long", &prose, money_long);
    let axis = [
        (Ko, 0.0, "0 달러"),
        (Ko, 999.0, "999 달러"),
        (Ko, 12_500.0, "1.25만 달러"),
        (Ko, 1.5e6, "150만 달러"),
        (Ko, 77.3e6, "7,730만 달러"),
        (Ko, 2.02e9, "20.2억 달러"),
        (Ko, 20.2e9, "202억 달러"),
        (Ko, 1.5e12, "1.5조 달러"),
    ];
    check("axis", &axis, money_axis);
}

#[test]
fn japanese_money_counts_in_man_oku_cho_without_grouping() {
    let prose = [
        (Ja, 0.0, "0ドル"),
        (Ja, 1.0, "1ドル"),
        (Ja, 999.0, "999ドル"),
        (Ja, 12_500.0, "1万2500ドル"),
        (Ja, 1.5e6, "150万ドル"),
        (Ja, 77.3e6, "7730万ドル"),
        (Ja, 1.69e9, "16億9000万ドル"),
        (Ja, 2.02e9, "20億2000万ドル"),
        (Ja, 20.2e9, "202億ドル"),
        (Ja, 1.5e12, "1兆5000億ドル"),
    ];
    check("money", &prose, money);
    let axis = [
        (Ja, 12_500.0, "1.25万ドル"),
        (Ja, 77.3e6, "7730万ドル"),
        (Ja, 2.02e9, "20.2億ドル"),
        (Ja, 1.5e12, "1.5兆ドル"),
    ];
    check("axis", &axis, money_axis);
}

#[test]
fn french_money_spells_units_in_prose_and_abbreviates_them_on_axes() {
    let prose = [
        (Fr, 0.0, "0_dollar"),
        (Fr, 1.0, "1_dollar"),
        (Fr, 999.0, "999_dollars"),
        (Fr, 12_500.0, "12^500_dollars"),
        (Fr, 1e6, "1_million de dollars"),
        (Fr, 1.5e6, "1,5_million de dollars"),
        (Fr, 77.3e6, "77,3_millions de dollars"),
        (Fr, 1.69e9, "1,69_milliard de dollars"),
        (Fr, 2.02e9, "2,02_milliards de dollars"),
        (Fr, 20.2e9, "20,2_milliards de dollars"),
        (Fr, 1.4e12, "1^400_milliards de dollars"),
    ];
    check("money", &prose, money);
    let axis = [
        (Fr, 0.0, "0_$"),
        (Fr, 999.0, "999_$"),
        (Fr, 12_500.0, "12^500_$"),
        (Fr, 1.5e6, "1,5_M_$"),
        (Fr, 2.02e9, "2,02_Md_$"),
        (Fr, 20.2e9, "20,2_Md_$"),
        (Fr, 1.4e12, "1^400_Md_$"),
    ];
    check("axis", &axis, money_axis);
}

#[test]
fn german_money_reads_milliarden_dollar_and_mrd_on_axes() {
    let prose = [
        (De, 0.0, "0_Dollar"),
        (De, 1.0, "1_Dollar"),
        (De, 999.0, "999_Dollar"),
        (De, 12_500.0, "12.500_Dollar"),
        (De, 1e6, "1_Million Dollar"),
        (De, 1.5e6, "1,5_Millionen Dollar"),
        (De, 1e9, "1_Milliarde Dollar"),
        (De, 2.02e9, "2,02_Milliarden Dollar"),
        (De, 20.2e9, "20,2_Milliarden Dollar"),
        (De, 1.5e12, "1,5_Billionen Dollar"),
    ];
    check("money", &prose, money);
    let axis = [
        (De, 12_500.0, "12.500_$"),
        (De, 1.5e6, "1,5_Mio._$"),
        (De, 2.02e9, "2,02_Mrd._$"),
        (De, 2e12, "2_Bio._$"),
    ];
    check("axis", &axis, money_axis);
}

#[test]
fn italian_money_reads_miliardi_di_dollari_and_mld_on_axes() {
    let prose = [
        (It, 0.0, "0_dollari"),
        (It, 1.0, "1_dollaro"),
        (It, 999.0, "999_dollari"),
        (It, 12_500.0, "12.500_dollari"),
        (It, 1e6, "1_milione di dollari"),
        (It, 1.5e6, "1,5_milioni di dollari"),
        (It, 1e9, "1_miliardo di dollari"),
        (It, 2.02e9, "2,02_miliardi di dollari"),
        (It, 20.2e9, "20,2_miliardi di dollari"),
        (It, 1.5e12, "1.500_miliardi di dollari"),
    ];
    check("money", &prose, money);
    let axis = [
        (It, 12_500.0, "12.500_$"),
        (It, 1.5e6, "1,5_mln_$"),
        (It, 2.02e9, "2,02_mld_$"),
        (It, 1.5e12, "1.500_mld_$"),
    ];
    check("axis", &axis, money_axis);
}

#[test]
fn ranges_say_the_shared_unit_once_and_floors_say_at_least() {
    let cases: [(Locale, f64, Option<f64>, bool, &str); 30] = [
        (En, 1.4e9, Some(1.5e9), false, "$1.4B–$1.5B"),
        (Ko, 1.4e9, Some(1.5e9), false, "14억~15억 달러"),
        (Ja, 1.4e9, Some(1.5e9), false, "14億～15億ドル"),
        (Fr, 1.4e9, Some(1.5e9), false, "1,4 à 1,5_milliard de dollars"),
        (De, 1.4e9, Some(1.5e9), false, "1,4 bis 1,5_Milliarden Dollar"),
        (It, 1.4e9, Some(1.5e9), false, "tra 1,4 e 1,5_miliardi di dollari"),
        (En, 900e6, Some(1.2e9), false, "$900M–$1.2B"),
        (Ko, 900e6, Some(1.2e9), false, "9억~12억 달러"),
        (Ja, 900e6, Some(1.2e9), false, "9億～12億ドル"),
        (Fr, 900e6, Some(1.2e9), false, "900_millions à 1,2_milliard de dollars"),
        (De, 900e6, Some(1.2e9), false, "900_Millionen bis 1,2_Milliarden Dollar"),
        (It, 900e6, Some(1.2e9), false, "tra 900_milioni e 1,2_miliardi di dollari"),
        (Fr, 12_500.0, Some(15_000.0), false, "12^500 à 15^000_dollars"),
        (Fr, 1.64e9, Some(1.65e9), true, "1,64 à 1,65_milliard de dollars"),
        // Given backwards, put in order; two ends that round alike are one figure.
        (En, 1.5e9, Some(1.4e9), false, "$1.4B–$1.5B"),
        (De, 1.501e9, Some(1.499e9), false, "1,5_Milliarden Dollar"),
        (En, 2.02e9, None, true, "at least $2.02B"),
        (Ko, 2.02e9, None, true, "최소 20억2,000만 달러"),
        (Ja, 2.02e9, None, true, "少なくとも20億2000万ドル"),
        (Fr, 2.02e9, None, true, "au moins 2,02_milliards de dollars"),
        (De, 2.02e9, None, true, "mindestens 2,02_Milliarden Dollar"),
        (It, 2.02e9, None, true, "almeno 2,02_miliardi di dollari"),
        (En, 2.02e9, None, false, "$2.02B"),
        (It, 2.02e9, None, false, "2,02_miliardi di dollari"),
        (En, f64::NAN, Some(1.5e9), false, MISSING),
        (Ko, 1.4e9, Some(f64::INFINITY), false, MISSING),
        (Fr, -1.0, None, true, MISSING),
        (De, f64::NAN, None, false, MISSING),
        (Ja, 1.4e9, Some(-1.0), false, MISSING),
        (It, f64::NEG_INFINITY, None, true, MISSING),
    ];
    for (locale, usd, high, floor, want) in cases {
        assert_eq!(amount(locale, usd, high, floor), t(want), "{} {usd} {high:?} {floor}", locale.code());
    }
}

#[test]
fn money_that_cannot_be_shown_reads_as_a_dash_in_every_form() {
    for locale in Locale::ALL {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, -1e-300, 1e15, 1.7e308] {
            assert_eq!(money(locale, bad), MISSING, "{} {bad}", locale.code());
            assert_eq!(money_axis(locale, bad), MISSING, "{} {bad}", locale.code());
            assert_eq!(money_long(locale, bad), MISSING, "{} {bad}", locale.code());
        }
        // A subnormal amount is a real, if absurd, zero.
        assert_eq!(money(locale, 5e-324), money(locale, 0.0));
    }
}

#[test]
fn integers_and_percentages_take_each_locales_signs() {
    let ints =
        [(En, "12,500"), (Ko, "12,500"), (Ja, "12,500"), (Fr, "12^500"), (De, "12.500"), (It, "12.500")];
    for (locale, want) in ints {
        assert_eq!(integer(locale, 12_500), t(want));
        assert_eq!(integer(locale, -1_234_567).replace(['.', ',', '\u{202F}'], ""), "-1234567");
        assert_eq!(integer(locale, 0), "0");
        assert_eq!(integer(locale, 999), "999");
    }
    let shares = [
        (En, 0.61, "61%"),
        (Ko, 0.61, "61%"),
        (Ja, 0.61, "61%"),
        (Fr, 0.61, "61^%"),
        (De, 0.61, "61_%"),
        (It, 0.61, "61%"),
        (En, 0.045, "4.5%"),
        (Fr, 0.045, "4,5^%"),
        (De, 0.045, "4,5_%"),
        (It, 0.05, "5%"),
        (Ko, 1.0, "100%"),
        (Fr, 12.5, "1^250^%"),
    ];
    for (locale, share, want) in shares {
        assert_eq!(percent(locale, share), t(want), "{} {share}", locale.code());
    }
    for locale in Locale::ALL {
        assert_eq!(percent(locale, f64::NAN), MISSING);
        assert_eq!(percent(locale, f64::MAX), MISSING);
        assert_eq!(decimal(locale, f64::INFINITY, 2), MISSING);
    }
    assert_eq!(decimal(En, 1234.5, 2), "1,234.5");
    assert_eq!(decimal(De, 1234.5, 2), "1.234,5");
    assert_eq!(decimal(Fr, 1234.567, 2), t("1^234,57"));
    assert_eq!(decimal(It, -0.001, 2), "0");
    assert_eq!(decimal(En, -2.5, 1), "-2.5");
}

#[test]
fn every_month_has_its_name_in_every_locale() {
    let names: [(Locale, [&str; 12]); 6] = [
        (En, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
        (Ko, ["1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월"]),
        (Ja, ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"]),
        (
            Fr,
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
        ),
        (
            De,
            [
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember",
            ],
        ),
        (
            It,
            [
                "gennaio",
                "febbraio",
                "marzo",
                "aprile",
                "maggio",
                "giugno",
                "luglio",
                "agosto",
                "settembre",
                "ottobre",
                "novembre",
                "dicembre",
            ],
        ),
    ];
    for (locale, want) in names {
        for (i, name) in want.iter().enumerate() {
            let month = i as u8 + 1;
            assert_eq!(dates::month_name(locale, month), *name, "{}", locale.code());
            // The day and month-year forms carry the same name.
            let d = Date::new(2025, month, 15);
            assert!(dates::day(locale, d).contains(name), "{}", dates::day(locale, d));
            assert!(dates::month_year(locale, d).contains(name), "{}", dates::month_year(locale, d));
        }
    }
}

#[test]
fn days_read_as_each_press_writes_them_including_the_first_and_the_thirty_first() {
    let (feb21, mar1, dec31) = (Date::new(2025, 2, 21), Date::new(2025, 3, 1), Date::new(2024, 12, 31));
    let cases = [
        (En, ["21 Feb 2025", "1 Mar 2025", "31 Dec 2024"]),
        (Ko, ["2025년 2월 21일", "2025년 3월 1일", "2024년 12월 31일"]),
        (Ja, ["2025年2月21日", "2025年3月1日", "2024年12月31日"]),
        (Fr, ["21 février 2025", "1er mars 2025", "31 décembre 2024"]),
        (De, ["21. Februar 2025", "1. März 2025", "31. Dezember 2024"]),
        (It, ["21 febbraio 2025", "1º marzo 2025", "31 dicembre 2024"]),
    ];
    for (locale, want) in cases {
        assert_eq!(dates::day(locale, feb21), want[0]);
        assert_eq!(dates::day(locale, mar1), want[1]);
        assert_eq!(dates::day(locale, dec31), want[2]);
    }
    // English is the page's own form, unchanged.
    assert_eq!(dates::day(En, feb21), feb21.human());
    assert_eq!(dates::month_year(En, feb21), feb21.month_year());
    let month_years = [
        (En, "Feb 2025"),
        (Ko, "2025년 2월"),
        (Ja, "2025年2月"),
        (Fr, "février 2025"),
        (De, "Februar 2025"),
        (It, "febbraio 2025"),
    ];
    for (locale, want) in month_years {
        assert_eq!(dates::month_year(locale, feb21), want);
    }
}

#[test]
fn year_spans_and_day_ranges_say_the_shared_month_and_year_once() {
    let spans = [
        (En, "2024–2025", "2025"),
        (Ko, "2024~2025년", "2025년"),
        (Ja, "2024～2025年", "2025年"),
        (Fr, "2024-2025", "2025"),
        (De, "2024–2025", "2025"),
        (It, "2024-2025", "2025"),
    ];
    for (locale, two, one) in spans {
        assert_eq!(dates::year_span(locale, 2024, 2025), two);
        assert_eq!(dates::year_span(locale, 2025, 2024), two);
        assert_eq!(dates::year_span(locale, 2025, 2025), one);
    }
    let d = Date::new;
    let ranges = [
        (En, ["21–23 Feb 2025", "21 Feb – 1 Mar 2025", "31 Dec 2024 – 8 Jan 2025", "8–11 Mar 2025"]),
        (
            Ko,
            [
                "2025년 2월 21~23일",
                "2025년 2월 21일~3월 1일",
                "2024년 12월 31일~2025년 1월 8일",
                "2025년 3월 8~11일",
            ],
        ),
        (
            Ja,
            [
                "2025年2月21～23日",
                "2025年2月21日～3月1日",
                "2024年12月31日～2025年1月8日",
                "2025年3月8～11日",
            ],
        ),
        (
            Fr,
            [
                "du 21 au 23 février 2025",
                "du 21 février au 1er mars 2025",
                "du 31 décembre 2024 au 8 janvier 2025",
                "du 8 au 11 mars 2025",
            ],
        ),
        (
            De,
            [
                "21.–23. Februar 2025",
                "21. Februar – 1. März 2025",
                "31. Dezember 2024 – 8. Januar 2025",
                "8.–11. März 2025",
            ],
        ),
        (
            It,
            [
                "dal 21 al 23 febbraio 2025",
                "dal 21 febbraio al 1º marzo 2025",
                "dal 31 dicembre 2024 all'8 gennaio 2025",
                "dall'8 all'11 marzo 2025",
            ],
        ),
    ];
    for (locale, want) in ranges {
        assert_eq!(dates::day_range(locale, d(2025, 2, 21), d(2025, 2, 23)), want[0]);
        assert_eq!(dates::day_range(locale, d(2025, 3, 1), d(2025, 2, 21)), want[1], "backwards");
        assert_eq!(dates::day_range(locale, d(2024, 12, 31), d(2025, 1, 8)), want[2]);
        assert_eq!(dates::day_range(locale, d(2025, 3, 8), d(2025, 3, 11)), want[3]);
        assert_eq!(
            dates::day_range(locale, d(2025, 2, 21), d(2025, 2, 21)),
            dates::day(locale, d(2025, 2, 21))
        );
    }
}

#[test]
fn text_width_is_the_chart_layouts_one_estimate_and_counts_cjk_as_one_em() {
    // One estimate for charts and locales: Latin, accented Latin and CJK alike (a label the
    // charts place is measured as the locales wrap it).
    for s in [
        "Bybit",
        "Harmony Horizon",
        "$1.46B",
        "ChipMixer, then Blender and Sinbad",
        "",
        "février",
        "2,02\u{a0}Md\u{a0}$",
        "북한 연계 가상자산",
        "資金洗浄の流れ",
    ] {
        assert_eq!(width_em(s) * 11.0, heist_ledger::layout::text::width(s, 11.0), "{s}");
    }
    assert_eq!(width_em("北朝鮮"), 3.0);
    assert_eq!(width_em("한국어"), 3.0);
    assert_eq!(width_em("ハッカー"), 4.0);
    assert_eq!(width_em("é"), width_em("e"));
    assert_eq!(width_em("É"), width_em("E"));
    assert_eq!(width_em("Ā"), width_em("A"));
    assert_eq!(width_em("ā"), width_em("a"));
    assert_eq!(width_em("e\u{301}"), width_em("e"), "a combining accent takes no room");
    assert!(width_em("février") < "février".chars().count() as f64 * 0.6, "accents are not 1 em");
    assert!(width_em("北朝鮮") > width_em("NK!"));
}

#[test]
fn japanese_wraps_between_characters_but_never_starts_a_line_with_closing_punctuation() {
    let lines = wrap("あいうえおかきくけこ。さしすせそ", 10.0);
    assert_eq!(
        lines,
        ["あいうえおかきくけ", "こ。さしすせそ"],
        "the stop takes the character before it down"
    );
    let text =
        "北朝鮮のハッカー集団が、昨年1年間で17億ドル相当の暗号資産を盗んだと「チェイナリシス」が報告した。";
    for max in [3.0, 4.0, 5.0, 7.0, 10.0, 13.0] {
        let lines = wrap(text, max);
        assert_eq!(lines.concat(), text, "{max}");
        assert!(lines.len() > 1);
        for line in &lines[1..] {
            let first = line.chars().next().unwrap();
            assert!(!is_no_start(first), "{max}: {lines:?}");
        }
        for line in &lines[..lines.len() - 1] {
            assert!(!line.ends_with('「'), "{max}: {lines:?}");
        }
    }
}

#[test]
fn korean_and_latin_wrap_at_spaces() {
    assert_eq!(wrap("북한 해커들이 가상화폐를 탈취했다", 8.0), ["북한 해커들이", "가상화폐를", "탈취했다"]);
    // The same lines as the chart layout's own wrap, for Latin.
    let name = "ChipMixer, then Blender and Sinbad";
    assert_eq!(wrap(name, 8.0), heist_ledger::layout::text::wrap(name, 1.0, 8.0));
    assert_eq!(wrap("2,02 milliards de dollars", 8.0), ["2,02 milliards", "de dollars"]);
    assert_eq!(wrap("", 8.0), [""]);
    // A word wider than a line is split between characters, losing nothing.
    let word = "x".repeat(40);
    assert_eq!(wrap(&word, 5.0).concat(), word);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn locale() -> impl Strategy<Value = Locale> {
        prop::sample::select(Locale::ALL.to_vec())
    }

    /// Text from the scripts the page will wrap, with the characters that must not start
    /// a line and the brackets that must not end one.
    fn mixed_text() -> impl Strategy<Value = String> {
        let alphabet: Vec<char> =
            "ab Zé 1$ 北朝鮮資産 あいっー アッ 한국 어 。、」）』！？「（，.)".chars().collect();
        prop::collection::vec(prop::sample::select(alphabet), 0..80).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn money_never_panics_and_is_never_empty(l in locale(), usd in any::<f64>(), high in any::<f64>(), floor in any::<bool>()) {
            for s in [money(l, usd), money_axis(l, usd), money_long(l, usd), amount(l, usd, Some(high), floor), amount(l, usd, None, floor)] {
                prop_assert!(!s.is_empty());
                prop_assert!(s == MISSING || s.chars().any(|c| c.is_ascii_digit()), "{s}");
            }
            if usd.is_finite() && (0.0..1e15).contains(&usd) {
                prop_assert_ne!(money(l, usd), MISSING);
            }
        }

        #[test]
        fn money_keeps_three_significant_figures(l in locale(), usd in 1.0f64..1e15) {
            // Every locale shows the same leading digits (the rounding happens once).
            let digits = |s: String| s.chars().filter(char::is_ascii_digit).collect::<String>();
            let en = digits(money(En, usd)).trim_end_matches('0').to_string();
            let axis = digits(money_axis(l, usd)).trim_end_matches('0').to_string();
            let prose = digits(money(l, usd)).trim_end_matches('0').to_string();
            prop_assert!(!en.is_empty() && en.len() <= 3, "{en}");
            prop_assert_eq!(&axis, &en);
            // Korean and Japanese prose spell the figures unit by unit, and Korean groups
            // within a unit: the same figures, zeros between them aside.
            prop_assert_eq!(prose.replace('0', ""), en.replace('0', ""));
        }

        #[test]
        fn integers_keep_their_digits(l in locale(), n in any::<i64>()) {
            let s = integer(l, n);
            let digits: String = s.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(digits, n.unsigned_abs().to_string());
            prop_assert_eq!(s.starts_with('-'), n < 0);
        }

        #[test]
        fn numbers_and_dates_never_panic(l in locale(), x in any::<f64>(), places in 0usize..20, y in -9999i32..9999, m in 0u8..14, d in 0u8..33, y2 in -9999i32..9999) {
            prop_assert!(!percent(l, x).is_empty());
            prop_assert!(!decimal(l, x, places).is_empty());
            let date = Date::new(y, m, d);
            let other = Date::new(y2, m, d);
            for s in [dates::day(l, date), dates::month_year(l, date), dates::year_span(l, y, y2), dates::day_range(l, date, other)] {
                prop_assert!(s.contains(&y.to_string()) || s.contains(&y2.to_string()), "{s}");
            }
        }

        #[test]
        fn wrapping_loses_no_character_and_starts_no_line_with_closing_punctuation(text in mixed_text(), max in 0.5f64..20.0) {
            let lines = wrap(&text, max);
            prop_assert!(!lines.is_empty());
            let kept: String = lines.concat().chars().filter(|&c| c != ' ').collect();
            let given: String = text.chars().filter(|&c| c != ' ').collect();
            prop_assert_eq!(kept, given);
            for line in lines.iter().skip(1) {
                let first = line.chars().next();
                prop_assert!(first.is_some_and(|c| c != ' ' && !is_no_start(c)), "{lines:?}");
            }
        }

        #[test]
        fn latin_width_is_the_layout_estimate(text in "[ -~]{0,60}") {
            prop_assert_eq!(width_em(&text), heist_ledger::layout::text::width(&text, 1.0));
        }
    }
}
