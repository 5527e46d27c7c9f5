//! The status lines at the top of the page: a newer release, notices about the address,
//! the dataset arriving, and why it could not be shown.

use crate::html::{self, Slot};
use crate::web::dom;
use crate::web::fetch::Failure;
use crate::web::inputs::Inputs;
use crate::web::part::Part;

/// The status lines at the top of the page, each keyed by its own markup.
pub(crate) struct Status {
    release: Part<String>,
    notices: Part<String>,
    progress: Part<String>,
    error: Part<String>,
}

impl Status {
    /// The status slots under `root`.
    pub fn find(root: &web_sys::Element) -> Option<Status> {
        let slot = |s: Slot| dom::find(root, &format!("[data-slot={}]", s.name())).map(Part::new);
        Some(Status {
            release: slot(Slot::Release)?,
            notices: slot(Slot::Notices)?,
            progress: slot(Slot::Progress)?,
            error: slot(Slot::Error)?,
        })
    }

    /// Shows each line for `inputs`; `kept` says whether a good view is still on screen,
    /// `quiet` leaves the loading line out.
    pub fn show(&mut self, inputs: &Inputs, kept: bool, quiet: bool) {
        let release = match (&inputs.selection, &inputs.versions) {
            (Some(s), Some(v)) => crate::web::releases::notice(&s.data.release, v, &s.view),
            _ => String::new(),
        };
        self.release.show(release.clone(), || release);
        let mut notices = inputs.notices.clone();
        notices.extend(inputs.refused.iter().cloned());
        let notices = html::live::notices(&notices);
        self.notices.show(notices.clone(), || notices);
        let progress =
            inputs.loading.as_ref().filter(|_| !quiet).map(html::live::progress).unwrap_or_default();
        self.progress.show(progress.clone(), || progress);
        self.failure(inputs.failure.as_ref(), kept);
    }

    /// The error panel for `failure` (empty when none).
    pub(crate) fn failure(&mut self, failure: Option<&Failure>, kept: bool) {
        let panel = failure
            .map(|f| html::live::error_panel(&f.summary, &f.problems, f.hint.as_deref(), kept))
            .unwrap_or_default();
        self.error.show(panel.clone(), || panel);
    }

    /// The line saying a chart waits for its box to get a size.
    pub(crate) fn waiting_for_room(&mut self) {
        let line = html::live::waiting_for_room().to_string();
        self.error.show(line.clone(), || line);
    }
}
