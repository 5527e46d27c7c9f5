//! The aggregates' unit tests, on the minimal fixture.

use super::flows::humanize;
use super::*;
use crate::model::{Category, Confidence, Dataset, Date};
use crate::view::{Filter, SortKey};

fn fixture() -> Dataset {
    let text = include_str!("../../tests/fixtures/minimal.json");
    crate::load::parse_dataset(text.as_bytes(), "minimal.json", Date::new(2100, 1, 1))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn filters_combine_and_empty_lists_mean_all() {
    let data = fixture();
    let cases: [(Filter, &[&str]); 7] = [
        (Filter::default(), &["alpha-2024", "beta-2024", "gamma-2025"]),
        (Filter { from_year: Some(2025), ..Filter::default() }, &["gamma-2025"]),
        (Filter { categories: vec![Category::Bridge], ..Filter::default() }, &["beta-2024"]),
        (Filter { chains: vec!["BNB Chain".into()], ..Filter::default() }, &["beta-2024"]),
        (
            Filter { confidence: vec![Confidence::Official, Confidence::Suspected], ..Filter::default() },
            &["alpha-2024", "gamma-2025"],
        ),
        (Filter { text: "TRON".into(), ..Filter::default() }, &["gamma-2025"]),
        (
            Filter {
                dates: Some((Date::new(2024, 3, 1), Date::new(2024, 12, 31))),
                actors: vec!["Lazarus Group".into()],
                ..Filter::default()
            },
            &["alpha-2024"],
        ),
    ];
    for (filter, want) in cases {
        let got: Vec<&str> = filter.apply(&data).iter().map(|i| i.id.as_str()).collect();
        assert_eq!(got, want, "{filter:?}");
    }
}

#[test]
fn reported_marks_take_the_latest_revision_and_remember_the_earlier_one() {
    let data = fixture();
    let y = yearly(&data, &Filter::default().apply(&data), (2024, 2025), false, None, false);
    let tp = y.reported.iter().find(|m| m.publisher == "Test Publisher").expect("mark");
    assert_eq!(tp.usd, 450_000_000.0);
    assert_eq!(tp.revised_from.len(), 1);
    assert_eq!(tp.revised_from[0].usd, 500_000_000.0);
    let op = y.reported.iter().find(|m| m.publisher == "Other Publisher").expect("mark");
    assert!(op.partial, "Jan-Mar is part of the year");
}

#[test]
fn summed_flows_merge_shared_nodes_and_send_untraced_money_to_a_sink() {
    let data = fixture();
    let g = flow_graph(&data, &["alpha-2024", "beta-2024"]).expect("graph");
    assert_eq!(g.theft_usd, 400_000_000.0);
    let dex = g.nodes.iter().position(|n| n.id == "dex").expect("dex");
    let into: f64 = g.links.iter().filter(|l| l.to == dex).map(|l| l.usd).sum();
    let out: f64 = g.links.iter().filter(|l| l.from == dex).map(|l| l.usd).sum();
    assert_eq!(into, 350_000_000.0, "both incidents' swaps merged");
    assert_eq!(out, into, "the 50M not traced beyond the swaps goes to the inferred sink");
    let inferred: Vec<&FlowGraphLink> = g.links.iter().filter(|l| l.inferred).collect();
    assert_eq!(inferred.len(), 2, "dex and bridge each pass on less than they got");
    assert!(inferred.iter().all(|l| l.estimate && l.sources.is_empty()));
    assert!(flow_graph(&data, &["gamma-2025"]).is_none(), "no flow, no graph");
}

#[test]
fn node_ids_read_with_assets_by_symbol_and_names_spelled_one_way() {
    let cases = [
        ("held-btc", "Held BTC"),
        ("still-held", "Still held"),
        ("thorchain", "THORChain"),
        ("stolen_eth", "Stolen ETH"),
        ("exch-deposit", "eXch deposit"),
        ("okx-web3", "OKX web3"),
        ("", ""),
    ];
    for (id, want) in cases {
        assert_eq!(humanize(id), want, "{id}");
    }
}

#[test]
fn merged_nodes_with_different_labels_get_a_neutral_one() {
    let mut data = fixture();
    data.flows[1].nodes[0].id = "stolen-eth".into();
    data.flows[1].edges[0].from = "stolen-eth".into();
    let g = flow_graph(&data, &["alpha-2024", "beta-2024"]).expect("graph");
    assert!(g.nodes.iter().any(|n| n.id == "stolen-eth" && n.label == "Stolen ETH"));
}

#[test]
fn headline_share_is_one_years_as_the_publisher_gave_it() {
    let mut data = fixture();
    let kept = Filter::default().apply(&data);
    let h = headline(&data, &kept, (2024, 2024));
    let s = h.dprk_share.expect("2024 has a stated share");
    assert_eq!((s.publisher.as_str(), s.year, s.stated), ("Test Publisher", 2024, true));
    assert!((s.share - 0.5).abs() < 1e-9, "the revised figure's stated 50%");
    assert_eq!(s.total, "tp-2024-b");
    let wider = headline(&data, &kept, (2024, 2025)).dprk_share.expect("falls back to a single year");
    assert_eq!(wider.year, 2024, "2025 has no share, so 2024's is shown, never a blend");
    assert_eq!(h.count, 3);
    assert_eq!(h.largest.as_deref(), Some("alpha-2024"));
    data.reported_totals[1].stated_share = None;
    let derived = headline(&data, &[], (2024, 2024)).dprk_share.expect("worked out from the two figures");
    assert!(!derived.stated && derived.basis == Some((450e6, 900e6)), "{:?}", derived.basis);
}

#[test]
fn table_sorting_is_stable_in_both_directions() {
    let data = fixture();
    let mut list = Filter::default().apply(&data);
    sort_incidents(&mut list, SortKey::Usd, false);
    assert_eq!(
        list.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["alpha-2024", "beta-2024", "gamma-2025"]
    );
    sort_incidents(&mut list, SortKey::Victim, true);
    assert_eq!(
        list.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["alpha-2024", "beta-2024", "gamma-2025"]
    );
    sort_incidents(&mut list, SortKey::Date, false);
    assert_eq!(list[0].id, "gamma-2025");
}

#[test]
fn the_largest_theft_on_a_tie_is_the_one_whose_id_sorts_first_in_any_order() {
    let base = fixture().incidents[0].clone();
    let theft = |id: &str, usd: f64| crate::model::Incident { id: id.into(), usd, ..base.clone() };
    // (thefts as (id, amount), the id `largest` must name)
    type Case<'a> = (&'a [(&'a str, f64)], Option<&'a str>);
    let cases: &[Case] = &[
        (&[], None),
        (&[("b", 5.0)], Some("b")),
        (&[("a", 1.0), ("b", 2.0)], Some("b")),
        (&[("b", 2.0), ("a", 2.0)], Some("a")),
        (&[("a", 2.0), ("b", 2.0)], Some("a")),
        (&[("c", 3.0), ("b", 3.0), ("a", 3.0)], Some("a")),
        (&[("z", 9.0), ("a", 1.0), ("m", 9.0)], Some("m")),
        (&[("a", 0.0), ("b", 0.0)], Some("a")),
    ];
    for (thefts, want) in cases {
        let owned: Vec<crate::model::Incident> = thefts.iter().map(|(id, usd)| theft(id, *usd)).collect();
        let mut list: Vec<&crate::model::Incident> = owned.iter().collect();
        assert_eq!(largest(&list).map(|i| i.id.as_str()), *want, "{thefts:?}");
        list.reverse();
        assert_eq!(largest(&list).map(|i| i.id.as_str()), *want, "{thefts:?} reversed");
        let kept: Vec<&crate::model::Incident> = list.clone();
        let h = headline(&fixture(), &kept, (2024, 2024));
        assert_eq!(h.largest.as_deref(), *want, "the headline names it too: {thefts:?}");
    }
}
