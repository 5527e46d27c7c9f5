//! The one pure pipeline from (dataset, view) to everything the page shows: the selection
//! (filtered once per view), each chart's SVG with its table, caption and sources, the
//! headline and the incident table. The browser, the native tests, the bench and the static
//! build all call it; nothing else assembles a chart.

use std::sync::Arc;

use crate::aggregate;
use crate::format::money;
use crate::model::{Dataset, Incident, SourceKind};
use crate::phrase::{self, t};
use crate::render::export::{self, Frame};
use crate::render::Size;
use crate::tables::Table;
use crate::view::{self, FiguresFor, Filter, Theme, ViewState};

mod chart;

pub use crate::view::ChartKind;
pub use chart::ChartData;

/// How each chart is presented: its heading, caption label and drawing size.
impl ChartKind {
    /// The visible heading.
    pub fn heading(self) -> String {
        t(match self {
            ChartKind::Yearly => "chart.yearly.heading",
            ChartKind::Timeline => "chart.timeline.heading",
            ChartKind::Flows => "chart.flows.heading",
            ChartKind::Figures => "chart.figures.heading",
        })
    }

    /// What the caption's sources are for.
    pub fn sources_label(self) -> String {
        t(match self {
            ChartKind::Yearly => "chart.yearly.sources",
            ChartKind::Timeline => "chart.timeline.sources",
            ChartKind::Flows => "chart.flows.sources",
            ChartKind::Figures => "chart.figures.sources",
        })
    }

    /// The size the static page and the render command draw at for a page `width` wide:
    /// the chart box's CSS height rule (`style/main.css`) evaluated at that width, so the
    /// first view fills its box exactly as the live page will.
    pub fn size_for(self, width: u32) -> Size {
        let w = f64::from(width);
        // (share of the width, least, most; then a floor that grows as the box narrows:
        // intercept and slope). The floors: below about 1240 px the summed flow's labels
        // cannot all sit beside its nodes and move to a keyed list under the diagram, which
        // needs more height the narrower the chart; on a phone the yearly legend (every
        // category and publisher) takes rows a wide screen lays out in two, and the
        // timeline's legend and two lanes likewise leave the plot a strip. The stylesheet
        // says the same as `max(clamp(..), calc(INTERCEPTpx - SLOPE*100cqw))`, and
        // public/early.js as its SIZE table (tests/exports.rs holds the three equal).
        let (share, lo, hi, floor_at_0, floor_slope) = match self {
            ChartKind::Yearly => (0.46, 300.0, 520.0, 600.0, 0.5),
            ChartKind::Timeline => (0.50, 340.0, 560.0, 680.0, 0.6),
            ChartKind::Flows => (0.48, 360.0, 560.0, 1280.0, 0.6),
            ChartKind::Figures => (0.42, 320.0, 480.0, 0.0, 0.0),
        };
        let height = (w * share).clamp(lo, hi).max(floor_at_0 - floor_slope * w);
        Size { width, height: height.round() as u32 }
    }
}

/// A source as a link.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    /// Document title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Where to read it.
    pub url: String,
    /// Primary, copy of a primary text, or secondary: shown beside the link.
    pub kind: SourceKind,
    /// For a copy: whose text it reproduces, named beside the link.
    pub copy_of: Option<String>,
}

/// Looks a source id up as a link.
pub fn source_link(data: &Dataset, id: &str) -> Option<SourceLink> {
    data.source(id).map(|s| SourceLink {
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        url: s.url.clone(),
        kind: s.kind,
        copy_of: s.copy_of.clone(),
    })
}

/// "Data as of 1 Dec 2026 (release 2026-12-02); newest evidence read 5 Jul 2026": the line
/// every place that dates the data carries (page, embeds, images, print, citations). A
/// dataset without an evidence horizon (schema version 2) gets the first half alone.
pub fn dated(data: &Dataset) -> String {
    let base = format!("Data as of {} (release {})", data.as_of.human(), data.release.id);
    match data.evidence_horizon {
        Some(h) => format!("{base}; newest evidence read {}", h.human()),
        None => base,
    }
}

