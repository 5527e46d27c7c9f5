//! The rules for what happened after the thefts: freezes, seizures, recoveries and refusals
//! ([`Cooperation`]), and each flow's published splits over time ([`StatusPoint`]).

use crate::decimal::{Fixed, Shortest};
use std::collections::{HashMap, HashSet};

use super::{at, Checker, Problem, TextKind};
use crate::model::{Cooperation, Dataset, Date, DateBasis, Flow, StatusMeasure, StatusPoint};

/// How far a split's stated shares may add up above one: published percentages are rounded.
pub const SHARES_TOLERANCE: f64 = 0.01;

/// The longest response time accepted: thirty years, in hours.
const MAX_RESPONSE_HOURS: f64 = 30.0 * 366.0 * 24.0;

/// What the rules need to know about the rest of the dataset.
pub(super) struct Known<'a> {
    /// Source ids.
    pub sources: &'a HashSet<&'a str>,
    /// Each incident's theft day, by id.
    pub thefts: HashMap<&'a str, Date>,
    /// Enforcement action ids.
    pub enforcement: HashSet<&'a str>,
    /// The newest day a record may carry: the evidence horizon (version 3), else `today`.
    pub newest: Date,
    /// Today, for the plain date range.
    pub today: Date,
}

/// A date inside the plain range, no later than the horizon, not before the thefts it
/// concerns; a date that is a report day says what is known of the event's own timing.
fn check_dates(
    c: &mut Checker,
    date: Date,
    basis: DateBasis,
    note: Option<&str>,
    thefts: &[Date],
    known: &Known,
) {
    c.date("date", date, known.today);
    if date > known.newest {
        c.report(
            "date",
            format!("{date} is after the evidence horizon {}: move the horizon or the date", known.newest),
        );
    }
    if let Some(theft) = thefts.iter().filter(|t| **t > date).max() {
        c.report("date", format!("{date} is before the theft it concerns ({theft})"));
    }
    if basis == DateBasis::Report && note.is_none_or(|n| n.trim().is_empty()) {
        c.report(
            "date_note",
            "a date that is the day of a report must say what is known of the event's own timing",
        );
    }
}

/// The record's sources exist, the first is quoted, and free text cites known sources.
fn check_sourcing(
    c: &mut Checker,
    sources: &[String],
    quote: &str,
    texts: &[(&str, Option<&str>)],
    known: &Known,
) {
    if sources.is_empty() {
        c.report("sources", "must cite at least one source");
    }
    for (k, id) in sources.iter().enumerate() {
        c.source_ref(&format!("sources[{k}]"), id, known.sources);
    }
    c.text("quote", quote);
    for (field, text) in texts {
        if let Some(text) = text {
            c.prose(field, text, known.sources);
        }
    }
}

/// Every freeze, seizure, recovery and refusal: ids, dates, actor, incidents, amounts,
/// what it is counted within, sources.
pub(super) fn check_cooperation(data: &Dataset, known: &Known, problems: &mut Vec<Problem>) {
    let ids = super::duplicate_ids("cooperation", data.cooperation.iter().map(|e| e.id.as_str()), problems);
    let by_id: HashMap<&str, &Cooperation> = data.cooperation.iter().map(|e| (e.id.as_str(), e)).collect();
    for (index, e) in data.cooperation.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("cooperation", index, &e.id) };
        c.text("actor", &e.actor);
        c.text("summary", &e.summary);
        let mut thefts = Vec::new();
        for (k, id) in e.incidents.iter().enumerate() {
            match known.thefts.get(id.as_str()) {
                Some(day) => thefts.push(*day),
                None => c.report(
                    &format!("incidents[{k}]"),
                    format!("names \"{id}\", which is not an incident id"),
                ),
            }
        }
        if e.incidents.is_empty() && e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            c.report(
                "note",
                "an event tied to no theft in the dataset must say in its note what it is tied to",
            );
        }
        check_dates(&mut c, e.date, e.date_basis, e.date_note.as_deref(), &thefts, known);
        check_amounts(&mut c, e);
        if let Some(target) = &e.within {
            check_within(&mut c, e, target, &by_id, &ids);
        }
        if let Some(action) = e.enforcement.as_deref().filter(|a| !known.enforcement.contains(a)) {
            c.report("enforcement", format!("names \"{action}\", which is not an enforcement action"));
        }
        let texts = [
            ("summary", Some(e.summary.as_str())),
            ("note", e.note.as_deref()),
            ("response", e.response.as_deref()),
            ("date_note", e.date_note.as_deref()),
        ];
        check_sourcing(&mut c, &e.sources, &e.quote, &texts, known);
    }
}

/// The amount is a real one, a refusal returns nothing, and a response time is a time.
fn check_amounts(c: &mut Checker, e: &Cooperation) {
    if let Some(usd) = e.usd {
        c.amount("usd", usd);
    }
    if e.floor && e.usd.is_none() {
        c.report("floor", "a floor needs the amount it is a floor of");
    }
    if e.returned && !e.kind.holds_money() {
        c.report("returned", "a refusal returns nothing to the victim");
    }
    if let Some(h) = e.response_hours {
        if !(h.is_finite() && (0.0..=MAX_RESPONSE_HOURS).contains(&h)) {
            c.report(
                "response_hours",
                format!("must be between 0 and {} hours, got {}", Shortest(MAX_RESPONSE_HOURS), Shortest(h)),
            );
        }
    }
}

