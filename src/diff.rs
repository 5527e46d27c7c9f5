//! What changed between an earlier release and the one on screen, for the view in force:
//! records added and removed, values revised (old → new, with the change log's reason and
//! source where it gives them), and how the headline moved. The older release is the
//! frozen copy a reader asks for with `?since=RELEASE`.
//!
//! Everything here is data (amounts, dates, counts, a figure's window, enum values, the
//! dataset's own text), never words: `html::diff` phrases it in the page's language.

use crate::after;
use crate::aggregate::{self, Window};
use crate::format::{money, percent};
use crate::model::{
    Category, ChangeEntry, Confidence, Cooperation, CooperationKind, Dataset, Date, EnforcementEvent,
    EnforcementKind, FigureScope, Flow, Incident, Release, ReportedTotal, Vector,
};
use crate::view::Filter;

/// How a record changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// New in the later release.
    Added,
    /// In both, with a value changed.
    Revised,
}

impl Mark {
    /// The slug on marks and rows (`data-diff="added"`).
    pub fn slug(self) -> &'static str {
        match self {
            Mark::Added => "added",
            Mark::Revised => "revised",
        }
    }
}

/// What list a record is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    /// A theft.
    Incident,
    /// A published figure.
    Figure,
    /// A laundering flow (by its incident).
    Flow,
    /// An enforcement action.
    Enforcement,
    /// A freeze, seizure, recovery or refusal.
    Cooperation,
}

/// A value of a record as the comparison quotes it: data (an amount, a date, a count, an
/// enum), phrased where it is shown (`html::diff`), so it reads in the page's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// The record has no value there.
    None,
    /// US dollars.
    Money(f64),
    /// A calendar date.
    Date(Date),
    /// A year.
    Year(i32),
    /// A share (0.61).
    Share(f64),
    /// A yes-or-no field.
    Flag(bool),
    /// Text as the dataset writes it (a name, an actor, a title, a source id, names joined).
    Text(String),
    /// Record ids as the dataset writes them.
    Ids(Vec<String>),
    /// A victim category.
    Category(Category),
    /// An attack vector.
    Vector(Vector),
    /// An attribution's confidence.
    Confidence(Confidence),
    /// A kind of enforcement action.
    Action(EnforcementKind),
    /// A freeze, seizure, recovery or refusal.
    Cooperation(CooperationKind),
    /// What a published figure is for.
    Scope(FigureScope),
    /// How many sources a record cites; for the later version, how many it gained and lost.
    Sources {
        /// The sources cited.
        count: usize,
        /// Gained and lost since the earlier version (on the later version only).
        change: Option<(usize, usize)>,
    },
    /// A published split of a flow (one new in the later release).
    Split,
}

impl Value {
    /// True when two values read the same on the page: amounts and shares at the precision
    /// the English page writes them (a revision below it is not listed), the rest equal.
    fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Money(a), Value::Money(b)) => money(*a) == money(*b),
            (Value::Share(a), Value::Share(b)) => percent(*a) == percent(*b),
            _ => self == other,
        }
    }

    /// An optional amount.
    fn usd(v: Option<f64>) -> Value {
        v.map_or(Value::None, Value::Money)
    }
}

/// One value changed.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The field, as the change log names fields (`usd`, `attribution.confidence`).
    pub field: String,
    /// Before.
    pub old: Value,
    /// After.
    pub new: Value,
    /// Why, from the change log, when it says.
    pub why: Option<String>,
    /// Id of the source for the new value, from the change log, when it says.
    pub source: Option<String>,
}

/// What a record is called in the comparison: data, phrased where it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Name {
    /// A theft: its victim and date.
    Incident {
        /// The victim.
        victim: String,
        /// The day of the theft.
        date: Date,
    },
    /// A published figure: its publisher and window.
    Figure {
        /// The publisher.
        publisher: String,
        /// The window the figure covers.
        window: Window,
    },
    /// A laundering flow by its theft's victim (its incident id when the theft is gone), or
    /// an enforcement action by its title: the dataset's text.
    Text(String),
    /// A freeze, seizure, recovery or refusal: who acted and what it did.
    Cooperation {
        /// Who acted.
        actor: String,
        /// What kind of event.
        kind: CooperationKind,
        /// True when a source says the money reached the victim.
        returned: bool,
    },
}