/// The dataset narrowed by the view: computed once per view change and shared by every
/// chart, the headline and the table.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The dataset on screen.
    pub data: Arc<Dataset>,
    /// The view in force (already reconciled with the dataset).
    pub view: ViewState,
    /// The colour theme the charts are drawn in.
    pub theme: Theme,
    /// Indices into `data.incidents` of the kept incidents, oldest first.
    kept: Vec<usize>,
    /// The years the charts span.
    pub span: (i32, i32),
    /// The earlier release the view is compared with (`?since=`), once it has loaded.
    pub since: Option<Arc<crate::diff::Baseline>>,
}

/// Equal when it is the same loaded dataset (by identity: comparing contents would walk the
/// whole dataset on every change), the same view and theme, and the same baseline.
impl PartialEq for Selection {
    fn eq(&self, other: &Selection) -> bool {
        Arc::ptr_eq(&self.data, &other.data)
            && self.view == other.view
            && self.theme == other.theme
            && self.since_ptr() == other.since_ptr()
    }
}

impl Selection {
    /// Applies the view's filter, once.
    pub fn new(data: Arc<Dataset>, view: ViewState, theme: Theme) -> Selection {
        let mut kept: Vec<usize> =
            (0..data.incidents.len()).filter(|&k| view.filter.matches(&data.incidents[k])).collect();
        crate::sort::by(&mut kept, &|&a, &b| {
            let (a, b) = (&data.incidents[a], &data.incidents[b]);
            a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
        });
        let span = view.filter.year_span(&data);
        Selection { data, view, theme, kept, span, since: None }
    }

    /// The same selection compared with an earlier release (`?since=`).
    pub fn with_since(self, since: Option<Arc<crate::diff::Baseline>>) -> Selection {
        Selection { since, ..self }
    }

    /// The baseline's identity, for equality and chart keys.
    fn since_ptr(&self) -> usize {
        self.since.as_ref().map_or(0, |b| Arc::as_ptr(b) as usize)
    }

