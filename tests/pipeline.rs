//! The one pipeline and its markup, natively: what the static first view holds, what an
//! exported image carries, and the published-figures chart ("who said what, when").

#![cfg(not(target_arch = "wasm32"))]
// A test fails loudly on the first surprise: expect() is how it says which.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use heist_ledger::aggregate;
use heist_ledger::html::{self, StaticChart};
use heist_ledger::model::Date;
use heist_ledger::pipeline::{self, ChartData, ChartKind, Part, Selection};
use heist_ledger::render::Size;
use heist_ledger::view::{self, FiguresFor, Theme, ViewState};

mod common;
use common::shipped;

mod reading;
use reading::text_of;

fn default_selection() -> Selection {
    Selection::new(shipped(), ViewState::default(), Theme::Light)
}

fn static_page(sel: &Selection) -> String {
    let charts: Vec<StaticChart> = ChartKind::ALL
        .into_iter()
        .map(|kind| {
            let data = ChartData::new(sel, kind);
            let svg = data.draw(kind.size_for(1232), sel.theme).expect("chart draws");
            StaticChart { data, svgs: vec![("v-light-wide", svg)] }
        })
        .collect();
    html::static_page(sel, &charts, &pipeline::headline(sel), "data/incidents.json")
}

#[test]
fn the_static_first_view_holds_every_chart_the_headline_the_release_and_every_row() {
    let sel = default_selection();
    let page = static_page(&sel);
    for kind in ChartKind::ALL {
        let name = kind.name();
        assert!(page.contains(&format!(r#"<figure data-chart="{name}""#)), "{name} figure");
        assert!(page.contains(&format!(r#"data-chart-svg="{name}""#)), "{name} svg");
        assert!(page.contains(&format!(r#"<table data-table="{name}">"#)), "{name} table");
    }
    let total = pipeline::headline(&sel).into_iter().find(|f| f.hook == Some("total")).expect("total");
    assert!(page.contains(&format!(r#"data-headline="total">{}</span>"#, total.value)));
    assert!(page.contains(&format!("(release {})", sel.data.release.id)), "the release is named");
    assert!(page.contains(r##"<a href="#changes">What changed</a>"##), "the change log is one click away");
    let rows = page.matches("<tr data-incident=").count();
    assert_eq!(rows, sel.count().min(html::TABLE_PAGE), "the incident table lists the incidents in view");
    assert!(page.contains("need JavaScript"), "a note says what needs JavaScript");
}

/// At most `n` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[test]
fn every_source_link_in_the_page_says_what_kind_of_source_it_is() {
    let sel = default_selection();
    let page = static_page(&sel);
    // Each outbound link is followed by its kind tag; in the numeric tables the kind is in
    // the cell's own text.
    let links = page.matches(r#"rel="noopener noreferrer""#).count();
    assert!(links > 50, "the page links its sources ({links})");
    for (k, _) in page.match_indices(r#"rel="noopener noreferrer""#) {
        let rest = prefix(&page[k..], 3000);
        let end = rest.find("</a>").expect("link closes");
        let after = prefix(&rest[end..], 400);
        let cell = after.starts_with("</a></td>")
            && ["; primary)", "; secondary)", "; copy of primary)"].iter().any(|t| rest[..end].contains(t));
        assert!(
            cell || after.contains("data-source-kind="),
            "a source link without its kind: {}",
            &rest[..end.min(300)]
        );
    }
}

#[test]
fn an_exported_chart_is_standalone_xml_with_title_view_sources_release_and_link() {
    let mut v = ViewState::default();
    v.filter.categories = vec![heist_ledger::model::Category::Bridge];
    let sel = Selection::new(shipped(), v, Theme::Dark);
    for kind in ChartKind::ALL {
        let (svg, size) =
            pipeline::standalone_svg(&sel, kind, Size { width: 960, height: 440 }, "https://example.test/")
                .expect("exports");
        let doc = roxmltree::Document::parse(&svg).expect("parses as standalone XML");
        assert_eq!(doc.root_element().attribute("height"), Some(size.height.to_string().as_str()));
        let text: Vec<&str> = doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
        let all = text.join(" ");
        assert!(all.contains(kind.heading().split(':').next().unwrap_or_default()), "{}: title", kind.name());
        assert!(all.contains("Sources:"), "{}: source line", kind.name());
        assert!(all.contains(&format!("(release {})", sel.data.release.id)), "{}: release", kind.name());
        assert!(all.contains("category=bridge"), "{}: the permalink of the view", kind.name());
        if kind != ChartKind::Figures {
            assert!(all.contains("Bridge"), "{}: the filter in words", kind.name());
        }
    }
}

#[test]
fn the_published_figures_chart_draws_each_figure_for_the_year_at_its_publication_date() {
    let data = shipped();
    let year = 2023;
    let f = aggregate::published(&data, Some(year));
    let expected: Vec<&str> = data
        .reported_totals
        .iter()
        .filter(|t| t.period_start >= Date::new(year, 1, 1) && t.period_end <= Date::new(year, 12, 31))
        .map(|t| t.id.as_str())
        .collect();
    assert!(expected.len() >= 3, "2023 has several published figures");
    assert_eq!(f.points.len(), expected.len());
    let v = ViewState { figures: Some(FiguresFor::Year(year)), ..ViewState::default() };
    let sel = Selection::new(data.clone(), v, Theme::Light);
    let chart = pipeline::chart(&sel, ChartKind::Figures, Size { width: 960, height: 400 });
    let svg = chart.svg.expect("draws");
    let doc = roxmltree::Document::parse(&svg).expect("parses");
    let marks: Vec<_> = doc.descendants().filter(|n| n.attribute("data-kind") == Some("published")).collect();
    assert_eq!(marks.len(), expected.len(), "one mark per figure");
    for m in &marks {
        let src = m.attribute("data-source").expect("each mark names its source");
        assert!(data.source(src).is_some(), "{src} is a known source");
    }
    // Chainalysis' 2023 figure was revised (about $1B, later $660.5M): the revision is drawn.
    let revised = f.points.iter().filter(|p| p.revises.is_some()).count();
    assert!(revised >= 1, "a revised figure links to the one it revises");
    assert_eq!(chart.table.rows.len(), expected.len(), "the table lists every figure");
}

#[test]
fn the_figures_year_reads_back_from_the_url() {
    let pairs =
        |q: &[(&str, &str)]| q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
    let cases = [("2023", Some(FiguresFor::Year(2023))), ("all", Some(FiguresFor::All))];
    for (value, want) in cases {
        let (v, notices) = view::parse(&pairs(&[("figures", value)]));
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(v.figures, want);
        assert!(view::to_query(&v).contains(&format!("figures={value}")));
    }
    let (v, notices) = view::parse(&pairs(&[("figures", "soon")]));
    assert_eq!(v.figures, None);
    let notices = heist_ledger::html::notices::tidy(&notices);
    assert!(notices.iter().any(|n| n.contains("figures=soon")), "{notices:?}");
}

#[test]
fn the_data_download_link_is_built_only_for_an_address_on_this_site() {
    let data = shipped();
    let cases = [
        ("data/incidents.json", true),
        ("data/my-incidents.json", true),
        ("javascript:alert(1)", false),
        ("data:application/json,{}", false),
        ("https://elsewhere.example/incidents.json", false),
        ("//elsewhere.example/incidents.json", false),
        // Browsers read a backslash as a slash and drop tabs: each of these is another site.
        ("/\\elsewhere.example/incidents.json", false),
        ("\\\\elsewhere.example/incidents.json", false),
        ("/\t/elsewhere.example/incidents.json", false),
        // The live page passes the address of the dataset on screen resolved to a path here.
        ("/heist-ledger/data/my-incidents.json", true),
    ];
    for (url, linked) in cases {
        let footer = html::footer_about(&data, url);
        assert_eq!(footer.contains("Download the data"), linked, "{url}");
        assert!(!footer.contains("href=\"javascript:") && !footer.contains("href=\"data:"), "{url}");
        if linked {
            assert!(
                footer.contains(&format!("heist-ledger-incidents-{}.json", data.release.id)),
                "named with the release"
            );
        }
    }
}

/// A view built from address parameters drawn from the shipped dataset's own values, as a
/// reader clicking around would make them, reconciled as the page reconciles them.
fn clicked_view(picks: &[usize]) -> ViewState {
    let data = shipped();
    let ids: Vec<&str> = data.incidents.iter().map(|i| i.id.as_str()).collect();
    let traced: Vec<&str> = data.flows.iter().map(|f| f.incident.as_str()).collect();
    let choices: Vec<(&str, Vec<String>)> = vec![
        ("from", vec!["2017".into(), "2022".into(), "2024".into()]),
        ("to", vec!["2023".into(), "2025".into()]),
        ("category", vec!["bridge".into(), "exchange".into(), "defi".into()]),
        ("incident", ids.iter().map(|s| s.to_string()).collect()),
        ("flow", traced.iter().map(|s| s.to_string()).collect()),
        ("figures", vec!["all".into(), "2024".into(), "2025".into()]),
        ("sort", vec!["amount".into(), "date".into(), "actor".into()]),
        ("dir", vec!["asc".into(), "desc".into()]),
        ("theme", vec!["light".into(), "dark".into()]),
    ];
    let mut pairs = Vec::new();
    for (k, pick) in picks.iter().enumerate() {
        let (key, values) = &choices[k % choices.len()];
        // Half the picks leave the parameter out.
        if pick % 2 == 0 {
            pairs.push((key.to_string(), values[(pick / 2) % values.len()].clone()));
        }
    }
    let (v, _) = view::parse(&pairs);
    view::reconcile(v, &data).0
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]

    /// The page redraws a chart only when its key changes: two views with the same key must
    /// draw the same chart, or a change would leave a stale chart on screen.
    #[test]
    fn views_with_the_same_chart_key_draw_the_same_chart(
        a in proptest::collection::vec(0usize..64, 9),
        b in proptest::collection::vec(0usize..64, 9),
        keep in proptest::collection::vec(proptest::bool::ANY, 9),
    ) {
        // The second view shares some of the first's parameters, so equal keys happen often.
        let b: Vec<usize> = a.iter().zip(&b).zip(&keep).map(|((x, y), k)| if *k { *x } else { *y }).collect();
        let data = shipped();
        let (va, vb) = (clicked_view(&a), clicked_view(&b));
        let theme = |v: &ViewState| v.theme.unwrap_or(Theme::Light);
        let (sa, sb) = (Selection::new(data.clone(), va.clone(), theme(&va)), Selection::new(data, vb.clone(), theme(&vb)));
        for kind in ChartKind::ALL {
            if sa.chart_key(kind) == sb.chart_key(kind) {
                let size = kind.size_for(900);
                proptest::prop_assert_eq!(pipeline::chart(&sa, kind, size), pipeline::chart(&sb, kind, size), "{:?}: {:?} / {:?}", kind, va, vb);
            }
        }
    }
}

/// What the page writes for one block of the view.
fn part_markup(sel: &Selection, part: Part) -> String {
    match part {
        Part::Headline => html::headline(&sel.data, &pipeline::headline(sel)),
        Part::FilterChoices => html::filters(sel),
        Part::Published => html::published_figures(&sel.data),
        Part::Changes => html::changes(&sel.data),
        Part::Incidents => html::incident_table(sel, false),
        Part::Detail => sel
            .selected()
            .map(|i| {
                html::detail(
                    &sel.data,
                    i,
                    pipeline::incident_flow(sel, &i.id, Size { width: 600, height: 330 }).as_ref(),
                )
            })
            .unwrap_or_default(),
        Part::After => html::after::years(sel),
        Part::Diff => html::diff::panel(sel, false),
        Part::Head(kind) => html::figure_head(kind, sel, false),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]

    /// The page rewrites a block only when its key changes: two views with the same key must
    /// write the same markup, or a change would leave a stale block on screen.
    #[test]
    fn views_with_the_same_part_key_write_the_same_markup(
        a in proptest::collection::vec(0usize..64, 9),
        b in proptest::collection::vec(0usize..64, 9),
        keep in proptest::collection::vec(proptest::bool::ANY, 9),
    ) {
        let b: Vec<usize> = a.iter().zip(&b).zip(&keep).map(|((x, y), k)| if *k { *x } else { *y }).collect();
        let data = shipped();
        let (va, vb) = (clicked_view(&a), clicked_view(&b));
        let (sa, sb) = (Selection::new(data.clone(), va.clone(), Theme::Light), Selection::new(data, vb.clone(), Theme::Light));
        let mut parts = vec![Part::Headline, Part::FilterChoices, Part::After, Part::Diff, Part::Published, Part::Changes, Part::Incidents, Part::Detail];
        parts.extend(ChartKind::ALL.map(Part::Head));
        for part in parts {
            if sa.part_key(part) == sb.part_key(part) {
                proptest::prop_assert_eq!(part_markup(&sa, part), part_markup(&sb, part), "{:?}: {:?} / {:?}", part, va, vb);
            }
        }
    }
}

#[test]
fn a_filter_rewrites_the_blocks_it_touches_and_no_other() {
    let data = shipped();
    let sel = |q: &[(&str, &str)]| {
        let pairs: Vec<(String, String)> = q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Selection::new(data.clone(), view::reconcile(view::parse(&pairs).0, &data).0, Theme::Light)
    };
    let base = sel(&[]);
    let filtered = sel(&[("category", "bridge")]);
    let touched = [Part::Headline, Part::After, Part::Incidents, Part::Head(ChartKind::Flows)];
    let mut parts = vec![
        Part::Headline,
        Part::FilterChoices,
        Part::After,
        Part::Diff,
        Part::Published,
        Part::Changes,
        Part::Incidents,
        Part::Detail,
    ];
    parts.extend(ChartKind::ALL.map(Part::Head));
    for part in parts {
        assert_eq!(base.part_key(part) != filtered.part_key(part), touched.contains(&part), "{part:?}");
    }
}

#[test]
fn sorting_the_table_or_changing_the_figures_year_keeps_the_other_charts_keys() {
    let data = shipped();
    let sel = |q: &[(&str, &str)]| {
        let pairs: Vec<(String, String)> = q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let v = view::reconcile(view::parse(&pairs).0, &data).0;
        Selection::new(data.clone(), v, Theme::Light)
    };
    let base = sel(&[]);
    use ChartKind::{Figures, Flows, Timeline, Yearly};
    // (change from the default view, the charts it redraws)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [ChartKind]);
    let cases: [Case; 4] = [
        (&[("sort", "amount"), ("dir", "asc")], &[]),
        (&[("category", "bridge")], &[Yearly, Timeline, Flows]),
        (&[("figures", "all")], &[Figures]),
        (&[("yearly", "split")], &[Yearly]),
    ];
    for (change, redrawn) in cases {
        let changed = sel(change);
        for kind in ChartKind::ALL {
            assert_eq!(
                base.chart_key(kind) != changed.chart_key(kind),
                redrawn.contains(&kind),
                "{change:?} should redraw {redrawn:?}; {kind:?} disagrees"
            );
        }
    }
}

#[test]
fn the_footer_says_each_sentence_once() {
    let sel = default_selection();
    let page = static_page(&sel);
    let footer = page.split(r#"<footer class="page-footer">"#).nth(1).expect("a footer");
    let footer = footer.split("</footer>").next().unwrap_or_default();
    let text = text_of(footer);
    let mut seen = std::collections::HashSet::new();
    for sentence in text.split(". ") {
        let key: Vec<String> = sentence.split_whitespace().take(6).map(str::to_lowercase).collect();
        if key.len() == 6 {
            assert!(seen.insert(key.clone()), "said twice: {}", key.join(" "));
        }
    }
}

#[test]
fn folded_chart_notes_name_the_thefts_not_their_ids() {
    // The summed flows fold their "why this flow does not add up" notes under a line naming
    // the flows: a reader sees "Bybit, Ronin Network …", never "bybit-2025, ronin-2022".
    let sel = default_selection();
    let caption = html::caption(&ChartData::new(&sel, ChartKind::Flows));
    let summary = caption
        .split(r#"<details class="chart-notes"><summary>"#)
        .nth(1)
        .and_then(|s| s.split("</summary>").next())
        .expect("the summed flows fold their notes");
    assert!(summary.contains("Bybit"), "{summary}");
    let data = shipped();
    for incident in &data.incidents {
        assert!(!summary.contains(incident.id.as_str()), "an id in the notes' line: {summary}");
    }
}
