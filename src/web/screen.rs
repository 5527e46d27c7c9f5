//! The page on screen and what each part of it shows. At start-up the live layer adopts the
//! first view's elements as they are (the static page records the dataset it was drawn
//! from, and when that is the dataset loaded, every part is known to show the default
//! view); from then on each part is rewritten only when its key changes. An embed or a
//! briefing deck builds its own elements from the same markup functions.

use leptos::prelude::*;

use crate::lang::Locale;
use crate::view::{Theme, ViewState};
use crate::web::dom;
use crate::web::inputs::Inputs;
use crate::web::layout::{Layout, Mode};
use crate::web::state::PageState;

/// How many frames a chart that has not been measured yet may wait before the page says it
/// waits for room (a slide or embed builds its figure, then measures it when laid out).
const SETTLE_FRAMES: u32 = 60;

/// The screen: its layout for the mode in force, rebuilt when the mode changes.
pub(crate) struct Screen {
    state: PageState,
    attempt: RwSignal<u32>,
    layout: Option<Layout>,
    /// Bumped a frame after a change of view has drawn its charts, for the rest.
    rest: RwSignal<u32>,
    /// The value of `rest` that brings the rest of the page in line, while one is due.
    rest_due: Option<u32>,
    /// The view and theme the whole page last showed (a layout's first showing writes
    /// every part; a run for anything but a new view, such as a status line, needs no
    /// charts-first step).
    shown: Option<(ViewState, Theme)>,
    /// Frames waited for a chart box to get a size.
    waited: u32,
    /// The language the layout was written in.
    lang: Locale,
}

impl Screen {
    /// A screen that builds its layout at the first [`Screen::show`]; `rest` is the signal
    /// its effect reads as [`Inputs::rest`].
    pub fn new(state: PageState, attempt: RwSignal<u32>, rest: RwSignal<u32>) -> Screen {
        Screen {
            state,
            attempt,
            layout: None,
            rest,
            rest_due: None,
            shown: None,
            waited: 0,
            lang: Locale::En,
        }
    }

    /// Brings the page in line with `inputs`: the layout for the view's mode, the status
    /// lines, every part whose key changed, and `<html data-state>`.
    pub fn show(&mut self, inputs: &Inputs, resized: RwSignal<u32>) {
        // A language asked for whose words are on their way: what is on screen stays (the
        // first view, or the page in the last language) until they arrive.
        if inputs.words != inputs.lang && !inputs.words_failed {
            return;
        }
        let mode = Mode::of(&inputs.view);
        if self.layout.as_ref().is_none_or(|l| !l.is_for(&mode)) || self.lang != inputs.words {
            let first = self.layout.is_none();
            self.lang = inputs.words;
            self.layout = Layout::build(mode, first, self.state, self.attempt, resized);
            self.waited = 0;
            self.shown = None;
            self.rest_due = None;
        }
        let Some(layout) = self.layout.as_mut() else { return };
        set_mode_attrs(&inputs.view, inputs.theme);
        layout.show_status(inputs);
        // A change of view on the dashboard draws its charts in this task and the rest of
        // the page (captions, the tables under the charts, the incident list, the panels)
        // in a task after the browser has painted them: the reader sees the charts change
        // without waiting for the parts below them.
        let rest_now = self.rest_due == Some(inputs.rest);
        let settled = inputs.loading.is_none() && inputs.failure.is_none();
        let changed = self.shown.as_ref().is_some_and(|(v, t)| *v != inputs.view || *t != inputs.theme);
        let charts_first = changed && settled && !rest_now;
        if let Some(sel) = inputs.selection.as_ref().filter(|_| charts_first) {
            if let Some(true) = layout.show_charts(sel, inputs) {
                if self.rest_due.is_none() {
                    let (rest, next) = (self.rest, inputs.rest.wrapping_add(1));
                    self.rest_due = Some(next);
                    dom::next_frame(move || dom::later(move || rest.set(next)));
                }
                dom::set_root_attr("data-state", "drawn");
                return;
            }
        }
        self.rest_due = None;
        let drawn = match &inputs.selection {
            Some(sel) => {
                self.shown = Some((inputs.view.clone(), inputs.theme));
                layout.show_content(sel, inputs)
            }
            None => {
                layout.show_waiting(inputs);
                true
            }
        };
        self.settle(inputs, drawn, resized);
    }

    /// `<html data-state>`: `loading` while a dataset loads, `error` when anything failed,
    /// `loading` until the data is in and every chart is drawn, then `ready`; a change of
    /// view says `drawn` between its charts and the rest of the page ([`Screen::show`]).
    /// Written only when it changes: a run that changes no view leaves it `ready`.
    fn settle(&mut self, inputs: &Inputs, drawn: bool, resized: RwSignal<u32>) {
        // A load in flight (Try again) outranks the failure it may mend.
        let state = if inputs.loading.is_some() {
            "loading"
        } else if inputs.failure.is_some() {
            "error"
        } else if inputs.selection.is_none() {
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
            // Not a failure of the data: the page says so, and the next size the box gets
            // (a chart box's observer bumps `resized`) draws it and settles the page again.
            if let Some(layout) = self.layout.as_mut() {
                layout.show_waiting_for_room();
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
    dom::set_root_attr("lang", crate::phrase::locale().html_lang());
    let e = v.embed.as_ref();
    dom::set_root_attr("data-embed", yes(e.is_some()));
    dom::set_root_attr("data-still", yes(e.is_some_and(|e| e.still)));
    dom::set_root_attr("data-transparent", yes(e.is_some_and(|e| e.transparent)));
    dom::set_root_attr("data-present", yes(v.present.is_some()));
}
