//! What the charts quote from the data, in the reader's language (issue 17): a published
//! figure's window and a derived figure's basis in the yearly chart's tooltips, a ribbon's
//! basis, why a flow does not add up to its theft, whose money an event after a theft
//! concerns, and the names of the nodes the summed flow merges. The layers below the
//! phrasing hand each over as data; English reads as it always did (the golden snapshots
//! hold it), the other languages in their own forms, with the dataset's own English kept
//! as it is and said to be English.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::aggregate::{self, Basis, SumNote};
use heist_ledger::lang::Locale;
use heist_ledger::model::{Date, FigureNature};
use heist_ledger::phrase;
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::svg::escape;
use heist_ledger::render::Size;
use heist_ledger::view::Theme;

mod common;
use common::shipped;
#[path = "common/words.rs"]
mod words_of;
use words_of::{in_locale, locale_words};

/// The words of `key` in locale `l`, as its file has them.
fn word(l: Locale, key: &str) -> String {
    locale_words(l).lookup(key).unwrap_or_else(|| panic!("{key} in {}", l.code())).to_string()
}

#[test]
fn a_ribbons_basis_a_flows_reason_and_an_events_victims_read_in_each_languages_forms() {
    let tokens = Basis::Tokens {
        amount: 40_233.0,
        token: "ETH".into(),
        price_usd: 2_490.0,
        price_date: Date::new(2025, 3, 4),
        by: "CoinGecko".into(),
    };
    let share = Basis::Share { share: 0.724, of_usd: 1.46e9, of: None };
    let note = SumNote {
        incident: "bybit-2025".into(),
        victim: "Bybit".into(),
        sent: 1.202e9,
        theft: 1.46e9,
        why: Some("Amounts are of 4 Mar 2025.".into()),
    };
    let names: Vec<String> = ["Ronin", "Harmony", "Atomic"].map(String::from).to_vec();
    // (locale, a token basis, a share basis, a flow's reason, no theft named, three victims);
    // `[English]` stands for the locale's note that a text is the dataset's English.
    let cases: [(Locale, [&str; 5]); 4] = [
        (
            Locale::En,
            [
                "40,233 ETH × $2,490 (price of 4 Mar 2025, CoinGecko)",
                "72.4% of $1.46B: the source gives a share, not dollars",
                "Bybit: $1.2B traced out of a $1.46B theft. Amounts are of 4 Mar 2025.",
                "no single theft in the dataset",
                "Ronin, Harmony and Atomic",
            ],
        ),
        (
            Locale::Ko,
            [
                "40,233 ETH × 2,490달러(2025년 3월 4일 가격, CoinGecko)",
                "14억6,000만 달러의 72.4%: 출처는 달러가 아닌 비율을 제시",
                "Bybit: 도난액 14억6,000만 달러 중 12억 달러 추적. Amounts are of 4 Mar 2025. [English]",
                "데이터셋의 특정 도난 사건 없음",
                "Ronin, Harmony 및 Atomic",
            ],
        ),
        (
            Locale::Ja,
            [
                "40,233 ETH × 2,490ドル（2025年3月4日の価格、CoinGecko）",
                "14億6000万ドルの72.4%: 出典はドルではなく割合を示す",
                "Bybit: 盗難額14億6000万ドルのうち12億ドルを追跡。Amounts are of 4 Mar 2025. [English]",
                "データセット内の特定の盗難なし",
                "Ronin、Harmony、Atomic",
            ],
        ),
        (
            Locale::Fr,
            [
                "40\u{202f}233 ETH × 2\u{202f}490\u{a0}$ (cours du 4 mars 2025, CoinGecko)",
                "72,4\u{202f}% de 1,46\u{a0}milliard de dollars : la source donne une part, pas des dollars",
                "Bybit : 1,2\u{a0}milliard de dollars tracés sur un vol de 1,46\u{a0}milliard de dollars. Amounts are of 4 Mar 2025. [English]",
                "aucun vol précis du jeu de données",
                "Ronin, Harmony et Atomic",
            ],
        ),
    ];
    for (l, want) in cases {
        let got = in_locale(l, || {
            [
                phrase::basis(&tokens),
                phrase::basis(&share),
                phrase::sum_note(&note),
                phrase::victims(&[]),
                phrase::victims(&names),
            ]
        });
        // The record's reason is its own English, followed by the locale's note saying so.
        let want = want.map(|w| w.replace("[English]", &word(l, "data.english_only")));
        assert_eq!(got, want, "{l:?}");
    }
    // A flow's reason in Japanese names the two amounts in the press's form.
    let ja = in_locale(Locale::Ja, || phrase::sum_note(&note));
    assert!(ja.contains("14億6000万ドル") && !ja.contains("$1.46B"), "{ja}");
}

#[test]
fn the_summed_flows_merged_nodes_are_named_in_the_readers_language() {
    let data = shipped();
    let ids: Vec<&str> = data.flows.iter().map(|f| f.incident.as_str()).collect();
    // (id, English name from the id, Korean, Japanese)
    let cases = [
        ("stolen", "Stolen", "도난분", "盗難分"),
        ("still-held", "Still held", "여전히 보유", "保有継続"),
        ("held-btc", "Held BTC", "BTC 보유", "BTC保有"),
        ("thorchain", "THORChain", "THORChain", "THORChain"),
    ];
    let (english, _) = pipeline::flow_graph_in_locale(&data, &ids).expect("the summed flow");
    for (l, column) in [(Locale::En, 1), (Locale::Ko, 2), (Locale::Ja, 3)] {
        let (g, _) = in_locale(l, || pipeline::flow_graph_in_locale(&data, &ids)).expect("the summed flow");
        for case in cases {
            let want = [case.1, case.2, case.3][column - 1];
            let node =
                g.nodes.iter().find(|n| n.id == case.0).unwrap_or_else(|| panic!("{} is summed", case.0));
            let merged = english.nodes.iter().any(|n| n.id == case.0 && n.label == case.1);
            assert!(merged, "{}: the records word it differently, so the sum names it from its id", case.0);
            assert_eq!(node.label, want, "{l:?}: {}", case.0);
        }
    }
    // An id whose words name no stage keeps its English name (and says nothing wrong).
    assert_eq!(in_locale(Locale::Ko, || phrase::merged_name("exch-deposit")), None);
    assert_eq!(word(Locale::Ko, "flow.node.held"), "보유");
}

