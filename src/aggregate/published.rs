//! Published figures over time: who said what about a year, and when.

use crate::aggregate::yearly::publisher_order;
use crate::model::{Dataset, Date, FigureNature, FigureScope, ReportedTotal};

/// The window a published figure covers, as data (its days, its year and scope, the
/// publisher's own words where it gave no exact end), so the phrasing layer writes it in
/// each language (`phrase::window`) rather than this layer in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// The calendar year an annual or part-of-year figure is for; `None` across years.
    pub year: Option<i32>,
    /// The first day of the figure's data.
    pub start: Date,
    /// The last day (nominal where `words` says the publisher gave no exact end).
    pub end: Date,
    /// What the figure is for: a year, part of one, several.
    pub scope: FigureScope,
    /// The window as the publisher words it, in English ("January through early December").
    pub words: Option<String>,
}

impl Window {
    /// The window of `t`.
    pub fn of(t: &ReportedTotal) -> Window {
        Window {
            year: t.year,
            start: t.period_start,
            end: t.period_end,
            scope: t.scope(),
            words: t.window_words.clone(),
        }
    }

    /// True when the window is all of one calendar year.
    pub fn is_full_year(&self) -> bool {
        self.year.is_some_and(|y| self.start == Date::new(y, 1, 1) && self.end == Date::new(y, 12, 31))
    }

    /// True when the window is named by its year ("in 2024", "in 2025 (to 19 Dec 2025)"),
    /// not by its days ("for 1 Jan – 30 Jun 2026"): a publisher's annual figure.
    pub fn is_a_year(&self) -> bool {
        self.year.is_some() && self.scope == FigureScope::Annual
    }
}

/// One published figure on the "who said what, when" chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedPoint {
    /// Id of the reported total.
    pub id: String,
    /// Publisher (legend entry, symbol).
    pub publisher: String,
    /// When it was published (the point's x).
    pub published: Date,
    /// The window it covers (drawn as a bar from start to end).
    pub period: (Date, Date),
    /// The figure (the low end of a range).
    pub usd: f64,
    /// The high end of a range.
    pub usd_high: Option<f64>,
    /// Derived from the publisher's numbers rather than stated.
    pub derived: bool,
    /// Full year, part of a year, several years, or derived.
    pub nature: FigureNature,
    /// True when the publisher gave a floor ("at least").
    pub floor: bool,
    /// The window it covers, as data (`phrase::window` writes it in the words in force).
    pub window: Window,
    /// Index in [`PublishedData::points`] of the figure this one revises.
    pub revises: Option<usize>,
    /// Id of its source.
    pub source: String,
    /// `added` or `revised` since the release the reader compares with (`?since=`).
    pub changed: Option<&'static str>,
}

/// Everything the published-figures chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedData {
    /// The calendar year the figures are about, or `None` for every window.
    pub year: Option<i32>,
    /// Figures, oldest publication first.
    pub points: Vec<PublishedPoint>,
    /// Publishers in legend order.
    pub publishers: Vec<String>,
    /// First and last day of the time axis.
    pub start: Date,
    /// Last day of the time axis.
    pub end: Date,
}

/// The figures published about one calendar year (every figure whose window lies inside
/// it: full-year, year-to-date and part-year ones), or about any window when `year` is
/// `None`, each at its publication date with its window and the figure it revises.
pub fn published(data: &Dataset, year: Option<i32>) -> PublishedData {
    let inside = |t: &&ReportedTotal| {
        year.is_none_or(|y| t.period_start >= Date::new(y, 1, 1) && t.period_end <= Date::new(y, 12, 31))
    };
    let mut totals: Vec<&ReportedTotal> = data.reported_totals.iter().filter(inside).collect();
    crate::sort::by(&mut totals, &|a, b| a.published.cmp(&b.published).then_with(|| a.id.cmp(&b.id)));
    let points: Vec<PublishedPoint> = totals
        .iter()
        .map(|t| PublishedPoint {
            id: t.id.clone(),
            publisher: t.publisher.clone(),
            published: t.published,
            period: (t.period_start, t.period_end),
            usd: t.usd,
            usd_high: t.usd_high,
            derived: t.derived,
            nature: t.nature(),
            floor: t.floor,
            window: Window::of(t),
            revises: t.supersedes.as_deref().and_then(|old| totals.iter().position(|o| o.id == old)),
            source: t.source.clone(),
            changed: None,
        })
        .collect();
    let start = points.iter().map(|p| p.period.0).min().unwrap_or(data.as_of);
    let end = points.iter().map(|p| p.published.max(p.period.1)).max().unwrap_or(data.as_of);
    let publishers = publisher_order(points.iter().map(|p| p.publisher.as_str()));
    PublishedData { year, points, publishers, start, end }
}

/// Years that have at least one figure published about them alone, newest first: the
/// choices of the published-figures chart.
pub fn published_years(data: &Dataset) -> Vec<i32> {
    let mut years: Vec<i32> = data
        .reported_totals
        .iter()
        .filter(|t| t.period_start.year() == t.period_end.year())
        .map(|t| t.period_start.year())
        .collect();
    crate::sort::unique(&mut years);
    years.reverse();
    years
}
