//! Each record type of the dataset read from JSON by [`crate::json::Reader`], under the
//! schema's rules: every field known (an unknown or repeated one is refused), every required
//! one present, optional ones `null` or absent, lists defaulting to empty where the schema
//! says so. Messages use serde's words, so a file's maintainer reads what the published
//! schema's tools would say.

use crate::json::{required, Error, Fields, Reader};
use crate::model::{
    ActorKind, Attribution, Category, ChangeEntry, Confidence, Cooperation, CooperationKind, Currency, Date,
    DateBasis, EdgeBasis, EnforcementEvent, EnforcementKind, FigureScope, Flow, FlowEdge, FlowNode, Incident,
    NodeKind, Origin, Outlook, Rate, RateKind, Release, Removal, ReportedTotal, Revision, Source, SourceKind,
    StatedPart, StatusPoint, StatusStage, TranslatedText, Translation, TranslationMethod, Translations,
    Vector,
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
                if fields.which(r, key)?.is_none() {
                    // Given twice: the reader noted it; the first one counts meanwhile.
                    return r.skip();
                }
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

/// `null`, or a day.
pub(crate) fn optional_date(r: &mut Reader) -> Result<Option<Date>, Error> {
    opt(r, date)
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

fn origin(r: &mut Reader) -> Result<Origin, Error> {
    Ok(Origin::ALL[r.variant(&Origin::ALL.map(Origin::slug))?])
}

fn figure_scope(r: &mut Reader) -> Result<FigureScope, Error> {
    Ok(FigureScope::ALL[r.variant(&FigureScope::ALL.map(FigureScope::slug))?])
}

fn enforcement_kind(r: &mut Reader) -> Result<EnforcementKind, Error> {
    Ok(EnforcementKind::ALL[r.variant(&EnforcementKind::ALL.map(EnforcementKind::slug))?])
}

fn cooperation_kind(r: &mut Reader) -> Result<CooperationKind, Error> {
    Ok(CooperationKind::ALL[r.variant(&CooperationKind::ALL.map(CooperationKind::slug))?])
}

fn actor_kind(r: &mut Reader) -> Result<ActorKind, Error> {
    Ok(ActorKind::ALL[r.variant(&ActorKind::ALL.map(ActorKind::slug))?])
}

fn date_basis(r: &mut Reader) -> Result<DateBasis, Error> {
    Ok(DateBasis::ALL[r.variant(&DateBasis::ALL.map(DateBasis::slug))?])
}

fn currency(r: &mut Reader) -> Result<Currency, Error> {
    Ok(Currency::ALL[r.variant(&Currency::ALL.map(Currency::slug))?])
}

fn rate_kind(r: &mut Reader) -> Result<RateKind, Error> {
    Ok(RateKind::ALL[r.variant(&RateKind::ALL.map(RateKind::slug))?])
}

fn translation_method(r: &mut Reader) -> Result<TranslationMethod, Error> {
    Ok(TranslationMethod::ALL[r.variant(&TranslationMethod::ALL.map(TranslationMethod::slug))?])
}

/// An object of any keys, each value read by `read`; a key given twice is refused (JSON
/// readers differ on which one counts). Which keys are allowed is the validator's business,
/// so an unknown locale or field is reported with the record's name rather than refused here.
fn map<T>(
    r: &mut Reader,
    read: fn(&mut Reader) -> Result<T, Error>,
) -> Result<std::collections::BTreeMap<String, T>, Error> {
    let mut out = std::collections::BTreeMap::new();
    r.object("a map", &mut |r, key| {
        let value = read(r)?;
        if out.insert(key.to_string(), value).is_some() {
            return Err(r.object_error(format!("the key \"{key}\" is given twice; give it once")));
        }
        Ok(())
    })?;
    Ok(out)
}

/// A record's translations, by locale.
fn translations(r: &mut Reader) -> Result<Translations, Error> {
    map(r, self::translation)
}

record! {
    /// One field's text in another language.
    fn translated_text -> TranslatedText {
        text: req self::string,
        en_fingerprint: req self::string,
    }
}

record! {
    /// A record's texts in one locale.
    fn translation -> Translation {
        method: req self::translation_method,
        reviewed: req self::flag,
        texts: req |r| map(r, self::translated_text),
    }
}

record! {
    /// An exchange rate.
    fn rate -> Rate {
        currency: req self::currency,
        kind: req self::rate_kind,
        period: req self::string,
        per_usd: req self::number,
        source: req self::string,
        note: opt |r| opt(r, self::string),
    }
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
        origin: opt |r| opt(r, self::origin),
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
        translations: def self::translations,
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
        stated_share: opt |r| opt(r, self::number),
        scope: opt |r| opt(r, self::figure_scope),
        window_words: opt |r| opt(r, self::string),
        floor: def self::flag,
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
        translations: def self::translations,
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
        basis: opt |r| opt(r, self::edge_basis),
    }
}

record! {
    /// One incident's laundering flow.
    fn flow -> Flow {
        incident: req self::string,
        as_of: req self::date,
        theft_usd: req self::number,
        split_date: opt |r| opt(r, self::date),
        sum_note: opt |r| opt(r, self::string),
        nodes: req |r| list(r, self::flow_node),
        edges: req |r| list(r, self::flow_edge),
        status: def |r| list(r, self::status_point),
    }
}

record! {
    /// One route stage of a published split.
    fn status_stage -> StatusStage {
        label: req self::string,
        share: opt |r| opt(r, self::number),
        usd: opt |r| opt(r, self::number),
    }
}

record! {
    /// A flow's split as published on one day.
    fn status_point -> StatusPoint {
        date: req self::date,
        date_basis: def self::date_basis,
        date_note: opt |r| opt(r, self::string),
        traceable: opt |r| opt(r, self::number),
        untraceable: opt |r| opt(r, self::number),
        frozen: opt |r| opt(r, self::number),
        recovered: opt |r| opt(r, self::number),
        traceable_usd: opt |r| opt(r, self::number),
        untraceable_usd: opt |r| opt(r, self::number),
        frozen_usd: opt |r| opt(r, self::number),
        recovered_usd: opt |r| opt(r, self::number),
        stages: def |r| list(r, self::status_stage),
        basis: opt |r| opt(r, self::string),
        note: opt |r| opt(r, self::string),
        sources: req self::strings,
        quote: req self::string,
    }
}

record! {
    /// A freeze, seizure, recovery or refusal after a theft.
    fn cooperation -> Cooperation {
        id: req self::string,
        date: req self::date,
        date_basis: def self::date_basis,
        date_note: opt |r| opt(r, self::string),
        actor: req self::string,
        actor_kind: req self::actor_kind,
        incidents: def self::strings,
        kind: req self::cooperation_kind,
        usd: opt |r| opt(r, self::number),
        floor: def self::flag,
        returned: def self::flag,
        within: opt |r| opt(r, self::string),
        enforcement: opt |r| opt(r, self::string),
        response: opt |r| opt(r, self::string),
        response_hours: opt |r| opt(r, self::number),
        summary: req self::string,
        note: opt |r| opt(r, self::string),
        sources: req self::strings,
        quote: req self::string,
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
        translations: def self::translations,
    }
}

record! {
    /// A publisher's latest figure and its next expected one.
    fn outlook -> Outlook {
        publisher: req self::string,
        latest: req self::string,
        cadence: req self::string,
        next: req self::string,
        next_from: opt |r| opt(r, self::date),
        next_to: opt |r| opt(r, self::date),
        basis: req self::string,
    }
}

record! {
    /// One of several stated figures adding up to an edge's amount.
    fn stated_part -> StatedPart {
        usd: req self::number,
        source: opt |r| opt(r, self::string),
    }
}

/// Every field any kind of edge basis may have; `kind` says which apply.
const BASIS_FIELDS: &[&str] = &[
    "kind",
    "quote",
    "tokens_stated",
    "lower_bound",
    "parts",
    "amount",
    "token",
    "price_usd",
    "price_date",
    "price_source",
    "price_note",
    "share",
    "of_usd",
    "of",
    "less_edges",
    "why",
    "of_edges",
];

/// The kinds of edge basis and the fields each has (after `kind`).
const BASIS_KINDS: [(&str, &[&str]); 5] = [
    ("stated", &["quote", "tokens_stated", "lower_bound", "parts"]),
    ("tokens", &["amount", "token", "price_usd", "price_date", "price_source", "price_note", "quote"]),
    ("share", &["share", "of_usd", "of", "quote"]),
    ("remainder", &["of_usd", "less_edges", "why"]),
    ("carried", &["of_edges", "why"]),
];

/// Every value an edge basis may hold, as read before its kind is known.
#[derive(Default)]
struct BasisFields {
    quote: Option<Option<String>>,
    tokens_stated: Option<Option<String>>,
    lower_bound: Option<bool>,
    parts: Option<Vec<StatedPart>>,
    amount: Option<f64>,
    token: Option<String>,
    price_usd: Option<f64>,
    price_date: Option<Date>,
    price_source: Option<String>,
    price_note: Option<Option<String>>,
    share: Option<f64>,
    of_usd: Option<f64>,
    of: Option<Option<String>>,
    less_edges: Option<Vec<String>>,
    why: Option<String>,
    of_edges: Option<Vec<String>>,
}

/// What a flow edge's amount rests on: an object tagged by `kind` (which may come anywhere
/// in it), holding that kind's fields and no other.
fn edge_basis(r: &mut Reader) -> Result<EdgeBasis, Error> {
    let mut fields = Fields::new(BASIS_FIELDS);
    let mut kind: Option<usize> = None;
    let mut given: Vec<&'static str> = Vec::new();
    let mut f = BasisFields::default();
    r.object("internally tagged enum EdgeBasis", &mut |r, key| {
        let Some(k) = fields.which(r, key)? else { return r.skip() };
        given.push(BASIS_FIELDS[k]);
        match key {
            "kind" => kind = Some(r.variant(&BASIS_KINDS.map(|(name, _)| name))?),
            "quote" => f.quote = Some(opt(r, self::string)?),
            "tokens_stated" => f.tokens_stated = Some(opt(r, self::string)?),
            "lower_bound" => f.lower_bound = Some(r.bool()?),
            "parts" => f.parts = Some(list(r, self::stated_part)?),
            "amount" => f.amount = Some(r.f64()?),
            "token" => f.token = Some(r.string()?),
            "price_usd" => f.price_usd = Some(r.f64()?),
            "price_date" => f.price_date = Some(date(r)?),
            "price_source" => f.price_source = Some(r.string()?),
            "price_note" => f.price_note = Some(opt(r, self::string)?),
            "share" => f.share = Some(r.f64()?),
            "of_usd" => f.of_usd = Some(r.f64()?),
            "of" => f.of = Some(opt(r, self::string)?),
            "less_edges" => f.less_edges = Some(r.strings()?),
            "why" => f.why = Some(r.string()?),
            _ => f.of_edges = Some(r.strings()?),
        }
        Ok(())
    })?;
    let kind = required(kind, "kind", r)?;
    let (_, allowed) = BASIS_KINDS[kind];
    if let Some(stray) = given.iter().find(|g| **g != "kind" && !allowed.contains(g)) {
        return Err(r.error(format!("unknown field `{stray}`, expected {}", crate::json::one_of(allowed))));
    }
    Ok(match kind {
        0 => EdgeBasis::Stated {
            quote: f.quote.flatten(),
            tokens_stated: f.tokens_stated.flatten(),
            lower_bound: f.lower_bound.unwrap_or_default(),
            parts: f.parts.unwrap_or_default(),
        },
        1 => EdgeBasis::Tokens {
            amount: required(f.amount, "amount", r)?,
            token: required(f.token, "token", r)?,
            price_usd: required(f.price_usd, "price_usd", r)?,
            price_date: required(f.price_date, "price_date", r)?,
            price_source: required(f.price_source, "price_source", r)?,
            price_note: f.price_note.flatten(),
            quote: f.quote.flatten(),
        },
        2 => EdgeBasis::Share {
            share: required(f.share, "share", r)?,
            of_usd: required(f.of_usd, "of_usd", r)?,
            of: f.of.flatten(),
            quote: f.quote.flatten(),
        },
        3 => EdgeBasis::Remainder {
            of_usd: required(f.of_usd, "of_usd", r)?,
            less_edges: required(f.less_edges, "less_edges", r)?,
            why: required(f.why, "why", r)?,
        },
        _ => EdgeBasis::Carried {
            of_edges: required(f.of_edges, "of_edges", r)?,
            why: required(f.why, "why", r)?,
        },
    })
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
pub(crate) struct Meta {
    /// The schema version the files are written in.
    pub schema_version: u32,
    /// The dataset's title.
    pub title: String,
    /// The day the data was last checked.
    pub as_of: Date,
    /// The publication day of the newest evidence read.
    pub evidence_horizon: Option<Date>,
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
        evidence_horizon: opt |r| opt(r, self::date),
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