    /// How a record changed since the release the view is compared with: `added` or
    /// `revised` (the `data-diff` value of its marks and rows).
    pub fn changed(&self, id: &str) -> Option<&'static str> {
        self.since.as_ref().and_then(|b| b.mark(id)).map(crate::diff::Mark::slug)
    }

    /// What changed for this view since the release it is compared with.
    pub fn diff(&self) -> Option<crate::diff::Diff> {
        let b = self.since.as_ref()?;
        Some(crate::diff::diff(&b.data, &self.data, &self.view.filter, self.span))
    }

    /// The same selection drawn in another theme (exports and print are always light).
    pub fn with_theme(&self, theme: Theme) -> Selection {
        Selection { theme, ..self.clone() }
    }

    /// The kept incidents, oldest first.
    pub fn incidents(&self) -> Vec<&Incident> {
        self.kept.iter().map(|&k| &self.data.incidents[k]).collect()
    }

    /// How many incidents are kept.
    pub fn count(&self) -> usize {
        self.kept.len()
    }

    /// True when the filter drops anything.
    pub fn filtered(&self) -> bool {
        self.view.filter != Filter::default()
    }

    /// The kept incidents in the table's order (the view's sort column and direction).
    pub fn sorted(&self) -> Vec<&Incident> {
        let mut list = self.incidents();
        aggregate::sort_incidents(&mut list, self.view.sort, self.view.ascending);
        list
    }

    /// The incident whose detail panel is open.
    pub fn selected(&self) -> Option<&Incident> {
        self.view.incident.as_deref().and_then(|id| self.data.incident(id))
    }

    /// The year the published-figures chart is about (`None`: every window): the view's
    /// choice, else the newest year any figure is about alone.
    pub fn figures_year(&self) -> Option<i32> {
        match self.view.figures {
            Some(FiguresFor::All) => None,
            Some(FiguresFor::Year(y)) => Some(y),
            None => aggregate::published_years(&self.data).first().copied(),
        }
    }

    /// What one chart's drawing depends on: equal keys draw the same chart at the same size,
    /// so the page redraws only the charts a change touches (sorting the table, or opening
    /// an incident, leaves the flow and figures charts alone; a filter leaves the figures
    /// chart). The dataset is compared by identity, like the selection.
    pub fn chart_key(&self, kind: ChartKind) -> ChartKey {
        ChartKey { data: self.data_key(kind), theme: self.theme }
    }

    /// What one chart's data ([`ChartData`]) depends on: its drawing's key without the theme.
    pub fn data_key(&self, kind: ChartKind) -> DataKey {
        let v = &self.view;
        let filter = || Some(v.filter.clone());
        let (filter, incident, flow, figures) = match kind {
            ChartKind::Yearly | ChartKind::Timeline => (filter(), v.incident.clone(), None, None),
            // One incident's flow does not depend on the filter; the sum over the view does.
            ChartKind::Flows => match &v.flow {
                Some(id) => (None, None, Some(id.clone()), None),
                None => (filter(), None, None, None),
            },
            ChartKind::Figures => (None, None, None, Some(self.figures_year())),
        };
        let split = kind == ChartKind::Yearly && v.yearly_split;
        // The timeline and the figures chart mark what changed since the release compared.
        let since =
            if matches!(kind, ChartKind::Timeline | ChartKind::Figures) { self.since_ptr() } else { 0 };
        DataKey { data: self.data_id(), since, filter, incident, flow, figures, split }
    }

    /// What one block of the page (other than a chart's drawing) is drawn from: equal keys
    /// give the same markup, so the page rewrites only the blocks a change touches.
    pub fn part_key(&self, part: Part) -> PartKey {
        let v = &self.view;
        let mut key = PartKey { data: self.data_id(), ..PartKey::default() };
        match part {
            Part::Headline => key.filter = Some(v.filter.clone()),
            // The choices come from the data; the controls' values are set from the view.
            Part::FilterChoices => key.dates = Some(v.filter.dates),
            Part::Published | Part::Changes => {}
            Part::Incidents => {
                key.filter = Some(v.filter.clone());
                key.table = Some((v.sort, v.ascending));
                key.incident = v.incident.clone();
                // Rows changed since the release compared are marked.
                key.since = self.since_ptr();
            }
            Part::Detail => key.incident = v.incident.clone(),
            Part::After => key.filter = Some(v.filter.clone()),
            // Nothing to list without a release to compare with.
            Part::Diff if self.since.is_some() => {
                key.filter = Some(v.filter.clone());
                key.since = self.since_ptr();
            }
            Part::Diff => {}
            // The flow picker lists the traced thefts in view and marks the one shown.
            Part::Head(ChartKind::Flows) => {
                key.filter = Some(v.filter.clone());
                key.flow = v.flow.clone();
            }
            Part::Head(ChartKind::Figures) => key.figures = Some(self.figures_year()),
            Part::Head(_) => {}
        }
        key
    }

    /// The loaded dataset's identity (its address in memory: one load, one identity).
    pub fn data_id(&self) -> usize {
        Arc::as_ptr(&self.data) as usize
    }

    /// Kept incidents that have a traced flow, as (id, "Victim (year)") for the flow picker,
    /// oldest first: all of them up to `most`, else the `most` largest thefts (and the flow
    /// on screen, whatever its size); the second value is how many are left out. A select
    /// of 20,000 options is no use to a reader and cost a large dataset a second of layout
    /// on every change.
    pub fn flow_choices(&self, most: usize) -> (Vec<(String, String)>, usize) {
        let traced: std::collections::HashSet<&str> =
            self.data.flows.iter().map(|f| f.incident.as_str()).collect();
        let mut list: Vec<&Incident> =
            self.incidents().into_iter().filter(|i| traced.contains(i.id.as_str())).collect();
        let all = list.len();
        if all > most {
            let current = self.view.flow.as_deref();
            let mut by_size = list.clone();
            crate::sort::by(&mut by_size, &|a, b| b.usd.total_cmp(&a.usd).then_with(|| a.id.cmp(&b.id)));
            let keep: std::collections::HashSet<&str> =
                by_size.iter().take(most).map(|i| i.id.as_str()).collect();
            list.retain(|i| keep.contains(i.id.as_str()) || Some(i.id.as_str()) == current);
        }
        let left_out = all - list.len();
        (
            list.into_iter().map(|i| (i.id.clone(), format!("{} ({})", i.victim, i.date.year()))).collect(),
            left_out,
        )
    }
}

