//! `make bench`, native half: how long aggregation and SVG rendering take, and how large the
//! SVG gets, for the shipped dataset and for synthetic datasets of growing size (written to
//! target/bench/ for the browser half, tests/e2e/bench.mjs). Synthetic records are for
//! measurement only and never shipped.

// A benchmark report is printed output by design.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use std::sync::Arc;

use heist_ledger::html;
use heist_ledger::load::{compact, parse_dataset};
use heist_ledger::model::{Category, ChangeEntry, Dataset, Date, EdgeBasis};
use heist_ledger::pipeline::{self, ChartData, ChartKind, Part, Selection};
use heist_ledger::render::Size;
use heist_ledger::tables::FOLDED_ROWS;
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
    heist_ledger::sort::by(&mut times, &f64::total_cmp);
    (times[runs / 2], bytes)
}

/// A small deterministic generator (xorshift64*): the same synthetic datasets every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `n` synthetic incidents sampled from the shipped dataset's own distributions: each
/// copies a random real record (so its category, chains, assets, actor, attribution and
/// sources follow the real mix), moves its date by up to a year either way within the
/// data's span, and scales its amount by a log-uniform factor of 0.1x to 10x (keeping the
/// real heavy tail). A record whose template has a traced flow gets that flow, scaled.
fn synthetic(base: &Dataset, n: usize) -> Dataset {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n as u64);
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
    let first = template.iter().map(|i| i.date.days_since_epoch()).min().unwrap_or(0);
    let last = template.iter().map(|i| i.date.days_since_epoch()).max().unwrap_or(0);
    let mut flows = Vec::new();
    data.incidents = (0..n)
        .map(|k| {
            let t = &template[rng.below(template.len())];
            let mut i = t.clone();
            i.id = format!("bench-{k}");
            let shift = (rng.unit() * 730.0 - 365.0) as i64;
            i.date = Date::from_days_since_epoch((t.date.days_since_epoch() + shift).clamp(first, last));
            let factor = 10f64.powf(rng.unit() * 2.0 - 1.0);
            i.usd = (t.usd * factor).round().max(1.0);
            (i.usd_low, i.usd_high, i.recovered_usd) = (None, None, None);
            // The Korean and Japanese texts are the real records' and measure no chart;
            // with them 100,000 copies (340 MB) pass the loader's 256 MB limit.
            i.translations = Default::default();
            if let Some(f) = base.flow_for(&t.id) {
                let mut f = f.clone();
                f.incident = i.id.clone();
                f.nodes.iter_mut().for_each(|n| n.translations = Default::default());
                // A published split is dated after its theft; it moves with the theft, or
                // the validator rightly refuses a split published before the theft.
                let moved = i.date.days_since_epoch() - t.date.days_since_epoch();
                for s in &mut f.status {
                    s.date = Date::from_days_since_epoch(s.date.days_since_epoch() + moved);
                }
                f.theft_usd *= factor;
                for e in &mut f.edges {
                    e.usd *= factor;
                    scale_basis(e.basis.as_mut(), factor);
                }
                flows.push(f);
            }
            i
        })
        .collect();
    data.flows = flows;
    // Enforcement actions and freezes name real incidents, which the synthetic set does not
    // hold.
    data.enforcement.clear();
    data.cooperation.clear();
    data
}

/// An edge's basis scaled with its amount, so the validator's arithmetic still holds.
fn scale_basis(basis: Option<&mut EdgeBasis>, factor: f64) {
    match basis {
        Some(EdgeBasis::Stated { parts, .. }) => parts.iter_mut().for_each(|p| p.usd *= factor),
        Some(EdgeBasis::Tokens { price_usd, .. }) => *price_usd *= factor,
        Some(EdgeBasis::Share { of_usd, .. } | EdgeBasis::Remainder { of_usd, .. }) => *of_usd *= factor,
        Some(EdgeBasis::Carried { .. }) | None => {}
    }
}

/// What the page writes for a block of the view (the live page's own markup functions).
fn part_markup(sel: &Selection, part: Part) -> usize {
    match part {
        Part::Headline => html::headline(&sel.data, &pipeline::headline(sel)).len(),
        Part::FilterChoices => html::filters(sel).len(),
        Part::Published => html::published_figures(&sel.data).len(),
        Part::Changes => html::changes(&sel.data).len(),
        Part::Incidents => html::incident_table(sel, false).len(),
        Part::Detail => 0,
        Part::After => html::after::years(sel).len(),
        Part::Diff => html::diff::panel(sel, false).len(),
        Part::Head(kind) => html::figure_head(kind, sel, false).len(),
    }
}

