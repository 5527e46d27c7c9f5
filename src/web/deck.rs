//! Briefing mode (`?present`): one chart per slide, full screen, large type, with the one
//! sentence the data says about it and the source line always in view. Arrow keys, space,
//! Page Up/Down (presentation clickers), Home/End move between slides; `f` toggles full
//! screen. Each slide is its own address (`?present=2`), so a deck can be bookmarked.

use leptos::prelude::*;

use crate::html::{self, Action, Slot};
use crate::pipeline::{self, Part as Block, PartKey, Selection};
use crate::view::{self, ChartKind};
use crate::web::dom;
use crate::web::figure::Figure;
use crate::web::inputs::Inputs;
use crate::web::part::Part;
use crate::web::state::{page, PageState};

/// Read across a room: the charts are drawn this much smaller than shown, so their text is
/// larger: the smallest chart text (9 px) shows at 18 px.
const ZOOM: f64 = 2.0;

/// The slide for `n` (counted from 1).
fn slide_kind(n: usize) -> ChartKind {
    ChartKind::ALL[n.clamp(1, ChartKind::ALL.len()) - 1]
}

/// The deck: the slide on screen and the keys that move it.
pub(crate) struct Deck {
    main: Option<web_sys::Element>,
    resized: RwSignal<u32>,
    /// The slide shown and its figure.
    slide: Option<(usize, Figure, String)>,
    /// What changed since an earlier release, on the slide shown (`?since=`, folded).
    diff: Option<Part<PartKey>>,
    _keys: Option<dom::Listener>,
}

impl Deck {
    /// A deck in `root`'s `main`, listening for the slide keys on the window.
    pub fn new(root: &web_sys::Element, resized: RwSignal<u32>) -> Deck {
        let keys = page()
            .zip(dom::window_target())
            .map(|(state, w)| dom::Listener::new(&w, "keydown", move |ev| key(&ev, state)));
        Deck { main: dom::find(root, "main"), resized, slide: None, diff: None, _keys: keys }
    }

    /// The slide in the address, with its sentence and source line; true when its chart is
    /// drawn.
    pub fn show(&mut self, sel: &Selection, inputs: &Inputs) -> bool {
        let n = sel.view.present.unwrap_or(1);
        let kind = slide_kind(n);
        if self.slide.as_ref().is_none_or(|(shown, _, _)| *shown != n) {
            self.build(n);
        }
        let Some((_, figure, words)) = self.slide.as_mut() else { return false };
        figure.measure();
        let drawn = figure.show(sel, &inputs.ui);
        if let Some(p) = self.diff.as_mut() {
            p.show(sel.part_key(Block::Diff), || html::diff::folded(sel));
        }
        let data = figure.data(sel);
        let sources = pipeline::slide_sources(sel, &data);
        let now = format!("{}\n{sources}", data.takeaway());
        if *words != now {
            dom::set_text("[data-takeaway]", data.takeaway());
            dom::set_text(".slide-sources", &sources);
            *words = now;
        }
        let _ = kind;
        drawn
    }

    /// Writes slide `n` in place of the one before.
    fn build(&mut self, n: usize) {
        self.slide = None;
        let Some(main) = &self.main else { return };
        if let Some(old) = dom::find(main, ":scope > .slide") {
            old.remove();
        }
        let kind = slide_kind(n);
        let figure = html::figure(kind, "", html::DRAWING_PENDING, "", "");
        let markup = html::live::slide(n, ChartKind::ALL.len(), kind, "", "", &figure);
        let _ = main.insert_adjacent_html("beforeend", &markup);
        let figure = dom::find(main, ".slide figure[data-chart]")
            .and_then(|el| Figure::attach(el, kind, ZOOM, self.resized));
        self.diff = dom::find(main, &format!(".slide [data-slot={}]", Slot::Diff.name())).map(Part::new);
        self.slide = figure.map(|f| (n, f, String::new()));
    }
}

/// The slide buttons.
pub(crate) fn act(action: Action, state: PageState) {
    let n = state.view.get_untracked().present.unwrap_or(1);
    match action {
        Action::PreviousSlide => go(state, n.saturating_sub(1).max(1)),
        Action::NextSlide => go(state, (n + 1).min(ChartKind::ALL.len())),
        Action::FullScreen => toggle_full_screen(),
        _ => {}
    }
}

fn go(state: PageState, n: usize) {
    if Some(n) != state.view.get_untracked().present {
        state.set(&[("present", &[&n.to_string()])], false);
    }
}

/// The keys a presentation clicker sends, and `f` for full screen.
fn key(ev: &web_sys::Event, state: PageState) {
    let Some(k) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(ev) else { return };
    // Typing in a control is not a slide change.
    if dom::closest(ev.target(), "input, select, textarea").is_some()
        || k.ctrl_key()
        || k.meta_key()
        || k.alt_key()
    {
        return;
    }
    let n = state.view.get_untracked().present.unwrap_or(1);
    if k.key() == "f" || k.key() == "F" {
        ev.prevent_default();
        toggle_full_screen();
    } else if let Some(next) = view::slide_after(&k.key(), k.shift_key(), n) {
        ev.prevent_default();
        go(state, next);
    }
}

/// Full screen on, or off when it is on.
fn toggle_full_screen() {
    let Some(doc) = dom::document() else { return };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = doc.document_element() {
        let _ = el.request_fullscreen();
    }
}