/// A record added, revised or removed.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordChange {
    /// Its list.
    pub list: List,
    /// Its id.
    pub id: String,
    /// Its name (the victim and date, the publisher and window, the title), as data.
    pub name: Name,
    /// The values changed (for a revision).
    pub fields: Vec<FieldChange>,
    /// Why it was removed, from the change log (for a removal).
    pub why: Option<String>,
}

/// Which headline figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Dollars stolen in the view.
    Stolen,
    /// How many thefts.
    Incidents,
    /// The largest theft.
    Largest,
    /// North Korea's share of all crypto theft.
    Share,
}

impl Figure {
    /// The list item's page hook (`data-diff-headline="Stolen"`), the same in every language.
    pub fn hook(self) -> &'static str {
        match self {
            Figure::Stolen => "Stolen",
            Figure::Incidents => "Incidents",
            Figure::Largest => "Largest heist",
            Figure::Share => "DPRK share of all crypto theft",
        }
    }
}

/// A headline figure's value in one release, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Quoted {
    /// Dollars.
    Money(f64),
    /// A count of thefts.
    Count(usize),
    /// The largest theft: its victim and amount (`None` when the view has no theft).
    Largest(Option<(String, f64)>),
    /// The share: its value, publisher and the window of the figure it comes from (`None`
    /// when no publisher gives one for the view).
    Share(Option<(f64, String, Option<Window>)>),
}

/// How a headline figure moved, as data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delta {
    /// By so many dollars (negative: fewer).
    Money(f64),
    /// By so many thefts.
    Count(i64),
}

/// One headline figure before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineDelta {
    /// Which figure.
    pub figure: Figure,
    /// In the earlier release.
    pub old: Quoted,
    /// In the release on screen.
    pub new: Quoted,
    /// The difference, or `None` when unchanged (at the precision the page writes it) or not
    /// a number.
    pub delta: Option<Delta>,
}

/// Everything that changed for a view between two releases.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// The earlier release.
    pub from: Release,
    /// The release on screen.
    pub to: Release,
    /// Records new in the view.
    pub added: Vec<RecordChange>,
    /// Records in both, changed.
    pub revised: Vec<RecordChange>,
    /// Records gone from the view's lists.
    pub removed: Vec<RecordChange>,
    /// The headline figures, before and after.
    pub headline: Vec<HeadlineDelta>,
    /// Sources added and removed across the dataset.
    pub sources: (usize, usize),
}

impl Diff {
    /// True when nothing in the view changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.revised.is_empty() && self.removed.is_empty()
    }
}

/// The values of two versions of a record that differ: (field, old, new).
type Changes = Vec<(String, Value, Value)>;

/// How two versions of a record of one list are compared.
type FieldsOf<T> = fn(&T, &T) -> Changes;

/// Positions of records by id, sorted by id, to find a record of a list in the other
/// release (one routine for every list, rather than a hash map per record type).
struct Index<'a>(Vec<(&'a str, usize)>);

impl<'a> Index<'a> {
    /// The index of the ids of a list, in its order.
    fn of(ids: impl Iterator<Item = &'a str>) -> Index<'a> {
        let mut list: Vec<(&str, usize)> = ids.enumerate().map(|(k, id)| (id, k)).collect();
        crate::sort::by(&mut list, &|a, b| a.0.cmp(b.0));
        Index(list)
    }

    /// The position of the record `id`.
    fn find(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(x, _)| (*x).cmp(id)).ok().map(|k| self.0[k].1)
    }
}

/// Which records of the later release are new or changed, by id, sorted by id (for marks
/// on charts and table rows; a view-independent list computed once per pair of releases).
pub fn marks(old: &Dataset, new: &Dataset) -> Vec<(String, Mark)> {
    let mut out = Vec::new();
    mark_list(&mut out, &old.incidents, &new.incidents, |i| &i.id, incident_fields);
    mark_list(&mut out, &old.reported_totals, &new.reported_totals, |t| &t.id, figure_fields);
    mark_list(&mut out, &old.enforcement, &new.enforcement, |e| &e.id, enforcement_fields);
    mark_list(&mut out, &old.cooperation, &new.cooperation, |e| &e.id, cooperation_fields);
    crate::sort::by(&mut out, &|a, b| a.0.cmp(&b.0));
    out
}

