//! A checked dataset in a compact form of our own, so that the page can show a dataset the
//! build (or the checker's worker) has already read and checked without carrying the JSON
//! record readers and the validator itself.
//!
//! The form is one JSON array, so it is served (and compressed) as JSON anywhere:
//!
//! ```text
//! ["heist-ledger checked dataset",VERSION,"SOURCE","CHECK",LENGTH,VALUE,VALUE,…]
//! ```
//!
//! `SOURCE` is [`crate::load::fingerprint`] of the JSON file the dataset was read from (the
//! first view records the same, so the page adopts what is on screen); the body is every
//! value after `LENGTH`, each preceded by its comma, up to the closing bracket: `LENGTH`
//! bytes whose fingerprint is `CHECK`, so a file cut short or changed on the way is named as
//! damaged before anything is read from it. The values follow the dataset's types field by
//! field in the order the `record!` lists below give (one list for writing and reading, so
//! the two cannot drift): strings and numbers as JSON writes them, a date as the number
//! `YYYYMMDD`, an enum as its position in the type's `ALL`, a list or a map as its length
//! then its items, an absent optional value as `null`.
//!
//! A refusal (the worker's answer for a file that did not pass) has the same frame with
//! [`REFUSAL`] as its first word: the summary, then each problem's location and message.

use std::collections::BTreeMap;

use crate::json::{Reader, Writer};
use crate::load::LoadError;
use crate::model::{
    ActorKind, Attribution, Category, ChangeEntry, Confidence, Cooperation, CooperationKind, Currency,
    Dataset, Date, DateBasis, EdgeBasis, EnforcementEvent, EnforcementKind, FigureScope, Flow, FlowEdge,
    FlowNode, Incident, NodeKind, Origin, Outlook, Rate, RateKind, Release, Removal, ReportedTotal, Revision,
    Source, SourceIndex, SourceKind, StatedPart, StatusPoint, StatusStage, TranslatedText, Translation,
    TranslationMethod, Vector,
};
use crate::validate::Problem;

/// The first word of a checked dataset.
pub const FORMAT: &str = "heist-ledger checked dataset";
/// The first word of a refusal: why a file did not pass.
pub const REFUSAL: &str = "heist-ledger refusal";
/// The version of the form this build writes and reads; another one is refused by its number.
pub const VERSION: i64 = 1;

/// Why a compact form could not be read (in words that follow "it").
type Why = String;

/// Where values are written: each after its comma.
struct Out(Writer);

impl Out {
    fn next(&mut self) -> &mut Writer {
        self.0.raw(",")
    }
}

/// The values of a body, read one after another. Reading never stops half-way through a
/// record: a value that cannot be read is noted (the first such) and a placeholder stands in,
/// and every later read gives a placeholder at once. The caller checks [`In::failed`] once at
/// the end. (A read that returned early would need code to drop every field read so far, for
/// every field of every record: the larger part of a reader written that way.)
struct In<'a> {
    r: Reader<'a>,
    /// The comma before the value ahead was already read (by a look for `null`).
    ready: bool,
    /// The first value that could not be read, and why.
    failed: Option<Why>,
}

