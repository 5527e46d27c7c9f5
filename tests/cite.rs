//! "Cite this view": the citation of a view is pinned to its release (`SITE/v/RELEASE/`
//! with the view's query, theme left out), names the release, its date, the access date
//! and the sources behind the figures in view, and its BibTeX and CSL-JSON forms stay
//! well-formed whatever the dataset's strings.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;

use heist_ledger::cite::{self, Citation};
use heist_ledger::model::{Category, Dataset, Date};
use heist_ledger::pipeline::Selection;
use heist_ledger::view::{self, Theme, ViewState};

const SITE: &str = "https://example.github.io/heist-ledger/";

fn shipped() -> Arc<Dataset> {
    let text = include_str!("../public/data/incidents.json");
    Arc::new(
        heist_ledger::load::parse_dataset(
            text.as_bytes(),
            "incidents.json",
            heist_ledger::model::Date::new(2100, 1, 1),
        )
        .unwrap(),
    )
}

fn minimal() -> Dataset {
    heist_ledger::load::parse_dataset(
        include_str!("fixtures/minimal.json").as_bytes(),
        "minimal.json",
        heist_ledger::model::Date::new(2100, 1, 1),
    )
    .unwrap()
}

fn cite(data: Arc<Dataset>, v: ViewState, today: Date) -> (Selection, Citation) {
    let sel = Selection::new(data, v, Theme::Light);
    let c = cite::cite(&sel, SITE, today);
    (sel, c)
}

