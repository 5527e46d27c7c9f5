//! After the theft, in numbers: how much was frozen, seized or recovered and how much was
//! ever returned to the victim, per theft and per year of theft, each dollar counted once
//! (an event whose money sits inside another's is not added again); and which of those
//! events a view shows on the timeline's lane.

use std::collections::{HashMap, HashSet};

use crate::model::{Cooperation, CooperationKind, Dataset, Date, Incident};
use crate::view::Filter;

/// True when an event's dollars count towards a total: it held or took money, states how
/// much, and is not already counted within another event.
pub fn counted(e: &Cooperation) -> bool {
    e.kind.holds_money() && e.within.is_none() && e.usd.is_some()
}

/// Money held and returned over a set of events.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Dollars frozen, seized or recovered (each counted once).
    pub held: f64,
    /// Of those, dollars a source says reached the victim.
    pub returned: f64,
    /// Events whose dollars are counted.
    pub counted: usize,
    /// Events that held money but state no amount, or whose amount sits in another event.
    pub(crate) uncounted: usize,
    /// Refusals.
    pub refusals: usize,
}

impl Tally {
    /// Adds one event.
    pub fn add(&mut self, e: &Cooperation) {
        match (counted(e), e.kind.holds_money()) {
            (true, _) => {
                let usd = e.usd.unwrap_or(0.0);
                self.held += usd;
                if e.returned {
                    self.returned += usd;
                }
                self.counted += 1;
            }
            (false, true) => self.uncounted += 1,
            (false, false) => self.refusals += 1,
        }
    }

    /// The tally of a list of events.
    pub fn of<'a>(events: impl IntoIterator<Item = &'a Cooperation>) -> Tally {
        let mut t = Tally::default();
        for e in events {
            t.add(e);
        }
        t
    }

    /// Dollars frozen, seized or recovered that no source says reached the victim.
    pub fn not_returned(&self) -> f64 {
        (self.held - self.returned).max(0.0)
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.counted + self.uncounted + self.refusals == 0
    }
}

/// The events about one theft, oldest first, and their tally.
pub fn for_incident<'a>(data: &'a Dataset, id: &str) -> (Vec<&'a Cooperation>, Tally) {
    let mut events: Vec<&Cooperation> =
        data.cooperation.iter().filter(|e| e.incidents.iter().any(|i| i == id)).collect();
    crate::sort::by(&mut events, &by_date);
    let tally = Tally::of(events.iter().copied());
    (events, tally)
}

/// One year of thefts and what happened to their money afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    /// The year of the thefts.
    pub year: i32,
    /// Dollars stolen in the thefts in view that year.
    pub stolen: f64,
    /// How many thefts.
    pub thefts: usize,
    /// What happened to their money, whenever it happened.
    pub tally: Tally,
}

/// The yearly view: each year's thefts beside what was frozen, seized, recovered and
/// returned of them; and the events no single year of theft holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Years<'a> {
    /// One row per year in the span, oldest first.
    pub rows: Vec<YearRow>,
    /// Events tied to thefts of several years, or to no theft in the dataset, oldest first.
    pub apart: Vec<&'a Cooperation>,
    /// Their tally.
    pub apart_tally: Tally,
}

impl Years<'_> {
    /// The tally over every row and the events apart.
    pub fn total(&self) -> Tally {
        let mut t = self.apart_tally;
        for r in &self.rows {
            t.held += r.tally.held;
            t.returned += r.tally.returned;
            t.counted += r.tally.counted;
            t.uncounted += r.tally.uncounted;
            t.refusals += r.tally.refusals;
        }
        t
    }
}

/// True when a filter narrows only by years or dates: events tied to no theft can then be
/// shown, since no victim category, actor or chain excludes them.
pub(crate) fn shows_untied(filter: &Filter) -> bool {
    Filter { from_year: None, to_year: None, dates: None, ..filter.clone() } == Filter::default()
}

