//! Turns the bytes of a dataset file into a checked [`Dataset`], or into a list of
//! problems a person can act on. Never panics, whatever the bytes.

use crate::decimal::fixed;
use std::fmt;

use crate::json;
use crate::model::{Dataset, Date, SourceIndex, SCHEMA_VERSION, SCHEMA_VERSIONS_READ};
use crate::validate::{validate, Problem};

pub mod compact;
pub(crate) mod read;
pub mod texts;

/// Largest dataset file accepted: 256 MB. 100,000 incidents the size of the shipped ones
/// (about 1.5 KB each as compact JSON, 1.7 KB pretty-printed) take 145 to 172 MB, more than
/// every crypto theft on record and a large tracing export; past the limit a file is more
/// likely a wrong address (a video, an archive, a runaway or decompression-bomb response)
/// than a dataset. The page holds the file, its parsed form and the charts in a 32-bit wasm
/// memory that never shrinks, so the limit is also what keeps one bad response from taking
/// the memory of an old laptop.
pub const MAX_DATASET_BYTES: usize = 256 * 1024 * 1024;

/// Why a file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// One line for the panel heading.
    pub summary: String,
    /// Every problem found, each with its location.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.summary)?;
        for p in &self.problems {
            write!(f, "\n- {p}")?;
        }
        Ok(())
    }
}

impl LoadError {
    fn file(summary: &str, message: String) -> LoadError {
        LoadError { summary: summary.to_string(), problems: vec![Problem::new("file", message)] }
    }
}

/// A size in megabytes as a reader takes it in: "6.5 MB", "100 MB", "5 MB".
pub fn megabytes(n: usize) -> String {
    let v = n as f64 / 1_048_576.0;
    let s = if v >= 10.0 { fixed(v, 0) } else { fixed(v, 1) };
    format!("{} MB", s.trim_end_matches(".0"))
}

/// "is 6.5 MB; the limit is 256 MB", for a file of `len` bytes over the limit.
pub fn too_large(len: usize) -> String {
    format!("is {}; the limit is {}", megabytes(len), megabytes(MAX_DATASET_BYTES))
}

/// How far a dataset file has come: bytes received of the total when the server said it,
/// then the parse, which for a large file holds the page for a moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of the body received so far.
    pub received: usize,
    /// The body's size, when the server sent it uncompressed with a length.
    pub total: Option<usize>,
    /// Every byte has arrived and the file is being read.
    pub parsing: bool,
}

impl Progress {
    /// One line for the loading status: "12.3 MB of 80.1 MB received", then "Reading 80 MB of
    /// data…". One decimal while receiving, so the figure visibly moves.
    pub fn describe(&self) -> String {
        let mb = |n: usize| format!("{} MB", fixed(n as f64 / 1_048_576.0, 1));
        match (self.parsing, self.received, self.total) {
            (true, n, _) => format!("Reading {} of data…", megabytes(n)),
            (false, 0, _) => "Loading the incident dataset…".to_string(),
            (false, n, Some(total)) => {
                format!("Loading the incident dataset… {} of {} received", mb(n), mb(total.max(n)))
            }
            (false, n, None) => format!("Loading the incident dataset… {} received", mb(n)),
        }
    }
}

/// A short fingerprint of a dataset file (64-bit FNV-1a of its bytes, in hex). The first
/// view records the one of the file it was drawn from, and the live page adopts what is on
/// screen only for a file with the same fingerprint: a copy edited under the same release id
/// still gets its own drawing.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash = (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Parses and validates a dataset. `source_name` names the file in messages; `today` bounds
/// dates from above.
pub fn parse_dataset(bytes: &[u8], source_name: &str, today: Date) -> Result<Dataset, LoadError> {
    read_dataset_file(bytes, source_name)?.check(today)
}

/// A dataset read from its file, its types checked but not yet its rules.
pub(crate) struct Unchecked {
    data: Dataset,
    cannot: String,
}

impl Unchecked {
    /// The dataset if it passes validation, else every problem found in it. Apart from the
    /// reading so that a page can let the browser paint between the two.
    pub fn check(self, today: Date) -> Result<Dataset, LoadError> {
        checked(self.data, &self.cannot, today)
    }
}