/// Everything the page computes for one filter change (ticking "bridge" from the default
/// view): the selection, and for each chart and block whose key the change touched, its
/// data, drawing, caption and folded table, or its markup. Untouched ones are not redone.
fn filter_change(data: &Arc<Dataset>, before: &Selection) -> usize {
    let mut view = ViewState::default();
    view.filter.categories.push(Category::Bridge);
    let after = Selection::new(data.clone(), view, Theme::Light);
    let mut bytes = 0;
    for kind in ChartKind::ALL {
        if after.chart_key(kind) != before.chart_key(kind) {
            let chart = ChartData::new(&after, kind);
            bytes += chart.draw(SIZE, Theme::Light).map_or(0, |svg| svg.len());
            bytes += html::caption(&chart).len() + html::table(&chart.table(FOLDED_ROWS)).len();
        }
    }
    let mut parts = vec![
        Part::Headline,
        Part::FilterChoices,
        Part::After,
        Part::Diff,
        Part::Published,
        Part::Changes,
        Part::Incidents,
    ];
    parts.extend(ChartKind::ALL.map(Part::Head));
    for part in parts {
        if after.part_key(part) != before.part_key(part) {
            bytes += part_markup(&after, part);
        }
    }
    bytes
}

/// One dataset's row; returns the filter change's median in ms.
fn measure(name: &str, data: &Dataset) -> f64 {
    let data = Arc::new(data.clone());
    // The selection is what a filter change costs before any chart is drawn.
    let (sel_ms, _) =
        median_ms(|| Selection::new(data.clone(), ViewState::default(), Theme::Light).count(), 9);
    let sel = Selection::new(data.clone(), ViewState::default(), Theme::Light);
    // Each chart as the page draws it: its data, then the drawing.
    let draw = |kind: ChartKind| {
        median_ms(|| ChartData::new(&sel, kind).draw(SIZE, Theme::Light).map_or(0, |svg| svg.len()), 9)
    };
    let (y_ms, y_bytes) = draw(ChartKind::Yearly);
    let (t_ms, t_bytes) = draw(ChartKind::Timeline);
    let (f_ms, f_bytes) = draw(ChartKind::Flows);
    // The timeline's whole table, made only when a reader opens it or saves the CSV.
    let (whole_ms, _) = median_ms(|| pipeline::table(&sel, ChartKind::Timeline).rows.len(), 3);
    let (change_ms, _) = median_ms(|| filter_change(&data, &sel), 9);
    println!(
        "| {name:<28} | {:>6} | {sel_ms:>8.2} | {y_ms:>7.2} ({:>5} KB) | {t_ms:>8.2} ({:>6} KB) | {f_ms:>7.2} ({:>5} KB) | {whole_ms:>8.1} | {change_ms:>8.1} |",
        data.incidents.len(),
        y_bytes / 1024,
        t_bytes / 1024,
        f_bytes / 1024
    );
    change_ms
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
    // The page reads the build's checked copy of the same data, not the JSON above.
    let checked = compact::encode(&shipped, "incidents.json");
    let (decode_ms, _) = median_ms(
        || {
            compact::decode(checked.as_bytes(), "incidents.checked.json")
                .map_or(0, |(d, _)| d.incidents.len())
        },
        9,
    );
    println!("Native (release), median of 9 runs, charts at {}x{} px.", SIZE.width, SIZE.height);
    println!("Parse + validate shipped dataset ({} KB): {parse_ms:.2} ms", bytes.len() / 1024);
    println!("Read its checked copy as the page does ({} KB): {decode_ms:.2} ms\n", checked.len() / 1024);
    println!("| dataset                      | incidents | selection ms | yearly ms (svg) | timeline ms (svg) | flows ms (svg) | timeline whole table ms | one filter change ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut changes = vec![("shipped".to_string(), measure("shipped", &shipped))];
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench");
    let _ = std::fs::create_dir_all(out);
    for n in [100, 1_000, 10_000, 100_000] {
        let data = synthetic(&shipped, n);
        let name = format!("synthetic ×{n}");
        changes.push((name.clone(), measure(&name, &data)));
        if let Ok(json) = serde_json::to_string(&data) {
            // Parse + validate as the page does, from the bytes it would fetch.
            // A synthetic set the page would refuse would measure nothing in the browser half.
            if let Err(e) = parse_dataset(json.as_bytes(), "x.json", Date::new(2100, 1, 1)) {
                eprintln!("synthetic ×{n} does not load: {e}");
                std::process::exit(1);
            }
            let (ms, _) = median_ms(
                || {
                    parse_dataset(json.as_bytes(), "x.json", Date::new(2100, 1, 1))
                        .map_or(0, |d| d.incidents.len())
                },
                3,
            );
            println!("|   parse + validate {} MB | {ms:.0} ms |", json.len() / 1_000_000);
            let _ = std::fs::write(format!("{out}/incidents-{n}.json"), json);
        }
        // The timeline alone, for the browser half to time SVG insertion, layout and paint.
        let sel = Selection::new(Arc::new(data), ViewState::default(), Theme::Light);
        if let Ok(svg) = pipeline::chart(&sel, ChartKind::Timeline, SIZE).svg {
            let _ = std::fs::write(format!("{out}/timeline-{n}.svg"), svg);
        }
    }
    // For the browser half, which prints every target: a filter change natively.
    let fields: Vec<String> = changes.iter().map(|(name, ms)| format!("{name:?}: {ms:.3}")).collect();
    let _ = std::fs::write(
        format!("{out}/native.json"),
        format!("{{\"filter_change_ms\": {{{}}}}}\n", fields.join(", ")),
    );
}
