//! What changed between an earlier release and the one on screen, for the view in force:
//! records added and removed, values revised (old → new, with the change log's reason and
//! source where it gives them), and how the headline moved. The older release is the
//! frozen copy a reader asks for with `?since=RELEASE`.

use crate::after;
use crate::aggregate;
use crate::format::{money, percent};
use crate::model::{
    ChangeEntry, Cooperation, Dataset, EnforcementEvent, Flow, Incident, Release, ReportedTotal,
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

impl List {
    /// The list's name in words.
    pub fn label(self) -> &'static str {
        match self {
            List::Incident => "Theft",
            List::Figure => "Published figure",
            List::Flow => "Laundering flow",
            List::Enforcement => "Enforcement action",
            List::Cooperation => "Freeze, seizure, recovery or refusal",
        }
    }
}

/// One value changed.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The field, as the change log names fields (`usd`, `attribution.confidence`).
    pub field: String,
    /// Before.
    pub old: String,
    /// After.
    pub new: String,
    /// Why, from the change log, when it says.
    pub why: Option<String>,
    /// Id of the source for the new value, from the change log, when it says.
    pub source: Option<String>,
}

/// A record added, revised or removed.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordChange {
    /// Its list.
    pub list: List,
    /// Its id.
    pub id: String,
    /// Its name in words (the victim, the publisher and window, the title).
    pub name: String,
    /// The values changed (for a revision).
    pub fields: Vec<FieldChange>,
    /// Why it was removed, from the change log (for a removal).
    pub why: Option<String>,
}

/// One headline figure before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineDelta {
    /// What it is ("Stolen", "Incidents").
    pub label: String,
    /// In the earlier release.
    pub old: String,
    /// In the release on screen.
    pub new: String,
    /// The difference in words ("+$1.2B", "+5"), or `None` when unchanged or not a number.
    pub delta: Option<String>,
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
type Changes = Vec<(String, String, String)>;

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
fn explain(entries: &[&ChangeEntry], id: &str, changes: Vec<(String, String, String)>) -> Vec<FieldChange> {
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

/// A value in words for comparison and display.
fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or("(none)".to_string(), ToString::to_string)
}

fn usd(v: Option<f64>) -> String {
    v.map_or("(none)".to_string(), money)
}

/// Each field of two versions of a record that differs: (field, old, new).
fn differing(pairs: Vec<(&str, String, String)>) -> Changes {
    pairs.into_iter().filter(|(_, a, b)| a != b).map(|(f, a, b)| (f.to_string(), a, b)).collect()
}

fn list_words(ids: &[String]) -> String {
    if ids.is_empty() {
        "(none)".to_string()
    } else {
        ids.join(", ")
    }
}

/// The sources a record gained and lost, as one change.
fn sources_change(old: &[String], new: &[String]) -> Option<(String, String, String)> {
    let gained: Vec<String> = new.iter().filter(|s| !old.contains(s)).cloned().collect();
    let lost: Vec<String> = old.iter().filter(|s| !new.contains(s)).cloned().collect();
    (!gained.is_empty() || !lost.is_empty()).then(|| {
        (
            "sources".to_string(),
            format!("{} sources", old.len()),
            format!("{} sources (+{}, −{})", new.len(), gained.len(), lost.len()),
        )
    })
}

fn incident_fields(a: &Incident, b: &Incident) -> Changes {
    let mut out = differing(vec![
        ("date", a.date.to_string(), b.date.to_string()),
        ("victim", a.victim.clone(), b.victim.clone()),
        ("category", a.category.label().to_string(), b.category.label().to_string()),
        ("usd", money(a.usd), money(b.usd)),
        ("usd_low", usd(a.usd_low), usd(b.usd_low)),
        ("usd_high", usd(a.usd_high), usd(b.usd_high)),
        ("actor", a.actor.clone(), b.actor.clone()),
        ("vector", a.vector.label().to_string(), b.vector.label().to_string()),
        ("attribution.by", a.attribution.by.join(", "), b.attribution.by.join(", ")),
        (
            "attribution.confidence",
            a.attribution.confidence.label().to_string(),
            b.attribution.confidence.label().to_string(),
        ),
        ("attribution.contested", a.attribution.contested.to_string(), b.attribution.contested.to_string()),
        ("recovered_usd", usd(a.recovered_usd), usd(b.recovered_usd)),
    ]);
    out.extend(sources_change(&a.sources, &b.sources));
    out
}

fn figure_fields(a: &ReportedTotal, b: &ReportedTotal) -> Changes {
    differing(vec![
        ("usd", money(a.usd), money(b.usd)),
        ("usd_high", usd(a.usd_high), usd(b.usd_high)),
        ("published", a.published.to_string(), b.published.to_string()),
        ("period_start", a.period_start.to_string(), b.period_start.to_string()),
        ("period_end", a.period_end.to_string(), b.period_end.to_string()),
        ("year", opt(&a.year), opt(&b.year)),
        ("floor", a.floor.to_string(), b.floor.to_string()),
        ("derived", a.derived.to_string(), b.derived.to_string()),
        (
            "stated_share",
            a.stated_share.map_or("(none)".into(), percent),
            b.stated_share.map_or("(none)".into(), percent),
        ),
        ("scope", scope_words(a.scope()).to_string(), scope_words(b.scope()).to_string()),
        ("supersedes", opt(&a.supersedes), opt(&b.supersedes)),
        ("source", a.source.clone(), b.source.clone()),
    ])
}

