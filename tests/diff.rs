//! `?since=RELEASE` between the two real releases (2026-12-01 and 2026-12-02, the frozen
//! files under data/releases/): what a view lists as added, revised and removed, the
//! headline's delta, the marks on changed records, and that embeds, print and citations
//! name both releases.

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use heist_ledger::briefing::{self, PrintMode};
use heist_ledger::cite;
use heist_ledger::diff::{Baseline, Delta, List, Name, Quoted, Value};
use heist_ledger::format::money;
use heist_ledger::html;
use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Dataset, Date};
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::view::{self, Theme};

mod reading;
use reading::text_of;
#[path = "common/words.rs"]
mod words_of;
use words_of::in_locale;

const EARLIER: &str = include_str!("../data/releases/2026-12-01.json");
const LATER: &str = include_str!("../data/releases/2026-12-02.json");

fn release(text: &str) -> Arc<Dataset> {
    Arc::new(
        parse_dataset(text.as_bytes(), "release.json", Date::new(2100, 1, 1))
            .unwrap_or_else(|e| panic!("{e}")),
    )
}

/// The later release viewed with `query`, compared with the earlier one.
fn compared(query: &[(&str, &str)]) -> Selection {
    let (old, new) = (release(EARLIER), release(LATER));
    let mut pairs: Vec<(String, String)> =
        query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    pairs.push(("since".into(), old.release.id.clone()));
    let (v, notices) = view::reconcile(view::parse(&pairs).0, &new);
    assert!(notices.is_empty(), "{notices:?}");
    let baseline = Arc::new(Baseline::new(old, &new));
    Selection::new(new, v, Theme::Light).with_since(Some(baseline))
}

#[test]
fn every_theft_new_in_the_later_release_is_listed_as_added_and_every_one_gone_as_removed() {
    let sel = compared(&[]);
    let d = sel.diff().expect("compared");
    let old = release(EARLIER);
    let new_ids: Vec<&str> =
        sel.data.incidents.iter().filter(|i| old.incident(&i.id).is_none()).map(|i| i.id.as_str()).collect();
    assert!(!new_ids.is_empty(), "release 2026-12-02 added thefts");
    for id in &new_ids {
        assert!(d.added.iter().any(|r| r.list == List::Incident && r.id == *id), "{id} is listed as added");
    }
    let gone: Vec<&str> =
        old.incidents.iter().filter(|i| sel.data.incident(&i.id).is_none()).map(|i| i.id.as_str()).collect();
    assert_eq!(d.removed.iter().filter(|r| r.list == List::Incident).count(), gone.len());
    assert!(d.added.iter().any(|r| r.list == List::Cooperation), "the freezes are new too");
}

#[test]
fn a_revised_value_reads_old_to_new_with_the_change_logs_reason_and_source() {
    let sel = compared(&[]);
    let d = sel.diff().expect("compared");
    let old = release(EARLIER);
    // Every theft whose amount moved between the two files is listed with both amounts.
    let moved: Vec<(&str, f64, f64)> = sel
        .data
        .incidents
        .iter()
        .filter_map(|i| old.incident(&i.id).map(|o| (i.id.as_str(), o.usd, i.usd)))
        .filter(|(_, a, b)| money(*a) != money(*b))
        .collect();
    assert!(!moved.is_empty(), "release 2026-12-02 revised amounts");
    for (id, was, now) in moved {
        let r = d.revised.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id} is listed as revised"));
        let f = r.fields.iter().find(|f| f.field == "usd").expect("its amount");
        assert_eq!((&f.old, &f.new), (&Value::Money(was), &Value::Money(now)), "{id}");
        let logged = sel.data.changes[0].revised.iter().find(|x| x.record == id && x.field == "usd");
        if let Some(logged) = logged {
            assert_eq!(f.why.as_deref(), Some(logged.why.as_str()), "{id}: the log's reason");
            assert_eq!(f.source.as_deref(), Some(logged.source.as_str()), "{id}: the log's source");
        }
    }
}

