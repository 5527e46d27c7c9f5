//! Checks a parsed dataset for everything its types cannot express, and reports every
//! problem at once, each naming the record and the field.

use crate::decimal::{exponent, shortest, Fixed, Shortest};
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::model::{Confidence, Dataset, Date, EdgeBasis, Flow, NodeKind, Origin, SourceKind};

mod after;
mod sourced;
pub use after::SHARES_TOLERANCE;
pub use sourced::{incident_fields, incident_translation_problems};

/// The earliest date a record may carry.
pub(crate) const EARLIEST_DATE: Date = Date::BITCOIN_ERA_START;

/// How much more a flow node may send out than it received before it is reported: 0.5 % of
/// its inflow plus one dollar, to absorb rounding in published percentages.
pub(crate) const FLOW_TOLERANCE_SHARE: f64 = 0.005;

/// The smallest non-zero amount accepted, in dollars.
pub(crate) const MIN_USD: f64 = 1.0;
/// The largest amount accepted: ten trillion dollars, far above any theft.
pub(crate) const MAX_USD: f64 = 1e13;

/// A number as a reader can take it in, however large or small (`1e308`, `5e-324`).
fn short_number(v: f64) -> String {
    if (1e-3..1e15).contains(&v.abs()) {
        shortest(v)
    } else {
        exponent(v)
    }
}

/// A problem found in the data, located precisely enough for a maintainer to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `incidents[3] (bybit-2025).usd`, or `file` for the file as a whole.
    pub location: String,
    /// What is wrong, in words.
    pub message: String,
}

impl Problem {
    /// A problem at `location`. Both are cut short (400 and 1,000 characters) when a value
    /// from the file makes them longer: a panel of problems stays readable whatever it echoes.
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { location: cut(location.into(), 400), message: cut(message.into(), 1_000) }
    }
}

/// `s` cut to `max` characters with an ellipsis.
fn cut(s: String, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s,
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Names a record in a list: `incidents[3] (bybit-2025)`; an id too long to read is cut
/// to 60 characters (its own problem says how long it is).
fn at(list: &str, index: usize, id: &str) -> String {
    if id.is_empty() {
        format!("{list}[{index}]")
    } else {
        format!("{list}[{index}] ({})", cut(id.to_string(), 60))
    }
}

/// Collects problems with the location prefix of the record being checked.
struct Checker<'a> {
    problems: &'a mut Vec<Problem>,
    record: String,
}

impl Checker<'_> {
    fn report(&mut self, field: &str, message: impl Into<String>) {
        let location = match (self.record.is_empty(), field.is_empty()) {
            (_, true) => self.record.clone(),
            (true, false) => field.to_string(),
            (false, false) => format!("{}.{field}", self.record),
        };
        self.problems.push(Problem::new(location, message));
    }

    fn amount(&mut self, field: &str, value: f64) {
        if !value.is_finite() {
            self.report(field, format!("must be a finite number of dollars, got {}", Shortest(value)));
        } else if value < 0.0 {
            self.report(field, format!("must not be negative, got {}", Shortest(value)));
        } else if value != 0.0 && !(MIN_USD..=MAX_USD).contains(&value) {
            // Tiny (even subnormal) or astronomical values pass `is_finite` but break every
            // ratio, scale and label drawn from them; no real amount is outside this range.
            self.report(
                field,
                format!("must be 0 or between $1 and $10 trillion, got {}", short_number(value)),
            );
        }
    }

    fn date(&mut self, field: &str, date: Date, today: Date) {
        if date < EARLIEST_DATE || date > today {
            self.report(
                field,
                format!("{date} is outside {EARLIEST_DATE}..{today} (before Bitcoin, or in the future)"),
            );
        }
    }

    fn text(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(field, "must not be empty");
        }
    }

    fn source_ref(&mut self, field: &str, id: &str, known: &HashSet<&str>) {
        if !known.contains(id) {
            self.report(field, format!("cites source \"{id}\", which is not in `sources`"));
        }
    }

    /// Free text: every `[source-id]` it cites must be a source.
    fn prose(&mut self, field: &str, value: &str, known: &HashSet<&str>) {
        for id in bracketed_ids(value) {
            if !known.contains(id) {
                self.report(field, format!("cites [{id}] in its text, which is not in `sources`"));
            }
        }
    }
}

/// True for a word that looks like a record id: lowercase letters, digits, dots and hyphens,
/// with at least one hyphen (`chainalysis-2025-theft`).
fn is_slug(word: &str) -> bool {
    word.contains('-')
        && !word.starts_with('-')
        && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

/// The source ids cited in square brackets in free text: `[id]`, or several as `[a; b]` or
/// `[a, b]`. Brackets holding anything other than ids (`[sic]`, `[PDF]`) are not citations.
pub fn bracketed_ids(text: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inside = &after[..close];
        let words: Vec<&str> = inside.split([';', ',']).map(str::trim).collect();
        if !words.is_empty() && words.iter().all(|w| is_slug(w)) {
            ids.extend(words);
        }
        rest = &after[close + 1..];
    }
    ids
}

/// Reports ids that occur more than once in a list.
fn duplicate_ids<'a>(
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (index, id) in ids.enumerate() {
        if id.trim().is_empty() {
            problems.push(Problem::new(format!("{list}[{index}].id"), "must not be empty"));
        } else if !seen.insert(id) {
            problems.push(Problem::new(
                format!("{}.id", at(list, index, id)),
                format!("duplicate id \"{id}\": ids must be unique within `{list}`"),
            ));
        }
    }
    seen
}