fn mark_list<T>(
    out: &mut Vec<(String, Mark)>,
    old: &[T],
    new: &[T],
    id: fn(&T) -> &String,
    fields: FieldsOf<T>,
) {
    let before = Index::of(old.iter().map(|r| id(r).as_str()));
    for r in new {
        match before.find(id(r)) {
            None => out.push((id(r).clone(), Mark::Added)),
            Some(k) if !fields(&old[k], r).is_empty() => out.push((id(r).clone(), Mark::Revised)),
            Some(_) => {}
        }
    }
}

/// An earlier release to compare the one on screen with, and which of the later release's
/// records are new or changed since (computed once per pair of releases).
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The earlier release's dataset.
    pub data: std::sync::Arc<Dataset>,
    /// Records of the later release added or revised since, sorted by id.
    pub marks: Vec<(String, Mark)>,
}

impl Baseline {
    /// The baseline `old` for the release `new`.
    pub fn new(old: std::sync::Arc<Dataset>, new: &Dataset) -> Baseline {
        let marks = marks(&old, new);
        Baseline { data: old, marks }
    }

    /// How a record of the later release changed, if it did.
    pub fn mark(&self, id: &str) -> Option<Mark> {
        self.marks.binary_search_by(|(x, _)| x.as_str().cmp(id)).ok().map(|k| self.marks[k].1)
    }
}

/// The change log's entries after `from` up to `to`, newest first.
fn entries_between<'a>(new: &'a Dataset, from: &Release, to: &Release) -> Vec<&'a ChangeEntry> {
    new.changes
        .iter()
        .filter(|c| (c.date, c.release.as_str()) > (from.date, from.id.as_str()))
        .filter(|c| (c.date, c.release.as_str()) <= (to.date, to.id.as_str()))
        .collect()
}

/// True when the change log's field names the same value as a computed one: the same path,
/// one inside the other (`edges[thorchain]` and `edges[stolen→thorchain]`), or the same
/// first segment.
fn same_field(logged: &str, computed: &str) -> bool {
    let head = |s: &str| s.split(['.', '[']).next().unwrap_or(s).to_string();
    logged == computed
        || logged.starts_with(computed)
        || computed.starts_with(logged)
        || head(logged) == head(computed)
}

/// Attaches the change log's reason and source to each computed change.
fn explain(entries: &[&ChangeEntry], id: &str, changes: Changes) -> Vec<FieldChange> {
    changes
        .into_iter()
        .map(|(field, old, new)| {
            let logged = entries
                .iter()
                .flat_map(|c| c.revised.iter())
                .find(|r| r.record == id && same_field(&r.field, &field));
            FieldChange {
                field,
                old,
                new,
                why: logged.map(|r| r.why.clone()),
                source: logged.map(|r| r.source.clone()),
            }
        })
        .collect()
}

/// An optional value.
fn opt<T>(v: &Option<T>, f: impl Fn(&T) -> Value) -> Value {
    v.as_ref().map_or(Value::None, f)
}

/// Each field of two versions of a record that differs: (field, old, new).
fn differing(pairs: Vec<(&str, Value, Value)>) -> Changes {
    pairs.into_iter().filter(|(_, a, b)| !a.same(b)).map(|(f, a, b)| (f.to_string(), a, b)).collect()
}

/// Ids as a value (none when the list is empty).
fn ids(list: &[String]) -> Value {
    if list.is_empty() {
        Value::None
    } else {
        Value::Ids(list.to_vec())
    }
}

/// The sources a record gained and lost, as one change.
fn sources_change(old: &[String], new: &[String]) -> Option<(String, Value, Value)> {
    let gained = new.iter().filter(|s| !old.contains(s)).count();
    let lost = old.iter().filter(|s| !new.contains(s)).count();
    (gained + lost > 0).then(|| {
        (
            "sources".to_string(),
            Value::Sources { count: old.len(), change: None },
            Value::Sources { count: new.len(), change: Some((gained, lost)) },
        )
    })
}