/// Per year of theft, for the thefts in view: stolen, then frozen, seized, recovered and
/// returned. Events tied to no theft, or to thefts of several years, go apart (those tied
/// to no theft only when `untied`, and only when dated inside `span`).
pub fn by_year<'a>(data: &'a Dataset, incidents: &[&Incident], span: (i32, i32), untied: bool) -> Years<'a> {
    let mut rows: Vec<YearRow> = (span.0..=span.1)
        .map(|year| YearRow { year, stolen: 0.0, thefts: 0, tally: Tally::default() })
        .collect();
    let len = rows.len();
    let row = |year: i32| usize::try_from(year - span.0).ok().filter(|&k| k < len);
    let mut year_of = HashMap::new();
    for i in incidents {
        year_of.insert(i.id.as_str(), i.date.year());
        if let Some(k) = row(i.date.year()) {
            rows[k].stolen += i.usd;
            rows[k].thefts += 1;
        }
    }
    let mut apart = Vec::new();
    for e in &data.cooperation {
        let mut years: Vec<i32> =
            e.incidents.iter().filter_map(|i| year_of.get(i.as_str()).copied()).collect();
        crate::sort::unique(&mut years);
        match (e.incidents.is_empty(), years.as_slice()) {
            (true, _) if untied && (span.0..=span.1).contains(&e.date.year()) => apart.push(e),
            (false, [year]) if e.incidents.iter().all(|i| year_of.contains_key(i.as_str())) => {
                if let Some(k) = row(*year) {
                    rows[k].tally.add(e);
                }
            }
            (false, [_, _, ..]) => apart.push(e),
            _ => {}
        }
    }
    crate::sort::by(&mut apart, &by_date);
    let apart_tally = Tally::of(apart.iter().copied());
    Years { rows, apart, apart_tally }
}

/// Oldest first, then by id.
fn by_date(a: &&Cooperation, b: &&Cooperation) -> std::cmp::Ordering {
    a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
}

/// One event on the timeline's lane, with what its mark and tooltip say.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneEvent {
    /// Event id (`data-coop`).
    pub id: String,
    /// Its date.
    pub date: Date,
    /// True when the date is the day it was reported.
    pub reported: bool,
    /// Freeze, seizure, recovery or refusal (`data-kind`).
    pub kind: CooperationKind,
    /// True when a source says the money reached the victim.
    pub returned: bool,
    /// What it did, in words ([`outcome`]).
    pub outcome: &'static str,
    /// Who acted.
    pub actor: String,
    /// Dollars, as stated.
    pub usd: Option<f64>,
    /// True when the amount is a floor.
    pub floor: bool,
    /// The event whose amount already holds this one's, when there is one.
    pub within: Option<String>,
    /// Whose money: the victims' names (ids where the dataset lacks the theft); empty when
    /// the event is tied to no single theft in the dataset (`phrase::victims` says so).
    pub victims: Vec<String>,
    /// Its first source's id.
    pub source: String,
}

/// The victims an event concerns, by name (an id where the dataset lacks the theft); none
/// for an event tied to no single theft. Names, not words: `phrase::victims` joins them.
pub fn victims(data: &Dataset, e: &Cooperation) -> Vec<String> {
    e.incidents.iter().map(|id| data.incident(id).map_or(id.clone(), |i| i.victim.clone())).collect()
}

