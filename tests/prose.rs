//! The page's prose in the reader's language (issue 17): a publisher's window, the
//! publishers' outlook, the release log and the headline's share, each as a table per
//! locale; English stays as the page always wrote it.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::aggregate::Window;
use heist_ledger::html;
use heist_ledger::lang::Locale;
use heist_ledger::model::{Date, FigureScope};
use heist_ledger::phrase;
use heist_ledger::pipeline::{self, Selection};
use heist_ledger::view::{Theme, ViewState};

mod common;
use common::shipped;

#[path = "common/words.rs"]
mod words_of;
use words_of::in_locale;

fn window(year: Option<i32>, start: Date, end: Date, scope: FigureScope, words: Option<&str>) -> Window {
    Window { year, start, end, scope, words: words.map(str::to_string) }
}

#[test]
fn a_publishers_window_reads_as_each_press_writes_its_dates() {
    let d = Date::new;
    let full = window(Some(2024), d(2024, 1, 1), d(2024, 12, 31), FigureScope::Annual, None);
    let early = window(Some(2024), d(2024, 1, 1), d(2024, 12, 19), FigureScope::Annual, None);
    let worded = window(
        Some(2025),
        d(2025, 1, 1),
        d(2025, 12, 5),
        FigureScope::Annual,
        Some("January through early December"),
    );
    let half = window(Some(2026), d(2026, 1, 1), d(2026, 6, 30), FigureScope::PartOfYear, None);
    let years = window(None, d(2017, 1, 1), d(2025, 12, 31), FigureScope::MultiYear, None);
    // (locale, the window, how that locale's page writes it)
    let cases: Vec<(Locale, &Window, &str)> = vec![
        (Locale::En, &full, "2024"),
        (Locale::En, &early, "2024 (to 19 Dec 2024)"),
        (Locale::En, &worded, "2025 (January through early December)"),
        (Locale::En, &half, "1 Jan 2026 – 30 Jun 2026"),
        (Locale::En, &years, "1 Jan 2017 – 31 Dec 2025"),
        (Locale::Ko, &full, "2024년"),
        (Locale::Ko, &early, "2024년(2024년 12월 19일까지)"),
        (Locale::Ko, &worded, "2025년(발표처 표현: January through early December)"),
        (Locale::Ko, &half, "2026년 1월 1일~6월 30일"),
        (Locale::Ko, &years, "2017년 1월 1일~2025년 12월 31일"),
        (Locale::Ja, &full, "2024年"),
        (Locale::Ja, &early, "2024年(2024年12月19日まで)"),
        (Locale::Ja, &half, "2026年1月1日～6月30日"),
        (Locale::Fr, &full, "2024"),
        (Locale::Fr, &early, "2024 (jusqu’au 19 décembre 2024)"),
        (Locale::Fr, &half, "du 1er janvier au 30 juin 2026"),
        (Locale::De, &early, "2024 (bis 19. Dezember 2024)"),
        (Locale::It, &half, "dal 1º gennaio al 30 giugno 2026"),
    ];
    for (l, w, want) in cases {
        assert_eq!(in_locale(l, || phrase::window(w)), want, "{l:?} {w:?}");
    }
}

#[test]
fn an_amount_as_published_reads_as_each_press_writes_it() {
    let nbsp = '\u{a0}';
    let cases: Vec<(Locale, f64, Option<f64>, bool, String)> = vec![
        (Locale::En, 1.34e9, None, false, "$1.34B".into()),
        (Locale::En, 2e9, None, true, "at least $2B".into()),
        (Locale::Ko, 2e9, None, true, "최소 20억 달러".into()),
        (Locale::Ja, 1.34e9, None, false, "13億4000万ドル".into()),
        (Locale::Fr, 2e9, None, true, format!("au moins 2{nbsp}milliards de dollars")),
    ];
    for (l, usd, high, floor, want) in cases {
        assert_eq!(in_locale(l, || phrase::amount(usd, high, floor)), want, "{l:?} {usd}");
    }
}

