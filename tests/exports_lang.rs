//! What leaves the page, in the reader's language (issue 17): the view in words per locale,
//! the one address family (and its one rule on the theme), the one release slug in file
//! names, and the exports' words (frames, CSV headers, JSON metadata, citations) in Korean,
//! Japanese and French beside the English they replace.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use heist_ledger::lang::Locale;
use heist_ledger::phrase;
use heist_ledger::phrase::view::{words, View, Years};
use heist_ledger::pipeline::{self, Address, ChartKind, Selection};
use heist_ledger::view::{self, Theme, ViewState};

mod common;
use common::shipped;
#[path = "common/words.rs"]
mod words_of;
use words_of::in_locale;

const SITE: &str = "https://example.org/heist-ledger/";
const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

fn view_of(query: &str) -> ViewState {
    let (v, notices) = view::parse(&view::query_pairs(query));
    assert!(notices.is_empty(), "{query}: {notices:?}");
    v
}

fn selection(query: &str) -> Selection {
    let data = shipped();
    let (v, notices) = view::reconcile(view_of(query), &data);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    Selection::new(data, v, Theme::Light)
}

#[test]
fn the_view_in_words_reads_in_each_locale() {
    let filtered = view_of("from=2022&to=2024&category=bridge&confidence=official").filter;
    let bridge = view_of("category=bridge").filter;
    let brushed = view_of("start=2025-02-21&end=2025-03-03&q=Bybit").filter;
    let none = view_of("").filter;
    let fr_sep = format!("{NNBSP}; ");
    let cases: Vec<(Locale, View, String)> = vec![
        (
            Locale::En,
            View::of(&filtered, Years::AsFiltered),
            "Bridge; Official attribution; 2022 to 2024".into(),
        ),
        (Locale::Ko, View::of(&filtered, Years::AsFiltered), "브리지; 귀속: 공식; 2022~2024년".into()),
        (Locale::Ja, View::of(&filtered, Years::AsFiltered), "ブリッジ、帰属：公式、2022～2024年".into()),
        (
            Locale::Fr,
            View::of(&filtered, Years::AsFiltered),
            format!("Pont{fr_sep}attribution{NBSP}: Officielle{fr_sep}de 2022 à 2024"),
        ),
        (Locale::En, View::of(&bridge, Years::Beside((2017, 2026))), "Bridge, 2017–2026".into()),
        (Locale::Ko, View::of(&bridge, Years::Beside((2017, 2026))), "브리지, 2017~2026년".into()),
        (Locale::Ja, View::of(&none, Years::Beside((2017, 2026))), "すべての事件、2017～2026年".into()),
        (Locale::Fr, View::of(&bridge, Years::Once((2017, 2026))), format!("Pont{fr_sep}2017-2026")),
        (Locale::En, View::of(&none, Years::Once((2024, 2024))), "All incidents, 2024".into()),
        (Locale::Ko, View::of(&none, Years::Once((2024, 2024))), "모든 사건, 2024년".into()),
        // The filter's years are said once, by the span.
        (
            Locale::Ja,
            View::of(&filtered, Years::Once((2022, 2024))),
            "ブリッジ、帰属：公式、2022～2024年".into(),
        ),
        (
            Locale::En,
            View::of(&brushed, Years::AsFiltered),
            "21 Feb 2025 to 3 Mar 2025; matching \u{201c}Bybit\u{201d}".into(),
        ),
        (
            Locale::Ko,
            View::of(&brushed, Years::AsFiltered),
            "2025년 2월 21일~2025년 3월 3일; “Bybit” 검색".into(),
        ),
        (
            Locale::Ja,
            View::of(&brushed, Years::AsFiltered),
            "2025年2月21日～2025年3月3日、「Bybit」を含む".into(),
        ),
        (
            Locale::Fr,
            View::of(&brushed, Years::AsFiltered),
            format!("du 21 février 2025 au 3 mars 2025{fr_sep}contenant «{NBSP}Bybit{NBSP}»"),
        ),
        (
            Locale::Ko,
            View {
                filter: &none,
                years: Years::Once((2025, 2025)),
                open: Some(("Bybit", heist_ledger::model::Date::new(2025, 2, 21))),
                flow: Some("Bybit"),
            },
            "모든 사건, 2025년; 열린 사건: Bybit, 2025년 2월 21일; 표시된 자금 흐름: Bybit 탈취 자금의 세탁"
                .into(),
        ),
    ];
    for (l, v, want) in cases {
        assert_eq!(in_locale(l, || words(&v)), want, "{l:?}");
    }
}