/// `within` names another event about the same theft, not itself, that is counted (not
/// itself within another), and whose amount holds this one's.
fn check_within(
    c: &mut Checker,
    e: &Cooperation,
    target: &str,
    by_id: &HashMap<&str, &Cooperation>,
    ids: &HashSet<&str>,
) {
    let Some(outer) = by_id.get(target).filter(|_| ids.contains(target)) else {
        c.report("within", format!("names \"{target}\", which is not a cooperation event"));
        return;
    };
    if outer.id == e.id {
        c.report("within", "an event cannot be counted within itself");
    } else if outer.within.is_some() {
        c.report("within", format!("\"{target}\" is itself counted within another event: name that one"));
    } else if !e.incidents.iter().any(|i| outer.incidents.contains(i)) {
        c.report("within", format!("\"{target}\" concerns other thefts"));
    } else if let (Some(inner), Some(whole)) = (e.usd, outer.usd) {
        if inner > whole * 1.01 + 1.0 {
            c.report(
                "within",
                format!("${} cannot sit inside the ${} of \"{target}\"", Fixed(inner, 0), Fixed(whole, 0)),
            );
        }
    }
}

/// Every flow's published splits: oldest first, one per day, within the dates allowed,
/// shares that are shares and add up to at most one, stated dollars, sources.
pub(super) fn check_status(data: &Dataset, known: &Known, problems: &mut Vec<Problem>) {
    for (index, flow) in data.flows.iter().enumerate() {
        let theft: Vec<Date> = known.thefts.get(flow.incident.as_str()).copied().into_iter().collect();
        check_flow_status(flow, &at("flows", index, &flow.incident), &theft, known, problems);
    }
}

fn check_flow_status(flow: &Flow, record: &str, theft: &[Date], known: &Known, problems: &mut Vec<Problem>) {
    let mut previous: Option<Date> = None;
    for (k, point) in flow.status.iter().enumerate() {
        let mut c =
            Checker { problems: &mut *problems, record: format!("{record}.status[{k}] ({})", point.date) };
        if previous.is_some_and(|p| p >= point.date) {
            c.report("date", "splits must be listed oldest first, one per day");
        }
        previous = Some(point.date);
        check_dates(&mut c, point.date, point.date_basis, point.date_note.as_deref(), theft, known);
        check_measures(&mut c, point);
        let texts = [
            ("note", point.note.as_deref()),
            ("basis", point.basis.as_deref()),
            ("date_note", point.date_note.as_deref()),
        ];
        check_sourcing(&mut c, &point.sources, &point.quote, &texts, known);
    }
}

/// Each stated share is a share and together they make at most the whole; dollars are
/// real amounts; the split states something.
fn check_measures(c: &mut Checker, point: &StatusPoint) {
    let mut sum = 0.0;
    let mut stated = !point.stages.is_empty();
    for m in StatusMeasure::ALL {
        if let Some(share) = point.share(m) {
            stated = true;
            if (0.0..=1.0).contains(&share) {
                sum += share;
            } else {
                c.report(m.slug(), format!("must be a share between 0 and 1, got {}", Shortest(share)));
            }
        }
        if let Some(usd) = point.usd(m) {
            stated = true;
            c.amount(&format!("{}_usd", m.slug()), usd);
        }
    }
    if sum > 1.0 + SHARES_TOLERANCE {
        c.report("", format!("its shares add up to {}, more than the whole", Fixed(sum, 4)));
    }
    for (k, stage) in point.stages.iter().enumerate() {
        let field = format!("stages[{k}]");
        c.text(&format!("{field}.label"), &stage.label);
        if let Some(share) = stage.share.filter(|s| !(0.0..=1.0).contains(s)) {
            c.report(
                &format!("{field}.share"),
                format!("must be a share between 0 and 1, got {}", Shortest(share)),
            );
        }
        if let Some(usd) = stage.usd {
            c.amount(&format!("{field}.usd"), usd);
        }
        if stage.share.is_none() && stage.usd.is_none() {
            c.report(&field, "a stage needs its share or its dollars");
        }
    }
    if !stated {
        c.report("", "states no share, dollars or stage");
    }
}

/// Every string of the freezes and recoveries and of the flows' splits within the limit of
/// its kind.
pub(super) fn check_lengths(data: &Dataset, problems: &mut Vec<Problem>) {
    use TextKind::{Name, Prose};
    for (index, e) in data.cooperation.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("cooperation", index, &e.id) };
        c.lengths(&[
            ("id", Some(&e.id), Name),
            ("actor", Some(&e.actor), Name),
            ("within", e.within.as_deref(), Name),
            ("enforcement", e.enforcement.as_deref(), Name),
            ("date_note", e.date_note.as_deref(), Prose),
            ("response", e.response.as_deref(), Prose),
            ("summary", Some(&e.summary), Prose),
            ("note", e.note.as_deref(), Prose),
            ("quote", Some(&e.quote), Prose),
        ]);
        c.list_lengths("incidents", &e.incidents, Name);
        c.list_lengths("sources", &e.sources, Name);
    }
    for (index, flow) in data.flows.iter().enumerate() {
        for (k, p) in flow.status.iter().enumerate() {
            let record = format!("{}.status[{k}] ({})", at("flows", index, &flow.incident), p.date);
            let mut c = Checker { problems: &mut *problems, record };
            c.lengths(&[
                ("date_note", p.date_note.as_deref(), Prose),
                ("basis", p.basis.as_deref(), Prose),
                ("note", p.note.as_deref(), Prose),
                ("quote", Some(&p.quote), Prose),
            ]);
            c.list_lengths("sources", &p.sources, Name);
            for (j, stage) in p.stages.iter().enumerate() {
                c.length(&format!("stages[{j}].label"), &stage.label, Name);
            }
        }
    }
}