/// Every problem in `data`, in file order. `today` bounds dates from above.
pub fn validate(data: &Dataset, today: Date) -> Vec<Problem> {
    let mut problems = Vec::new();
    let source_ids = duplicate_ids("sources", data.sources.iter().map(|s| s.id.as_str()), &mut problems);
    let incident_ids =
        duplicate_ids("incidents", data.incidents.iter().map(|i| i.id.as_str()), &mut problems);
    let total_ids =
        duplicate_ids("reported_totals", data.reported_totals.iter().map(|t| t.id.as_str()), &mut problems);
    duplicate_ids("enforcement", data.enforcement.iter().map(|e| e.id.as_str()), &mut problems);

    let mut top = Checker { problems: &mut problems, record: String::new() };
    top.record = "as_of".into();
    top.date("", data.as_of, today);

    for (index, source) in data.sources.iter().enumerate() {
        let mut c = Checker { problems: &mut problems, record: at("sources", index, &source.id) };
        c.text("title", &source.title);
        c.text("publisher", &source.publisher);
        if let Some(date) = source.date {
            c.date("date", date, today);
        }
        match (source.kind, &source.copy_of) {
            (SourceKind::Copy, None) => c.report("copy_of", "a copy must say whose text it reproduces"),
            (SourceKind::Copy, Some(of)) => c.text("copy_of", of),
            (kind, Some(_)) => c.report(
                "copy_of",
                format!("only a copy names an original, but this source is {}", kind.slug()),
            ),
            (_, None) => {}
        }
        c.prose("title", &source.title, &source_ids);
    }

    for (index, incident) in data.incidents.iter().enumerate() {
        let mut c = Checker { problems: &mut problems, record: at("incidents", index, &incident.id) };
        c.date("date", incident.date, today);
        c.text("victim", &incident.victim);
        c.text("actor", &incident.actor);
        c.text("summary", &incident.summary);
        c.amount("usd", incident.usd);
        if let Some(low) = incident.usd_low {
            c.amount("usd_low", low);
            if low > incident.usd {
                c.report(
                    "usd_low",
                    format!(
                        "low estimate {} is above the best estimate {}",
                        Shortest(low),
                        Shortest(incident.usd)
                    ),
                );
            }
        }
        if let Some(high) = incident.usd_high {
            c.amount("usd_high", high);
            if high < incident.usd {
                c.report(
                    "usd_high",
                    format!(
                        "high estimate {} is below the best estimate {}",
                        Shortest(high),
                        Shortest(incident.usd)
                    ),
                );
            }
        }
        if let (Some(low), Some(high)) = (incident.usd_low, incident.usd_high) {
            if low > high {
                c.report(
                    "usd_low",
                    format!("low estimate {} is above the high estimate {}", Shortest(low), Shortest(high)),
                );
            }
        }
        if let Some(recovered) = incident.recovered_usd {
            c.amount("recovered_usd", recovered);
        }
        if incident.attribution.by.is_empty() {
            c.report("attribution.by", "must name at least one body that made the attribution");
        }
        if incident.sources.is_empty() {
            c.report("sources", "must cite at least one source");
        }
        for (k, id) in incident.sources.iter().enumerate() {
            c.source_ref(&format!("sources[{k}]"), id, &source_ids);
        }
        if incident.attribution.confidence == Confidence::Official
            && !incident.sources.is_empty()
            && !incident
                .sources
                .iter()
                .any(|id| data.source_kind(id).is_some_and(SourceKind::is_primary_or_copy))
        {
            c.report(
                "sources",
                "is rated official but cites no primary source or copy of one; cite the attribution's own text or lower the confidence",
            );
        }
        for (field, text) in [
            ("date_note", incident.date_note.as_deref()),
            ("amount_note", incident.amount_note.as_deref()),
            ("vector_detail", Some(incident.vector_detail.as_str())),
            ("attribution.note", incident.attribution.note.as_deref()),
            ("recovered_note", incident.recovered_note.as_deref()),
            ("summary", Some(incident.summary.as_str())),
        ] {
            if let Some(text) = text {
                c.prose(field, text, &source_ids);
            }
        }
    }

    for (index, total) in data.reported_totals.iter().enumerate() {
        let mut c = Checker { problems: &mut problems, record: at("reported_totals", index, &total.id) };
        c.text("publisher", &total.publisher);
        c.amount("usd", total.usd);
        if let Some(high) = total.usd_high {
            c.amount("usd_high", high);
            if high < total.usd {
                c.report(
                    "usd_high",
                    format!("high end {} is below the low end {}", Shortest(high), Shortest(total.usd)),
                );
            }
        }
        if let Some(all) = total.all_actors_usd {
            c.amount("all_actors_usd", all);
            if all < total.usd {
                c.report(
                    "all_actors_usd",
                    format!(
                        "theft by all actors ({}) is below the DPRK figure ({})",
                        Shortest(all),
                        Shortest(total.usd)
                    ),
                );
            }
        }
        c.date("published", total.published, today);
        c.date("period_start", total.period_start, today);
        c.date("period_end", total.period_end, today);
        if total.period_start > total.period_end {
            c.report(
                "period_end",
                format!("period ends ({}) before it starts ({})", total.period_end, total.period_start),
            );
        }
        if let Some(year) = total.year {
            if total.period_start.year() != year || total.period_end.year() != year {
                c.report(
                    "year",
                    format!(
                        "year {year} disagrees with the period {}..{}",
                        total.period_start, total.period_end
                    ),
                );
            }
        }
        if let Some(old) = &total.supersedes {
            if !total_ids.contains(old.as_str()) {
                c.report("supersedes", format!("names \"{old}\", which is not a reported total"));
            } else if old == &total.id {
                c.report("supersedes", "a figure cannot supersede itself");
            }
        }
        c.source_ref("source", &total.source, &source_ids);
        if total.derived && total.basis.as_deref().is_none_or(|b| b.trim().is_empty()) {
            c.report("basis", "a derived figure must say how it was derived");
        }
        for (field, text) in [("note", total.note.as_deref()), ("basis", total.basis.as_deref())] {
            if let Some(text) = text {
                c.prose(field, text, &source_ids);
            }
        }
    }

    let mut stage_of: HashMap<&str, (u8, String)> = HashMap::new();
    for (index, flow) in data.flows.iter().enumerate() {
        let record = at("flows", index, &flow.incident);
        let mut c = Checker { problems: &mut problems, record: record.clone() };
        if !incident_ids.contains(flow.incident.as_str()) {
            c.report("incident", format!("names \"{}\", which is not an incident id", flow.incident));
        }
        c.date("as_of", flow.as_of, today);
        c.amount("theft_usd", flow.theft_usd);
        check_flow(flow, &record, &source_ids, &mut stage_of, &mut problems);
    }

    for (index, event) in data.enforcement.iter().enumerate() {
        let mut c = Checker { problems: &mut problems, record: at("enforcement", index, &event.id) };
        c.date("date", event.date, today);
        c.text("authority", &event.authority);
        c.text("title", &event.title);
        for (k, id) in event.incidents.iter().enumerate() {
            if !incident_ids.contains(id.as_str()) {
                c.report(&format!("incidents[{k}]"), format!("names \"{id}\", which is not an incident id"));
            }
        }
        c.source_ref("source", &event.source, &source_ids);
        c.prose("title", &event.title, &source_ids);
        c.prose("summary", &event.summary, &source_ids);
    }

    let known = after::Known {
        sources: &source_ids,
        thefts: data.incidents.iter().map(|i| (i.id.as_str(), i.date)).collect(),
        enforcement: data.enforcement.iter().map(|e| e.id.as_str()).collect(),
        newest: data.evidence_horizon.map_or(today, |h| h.min(today)),
        today,
    };
    after::check_cooperation(data, &known, &mut problems);
    after::check_status(data, &known, &mut problems);

    let enforcement_ids: HashSet<&str> = data.enforcement.iter().map(|e| e.id.as_str()).collect();
    let record_ids: HashSet<&str> = incident_ids
        .iter()
        .chain(total_ids.iter())
        .chain(enforcement_ids.iter())
        .chain(source_ids.iter())
        .copied()
        .chain(data.cooperation.iter().map(|e| e.id.as_str()))
        .collect();
    check_changes(data, today, &record_ids, &source_ids, &mut problems);
    if let Some(notes) = &data.notes {
        Checker { problems: &mut problems, record: "notes".into() }.prose("", notes, &source_ids);
    }
    let v3 = data.schema_version >= 3;
    check_horizon(data, v3, today, &mut problems);
    check_origins(data, v3, &mut problems);
    if v3 {
        check_official_text(data, &mut problems);
        check_windows(data, &mut problems);
    }
    check_edge_bases(data, v3, &source_ids, &mut problems);
    check_outlook(data, today, &source_ids, &mut problems);
    check_stated_shares(data, &mut problems);
    check_scopes(data, &mut problems);
    check_source_urls(data, &mut problems);
    check_lengths(data, &mut problems);
    after::check_lengths(data, &mut problems);
    sourced::check_rates(data, &source_ids, &mut problems);
    sourced::check_all_translations(data, &mut problems);
    problems
}