/// The blocks of the page a change of view may touch, besides the charts' drawings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The release line and the headline figures.
    Headline,
    /// The filter controls' choices (and the brushed date range's line).
    FilterChoices,
    /// Every published figure.
    Published,
    /// The release log.
    Changes,
    /// The incident table.
    Incidents,
    /// The selected incident's details.
    Detail,
    /// Each year's thefts beside what was frozen, seized, recovered and returned of them.
    After,
    /// What changed in the view since the release it is compared with (`?since=`).
    Diff,
    /// A chart's heading, picker and buttons.
    Head(ChartKind),
}

/// The parts of a selection one block of the page is drawn from ([`Selection::part_key`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartKey {
    data: usize,
    since: usize,
    filter: Option<Filter>,
    dates: Option<Option<(crate::model::Date, crate::model::Date)>>,
    table: Option<(view::SortKey, bool)>,
    incident: Option<String>,
    flow: Option<String>,
    figures: Option<Option<i32>>,
}

/// The parts of a selection one chart's data is built from ([`Selection::data_key`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DataKey {
    data: usize,
    since: usize,
    filter: Option<Filter>,
    incident: Option<String>,
    flow: Option<String>,
    figures: Option<Option<i32>>,
    split: bool,
}

/// A note shown under a chart (in its caption) and kept with its table: why a year's sum
/// and a publisher's figure part, or why a flow does not add up to its theft.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The page hook: `reconcile` (`[data-reconcile=YEAR]`) or `flow-sum`.
    pub hook: &'static str,
    /// What it is about (the year, or the flow's incident id), for the page hook.
    pub key: String,
    /// What it is about in words (the year, or the victim's name), for the reader.
    pub name: String,
    /// The note in words.
    pub text: String,
}

/// The parts of a selection one chart is drawn from ([`Selection::chart_key`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartKey {
    data: DataKey,
    theme: Theme,
}

impl ChartKey {
    /// What the chart's data depends on.
    pub fn data(&self) -> &DataKey {
        &self.data
    }
}

/// What one chart figure shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Which chart.
    pub kind: ChartKind,
    /// The SVG, or what went wrong in words.
    pub svg: Result<String, String>,
    /// The same numbers as a table.
    pub table: Table,
    /// Sources named in the caption.
    pub sources: Vec<SourceLink>,
    /// Notes shown under the chart.
    pub notes: Vec<Note>,
    /// For a flow that does not add up to its theft: why, short enough for an image's
    /// subtitle ([`crate::aggregate::FlowGraph::sum_words`]).
    pub sum_words: Option<String>,
    /// For one incident's flow: every published split by date, shown under the chart.
    pub status: Option<ChartStatus>,
}

/// A flow's published splits over time, with each row's quoted source as a link.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStatus {
    /// The splits.
    pub status: crate::status::FlowStatus,
    /// Each row's first source, in row order.
    pub sources: Vec<Option<SourceLink>>,
}

impl ChartStatus {
    /// The status history of an incident's flow, when it has one.
    pub fn of(data: &Dataset, incident: &str) -> Option<ChartStatus> {
        let status = crate::status::flow_status(data, incident)?;
        let sources =
            status.rows.iter().map(|r| r.sources.first().and_then(|id| source_link(data, id))).collect();
        Some(ChartStatus { status, sources })
    }
}