/// The events the timeline's lane shows for a view: those about a theft in view, and those
/// tied to no theft when `untied`, dated within `axis`, oldest first.
pub fn lane(data: &Dataset, incidents: &[&Incident], axis: (Date, Date), untied: bool) -> Vec<LaneEvent> {
    let kept: HashSet<&str> = incidents.iter().map(|i| i.id.as_str()).collect();
    let mut events: Vec<&Cooperation> = data
        .cooperation
        .iter()
        .filter(|e| e.date >= axis.0 && e.date <= axis.1)
        .filter(|e| {
            if e.incidents.is_empty() {
                untied
            } else {
                e.incidents.iter().any(|i| kept.contains(i.as_str()))
            }
        })
        .collect();
    crate::sort::by(&mut events, &by_date);
    events
        .into_iter()
        .map(|e| LaneEvent {
            id: e.id.clone(),
            date: e.date,
            reported: e.date_basis == crate::model::DateBasis::Report,
            kind: e.kind,
            returned: e.returned,
            outcome: outcome(e),
            actor: e.actor.clone(),
            usd: e.usd,
            floor: e.floor,
            within: e.within.clone(),
            victims: victims(data, e),
            source: e.sources.first().cloned().unwrap_or_default(),
        })
        .collect()
}

/// "Frozen", "Seized or forfeited", "Recovered", "Returned to the victim", "Refused to act":
/// what an event did, for legends, tooltips and tables (a recovery that reached the victim
/// reads as returned).
pub fn outcome(e: &Cooperation) -> &'static str {
    use CooperationKind as K;
    match (e.kind, e.returned) {
        (K::Refusal, _) => "Refused to act",
        (_, true) => "Returned to the victim",
        (K::Freeze, false) => "Frozen",
        (K::Seizure, false) => "Seized or forfeited",
        (K::Recovery, false) => "Recovered from the thieves",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, DateBasis};

    fn event(id: &str, incidents: &[&str], kind: CooperationKind, usd: Option<f64>) -> Cooperation {
        Cooperation {
            id: id.into(),
            date: Date::new(2024, 6, 1),
            date_basis: DateBasis::Event,
            date_note: None,
            actor: "Someone".into(),
            actor_kind: ActorKind::Other,
            incidents: incidents.iter().map(|s| s.to_string()).collect(),
            kind,
            usd,
            floor: false,
            returned: false,
            within: None,
            enforcement: None,
            response: None,
            response_hours: None,
            summary: "Did something.".into(),
            note: None,
            sources: vec!["s1".into()],
            quote: "did".into(),
        }
    }

    #[test]
    fn money_inside_another_event_is_counted_once_and_refusals_hold_nothing() {
        let outer = event("outer", &["a"], CooperationKind::Seizure, Some(30.0e6));
        let inner = Cooperation {
            within: Some("outer".into()),
            ..event("inner", &["a"], CooperationKind::Freeze, Some(5.8e6))
        };
        let refusal = event("no", &["a"], CooperationKind::Refusal, None);
        let unstated = event("some", &["a"], CooperationKind::Freeze, None);
        let returned =
            Cooperation { returned: true, ..event("back", &["a"], CooperationKind::Recovery, Some(2.0e6)) };
        let t = Tally::of([&outer, &inner, &refusal, &unstated, &returned]);
        assert_eq!((t.held, t.returned), (32.0e6, 2.0e6));
        assert_eq!((t.counted, t.uncounted, t.refusals), (2, 2, 1));
        assert_eq!(t.not_returned(), 30.0e6);
    }

    #[test]
    fn outcome_says_returned_only_when_a_source_does() {
        let frozen = event("f", &["a"], CooperationKind::Freeze, Some(1.0));
        assert_eq!(outcome(&frozen), "Frozen");
        assert_eq!(outcome(&Cooperation { returned: true, ..frozen.clone() }), "Returned to the victim");
        assert_eq!(
            outcome(&event("r", &["a"], CooperationKind::Recovery, None)),
            "Recovered from the thieves"
        );
        assert_eq!(outcome(&event("n", &["a"], CooperationKind::Refusal, None)), "Refused to act");
    }

    #[test]
    fn only_a_filter_by_years_or_dates_shows_events_tied_to_no_theft() {
        assert!(shows_untied(&Filter::default()));
        assert!(shows_untied(&Filter { from_year: Some(2022), ..Filter::default() }));
        assert!(!shows_untied(&Filter { text: "bybit".into(), ..Filter::default() }));
    }
}