/// The query of an address as decoded pairs.
fn pairs(address: &str) -> Vec<(String, String)> {
    view::query_pairs(address.split_once('?').map_or("", |(_, q)| q))
}

fn has(address: &str, key: &str) -> Option<String> {
    pairs(address).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

#[test]
fn every_address_of_a_view_follows_one_rule_on_the_theme_and_keeps_the_language() {
    let release = shipped().release.id.clone();
    let pinned = format!("{SITE}v/{release}/");
    // (address kind, the theme the reader chose, the theme the address must carry)
    let cases = [
        (Address::Pinned, Some("dark"), None),
        (Address::Pinned, None, None),
        (Address::Embed(ChartKind::Flows), Some("dark"), Some("dark")),
        (Address::Embed(ChartKind::Flows), None, Some("light")),
        (Address::Latest, Some("dark"), Some("dark")),
        (Address::Latest, None, None),
    ];
    for (which, chosen, want) in cases {
        let query = match chosen {
            Some(t) => format!("from=2022&incident=bybit-2025&present=2&theme={t}"),
            None => "from=2022&incident=bybit-2025&present=2".to_string(),
        };
        let sel = selection(&query);
        let a = pipeline::address(&sel, SITE, which);
        assert_eq!(has(&a, "theme").as_deref(), want, "{which:?} {chosen:?}: {a}");
        assert_eq!(has(&a, "present"), None, "{which:?}: a slide number is never part of an address");
        assert_eq!(has(&a, "from").as_deref(), Some("2022"), "{which:?}: {a}");
        match which {
            Address::Pinned => {
                assert!(a.starts_with(&format!("{pinned}?")), "{a}");
                assert_eq!(has(&a, "incident").as_deref(), Some("bybit-2025"));
            }
            Address::Embed(kind) => {
                assert!(a.starts_with(&format!("{pinned}embed/{}/?", kind.name())), "{a}");
                assert_eq!(has(&a, "incident"), None, "an open detail panel is not part of an embed");
                assert_eq!(has(&a, "embed").as_deref(), Some(kind.name()));
            }
            Address::Latest => assert!(a.starts_with(&format!("{SITE}?")), "{a}"),
        }
        // English addresses carry no language; a Korean page's carry it, and its embed
        // code points at the Korean static page.
        assert_eq!(has(&a, "lang"), None, "{which:?}: {a}");
        let ko = in_locale(Locale::Ko, || pipeline::address(&sel, SITE, which));
        assert_eq!(has(&ko, "lang").as_deref(), Some("ko"), "{which:?}: {ko}");
        if let Address::Embed(kind) = which {
            assert!(ko.starts_with(&format!("{pinned}embed/{}/ko/?", kind.name())), "{ko}");
        }
    }
    // The language the reader asked for wins over the words in force.
    let sel = selection("lang=ja");
    let a = in_locale(Locale::Ko, || pipeline::address(&sel, SITE, Address::Pinned));
    assert_eq!(has(&a, "lang").as_deref(), Some("ja"), "{a}");
    // The embed code, the citation and an image's link are that family's.
    let sel = selection("from=2022&theme=dark");
    assert!(heist_ledger::exports::embed_code(&sel, ChartKind::Yearly, SITE)
        .contains(&pipeline::address(&sel, SITE, Address::Embed(ChartKind::Yearly)).replace('&', "&amp;")));
    let today = heist_ledger::model::Date::new(2026, 12, 3);
    assert_eq!(
        heist_ledger::cite::cite(&sel, SITE, today).permalink,
        pipeline::address(&sel, SITE, Address::Pinned)
    );
    assert_eq!(pipeline::view_link(&sel, SITE), pipeline::address(&sel, SITE, Address::Pinned));
}

#[test]
fn a_release_id_becomes_one_slug_in_every_file_name() {
    for (id, want) in [
        ("2026-12-01", "2026-12-01"),
        ("2026-12-01.1", "2026-12-01.1"),
        ("2026-12-01 beta/2", "2026-12-01-beta-2"),
    ] {
        assert_eq!(heist_ledger::release::file_slug(id), want, "{id}");
    }
    let mut data = (*shipped()).clone();
    data.release.id = "2026-12-01.1".to_string();
    let sel = Selection::new(Arc::new(data), ViewState::default(), Theme::Light);
    let name = heist_ledger::exports::file_name(&sel, "yearly", Some(ChartKind::Yearly), None, "svg");
    assert_eq!(name, "heist-ledger-yearly-2026-12-01.1.svg", "a point release keeps its dot");
    assert_eq!(heist_ledger::package::zip_name("2026-12-01.1"), "heist-ledger-data-2026-12-01.1.zip");
}

#[test]
fn an_exported_image_s_frame_speaks_the_locale_and_says_it_is_machine_translated() {
    let sel = selection("category=bridge");
    let release = sel.data.release.id.clone();
    // (locale, sources label, the data's date as the locale writes it, the note)
    let cases = [
        (Locale::Ko, "출처: ", "데이터 기준일 ", "기계 번역, 검토되지 않음."),
        (Locale::Ja, "出典：", "データ基準日 ", "機械翻訳、未確認。"),
        (Locale::Fr, "Sources\u{a0}: ", "Données au ", "Traduction automatique, non relue."),
    ];
    for (l, sources, dated, note) in cases {
        let (frame, svg, view_words, heading, as_of) = in_locale(l, || {
            let chart = pipeline::ChartData::new(&sel, ChartKind::Yearly);
            let frame = pipeline::export_frame(&sel, &chart, SITE);
            let (svg, _) =
                pipeline::standalone_svg(&sel, ChartKind::Yearly, ChartKind::Yearly.size_for(800), SITE)
                    .expect("the image draws");
            let words = pipeline::view_words(&sel, Years::Beside(sel.span));
            (frame, svg, words, ChartKind::Yearly.heading(), phrase::date(sel.data.as_of))
        });
        assert_eq!(frame.title, heading, "{l:?}");
        assert_eq!(frame.subtitle, view_words, "{l:?}");
        assert!(frame.sources.starts_with(sources), "{l:?}: {}", frame.sources);
        assert!(frame.dated.starts_with(&format!("{dated}{as_of}")), "{l:?}: {}", frame.dated);
        assert!(frame.dated.contains(&release) && frame.dated.ends_with(note), "{l:?}: {}", frame.dated);
        assert_eq!(has(&frame.link, "lang").as_deref(), Some(l.code()), "{l:?}: {}", frame.link);
        assert!(
            svg.starts_with(&format!(r#"<svg xml:lang="{}" "#, l.code())),
            "{l:?}: the image names its language"
        );
        let words =
            [&frame.title, &frame.subtitle, &frame.sources, &frame.dated].map(|s| s.as_str()).join("\n");
        for english in ["Sources:", "Data as of", "newest evidence", "All incidents", "Stolen per year"] {
            assert!(!words.contains(english), "{l:?}: {english:?} left in the frame: {words}");
        }
        assert!(!frame.subtitle.contains("Bridge"), "{l:?}: {}", frame.subtitle);
    }
    // English as it always was: no language attribute, no note.
    let chart = pipeline::ChartData::new(&sel, ChartKind::Yearly);
    let frame = pipeline::export_frame(&sel, &chart, SITE);
    assert_eq!(frame.subtitle, format!("Bridge, {}–{}", sel.span.0, sel.span.1));
    assert!(frame.sources.starts_with("Sources: ") && frame.dated.starts_with("Data as of "), "{frame:?}");
    let (svg, _) =
        pipeline::standalone_svg(&sel, ChartKind::Yearly, ChartKind::Yearly.size_for(800), SITE).unwrap();
    assert!(svg.starts_with("<svg xmlns="), "English images are unchanged");
}

#[test]
fn a_static_embed_page_in_each_locale_has_its_lang_its_words_and_reaches_the_site_files() {
    let sel = Selection::new(shipped(), ViewState::default(), Theme::Light);
    for (l, open) in [
        (Locale::Ko, "Heist Ledger에서 전체 화면 열기"),
        (Locale::Ja, "Heist Ledgerで全体を表示"),
        (Locale::Fr, "Ouvrir la vue complète dans Heist Ledger"),
    ] {
        let (page, path) = in_locale(l, || {
            (
                heist_ledger::exports::static_embed_page(&sel, ChartKind::Timeline, SITE).unwrap(),
                heist_ledger::exports::static_embed_path(ChartKind::Timeline),
            )
        });
        assert_eq!(path, format!("embed/timeline/{}/", l.code()));
        assert!(
            page.contains(&format!(r#"<html lang="{}" data-static-embed="timeline">"#, l.code())),
            "{l:?}"
        );
        assert!(page.contains(r#"<script src="../../../embed.js""#), "{l:?}: three folders below the page");
        assert!(page.contains(r#"href="../../../embed.css""#), "{l:?}");
        assert!(page.contains(open), "{l:?}");
        assert!(!page.contains("Open the full view"), "{l:?}: no English left");
        assert!(page.contains("lang="), "{l:?}: the link back keeps the language");
    }
    let en = heist_ledger::exports::static_embed_page(&sel, ChartKind::Timeline, SITE).unwrap();
    assert!(en.contains(r#"<html lang="en" data-static-embed="timeline">"#));
    assert!(en.contains(r#"<script src="../../embed.js""#));
    assert!(en.contains("<title>Heist timeline (Heist Ledger)</title>"));
}

/// The header row of a CSV this page writes (after its byte-order mark), split at `sep`.
fn header_row(csv: &str, sep: char) -> Vec<String> {
    let text = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    text.split("\r\n").next().unwrap().split(sep).map(str::to_string).collect()
}

#[test]
fn csv_header_rows_are_in_the_locale_and_english_keeps_its_column_ids() {
    let sel = selection("from=2022&to=2024");
    let incidents = sel.incidents();
    // (locale, separator, the incidents CSV's first four headers, the yearly table's first three)
    let cases: [(Locale, char, [&str; 4], [&str; 3]); 4] = [
        (
            Locale::En,
            ',',
            ["id", "date", "victim", "category"],
            ["Year", "Incidents (dataset)", "Sum (dataset)"],
        ),
        (Locale::Ko, ',', ["ID", "날짜", "피해자", "범주"], ["연도", "사건 수(데이터셋)", "합계(데이터셋)"]),
        (
            Locale::Ja,
            ',',
            ["ID", "日付", "被害者", "カテゴリー"],
            ["年", "事件数（データセット）", "合計（データセット）"],
        ),
        (
            Locale::Fr,
            ';',
            ["identifiant", "date", "victime", "catégorie"],
            ["Année", "Incidents (jeu de données)", "Somme (jeu de données)"],
        ),
    ];
    for (l, sep, incident_headers, yearly_headers) in cases {
        let (csv, yearly) = in_locale(l, || {
            let csv = heist_ledger::exports::incidents_csv(&sel.data, &incidents);
            (csv, heist_ledger::exports::table_csv(&pipeline::table(&sel, ChartKind::Yearly)))
        });
        let row = header_row(&csv, sep);
        assert_eq!(row.len(), heist_ledger::exports::INCIDENT_COLUMNS.len(), "{l:?}: {row:?}");
        assert_eq!(&row[..4], &incident_headers.map(String::from), "{l:?}");
        let row = header_row(&yearly, sep);
        assert_eq!(&row[..3], &yearly_headers.map(String::from), "{l:?}");
    }
    // English's incident columns are the ids scripts match, all of them.
    let en = header_row(&heist_ledger::exports::incidents_csv(&sel.data, &incidents), ',');
    assert_eq!(en, heist_ledger::exports::INCIDENT_COLUMNS.map(String::from).to_vec());
}

#[test]
fn json_metadata_names_its_language_keeps_english_keys_and_says_how_it_was_translated() {
    let sel = selection("category=bridge");
    let incidents = sel.incidents();
    for (l, title) in [
        (Locale::En, "Heist Ledger: cryptocurrency thefts attributed to North Korea"),
        (Locale::Ko, "Heist Ledger: 북한 소행으로 지목된 암호화폐 탈취"),
        (Locale::Ja, "Heist Ledger：北朝鮮によるとされる暗号資産の窃取"),
        (Locale::Fr, "Heist Ledger\u{a0}: vols de cryptomonnaies attribués à la Corée du Nord"),
    ] {
        let (json, words) = in_locale(l, || {
            let words = pipeline::view_words(&sel, Years::Beside(sel.span));
            (heist_ledger::exports::incidents_json(&sel.data, &incidents, &words, SITE), words)
        });
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["lang"], l.code(), "{l:?}");
        assert_eq!(v["title"], title, "{l:?}");
        assert_eq!(v["view"], words.as_str(), "{l:?}");
        assert_eq!(v["translation"].is_string(), l != Locale::En, "{l:?}: the machine-translation note");
        let first = &v["incidents"][0];
        for key in ["id", "date", "victim", "category", "usd", "attribution", "sources", "source_details"] {
            assert!(first.get(key).is_some(), "{l:?}: the record keeps its English key {key}");
        }
    }
}

#[test]
fn a_citation_reads_in_the_locale_with_its_dates_and_the_machine_translation_note() {
    let sel = selection("from=2024&category=bridge&lang=ko");
    let today = heist_ledger::model::Date::new(2026, 12, 3);
    // (locale, the access words, the view's quotes, the note, biblatex's langid)
    let cases = [
        (Locale::Ko, "2026년 12월 3일 접속", ("\u{201c}", "\u{201d}"), "기계 번역, 검토되지 않음.", "korean"),
        (Locale::Ja, "2026年12月3日閲覧", ("「", "」"), "機械翻訳、未確認。", "japanese"),
        (
            Locale::Fr,
            "Consulté le 3 décembre 2026",
            ("«\u{a0}", "\u{a0}»"),
            "Traduction automatique, non relue.",
            "french",
        ),
    ];
    for (l, accessed, (open, close), note, langid) in cases {
        let (c, view_words, docs) = in_locale(l, || {
            let c = heist_ledger::cite::cite(&sel, SITE, today);
            let docs = phrase::integer(heist_ledger::cite::sources_in_view(&sel).documents as i64);
            (c, heist_ledger::cite::view_in_words(&sel), docs)
        });
        assert!(c.text.contains(accessed), "{l:?}: {}", c.text);
        assert!(c.text.contains(&format!("{open}{view_words}{close}")), "{l:?}: {}", c.text);
        assert!(c.text.contains(&docs), "{l:?}: the count of documents: {}", c.text);
        assert!(c.text.ends_with(note), "{l:?}: {}", c.text);
        assert!(c.text.contains(&c.permalink) && c.permalink.contains("lang=ko"), "{l:?}: {}", c.permalink);
        for english in
            ["Accessed", "Sources:", "source documents", "published", "data as of", "All incidents"]
        {
            assert!(!c.text.contains(english), "{l:?}: {english:?} left: {}", c.text);
        }
        assert!(c.bibtex.contains(&format!("langid = {{{langid}}}")), "{l:?}: {}", c.bibtex);
        let csl: serde_json::Value = serde_json::from_str(&c.csl).expect("CSL-JSON parses");
        assert_eq!(csl[0]["language"], l.code(), "{l:?}");
        assert!(csl[0]["title"].as_str().unwrap().contains(&view_words), "{l:?}");
    }
    // English: no language fields, no note.
    let c = heist_ledger::cite::cite(&sel, SITE, today);
    assert!(
        c.text.contains(&format!("Accessed {}", today.human())) && !c.bibtex.contains("langid"),
        "{}",
        c.text
    );
    assert!(!c.csl.contains("\"language\""), "{}", c.csl);
}

#[test]
fn the_print_pack_speaks_the_locale_on_its_cover_lists_and_charts() {
    let sel = selection("from=2022&to=2024&category=bridge");
    let mode = heist_ledger::briefing::PrintMode::Pack;
    // (locale, the pack's title, its filter line's start, the list heading, the note)
    let cases = [
        (
            Locale::Ko,
            "Heist Ledger: 브리핑 자료",
            "필터: 브리지; 2022~2024년.",
            "차트의 출처",
            "기계 번역, 검토되지 않음.",
        ),
        (
            Locale::Ja,
            "Heist Ledger：ブリーフィング資料",
            "フィルター：ブリッジ、2022～2024年。",
            "グラフの出典",
            "機械翻訳、未確認。",
        ),
        (
            Locale::Fr,
            "Heist Ledger\u{a0}: dossier de briefing",
            "Filtres\u{a0}: Pont\u{202f}; de 2022 à 2024.",
            "Sources des graphiques",
            "Traduction automatique, non relue.",
        ),
    ];
    for (l, title, filters, heading, note) in cases {
        let pack = in_locale(l, || heist_ledger::briefing::pack(&sel, mode, SITE));
        let words = in_locale(l, || heist_ledger::briefing::filters_in_words(&sel));
        assert!(pack.contains(&format!("<h1>{title}</h1>")), "{l:?}");
        assert!(words.starts_with(filters), "{l:?}: {words}");
        assert!(pack.contains(&format!("<h2>{heading}</h2>")), "{l:?}");
        assert!(pack.contains(note), "{l:?}: the machine-translation note");
        assert!(pack.contains(r#"xml:lang=""#), "{l:?}: the printed charts name their language");
        for english in [
            "Filters:",
            "Live view:",
            "Sources of the charts",
            "Showing ",
            "Why the sums part",
            "briefing pack",
        ] {
            assert!(!pack.contains(english), "{l:?}: {english:?} left in the pack");
        }
    }
    let en = heist_ledger::briefing::pack(&sel, mode, SITE);
    assert!(en.contains("<h1>Heist Ledger: briefing pack</h1>") && !en.contains("data-machine-translation"));
}

#[test]
fn a_slide_s_source_line_and_controls_speak_the_locale() {
    let sel = selection("");
    for (l, sources, previous, label) in [
        (Locale::En, "Sources: ", "← Previous", "Slide 2 of 4"),
        (Locale::Ko, "출처: ", "← 이전", "슬라이드 2/4"),
        (Locale::Ja, "出典：", "← 前へ", "スライド 2/4"),
        (Locale::Fr, "Sources\u{a0}: ", "← Précédente", "Diapositive 2 sur 4"),
    ] {
        let (line, slide) = in_locale(l, || {
            let chart = pipeline::ChartData::new(&sel, ChartKind::Yearly);
            let line = pipeline::slide_sources(&sel, &chart);
            (line.clone(), heist_ledger::html::live::slide(2, 4, ChartKind::Timeline, "", &line, ""))
        });
        assert!(line.starts_with(sources), "{l:?}: {line}");
        // One line beside the buttons: no longer than English's 90 characters of Latin.
        assert!(
            heist_ledger::locale::text::width_em(&line)
                <= heist_ledger::locale::text::width_em(&"n".repeat(90)),
            "{l:?}: {line}"
        );
        assert!(
            slide.contains(previous) && slide.contains(&format!(r#"aria-label="{label}""#)),
            "{l:?}: {slide}"
        );
        assert_eq!(slide.contains("data-machine-translation"), l != Locale::En, "{l:?}");
    }
}

#[test]
fn the_filter_s_result_line_reads_in_the_locale() {
    let sel = selection("from=2024&to=2024");
    let count = sel.count() as i64;
    let total = pipeline::headline(&sel)[0].value.clone();
    assert_eq!(pipeline::result_summary(&sel), format!("{count} incidents, {total}, 2024"));
    let (ko, ko_total) =
        in_locale(Locale::Ko, || (pipeline::result_summary(&sel), pipeline::headline(&sel)[0].value.clone()));
    assert_eq!(ko, format!("사건 {count}건, {ko_total}, 2024년"));
    let (ja, ja_total) =
        in_locale(Locale::Ja, || (pipeline::result_summary(&sel), pipeline::headline(&sel)[0].value.clone()));
    assert_eq!(ja, format!("事件{count}件、{ja_total}、2024年"));
}

/// The records of a CSV this page writes (after its byte-order mark), fields split at `sep`
/// outside quotes, `""` inside quotes read as one quote.
fn csv_records(csv: &str, sep: char) -> Vec<Vec<String>> {
    let text = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let (mut records, mut record, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => record.push(std::mem::take(&mut field)),
            '\r' if !quoted && chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    records
}

/// CSV cells are the data's own values in every language (the headers are for people):
/// a script or a spreadsheet filter that matches `bridge` or `official` reads every
/// language's file the same way.
#[test]
fn the_incidents_csv_keeps_the_datas_own_values_in_every_language() {
    let sel = selection("from=2022&to=2024");
    let incidents = sel.incidents();
    let column =
        |name: &str| heist_ledger::exports::INCIDENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let kept = ["id", "category", "attribution_confidence", "vector", "source_kinds"].map(column);
    let english = csv_records(&heist_ledger::exports::incidents_csv(&sel.data, &incidents), ',');
    assert_eq!(english.len(), incidents.len() + 1, "a header row and one row per theft");
    assert!(english[1..].iter().any(|r| r[kept[1]] == "bridge"), "slugs, as the dataset writes them");
    for (l, sep) in
        [(Locale::Ko, ','), (Locale::Ja, ','), (Locale::Fr, ';'), (Locale::De, ';'), (Locale::It, ';')]
    {
        let csv = in_locale(l, || heist_ledger::exports::incidents_csv(&sel.data, &incidents));
        let rows = csv_records(&csv, sep);
        assert_eq!(rows.len(), english.len(), "{l:?}");
        assert_ne!(rows[0], english[0], "{l:?}: the header row is in the language");
        for (row, en) in rows[1..].iter().zip(&english[1..]) {
            assert_eq!(row.len(), en.len(), "{l:?}: {}", en[0]);
            for k in kept {
                assert_eq!(row[k], en[k], "{l:?}: {}'s {} cell", en[0], english[0][k]);
            }
        }
    }
}