impl Chart {
    /// The chart of `data` drawn at `size` in `theme`, with its whole table.
    pub fn drawn(data: &ChartData, size: Size, theme: Theme) -> Chart {
        Chart {
            kind: data.kind(),
            svg: data.draw(size, theme),
            table: data.table(usize::MAX),
            sources: data.sources().to_vec(),
            notes: data.notes().to_vec(),
            sum_words: data.sum_words(),
            status: data.status().cloned(),
        }
    }
}

/// Draws one chart of the page at a size, with its whole table.
pub fn chart(sel: &Selection, kind: ChartKind, size: Size) -> Chart {
    Chart::drawn(&ChartData::new(sel, kind), size, sel.theme)
}

/// A chart's whole table, without drawing the chart (only the timeline's can be long).
pub fn table(sel: &Selection, kind: ChartKind) -> Table {
    ChartData::new(sel, kind).table(usize::MAX)
}

/// The laundering flow of one incident, for its detail panel.
pub fn incident_flow(sel: &Selection, incident: &str, size: Size) -> Option<Chart> {
    ChartData::flow_of(sel, incident).map(|d| Chart::drawn(&d, size, sel.theme))
}

/// One headline figure, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it is ("Stolen, 2017–2025").
    pub label: String,
    /// The value as it reads ("$6.1B").
    pub value: String,
    /// The rest of the line after the value (victim and date, publisher and years).
    pub detail: Option<String>,
    /// `data-headline` hook for tests and embedders.
    pub hook: Option<&'static str>,
    /// The note under it.
    pub note: Option<String>,
    /// Sources behind it.
    pub sources: Vec<SourceLink>,
}

/// A filter's result in one line, for the page's polite status line to announce: "12
/// incidents, $1.23B, 2024–2025" (a brushed range by its dates; "1 incident" in the
/// singular).
pub fn result_summary(sel: &Selection) -> String {
    let incidents = sel.incidents();
    let h = aggregate::headline(&sel.data, &incidents, sel.span);
    let span = match sel.view.filter.dates {
        Some((a, b)) => format!("{} – {}", a.human(), b.human()),
        None => year_span_label(sel.span),
    };
    let noun = if h.count == 1 { "incident" } else { "incidents" };
    format!("{} {noun}, {}, {span}", h.count, money(h.total_usd))
}

/// The headline figures of the selection: total, count, largest heist, DPRK share.
pub fn headline(sel: &Selection) -> Vec<Figure> {
    let data = &sel.data;
    let incidents = sel.incidents();
    let h = aggregate::headline(data, &incidents, sel.span);
    // A brushed range is named by its dates: its years would claim whole calendar years.
    let years = match sel.view.filter.dates {
        Some((a, b)) => format!("{} – {}", phrase::date(a), phrase::date(b)),
        None if phrase::is_english() => year_span_label(sel.span),
        None => phrase::year_span(sel.span.0, sel.span.1),
    };
    let mut figures = vec![
        Figure {
            label: phrase::fill("headline.stolen", &[("years", &years)]),
            value: phrase::money(h.total_usd),
            detail: None,
            hook: Some("total"),
            note: Some(t("headline.stolen_note")),
            sources: vec![],
        },
        Figure {
            label: t("headline.incidents"),
            value: phrase::integer(h.count as i64),
            detail: None,
            hook: Some("count"),
            note: Some(t("headline.incidents_note")),
            sources: vec![],
        },
    ];
    if let Some(i) = h.largest.as_deref().and_then(|id| data.incident(id)) {
        figures.push(Figure {
            label: t("headline.largest"),
            value: phrase::money(i.usd),
            detail: Some(phrase::fill(
                "headline.largest_detail",
                &[("victim", &i.victim), ("date", &phrase::date(i.date))],
            )),
            hook: Some("largest"),
            note: None,
            sources: best_source(data, &i.sources).into_iter().collect(),
        });
    }
    if let Some(s) = h.dprk_share {
        let sources = data
            .reported_totals
            .iter()
            .find(|t| t.id == s.total)
            .and_then(|t| source_link(data, &t.source))
            .into_iter()
            .collect();
        // "in 2024", "in 2025 (January through early December)", "for 1 Jan – 30 Jun 2026".
        let within = s.window.starts_with(&s.year.to_string());
        let key = match (within, s.stated) {
            (true, true) => "headline.share_in_stated",
            (false, true) => "headline.share_for_stated",
            (true, false) => "headline.share_in_derived",
            (false, false) => "headline.share_for_derived",
        };
        let detail = phrase::fill(key, &[("window", &s.window), ("publisher", &s.publisher)]);
        let note = if s.stated {
            None
        } else {
            s.basis.map(|b| phrase::fill("headline.derived_note", &[("basis", &b)]))
        };
        figures.push(Figure {
            label: t("headline.share"),
            value: phrase::percent(s.share),
            detail: Some(detail),
            hook: Some("share"),
            note,
            sources,
        });
    }
    figures
}