/// The markup with the dataset's own English (each `<bdi lang="en">…</bdi>`, nested `<bdi>`
/// included) cut out: what is left is the page's words.
fn page_words(markup: &str) -> String {
    const OPEN: &str = r#"<bdi lang="en">"#;
    let mut out = String::new();
    let mut rest = markup;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let mut depth = 0usize;
        let mut k = start;
        loop {
            let next_open = rest[k..].find("<bdi").map(|i| i + k);
            let next_close = rest[k..].find("</bdi>").map(|i| i + k).expect("every <bdi> closes");
            match next_open {
                Some(o) if o < next_close => {
                    depth += 1;
                    k = o + 4;
                }
                _ => {
                    depth -= 1;
                    k = next_close + "</bdi>".len();
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        rest = &rest[k..];
    }
    out.push_str(rest);
    out
}

/// English words of the outlook and the release log that must not be left on another
/// language's page.
const ENGLISH_OUTLOOK: [&str; 6] = [
    "Publishers' latest figures",
    "latest read",
    "Next:",
    ", expected",
    "published ",
    "It may already be out",
];
const ENGLISH_LOG: [&str; 6] = [
    "What changed: the release log",
    "Release 20",
    "The release's notes in full",
    "Added: ",
    " added (",
    "Revised: ",
];

#[test]
fn the_publishers_outlook_is_in_the_readers_language_with_their_own_words_marked_english() {
    let data = shipped();
    assert!(!data.outlook.is_empty(), "the shipped data has an outlook");
    // (locale, words its outlook must hold)
    let cases: [(Locale, &[&str]); 3] = [
        (Locale::Ko, &["발표처별 최신 수치", "다음: ", " 발표 "]),
        (Locale::Ja, &["発表元ごとの最新の数値", "次回: ", "発表 "]),
        (Locale::Fr, &["Derniers chiffres des éditeurs", "Prochain : ", "publié le "]),
    ];
    for (l, want) in cases {
        let (folded, paper) = in_locale(l, || (html::outlook(&data), html::outlook_list(&data)));
        for text in [&folded, &paper] {
            let text = &page_words(text);
            for w in want {
                assert!(text.contains(w), "{l:?}: {w} missing from {text}");
            }
            for e in ENGLISH_OUTLOOK {
                assert!(!text.contains(e), "{l:?}: English {e:?} left in {text}");
            }
        }
        assert!(folded.contains(r#"<bdi lang="en">"#), "{l:?}: the publishers' own words are marked English");
    }
    let english = html::outlook(&data);
    assert!(english.contains("Publishers' latest figures") && !english.contains("lang=\"en\""), "{english}");
}

#[test]
fn the_release_log_is_in_the_readers_language_with_its_notes_marked_english() {
    let data = shipped();
    let cases: [(Locale, &[&str]); 3] = [
        (Locale::Ko, &["변경 사항: 릴리스 기록", "릴리스 노트 전문", "건 추가("]),
        (Locale::Ja, &["変更点: リリース履歴", "リリースノート全文", "件追加("]),
        (
            Locale::Fr,
            &["Ce qui a changé : le journal des versions", "Les notes de la version en entier", " ajoutés ("],
        ),
    ];
    for (l, want) in cases {
        let log = in_locale(l, || html::changes(&data));
        for w in want {
            assert!(log.contains(w), "{l:?}: {w} missing");
        }
        let own = page_words(&log);
        for e in ENGLISH_LOG {
            assert!(!own.contains(e), "{l:?}: English {e:?} left in the log");
        }
        assert!(log.contains(r#"<bdi lang="en">"#), "{l:?}: the release notes are marked English");
        let first = &data.changes[0];
        let date = in_locale(l, || phrase::date(first.date));
        assert!(log.contains(&date), "{l:?}: the release's date in the locale's form ({date})");
    }
    let english = html::changes(&data);
    assert!(english.contains("What changed: the release log") && !english.contains("lang=\"en\""));
}

#[test]
fn the_headline_share_names_its_window_in_the_readers_language() {
    let sel = Selection::new(shipped(), ViewState::default(), Theme::Light);
    let share = |l: Locale| {
        in_locale(l, || pipeline::headline(&sel))
            .into_iter()
            .find(|f| f.hook == Some("share"))
            .and_then(|f| f.detail)
            .expect("the shipped data has a share")
    };
    let en = share(Locale::En);
    let ko = share(Locale::Ko);
    let ja = share(Locale::Ja);
    assert!(en.starts_with("in 20") || en.starts_with("for "), "{en}");
    for (l, text) in [(Locale::Ko, &ko), (Locale::Ja, &ja)] {
        assert!(!text.contains(" Jan ") && !text.contains(" Dec "), "{l:?}: no English month: {text}");
    }
    assert!(ko.contains('년'), "{ko}");
    assert!(ja.contains('年'), "{ja}");
}

fn fixture() -> heist_ledger::model::Dataset {
    let text = include_str!("fixtures/minimal.json");
    heist_ledger::load::parse_dataset(text.as_bytes(), "minimal.json", Date::new(2100, 1, 1)).unwrap()
}

#[test]
fn why_a_years_sum_and_a_publishers_figure_part_reads_in_each_language() {
    use heist_ledger::reconcile::reconcile;
    // A sum above the figure (2024 lists $400M; the figure lowered to $250M) and a figure
    // above the sum (the $450M as published, against $400M listed).
    let mut above = fixture();
    above.reported_totals[1].usd = 250e6;
    let below = fixture();
    let note = |data: &heist_ledger::model::Dataset, l: Locale| {
        let notes = reconcile(data, (2024, 2024));
        in_locale(l, || phrase::year_note(data, &notes[0]))
    };
    // (the data, the locale, how the note starts, words it must hold)
    type Case<'a> = (&'a heist_ledger::model::Dataset, Locale, &'a str, &'a [&'a str]);
    let cases: [Case; 8] = [
        (&above, Locale::En, "2024: The 2 listed thefts sum to $400M, $150M above Test Publisher's $250M (2024, published 15 Jan 2025)", &["Beta Bridge $100M (research firm, contested)", "Official and firm-rated records alone sum to $400M."]),
        (&below, Locale::En, "2024: Test Publisher's $450M (2024, published 15 Jan 2025) is $50M above the 2 listed thefts ($400M): the publisher counts thefts this dataset does not list.", &["It counted 4 thefts; this dataset lists 2."]),
        (&above, Locale::Ko, "2024년: 목록의 탈취 사건 2건의 합계는 4억 달러로, Test Publisher의 2억5,000만 달러(2024년, 2025년 1월 15일 발표)보다 1억5,000만 달러 많습니다.", &["Beta Bridge 1억 달러(연구 기관, 이견 있음)"]),
        (&below, Locale::Ko, "2024년: Test Publisher의 4억5,000만 달러(2024년, 2025년 1월 15일 발표)는 목록의 탈취 사건 2건(4억 달러)보다 5,000만 달러 많습니다", &["탈취 사건 4건을 집계했고, 이 데이터셋은 2건을"]),
        (&above, Locale::Ja, "2024年: 一覧の窃取事件2件の合計は4億ドルで、Test Publisherの2億5000万ドル(2024年、2025年1月15日発表)を1億5000万ドル上回ります。", &["Beta Bridge 1億ドル(調査会社、異論あり)"]),
        (&below, Locale::Ja, "2024年: Test Publisherの4億5000万ドル(2024年、2025年1月15日発表)は一覧の窃取事件2件(4億ドル)を5000万ドル上回ります", &["4件と数え"]),
        (&above, Locale::Fr, "2024 : Les 2 vols listés totalisent 400\u{a0}millions de dollars, soit 150\u{a0}millions de dollars de plus que les 250\u{a0}millions de dollars de Test Publisher (2024, publié le 15 janvier 2025)", &["contesté)"]),
        (&below, Locale::Fr, "2024 : Les 450\u{a0}millions de dollars de Test Publisher (2024, publié le 15 janvier 2025) dépassent de 50\u{a0}millions de dollars les 2 vols listés (400\u{a0}millions de dollars)", &["Il comptait 4 vols ; ce jeu de données en liste 2."]),
    ];
    for (data, l, start, holds) in cases {
        let text = note(data, l);
        assert!(text.starts_with(start), "{l:?}: {text}");
        for h in holds {
            assert!(text.contains(h), "{l:?}: {h} missing from {text}");
        }
    }
}

/// A selection of the shipped data for a query.
fn selection(query: &str) -> Selection {
    let (v, _) = heist_ledger::view::parse(&heist_ledger::view::query_pairs(query));
    let (v, _) = heist_ledger::view::reconcile(v, &shipped());
    Selection::new(shipped(), v, Theme::Light)
}

#[test]
fn the_after_theft_section_and_a_theft_s_events_read_in_the_readers_language() {
    let sel = selection("");
    let bybit = sel.data.incident("bybit-2025").expect("Bybit is in the shipped data").clone();
    // (locale, words the yearly section holds, words the theft's events hold)
    let cases: [(Locale, &[&str], &[&str]); 4] = [
        (
            Locale::En,
            &[
                "After the theft: frozen, seized, recovered, returned",
                "Year of theft",
                " stolen in the thefts in view, ",
            ],
            &["After the theft", "returned to the victim:"],
        ),
        (
            Locale::Ko,
            &["탈취 이후: 동결, 압수, 회수, 반환", "탈취 연도", "표시된 탈취 사건에서 도난된 "],
            &["탈취 이후", "피해자에게 반환:"],
        ),
        (
            Locale::Ja,
            &["窃取の後: 凍結・押収・回収・返還", "窃取の年", "表示中の窃取事件で盗まれた"],
            &["窃取の後", "被害者に返還:"],
        ),
        (
            Locale::Fr,
            &["Après le vol : gelé, saisi, récupéré, restitué", "Année du vol", "Sur les "],
            &["Après le vol", "restitué à la victime :"],
        ),
    ];
    for (l, section, events) in cases {
        let (years, detail) =
            in_locale(l, || (html::after::years(&sel), html::after::incident(&sel.data, &bybit)));
        for w in section {
            assert!(years.contains(w), "{l:?}: {w} missing from the yearly section");
        }
        for w in events {
            assert!(detail.contains(w), "{l:?}: {w} missing from Bybit's events");
        }
        if l != Locale::En {
            let own = page_words(&years) + &page_words(&detail);
            for e in [
                "After the theft",
                "Year of theft",
                "was frozen, seized",
                " by ",
                "Counted within",
                "(reported)",
            ] {
                assert!(!own.contains(e), "{l:?}: English {e:?} left");
            }
        }
    }
}

#[test]
fn a_flows_published_splits_read_in_the_readers_language() {
    use heist_ledger::pipeline::{ChartData, ChartKind};
    let data = shipped();
    let flow = data.flows.iter().max_by_key(|f| f.status.len()).expect("a flow with a history");
    let sel = selection(&format!("flow={}", flow.incident));
    let chart = ChartData::new(&sel, ChartKind::Flows);
    let cases: [(Locale, &[&str]); 4] = [
        (Locale::En, &["was published over time", "Still traceable", "Gone dark", ">Stages<"]),
        (Locale::Ko, &["시간에 따라 어떻게 발표되었는가", "추적 가능", "추적 불가", ">단계<"]),
        (Locale::Ja, &["時とともにどう公表されたか", "追跡可能", "追跡不能", ">段階<"]),
        (Locale::Fr, &["a été publiée au fil du temps", "Encore traçable", "Disparu des radars", ">Étapes<"]),
    ];
    for (l, want) in cases {
        let caption = in_locale(l, || html::caption(&chart));
        let status = &caption[caption.find("data-flow-status").expect("the flow's history")..];
        for w in want {
            assert!(status.contains(w), "{l:?}: {w} missing from the flow's history");
        }
        let first = flow.status.first().expect("a split").date;
        let date = in_locale(l, || phrase::date(first));
        assert!(status.contains(&date), "{l:?}: the split's date in the locale's form ({date})");
    }
}

/// Release 2026-12-02 compared with 2026-12-01 (`?since=2026-12-01`), as frozen.
fn since_release() -> Selection {
    use heist_ledger::diff::Baseline;
    use std::sync::Arc;
    let release = |text: &str| {
        Arc::new(
            heist_ledger::load::parse_dataset(text.as_bytes(), "release.json", Date::new(2100, 1, 1))
                .unwrap(),
        )
    };
    let old = release(include_str!("../data/releases/2026-12-01.json"));
    let new = release(include_str!("../data/releases/2026-12-02.json"));
    let pairs = vec![("since".to_string(), old.release.id.clone())];
    let (v, _) = heist_ledger::view::reconcile(heist_ledger::view::parse(&pairs).0, &new);
    Selection::new(new.clone(), v, Theme::Light).with_since(Some(Arc::new(Baseline::new(old, &new))))
}

#[test]
fn the_comparison_with_an_earlier_release_reads_in_the_readers_language() {
    let sel = since_release();
    // (locale, words the panel holds, words the folded line holds)
    let cases: [(Locale, &[&str], &str); 4] = [
        (
            Locale::En,
            &["What changed in this view since release 2026-12-01 (1 Dec 2026)", ">Record<", "Added ("],
            "Since release 2026-12-01: ",
        ),
        (
            Locale::Ko,
            &["릴리스 2026-12-01(2026년 12월 1일) 이후", ">기록<", "추가("],
            "릴리스 2026-12-01 이후: ",
        ),
        (
            Locale::Ja,
            &["リリース 2026-12-01(2026年12月1日)以降", ">記録<", "追加("],
            "リリース 2026-12-01以降: ",
        ),
        (
            Locale::Fr,
            &["depuis la version 2026-12-01 (1er décembre 2026)", ">Enregistrement<", "Ajoutés ("],
            "Depuis la version 2026-12-01 : ",
        ),
    ];
    for (l, want, folded_line) in cases {
        let (panel, folded) = in_locale(l, || (html::diff::panel(&sel, false), html::diff::folded(&sel)));
        for w in want {
            assert!(panel.contains(w), "{l:?}: {w} missing from the panel");
        }
        assert!(folded.contains(folded_line), "{l:?}: {folded_line} missing from the folded line");
        if l != Locale::En {
            for e in [
                "What changed in this view",
                " added, ",
                ">Was<",
                "Revised (",
                "(unchanged)",
                "not given in the change log",
            ] {
                assert!(!page_words(&panel).contains(e), "{l:?}: English {e:?} left in the panel");
            }
        }
    }
}

#[test]
fn the_folded_chart_notes_and_the_flow_picker_read_in_the_readers_language() {
    use heist_ledger::pipeline::{ChartData, ChartKind};
    let sel = selection("");
    let yearly = ChartData::new(&sel, ChartKind::Yearly);
    let cases: [(Locale, &str, &str, &str); 3] = [
        (
            Locale::En,
            "Why the listed sum and the publishers' figures part",
            ">Show <",
            "All traced in view (",
        ),
        (Locale::Ko, "목록 합계와 발표처 수치가 다른 이유", ">표시 <", "화면의 추적된 흐름 전체("),
        (
            Locale::Fr,
            "Pourquoi la somme listée et les chiffres des éditeurs divergent",
            ">Afficher <",
            "Tous les flux tracés affichés (",
        ),
    ];
    for (l, notes, show, all) in cases {
        let (caption, head) =
            in_locale(l, || (html::caption(&yearly), html::figure_head(ChartKind::Flows, &sel, false)));
        assert!(caption.contains(notes), "{l:?}: the yearly chart's folded notes say {notes}");
        assert!(head.contains(show) && head.contains(all), "{l:?}: the flow picker says {show} and {all}");
        if l != Locale::En {
            for english in ["Why the listed sum", "All traced in view", ">Show <"] {
                assert!(
                    !caption.contains(english) && !head.contains(english),
                    "{l:?}: {english} left in English"
                );
            }
        }
    }
}

#[test]
fn each_part_quoting_the_datasets_english_says_so_once_at_its_top_in_the_readers_language() {
    let sel = selection("");
    let bybit = sel.data.incident("bybit-2025").expect("Bybit is in the shipped data").clone();
    let since = since_release();
    const NOTE: &str = "<p class=\"data-note\" data-english-section>";
    let parts = || {
        [
            ("the publishers' outlook", html::outlook(&sel.data)),
            ("the release log", html::changes(&sel.data)),
            ("the thefts after the theft, apart", html::after::years(&sel)),
            ("a theft's events", html::after::incident(&sel.data, &bybit)),
            ("the comparison with a release", html::diff::panel(&since, false)),
        ]
    };
    for l in [Locale::Ko, Locale::Ja, Locale::Fr, Locale::De, Locale::It] {
        let words = in_locale(l, || phrase::t("data.english_section"));
        assert_ne!(
            words,
            in_locale(Locale::En, || phrase::t("data.english_section")),
            "{l:?}: the note's words"
        );
        for (part, markup) in in_locale(l, parts) {
            let english = markup
                .find(r#"<bdi lang="en">"#)
                .unwrap_or_else(|| panic!("{l:?} {part}: quotes no English"));
            let note = format!("{NOTE}{words}</p>");
            assert_eq!(markup.matches(NOTE).count(), 1, "{l:?} {part}: one note");
            let at =
                markup.find(&note).unwrap_or_else(|| panic!("{l:?} {part}: the note in the locale's words"));
            assert!(at < english, "{l:?} {part}: the note comes before the first English it explains");
        }
    }
    for (part, markup) in parts() {
        assert!(!markup.contains("data-english-section"), "English page, {part}: no note");
    }
}
