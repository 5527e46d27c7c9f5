//! The page on screen and what each part of it shows. At start-up the live layer adopts the
//! first view's elements as they are (the static page records the dataset it was drawn
//! from, and when that is the dataset loaded, every part is known to show the default
//! view); from then on each part is rewritten only when its key changes. An embed or a
//! briefing deck builds its own elements from the same markup functions.

use leptos::prelude::*;

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

    /// `<html data-state>`: `loading` while a dataset loads, `error` when anything failed,
    /// `loading` until the data is in and every chart is drawn, then `ready` (written only
    /// when it changes: a change of view drawn within the same task leaves it `ready`).
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
    let e = v.embed.as_ref();
    dom::set_root_attr("data-embed", yes(e.is_some()));
    dom::set_root_attr("data-still", yes(e.is_some_and(|e| e.still)));
    dom::set_root_attr("data-transparent", yes(e.is_some_and(|e| e.transparent)));
    dom::set_root_attr("data-present", yes(v.present.is_some()));
}