/// A figure's scope agrees with its year and window: an annual figure runs from 1 January
/// into December of its year; a part-year one lies in one year; a multi-year one has no year.
fn check_scopes(data: &Dataset, problems: &mut Vec<Problem>) {
    use crate::model::FigureScope;
    for (index, t) in data.reported_totals.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("reported_totals", index, &t.id) };
        if let Some(words) = &t.window_words {
            c.text("window_words", words);
        }
        let Some(scope) = t.scope else { continue };
        let fits = match (scope, t.year) {
            (FigureScope::Annual, Some(y)) => {
                t.period_start == Date::new(y, 1, 1) && t.period_end.year() == y && t.period_end.month() == 12
            }
            (FigureScope::PartOfYear, Some(_)) => true,
            (FigureScope::MultiYear, None) => true,
            _ => false,
        };
        if !fits {
            c.report(
                "scope",
                format!(
                    "{} disagrees with the year ({}) and period {}..{}: an annual figure runs from 1 January into December of its year, a multi-year one has no year",
                    scope.slug(),
                    t.year.map_or_else(|| "none".to_string(), |y| y.to_string()),
                    t.period_start,
                    t.period_end
                ),
            );
        }
    }
}

/// How far a derived dollar figure may sit from the numbers it is derived from (a token
/// amount times a price, a share of a value): 1 %, for rounding in what sources print.
pub(crate) const BASIS_TOLERANCE_SHARE: f64 = 0.01;

/// The evidence horizon: required from version 3, not after `as_of`, and no source or
/// published figure newer than it (the horizon is the newest evidence read).
fn check_horizon(data: &Dataset, v3: bool, today: Date, problems: &mut Vec<Problem>) {
    let mut c = Checker { problems, record: "evidence_horizon".into() };
    let Some(horizon) = data.evidence_horizon else {
        if v3 {
            c.report("", "is required from schema version 3: the day of the newest evidence read");
        }
        return;
    };
    c.date("", horizon, today);
    if horizon > data.as_of {
        c.report("", format!("{horizon} is after the data's as_of {}", data.as_of));
    }
    for (index, source) in data.sources.iter().enumerate() {
        if let Some(date) = source.date.filter(|d| *d > horizon) {
            c.record = at("sources", index, &source.id);
            c.report(
                "date",
                format!("{date} is after the evidence horizon {horizon}: move the horizon or the date"),
            );
        }
    }
    for (index, total) in data.reported_totals.iter().enumerate() {
        if total.published > horizon {
            c.record = at("reported_totals", index, &total.id);
            c.report(
                "published",
                format!(
                    "{} is after the evidence horizon {horizon}: move the horizon or the date",
                    total.published
                ),
            );
        }
    }
}

