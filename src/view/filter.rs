//! The filter: what the reader has narrowed the view to and how it keeps incidents. The
//! filter in words is the phrasing layer's (`phrase::view::words`), in the reader's
//! language.

use crate::model::{Category, Confidence, Dataset, Date, Incident};
use crate::text::fold_case;

/// What the reader has narrowed the view to. Empty lists mean "all".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// First year shown (inclusive).
    pub from_year: Option<i32>,
    /// Last year shown (inclusive).
    pub(crate) to_year: Option<i32>,
    /// Victim categories kept.
    pub categories: Vec<Category>,
    /// Actors kept (exact names as in the data).
    pub actors: Vec<String>,
    /// Chains kept: an incident is kept when it touched any of them.
    pub chains: Vec<String>,
    /// Attribution confidence levels kept.
    pub confidence: Vec<Confidence>,
    /// Case-insensitive text searched in victim, actor, chains, assets and summary.
    pub text: String,
    /// A date range brushed on the timeline (inclusive).
    pub dates: Option<(Date, Date)>,
}

impl Filter {
    /// True when the incident passes every part of the filter.
    pub fn matches(&self, incident: &Incident) -> bool {
        let year = incident.date.year();
        let text = fold_case(self.text.trim());
        self.from_year.is_none_or(|y| year >= y)
            && self.to_year.is_none_or(|y| year <= y)
            && (self.categories.is_empty() || self.categories.contains(&incident.category))
            && (self.actors.is_empty() || self.actors.contains(&incident.actor))
            && (self.chains.is_empty() || incident.chains.iter().any(|c| self.chains.contains(c)))
            && (self.confidence.is_empty() || self.confidence.contains(&incident.attribution.confidence))
            && self.dates.is_none_or(|(a, b)| incident.date >= a && incident.date <= b)
            && (text.is_empty() || searchable_text(incident).contains(&text))
    }

    /// The incidents that pass, oldest first.
    pub fn apply<'a>(&self, data: &'a Dataset) -> Vec<&'a Incident> {
        let mut kept: Vec<&Incident> = data.incidents.iter().filter(|i| self.matches(i)).collect();
        crate::sort::by(&mut kept, &|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        kept
    }

    /// The years the charts span: the filter's bounds, else the data's extent.
    pub fn year_span(&self, data: &Dataset) -> (i32, i32) {
        let (lo, hi) = data.years();
        let from = self.from_year.unwrap_or(lo).clamp(lo, hi);
        let to = self.to_year.unwrap_or(hi).clamp(lo, hi);
        let (from, to) = match self.dates {
            Some((a, b)) => (from.max(a.year()), to.min(b.year())),
            None => (from, to),
        };
        if from <= to {
            (from, to)
        } else {
            (to, from)
        }
    }
}

fn searchable_text(i: &Incident) -> String {
    let mut s = format!("{} {} {} {}", i.victim, i.actor, i.summary, i.id);
    for part in i.chains.iter().chain(&i.assets).chain(&i.attribution.by) {
        s.push(' ');
        s.push_str(part);
    }
    fold_case(&s)
}
