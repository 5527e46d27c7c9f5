//! Notices about what a view could not keep, as a type ([`Notice`]) whose words are
//! written in one place ([`Notice::text`]): tidied for a reader, and the values a dataset
//! does not know dropped with a word why.

use std::fmt;

use crate::model::{Dataset, Date};
use crate::view::state::{ChartKind, ViewState};

/// One part of the address (or of a control's change) that was not kept, and why. Every
/// producer (the URL rules, the dataset check, the page's comparison with an earlier
/// release) builds one of these; only [`Notice::text`] turns it into words, so the same
/// refusal reads the same wherever it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A parameter the address does not define (`key=value` as given).
    UnknownParameter {
        /// The parameter's name as given.
        key: String,
        /// Its value as given.
        value: String,
    },
    /// `from`, `to` or `figures` given something other than a year in range.
    NotAYear {
        /// Which parameter.
        key: String,
        /// Its value as given.
        value: String,
    },
    /// `start` or `end` given something that is not a calendar date.
    NotADate {
        /// Which parameter.
        key: String,
        /// Its value as given.
        value: String,
        /// What is wrong with it, from the date reader.
        why: String,
    },
    /// `category=` a slug that names no victim category.
    NotACategory(String),
    /// `confidence=` a slug that names no confidence level.
    NotAConfidence(String),
    /// `yearly=` other than `split` (or `all`).
    NotAYearlyMode(String),
    /// `since=` something that cannot be a release id.
    NotAReleaseId(String),
    /// `theme=` other than light, dark or auto.
    NotATheme(String),
    /// `embed=` a name that is no chart.
    NotAChart(String),
    /// `plain`, `static` or `transparent` given a value that is neither on nor off.
    NotAFlag {
        /// Which flag.
        key: String,
        /// Its value as given.
        value: String,
    },
    /// `present=` a slide number out of range.
    NotASlide(String),
    /// `sort=` a name that is no table column.
    NotAColumn(String),
    /// `dir=` other than asc or desc.
    NotADirection(String),
    /// An embed flag (`plain`, `static`, `transparent`) without `embed`.
    FlagWithoutEmbed(String),
    /// `start` after `end`.
    DatesReversed(Date, Date),
    /// Only one of `start` and `end`.
    DatesHalf,
    /// `from` after `to`.
    YearsReversed(i32, i32),
    /// `actor=` an actor no incident in the dataset names.
    UnknownActor(String),
    /// `chain=` a chain no incident in the dataset is on.
    UnknownChain(String),
    /// `incident=` an id the dataset lacks.
    UnknownIncident(String),
    /// `since=` the release already on screen.
    SinceOnScreen(String),
    /// `since=` a release the dataset's change log does not name.
    SinceNotInLog(String),
    /// `flow=` an incident with no traced flow.
    UnknownFlow(String),
    /// `since=` a release whose data could not be fetched (the page's comparison).
    SinceNotLoaded {
        /// The release asked for.
        id: String,
        /// Why it could not be loaded, from the fetch.
        why: String,
    },
}

impl Notice {
    /// The notice in the reader's words: the one place they are written.
    pub fn text(&self) -> String {
        match self {
            Notice::UnknownParameter { key, value } => format!("Ignored unknown parameter {key}={value}."),
            Notice::NotAYear { key, value } => {
                format!("Ignored {key}={value}: not a year between 2009 and 2100.")
            }
            Notice::NotADate { key, value, why } => format!("Ignored {key}={value}: {why}."),
            Notice::NotACategory(v) => format!("Ignored category={v}: not a victim category."),
            Notice::NotAConfidence(v) => format!("Ignored confidence={v}: use official, firm or suspected."),
            Notice::NotAYearlyMode(v) => format!("Ignored yearly={v}: use yearly=split."),
            Notice::NotAReleaseId(v) => format!("Ignored since={v}: not a release id (such as 2026-12-01)."),
            Notice::NotATheme(v) => format!("Ignored theme={v}: use light, dark or auto."),
            Notice::NotAChart(v) => format!("Ignored embed={v}: use yearly, timeline, flows or figures."),
            Notice::NotAFlag { key, value } => {
                format!("Ignored {key}={value}: use {key}, {key}=1 or {key}=0.")
            }
            Notice::NotASlide(v) => {
                format!("Ignored present={v}: slides are numbered 1 to {}.", ChartKind::ALL.len())
            }
            Notice::NotAColumn(v) => format!("Ignored sort={v}: not a table column."),
            Notice::NotADirection(v) => format!("Ignored dir={v}: use asc or desc."),
            Notice::FlagWithoutEmbed(key) => {
                format!(
                    "Ignored {key}: it applies to an embed (add embed=yearly, timeline, flows or figures)."
                )
            }
            Notice::DatesReversed(a, b) => {
                format!("Ignored the date range {a} to {b}: it ends before it starts.")
            }
            Notice::DatesHalf => "Ignored the date range: it needs both start and end.".to_string(),
            Notice::YearsReversed(a, b) => {
                format!("Ignored from={a} and to={b}: the range ends before it starts.")
            }
            Notice::UnknownActor(a) => {
                format!("Ignored actor={a}: no incident in this dataset names that actor.")
            }
            Notice::UnknownChain(c) => {
                format!("Ignored chain={c}: no incident in this dataset is on that chain.")
            }
            Notice::UnknownIncident(id) => format!("Ignored incident={id}: no incident has that id."),
            Notice::SinceOnScreen(id) => format!("Ignored since={id}: it is the release on screen."),
            Notice::SinceNotInLog(id) => {
                format!("Ignored since={id}: this dataset's change log names no such release.")
            }
            Notice::UnknownFlow(id) => {
                format!("Ignored flow={id}: no laundering flow is traced for that incident.")
            }
            Notice::SinceNotLoaded { id, why } => {
                format!("Release {id} could not be loaded to compare this view with: {why}")
            }
        }
    }
}