fn incident_fields(a: &Incident, b: &Incident) -> Changes {
    let text = |s: &str| Value::Text(s.to_string());
    let mut out = differing(vec![
        ("date", Value::Date(a.date), Value::Date(b.date)),
        ("victim", text(&a.victim), text(&b.victim)),
        ("category", Value::Category(a.category), Value::Category(b.category)),
        ("usd", Value::Money(a.usd), Value::Money(b.usd)),
        ("usd_low", Value::usd(a.usd_low), Value::usd(b.usd_low)),
        ("usd_high", Value::usd(a.usd_high), Value::usd(b.usd_high)),
        ("actor", text(&a.actor), text(&b.actor)),
        ("vector", Value::Vector(a.vector), Value::Vector(b.vector)),
        ("attribution.by", text(&a.attribution.by.join(", ")), text(&b.attribution.by.join(", "))),
        (
            "attribution.confidence",
            Value::Confidence(a.attribution.confidence),
            Value::Confidence(b.attribution.confidence),
        ),
        ("attribution.contested", Value::Flag(a.attribution.contested), Value::Flag(b.attribution.contested)),
        ("recovered_usd", Value::usd(a.recovered_usd), Value::usd(b.recovered_usd)),
    ]);
    out.extend(sources_change(&a.sources, &b.sources));
    out
}

fn figure_fields(a: &ReportedTotal, b: &ReportedTotal) -> Changes {
    let text = |s: &String| Value::Text(s.clone());
    differing(vec![
        ("usd", Value::Money(a.usd), Value::Money(b.usd)),
        ("usd_high", Value::usd(a.usd_high), Value::usd(b.usd_high)),
        ("published", Value::Date(a.published), Value::Date(b.published)),
        ("period_start", Value::Date(a.period_start), Value::Date(b.period_start)),
        ("period_end", Value::Date(a.period_end), Value::Date(b.period_end)),
        ("year", opt(&a.year, |y| Value::Year(*y)), opt(&b.year, |y| Value::Year(*y))),
        ("floor", Value::Flag(a.floor), Value::Flag(b.floor)),
        ("derived", Value::Flag(a.derived), Value::Flag(b.derived)),
        (
            "stated_share",
            opt(&a.stated_share, |s| Value::Share(*s)),
            opt(&b.stated_share, |s| Value::Share(*s)),
        ),
        ("scope", Value::Scope(a.scope()), Value::Scope(b.scope())),
        ("supersedes", opt(&a.supersedes, text), opt(&b.supersedes, text)),
        ("source", text(&a.source), text(&b.source)),
    ])
}

fn enforcement_fields(a: &EnforcementEvent, b: &EnforcementEvent) -> Changes {
    let text = |s: &String| Value::Text(s.clone());
    differing(vec![
        ("date", Value::Date(a.date), Value::Date(b.date)),
        ("kind", Value::Action(a.kind), Value::Action(b.kind)),
        ("title", text(&a.title), text(&b.title)),
        ("incidents", ids(&a.incidents), ids(&b.incidents)),
        ("source", text(&a.source), text(&b.source)),
    ])
}

fn cooperation_fields(a: &Cooperation, b: &Cooperation) -> Changes {
    let text = |s: &String| Value::Text(s.clone());
    let mut out = differing(vec![
        ("date", Value::Date(a.date), Value::Date(b.date)),
        ("actor", text(&a.actor), text(&b.actor)),
        ("kind", Value::Cooperation(a.kind), Value::Cooperation(b.kind)),
        ("usd", Value::usd(a.usd), Value::usd(b.usd)),
        ("returned", Value::Flag(a.returned), Value::Flag(b.returned)),
        ("within", opt(&a.within, text), opt(&b.within, text)),
        ("incidents", ids(&a.incidents), ids(&b.incidents)),
    ]);
    out.extend(sources_change(&a.sources, &b.sources));
    out
}

fn flow_fields(a: &Flow, b: &Flow) -> Changes {
    let edges = |f: &Flow| -> Vec<(String, f64)> {
        f.edges.iter().map(|e| (format!("{}→{}", e.from, e.to), e.usd)).collect()
    };
    let (ea, eb) = (edges(a), edges(b));
    let mut out = differing(vec![
        ("theft_usd", Value::Money(a.theft_usd), Value::Money(b.theft_usd)),
        ("split_date", opt(&a.split_date, |d| Value::Date(*d)), opt(&b.split_date, |d| Value::Date(*d))),
    ]);
    for (name, v) in &eb {
        match ea.iter().find(|(n, _)| n == name) {
            None => out.push((format!("edges[{name}]"), Value::None, Value::Money(*v))),
            Some((_, old)) if !Value::Money(*old).same(&Value::Money(*v)) => {
                out.push((format!("edges[{name}]"), Value::Money(*old), Value::Money(*v)))
            }
            Some(_) => {}
        }
    }
    for (name, v) in ea.iter().filter(|(n, _)| !eb.iter().any(|(m, _)| m == n)) {
        out.push((format!("edges[{name}]"), Value::Money(*v), Value::None));
    }
    for p in b.status.iter().filter(|p| !a.status.iter().any(|q| q.date == p.date)) {
        out.push((format!("status[{}]", p.date), Value::None, Value::Split));
    }
    out
}

