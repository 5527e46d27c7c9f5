//! The notices about the address in the reader's words (issue 17): the view says what it
//! could not keep as a `Notice` and `html::notices` phrases it in the locale in force. The
//! English words, exactly; every kind in every locale, naming what the reader gave; and
//! the list tidied for a reader (cut, counted, capped) in each language.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::html::notices::{notice as notice_words, tidy};
use heist_ledger::lang::Locale;
use heist_ledger::model::Date;
use heist_ledger::phrase;
use heist_ledger::view::{apply, parse, Filter, Notice, ViewState, MAX_NOTICES};

#[path = "common/words.rs"]
mod words_of;
use words_of::{in_locale, locale_words};

fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
    q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// (the notice, its English words exactly as the page shows them, what the reader gave
/// that the words must hold in every language, and an address that produces it when the
/// URL rules do).
type Case<'a> = (Notice, &'a str, &'a [&'a str], &'a [(&'a str, &'a str)]);

/// One case per kind of notice.
fn cases() -> Vec<Case<'static>> {
    let text = |s: &str| s.to_string();
    let (d1, d2) = (Date::new(2024, 5, 1), Date::new(2024, 3, 1));
    vec![
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
            Notice::NotALanguage(text("xx")),
            "Ignored lang=xx: use en, ko, ja, fr, de or it.",
            &["lang=xx"],
            &[("lang", "xx")],
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
        (
            Notice::TextsNotLoaded(text("HTTP 404")),
            "The incidents' notes in this language could not be loaded (HTTP 404); they show in English.",
            &["HTTP 404"],
            &[],
        ),
    ]
}

#[test]
fn malformed_and_unknown_parameters_are_ignored_with_a_notice() {
    let cases: [(&[(&str, &str)], &str); 12] = [
        (&[("lang", "xx")], "Ignored lang=xx"),
        (&[("lang", "")], "Ignored lang="),
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
        let notices = tidy(&notices);
        assert!(notices.iter().any(|n| n.contains(want)), "{query:?}: {notices:?}");
        assert_eq!(v.filter, Filter::default(), "{query:?} must not filter anything");
    }
}

#[test]
fn notices_are_cut_short_and_repeats_said_once_with_their_count() {
    let long = "x".repeat(10_000);
    let mut q = vec![("colour".to_string(), "red".to_string()); 1000];
    q.push(("incident".to_string(), long.clone()));
    q.push(("q".to_string(), "fine".to_string()));
    q.push(("theme".to_string(), long));
    let notices = tidy(&parse(&q).1);
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
        let by_control = tidy(&apply(view, changes).1);
        assert!(by_control.iter().any(|n| n.contains(words)), "{changes:?}: {by_control:?}");
        // The address says the same of the same values.
        let mut pairs = vec![("from".to_string(), "2022".to_string())];
        for (key, values) in changes {
            pairs.extend(values.iter().map(|v| (key.to_string(), v.to_string())));
        }
        let by_address = tidy(&parse(&pairs).1);
        assert_eq!(by_control, by_address, "{changes:?}");
    }
}

#[test]
fn each_notice_names_the_key_and_the_value_the_reader_gave() {
    let cases = cases();
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
        Notice::NotALanguage(_) => 24,
        Notice::TextsNotLoaded(_) => 25,
    };
    let mut seen: Vec<usize> = cases.iter().map(|(n, ..)| number(n)).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..26).collect::<Vec<_>>(), "one case per variant");
    for (notice, words, given, query) in &cases {
        assert_eq!(notice_words(notice), *words, "{notice:?}");
        for g in *given {
            assert!(words.contains(g), "{notice:?} must name {g}");
        }
        if !query.is_empty() {
            let notices = tidy(&parse(&pairs(query)).1);
            assert!(notices.contains(&words.to_string()), "{query:?} gives {notices:?}, not {words}");
        }
    }
}

#[test]
fn a_date_the_address_cannot_read_is_ignored_in_the_date_readers_words() {
    let notices = tidy(&parse(&pairs(&[("start", "2024-13-01"), ("end", "2024-03-01")])).1);
    let why = Date::parse("2024-13-01").expect_err("month 13 is no date");
    let want = notice_words(&Notice::NotADate { key: "start".into(), value: "2024-13-01".into(), why });
    assert!(notices.contains(&want), "{notices:?}");
}

#[test]
fn every_kind_of_notice_has_its_own_words_in_every_locale_naming_what_the_reader_gave() {
    for l in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
        let w = locale_words(l);
        for (notice, english, given, _) in cases() {
            let said = phrase::with(w.clone(), || notice_words(&notice));
            assert!(!said.trim().is_empty(), "{}: {notice:?} has no words", l.code());
            assert_ne!(said, english, "{}: {notice:?} is still English", l.code());
            assert!(!said.contains('{'), "{}: {notice:?} leaves a hole unfilled: {said}", l.code());
            for g in given {
                assert!(said.contains(g), "{}: {notice:?} must name {g}: {said}", l.code());
            }
        }
    }
}

#[test]
fn the_notices_list_is_tidied_in_the_readers_language() {
    // (locale, the repeated notice's line, the last line of a long list)
    let cases = [
        (
            Locale::Ko,
            "알 수 없는 매개변수 colour=red을(를) 무시했습니다. (×1,000)",
            "…그 밖에 주소의 4,993개 부분도 무시했습니다.",
        ),
        (
            Locale::Ja,
            "不明なパラメーター colour=red を無視しました。(×1,000)",
            "…ほかにアドレスの4,993箇所も無視しました。",
        ),
        (
            Locale::Fr,
            "Paramètre inconnu colour=red ignoré. (×1\u{202f}000)",
            "…et 4\u{202f}993 autres parties de l’adresse, ignorées elles aussi.",
        ),
    ];
    for (l, repeated, last) in cases {
        let w = locale_words(l);
        let lines = phrase::with(w.clone(), || {
            tidy(&parse(&vec![("colour".to_string(), "red".to_string()); 1000]).1)
        });
        assert_eq!(lines, vec![repeated.to_string()], "{}", l.code());
        let many: Vec<(String, String)> = (0..5000).map(|i| (format!("p{i}"), "x".to_string())).collect();
        let lines = phrase::with(w, || tidy(&parse(&many).1));
        assert_eq!(lines.len(), MAX_NOTICES, "{}", l.code());
        assert_eq!(lines[MAX_NOTICES - 1], last, "{}", l.code());
    }
}

#[test]
fn a_date_the_address_cannot_read_is_ignored_in_the_readers_words_not_the_date_readers_english() {
    let n = parse(&pairs(&[("start", "2024-13-01"), ("end", "2024-03-01")])).1;
    let ko = in_locale(Locale::Ko, || tidy(&n));
    assert!(
        ko.iter().any(
            |line| line == "start=2024-13-01을(를) 무시했습니다: YYYY-MM-DD 형식의 실제 날짜가 아닙니다."
        ),
        "{ko:?}"
    );
    assert!(ko.iter().all(|line| !line.contains("month")), "no English from the date reader: {ko:?}");
}

#[test]
fn the_notices_heading_is_in_the_readers_language() {
    let lines = vec!["x".to_string()];
    let en = heist_ledger::html::live::notices(&lines);
    assert!(en.contains("Some parts of the address were not understood and were ignored:"), "{en}");
    let ja = in_locale(Locale::Ja, || heist_ledger::html::live::notices(&lines));
    assert!(ja.contains("アドレスの一部を解釈できず、無視しました:"), "{ja}");
    assert!(heist_ledger::html::live::notices(&[]).is_empty());
}
