//! The site's data releases: the index the build writes as `versions.json` (each release
//! at its own immutable path `v/ID/`) and the question an old release's page asks of it,
//! "is there newer data than what I show?".

use serde::Serialize;

use crate::json::{self, required, Reader};
use crate::model::{Dataset, Date};

/// One entry of `versions.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// Release id (`2026-12-01`).
    pub id: String,
    /// The day the release was published.
    pub date: Date,
    /// Where the release lives, relative to the site root (`v/2026-12-01/`).
    pub path: String,
    /// How many incidents the release holds.
    pub incidents: usize,
    /// True for the release the site root shows.
    pub current: bool,
}

/// The folder of a release, relative to the site root.
pub fn path_of(id: &str) -> String {
    format!("v/{id}/")
}

/// A release id as it stands in a file name: ASCII letters, digits, `-`, `_` and `.` kept,
/// anything else a `-`; so `2026-12-01.1` stays `2026-12-01.1` (never `2026-12-011`, which
/// would read as another day). The one way every file name names its release: downloads,
/// exported images, the data package.
pub fn file_slug(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .collect()
}

/// The file name of a release's data package zip (in its folder's `package/`), the same
/// for the build that writes it and the page that links to it.
pub(crate) fn package_name(id: &str) -> String {
    format!("heist-ledger-data-{}.zip", file_slug(id))
}

/// The index of every archived release, newest first (by date, then id: `2026-12-01.1`
/// comes after `2026-12-01`); `current` marks the release the site root shows.
pub fn index(releases: &[Dataset], current: &str) -> Vec<Version> {
    let mut out: Vec<Version> = releases
        .iter()
        .map(|d| Version {
            id: d.release.id.clone(),
            date: d.release.date,
            path: path_of(&d.release.id),
            incidents: d.incidents.len(),
            current: d.release.id == current,
        })
        .collect();
    crate::sort::by(&mut out, &|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
    out
}

/// `versions.json` as the build writes it.
pub fn to_json(versions: &[Version]) -> String {
    // Serialising plain strings, numbers and booleans cannot fail.
    serde_json::to_string_pretty(versions).unwrap_or_default() + "\n"
}

/// Reads `versions.json`; a file that is not such a list says why.
pub fn parse(text: &str) -> Result<Vec<Version>, String> {
    let mut r = Reader::new(text);
    let mut versions = Vec::new();
    let read = r.array("a sequence", &mut |r, _| {
        versions.push(version(r)?);
        Ok(())
    });
    read.and_then(|()| r.end()).map(|()| versions).map_err(|e| {
        let at = if e.path.is_empty() { String::new() } else { format!(" at {}", e.path) };
        format!("versions.json is not a list of releases{at}: {}", e.message)
    })
}

/// One entry of `versions.json`.
fn version(r: &mut Reader) -> Result<Version, json::Error> {
    const NAMES: &[&str] = &["id", "date", "path", "incidents", "current"];
    let mut fields = json::Fields::new(NAMES);
    let (mut id, mut date, mut path, mut incidents, mut current) = (None, None, None, None, None);
    r.object("struct Version", &mut |r, key| {
        let Some(k) = fields.which(r, key)? else {
            return Err(r.object_error(format!("duplicate field `{key}`")));
        };
        match NAMES[k] {
            "id" => id = Some(r.string()?),
            "date" => {
                let s = r.string()?;
                date = Some(Date::parse(&s).map_err(|e| r.error(e))?);
            }
            "path" => path = Some(r.string()?),
            "incidents" => incidents = Some(r.integer(0, i64::MAX, "usize")? as usize),
            _ => current = Some(r.bool()?),
        }
        Ok(())
    })?;
    Ok(Version {
        id: required(id, "id", r)?,
        date: required(date, "date", r)?,
        path: required(path, "path", r)?,
        incidents: required(incidents, "incidents", r)?,
        current: required(current, "current", r)?,
    })
}

/// The release to point a reader of release `shown` to: the current one, when `shown` is
/// an older release listed in the index. `None` for the current release, and for data the
/// index does not list (a dataset loaded with `?data=`), which no release replaces.
pub fn newer<'a>(versions: &'a [Version], shown: &str) -> Option<&'a Version> {
    let this = versions.iter().find(|v| v.id == shown)?;
    let current = versions.iter().find(|v| v.current).or_else(|| versions.first())?;
    (current.id != this.id && (current.date, &current.id) > (this.date, &this.id)).then_some(current)
}