/// One list's changes for the view.
#[derive(Default)]
struct Compared {
    added: Vec<RecordChange>,
    revised: Vec<RecordChange>,
    removed: Vec<RecordChange>,
}

/// How one list is read for the view: its records' ids and names, which the view keeps, and
/// how two versions are compared.
struct Lister<'a, T> {
    list: List,
    id: fn(&T) -> &String,
    name: &'a dyn Fn(&T) -> Name,
    keep: &'a dyn Fn(&T) -> bool,
    fields: FieldsOf<T>,
}

impl Compared {
    /// Compares one list of the two releases by id, over the records the view keeps.
    fn add<T>(&mut self, l: &Lister<T>, old: &[T], new: &[T], entries: &[&ChangeEntry]) {
        let (id, keep) = (l.id, l.keep);
        let kept = |list: &[T]| -> Vec<usize> { (0..list.len()).filter(|&k| keep(&list[k])).collect() };
        let (old_kept, new_kept) = (kept(old), kept(new));
        let before = Index::of(old_kept.iter().map(|&k| id(&old[k]).as_str()));
        let after = Index::of(new_kept.iter().map(|&k| id(&new[k]).as_str()));
        for r in new_kept.iter().map(|&k| &new[k]) {
            let rid = id(r);
            let record =
                |fields| RecordChange { list: l.list, id: rid.clone(), name: (l.name)(r), fields, why: None };
            match before.find(rid) {
                None => self.added.push(record(Vec::new())),
                Some(k) => {
                    let changed = (l.fields)(&old[old_kept[k]], r);
                    if !changed.is_empty() {
                        self.revised.push(record(explain(entries, rid, changed)));
                    }
                }
            }
        }
        for r in old_kept.iter().map(|&k| &old[k]).filter(|r| after.find(id(r)).is_none()) {
            let why = entries
                .iter()
                .flat_map(|c| c.removed.iter())
                .find(|x| &x.record == id(r))
                .map(|x| x.why.clone());
            self.removed.push(RecordChange {
                list: l.list,
                id: id(r).clone(),
                name: (l.name)(r),
                fields: Vec::new(),
                why,
            });
        }
    }
}

