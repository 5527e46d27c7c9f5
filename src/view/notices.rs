//! Notices about what a view could not keep, as a type ([`Notice`]): the view is below the
//! phrasing layer, so it says what and why as data and the page's words for each kind are
//! written in one place above it (`html::notices`, in the reader's language); and the
//! values a dataset does not know dropped with a notice why.

use crate::model::{Dataset, Date};
use crate::view::state::ViewState;

/// One part of the address (or of a control's change) that was not kept, and why. Every
/// producer (the URL rules, the dataset check, the page's comparison with an earlier
/// release) builds one of these; only the phrasing of notices (`html::notices`) turns it
/// into words, so the same refusal reads the same wherever it comes from.
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
    /// `lang=` a tag that names none of the page's languages.
    NotALanguage(String),
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
    /// The texts file of the page's language (the incidents' notes in it) could not be
    /// fetched, read or fitted to the dataset on screen: the notes show in English. The
    /// value is why, from the fetch or the file's check.
    TextsNotLoaded(String),
}

/// Most notices listed one by one; past this the rest are counted in one more line, so an
/// address with thousands of distinct unknown parameters still shows a short panel (the
/// phrasing of the list, `html::notices`, keeps to it).
pub const MAX_NOTICES: usize = 8;

/// Drops values the dataset does not know (an actor, a chain, an incident id) and says so,
/// so a stale permalink shows everything it still can instead of an empty page.
pub fn reconcile(mut v: ViewState, data: &Dataset) -> (ViewState, Vec<Notice>) {
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
    (v, notices)
}