/// Reads a dataset file into the dataset's types: the first half of [`parse_dataset`].
pub(crate) fn read_dataset_file(bytes: &[u8], source_name: &str) -> Result<Unchecked, LoadError> {
    let cannot = format!("Cannot use the data file {source_name}");
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(LoadError::file(&cannot, too_large(bytes.len())));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::file(&cannot, "is empty".to_string()));
    }
    if let Some(form) = utf16(bytes) {
        return Err(LoadError::file(
            &cannot,
            format!("is UTF-16 text ({form}), not UTF-8: save it again as UTF-8 (without a byte-order mark)"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LoadError::file(&cannot, format!("is not UTF-8 text (bad byte at offset {})", e.valid_up_to()))
    })?;
    // Editors on some systems start UTF-8 files with a byte-order mark; JSON has none.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A sign-in page, an error page or a wrong address answers with HTML.
    if text.trim_start().starts_with('<') {
        return Err(LoadError::file(
            &cannot,
            "is a web page (HTML), not JSON: the address may be wrong, or the server wants a sign-in"
                .to_string(),
        ));
    }
    // Read straight into the dataset's types in one walk: no intermediate tree, which for a
    // large file would hold several times its size in memory while it is converted.
    let read = read_dataset(text).map_err(|e| {
        // At the end of the file the reader was nowhere in particular.
        let location =
            if e.path.is_empty() || e.message.starts_with("EOF") { "file".to_string() } else { e.path };
        LoadError {
            summary: format!("{cannot}: it is not valid JSON"),
            problems: vec![Problem::new(location, format!("is not valid JSON: {}", e.message))],
        }
    })?;
    match read {
        // The text itself is at fault (a key given twice, a number that underflows): said
        // before anything read from it, which may be a consequence.
        Read::Literals(problems) => Err(LoadError {
            summary: format!("{cannot}: its text gives a key twice or holds a number too small to read"),
            problems: problems.into_iter().map(|e| Problem::new(e.path, e.message)).collect(),
        }),
        Read::NotAnObject => {
            Err(LoadError::file(&cannot, "is JSON but not an object with a `schema_version`".to_string()))
        }
        // The version is checked before the shape: a file from a future schema is refused by
        // its version, not by the fields it has.
        Read::Version(message) => {
            Err(LoadError { summary: cannot, problems: vec![Problem::new("schema_version", message)] })
        }
        Read::Shape(problems) => Err(LoadError {
            summary: format!("{cannot}: it does not match the schema"),
            problems: problems.into_iter().map(|(at, message)| Problem::new(at, message)).collect(),
        }),
        Read::Data(data) => Ok(Unchecked { data: *data, cannot }),
    }
}

/// What reading a JSON text as a dataset gave.
enum Read {
    /// The text is JSON, but gives a key twice in one object or holds a number too small for
    /// a float (each named by its path).
    Literals(Vec<json::Error>),
    /// The text is JSON, but its top is not an object.
    NotAnObject,
    /// The schema version is missing or another one; why.
    Version(String),
    /// Every value that does not fit its type, as (where, what).
    Shape(Vec<(String, String)>),
    /// The dataset, before validation.
    Data(Box<Dataset>),
}

/// The fields of the dataset's outermost object.
const DATASET_FIELDS: &[&str] = &[
    "schema_version",
    "title",
    "as_of",
    "evidence_horizon",
    "release",
    "changes",
    "notes",
    "sources",
    "incidents",
    "reported_totals",
    "flows",
    "enforcement",
    "cooperation",
    "outlook",
    "rates",
];

/// Reads a dataset from JSON text; `Err` when the text is not JSON. Every list is read
/// record by record, so every record that does not fit its type is reported at once.
fn read_dataset(text: &str) -> Result<Read, json::Error> {
    let mut r = json::Reader::new(text);
    if !text.trim_start().starts_with('{') {
        r.skip()?;
        r.end()?;
        let literals = r.literals();
        return Ok(if literals.is_empty() { Read::NotAnObject } else { Read::Literals(literals) });
    }
    let mut problems: Vec<(String, String)> = Vec::new();
    let mut fields = json::Fields::new(DATASET_FIELDS);
    let mut version: Option<String> = None;
    let mut d = Partial::default();
    r.object("struct Dataset", &mut |r, key| {
        match fields.which(r, key) {
            Ok(Some(_)) => {}
            // Given twice: the reader noted it.
            Ok(None) => return r.skip(),
            Err(e) => {
                problems.push(("file".to_string(), e.message));
                return r.skip();
            }
        }
        if key == "schema_version" {
            version = Some(r.span()?.trim().to_string());
            return Ok(());
        }
        // A value that does not fit is skipped whole, so the walk stays in step.
        let got = r.attempt(|r| match key {
            "title" => r.string().map(|x| d.title = Some(x)),
            "as_of" => read::date(r).map(|x| d.as_of = Some(x)),
            "evidence_horizon" => read::optional_date(r).map(|x| d.evidence_horizon = x),
            "release" => read::release(r).map(|x| d.release = Some(x)),
            "notes" => (if r.null() { Ok(None) } else { r.string().map(Some) }).map(|x| d.notes = x),
            "changes" => read::records(r, key, read::change, &mut problems).map(|x| d.changes = Some(x)),
            "sources" => read::records(r, key, read::source, &mut problems).map(|x| d.sources = Some(x)),
            "incidents" => {
                read::records(r, key, read::incident, &mut problems).map(|x| d.incidents = Some(x))
            }
            "reported_totals" => read::records(r, key, read::reported_total, &mut problems)
                .map(|x| d.reported_totals = Some(x)),
            "flows" => read::records(r, key, read::flow, &mut problems).map(|x| d.flows = x),
            "outlook" => read::records(r, key, read::outlook, &mut problems).map(|x| d.outlook = x),
            "cooperation" => {
                read::records(r, key, read::cooperation, &mut problems).map(|x| d.cooperation = x)
            }
            "rates" => read::records(r, key, read::rate, &mut problems).map(|x| d.rates = x),
            _ => read::records(r, key, read::enforcement, &mut problems).map(|x| d.enforcement = x),
        })?;
        if let Err(e) = got {
            problems.push((e.path, e.message));
        }
        Ok(())
    })?;
    r.end()?;
    let literals = r.literals();
    if !literals.is_empty() {
        return Ok(Read::Literals(literals));
    }
    let versions = format!("schema version {} or {SCHEMA_VERSION}", SCHEMA_VERSIONS_READ[0]);
    let read = version.as_deref().and_then(|v| SCHEMA_VERSIONS_READ.into_iter().find(|r| r.to_string() == v));
    match (read, version) {
        (Some(n), _) => d.schema_version = n,
        (None, Some(v)) => return Ok(Read::Version(format!("is {v}; this dashboard reads {versions}"))),
        (None, None) => return Ok(Read::Version(format!("is missing; this dashboard reads {versions}"))),
    }
    Ok(match d.finish(&mut problems) {
        Some(data) if problems.is_empty() => Read::Data(Box::new(data)),
        _ => Read::Shape(problems),
    })
}

/// The dataset's fields as they are read.
#[derive(Default)]
struct Partial {
    schema_version: u32,
    title: Option<String>,
    as_of: Option<Date>,
    evidence_horizon: Option<Date>,
    release: Option<crate::model::Release>,
    changes: Option<Vec<crate::model::ChangeEntry>>,
    notes: Option<String>,
    sources: Option<Vec<crate::model::Source>>,
    incidents: Option<Vec<crate::model::Incident>>,
    reported_totals: Option<Vec<crate::model::ReportedTotal>>,
    flows: Vec<crate::model::Flow>,
    enforcement: Vec<crate::model::EnforcementEvent>,
    cooperation: Vec<crate::model::Cooperation>,
    outlook: Vec<crate::model::Outlook>,
    rates: Vec<crate::model::Rate>,
}

impl Partial {
    /// The dataset when every required field was there; each missing one is a problem.
    fn finish(self, problems: &mut Vec<(String, String)>) -> Option<Dataset> {
        let absent = [
            ("title", self.title.is_none()),
            ("as_of", self.as_of.is_none()),
            ("release", self.release.is_none()),
            ("changes", self.changes.is_none()),
            ("sources", self.sources.is_none()),
            ("incidents", self.incidents.is_none()),
            ("reported_totals", self.reported_totals.is_none()),
        ];
        for (name, _) in absent.iter().filter(|(_, a)| *a) {
            problems.push(("file".to_string(), format!("missing field `{name}`")));
        }
        Some(Dataset {
            schema_version: self.schema_version,
            title: self.title?,
            as_of: self.as_of?,
            evidence_horizon: self.evidence_horizon,
            release: self.release?,
            changes: self.changes?,
            notes: self.notes,
            sources: self.sources?,
            incidents: self.incidents?,
            reported_totals: self.reported_totals?,
            flows: self.flows,
            enforcement: self.enforcement,
            cooperation: self.cooperation,
            outlook: self.outlook,
            rates: self.rates,
            source_index: SourceIndex::default(),
        })
    }
}

/// "UTF-16, little-endian" when `bytes` look like UTF-16 text: a UTF-16 byte-order mark,
/// or JSON's first character followed or preceded by a zero byte.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xff, 0xfe, ..] => Some("little-endian, with a byte-order mark"),
        [0xfe, 0xff, ..] => Some("big-endian, with a byte-order mark"),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some("little-endian"),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some("big-endian"),
        _ => None,
    }
}