impl<'a> In<'a> {
    /// The value `read` gives at the next value, or `placeholder` once anything failed.
    fn value<T>(
        &mut self,
        placeholder: T,
        read: impl FnOnce(&mut Reader<'a>) -> Result<T, crate::json::Error>,
    ) -> T {
        if self.failed.is_some() {
            return placeholder;
        }
        let at = if std::mem::take(&mut self.ready) { Ok(()) } else { self.r.eat(b',') };
        match at.and_then(|()| read(&mut self.r)) {
            Ok(v) => v,
            Err(e) => {
                self.failed = Some(e.message);
                placeholder
            }
        }
    }

    /// The next value is `null` (read), or not (left for its reader).
    fn absent(&mut self) -> bool {
        let null = self.value(true, |r| Ok(r.null()));
        self.ready = !null && self.failed.is_none();
        null
    }

    /// A whole number from 0 to `max` (0 once anything failed).
    fn count(&mut self, max: usize) -> usize {
        self.value(0, |r| r.integer(0, max as i64, "a count")) as usize
    }
}

/// A type written and read as values of the compact form.
trait Code: Sized {
    fn put(&self, o: &mut Out);
    /// The value ahead, or a placeholder when it cannot be read ([`In`] notes why).
    fn take(i: &mut In) -> Self;
}

impl Code for String {
    fn put(&self, o: &mut Out) {
        o.next().string(self);
    }
    fn take(i: &mut In) -> Self {
        i.value(String::new(), Reader::string)
    }
}

impl Code for f64 {
    fn put(&self, o: &mut Out) {
        o.next().number(*self);
    }
    fn take(i: &mut In) -> Self {
        i.value(0.0, Reader::f64)
    }
}

impl Code for bool {
    fn put(&self, o: &mut Out) {
        o.next().raw(if *self { "true" } else { "false" });
    }
    fn take(i: &mut In) -> Self {
        i.value(false, Reader::bool)
    }
}

/// Whole numbers of the dataset (a node's stage, a figure's year and count).
macro_rules! whole {
    ($($ty:ty),*) => {$(
        impl Code for $ty {
            fn put(&self, o: &mut Out) {
                o.next().number(f64::from(*self));
            }
            fn take(i: &mut In) -> Self {
                let n = i.value(0, |r| r.integer(i64::from(<$ty>::MIN), i64::from(<$ty>::MAX), stringify!($ty)));
                n as $ty
            }
        }
    )*};
}
whole!(u8, u32, i32);

impl Code for Date {
    fn put(&self, o: &mut Out) {
        let n = i64::from(self.year()) * 10_000 + i64::from(self.month()) * 100 + i64::from(self.day());
        o.next().number(n as f64);
    }
    fn take(i: &mut In) -> Self {
        let n = i.value(20_090_101, |r| r.integer(0, 99_991_231, "a date"));
        // `Date::new` makes any parts a real day; the check above keeps them the written ones.
        Date::new((n / 10_000) as i32, (n / 100 % 100) as u8, (n % 100) as u8)
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, o: &mut Out) {
        match self {
            Some(v) => v.put(o),
            None => {
                o.next().raw("null");
            }
        }
    }
    fn take(i: &mut In) -> Self {
        if i.absent() {
            None
        } else {
            Some(T::take(i))
        }
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, o: &mut Out) {
        o.next().number(self.len() as f64);
        for v in self {
            v.put(o);
        }
    }
    fn take(i: &mut In) -> Self {
        // Each item takes at least two bytes: a length past that is a damaged file. Room is
        // made for a few items only, so a crafted length cannot ask for much memory at once.
        let n = i.count(i.r.remaining() / 2);
        let mut out = Vec::with_capacity(n.min(256));
        while out.len() < n && i.failed.is_none() {
            out.push(T::take(i));
        }
        out
    }
}

impl<T: Code> Code for BTreeMap<String, T> {
    fn put(&self, o: &mut Out) {
        o.next().number(self.len() as f64);
        for (k, v) in self {
            k.put(o);
            v.put(o);
        }
    }
    fn take(i: &mut In) -> Self {
        let n = i.count(i.r.remaining() / 4);
        let mut out = BTreeMap::new();
        for _ in 0..n {
            let k = String::take(i);
            let v = T::take(i);
            if i.failed.is_some() {
                break;
            }
            out.insert(k, v);
        }
        out
    }
}

/// Enums without data: their position in `ALL`.
macro_rules! unit {
    ($($ty:ident),*) => {$(
        impl Code for $ty {
            fn put(&self, o: &mut Out) {
                let at = $ty::ALL.iter().position(|v| v == self).unwrap_or(0);
                o.next().number(at as f64);
            }
            fn take(i: &mut In) -> Self {
                $ty::ALL[i.count($ty::ALL.len() - 1)]
            }
        }
    )*};
}
unit!(
    Origin,
    SourceKind,
    Category,
    Vector,
    Confidence,
    FigureScope,
    NodeKind,
    EnforcementKind,
    CooperationKind,
    ActorKind,
    DateBasis,
    Currency,
    RateKind,
    TranslationMethod
);

/// The dataset's index of its sources is not data: written as nothing, read as a new one.
impl Code for SourceIndex {
    fn put(&self, _: &mut Out) {}
    fn take(_: &mut In) -> Self {
        SourceIndex::default()
    }
}

/// A record type: its fields in the order they are written and read.
macro_rules! record {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Code for $ty {
            fn put(&self, o: &mut Out) {
                $(self.$field.put(o);)*
            }
            fn take(i: &mut In) -> Self {
                $ty { $($field: Code::take(i)),* }
            }
        }
    )*};
}