/// BibTeX braces balance (escaped ones do not count) and the entry is one `@` entry.
fn balanced(bib: &str) -> bool {
    let mut depth: i32 = 0;
    let mut chars = bib.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

#[test]
fn a_citation_is_pinned_to_the_release_and_names_the_view_release_access_and_sources() {
    let data = shipped();
    let today = Date::new(2026, 12, 2);
    let mut filtered = ViewState::default();
    filtered.filter.from_year = Some(2024);
    filtered.filter.categories = vec![Category::CentralizedExchange];
    filtered.incident = data.incidents.iter().rev().map(|i| i.id.clone()).next();
    filtered.theme = Some(Theme::Dark);
    let cases = [("unfiltered", ViewState::default()), ("filtered", filtered)];
    let mut documents = Vec::new();
    for (name, v) in cases {
        let (sel, c) = cite(data.clone(), v.clone(), today);
        let query = view::to_query(&ViewState { theme: None, ..v.clone() });
        let pinned = format!("{SITE}v/{}/", data.release.id);
        let want = if query.is_empty() { pinned } else { format!("{pinned}?{query}") };
        assert_eq!(c.permalink, want, "{name}");
        assert!(c.pinned, "{name}");
        assert!(!c.permalink.contains("theme="), "{name}: the reader's theme is not part of the view");
        for needle in [
            c.permalink.clone(),
            format!("release {}", data.release.id),
            data.release.date.human(),
            format!("Accessed {}", today.human()),
            cite::view_in_words(&sel),
            format!("{SITE}v/{}/data/incidents.json", data.release.id),
        ] {
            assert!(c.text.contains(&needle), "{name}: the text names {needle:?}: {}", c.text);
        }
        let summary = cite::sources_in_view(&sel);
        assert!(summary.documents > 0, "{name}");
        assert!(c.text.contains(&format!("{} source documents", summary.documents)), "{name}: {}", c.text);
        // Every publisher named is behind a figure in view: an incident's source or a published figure.
        let behind: Vec<&str> = sel
            .incidents()
            .iter()
            .flat_map(|i| i.sources.iter())
            .chain(data.reported_totals.iter().map(|t| &t.source))
            .filter_map(|id| data.source(id))
            .map(|s| s.publisher.as_str())
            .collect();
        assert!(summary.publishers.iter().all(|(p, _)| behind.contains(&p.as_str())), "{name}");
        assert!(c.bibtex.contains(&format!("urldate = {{{today}}}")), "{name}: {}", c.bibtex);
        documents.push(summary.documents);
    }
    assert!(documents[1] < documents[0], "a filtered view cites fewer documents: {documents:?}");
}

#[test]
fn a_dataset_loaded_from_elsewhere_is_cited_by_its_own_address_not_a_release_folder() {
    let v = ViewState { data: Some("data/my-incidents.json".into()), ..Default::default() };
    let (_, c) = cite(shipped(), v, Date::new(2026, 12, 2));
    assert!(!c.pinned);
    assert_eq!(c.permalink, format!("{SITE}?data=data%2Fmy-incidents.json"));
    assert!(!c.permalink.contains("/v/"));
}

#[test]
fn bibtex_stays_one_well_formed_entry_whatever_the_title() {
    let hostile = [
        "Evil} @misc{pwned, title={owned}",
        r"\input{/etc/passwd} 100% & $x$ #1 a_b ^ ~",
        "line one\nline two\r}}}",
        "{{{{",
    ];
    for title in hostile {
        let mut data = minimal();
        data.title = title.to_string();
        let (_, c) = cite(Arc::new(data), ViewState::default(), Date::new(2025, 6, 2));
        assert!(balanced(&c.bibtex), "{title:?}:\n{}", c.bibtex);
        assert_eq!(c.bibtex.matches('@').count(), title.matches('@').count() + 1, "{title:?}");
        assert_eq!(c.bibtex.lines().filter(|l| l.starts_with('@')).count(), 1, "{title:?}:\n{}", c.bibtex);
        assert!(!c.bibtex.contains(r"\input"), "{title:?}: no macro survives:\n{}", c.bibtex);
        assert!(
            c.bibtex.lines().all(|l| l == "}" || l.starts_with('@') || l.starts_with("  ")),
            "{title:?}:\n{}",
            c.bibtex
        );
    }
}

#[test]
fn csl_json_parses_as_one_dataset_item_whose_version_is_the_release() {
    let today = Date::new(2026, 12, 2);
    for data in [shipped(), Arc::new(minimal())] {
        let mut v = ViewState::default();
        v.filter.text = "\"quoted\" & <b>".into();
        let (_, c) = cite(data.clone(), v, today);
        let items: serde_json::Value =
            serde_json::from_str(&c.csl).unwrap_or_else(|e| panic!("{e}: {}", c.csl));
        let item = &items[0];
        assert_eq!(items.as_array().map(Vec::len), Some(1));
        assert_eq!(item["type"], "dataset");
        assert_eq!(item["version"], data.release.id.as_str());
        assert_eq!(item["URL"], c.permalink.as_str());
        let r = data.release.date;
        assert_eq!(item["issued"]["date-parts"][0], serde_json::json!([r.year(), r.month(), r.day()]));
        assert_eq!(item["accessed"]["date-parts"][0], serde_json::json!([2026, 12, 2]));
        assert!(item["title"].as_str().unwrap().contains(&data.title));
    }
}

#[test]
fn a_citation_names_the_open_incident_and_flow_says_the_years_once_and_names_the_main_publishers() {
    let data = shipped();
    let today = Date::new(2026, 12, 3);
    let largest = data.incidents.iter().max_by(|a, b| a.usd.total_cmp(&b.usd)).unwrap();
    let (v, _) = view::parse(&view::query_pairs(&format!(
        "?from=2024&to=2026&incident={}&flow={}",
        largest.id, largest.id
    )));
    let (v, notices) = view::reconcile(v, &data);
    assert!(notices.is_empty(), "{notices:?}");
    let (sel, c) = cite(data.clone(), v, today);
    assert!(c.text.contains(&largest.victim), "the open incident: {}", c.text);
    assert!(
        c.text.contains(&format!("the laundering of the {} theft", largest.victim)),
        "the flow: {}",
        c.text
    );
    let words = cite::view_in_words(&sel);
    assert_eq!(words.matches("2024").count(), 1, "the years said once: {words}");
    assert!(!words.contains("2024 to 2026"), "{words}");
    // The main publishers, not the outlets relaying them.
    let (_, all) = cite(data.clone(), ViewState::default(), today);
    let named = all.text.split("chiefly ").nth(1).expect("main publishers named").to_string();
    for main in ["Chainalysis", "TRM Labs", "FBI"] {
        assert!(named.contains(main), "{main} among the main publishers: {named}");
    }
    for outlet in ["Protos", "CoinDesk", "The Block", "Anvilogic"] {
        assert!(
            !named.split(" (full list").next().unwrap().contains(outlet),
            "{outlet} is not a main publisher: {named}"
        );
    }
}