/// The source a headline cites for a record: its strongest ([`crate::model::Source::strength`]:
/// government text, then an originator's own page, then a verbatim copy, then reporting).
fn best_source(data: &Dataset, ids: &[String]) -> Option<SourceLink> {
    data.strongest_first(ids).into_iter().find_map(|id| source_link(data, id))
}

/// "2024" or "2017–2025".
pub fn year_span_label((a, b): (i32, i32)) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

/// The words an exported image of a chart carries: title, the view in words, the
/// publishers behind its figures, the dataset date and the permalink (`page_url` is the
/// page's address without a query). Read from the chart's data: no drawing needed.
pub fn export_frame(sel: &Selection, chart: &ChartData, page_url: &str) -> Frame {
    let publishers = drawn_publishers(sel, chart);
    let sources = match publishers.len() {
        0 => "Sources: none in view".to_string(),
        n if n <= FRAME_PUBLISHERS => format!("Sources: {}", publishers.join(", ")),
        n => format!(
            "Sources: {} and {} more publishers, every document listed in the chart's table",
            publishers[..FRAME_PUBLISHERS].join(", "),
            n - FRAME_PUBLISHERS
        ),
    };
    let subject = match (chart.kind(), sel.view.flow.as_deref().and_then(|id| sel.data.incident(id))) {
        (ChartKind::Flows, Some(i)) => format!("Laundering of the {} theft ({})", i.victim, i.date.human()),
        (ChartKind::Figures, _) => match sel.figures_year() {
            Some(y) => format!("Figures published for {y}, at their publication dates"),
            None => "Every published figure, whatever its period".to_string(),
        },
        // A view bounded by both years already says them.
        _ if sel.view.filter.from_year.is_some() && sel.view.filter.to_year.is_some() => {
            view::describe(&sel.view.filter)
        }
        _ => format!("{}, {}", view::describe(&sel.view.filter), year_span_label(sel.span)),
    };
    // A flow that does not add up to its theft says why in the image too.
    let subject = match (chart.kind(), chart.sum_words()) {
        (ChartKind::Flows, Some(why)) => format!("{subject}. {why}"),
        _ => subject,
    };
    let link = view_link(sel, page_url);
    Frame {
        title: chart.kind().heading().to_string(),
        subtitle: subject,
        sources,
        dated: dated(&sel.data),
        link,
    }
}

/// Most publishers an exported image names in its source line; the rest are counted.
const FRAME_PUBLISHERS: usize = 10;

