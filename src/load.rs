//! Turns the bytes of a dataset file into a checked [`Dataset`], or into a list of
//! problems a person can act on. Never panics, whatever the bytes.

use std::fmt;

use crate::model::{Dataset, Date, SCHEMA_VERSION};
use crate::validate::{validate, Problem};

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
    let s = if v >= 10.0 { format!("{v:.0}") } else { format!("{v:.1}") };
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
        let mb = |n: usize| format!("{:.1} MB", n as f64 / 1_048_576.0);
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
    let cannot = format!("Cannot use the data file {source_name}");
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(LoadError::file(&cannot, too_large(bytes.len())));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::file(&cannot, "is empty".to_string()));
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
    // A good file is read straight into the dataset's types: no intermediate tree, which for
    // a large file would hold several times its size in memory while it is converted.
    if let Ok(data) = serde_json::from_str::<Dataset>(text) {
        if data.schema_version == SCHEMA_VERSION {
            return checked(data, &cannot, today);
        }
    }
    // Otherwise parse once into a tree to say what is wrong: syntax errors carry line and
    // column, and the version is checked before the shape, so a file from a future schema is
    // refused by version.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        // At the end of the file the reader was nowhere in particular.
        let path = if e.is_eof() {
            String::new()
        } else {
            json_path_at(text, offset_of(text, e.line(), e.column()))
        };
        let location = if path.is_empty() { "file".to_string() } else { path };
        LoadError {
            summary: format!("{cannot}: it is not valid JSON"),
            problems: vec![Problem::new(location, format!("is not valid JSON: {e}"))],
        }
    })?;
    let Some(object) = value.as_object() else {
        return Err(LoadError::file(
            &cannot,
            "is JSON but not an object with a `schema_version`".to_string(),
        ));
    };
    let version_problem = match object.get("schema_version") {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(SCHEMA_VERSION)) => None,
        Some(other) => Some(format!("is {other}; this dashboard reads schema version {SCHEMA_VERSION}")),
        None => Some(format!("is missing; this dashboard reads schema version {SCHEMA_VERSION}")),
    };
    if let Some(message) = version_problem {
        return Err(LoadError { summary: cannot, problems: vec![Problem::new("schema_version", message)] });
    }
    // The first error stops serde; look at every record on its own to list them all.
    let mut problems = shape_problems(object);
    if problems.is_empty() {
        let e = match serde_json::from_str::<Dataset>(text) {
            Ok(data) => return checked(data, &cannot, today),
            Err(e) => e,
        };
        problems.push(Problem::new(located(text, &e, "file"), message(&e)));
    }
    Err(LoadError { summary: format!("{cannot}: it does not match the schema"), problems })
}

/// Where in `text` serde's error `e` happened, as a JSON path (`usd`, `edges[3].to`), or
/// `whole` when that is nowhere inside (a field missing from the outermost object).
fn located(text: &str, e: &serde_json::Error, whole: &str) -> String {
    let mut path = json_path_at(text, offset_of(text, e.line(), e.column()));
    // Serde notices a missing field after the object's last value: the place is the object.
    if message(e).starts_with("missing field") {
        path.truncate(path.rfind(['.', '[']).unwrap_or(0));
    }
    if path.is_empty() {
        whole.to_string()
    } else {
        path
    }
}

/// Serde's message without the position it appends (the path names the place instead).
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(k) => text[..k].to_string(),
        None => text,
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

/// Every record in the file's lists that does not fit its type, each named by list, index,
/// id and field (`incidents[3] (bybit-2025).usd: invalid type ...`).
fn shape_problems(object: &serde_json::Map<String, serde_json::Value>) -> Vec<Problem> {
    use crate::model::{ChangeEntry, EnforcementEvent, Flow, Incident, ReportedTotal, Source};
    let mut problems = Vec::new();
    section::<Source>(object, "sources", &mut problems);
    section::<Incident>(object, "incidents", &mut problems);
    section::<ReportedTotal>(object, "reported_totals", &mut problems);
    section::<Flow>(object, "flows", &mut problems);
    section::<EnforcementEvent>(object, "enforcement", &mut problems);
    section::<ChangeEntry>(object, "changes", &mut problems);
    problems
}

/// Reads each record of the list `key` on its own, from its own text: no path-tracking
/// deserializer (a second copy of every type's reader in the WebAssembly), the place of a
/// failure is found afterwards by scanning the record's text to serde's position.
fn section<T: serde::de::DeserializeOwned>(
    object: &serde_json::Map<String, serde_json::Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) {
    let Some(list) = object.get(key).and_then(|v| v.as_array()) else { return };
    for (k, record) in list.iter().enumerate() {
        let text = record.to_string();
        if let Err(e) = serde_json::from_str::<T>(&text) {
            let name = ["id", "incident", "release"]
                .iter()
                .find_map(|f| record.get(*f).and_then(|v| v.as_str()))
                .map(|id| format!(" ({})", clip(id)))
                .unwrap_or_default();
            let field = located(&text, &e, "");
            let field = if field.is_empty() { field } else { format!(".{field}") };
            problems.push(Problem::new(format!("{key}[{k}]{name}{field}"), message(&e)));
        }
    }
}

