//! The page on screen and what each part of it shows. At start-up the live layer adopts the
//! first view's elements as they are (the static page records the dataset it was drawn
//! from, and when that is the dataset loaded, every part is known to show the default
//! view); from then on each part is rewritten only when its key changes. An embed or a
//! briefing deck builds its own elements from the same markup functions.

use leptos::prelude::*;

use crate::html::{self, Slot};
use crate::load::Progress;
use crate::pipeline::Selection;
use crate::release::Version;
use crate::view::{Theme, ViewState};
use crate::web::dom;
use crate::web::fetch::Failure;
use crate::web::figure::Figure;
use crate::web::layout::{Layout, Mode};
use crate::web::state::{PageState, Ui};

/// Everything the screen shows, read from the page state.
pub struct Inputs {
    /// The dataset narrowed by the view, once a dataset has loaded.
    pub selection: Option<Selection>,
    /// The fingerprint of the loaded dataset's file.
    pub loaded: Option<String>,
    /// The view in force.
    pub view: ViewState,
    /// What the address held that was not understood.
    pub notices: Vec<String>,
    /// What the rules refused of the reader's last change.
    pub refused: Vec<String>,
    /// The theme the charts are drawn in.
    pub theme: Theme,
    /// The address the dataset was asked from.
    pub data_url: String,
    /// Why the data could not be shown.
    pub failure: Option<Failure>,
    /// How far the dataset has come, while it loads.
    pub loading: Option<Progress>,
    /// The site's releases, once fetched.
    pub versions: Option<Vec<Version>>,
    /// What the reader opened on the page.
    pub ui: Ui,
    /// Bumped when a chart box changed size.
    pub resized: u32,
}

/// One element of the page and the key of what it shows: rewritten only when the key
/// changes, and then only when the markup does (a filter can leave a caption as it was).
pub struct Part<K> {
    el: web_sys::Element,
    shown: Option<K>,
    markup: Option<u64>,
}

/// A short fingerprint of markup, to tell whether an element already holds it.
pub fn digest(markup: &str) -> u64 {
    markup.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

impl<K: PartialEq> Part<K> {
    /// An element whose content is not known (it is rewritten at the first chance).
    pub fn new(el: web_sys::Element) -> Part<K> {
        Part { el, shown: None, markup: None }
    }

    /// An element known to show what `key` draws (adopted from the first view).
    pub fn adopt(&mut self, key: K) {
        self.shown = Some(key);
    }

    /// Shows what `key` draws, rewriting the element only when the key changed.
    pub fn show(&mut self, key: K, markup: impl FnOnce() -> String) {
        if self.shown.as_ref() != Some(&key) {
            let markup = markup();
            let digest = digest(&markup);
            if self.markup != Some(digest) {
                dom::set_html_keeping_focus(&self.el, &markup);
                self.markup = Some(digest);
            }
            self.shown = Some(key);
        }
    }

    /// The element.
    pub fn el(&self) -> &web_sys::Element {
        &self.el
    }
}

/// How many frames a chart that has not been measured yet may wait before it counts as
/// failed (a slide or embed builds its figure, then measures it when laid out).
const SETTLE_FRAMES: u32 = 60;

/// The screen: its layout for the mode in force, rebuilt when the mode changes.
pub struct Screen {
    state: PageState,
    attempt: RwSignal<u32>,
    layout: Option<Layout>,
    /// Frames waited for a chart box to get a size.
    waited: u32,
}

impl Screen {
    /// A screen that builds its layout at the first [`Screen::show`].
    pub fn new(state: PageState, attempt: RwSignal<u32>) -> Screen {
        Screen { state, attempt, layout: None, waited: 0 }
    }

    /// Brings the page in line with `inputs`: the layout for the view's mode, the status
    /// lines, every part whose key changed, and `<html data-state>`.
    pub fn show(&mut self, inputs: &Inputs, resized: RwSignal<u32>) {
        let mode = Mode::of(&inputs.view);
        if self.layout.as_ref().is_none_or(|l| !l.is_for(&mode)) {
            let first = self.layout.is_none();
            self.layout = Layout::build(mode, first, self.state, self.attempt, resized);
            self.waited = 0;
        }
        let Some(layout) = self.layout.as_mut() else { return };
        set_mode_attrs(&inputs.view, inputs.theme);
        layout.show_status(inputs);
        let drawn = match &inputs.selection {
            Some(sel) => layout.show_content(sel, inputs),
            None => {
                layout.show_waiting(inputs);
                true
            }
        };
        self.settle(inputs, drawn, resized);
    }

    /// `<html data-state>`: `error` when anything failed, `loading` until the data is in
    /// and every chart is drawn, then `ready` (set again after every change, so a reader
    /// of the attribute knows the change is on screen).
    fn settle(&mut self, inputs: &Inputs, drawn: bool, resized: RwSignal<u32>) {
        let state = if inputs.failure.is_some() {
            "error"
        } else if inputs.loading.is_some() || inputs.selection.is_none() {
            "loading"
        } else if drawn {
            self.waited = 0;
            "ready"
        } else if self.waited < SETTLE_FRAMES {
            // A chart box without a size yet: look again next frame.
            self.waited += 1;
            dom::next_frame(move || resized.update(|n| *n += 1));
            "loading"
        } else {
            let failure = Failure {
                summary: "A chart was not drawn: its box on the page never got a size.".to_string(),
                problems: Vec::new(),
                hint: Some("Try a wider window, or reload the page.".to_string()),
            };
            if let Some(layout) = self.layout.as_mut() {
                layout.show_failure(Some(&failure), true);
            }
            "error"
        };
        dom::set_root_attr("data-state", state);
    }
}

/// `<html data-theme|data-embed|data-still|data-transparent|data-present>`: the stylesheet
/// keys the page's look and layout off them.
fn set_mode_attrs(v: &ViewState, theme: Theme) {
    let yes = |on: bool| if on { "true" } else { "false" };
    dom::set_root_attr("data-theme", theme.slug());
    let e = v.embed.as_ref();
    dom::set_root_attr("data-embed", yes(e.is_some()));
    dom::set_root_attr("data-still", yes(e.is_some_and(|e| e.still)));
    dom::set_root_attr("data-transparent", yes(e.is_some_and(|e| e.transparent)));
    dom::set_root_attr("data-present", yes(v.present.is_some()));
}

/// The status lines at the top of the page, each keyed by its own markup.
pub struct Status {
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
    pub fn failure(&mut self, failure: Option<&Failure>, kept: bool) {
        let panel = failure
            .map(|f| html::live::error_panel(&f.summary, &f.problems, f.hint.as_deref(), kept))
            .unwrap_or_default();
        self.error.show(panel.clone(), || panel);
    }
}

/// Measures every figure's chart box in one pass, before any of them is written to, so the
/// page lays out once however many charts there are.
pub fn measure(figures: &mut [Figure]) {
    for f in figures.iter_mut() {
        f.measure();
    }
}