#[test]
fn the_headline_delta_is_the_difference_of_the_two_releases_for_the_view() {
    for query in [&[][..], &[("from", "2024"), ("to", "2025")][..], &[("category", "bridge")][..]] {
        let sel = compared(query);
        let d = sel.diff().expect("compared");
        let old = release(EARLIER);
        let total = |data: &Dataset| {
            data.incidents.iter().filter(|i| sel.view.filter.matches(i)).map(|i| i.usd).sum::<f64>()
        };
        let stolen = &d.headline[0];
        let amount = |q: &Quoted| match q {
            Quoted::Money(usd) => money(*usd),
            other => panic!("the stolen figure is an amount, not {other:?}"),
        };
        assert_eq!(amount(&stolen.old), money(total(&old)), "{query:?}");
        assert_eq!(amount(&stolen.new), money(total(&sel.data)), "{query:?}");
        let count = |data: &Dataset| data.incidents.iter().filter(|i| sel.view.filter.matches(i)).count();
        assert_eq!(d.headline[1].new, Quoted::Count(count(&sel.data)));
        assert_eq!(d.headline[1].old, Quoted::Count(count(&old)));
    }
}

#[test]
fn a_filtered_view_lists_only_its_own_changes() {
    let sel = compared(&[("category", "bridge")]);
    let d = sel.diff().expect("compared");
    for r in d.added.iter().chain(&d.revised).filter(|r| r.list == List::Incident) {
        let i = sel.data.incident(&r.id).expect("a theft of the release");
        assert_eq!(i.category.slug(), "bridge", "{} is a bridge", r.id);
    }
}