/// The dataset if it passes validation, else every problem found in it.
fn checked(data: Dataset, cannot: &str, today: Date) -> Result<Dataset, LoadError> {
    let problems = validate(&data, today);
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(LoadError {
            summary: format!(
                "{cannot}: {} problem{} found",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
            problems,
        })
    }
}

/// The files under `data/` that hold the dataset's source of truth, one small file per
/// record list, so that adding or revising a record is a small, readable diff:
///
/// - `meta.json`: `schema_version`, `title`, `as_of`, `evidence_horizon`, `release` and
///   `notes`;
/// - `sources.json`: every source, sorted by id;
/// - `incidents/<id>.json`: one incident per file, named after its id;
/// - `reported_totals.json`: published figures;
/// - `flows/<incident>.json`: one laundering flow per file, named after its incident;
/// - `enforcement.json`: enforcement actions;
/// - `changes.json`: the change log, newest release first;
/// - `outlook.json`: each publisher's latest figure and next expected one (optional);
/// - `cooperation.json`: freezes, seizures, recoveries and refusals (optional);
/// - `rates.json`: won and yen per US dollar, each from a cited source (optional).
///
/// [`assemble`] joins them into the published `public/data/incidents.json`.
#[cfg(not(target_arch = "wasm32"))]
pub mod layout {
    /// The dataset's metadata.
    pub(crate) const META: &str = "meta.json";
    /// The source list.
    pub(crate) const SOURCES: &str = "sources.json";
    /// The folder of incident files.
    pub(crate) const INCIDENTS: &str = "incidents";
    /// The published figures.
    pub(crate) const REPORTED_TOTALS: &str = "reported_totals.json";
    /// The folder of flow files.
    pub(crate) const FLOWS: &str = "flows";
    /// Enforcement actions.
    pub(crate) const ENFORCEMENT: &str = "enforcement.json";
    /// The change log.
    pub(crate) const CHANGES: &str = "changes.json";
    /// The publishers' outlook (optional).
    pub(crate) const OUTLOOK: &str = "outlook.json";
    /// Freezes, seizures, recoveries and refusals (optional).
    pub(crate) const COOPERATION: &str = "cooperation.json";
    /// Exchange rates (optional).
    pub(crate) const RATES: &str = "rates.json";
}

