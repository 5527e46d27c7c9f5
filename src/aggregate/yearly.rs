//! Year totals beside the figures publishers reported for those years, latest revision
//! first and the earlier ones remembered.

use crate::aggregate::Window;
use crate::model::{Confidence, Dataset, Date, FigureNature, Incident, ReportedTotal};

/// One year's bar: the dataset's incidents summed by victim category.
#[derive(Debug, Clone, PartialEq)]
pub struct YearBar {
    /// Calendar year.
    pub year: i32,
    /// Sum per category, indexed by [`crate::model::Category::index`].
    pub by_category: [f64; 7],
    /// Sum over all categories.
    pub total: f64,
    /// Number of incidents.
    pub count: usize,
    /// Sum of the incidents rated official or firm (drawn beside the bar when asked for).
    pub(crate) official_firm: f64,
}

/// A research firm's or official body's figure for one year, drawn beside the bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedMark {
    /// Id of the reported total.
    pub id: String,
    /// Publisher; one legend entry each.
    pub publisher: String,
    /// The year it covers.
    pub year: i32,
    /// DPRK-linked theft reported (the low end of a range).
    pub usd: f64,
    /// The high end, when the publisher gave a range.
    pub usd_high: Option<f64>,
    /// True when the publisher gave a floor ("at least").
    pub floor: bool,
    /// Incident count, where given.
    pub incidents: Option<u32>,
    /// True when the period is less than the whole year (e.g. January to September).
    pub partial: bool,
    /// A stated full-year figure, part of a year, or derived (drawn and listed differently).
    pub nature: FigureNature,
    /// The window it covers, as data (`phrase::window` writes it: "2024", "1 Jan – 30 Sep
    /// 2025", "2025년 1월 1일~9월 30일").
    pub window: Window,
    /// How a derived figure was worked out.
    pub basis: Option<String>,
    /// When it was published.
    pub published: Date,
    /// Id of its source.
    pub source: String,
    /// Earlier figures from the same publisher for the same year, oldest first.
    pub revised_from: Vec<EarlierFigure>,
}

/// A figure a publisher gave earlier for the same year.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierFigure {
    /// When it was published.
    pub published: Date,
    /// The amount.
    pub usd: f64,
    /// True when it covered only part of the year (a year-to-date figure).
    pub partial: bool,
}

/// Everything the yearly chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyData {
    /// One bar per year in the span, zero-height years included.
    pub bars: Vec<YearBar>,
    /// Reported figures for years in the span, latest revision only.
    pub reported: Vec<ReportedMark>,
    /// Publishers with at least one mark, in a stable order (legend order).
    pub publishers: Vec<String>,
    /// True when the filter drops incidents the reported figures include: the bars are
    /// then a subset, and the chart says so.
    pub filtered: bool,
    /// The year of the incident the reader selected, outlined on the chart.
    pub selected: Option<i32>,
    /// True when each year's official and firm-rated sum is drawn beside its bar
    /// (`?yearly=split`).
    pub split: bool,
}

/// Sums incidents per year and category, and picks each publisher's latest figure per year;
/// `selected` is the year of the incident the reader selected, `split` draws each year's
/// official and firm-rated sum beside its bar (`?yearly=split`).
pub fn yearly(
    data: &Dataset,
    incidents: &[&Incident],
    span: (i32, i32),
    filtered: bool,
    selected: Option<i32>,
    split: bool,
) -> YearlyData {
    let (from, to) = span;
    let mut bars: Vec<YearBar> = (from..=to)
        .map(|year| YearBar { year, by_category: [0.0; 7], total: 0.0, count: 0, official_firm: 0.0 })
        .collect();
    for incident in incidents {
        let year = incident.date.year();
        if year < from || year > to {
            continue;
        }
        let bar = &mut bars[(year - from) as usize];
        bar.by_category[incident.category.index()] += incident.usd;
        bar.total += incident.usd;
        bar.count += 1;
        if incident.attribution.confidence != Confidence::Suspected {
            bar.official_firm += incident.usd;
        }
    }
    let reported = latest_reported(&data.reported_totals, span);
    let publishers = publisher_order(reported.iter().map(|m| m.publisher.as_str()));
    YearlyData { bars, reported, publishers, filtered, selected, split }
}

/// Publishers in legend order: the best known first, then alphabetically.
pub fn publisher_order<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    const KNOWN: [&str; 5] = ["Chainalysis", "TRM Labs", "Elliptic", "UN Panel of Experts", "MSMT"];
    let mut set: Vec<&str> = names.collect();
    crate::sort::unique(&mut set);
    let mut out: Vec<String> = KNOWN.iter().filter(|k| set.contains(*k)).map(|k| k.to_string()).collect();
    out.extend(set.iter().filter(|p| !KNOWN.contains(p)).map(|p| p.to_string()));
    out
}

/// For each (publisher, year) in the span: the figure nothing else supersedes and, among
/// those, the latest published; the figures it revised are listed with it.
pub fn latest_reported(totals: &[ReportedTotal], (from, to): (i32, i32)) -> Vec<ReportedMark> {
    let mut superseded: Vec<&str> = totals.iter().filter_map(|t| t.supersedes.as_deref()).collect();
    crate::sort::unique(&mut superseded);
    // Grouped by (publisher, year), each group oldest publication first.
    let mut in_span: Vec<(&str, i32, &ReportedTotal)> = totals
        .iter()
        .filter_map(|t| t.year.filter(|y| (from..=to).contains(y)).map(|y| (t.publisher.as_str(), y, t)))
        .collect();
    crate::sort::by(&mut in_span, &|a, b| (a.0, a.1, a.2.published).cmp(&(b.0, b.1, b.2.published)));
    let mut marks = Vec::new();
    for run in in_span.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let (publisher, year) = (run[0].0.to_string(), run[0].1);
        let group: Vec<&ReportedTotal> = run.iter().map(|(_, _, t)| *t).collect();
        let Some(current) = group
            .iter()
            .rev()
            .find(|t| superseded.binary_search(&t.id.as_str()).is_err())
            .or_else(|| group.last())
        else {
            continue;
        };
        let revised_from = group
            .iter()
            .filter(|t| t.id != current.id && t.published <= current.published)
            .map(|t| EarlierFigure {
                published: t.published,
                usd: t.usd,
                partial: t.nature() == FigureNature::PartOfYear,
            })
            .collect();
        marks.push(ReportedMark {
            id: current.id.clone(),
            publisher,
            year,
            usd: current.usd,
            usd_high: current.usd_high,
            floor: current.floor,
            incidents: current.incidents,
            partial: current.nature() == FigureNature::PartOfYear,
            nature: current.nature(),
            window: Window::of(current),
            basis: current.basis.clone(),
            published: current.published,
            source: current.source.clone(),
            revised_from,
        });
    }
    crate::sort::by(&mut marks, &|a, b| a.year.cmp(&b.year).then_with(|| a.publisher.cmp(&b.publisher)));
    marks
}
