//! Each record type of the dataset read from JSON by [`crate::json::Reader`], under the
//! schema's rules: every field known (an unknown or repeated one is refused), every required
//! one present, optional ones `null` or absent, lists defaulting to empty where the schema
//! says so. Messages use serde's words, so a file's maintainer reads what the published
//! schema's tools would say.

use crate::json::{required, Error, Fields, Reader};
use crate::model::{
    Attribution, Category, ChangeEntry, Confidence, Date, EnforcementEvent, EnforcementKind, Flow, FlowEdge,
    FlowNode, Incident, NodeKind, Release, Removal, ReportedTotal, Revision, Source, SourceKind, Vector,
};

/// How a field's value is finished once the object is read: `req` must be there, `opt` may
/// be absent or `null`, `def` takes its default when absent.
macro_rules! finish {
    (req, $v:ident, $r:ident) => {
        required($v, stringify!($v), $r)?
    };
    (opt, $v:ident, $r:ident) => {
        $v.flatten()
    };
    (def, $v:ident, $r:ident) => {
        $v.unwrap_or_default()
    };
}

/// A reader for a record type: `fn name -> Type { field: how read, … }`.
macro_rules! record {
    ($(#[$doc:meta])* fn $name:ident -> $ty:ident { $($field:ident : $how:tt $read:expr),* $(,)? }) => {
        $(#[$doc])*
        pub fn $name(r: &mut Reader) -> Result<$ty, Error> {
            const NAMES: &[&str] = &[$(stringify!($field)),*];
            let mut fields = Fields::new(NAMES);
            $(let mut $field = None;)*
            r.object(concat!("struct ", stringify!($ty)), &mut |r, key| {
                fields.which(r, key)?;
                match key {
                    $(stringify!($field) => $field = Some(($read)(r)?),)*
                    _ => {}
                }
                Ok(())
            })?;
            Ok($ty { $($field: finish!($how, $field, r)),* })
        }
    };
}

fn string(r: &mut Reader) -> Result<String, Error> {
    r.string()
}

fn strings(r: &mut Reader) -> Result<Vec<String>, Error> {
    r.strings()
}

fn number(r: &mut Reader) -> Result<f64, Error> {
    r.f64()
}

fn flag(r: &mut Reader) -> Result<bool, Error> {
    r.bool()
}

/// `null` (as `None`) or the value `read` reads.
fn opt<T>(r: &mut Reader, read: fn(&mut Reader) -> Result<T, Error>) -> Result<Option<T>, Error> {
    if r.null() {
        Ok(None)
    } else {
        read(r).map(Some)
    }
}

/// A day, `YYYY-MM-DD`.
pub fn date(r: &mut Reader) -> Result<Date, Error> {
    let s = r.string()?;
    Date::parse(&s).map_err(|e| r.error(e))
}

/// A list of records, each read by `read`.
pub fn list<T>(r: &mut Reader, read: fn(&mut Reader) -> Result<T, Error>) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    r.array("a sequence", &mut |r, _| {
        out.push(read(r)?);
        Ok(())
    })?;
    Ok(out)
}

fn source_kind(r: &mut Reader) -> Result<SourceKind, Error> {
    Ok(SourceKind::ALL[r.variant(&SourceKind::ALL.map(SourceKind::slug))?])
}

fn category(r: &mut Reader) -> Result<Category, Error> {
    Ok(Category::ALL[r.variant(&Category::ALL.map(Category::slug))?])
}

fn confidence(r: &mut Reader) -> Result<Confidence, Error> {
    Ok(Confidence::ALL[r.variant(&Confidence::ALL.map(Confidence::slug))?])
}

fn vector(r: &mut Reader) -> Result<Vector, Error> {
    Ok(Vector::ALL[r.variant(&Vector::ALL.map(Vector::slug))?])
}

fn node_kind(r: &mut Reader) -> Result<NodeKind, Error> {
    Ok(NodeKind::ALL[r.variant(&NodeKind::ALL.map(NodeKind::slug))?])
}

fn enforcement_kind(r: &mut Reader) -> Result<EnforcementKind, Error> {
    Ok(EnforcementKind::ALL[r.variant(&EnforcementKind::ALL.map(EnforcementKind::slug))?])
}

record! {
    /// A source.
    fn source -> Source {
        id: req self::string,
        title: req self::string,
        publisher: req self::string,
        date: opt |r| opt(r, self::date),
        url: req self::string,
        kind: req self::source_kind,
        copy_of: opt |r| opt(r, self::string),
    }
}

record! {
    /// The release a file is.
    fn release -> Release {
        id: req self::string,
        date: req self::date,
    }
}

record! {
    /// One revised value in the change log.
    fn revision -> Revision {
        record: req self::string,
        field: req self::string,
        old: req self::string,
        new: req self::string,
        why: req self::string,
        source: req self::string,
    }
}

record! {
    /// One removed record in the change log.
    fn removal -> Removal {
        record: req self::string,
        why: req self::string,
    }
}

record! {
    /// What one release changed.
    fn change -> ChangeEntry {
        release: req self::string,
        date: req self::date,
        summary: req self::string,
        added: def self::strings,
        revised: def |r| list(r, self::revision),
        removed: def |r| list(r, self::removal),
    }
}

record! {
    /// Who attributed a theft, and how firmly.
    fn attribution -> Attribution {
        by: req self::strings,
        confidence: req self::confidence,
        contested: def self::flag,
        note: opt |r| opt(r, self::string),
    }
}

record! {
    /// A theft.
    fn incident -> Incident {
        id: req self::string,
        date: req self::date,
        date_note: opt |r| opt(r, self::string),
        victim: req self::string,
        category: req self::category,
        chains: req self::strings,
        assets: req self::strings,
        usd: req self::number,
        usd_low: opt |r| opt(r, self::number),
        usd_high: opt |r| opt(r, self::number),
        amount_note: opt |r| opt(r, self::string),
        vector: req self::vector,
        vector_detail: req self::string,
        actor: req self::string,
        attribution: req self::attribution,
        recovered_usd: opt |r| opt(r, self::number),
        recovered_note: opt |r| opt(r, self::string),
        summary: req self::string,
        sources: req self::strings,
    }
}

record! {
    /// A published figure.
    fn reported_total -> ReportedTotal {
        id: req self::string,
        publisher: req self::string,
        published: req self::date,
        period_start: req self::date,
        period_end: req self::date,
        year: opt |r| opt(r, |r| r.integer(i64::from(i32::MIN), i64::from(i32::MAX), "i32").map(|n| n as i32)),
        usd: req self::number,
        usd_high: opt |r| opt(r, self::number),
        incidents: opt |r| opt(r, |r| r.integer(0, i64::from(u32::MAX), "u32").map(|n| n as u32)),
        all_actors_usd: opt |r| opt(r, self::number),
        supersedes: opt |r| opt(r, self::string),
        note: opt |r| opt(r, self::string),
        derived: def self::flag,
        basis: opt |r| opt(r, self::string),
        source: req self::string,
    }
}

record! {
    /// A node of a laundering flow.
    fn flow_node -> FlowNode {
        id: req self::string,
        label: req self::string,
        stage: req |r: &mut Reader| r.integer(0, 255, "u8").map(|n| n as u8),
        kind: req self::node_kind,
    }
}

record! {
    /// An edge of a laundering flow.
    fn flow_edge -> FlowEdge {
        from: req self::string,
        to: req self::string,
        usd: req self::number,
        estimate: def self::flag,
        source: req self::string,
        note: opt |r| opt(r, self::string),
    }
}

record! {
    /// One incident's laundering flow.
    fn flow -> Flow {
        incident: req self::string,
        as_of: req self::date,
        theft_usd: req self::number,
        nodes: req |r| list(r, self::flow_node),
        edges: req |r| list(r, self::flow_edge),
    }
}

record! {
    /// An enforcement action.
    fn enforcement -> EnforcementEvent {
        id: req self::string,
        date: req self::date,
        authority: req self::string,
        kind: req self::enforcement_kind,
        title: req self::string,
        summary: req self::string,
        incidents: def self::strings,
        source: req self::string,
    }
}

/// A list of records read one by one: each that does not fit its type is recorded as a
/// problem (by list, index, record id and field) and the next is read all the same, so a
/// file's every such problem is listed at once. A text that is not JSON stops the reading.
pub fn records<T>(
    r: &mut Reader,
    key: &str,
    read: fn(&mut Reader) -> Result<T, Error>,
    problems: &mut Vec<(String, String)>,
) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    r.array("a sequence", &mut |r, k| {
        let start = r.position();
        match r.attempt(read)? {
            Ok(record) => out.push(record),
            Err(e) => {
                // Where in the record: the error's path after the record's own.
                let at = format!("{key}[{k}]");
                let field = e.path.strip_prefix(&at).unwrap_or("");
                let name =
                    record_name(r.text_between(start)).map(|id| format!(" ({id})")).unwrap_or_default();
                problems.push((format!("{at}{name}{field}"), e.message));
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// What a record is called in a message: its `id`, `incident` or `release` (the first it
/// has, in that order), cut to 60 characters.
fn record_name(text: &str) -> Option<String> {
    let mut names: [Option<String>; 3] = [None, None, None];
    let _ = Reader::new(text).object("a map", &mut |r, key| {
        match ["id", "incident", "release"].iter().position(|k| *k == key) {
            Some(k) if !r.null() => names[k] = r.string().ok(),
            _ => r.skip()?,
        }
        Ok(())
    });
    let name = names.into_iter().flatten().next()?;
    Some(if name.chars().count() <= 60 {
        name
    } else {
        format!("{}…", name.chars().take(60).collect::<String>())
    })
}

/// The part of the dataset kept in `data/meta.json`.
#[cfg(not(target_arch = "wasm32"))]
pub struct Meta {
    /// The schema version the files are written in.
    pub schema_version: u32,
    /// The dataset's title.
    pub title: String,
    /// The day the data was last checked.
    pub as_of: Date,
    /// The release.
    pub release: Release,
    /// Free text under the dashboard.
    pub notes: Option<String>,
}

#[cfg(not(target_arch = "wasm32"))]
record! {
    /// `data/meta.json`.
    fn meta -> Meta {
        schema_version: req |r: &mut Reader| r.integer(0, i64::from(u32::MAX), "u32").map(|n| n as u32),
        title: req self::string,
        as_of: req self::date,
        release: req self::release,
        notes: opt |r| opt(r, self::string),
    }
}

/// A whole text holding one value read by `read` (nothing may follow it).
#[cfg(not(target_arch = "wasm32"))]
pub fn whole<T>(text: &str, read: fn(&mut Reader) -> Result<T, Error>) -> Result<T, Error> {
    let mut r = Reader::new(text);
    let value = read(&mut r)?;
    r.end()?;
    Ok(value)
}
