//! Why a year's listed sum and a publisher's figure for it part: for each year, each
//! publisher's latest figure beside the sum of the thefts this dataset lists inside the
//! same window, and, where they part, which records drive the difference (weakest
//! attribution first) or that the publisher counts thefts the dataset does not list. As
//! data: the sentence a reader sees is written by the phrasing layer (`phrase::year_note`).

use crate::aggregate::latest_reported;
use crate::model::{Confidence, Dataset, Incident, ReportedTotal};

/// How far apart a listed sum and a figure may be before the page explains it: 1 % of the
/// figure (outside its range, when the publisher gave one).
pub(crate) const PART_SHARE: f64 = 0.01;

/// A listed record that helps explain a sum above a publisher's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    /// Incident id.
    pub id: String,
    /// Victim.
    pub victim: String,
    /// Amount listed.
    pub usd: f64,
    /// Its attribution's confidence.
    pub confidence: Confidence,
    /// True when the attribution is disputed.
    pub contested: bool,
}

/// One publisher's figure that parts from the listed sum.
#[derive(Debug, Clone, PartialEq)]
pub struct Parting {
    /// Publisher.
    pub publisher: String,
    /// Id of the reported total.
    pub figure: String,
    /// The figure (its low end).
    pub usd: f64,
    /// Sum of the listed thefts inside the figure's window.
    pub listed: f64,
    /// How many listed thefts that is.
    pub(crate) listed_count: usize,
    /// The same sum over the official and firm-rated records alone.
    pub(crate) official_firm: f64,
    /// Listed minus the figure (positive: the dataset lists more than the publisher counts).
    pub gap: f64,
    /// When the listed sum is above the figure: the records that drive it, weakest
    /// attribution first, as many as it takes to cover the gap.
    pub drivers: Vec<Driver>,
}

/// One year's explanation (`[data-reconcile=YEAR]` on the page).
#[derive(Debug, Clone, PartialEq)]
pub struct YearNote {
    /// Calendar year.
    pub year: i32,
    /// The publishers' figures that part from the listed sum.
    pub partings: Vec<Parting>,
}

/// The notes for the years of `span` where a publisher's latest figure and the listed sum
/// part, oldest year first. The listed sum is over every incident in the dataset (filters
/// do not change what a publisher counted).
pub fn reconcile(data: &Dataset, span: (i32, i32)) -> Vec<YearNote> {
    let marks = latest_reported(&data.reported_totals, span);
    let mut notes: Vec<YearNote> = Vec::new();
    for m in &marks {
        let Some(total) = data.reported_totals.iter().find(|t| t.id == m.id) else { continue };
        let Some(parting) = part(data, total) else { continue };
        match notes.iter_mut().find(|n| n.year == m.year) {
            Some(n) => n.partings.push(parting),
            None => notes.push(YearNote { year: m.year, partings: vec![parting] }),
        }
    }
    let order = crate::aggregate::publisher_order(marks.iter().map(|m| m.publisher.as_str()));
    let rank = |p: &str| order.iter().position(|o| o == p).unwrap_or(usize::MAX);
    for n in &mut notes {
        crate::sort::by(&mut n.partings, &|a, b| rank(&a.publisher).cmp(&rank(&b.publisher)));
    }
    crate::sort::by(&mut notes, &|a, b| a.year.cmp(&b.year));
    notes
}

/// Weakest attribution first: suspected, then firm, then official; contested before
/// uncontested; larger first.
fn weakest_first(a: &&Incident, b: &&Incident) -> std::cmp::Ordering {
    b.attribution
        .confidence
        .cmp(&a.attribution.confidence)
        .then_with(|| b.attribution.contested.cmp(&a.attribution.contested))
        .then_with(|| b.usd.total_cmp(&a.usd))
        .then_with(|| a.id.cmp(&b.id))
}

/// The parting of one figure from the listed thefts inside its window, if they part.
fn part(data: &Dataset, t: &ReportedTotal) -> Option<Parting> {
    let inside: Vec<&Incident> =
        data.incidents.iter().filter(|i| i.date >= t.period_start && i.date <= t.period_end).collect();
    let listed: f64 = inside.iter().map(|i| i.usd).sum();
    let high = t.usd_high.unwrap_or(t.usd);
    let margin = t.usd * PART_SHARE;
    if listed >= t.usd - margin && listed <= high + margin {
        return None;
    }
    let official_firm: f64 =
        inside.iter().filter(|i| i.attribution.confidence != Confidence::Suspected).map(|i| i.usd).sum();
    let gap = if listed > high { listed - high } else { listed - t.usd };
    let mut drivers = Vec::new();
    if gap > 0.0 {
        let mut weak = inside.clone();
        crate::sort::by(&mut weak, &weakest_first);
        let mut covered = 0.0;
        for i in weak {
            if covered >= gap {
                break;
            }
            covered += i.usd;
            drivers.push(Driver {
                id: i.id.clone(),
                victim: i.victim.clone(),
                usd: i.usd,
                confidence: i.attribution.confidence,
                contested: i.attribution.contested,
            });
        }
    }
    Some(Parting {
        publisher: t.publisher.clone(),
        figure: t.id.clone(),
        usd: t.usd,
        listed,
        listed_count: inside.len(),
        official_firm,
        gap,
        drivers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Dataset {
        let text = include_str!("../tests/fixtures/minimal.json");
        crate::load::parse_dataset(text.as_bytes(), "minimal.json", crate::model::Date::new(2100, 1, 1))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_sum_above_a_figure_names_the_weakest_records_that_drive_it() {
        let mut data = fixture();
        // 2024 lists $400M; the figure is $450M: below. Lower it to $250M: above by $150M.
        data.reported_totals[1].usd = 250e6;
        data.reported_totals[1].all_actors_usd = None;
        data.reported_totals[1].stated_share = None;
        let notes = reconcile(&data, (2024, 2024));
        let p = &notes[0].partings[0];
        assert_eq!((p.listed, p.gap), (400e6, 150e6));
        let ids: Vec<&str> = p.drivers.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["beta-2024", "alpha-2024"], "firm and contested first, then official until covered");
        assert_eq!((p.listed_count, p.official_firm), (2, 400e6), "both listed, official and firm");
    }

    #[test]
    fn a_figure_above_the_sum_says_the_publisher_counts_more() {
        let data = fixture();
        let notes = reconcile(&data, (2024, 2025));
        let y2024 = notes.iter().find(|n| n.year == 2024).expect("2024 parts: $450M vs $400M listed");
        assert!(y2024.partings[0].gap < 0.0 && y2024.partings[0].drivers.is_empty(), "{y2024:?}");
        // Other Publisher's Jan–Mar 2025 figure ($60M) against the one theft listed in that window ($50M).
        let y2025 = notes.iter().find(|n| n.year == 2025).expect("2025 parts");
        assert_eq!(y2025.partings[0].listed, 50e6, "only thefts inside the figure's window");
    }

    #[test]
    fn a_sum_inside_a_published_range_does_not_part() {
        let mut data = fixture();
        data.reported_totals[1].usd = 380e6;
        data.reported_totals[1].usd_high = Some(420e6);
        data.reported_totals[1].all_actors_usd = None;
        data.reported_totals[1].stated_share = None;
        assert!(reconcile(&data, (2024, 2024)).is_empty());
    }
}