/// At most 60 characters of a value echoed in a message.
fn clip(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(60).collect::<String>())
    }
}

/// The byte offset of a 1-based line and column (serde_json's error position).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The JSON path (`incidents[3].usd`) of the value being read at byte `at`, found by a
/// small scan of the text, so a syntax error or an out-of-range number names its record.
pub fn json_path_at(text: &str, at: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let mut last_string: Option<String> = None;
    while i < at.min(bytes.len()) {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                last_string = text.get(start..i.min(text.len())).map(str::to_string);
            }
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object(key)) = stack.last_mut() {
                    *key = last_string.take();
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&clip(key));
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// The files under `data/` that hold the dataset's source of truth, one small file per
/// record list, so that adding or revising a record is a small, readable diff:
///
/// - `meta.json`: `schema_version`, `title`, `as_of`, `release` and `notes`;
/// - `sources.json`: every source, sorted by id;
/// - `incidents/<id>.json`: one incident per file, named after its id;
/// - `reported_totals.json`: published figures;
/// - `flows/<incident>.json`: one laundering flow per file, named after its incident;
/// - `enforcement.json`: enforcement actions;
/// - `changes.json`: the change log, newest release first.
///
/// [`assemble`] joins them into the published `public/data/incidents.json`.
#[cfg(not(target_arch = "wasm32"))]
pub mod layout {
    /// The dataset's metadata.
    pub const META: &str = "meta.json";
    /// The source list.
    pub const SOURCES: &str = "sources.json";
    /// The folder of incident files.
    pub const INCIDENTS: &str = "incidents";
    /// The published figures.
    pub const REPORTED_TOTALS: &str = "reported_totals.json";
    /// The folder of flow files.
    pub const FLOWS: &str = "flows";
    /// Enforcement actions.
    pub const ENFORCEMENT: &str = "enforcement.json";
    /// The change log.
    pub const CHANGES: &str = "changes.json";
}

/// The part of the dataset kept in `data/meta.json`.
#[cfg(not(target_arch = "wasm32"))]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    schema_version: u32,
    title: String,
    as_of: Date,
    release: crate::model::Release,
    #[serde(default)]
    notes: Option<String>,
}

/// Reads and parses one JSON file, naming it and the failing path in the problem.
#[cfg(not(target_arch = "wasm32"))]
fn read_json<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T, Problem> {
    let name = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| Problem::new(name.clone(), format!("cannot read: {e}")))?;
    serde_json::from_str(&text).map_err(|e| {
        let at = located(&text, &e, "");
        let location = if at.is_empty() { name.clone() } else { format!("{name}: {at}") };
        Problem::new(location, message(&e))
    })
}

/// The value, or `None` with its problem recorded.
#[cfg(not(target_arch = "wasm32"))]
fn keep<T>(result: Result<T, Problem>, problems: &mut Vec<Problem>) -> Option<T> {
    result.map_err(|p| problems.push(p)).ok()
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
    let meta: Option<Meta> = keep(read_json(&dir.join(layout::META)), &mut problems);
    let sources: Option<Vec<crate::model::Source>> =
        keep(read_json(&dir.join(layout::SOURCES)), &mut problems);
    let reported_totals = keep(read_json(&dir.join(layout::REPORTED_TOTALS)), &mut problems);
    let enforcement = keep(read_json(&dir.join(layout::ENFORCEMENT)), &mut problems);
    let changes = keep(read_json(&dir.join(layout::CHANGES)), &mut problems);
    let mut incidents: Vec<crate::model::Incident> = Vec::new();
    if let Some(files) = keep(json_files(&dir.join(layout::INCIDENTS)), &mut problems) {
        for path in files {
            if let Some(incident) = keep(read_json::<crate::model::Incident>(&path), &mut problems) {
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
            match read_json::<crate::model::Flow>(&path) {
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
        if meta.schema_version != SCHEMA_VERSION {
            problems.push(Problem::new(
                dir.join(layout::META).display().to_string(),
                format!("schema_version is {}; this build writes {SCHEMA_VERSION}", meta.schema_version),
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
                release: meta.release,
                changes,
                notes: meta.notes,
                sources,
                incidents,
                reported_totals,
                flows,
                enforcement,
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