/// Reads one JSON file with `read`, naming the file and the failing path in the problem.
#[cfg(not(target_arch = "wasm32"))]
fn read_json<T>(
    path: &std::path::Path,
    read: fn(&mut json::Reader) -> Result<T, json::Error>,
) -> Result<T, Problem> {
    let name = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| Problem::new(name.clone(), format!("cannot read: {e}")))?;
    read::whole(&text, read).map_err(|e| {
        let location = if e.path.is_empty() { name.clone() } else { format!("{name}: {}", e.path) };
        Problem::new(location, e.message)
    })
}

/// The value, or `None` with its problem recorded.
#[cfg(not(target_arch = "wasm32"))]
fn keep<T>(result: Result<T, Problem>, problems: &mut Vec<Problem>) -> Option<T> {
    result.map_err(|p| problems.push(p)).ok()
}

/// A list kept in a file that may be absent (empty then).
#[cfg(not(target_arch = "wasm32"))]
fn optional<T>(
    path: &std::path::Path,
    read: fn(&mut json::Reader) -> Result<Vec<T>, json::Error>,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    if path.exists() {
        keep(read_json(path, read), problems).unwrap_or_default()
    } else {
        Vec::new()
    }
}

/// The `.json` files in a folder, sorted by name.
#[cfg(not(target_arch = "wasm32"))]
fn json_files(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, Problem> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Problem::new(dir.display().to_string(), format!("cannot list: {e}")))?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// Joins the files under `dir` (see [`layout`]) into one dataset: incidents oldest first
/// (then by id), flows largest theft first (then by incident id), other lists in file order.
/// Reports every unreadable file, a record whose file name is not its id, and a source list
/// out of id order. The result is not validated: call [`validate`] on it.
#[cfg(not(target_arch = "wasm32"))]
pub fn assemble(dir: &std::path::Path) -> Result<Dataset, LoadError> {
    let mut problems = Vec::new();
    let meta = keep(read_json(&dir.join(layout::META), read::meta), &mut problems);
    let sources = keep(read_json(&dir.join(layout::SOURCES), |r| read::list(r, read::source)), &mut problems);
    let reported_totals = keep(
        read_json(&dir.join(layout::REPORTED_TOTALS), |r| read::list(r, read::reported_total)),
        &mut problems,
    );
    let enforcement =
        keep(read_json(&dir.join(layout::ENFORCEMENT), |r| read::list(r, read::enforcement)), &mut problems);
    let changes = keep(read_json(&dir.join(layout::CHANGES), |r| read::list(r, read::change)), &mut problems);
    let outlook = optional(&dir.join(layout::OUTLOOK), |r| read::list(r, read::outlook), &mut problems);
    let cooperation =
        optional(&dir.join(layout::COOPERATION), |r| read::list(r, read::cooperation), &mut problems);
    let rates = optional(&dir.join(layout::RATES), |r| read::list(r, read::rate), &mut problems);
    let mut incidents: Vec<crate::model::Incident> = Vec::new();
    if let Some(files) = keep(json_files(&dir.join(layout::INCIDENTS)), &mut problems) {
        for path in files {
            if let Some(incident) = keep(read_json(&path, read::incident), &mut problems) {
                if path.file_stem().and_then(|s| s.to_str()) != Some(incident.id.as_str()) {
                    problems.push(Problem::new(
                        path.display().to_string(),
                        format!("holds incident \"{}\"; name the file {}.json", incident.id, incident.id),
                    ));
                }
                incidents.push(incident);
            }
        }
    }
    let mut flows: Vec<crate::model::Flow> = Vec::new();
    if let Some(files) = keep(json_files(&dir.join(layout::FLOWS)), &mut problems) {
        for path in files {
            match read_json(&path, read::flow) {
                Ok(flow) => {
                    if path.file_stem().and_then(|s| s.to_str()) != Some(flow.incident.as_str()) {
                        problems.push(Problem::new(
                            path.display().to_string(),
                            format!(
                                "holds the flow of \"{}\"; name the file {}.json",
                                flow.incident, flow.incident
                            ),
                        ));
                    }
                    flows.push(flow);
                }
                Err(p) => problems.push(p),
            }
        }
    }
    if let Some(sources) = &sources {
        for pair in sources.windows(2) {
            if pair[0].id >= pair[1].id {
                problems.push(Problem::new(
                    dir.join(layout::SOURCES).display().to_string(),
                    format!(
                        "\"{}\" comes after \"{}\": keep sources sorted by id, each id once",
                        pair[1].id, pair[0].id
                    ),
                ));
            }
        }
    }
    if let Some(meta) = &meta {
        if !SCHEMA_VERSIONS_READ.contains(&meta.schema_version) {
            problems.push(Problem::new(
                dir.join(layout::META).display().to_string(),
                format!(
                    "schema_version is {}; this build reads {} and writes {SCHEMA_VERSION}",
                    meta.schema_version, SCHEMA_VERSIONS_READ[0]
                ),
            ));
        }
    }
    match (meta, sources, reported_totals, enforcement, changes) {
        (Some(meta), Some(sources), Some(reported_totals), Some(enforcement), Some(changes))
            if problems.is_empty() =>
        {
            crate::sort::by(&mut incidents, &|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
            crate::sort::by(&mut flows, &|a, b| {
                b.theft_usd.total_cmp(&a.theft_usd).then_with(|| a.incident.cmp(&b.incident))
            });
            Ok(Dataset {
                schema_version: meta.schema_version,
                title: meta.title,
                as_of: meta.as_of,
                evidence_horizon: meta.evidence_horizon,
                release: meta.release,
                changes,
                notes: meta.notes,
                sources,
                incidents,
                reported_totals,
                flows,
                enforcement,
                cooperation,
                outlook,
                rates,
                source_index: SourceIndex::default(),
            })
        }
        _ => Err(LoadError {
            summary: format!("Cannot assemble the dataset from {}", dir.display()),
            problems,
        }),
    }
}

/// The published text of a dataset: pretty-printed JSON with a final newline.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_published_json(data: &Dataset) -> String {
    serde_json::to_string_pretty(data).unwrap_or_default() + "\n"
}
