//! Why a year's listed sum and a publisher's figure part, in the words in force: the
//! reconciliation ([`crate::reconcile`]) says it as data (the sums, the gap, the records
//! that drive it) and this writes the sentence a reader sees under the yearly chart.

use crate::aggregate::Window;
use crate::model::{Dataset, FigureNature, ReportedTotal};
use crate::phrase::{amount, confidence, date, fill, integer, is_english, money, t, window};
use crate::reconcile::{Parting, YearNote};

/// One year's note as a paragraph: "2018: The 2 listed thefts sum to …. …". A parting
/// whose figure the dataset no longer holds is left out (the reconciliation only makes
/// partings from figures it holds).
pub fn year_note(data: &Dataset, n: &YearNote) -> String {
    let sentences: Vec<String> = n
        .partings
        .iter()
        .filter_map(|p| {
            let total = data.reported_totals.iter().find(|t| t.id == p.figure)?;
            Some(crate::text::capitalised(&sentence(p, total)))
        })
        .collect();
    fill("reconcile.year", &[("year", &n.year.to_string()), ("text", &sentences.join(" "))])
}

/// "Chainalysis' $522M (2018, published 13 Jan 2022)".
fn figure_words(t: &ReportedTotal) -> String {
    let w = window(&Window::of(t));
    let what = match t.nature() {
        FigureNature::Derived => fill("reconcile.derived", &[("window", &w)]),
        _ => w,
    };
    // English names the publisher in the possessive ("Chainalysis'", "MSMT's"); the other
    // languages say whose in their own words around the name.
    let publisher = if is_english() { possessive(&t.publisher) } else { t.publisher.clone() };
    fill(
        "reconcile.figure",
        &[
            ("publisher", &publisher),
            ("amount", &amount(t.usd, t.usd_high, t.floor)),
            ("what", &what),
            ("date", &date(t.published)),
        ],
    )
}

/// "Chainalysis'", "TRM Labs'", "MSMT's".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// "1 listed theft", "5 listed thefts".
fn thefts(n: usize) -> String {
    let key = if n == 1 { "reconcile.thefts_one" } else { "reconcile.thefts" };
    fill(key, &[("count", &integer(n as i64))])
}

/// The sentence for one parting, as written before capitals.
fn sentence(p: &Parting, total: &ReportedTotal) -> String {
    if p.gap > 0.0 {
        let drivers: Vec<String> = p
            .drivers
            .iter()
            .map(|d| {
                let contested = if d.contested { t("reconcile.contested") } else { String::new() };
                fill(
                    "reconcile.driver",
                    &[
                        ("victim", &d.victim),
                        ("amount", &money(d.usd)),
                        ("confidence", &confidence(d.confidence).to_lowercase()),
                        ("contested", &contested),
                    ],
                )
            })
            .collect();
        fill(
            "reconcile.above",
            &[
                ("thefts", &thefts(p.listed_count)),
                ("listed", &money(p.listed)),
                ("gap", &money(p.gap)),
                ("figure", &figure_words(total)),
                ("drivers", &drivers.join(&t("change.list_comma"))),
                ("official", &money(p.official_firm)),
            ],
        )
    } else {
        let counted = total
            .incidents
            .map(|n| {
                let line = fill(
                    "reconcile.counted",
                    &[("count", &integer(i64::from(n))), ("listed", &integer(p.listed_count as i64))],
                );
                format!(" {line}")
            })
            .unwrap_or_default();
        let gap = if total.floor {
            fill("reconcile.at_least", &[("amount", &money(-p.gap))])
        } else {
            money(-p.gap)
        };
        fill(
            "reconcile.below",
            &[
                ("figure", &figure_words(total)),
                ("gap", &gap),
                ("thefts", &thefts(p.listed_count)),
                ("listed", &money(p.listed)),
                ("counted", &counted),
            ],
        )
    }
}