/// The publishers of every document behind what a chart draws, most documents first (then
/// A to Z): the chart's own sources (published figures, tracing, enforcement) and, for the
/// charts drawn from incidents (yearly bars, timeline marks), those incidents' sources.
fn drawn_publishers(sel: &Selection, chart: &ChartData) -> Vec<String> {
    let data = &sel.data;
    // (address, publisher) of each document, each counted once.
    let mut docs: Vec<(&str, &str)> =
        chart.sources().iter().map(|s| (s.url.as_str(), s.publisher.as_str())).collect();
    if matches!(chart.kind(), ChartKind::Yearly | ChartKind::Timeline) {
        let mut by_id: Vec<&crate::model::Source> = data.sources.iter().collect();
        crate::sort::by(&mut by_id, &|a, b| a.id.cmp(&b.id));
        let source = |id: &str| by_id.binary_search_by(|s| s.id.as_str().cmp(id)).ok().map(|k| by_id[k]);
        for i in sel.incidents() {
            docs.extend(
                i.sources.iter().filter_map(|id| source(id)).map(|s| (s.url.as_str(), s.publisher.as_str())),
            );
        }
    }
    crate::sort::unique(&mut docs);
    let mut publishers: Vec<&str> = docs.into_iter().map(|(_, p)| p).collect();
    crate::sort::by(&mut publishers, &|a, b| a.cmp(b));
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for run in publishers.chunk_by(|a, b| a == b) {
        counts.push((run[0], run.len()));
    }
    crate::sort::by(&mut counts, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    counts.into_iter().map(|(p, _)| p.to_string()).collect()
}

/// The view's address for the page at `page_url`, pinned to its data release
/// (`SITE/v/RELEASE/?QUERY`, [`pinned_url`]): an image or a printed chart that carries it
/// opens later on the numbers it shows, not on whatever the site holds then. The theme is
/// left out (that is the reader's), and so are the embed and slide parameters (the link
/// opens the full page).
pub fn view_link(sel: &Selection, page_url: &str) -> String {
    let full = ViewState { embed: None, present: None, ..sel.view.clone() };
    pinned_url(sel, &full, &site_root(page_url))
}

/// The site's root address from the page's base address: the page of a pinned release
/// (`…/v/RELEASE/`) belongs to the site above it.
pub fn site_root(base: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let dir = base.rfind('/').map_or(base, |k| &base[..=k]);
    if let Some((parent, _release)) = dir.trim_end_matches('/').rsplit_once('/') {
        if let Some(root) = parent.strip_suffix("/v") {
            return format!("{root}/");
        }
    }
    dir.to_string()
}

/// The address of a view pinned to its data release: `SITE/v/RELEASE/?QUERY`. A view of a
/// reader's own dataset (`?data=`) cannot be pinned and keeps the site's root.
pub fn pinned_url(sel: &Selection, view: &ViewState, site: &str) -> String {
    let query = view::to_query(&ViewState { theme: None, ..view.clone() });
    let release = &sel.data.release.id;
    let page = if view.data.is_none() && !release.is_empty() {
        format!("{site}{}", crate::release::path_of(&view::encode(release)))
    } else {
        site.to_string()
    };
    if query.is_empty() {
        page
    } else {
        format!("{page}?{query}")
    }
}

/// A chart as a standalone SVG image with its frame (title, view, sources, date, link).
pub fn standalone_svg(
    sel: &Selection,
    kind: ChartKind,
    size: Size,
    page_url: &str,
) -> Result<(String, Size), String> {
    standalone_svg_sized(sel, &ChartData::new(sel, kind), size, page_url, None)
}

/// A chart's data drawn once as a standalone SVG image at `size` with its frame, the whole
/// image `fixed_height` tall when given (a slide).
pub fn standalone_svg_sized(
    sel: &Selection,
    chart: &ChartData,
    size: Size,
    page_url: &str,
    fixed_height: Option<u32>,
) -> Result<(String, Size), String> {
    let frame = export_frame(sel, chart, page_url);
    let svg = chart.draw(size, sel.theme)?;
    Ok(export::standalone(&svg, chart.drawn_size(size), sel.theme, &frame, fixed_height))
}

/// The one sentence a briefing slide says about a chart, computed from the selection.
pub fn takeaway(sel: &Selection, kind: ChartKind) -> String {
    ChartData::new(sel, kind).takeaway().to_string()
}

/// Free text from the dataset split at its source citations (`[id]`, `[a; b]`, as
/// [`crate::validate::bracketed_ids`] reads them): plain text, then the ids cited, in turn.
/// Brackets that hold no ids (`[sic]`) stay text.
pub fn cited_parts(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut parts = Vec::new();
    let mut rest = text;
    let mut start = 0;
    while let Some(open) = rest[start..].find('[').map(|k| k + start) {
        let Some(close) = rest[open..].find(']').map(|k| k + open) else { break };
        let ids = crate::validate::bracketed_ids(&rest[open..=close]);
        if ids.is_empty() {
            start = open + 1;
            continue;
        }
        parts.push((&rest[..open], ids));
        rest = &rest[close + 1..];
        start = 0;
    }
    if !rest.is_empty() {
        parts.push((rest, Vec::new()));
    }
    parts
}

/// Free text with its source citations named for readers: `[cleansky-trm-h1-2026]` becomes
/// the source's publisher ("(CleanSky)", or without the parentheses inside an opened one),
/// several publishers joined by "; ", an id the dataset lacks left as it is.
pub fn named_citations(data: &Dataset, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (before, ids) in cited_parts(text) {
        out.push_str(before);
        if ids.is_empty() {
            continue;
        }
        let mut names: Vec<&str> =
            ids.iter().map(|id| data.source(id).map_or(*id, |s| plain_publisher(&s.publisher))).collect();
        crate::sort::unique(&mut names);
        let names = names.join("; ");
        if out.ends_with('(') {
            out.push_str(&names);
        } else {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push('(');
            out.push_str(&names);
            out.push(')');
        }
    }
    out
}

/// A publisher's name without the dataset's aside: "Halborn (security firm blog; secondary
/// for this incident)" reads "Halborn".
pub fn plain_publisher(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

/// Publishers a slide's source line names; the rest are counted.
const SLIDE_PUBLISHERS: usize = 2;

/// A slide's one source line: the publishers with most documents behind the chart, how
/// many more, and where the full list is ("Sources: Chainalysis, TRM Labs and 12 more —
/// full list in the page and print"), on one line beside the slide buttons. A slide is read
/// from across a room; the whole list stays in the page, the print and exported images.
/// The publishers of primary documents come first: the voices behind the figures, not the
/// outlets relaying them.
pub fn slide_sources(sel: &Selection, chart: &ChartData) -> String {
    let mut names: Vec<&str> = Vec::new();
    let all = drawn_publishers(sel, chart);
    let mut primary: Vec<&str> = chart
        .sources()
        .iter()
        .filter(|s| s.kind == SourceKind::Primary)
        .map(|s| plain_publisher(&s.publisher))
        .collect();
    crate::sort::by(&mut primary, &|a, b| a.cmp(b));
    let mut counted: Vec<(&str, usize)> = Vec::new();
    for run in primary.chunk_by(|a, b| a == b) {
        counted.push((run[0], run.len()));
    }
    crate::sort::by(&mut counted, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    for p in counted.iter().map(|(p, _)| *p).chain(all.iter().map(|p| plain_publisher(p))) {
        if !names.contains(&p) {
            names.push(p);
        }
    }
    let line = |shown: usize| match names.len() - shown {
        _ if names.is_empty() => "Sources: none in view".to_string(),
        0 => format!("Sources: {}", names.join(", ")),
        more => format!(
            "Sources: {} and {more} more — full list in the page and print",
            names[..shown].join(", ")
        ),
    };
    // As many names as fit the line, up to SLIDE_PUBLISHERS, and always the first.
    let mut shown = names.len().min(1);
    while shown < names.len().min(SLIDE_PUBLISHERS) && line(shown + 1).chars().count() <= SLIDE_LINE {
        shown += 1;
    }
    line(shown)
}

/// The longest slide source line, in characters: one line beside the slide's buttons at
/// 1280 px.
const SLIDE_LINE: usize = 90;