fn scope_words(s: crate::model::FigureScope) -> &'static str {
    match s {
        crate::model::FigureScope::Annual => "annual",
        crate::model::FigureScope::PartOfYear => "part of the year",
        crate::model::FigureScope::MultiYear => "several years",
    }
}

fn enforcement_fields(a: &EnforcementEvent, b: &EnforcementEvent) -> Changes {
    differing(vec![
        ("date", a.date.to_string(), b.date.to_string()),
        ("kind", a.kind.label().to_string(), b.kind.label().to_string()),
        ("title", a.title.clone(), b.title.clone()),
        ("incidents", list_words(&a.incidents), list_words(&b.incidents)),
        ("source", a.source.clone(), b.source.clone()),
    ])
}

fn cooperation_fields(a: &Cooperation, b: &Cooperation) -> Changes {
    let mut out = differing(vec![
        ("date", a.date.to_string(), b.date.to_string()),
        ("actor", a.actor.clone(), b.actor.clone()),
        ("kind", a.kind.slug().to_string(), b.kind.slug().to_string()),
        ("usd", usd(a.usd), usd(b.usd)),
        ("returned", a.returned.to_string(), b.returned.to_string()),
        ("within", opt(&a.within), opt(&b.within)),
        ("incidents", list_words(&a.incidents), list_words(&b.incidents)),
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
        ("theft_usd", money(a.theft_usd), money(b.theft_usd)),
        ("split_date", opt(&a.split_date), opt(&b.split_date)),
    ]);
    for (name, v) in &eb {
        match ea.iter().find(|(n, _)| n == name) {
            None => out.push((format!("edges[{name}]"), "(none)".into(), money(*v))),
            Some((_, old)) if money(*old) != money(*v) => {
                out.push((format!("edges[{name}]"), money(*old), money(*v)))
            }
            Some(_) => {}
        }
    }
    for (name, v) in ea.iter().filter(|(n, _)| !eb.iter().any(|(m, _)| m == n)) {
        out.push((format!("edges[{name}]"), money(*v), "(none)".into()));
    }
    for p in b.status.iter().filter(|p| !a.status.iter().any(|q| q.date == p.date)) {
        out.push((format!("status[{}]", p.date), "(none)".into(), "a published split".into()));
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
    name: &'a dyn Fn(&T) -> String,
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
    let incident_name = |i: &Incident| format!("{} ({})", i.victim, i.date.human());
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
    let figure_name = |t: &ReportedTotal| format!("{}, {}", t.publisher, t.window());
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
        new.incident(&f.incident)
            .or(old.incident(&f.incident))
            .map_or(f.incident.clone(), |i| i.victim.clone())
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
    let action_name = |e: &EnforcementEvent| e.title.clone();
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
    let coop_name = |e: &Cooperation| format!("{}: {}", e.actor, after::outcome(e));
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

/// A signed dollar difference: "+$1.2B", "−$40M".
fn signed_money(d: f64) -> String {
    if d >= 0.0 {
        format!("+{}", money(d))
    } else {
        format!("−{}", money(-d))
    }
}

/// The headline's figures in both releases for the view.
fn headline(old: &Dataset, new: &Dataset, filter: &Filter, span: (i32, i32)) -> Vec<HeadlineDelta> {
    let (ho, hn) = (
        aggregate::headline(old, &kept(old, filter), span),
        aggregate::headline(new, &kept(new, filter), span),
    );
    let name = |d: &Dataset, id: &Option<String>| {
        id.as_deref()
            .and_then(|id| d.incident(id))
            .map_or("(none)".to_string(), |i| format!("{} {}", i.victim, money(i.usd)))
    };
    // The share's window as its figure words it (the headline's window is data; this list
    // is still English).
    let share = |d: &Dataset, h: &aggregate::Headline| {
        h.dprk_share.as_ref().map_or("(none)".to_string(), |s| {
            let window = d.reported_totals.iter().find(|t| t.id == s.total).map(ReportedTotal::window);
            format!("{} ({}, {})", percent(s.share), s.publisher, window.unwrap_or_default())
        })
    };
    let count_delta = hn.count as i64 - ho.count as i64;
    vec![
        HeadlineDelta {
            label: "Stolen".into(),
            old: money(ho.total_usd),
            new: money(hn.total_usd),
            delta: (money(ho.total_usd) != money(hn.total_usd))
                .then(|| signed_money(hn.total_usd - ho.total_usd)),
        },
        HeadlineDelta {
            label: "Incidents".into(),
            old: ho.count.to_string(),
            new: hn.count.to_string(),
            delta: (count_delta != 0).then(|| format!("{count_delta:+}")),
        },
        HeadlineDelta {
            label: "Largest heist".into(),
            old: name(old, &ho.largest),
            new: name(new, &hn.largest),
            delta: None,
        },
        HeadlineDelta {
            label: "DPRK share of all crypto theft".into(),
            old: share(old, &ho),
            new: share(new, &hn),
            delta: None,
        },
    ]
}
