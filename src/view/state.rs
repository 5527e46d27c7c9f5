//! The view's state: everything about the view that lives in the URL, and the named
//! choices it holds (charts, embed, theme, sort column, figures year).

use crate::view::filter::Filter;

/// The charts of the page, in page order. Named here, with the view, because a view can
/// name one (an embed, a slide); how each is drawn lives in [`crate::pipeline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Stolen per year, beside published totals.
    Yearly,
    /// Every heist on a time axis, with enforcement actions.
    Timeline,
    /// Laundering flows (Sankey).
    Flows,
    /// Who said what, when: published figures at their publication dates.
    Figures,
}

impl ChartKind {
    /// Every chart, in page order.
    pub const ALL: [ChartKind; 4] =
        [ChartKind::Yearly, ChartKind::Timeline, ChartKind::Flows, ChartKind::Figures];

    /// The `data-chart` name, also used in URLs and file names.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Yearly => "yearly",
            ChartKind::Timeline => "timeline",
            ChartKind::Flows => "flows",
            ChartKind::Figures => "figures",
        }
    }

    /// Parses a name.
    pub(crate) fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// The slide a key moves briefing mode to from slide `n` (counted from 1), if the key moves
/// it: forward on →, ↓, Page Down (what presentation clickers send) and space; back on ←, ↑,
/// Page Up and Shift+space; Home and End to the ends.
pub fn slide_after(key: &str, shift: bool, n: usize) -> Option<usize> {
    let last = ChartKind::ALL.len();
    let back = Some(n.saturating_sub(1).max(1));
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" => Some((n + 1).min(last)),
        " " if shift => back,
        " " => Some((n + 1).min(last)),
        "ArrowLeft" | "ArrowUp" | "PageUp" => back,
        "Home" => Some(1),
        "End" => Some(last),
        _ => None,
    }
}

/// One chart alone, for an iframe in a report (`?embed=yearly&plain&static`).
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// The chart shown.
    pub chart: ChartKind,
    /// No title, filter line or source footer: the host page gives its own.
    pub plain: bool,
    /// No tooltips, buttons or keyboard: a picture that still resizes.
    pub still: bool,
    /// No page or chart background, for hosts with their own colour.
    pub transparent: bool,
    /// The Pym.js child id the host page gave (`childId`), so height messages reach it.
    pub pym_id: Option<String>,
}

impl Embed {
    /// An interactive, framed embed of `chart`.
    pub fn of(chart: ChartKind) -> Embed {
        Embed { chart, plain: false, still: false, transparent: false, pym_id: None }
    }
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on white: print, reports, daylight rooms.
    #[default]
    Light,
    /// Light text on near-black: projectors in dark rooms.
    Dark,
}

impl Theme {
    /// The slug used in URLs and on `<html data-theme>`.
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a slug.
    pub(crate) fn from_slug(slug: &str) -> Option<Theme> {
        match slug {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Columns the incident table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Date of the theft.
    #[default]
    Date,
    /// Victim name.
    Victim,
    /// Victim category.
    Category,
    /// Amount stolen.
    Usd,
    /// Actor.
    Actor,
    /// Attribution confidence.
    Confidence,
}

impl SortKey {
    /// Every key, in table column order.
    pub const ALL: [SortKey; 6] = [
        SortKey::Date,
        SortKey::Victim,
        SortKey::Category,
        SortKey::Usd,
        SortKey::Actor,
        SortKey::Confidence,
    ];

    /// The slug used in the URL.
    pub fn slug(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Victim => "victim",
            SortKey::Category => "category",
            SortKey::Usd => "usd",
            SortKey::Actor => "actor",
            SortKey::Confidence => "confidence",
        }
    }

    /// The direction a column sorts in when first chosen: text A to Z, dates newest first,
    /// amounts largest first, confidence strongest first.
    pub fn natural_ascending(self) -> bool {
        matches!(self, SortKey::Victim | SortKey::Category | SortKey::Actor | SortKey::Confidence)
    }

    /// Parses a slug.
    pub(crate) fn from_slug(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// Which figures the published-figures chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiguresFor {
    /// Figures whose window lies inside this calendar year.
    Year(i32),
    /// Every figure, whatever its window.
    All,
}

/// Everything about the view that lives in the URL.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// What is kept.
    pub filter: Filter,
    /// The incident whose detail panel is open.
    pub incident: Option<String>,
    /// The incident whose laundering flow the flow chart shows (otherwise the sum over
    /// every incident in view).
    pub flow: Option<String>,
    /// The published-figures chart's year (otherwise the newest year with a figure).
    pub figures: Option<FiguresFor>,
    /// The yearly chart draws each year's official and firm-rated sum beside the bar of
    /// everything (`yearly=split`).
    pub yearly_split: bool,
    /// Another dataset to load instead of the bundled one.
    pub data: Option<String>,
    /// An earlier release to compare the view with (`since=2026-12-01`): what changed
    /// between it and the release on screen.
    pub since: Option<String>,
    /// A theme chosen explicitly (otherwise the system preference).
    pub theme: Option<Theme>,
    /// One chart alone, for iframes in reports.
    pub embed: Option<Embed>,
    /// Briefing mode: one chart per slide; the slide shown, counted from 1.
    pub present: Option<usize>,
    /// Incident table sort column.
    pub sort: SortKey,
    /// Sort ascending (A to Z, oldest first, smallest first); the default view is newest first.
    pub ascending: bool,
}