/// A source's kind must agree with whose text it is: a primary page or a verbatim copy is
/// an originator's text (a government's, a court's, the UN's, a firm's, the victim's, an
/// investigator's), never a news outlet's; from version 3 every source says whose it is.
fn check_origins(data: &Dataset, v3: bool, problems: &mut Vec<Problem>) {
    for (index, source) in data.sources.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("sources", index, &source.id) };
        match (source.kind, source.origin) {
            (_, None) if v3 => c.report("origin", "is required from schema version 3: whose text this is"),
            (SourceKind::Copy, Some(Origin::Media | Origin::Other)) => c.report(
                "kind",
                format!(
                    "is copy, but a copy reproduces an originator's text and its origin is {}: a news page quoting a statement is secondary",
                    source.origin.map_or("", Origin::slug)
                ),
            ),
            (SourceKind::Primary, Some(Origin::Media)) => c.report(
                "kind",
                "is primary, but its origin is media: a news outlet's report is secondary",
            ),
            _ => {}
        }
    }
}

/// An official rating needs the attribution's own text: a cited government, court or UN
/// page, or a verbatim copy of one.
fn check_official_text(data: &Dataset, problems: &mut Vec<Problem>) {
    for (index, incident) in data.incidents.iter().enumerate() {
        if incident.attribution.confidence != Confidence::Official {
            continue;
        }
        let has_text = incident
            .sources
            .iter()
            .filter_map(|id| data.source(id))
            .any(|s| s.kind.is_primary_or_copy() && s.origin.is_some_and(Origin::is_official));
        if !has_text {
            Checker { problems: &mut *problems, record: at("incidents", index, &incident.id) }.report(
                "attribution.confidence",
                "is official but no cited source is government, court or UN text or a verbatim copy of it; cite that text or lower the rating",
            );
        }
    }
}

/// A published figure cannot cover days after it was published.
fn check_windows(data: &Dataset, problems: &mut Vec<Problem>) {
    for (index, total) in data.reported_totals.iter().enumerate() {
        if total.period_end > total.published {
            Checker { problems: &mut *problems, record: at("reported_totals", index, &total.id) }.report(
                "period_end",
                format!(
                    "{} is after the figure was published ({}): set the end of the window the publisher counted",
                    total.period_end, total.published
                ),
            );
        }
    }
}

/// True when `got` is within [`BASIS_TOLERANCE_SHARE`] (plus a dollar) of `want`.
fn near(got: f64, want: f64) -> bool {
    (got - want).abs() <= want.abs() * BASIS_TOLERANCE_SHARE + 1.0
}

/// Every flow edge says what its dollar figure rests on (from version 3), and the figure
/// agrees with that basis; a flow whose stolen asset sends out more or less than the theft
/// says why.
fn check_edge_bases(data: &Dataset, v3: bool, source_ids: &HashSet<&str>, problems: &mut Vec<Problem>) {
    for (index, flow) in data.flows.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("flows", index, &flow.incident) };
        let edges: HashMap<String, f64> =
            flow.edges.iter().map(|e| (format!("{}→{}", e.from, e.to), e.usd)).collect();
        for (k, edge) in flow.edges.iter().enumerate() {
            let field = format!("edges[{k}] ({} -> {}).basis", edge.from, edge.to);
            match &edge.basis {
                None if v3 => c.report(
                    &field,
                    "is required from schema version 3: stated, tokens, share, remainder or carried",
                ),
                None => {}
                Some(basis) => check_basis(&mut c, &field, basis, edge.usd, flow.as_of, &edges, source_ids),
            }
        }
        if let Some(note) = &flow.sum_note {
            c.text("sum_note", note);
            c.prose("sum_note", note, source_ids);
        }
        if let Some(day) = flow.split_date.filter(|d| *d > flow.as_of) {
            c.report("split_date", format!("{day} is after the tracing's as_of {}", flow.as_of));
        }
        let sent = source_outflow(flow);
        if v3
            && flow.sum_note.is_none()
            && (sent - flow.theft_usd).abs() > flow.theft_usd * FLOW_TOLERANCE_SHARE + 1.0
        {
            c.report(
                "sum_note",
                format!(
                    "the stolen asset sends out ${} of a ${} theft: make them agree or say why in sum_note",
                    Fixed(sent, 0),
                    Fixed(flow.theft_usd, 0)
                ),
            );
        }
    }
}

/// The sum of the named edges (`from→to`) of a flow; `None` when any name is not an edge of
/// it (a stated figure in words), with the names that look like edges but are not.
fn sum_of_edges<'a>(names: &'a [String], edges: &HashMap<String, f64>) -> (Option<f64>, Vec<&'a str>) {
    let mut sum = Some(0.0);
    let mut unknown = Vec::new();
    for name in names {
        match edges.get(name) {
            Some(usd) => sum = sum.map(|s| s + usd),
            None => {
                sum = None;
                if name.contains('→') && !name.contains(' ') {
                    unknown.push(name.as_str());
                }
            }
        }
    }
    (sum, unknown)
}