/// What changed between `old` and `new` for the view that `filter` keeps (over the years of
/// `span`, the view's years in the release on screen).
pub fn diff(old: &Dataset, new: &Dataset, filter: &Filter, span: (i32, i32)) -> Diff {
    let entries = entries_between(new, &old.release, &new.release);
    let years = span.0..=span.1;
    let untied = after::shows_untied(filter);
    let mut in_view: Vec<&str> = old
        .incidents
        .iter()
        .chain(&new.incidents)
        .filter(|i| filter.matches(i))
        .map(|i| i.id.as_str())
        .collect();
    crate::sort::unique(&mut in_view);
    let in_view = |id: &str| in_view.binary_search(&id).is_ok();
    let mut out = Compared::default();
    let incident_name = |i: &Incident| Name::Incident { victim: i.victim.clone(), date: i.date };
    let incident_kept = |i: &Incident| filter.matches(i);
    out.add(
        &Lister {
            list: List::Incident,
            id: |i: &Incident| &i.id,
            name: &incident_name,
            keep: &incident_kept,
            fields: incident_fields,
        },
        &old.incidents,
        &new.incidents,
        &entries,
    );
    let figure_name =
        |t: &ReportedTotal| Name::Figure { publisher: t.publisher.clone(), window: Window::of(t) };
    let figure_kept = |t: &ReportedTotal| t.period_start.year() <= span.1 && t.period_end.year() >= span.0;
    out.add(
        &Lister {
            list: List::Figure,
            id: |t: &ReportedTotal| &t.id,
            name: &figure_name,
            keep: &figure_kept,
            fields: figure_fields,
        },
        &old.reported_totals,
        &new.reported_totals,
        &entries,
    );
    let flow_name = |f: &Flow| {
        Name::Text(
            new.incident(&f.incident)
                .or(old.incident(&f.incident))
                .map_or(f.incident.clone(), |i| i.victim.clone()),
        )
    };
    let flow_kept = |f: &Flow| in_view(&f.incident);
    out.add(
        &Lister {
            list: List::Flow,
            id: |f: &Flow| &f.incident,
            name: &flow_name,
            keep: &flow_kept,
            fields: flow_fields,
        },
        &old.flows,
        &new.flows,
        &entries,
    );
    let action_name = |e: &EnforcementEvent| Name::Text(e.title.clone());
    let action_kept = |e: &EnforcementEvent| years.contains(&e.date.year());
    out.add(
        &Lister {
            list: List::Enforcement,
            id: |e: &EnforcementEvent| &e.id,
            name: &action_name,
            keep: &action_kept,
            fields: enforcement_fields,
        },
        &old.enforcement,
        &new.enforcement,
        &entries,
    );
    let coop_name =
        |e: &Cooperation| Name::Cooperation { actor: e.actor.clone(), kind: e.kind, returned: e.returned };
    let coop_kept = |e: &Cooperation| {
        years.contains(&e.date.year())
            && if e.incidents.is_empty() { untied } else { e.incidents.iter().any(|i| in_view(i)) }
    };
    out.add(
        &Lister {
            list: List::Cooperation,
            id: |e: &Cooperation| &e.id,
            name: &coop_name,
            keep: &coop_kept,
            fields: cooperation_fields,
        },
        &old.cooperation,
        &new.cooperation,
        &entries,
    );
    let (so, sn) = (source_ids(old), source_ids(new));
    let missing = |from: &[&str], of: &[&str]| of.iter().filter(|id| from.binary_search(id).is_err()).count();
    Diff {
        from: old.release.clone(),
        to: new.release.clone(),
        added: out.added,
        revised: out.revised,
        removed: out.removed,
        headline: headline(old, new, filter, span),
        sources: (missing(&so, &sn), missing(&sn, &so)),
    }
}

/// A dataset's source ids, sorted.
fn source_ids(d: &Dataset) -> Vec<&str> {
    let mut ids: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    crate::sort::unique(&mut ids);
    ids
}

/// The thefts of a dataset a filter keeps.
fn kept<'a>(d: &'a Dataset, filter: &Filter) -> Vec<&'a Incident> {
    d.incidents.iter().filter(|i| filter.matches(i)).collect()
}

/// The headline's figures in both releases for the view.
fn headline(old: &Dataset, new: &Dataset, filter: &Filter, span: (i32, i32)) -> Vec<HeadlineDelta> {
    let (ho, hn) = (
        aggregate::headline(old, &kept(old, filter), span),
        aggregate::headline(new, &kept(new, filter), span),
    );
    let largest = |d: &Dataset, id: &Option<String>| {
        Quoted::Largest(id.as_deref().and_then(|id| d.incident(id)).map(|i| (i.victim.clone(), i.usd)))
    };
    // The share's window as its figure gives it.
    let share = |d: &Dataset, h: &aggregate::Headline| {
        Quoted::Share(h.dprk_share.as_ref().map(|s| {
            let window = d.reported_totals.iter().find(|t| t.id == s.total).map(Window::of);
            (s.share, s.publisher.clone(), window)
        }))
    };
    let count_delta = hn.count as i64 - ho.count as i64;
    vec![
        HeadlineDelta {
            figure: Figure::Stolen,
            old: Quoted::Money(ho.total_usd),
            new: Quoted::Money(hn.total_usd),
            delta: (money(ho.total_usd) != money(hn.total_usd))
                .then_some(Delta::Money(hn.total_usd - ho.total_usd)),
        },
        HeadlineDelta {
            figure: Figure::Incidents,
            old: Quoted::Count(ho.count),
            new: Quoted::Count(hn.count),
            delta: (count_delta != 0).then_some(Delta::Count(count_delta)),
        },
        HeadlineDelta {
            figure: Figure::Largest,
            old: largest(old, &ho.largest),
            new: largest(new, &hn.largest),
            delta: None,
        },
        HeadlineDelta { figure: Figure::Share, old: share(old, &ho), new: share(new, &hn), delta: None },
    ]
}
