//! Turns the bytes of a dataset file into a checked [`Dataset`], or into a list of
//! problems a person can act on. Never panics, whatever the bytes.

use std::fmt;

use crate::model::{Dataset, Date, SCHEMA_VERSION};
use crate::validate::{validate, Problem};

/// Largest dataset file accepted: 5 MiB, about a hundred times the shipped file. Anything
/// larger is more likely a wrong URL (a video, an archive) than a dataset.
pub const MAX_DATASET_BYTES: usize = 5 * 1024 * 1024;

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

/// Parses and validates a dataset. `source_name` names the file in messages; `today` bounds
/// dates from above.
pub fn parse_dataset(bytes: &[u8], source_name: &str, today: Date) -> Result<Dataset, LoadError> {
    let cannot = format!("Cannot use the data file {source_name}");
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(LoadError::file(
            &cannot,
            format!(
                "is {} bytes; the limit is {} bytes ({} MiB)",
                bytes.len(),
                MAX_DATASET_BYTES,
                MAX_DATASET_BYTES / (1024 * 1024)
            ),
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::file(&cannot, "is empty".to_string()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LoadError::file(&cannot, format!("is not UTF-8 text (bad byte at offset {})", e.valid_up_to()))
    })?;
    // Parse once into a tree: syntax errors carry line and column, and the version can be
    // checked before the shape, so a file from a future schema is refused by version.
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| LoadError::file(&cannot, format!("is not valid JSON: {e}")))?;
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
    let data: Dataset = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let location = if path.is_empty() || path == "." { "file".to_string() } else { path };
        LoadError {
            summary: format!("{cannot}: it does not match the schema"),
            problems: vec![Problem::new(location, e.into_inner().to_string())],
        }
    })?;
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