/// One edge's basis: its numbers give the edge's dollars, its sources and edges exist.
fn check_basis(
    c: &mut Checker,
    field: &str,
    basis: &EdgeBasis,
    usd: f64,
    as_of: Date,
    edges: &HashMap<String, f64>,
    source_ids: &HashSet<&str>,
) {
    let mismatch = |c: &mut Checker, what: String, want: f64| {
        if !near(usd, want) {
            c.report(field, format!("{what} is ${}, but the edge says ${}", Fixed(want, 0), Fixed(usd, 0)));
        }
    };
    match basis {
        EdgeBasis::Stated { parts, .. } => {
            for (k, part) in parts.iter().enumerate() {
                if let Some(id) = &part.source {
                    c.source_ref(&format!("{field}.parts[{k}].source"), id, source_ids);
                }
            }
            if !parts.is_empty() {
                let sum: f64 = parts.iter().map(|p| p.usd).sum();
                mismatch(c, "the stated parts add up to".to_string(), sum);
            }
        }
        EdgeBasis::Tokens { amount, token, price_usd, price_date, price_source, .. } => {
            c.text(&format!("{field}.token"), token);
            c.source_ref(&format!("{field}.price_source"), price_source, source_ids);
            if *price_date > as_of {
                c.report(
                    &format!("{field}.price_date"),
                    format!("{price_date} is after the tracing's as_of {as_of}"),
                );
            }
            mismatch(
                c,
                format!("{} {token} at ${}", Shortest(*amount), Shortest(*price_usd)),
                amount * price_usd,
            );
        }
        EdgeBasis::Share { share, of_usd, .. } => {
            if !(*share > 0.0 && *share <= 1.0) {
                c.report(
                    &format!("{field}.share"),
                    format!("must be above 0 and at most 1, got {}", Shortest(*share)),
                );
            } else {
                mismatch(c, format!("{} of ${}", Shortest(*share), Fixed(*of_usd, 0)), share * of_usd);
            }
        }
        EdgeBasis::Remainder { of_usd, less_edges, why } => {
            c.text(&format!("{field}.why"), why);
            let (less, unknown) = sum_of_edges(less_edges, edges);
            for name in unknown {
                c.report(
                    &format!("{field}.less_edges"),
                    format!("names {name}, which is not an edge of this flow"),
                );
            }
            if let Some(less) = less {
                mismatch(c, format!("${} less the named edges", Fixed(*of_usd, 0)), of_usd - less);
            }
        }
        EdgeBasis::Carried { of_edges, why } => {
            c.text(&format!("{field}.why"), why);
            let (carried, unknown) = sum_of_edges(of_edges, edges);
            for name in unknown {
                c.report(
                    &format!("{field}.of_edges"),
                    format!("names {name}, which is not an edge of this flow"),
                );
            }
            if of_edges.is_empty() {
                c.report(&format!("{field}.of_edges"), "must name the edges whose money it carries on");
            }
            if let Some(carried) = carried.filter(|_| !of_edges.is_empty()) {
                mismatch(c, "the edges it carries on".to_string(), carried);
            }
        }
    }
}

/// What a flow's stolen-asset nodes send out in all.
pub fn source_outflow(flow: &Flow) -> f64 {
    let sources: HashSet<&str> =
        flow.nodes.iter().filter(|n| n.kind == NodeKind::Source).map(|n| n.id.as_str()).collect();
    flow.edges
        .iter()
        .filter(|e| sources.contains(e.from.as_str()))
        .map(|e| e.usd)
        .filter(|v| v.is_finite())
        .sum()
}

/// Each publisher's outlook names its newest figure, once, and a window that comes after it.
fn check_outlook(data: &Dataset, today: Date, source_ids: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for (index, o) in data.outlook.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("outlook", index, &o.publisher) };
        c.text("publisher", &o.publisher);
        c.text("cadence", &o.cadence);
        c.text("next", &o.next);
        c.text("basis", &o.basis);
        c.prose("basis", &o.basis, source_ids);
        c.prose("cadence", &o.cadence, source_ids);
        if !seen.insert(o.publisher.as_str()) {
            c.report("publisher", format!("\"{}\" has more than one outlook", o.publisher));
        }
        let window = match (o.next_from, o.next_to) {
            (Some(from), Some(to)) if from > to => {
                c.report("next_to", format!("{to} is before next_from {from}"));
                None
            }
            (Some(from), Some(to)) => {
                c.date("next_from", from, Date::new(today.year() + 5, 12, 31));
                Some((from, to))
            }
            (None, None) => None,
            _ => {
                c.report("next_to", "give both next_from and next_to, or neither");
                None
            }
        };
        let newest =
            data.reported_totals.iter().filter(|t| t.publisher == o.publisher).map(|t| t.published).max();
        match data.reported_totals.iter().find(|t| t.id == o.latest) {
            None => c.report("latest", format!("names \"{}\", which is not a reported total", o.latest)),
            Some(t) if t.publisher != o.publisher => {
                c.report("latest", format!("names a figure of {}, not of {}", t.publisher, o.publisher))
            }
            Some(t) if newest.is_some_and(|n| n > t.published) => c.report(
                "latest",
                format!("\"{}\" ({}) is not the publisher's newest figure in the data", t.id, t.published),
            ),
            Some(t) if window.is_some_and(|(_, to)| to < t.published) => {
                c.report("next_to", format!("the window ends before the latest figure ({})", t.published))
            }
            Some(_) => {}
        }
    }
}

/// A stated share is a share, and agrees with the two dollar figures where both are given
/// (within ten points: publishers round both, and some state a share of a total counted
/// differently from the one they give in dollars).
fn check_stated_shares(data: &Dataset, problems: &mut Vec<Problem>) {
    for (index, total) in data.reported_totals.iter().enumerate() {
        let Some(share) = total.stated_share else { continue };
        let mut c = Checker { problems: &mut *problems, record: at("reported_totals", index, &total.id) };
        if !(share > 0.0 && share <= 1.0) {
            c.report("stated_share", format!("must be above 0 and at most 1, got {}", Shortest(share)));
        } else if let Some(all) = total.all_actors_usd.filter(|a| *a > 0.0) {
            if (total.usd / all - share).abs() > 0.1 {
                c.report(
                    "stated_share",
                    format!(
                        "{} disagrees with the figures given ({} of {})",
                        Shortest(share),
                        Shortest(total.usd),
                        Shortest(all)
                    ),
                );
            }
        }
    }
}