/// The same words as [`Notice::text`].
impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Most notices listed one by one; past this the rest are counted in one more line, so an
/// address with thousands of distinct unknown parameters still shows a short panel.
pub const MAX_NOTICES: usize = 8;

/// Notices as a reader can take them in: each cut to 160 characters (a parameter can be
/// thousands long), a notice repeated (a parameter given a thousand times) said once with
/// its count, and at most [`MAX_NOTICES`] lines, the last counting the rest.
/// Notices that read the same once cut count as one (their words are what the reader sees).
pub fn tidy_notices(notices: &[Notice]) -> Vec<String> {
    const MAX: usize = 160;
    let cut: Vec<String> = notices
        .iter()
        .map(Notice::text)
        .map(|n| match n.char_indices().nth(MAX) {
            Some((end, _)) => format!("{}…", &n[..end]),
            None => n,
        })
        .collect();
    // Each notice with its count, in the order each first came: sorted to count them (the
    // first of equals keeps its place), then put back in order of arrival.
    let mut order: Vec<usize> = (0..cut.len()).collect();
    crate::sort::by(&mut order, &|&a, &b| cut[a].cmp(&cut[b]).then(a.cmp(&b)));
    let mut firsts: Vec<(usize, usize)> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        match firsts.last_mut() {
            Some((first, count)) if k > 0 && cut[*first] == cut[i] => *count += 1,
            _ => firsts.push((i, 1)),
        }
    }
    crate::sort::by(&mut firsts, &|a, b| a.cmp(b));
    let out: Vec<(&String, usize)> = firsts.iter().map(|&(i, count)| (&cut[i], count)).collect();
    let mut lines: Vec<String> = out
        .iter()
        .map(|(n, count)| if *count > 1 { format!("{n} (×{count})") } else { n.to_string() })
        .collect();
    if lines.len() > MAX_NOTICES {
        let rest: usize = out[MAX_NOTICES - 1..].iter().map(|(_, count)| count).sum();
        lines.truncate(MAX_NOTICES - 1);
        lines.push(format!("…and {rest} more parts of the address, also ignored."));
    }
    lines
}

/// Drops values the dataset does not know (an actor, a chain, an incident id) and says so,
/// so a stale permalink shows everything it still can instead of an empty page.
pub fn reconcile(mut v: ViewState, data: &Dataset) -> (ViewState, Vec<String>) {
    let mut notices = Vec::new();
    v.filter.actors.retain(|a| {
        let known = data.incidents.iter().any(|i| &i.actor == a);
        if !known {
            notices.push(Notice::UnknownActor(a.clone()));
        }
        known
    });
    v.filter.chains.retain(|c| {
        let known = data.incidents.iter().any(|i| i.chains.contains(c));
        if !known {
            notices.push(Notice::UnknownChain(c.clone()));
        }
        known
    });
    if let Some(id) = &v.incident {
        if data.incident(id).is_none() {
            notices.push(Notice::UnknownIncident(id.clone()));
            v.incident = None;
        }
    }
    if let Some(id) = &v.since {
        if id == &data.release.id {
            notices.push(Notice::SinceOnScreen(id.clone()));
            v.since = None;
        } else if !data.changes.iter().any(|c| &c.release == id) {
            notices.push(Notice::SinceNotInLog(id.clone()));
            v.since = None;
        }
    }
    if let Some(id) = &v.flow {
        if data.flow_for(id).is_none() {
            notices.push(Notice::UnknownFlow(id.clone()));
            v.flow = None;
        }
    }
    (v, tidy_notices(&notices))
}