record! {
    Dataset {
        schema_version, title, as_of, evidence_horizon, release, changes, notes, sources, incidents,
        reported_totals, flows, enforcement, cooperation, outlook, rates, source_index,
    }
    Release { id, date }
    ChangeEntry { release, date, summary, added, revised, removed }
    Revision { record, field, old, new, why, source }
    Removal { record, why }
    Source { id, title, publisher, date, url, kind, copy_of, origin }
    Incident {
        id, date, date_note, victim, category, chains, assets, usd, usd_low, usd_high, amount_note,
        vector, vector_detail, actor, attribution, recovered_usd, recovered_note, summary, sources,
        translations,
    }
    Attribution { by, confidence, contested, note }
    TranslatedText { text, en_fingerprint }
    Translation { method, reviewed, texts }
    ReportedTotal {
        id, publisher, published, period_start, period_end, year, usd, usd_high, incidents,
        all_actors_usd, supersedes, note, derived, basis, stated_share, scope, window_words, floor,
        source,
    }
    FlowNode { id, label, stage, kind, translations }
    FlowEdge { from, to, usd, estimate, source, note, basis }
    StatedPart { usd, source }
    Flow { incident, as_of, theft_usd, split_date, sum_note, nodes, edges, status }
    StatusStage { label, share, usd }
    StatusPoint {
        date, date_basis, date_note, traceable, untraceable, frozen, recovered, traceable_usd,
        untraceable_usd, frozen_usd, recovered_usd, stages, basis, note, sources, quote,
    }
    Cooperation {
        id, date, date_basis, date_note, actor, actor_kind, incidents, kind, usd, floor, returned,
        within, enforcement, response, response_hours, summary, note, sources, quote,
    }
    EnforcementEvent { id, date, authority, kind, title, summary, incidents, source, translations }
    Outlook { publisher, latest, cadence, next, next_from, next_to, basis }
    Rate { currency, kind, period, per_usd, source, note }
}

impl Code for EdgeBasis {
    fn put(&self, o: &mut Out) {
        o.next().number(f64::from(match self {
            EdgeBasis::Stated { .. } => 0u8,
            EdgeBasis::Tokens { .. } => 1,
            EdgeBasis::Share { .. } => 2,
            EdgeBasis::Remainder { .. } => 3,
            EdgeBasis::Carried { .. } => 4,
        }));
        match self {
            EdgeBasis::Stated { quote, tokens_stated, lower_bound, parts } => {
                quote.put(o);
                tokens_stated.put(o);
                lower_bound.put(o);
                parts.put(o);
            }
            EdgeBasis::Tokens { amount, token, price_usd, price_date, price_source, price_note, quote } => {
                amount.put(o);
                token.put(o);
                price_usd.put(o);
                price_date.put(o);
                price_source.put(o);
                price_note.put(o);
                quote.put(o);
            }
            EdgeBasis::Share { share, of_usd, of, quote } => {
                share.put(o);
                of_usd.put(o);
                of.put(o);
                quote.put(o);
            }
            EdgeBasis::Remainder { of_usd, less_edges, why } => {
                of_usd.put(o);
                less_edges.put(o);
                why.put(o);
            }
            EdgeBasis::Carried { of_edges, why } => {
                of_edges.put(o);
                why.put(o);
            }
        }
    }
    fn take(i: &mut In) -> Self {
        match i.count(4) {
            0 => EdgeBasis::Stated {
                quote: Code::take(i),
                tokens_stated: Code::take(i),
                lower_bound: Code::take(i),
                parts: Code::take(i),
            },
            1 => EdgeBasis::Tokens {
                amount: Code::take(i),
                token: Code::take(i),
                price_usd: Code::take(i),
                price_date: Code::take(i),
                price_source: Code::take(i),
                price_note: Code::take(i),
                quote: Code::take(i),
            },
            2 => EdgeBasis::Share {
                share: Code::take(i),
                of_usd: Code::take(i),
                of: Code::take(i),
                quote: Code::take(i),
            },
            3 => {
                EdgeBasis::Remainder { of_usd: Code::take(i), less_edges: Code::take(i), why: Code::take(i) }
            }
            _ => EdgeBasis::Carried { of_edges: Code::take(i), why: Code::take(i) },
        }
    }
}

/// A refusal's contents: the summary and every problem.
struct Refused {
    summary: String,
    problems: Vec<(String, String)>,
}

impl Code for Refused {
    fn put(&self, o: &mut Out) {
        self.summary.put(o);
        o.next().number(self.problems.len() as f64);
        for (at, what) in &self.problems {
            at.put(o);
            what.put(o);
        }
    }
    fn take(i: &mut In) -> Self {
        let summary = String::take(i);
        let n = i.count(i.r.remaining() / 4);
        let mut problems = Vec::new();
        while problems.len() < n && i.failed.is_none() {
            problems.push((String::take(i), String::take(i)));
        }
        Refused { summary, problems }
    }
}