#[test]
fn changed_thefts_are_marked_on_the_timeline_and_in_the_incident_table() {
    let sel = compared(&[]);
    let svg =
        pipeline::chart(&sel, ChartKind::Timeline, Size { width: 1200, height: 560 }).svg.expect("draws");
    let table = html::incident_table(&sel, true);
    let baseline = sel.since.clone().expect("a baseline");
    for i in &sel.data.incidents {
        let mark = baseline.mark(&i.id).map(|m| m.slug());
        let row = format!(r#"<tr data-incident="{}""#, i.id);
        let at = table.find(&row).expect("its row");
        let tr = &table[at..at + table[at..].find('>').expect("tag end")];
        assert_eq!(tr.contains("data-diff"), mark.is_some(), "{}: {tr}", i.id);
        if let Some(m) = mark {
            assert!(tr.contains(&format!(r#"data-diff="{m}""#)), "{}", i.id);
        }
    }
    assert!(svg.contains(r#"data-diff="added""#), "new thefts carry data-diff on the timeline");
    let plain = Selection::new(sel.data.clone(), Default::default(), Theme::Light);
    let svg =
        pipeline::chart(&plain, ChartKind::Timeline, Size { width: 1200, height: 560 }).svg.expect("draws");
    assert!(!svg.contains("data-diff"), "no marks without a comparison");
}

#[test]
fn the_list_names_both_releases_and_holds_every_change_in_view() {
    let sel = compared(&[("from", "2025")]);
    let d = sel.diff().expect("compared");
    let panel = html::diff::panel(&sel, false);
    assert!(panel.contains(&format!(r#"data-diff="{}" data-diff-to="{}""#, d.from.id, d.to.id)), "{panel}");
    for r in d.added.iter().chain(&d.removed) {
        assert!(panel.contains(&format!(r#"data-diff-record="{}""#, r.id)), "{}", r.id);
    }
    let rows: usize = d.revised.iter().map(|r| r.fields.len()).sum();
    assert_eq!(panel.matches(r#"data-diff-kind="revised""#).count(), rows);
    let folded = html::diff::folded(&sel);
    assert!(folded.starts_with("<details") && folded.contains(&format!(r#"data-diff="{}""#, d.from.id)));
    let unsorted = Selection::new(sel.data.clone(), Default::default(), Theme::Light);
    assert_eq!(html::diff::panel(&unsorted, false), "", "no list without a comparison");
}

#[test]
fn print_and_citations_name_both_releases() {
    let sel = compared(&[("from", "2024")]);
    let pack = briefing::pack(&sel, PrintMode::Pack, "https://example.org/heist-ledger/");
    assert!(pack.contains(r#"data-diff="2026-12-01""#), "the printed pack holds the list");
    let c = cite::cite(&sel, "https://example.org/heist-ledger/", Date::new(2026, 12, 3));
    assert!(
        c.text.contains("release 2026-12-02") && c.text.contains("compared with release 2026-12-01"),
        "{}",
        c.text
    );
    assert!(c.permalink.contains("since=2026-12-01"), "{}", c.permalink);
    assert!(c.bibtex.contains("compared with release 2026-12-01"), "{}", c.bibtex);
}

/// The picker lists the other releases; which one is in force the live page shows through
/// the select's value (as it does for every filter control), so no option is marked.
#[test]
fn the_picker_offers_the_change_logs_other_releases() {
    let new = release(LATER);
    let plain = html::diff::since_picker(&new);
    for c in new.changes.iter().filter(|c| c.release != new.release.id) {
        assert!(plain.contains(&format!(r#"<option value="{}">"#, c.release)), "{}", c.release);
    }
    assert!(!plain.contains(&format!(r#"value="{}""#, new.release.id)), "not the release on screen");
    assert!(!plain.contains(" selected"), "{plain}");
}

/// The visible text of markup with every `<details>` body left out (its `<summary>` kept):
/// what a reader sees before unfolding anything.
fn unfolded_text(markup: &str) -> String {
    let mut out = String::new();
    let mut rest = markup;
    while let Some(k) = rest.find("<details") {
        out.push_str(&rest[..k]);
        let after = &rest[k..];
        let summary =
            after.split("<summary>").nth(1).and_then(|s| s.split("</summary>").next()).unwrap_or("");
        out.push_str(summary);
        out.push(' ');
        // Skip to the matching </details> (they nest).
        let (mut depth, mut at) = (0usize, 0usize);
        loop {
            let open = after[at..].find("<details").map(|x| x + at);
            let close = after[at..].find("</details>").map(|x| x + at).expect("closed details");
            match open {
                Some(o) if o < close => {
                    depth += 1;
                    at = o + 8;
                }
                _ => {
                    depth -= 1;
                    at = close + 10;
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        rest = &after[at..];
    }
    out.push_str(rest);
    text_of(&out)
}

#[test]
fn the_release_log_opens_with_a_short_summary_and_folds_detail_by_record() {
    let data = release(LATER);
    let log = html::changes(&data);
    let source_ids: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
    for c in &data.changes {
        let section = log
            .split(&format!(r#"data-release="{}""#, c.release))
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .unwrap_or_else(|| panic!("release {} is in the log", c.release));
        let seen = unfolded_text(section);
        let words = seen.split_whitespace().count();
        assert!(words <= 120, "release {}: {words} words before anything is unfolded: {seen}", c.release);
        assert!(seen.contains(&format!("{} added", c.added.len())) || c.added.is_empty(), "{seen}");
        // No raw source ids anywhere in what a reader can see, folded or not.
        let text = unfolded_text(&section.replace("<details", "<div").replace("</details>", "</div>"));
        for id in &source_ids {
            assert!(!text.contains(&format!("[{id}")), "release {}: a raw id [{id}] in the log", c.release);
        }
        let longest = section
            .split("<p>")
            .skip(1)
            .map(|p| unfolded_text(p.split("</p>").next().unwrap_or("")).split_whitespace().count())
            .max()
            .unwrap_or(0);
        assert!(longest <= 250, "release {}: a paragraph of {longest} words", c.release);
        // Every revised record folds on its own, named, with every value it revised.
        let mut records: Vec<&str> = c.revised.iter().map(|r| r.record.as_str()).collect();
        records.sort_unstable();
        records.dedup();
        assert_eq!(section.matches(r#"<details class="revision""#).count(), records.len(), "{}", c.release);
        for id in records {
            let fold = section
                .split(&format!(r#"data-revised="{id}""#))
                .nth(1)
                .and_then(|s| s.split("</details>").next())
                .unwrap_or_else(|| panic!("{id} folds on its own"));
            let values = c.revised.iter().filter(|r| r.record == id).count();
            assert_eq!(fold.matches("<li>").count(), values, "{id}");
        }
        assert!(!section.contains(r#"data-table="revisions""#), "no squeezed six-column table");
    }
}

/// The comparison hands its values over as data and the page phrases them per language:
/// a revised amount, a date, a missing value, a change of sources, a theft's name, the
/// headline's movement. English keeps what the list always wrote (ISO dates, `(none)`).
#[test]
fn the_values_the_comparison_quotes_read_in_each_languages_forms() {
    use heist_ledger::lang::Locale;
    let bybit = Name::Incident { victim: "Bybit".into(), date: Date::new(2025, 2, 21) };
    let sources = Value::Sources { count: 3, change: Some((1, 0)) };
    // (locale, amount, date, none, sources, yes, name, a fall of $40M, a fall of 3 thefts)
    let cases: [(Locale, [&str; 8]); 4] = [
        (
            Locale::En,
            [
                "$2.02B",
                "2025-02-21",
                "(none)",
                "3 sources (+1, −0)",
                "true",
                "Bybit (21 Feb 2025)",
                "−$40M",
                "-3",
            ],
        ),
        (
            Locale::Ko,
            [
                "20억2,000만 달러",
                "2025년 2월 21일",
                "(없음)",
                "출처 3건(+1, −0)",
                "예",
                "Bybit(2025년 2월 21일)",
                "−4,000만 달러",
                "−3",
            ],
        ),
        (
            Locale::Ja,
            [
                "20億2000万ドル",
                "2025年2月21日",
                "（なし）",
                "出典3件（+1、−0）",
                "はい",
                "Bybit（2025年2月21日）",
                "−4000万ドル",
                "−3",
            ],
        ),
        (
            Locale::Fr,
            [
                "2,02\u{a0}milliards de dollars",
                "21 février 2025",
                "(aucune)",
                "3 sources (+1, −0)",
                "oui",
                "Bybit (21 février 2025)",
                "−40\u{a0}millions de dollars",
                "−3",
            ],
        ),
    ];
    for (l, want) in cases {
        let got = in_locale(l, || {
            [
                html::diff::value(&Value::Money(2.02e9)),
                html::diff::value(&Value::Date(Date::new(2025, 2, 21))),
                html::diff::value(&Value::None),
                html::diff::value(&sources),
                html::diff::value(&Value::Flag(true)),
                html::diff::name(&bybit),
                html::diff::delta(&Delta::Money(-40e6)),
                html::diff::delta(&Delta::Count(-3)),
            ]
        });
        assert_eq!(got, want.map(str::to_string), "{l:?}");
    }
}

/// On the real pair of releases, every revised amount in the Korean, Japanese and French
/// lists is in the language's money form, never the English `$` form.
#[test]
fn every_revised_amount_on_a_korean_japanese_or_french_list_is_in_that_languages_money() {
    use heist_ledger::lang::Locale;
    use heist_ledger::phrase;
    let sel = compared(&[]);
    let d = sel.diff().expect("compared");
    let amounts: Vec<(&str, f64, f64)> = d
        .revised
        .iter()
        .flat_map(|r| r.fields.iter().map(move |f| (r.id.as_str(), f)))
        .filter_map(|(id, f)| match (&f.old, &f.new) {
            (Value::Money(a), Value::Money(b)) => Some((id, *a, *b)),
            _ => None,
        })
        .collect();
    assert!(!amounts.is_empty(), "release 2026-12-02 revised amounts");
    for (l, unit) in [(Locale::Ko, "달러"), (Locale::Ja, "ドル"), (Locale::Fr, "dollars")] {
        let panel = in_locale(l, || html::diff::panel(&sel, true));
        for &(id, old, new) in &amounts {
            let (was, now) = in_locale(l, || (phrase::money(old), phrase::money(new)));
            assert!(was.contains(unit) && now.contains(unit), "{l:?}: {was} {now}");
            let cells = format!("<td><bdi>{was}</bdi></td><td><bdi>{now}</bdi></td>");
            assert!(panel.contains(&cells), "{l:?}: {id} reads {was} → {now}");
            let english = format!("<td><bdi>{}</bdi></td>", money(new));
            assert!(!panel.contains(&english), "{l:?}: {id}'s amount left in English");
        }
    }
}
