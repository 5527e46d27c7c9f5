//! The dataset narrowed by the view (filtered once per view change) and the keys that say
//! what each block of the page and each chart is drawn from, so only what a change touches
//! is redrawn.

use std::sync::Arc;

use crate::aggregate;
use crate::model::{Dataset, Incident};
use crate::view::{self, ChartKind, FiguresFor, Filter, Theme, ViewState};

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
    pub(crate) fn with_theme(&self, theme: Theme) -> Selection {
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
    pub(crate) fn figures_year(&self) -> Option<i32> {
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

    /// What one chart's data ([`ChartData`](crate::pipeline::ChartData)) depends on: its
    /// drawing's key without the theme.
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
    pub(crate) fn data_id(&self) -> usize {
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