/// Every source's address: an http(s) link with a host, and nothing that makes it read
/// differently from where it leads (see [`crate::address::problem`]).
fn check_source_urls(data: &Dataset, problems: &mut Vec<Problem>) {
    for (index, source) in data.sources.iter().enumerate() {
        if let Some(why) = crate::address::problem(&source.url) {
            Checker { problems: &mut *problems, record: at("sources", index, &source.id) }.report("url", why);
        }
    }
}

/// The longest name (an id, a victim, an actor, a chain or asset, a publisher or authority,
/// a document title, a flow node's label), in characters. The shipped data's longest is a
/// 175-character document title.
pub const MAX_NAME_CHARS: usize = 300;
/// The longest free text (a summary, a note, a basis, a release's summary), in characters.
/// The shipped data's longest is a 3,457-character release summary.
pub const MAX_PROSE_CHARS: usize = 10_000;
/// The longest web address, in characters (the shipped data's longest is 217).
pub const MAX_URL_CHARS: usize = 2_048;

/// What a string field holds, which sets how long it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Ids, names, titles and labels: shown in selects, legends, tooltips and table cells.
    Name,
    /// Summaries, notes and reasons: shown as paragraphs.
    Prose,
    /// Web addresses.
    Url,
}

impl TextKind {
    /// The most characters a field of this kind may hold.
    pub fn limit(self) -> usize {
        match self {
            TextKind::Name => MAX_NAME_CHARS,
            TextKind::Prose => MAX_PROSE_CHARS,
            TextKind::Url => MAX_URL_CHARS,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            TextKind::Name => "a name",
            TextKind::Prose => "a text",
            TextKind::Url => "an address",
        }
    }
}

/// `52428800` as `52,428,800`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, d) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

impl Checker<'_> {
    /// A string no longer than its kind allows. A 50 MB name would be copied into the
    /// headline, the table, labels, tooltips and options: the page would stall for tens of
    /// seconds and take gigabytes of memory before showing it.
    fn length(&mut self, field: &str, value: &str, kind: TextKind) {
        // Bytes are at least as many as characters: most strings need no count.
        if value.len() <= kind.limit() {
            return;
        }
        let chars = value.chars().count();
        if chars > kind.limit() {
            self.report(
                field,
                format!(
                    "is {} characters long; {} may hold at most {}",
                    grouped(chars),
                    kind.noun(),
                    grouped(kind.limit())
                ),
            );
        }
    }

    fn lengths(&mut self, fields: &[(&str, Option<&str>, TextKind)]) {
        for (field, value, kind) in fields {
            if let Some(value) = value {
                self.length(field, value, *kind);
            }
        }
    }

    fn list_lengths(&mut self, field: &str, values: &[String], kind: TextKind) {
        for (k, value) in values.iter().enumerate() {
            self.length(&format!("{field}[{k}]"), value, kind);
        }
    }
}