#[test]
fn a_flow_that_does_not_add_up_says_why_in_the_readers_language_in_its_description() {
    let data = shipped();
    let flow = data
        .flows
        .iter()
        .find(|f| {
            aggregate::flow_graph(&data, &[f.incident.as_str()]).is_some_and(|g| !g.sum_notes.is_empty())
        })
        .expect("seven flows do not add up to their theft");
    let g = aggregate::flow_graph(&data, &[flow.incident.as_str()]).expect("its graph");
    let (v, _) = heist_ledger::view::reconcile(
        heist_ledger::view::parse(&[("flow".to_string(), flow.incident.clone())]).0,
        &data,
    );
    let sel = Selection::new(data.clone(), v, Theme::Light);
    for (l, traced) in [(Locale::Ko, "추적"), (Locale::Ja, "を追跡"), (Locale::Fr, "tracés sur un vol")]
    {
        let svg = in_locale(l, || pipeline::chart(&sel, ChartKind::Flows, Size { width: 1200, height: 700 }))
            .svg
            .expect("draws");
        let why = in_locale(l, || phrase::sum_note(&g.sum_notes[0]));
        assert!(why.contains(traced), "{l:?}: {why}");
        assert!(svg.contains(&escape(&why)), "{l:?}: the description says {why}");
        assert!(!svg.contains("traced out of a"), "{l:?}: the English reason left in the drawing");
        let basis = in_locale(l, || phrase::bases(&g.links[0].bases));
        assert!(svg.contains(&escape(&basis)), "{l:?}: a ribbon's basis in its tooltip: {basis}");
    }
}

#[test]
fn a_published_figures_window_and_a_derived_figures_basis_read_in_the_readers_language_in_the_yearly_tooltips(
) {
    let data = shipped();
    let sel = Selection::new(data.clone(), Default::default(), Theme::Light);
    let marks = aggregate::latest_reported(&data.reported_totals, sel.span);
    let part =
        marks.iter().find(|m| m.nature == FigureNature::PartOfYear).expect("a part-year figure is drawn");
    let english = phrase::window(&part.window);
    for l in [Locale::Ko, Locale::Ja, Locale::Fr] {
        let svg =
            in_locale(l, || pipeline::chart(&sel, ChartKind::Yearly, Size { width: 1200, height: 560 }))
                .svg
                .expect("draws");
        let window = in_locale(l, || phrase::window(&part.window));
        assert_ne!(window, english, "{l:?}");
        assert!(svg.contains(&escape(&window)), "{l:?}: {}'s window reads {window}", part.publisher);
        assert!(!svg.contains(&escape(&english)), "{l:?}: the English window {english} left");
        for m in marks.iter().filter(|m| m.nature == FigureNature::Derived) {
            let basis = m.basis.as_deref().expect("a derived figure says how");
            let marked = format!("{basis} {}", word(l, "data.english_only"));
            assert!(svg.contains(&escape(&marked)), "{l:?}: the record's English basis, said to be English");
        }
    }
}

/// The tables under the charts (and their CSVs' word cells) in the reader's language:
/// captions, amounts, dates and the words in cells; the CSV keeps each amount and date as
/// the plain value behind it.
#[test]
fn the_chart_tables_read_in_the_readers_language_and_their_csv_keeps_plain_values() {
    let data = shipped();
    let sel = Selection::new(data.clone(), Default::default(), Theme::Light);
    let theft = data.incidents.iter().min_by_key(|i| i.date).expect("a theft");
    for l in [Locale::Ko, Locale::Ja, Locale::Fr] {
        let (timeline, flows) = in_locale(l, || {
            (pipeline::table(&sel, ChartKind::Timeline), pipeline::table(&sel, ChartKind::Flows))
        });
        assert_eq!(timeline.caption, word(l, "csv.caption_timeline"), "{l:?}");
        let row = timeline.rows.first().expect("the oldest row");
        let (date, amount) = in_locale(l, || (phrase::date(theft.date), phrase::money(theft.usd)));
        assert_eq!((row[0].text.as_str(), row[0].value()), (date.as_str(), theft.date.to_string().as_str()));
        assert_eq!(row[3].text, amount, "{l:?}: the amount in the language's money");
        assert!(row[3].value().bytes().all(|b| b.is_ascii_digit()), "{l:?}: the CSV's plain dollars");
        let category = in_locale(l, || phrase::category(theft.category));
        assert!(row[2].text.contains(&category), "{l:?}: {}", row[2].text);
        let words = ["csv.is_estimate", "csv.is_reported", "csv.inferred"].map(|k| word(l, k));
        let column =
            flows.headers.iter().position(|h| *h == word(l, "csv.estimate")).expect("the estimate column");
        for r in &flows.rows {
            assert!(words.contains(&r[column].text), "{l:?}: {}", r[column].text);
        }
        let csv = in_locale(l, || heist_ledger::exports::table_csv(&flows));
        assert!(!csv.contains(",Estimate,") && !csv.contains(";Estimate;"), "{l:?}: no English word cell");
    }
}
