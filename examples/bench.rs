//! `make bench`, native half: how long aggregation and SVG rendering take, and how large the
//! SVG gets, for the shipped dataset and for synthetic datasets of growing size (written to
//! target/bench/ for the browser half, tests/e2e/bench.mjs). Synthetic records are for
//! measurement only and never shipped.

// A benchmark report is printed output by design.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use std::sync::Arc;

use heist_ledger::load::parse_dataset;
use heist_ledger::model::{Category, ChangeEntry, Dataset, Date, Flow, FlowEdge, FlowNode, NodeKind};
use heist_ledger::pipeline::{self, ChartKind, Selection};
use heist_ledger::render::Size;
use heist_ledger::view::{Theme, ViewState};

const SIZE: Size = Size { width: 1280, height: 560 };

fn median_ms(mut f: impl FnMut() -> usize, runs: usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        bytes = std::hint::black_box(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], bytes)
}

/// The shipped dataset with its incidents copied `n` times over spread-out dates.
fn synthetic(base: &Dataset, n: usize) -> Dataset {
    let mut data = base.clone();
    let template = base.incidents.clone();
    data.title = format!("Synthetic benchmark dataset ({n} incidents), not real data");
    // The change log names the real records; the synthetic release only says what it is.
    data.changes = vec![ChangeEntry {
        release: data.release.id.clone(),
        date: data.release.date,
        summary: "Synthetic records for measurement only.".into(),
        added: Vec::new(),
        revised: Vec::new(),
        removed: Vec::new(),
    }];
    data.incidents = (0..n)
        .map(|k| {
            let mut i = template[k % template.len()].clone();
            i.id = format!("bench-{k}");
            i.date =
                Date::from_days_since_epoch(Date::new(2017, 1, 1).days_since_epoch() + (k as i64 * 7) % 3200);
            i.category = Category::ALL[k % Category::ALL.len()];
            i.usd = 1e5 * (1.0 + (k % 997) as f64 * 37.0);
            (i.usd_low, i.usd_high, i.recovered_usd) = (None, None, None);
            i
        })
        .collect();
    data.enforcement.clear();
    data.flows = (0..(n / 10).max(1))
        .map(|k| {
            let id = format!("bench-{k}");
            let node = |nid: &str, stage: u8, kind: NodeKind| FlowNode {
                id: nid.to_string(),
                label: nid.to_string(),
                stage,
                kind,
            };
            let edge = |from: &str, to: &str, usd: f64| FlowEdge {
                from: from.to_string(),
                to: to.to_string(),
                usd,
                estimate: k % 3 == 0,
                source: data.sources[0].id.clone(),
                note: None,
            };
            let mix = format!("mixer-{}", k % 12);
            Flow {
                incident: id,
                as_of: Date::new(2025, 1, 1),
                theft_usd: 1e6,
                nodes: vec![
                    node("stolen", 0, NodeKind::Source),
                    node(&format!("swap-{}", k % 9), 1, NodeKind::Intermediate),
                    node(&mix, 3, NodeKind::Intermediate),
                    node("cash-out", 5, NodeKind::Sink),
                ],
                edges: vec![
                    edge("stolen", &format!("swap-{}", k % 9), 1e6),
                    edge(&format!("swap-{}", k % 9), &mix, 8e5),
                    edge(&mix, "cash-out", 6e5),
                ],
            }
        })
        .collect();
    data
}

fn measure(name: &str, data: &Dataset) {
    let data = Arc::new(data.clone());
    // The selection is what a filter change costs before any chart is drawn.
    let (sel_ms, _) =
        median_ms(|| Selection::new(data.clone(), ViewState::default(), Theme::Light).count(), 9);
    let sel = Selection::new(data.clone(), ViewState::default(), Theme::Light);
    let draw =
        |kind: ChartKind| median_ms(|| pipeline::chart(&sel, kind, SIZE).svg.map_or(0, |svg| svg.len()), 9);
    let (y_ms, y_bytes) = draw(ChartKind::Yearly);
    let (t_ms, t_bytes) = draw(ChartKind::Timeline);
    let (f_ms, f_bytes) = draw(ChartKind::Flows);
    println!(
        "| {name:<28} | {:>6} | {sel_ms:>8.2} | {y_ms:>7.2} ({:>5} KB) | {t_ms:>8.2} ({:>6} KB) | {f_ms:>7.2} ({:>5} KB) |",
        data.incidents.len(),
        y_bytes / 1024,
        t_bytes / 1024,
        f_bytes / 1024
    );
}

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/incidents.json");
    let bytes = std::fs::read(path).unwrap_or_default();
    let (parse_ms, _) = median_ms(
        || parse_dataset(&bytes, "incidents.json", Date::new(2100, 1, 1)).map_or(0, |d| d.incidents.len()),
        9,
    );
    let Ok(shipped) = parse_dataset(&bytes, "incidents.json", Date::new(2100, 1, 1)) else {
        eprintln!("the shipped dataset does not load; run `make test`");
        std::process::exit(1);
    };
    println!("Native (release), median of 9 runs, charts at {}x{} px.", SIZE.width, SIZE.height);
    println!("Parse + validate shipped dataset ({} KB): {parse_ms:.2} ms\n", bytes.len() / 1024);
    println!("| dataset                      | incidents | selection ms | yearly ms (svg) | timeline ms (svg) | flows ms (svg) |");
    println!("|---|---:|---:|---:|---:|---:|");
    measure("shipped", &shipped);
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench");
    let _ = std::fs::create_dir_all(out);
    for n in [100, 1_000, 3_000, 10_000] {
        let data = synthetic(&shipped, n);
        measure(&format!("synthetic ×{n}"), &data);
        if let Ok(json) = serde_json::to_string(&data) {
            let _ = std::fs::write(format!("{out}/incidents-{n}.json"), json);
        }
        // The timeline alone, for the browser half to time SVG insertion, layout and paint.
        let sel = Selection::new(Arc::new(data), ViewState::default(), Theme::Light);
        if let Ok(svg) = pipeline::chart(&sel, ChartKind::Timeline, SIZE).svg {
            let _ = std::fs::write(format!("{out}/timeline-{n}.svg"), svg);
        }
    }
}