/// Every string in the dataset within the limit of its kind ([`TextKind`]), each one too
/// long named by record and field.
fn check_lengths(data: &Dataset, problems: &mut Vec<Problem>) {
    use TextKind::{Name, Prose, Url};
    let mut top = Checker { problems: &mut *problems, record: String::new() };
    top.lengths(&[
        ("title", Some(&data.title), Name),
        ("notes", data.notes.as_deref(), Prose),
        ("release.id", Some(&data.release.id), Name),
    ]);
    for (index, s) in data.sources.iter().enumerate() {
        Checker { problems: &mut *problems, record: at("sources", index, &s.id) }.lengths(&[
            ("id", Some(&s.id), Name),
            ("title", Some(&s.title), Name),
            ("publisher", Some(&s.publisher), Name),
            ("url", Some(&s.url), Url),
            ("copy_of", s.copy_of.as_deref(), Name),
        ]);
    }
    for (index, i) in data.incidents.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("incidents", index, &i.id) };
        c.lengths(&[
            ("id", Some(&i.id), Name),
            ("victim", Some(&i.victim), Name),
            ("actor", Some(&i.actor), Name),
            ("date_note", i.date_note.as_deref(), Prose),
            ("amount_note", i.amount_note.as_deref(), Prose),
            ("vector_detail", Some(&i.vector_detail), Prose),
            ("attribution.note", i.attribution.note.as_deref(), Prose),
            ("recovered_note", i.recovered_note.as_deref(), Prose),
            ("summary", Some(&i.summary), Prose),
        ]);
        c.list_lengths("chains", &i.chains, Name);
        c.list_lengths("assets", &i.assets, Name);
        c.list_lengths("attribution.by", &i.attribution.by, Name);
        c.list_lengths("sources", &i.sources, Name);
    }
    for (index, t) in data.reported_totals.iter().enumerate() {
        Checker { problems: &mut *problems, record: at("reported_totals", index, &t.id) }.lengths(&[
            ("id", Some(&t.id), Name),
            ("publisher", Some(&t.publisher), Name),
            ("supersedes", t.supersedes.as_deref(), Name),
            ("source", Some(&t.source), Name),
            ("note", t.note.as_deref(), Prose),
            ("basis", t.basis.as_deref(), Prose),
            ("window_words", t.window_words.as_deref(), Name),
        ]);
    }
    for (index, o) in data.outlook.iter().enumerate() {
        Checker { problems: &mut *problems, record: at("outlook", index, &o.publisher) }.lengths(&[
            ("publisher", Some(&o.publisher), Name),
            ("latest", Some(&o.latest), Name),
            ("cadence", Some(&o.cadence), Prose),
            ("next", Some(&o.next), Prose),
            ("basis", Some(&o.basis), Prose),
        ]);
    }
    for (index, f) in data.flows.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("flows", index, &f.incident) };
        c.length("incident", &f.incident, Name);
        c.lengths(&[("sum_note", f.sum_note.as_deref(), Prose)]);
        for (k, n) in f.nodes.iter().enumerate() {
            c.lengths(&[
                (&format!("nodes[{k}].id"), Some(&n.id), Name),
                (&format!("nodes[{k}].label"), Some(&n.label), Name),
            ]);
        }
        for (k, e) in f.edges.iter().enumerate() {
            c.lengths(&[
                (&format!("edges[{k}].from"), Some(&e.from), Name),
                (&format!("edges[{k}].to"), Some(&e.to), Name),
                (&format!("edges[{k}].source"), Some(&e.source), Name),
                (&format!("edges[{k}].note"), e.note.as_deref(), Prose),
            ]);
            if let Some(basis) = &e.basis {
                basis_lengths(&mut c, k, basis);
            }
        }
    }
    for (index, e) in data.enforcement.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("enforcement", index, &e.id) };
        c.lengths(&[
            ("id", Some(&e.id), Name),
            ("authority", Some(&e.authority), Name),
            ("title", Some(&e.title), Name),
            ("summary", Some(&e.summary), Prose),
            ("source", Some(&e.source), Name),
        ]);
        c.list_lengths("incidents", &e.incidents, Name);
    }
    for (index, entry) in data.changes.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("changes", index, &entry.release) };
        c.lengths(&[("release", Some(&entry.release), Name), ("summary", Some(&entry.summary), Prose)]);
        c.list_lengths("added", &entry.added, Name);
        for (k, r) in entry.revised.iter().enumerate() {
            c.lengths(&[
                (&format!("revised[{k}].record"), Some(&r.record), Name),
                (&format!("revised[{k}].field"), Some(&r.field), Name),
                (&format!("revised[{k}].old"), Some(&r.old), Prose),
                (&format!("revised[{k}].new"), Some(&r.new), Prose),
                (&format!("revised[{k}].why"), Some(&r.why), Prose),
                (&format!("revised[{k}].source"), Some(&r.source), Name),
            ]);
        }
        for (k, r) in entry.removed.iter().enumerate() {
            c.lengths(&[
                (&format!("removed[{k}].record"), Some(&r.record), Name),
                (&format!("removed[{k}].why"), Some(&r.why), Prose),
            ]);
        }
    }
}

/// The words inside an edge's basis: quotes and reasons are prose, names are names.
fn basis_lengths(c: &mut Checker, k: usize, basis: &crate::model::EdgeBasis) {
    use crate::model::EdgeBasis;
    use TextKind::{Name, Prose};
    let field = |name: &str| format!("edges[{k}].basis.{name}");
    match basis {
        EdgeBasis::Stated { quote, tokens_stated, .. } => c.lengths(&[
            (&field("quote"), quote.as_deref(), Prose),
            (&field("tokens_stated"), tokens_stated.as_deref(), Name),
        ]),
        EdgeBasis::Tokens { token, price_source, price_note, quote, .. } => c.lengths(&[
            (&field("token"), Some(token), Name),
            (&field("price_source"), Some(price_source), Name),
            (&field("price_note"), price_note.as_deref(), Prose),
            (&field("quote"), quote.as_deref(), Prose),
        ]),
        EdgeBasis::Share { of, quote, .. } => {
            c.lengths(&[(&field("of"), of.as_deref(), Prose), (&field("quote"), quote.as_deref(), Prose)])
        }
        EdgeBasis::Remainder { less_edges, why, .. } => {
            c.list_lengths(&field("less_edges"), less_edges, Name);
            c.lengths(&[(&field("why"), Some(why), Prose)]);
        }
        EdgeBasis::Carried { of_edges, why } => {
            c.list_lengths(&field("of_edges"), of_edges, Name);
            c.lengths(&[(&field("why"), Some(why), Prose)]);
        }
    }
}

/// Checks the release and its change log: the current release has an entry, and every
/// entry names records and sources that exist.
fn check_changes(
    data: &Dataset,
    today: Date,
    record_ids: &HashSet<&str>,
    source_ids: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) {
    let mut c = Checker { problems: &mut *problems, record: "release".into() };
    c.text("id", &data.release.id);
    c.date("date", data.release.date, today);
    if data.release.date < data.as_of {
        c.report("date", format!("{} is before the data's as_of {}", data.release.date, data.as_of));
    }
    if !data.changes.iter().any(|e| e.release == data.release.id) {
        c.report("id", format!("release \"{}\" has no entry in `changes`", data.release.id));
    }
    let mut seen = HashSet::new();
    for (index, entry) in data.changes.iter().enumerate() {
        let mut c = Checker { problems: &mut *problems, record: at("changes", index, &entry.release) };
        if !seen.insert(entry.release.as_str()) {
            c.report("release", format!("release \"{}\" has more than one entry", entry.release));
        }
        c.date("date", entry.date, today);
        c.text("summary", &entry.summary);
        c.prose("summary", &entry.summary, source_ids);
        // Only the current release's entry must match today's records; older entries may
        // name records since removed or renamed.
        let current = entry.release == data.release.id;
        for (k, id) in entry.added.iter().enumerate() {
            if current && !record_ids.contains(id.as_str()) {
                c.report(
                    &format!("added[{k}]"),
                    format!("names \"{id}\", which is not a record in the dataset"),
                );
            }
        }
        for (k, r) in entry.revised.iter().enumerate() {
            let field = format!("revised[{k}] ({}.{})", r.record, r.field);
            if current && !record_ids.contains(r.record.as_str()) {
                c.report(
                    &format!("{field}.record"),
                    format!("names \"{}\", which is not a record in the dataset", r.record),
                );
            }
            c.text(&format!("{field}.why"), &r.why);
            c.source_ref(&format!("{field}.source"), &r.source, source_ids);
            c.prose(&format!("{field}.why"), &r.why, source_ids);
        }
        for (k, r) in entry.removed.iter().enumerate() {
            let field = format!("removed[{k}] ({})", r.record);
            if current && record_ids.contains(r.record.as_str()) {
                c.report(
                    &format!("{field}.record"),
                    format!("\"{}\" is removed but still in the dataset", r.record),
                );
            }
            c.text(&format!("{field}.why"), &r.why);
            c.prose(&format!("{field}.why"), &r.why, source_ids);
        }
    }
}

