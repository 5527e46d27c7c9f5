//! Timeline points (one per incident) and the enforcement events drawn beside them.

use crate::model::{Category, Confidence, Dataset, Date, EnforcementKind, Incident};

/// One incident on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint {
    /// Incident id.
    pub id: String,
    /// Victim name (label).
    pub victim: String,
    /// Day of the theft.
    pub date: Date,
    /// Amount in US dollars.
    pub usd: f64,
    /// Victim category (colour).
    pub category: Category,
    /// Attribution confidence.
    pub confidence: Confidence,
    /// True when the attribution is disputed.
    pub contested: bool,
    /// Id of the incident's strongest source ([`crate::model::Source::strength`]), for the
    /// tooltip.
    pub source: Option<String>,
    /// `added` or `revised` since the release the reader compares with (`?since=`).
    pub changed: Option<&'static str>,
}

/// One enforcement action on the timeline's own lane.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    /// Event id.
    pub id: String,
    /// Day of the action.
    pub date: Date,
    /// Kind (symbol).
    pub kind: EnforcementKind,
    /// Who acted.
    pub(crate) authority: String,
    /// Short title.
    pub title: String,
    /// Id of its source.
    pub source: String,
}

/// Everything the timeline draws.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineData {
    /// Incidents, oldest first.
    pub points: Vec<TimelinePoint>,
    /// Enforcement actions in the same span, oldest first.
    pub events: Vec<TimelineEvent>,
    /// Freezes, seizures, recoveries and refusals on a lane of their own, oldest first
    /// (filled by the pipeline, which knows the view: [`crate::after::lane`]).
    pub after: Vec<crate::after::LaneEvent>,
    /// First day of the axis.
    pub start: Date,
    /// Last day of the axis.
    pub end: Date,
}

/// Timeline points for the kept incidents (already narrowed by the view: none is dropped
/// here) and the enforcement actions within `axis`, the axis's first and last day.
pub fn timeline(data: &Dataset, incidents: &[&Incident], axis: (Date, Date)) -> TimelineData {
    let (start, end) = axis;
    // Each point cites its strongest source; the strengths are looked up once, by id.
    let mut strength: Vec<(&str, u8)> = data.sources.iter().map(|s| (s.id.as_str(), s.strength())).collect();
    crate::sort::by(&mut strength, &|a, b| a.0.cmp(b.0));
    let strength_of =
        |id: &str| strength.binary_search_by(|(k, _)| (*k).cmp(id)).map_or(u8::MAX, |k| strength[k].1);
    let strongest = |ids: &[String]| ids.iter().min_by_key(|id| strength_of(id)).cloned();
    let points = incidents
        .iter()
        .map(|i| TimelinePoint {
            id: i.id.clone(),
            victim: i.victim.clone(),
            date: i.date,
            usd: i.usd,
            category: i.category,
            confidence: i.attribution.confidence,
            contested: i.attribution.contested,
            source: strongest(&i.sources),
            changed: None,
        })
        .collect();
    let mut events: Vec<TimelineEvent> = data
        .enforcement
        .iter()
        .filter(|e| e.date >= start && e.date <= end)
        .map(|e| TimelineEvent {
            id: e.id.clone(),
            date: e.date,
            kind: e.kind,
            authority: e.authority.clone(),
            title: e.title.clone(),
            source: e.source.clone(),
        })
        .collect();
    crate::sort::by(&mut events, &|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    TimelineData { points, events, after: Vec::new(), start, end }
}