/// `body` framed: the first word, the version, the source's fingerprint and the body's check.
fn frame(word: &str, source: &str, body: Out) -> String {
    let text = body.0.finish();
    let mut head = Writer::new();
    head.raw("[").string(word).raw(",").number(VERSION as f64).raw(",").string(source);
    head.raw(",").string(&super::fingerprint(text.as_bytes())).raw(",").number(text.len() as f64);
    format!("{}{text}]\n", head.finish())
}

/// The compact form of a checked dataset read from a file whose fingerprint is `source`.
pub fn encode(data: &Dataset, source: &str) -> String {
    let mut o = Out(Writer::new());
    data.put(&mut o);
    frame(FORMAT, source, o)
}

/// The compact form of a refusal: why a file did not pass.
pub fn encode_refusal(e: &LoadError) -> String {
    let refused = Refused {
        summary: e.summary.clone(),
        problems: e.problems.iter().map(|p| (p.location.clone(), p.message.clone())).collect(),
    };
    let mut o = Out(Writer::new());
    refused.put(&mut o);
    frame(REFUSAL, "", o)
}

/// Reads a compact form: the dataset with the fingerprint of the file it was read from, or,
/// for a refusal, the refusal itself. `name` names the compact file in every other error
/// (one that is not this form, another version, damaged or cut short). Never panics.
pub fn decode(bytes: &[u8], name: &str) -> Result<(Dataset, String), LoadError> {
    let damaged = |why: String| LoadError {
        summary: format!("Cannot use the data file {name}: it is not a checked dataset this page can read"),
        problems: vec![Problem::new("file", why)],
    };
    let text = std::str::from_utf8(bytes).map_err(|_| damaged("is not UTF-8 text".to_string()))?;
    let mut r = Reader::new(text);
    let head = read_head(&mut r).map_err(|why| damaged(format!("does not start as one: {why}")))?;
    let (word, version, source, check, length) = head;
    if word != FORMAT && word != REFUSAL {
        return Err(damaged(format!("starts with \"{}\", not \"{FORMAT}\"", clip(&word))));
    }
    if version != VERSION {
        return Err(damaged(format!(
            "is of version {version} of the form; this page reads version {VERSION}: rebuild the site"
        )));
    }
    let start = r.position();
    let body = text.get(start..start.saturating_add(length));
    if body.map(|b| super::fingerprint(b.as_bytes())) != Some(check) {
        return Err(damaged(format!(
            "is damaged or cut short: its {length} bytes of values do not match their check"
        )));
    }
    let mut i = In { r, ready: false, failed: None };
    if word == REFUSAL {
        let refused = read_all::<Refused>(&mut i).map_err(damaged)?;
        return Err(LoadError {
            summary: refused.summary,
            problems: refused.problems.into_iter().map(|(at, what)| Problem::new(at, what)).collect(),
        });
    }
    let data = read_all::<Dataset>(&mut i).map_err(damaged)?;
    Ok((data, source))
}

/// The frame's values: first word, version, source, check and the body's length.
fn read_head(r: &mut Reader) -> Result<(String, i64, String, String, usize), Why> {
    let m = |e: crate::json::Error| e.message;
    r.eat(b'[').map_err(m)?;
    let word = r.string().map_err(m)?;
    r.eat(b',').map_err(m)?;
    let version = r.integer(0, i64::from(u32::MAX), "a version").map_err(m)?;
    r.eat(b',').map_err(m)?;
    let source = r.string().map_err(m)?;
    r.eat(b',').map_err(m)?;
    let check = r.string().map_err(m)?;
    r.eat(b',').map_err(m)?;
    let length = r.integer(0, i64::from(u32::MAX), "a length").map_err(m)?;
    Ok((word, version, source, check, length as usize))
}

/// A `T` and the end of the frame: nothing may follow.
fn read_all<T: Code>(i: &mut In) -> Result<T, Why> {
    let value = T::take(i);
    if let Some(why) = i.failed.take() {
        return Err(why);
    }
    let m = |e: crate::json::Error| format!("holds more than its values: {}", e.message);
    i.r.eat(b']').map_err(m)?;
    i.r.end().map_err(m)?;
    Ok(value)
}

/// At most 40 characters of a word from the file, for a message.
fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}