/// Checks one flow's graph: known nodes, direction, and that no node passes on more money
/// than reached it. `stage_of` carries node stages across flows, because flows are merged
/// by node id when summed.
fn check_flow<'a>(
    flow: &'a Flow,
    record: &str,
    source_ids: &HashSet<&str>,
    stage_of: &mut HashMap<&'a str, (u8, String)>,
    problems: &mut Vec<Problem>,
) {
    let mut c = Checker { problems, record: record.to_string() };
    let mut nodes = HashMap::new();
    for (k, node) in flow.nodes.iter().enumerate() {
        let field = format!("nodes[{k}] ({})", node.id);
        if nodes.insert(node.id.as_str(), node).is_some() {
            c.report(&field, format!("duplicate node id \"{}\"", node.id));
        }
        c.text(&format!("{field}.label"), &node.label);
        match stage_of.get(node.id.as_str()) {
            Some((stage, first)) if *stage != node.stage => c.report(
                &format!("{field}.stage"),
                format!(
                    "is {}, but {first} puts node \"{}\" at stage {stage}; shared nodes must share a stage",
                    node.stage, node.id
                ),
            ),
            Some(_) => {}
            None => {
                stage_of.insert(node.id.as_str(), (node.stage, record.to_string()));
            }
        }
    }
    let mut inflow: HashMap<&str, f64> = HashMap::new();
    let mut outflow: HashMap<&str, f64> = HashMap::new();
    for (k, edge) in flow.edges.iter().enumerate() {
        let field = format!("edges[{k}] ({} -> {})", edge.from, edge.to);
        c.amount(&format!("{field}.usd"), edge.usd);
        c.source_ref(&format!("{field}.source"), &edge.source, source_ids);
        if let Some(note) = &edge.note {
            c.prose(&format!("{field}.note"), note, source_ids);
        }
        let (from, to) = (nodes.get(edge.from.as_str()), nodes.get(edge.to.as_str()));
        if from.is_none() {
            c.report(&format!("{field}.from"), format!("names unknown node \"{}\"", edge.from));
        }
        if to.is_none() {
            c.report(&format!("{field}.to"), format!("names unknown node \"{}\"", edge.to));
        }
        if let (Some(from), Some(to)) = (from, to) {
            if from.stage >= to.stage {
                c.report(
                    &field,
                    format!(
                        "must go to a later stage, but goes from stage {} to stage {}",
                        from.stage, to.stage
                    ),
                );
            }
            if from.kind == NodeKind::Sink {
                c.report(
                    &format!("{field}.from"),
                    format!("\"{}\" is a sink: money cannot leave it", from.id),
                );
            }
            if to.kind == NodeKind::Source {
                c.report(&format!("{field}.to"), format!("\"{}\" is a source: money cannot enter it", to.id));
            }
        }
        if edge.usd.is_finite() {
            *outflow.entry(edge.from.as_str()).or_default() += edge.usd;
            *inflow.entry(edge.to.as_str()).or_default() += edge.usd;
        }
    }
    for (k, node) in flow.nodes.iter().enumerate() {
        if node.kind != NodeKind::Intermediate {
            continue;
        }
        let received = inflow.get(node.id.as_str()).copied().unwrap_or(0.0);
        let sent = outflow.get(node.id.as_str()).copied().unwrap_or(0.0);
        if sent > received * (1.0 + FLOW_TOLERANCE_SHARE) + 1.0 {
            c.report(
                &format!("nodes[{k}] ({})", node.id),
                format!(
                    "sends out ${} but receives only ${} (tolerance {}%)",
                    Fixed(sent, 0),
                    Fixed(received, 0),
                    Fixed(FLOW_TOLERANCE_SHARE * 100.0, 1)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_location_then_message() {
        let p = Problem::new("incidents[2] (x).usd", "must not be negative, got -1");
        assert_eq!(p.to_string(), "incidents[2] (x).usd: must not be negative, got -1");
    }

    #[test]
    fn bracketed_ids_are_slugs_in_square_brackets() {
        assert_eq!(
            bracketed_ids("Per Arkham [arkham-bybit-2025] and [a-1; b-2]."),
            ["arkham-bybit-2025", "a-1", "b-2"]
        );
        assert!(bracketed_ids("A [sic] quote, a [PDF], [2024] and [x] are not citations").is_empty());
        assert!(bracketed_ids("unclosed [abc-1").is_empty());
    }

    #[test]
    fn records_are_named_by_index_and_id() {
        assert_eq!(at("incidents", 3, "bybit-2025"), "incidents[3] (bybit-2025)");
        assert_eq!(at("incidents", 3, ""), "incidents[3]");
    }
}
