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
    v.sort = SortKey::Usd;
    v.ascending = true;
    let query = to_query(&v);
    let (back, notices) = parse(&query_pairs(&query));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, v);
}

#[test]
fn malformed_and_unknown_parameters_are_ignored_with_a_notice() {
    let cases: [(&[(&str, &str)], &str); 10] = [
        (&[("from", "twenty")], "Ignored from=twenty"),
        (&[("to", "1999")], "Ignored to=1999"),
        (&[("category", "bank")], "Ignored category=bank"),
        (&[("confidence", "maybe")], "Ignored confidence=maybe"),
        (&[("start", "2024-02-30"), ("end", "2024-03-01")], "Ignored start=2024-02-30"),
        (&[("start", "2024-05-01"), ("end", "2024-03-01")], "ends before it starts"),
        (&[("from", "2025"), ("to", "2022")], "ends before it starts"),
        (&[("colour", "red")], "Ignored unknown parameter colour=red"),
        (&[("sort", "size")], "Ignored sort=size"),
        (&[("since", "../../etc")], "Ignored since=../../etc"),
    ];
    for (query, want) in cases {
        let (v, notices) = parse(&pairs(query));
        assert!(notices.iter().any(|n| n.contains(want)), "{query:?}: {notices:?}");
        assert_eq!(v.filter, Filter::default(), "{query:?} must not filter anything");
    }
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
        (current.as_str(), false, "it is the release on screen"),
        ("1999-01-01", false, "names no such release"),
    ] {
        let (v, _) = parse(&pairs(&[("since", since)]));
        let (v, notices) = reconcile(v, &data);
        assert_eq!(v.since.is_some(), kept, "{since}");
        assert!(notices.iter().any(|n| n.contains(why)), "{since}: {notices:?}");
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
fn notices_are_cut_short_and_repeats_said_once_with_their_count() {
    let long = "x".repeat(10_000);
    let mut q = vec![("colour".to_string(), "red".to_string()); 1000];
    q.push(("incident".to_string(), long.clone()));
    q.push(("q".to_string(), "fine".to_string()));
    q.push(("theme".to_string(), long));
    let (_, notices) = parse(&q);
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(notices[0], "Ignored unknown parameter colour=red. (×1000)");
    assert!(notices.iter().all(|n| n.chars().count() <= 170), "no notice echoes a long value whole");
}

#[test]
fn a_control_is_held_to_the_addresss_rules_in_the_same_words() {
    let mut from_2022 = ViewState::default();
    from_2022.filter.from_year = Some(2022);
    // (the view before, what a control sets, words the refusal must hold)
    type Case<'a> = (&'a ViewState, &'a [(&'a str, &'a [&'a str])], &'a str);
    let cases: [Case; 5] = [
        (&from_2022, &[("to", &["2020"])], "ends before it starts"),
        (&from_2022, &[("from", &["1999"])], "Ignored from=1999"),
        (&from_2022, &[("category", &["bank"])], "Ignored category=bank"),
        (&from_2022, &[("start", &["2024-05-01"]), ("end", &["2024-03-01"])], "ends before it starts"),
        (&from_2022, &[("start", &["2024-05-01"])], "needs both start and end"),
    ];
    for (view, changes, words) in cases {
        let (_, by_control) = apply(view, changes);
        assert!(by_control.iter().any(|n| n.contains(words)), "{changes:?}: {by_control:?}");
        // The address says the same of the same values.
        let mut pairs = vec![("from".to_string(), "2022".to_string())];
        for (key, values) in changes {
            pairs.extend(values.iter().map(|v| (key.to_string(), v.to_string())));
        }
        let (_, by_address) = parse(&pairs);
        assert_eq!(by_control, by_address, "{changes:?}");
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
fn each_notice_names_the_key_and_the_value_the_reader_gave() {
    let text = |s: &str| s.to_string();
    let (d1, d2) = (Date::new(2024, 5, 1), Date::new(2024, 3, 1));
    // (the notice, its words exactly as the page shows them, what the reader gave that
    // the words must hold, and an address that produces it when the URL rules do).
    type Case<'a> = (Notice, &'a str, &'a [&'a str], &'a [(&'a str, &'a str)]);
    let cases: Vec<Case> = vec![
        (
            Notice::UnknownParameter { key: text("colour"), value: text("red") },
            "Ignored unknown parameter colour=red.",
            &["colour=red"],
            &[("colour", "red")],
        ),
        (
            Notice::NotAYear { key: text("from"), value: text("1999") },
            "Ignored from=1999: not a year between 2009 and 2100.",
            &["from=1999"],
            &[("from", "1999")],
        ),
        (
            Notice::NotADate {
                key: text("start"),
                value: text("2024-13-01"),
                why: text("month 13 out of range"),
            },
            "Ignored start=2024-13-01: month 13 out of range.",
            &["start=2024-13-01"],
            &[],
        ),
        (
            Notice::NotACategory(text("bank")),
            "Ignored category=bank: not a victim category.",
            &["category=bank"],
            &[("category", "bank")],
        ),
        (
            Notice::NotAConfidence(text("sure")),
            "Ignored confidence=sure: use official, firm or suspected.",
            &["confidence=sure"],
            &[("confidence", "sure")],
        ),
        (
            Notice::NotAYearlyMode(text("stack")),
            "Ignored yearly=stack: use yearly=split.",
            &["yearly=stack"],
            &[("yearly", "stack")],
        ),
        (
            Notice::NotAReleaseId(text("-x")),
            "Ignored since=-x: not a release id (such as 2026-12-01).",
            &["since=-x"],
            &[("since", "-x")],
        ),
        (
            Notice::NotATheme(text("pink")),
            "Ignored theme=pink: use light, dark or auto.",
            &["theme=pink"],
            &[("theme", "pink")],
        ),
        (
            Notice::NotAChart(text("pie")),
            "Ignored embed=pie: use yearly, timeline, flows or figures.",
            &["embed=pie"],
            &[("embed", "pie")],
        ),
        (
            Notice::NotAFlag { key: text("plain"), value: text("maybe") },
            "Ignored plain=maybe: use plain, plain=1 or plain=0.",
            &["plain=maybe"],
            &[("embed", "yearly"), ("plain", "maybe")],
        ),
        (
            Notice::NotASlide(text("9")),
            "Ignored present=9: slides are numbered 1 to 4.",
            &["present=9"],
            &[("present", "9")],
        ),
        (
            Notice::NotAColumn(text("colour")),
            "Ignored sort=colour: not a table column.",
            &["sort=colour"],
            &[("sort", "colour")],
        ),
        (
            Notice::NotADirection(text("up")),
            "Ignored dir=up: use asc or desc.",
            &["dir=up"],
            &[("dir", "up")],
        ),
        (
            Notice::FlagWithoutEmbed(text("static")),
            "Ignored static: it applies to an embed (add embed=yearly, timeline, flows or figures).",
            &["static"],
            &[("static", "")],
        ),
        (
            Notice::DatesReversed(d1, d2),
            "Ignored the date range 2024-05-01 to 2024-03-01: it ends before it starts.",
            &["2024-05-01", "2024-03-01"],
            &[("start", "2024-05-01"), ("end", "2024-03-01")],
        ),
        (
            Notice::DatesHalf,
            "Ignored the date range: it needs both start and end.",
            &["start", "end"],
            &[("end", "2024-03-01")],
        ),
        (
            Notice::YearsReversed(2025, 2020),
            "Ignored from=2025 and to=2020: the range ends before it starts.",
            &["from=2025", "to=2020"],
            &[("from", "2025"), ("to", "2020")],
        ),
        (
            Notice::UnknownActor(text("Nobody")),
            "Ignored actor=Nobody: no incident in this dataset names that actor.",
            &["actor=Nobody"],
            &[],
        ),
        (
            Notice::UnknownChain(text("nochain")),
            "Ignored chain=nochain: no incident in this dataset is on that chain.",
            &["chain=nochain"],
            &[],
        ),
        (
            Notice::UnknownIncident(text("nope-2020")),
            "Ignored incident=nope-2020: no incident has that id.",
            &["incident=nope-2020"],
            &[],
        ),
        (
            Notice::SinceOnScreen(text("2026-12-02")),
            "Ignored since=2026-12-02: it is the release on screen.",
            &["since=2026-12-02"],
            &[],
        ),
        (
            Notice::SinceNotInLog(text("2001-01-01")),
            "Ignored since=2001-01-01: this dataset's change log names no such release.",
            &["since=2001-01-01"],
            &[],
        ),
        (
            Notice::UnknownFlow(text("nope-2020")),
            "Ignored flow=nope-2020: no laundering flow is traced for that incident.",
            &["flow=nope-2020"],
            &[],
        ),
        (
            Notice::SinceNotLoaded { id: text("2026-11-01"), why: text("HTTP 404") },
            "Release 2026-11-01 could not be loaded to compare this view with: HTTP 404",
            &["2026-11-01", "HTTP 404"],
            &[],
        ),
    ];
    // Every variant has a case: this match has no catch-all, so a new variant does not
    // compile until it is numbered here, and the count below then asks for its case.
    let number = |n: &Notice| match n {
        Notice::UnknownParameter { .. } => 0,
        Notice::NotAYear { .. } => 1,
        Notice::NotADate { .. } => 2,
        Notice::NotACategory(_) => 3,
        Notice::NotAConfidence(_) => 4,
        Notice::NotAYearlyMode(_) => 5,
        Notice::NotAReleaseId(_) => 6,
        Notice::NotATheme(_) => 7,
        Notice::NotAChart(_) => 8,
        Notice::NotAFlag { .. } => 9,
        Notice::NotASlide(_) => 10,
        Notice::NotAColumn(_) => 11,
        Notice::NotADirection(_) => 12,
        Notice::FlagWithoutEmbed(_) => 13,
        Notice::DatesReversed(..) => 14,
        Notice::DatesHalf => 15,
        Notice::YearsReversed(..) => 16,
        Notice::UnknownActor(_) => 17,
        Notice::UnknownChain(_) => 18,
        Notice::UnknownIncident(_) => 19,
        Notice::SinceOnScreen(_) => 20,
        Notice::SinceNotInLog(_) => 21,
        Notice::UnknownFlow(_) => 22,
        Notice::SinceNotLoaded { .. } => 23,
    };
    let mut seen: Vec<usize> = cases.iter().map(|(n, ..)| number(n)).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..24).collect::<Vec<_>>(), "one case per variant");
    for (notice, words, given, query) in &cases {
        assert_eq!(notice.text(), *words, "{notice:?}");
        assert_eq!(notice.to_string(), *words, "Display says the same: {notice:?}");
        for g in *given {
            assert!(words.contains(g), "{notice:?} must name {g}");
        }
        if !query.is_empty() {
            let (_, notices) = parse(&pairs(query));
            assert!(notices.contains(&words.to_string()), "{query:?} gives {notices:?}, not {words}");
        }
    }
}

#[test]
fn a_date_the_address_cannot_read_is_ignored_in_the_date_readers_words() {
    let (_, notices) = parse(&pairs(&[("start", "2024-13-01"), ("end", "2024-03-01")]));
    let why = Date::parse("2024-13-01").expect_err("month 13 is no date");
    let want = Notice::NotADate { key: "start".into(), value: "2024-13-01".into(), why }.text();
    assert!(notices.contains(&want), "{notices:?}");
}
