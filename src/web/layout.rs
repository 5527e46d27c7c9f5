//! Which layout the page has (the full dashboard, one chart for an iframe, or a briefing
//! deck), the elements it is built of, and the listeners on its stable containers. The full
//! dashboard adopts the first view when the page has one; the others are built from the
//! same markup functions.

use leptos::prelude::*;

use crate::html;
use crate::pipeline::Selection;
use crate::view::{Embed, ViewState};
use crate::web::deck::Deck;
use crate::web::dom;
use crate::web::embed::EmbedPage;
use crate::web::events;
use crate::web::full::FullPage;
use crate::web::inputs::Inputs;
use crate::web::state::PageState;
use crate::web::status::Status;

/// The page's layout, from the address.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mode {
    /// The whole dashboard.
    Full,
    /// One chart alone, for an iframe.
    Embed(Embed),
    /// Briefing mode: one chart per slide.
    Deck,
}

impl Mode {
    /// The layout a view asks for.
    pub fn of(v: &ViewState) -> Mode {
        match (&v.embed, v.present) {
            (Some(e), _) => Mode::Embed(e.clone()),
            (None, Some(_)) => Mode::Deck,
            (None, None) => Mode::Full,
        }
    }
}

/// What fills the page below its status lines.
pub(crate) enum Body {
    /// The dashboard.
    Full(Box<FullPage>),
    /// One chart.
    Embed(EmbedPage),
    /// Slides.
    Deck(Deck),
}

/// The first view's record of what it was drawn from.
pub(crate) struct FirstView {
    /// The fingerprint of the dataset file it was drawn from.
    pub fingerprint: String,
    /// The address that file was read from.
    pub source: String,
}

/// The page as built for one mode.
pub(crate) struct Layout {
    mode: Mode,
    root: web_sys::Element,
    status: Status,
    body: Body,
    /// Until the first dataset arrives: the first view on screen, if any.
    first_view: Option<FirstView>,
    _listeners: Vec<dom::Listener>,
}

impl Layout {
    /// Builds the layout for `mode`. At the page's start (`first`) the full dashboard
    /// adopts the first view; otherwise, and for the other modes, the elements are written
    /// from the markup functions.
    pub fn build(
        mode: Mode,
        first: bool,
        state: PageState,
        attempt: RwSignal<u32>,
        resized: RwSignal<u32>,
    ) -> Option<Layout> {
        let doc = dom::document()?;
        let existing = doc.get_element_by_id("static");
        // The first view is adopted only in the language it was written in.
        let written_in = existing.as_ref().and_then(|e| e.get_attribute("data-lang"));
        let first = first && written_in.as_deref().unwrap_or("en") == crate::phrase::locale().code();
        let first_view = match (&existing, first, &mode) {
            (Some(root), true, Mode::Full) => root.get_attribute("data-drawn-from").map(|fingerprint| {
                FirstView { fingerprint, source: root.get_attribute("data-source").unwrap_or_default() }
            }),
            _ => None,
        };
        let root = match (existing, first, &mode) {
            (Some(root), true, Mode::Full) => root,
            (existing, _, _) => fresh_root(&doc, existing, &mode)?,
        };
        let status = Status::find(&root)?;
        let body = match &mode {
            Mode::Full => Body::Full(Box::new(FullPage::find(&root, resized)?)),
            Mode::Embed(e) => Body::Embed(EmbedPage::build(&root, e, resized)?),
            Mode::Deck => Body::Deck(Deck::new(&root, resized)),
        };
        let listeners = events::install(&root, state, attempt);
        if matches!(mode, Mode::Full) {
            crate::web::phone::install();
        }
        Some(Layout { mode, root, status, body, first_view, _listeners: listeners })
    }

    /// True when this layout is the one `mode` asks for.
    pub(crate) fn is_for(&self, mode: &Mode) -> bool {
        self.mode == *mode
    }

    /// The status lines: a newer release, notices, progress, the error panel.
    pub(crate) fn show_status(&mut self, inputs: &Inputs) {
        let first_view_holds = self.first_view.as_ref().is_some_and(|f| f.source == inputs.data_url);
        // While the first view of the data being loaded is on screen, a loading line above
        // it would only push it down.
        let quiet = first_view_holds && inputs.selection.is_none();
        self.status.show(inputs, inputs.selection.is_some() || first_view_holds, quiet);
    }

    /// Says a chart waits for its box to get a size (the next status shown replaces it).
    pub(crate) fn show_waiting_for_room(&mut self) {
        self.status.waiting_for_room();
    }

    /// Before any dataset: a failed load hides a first view drawn from other data than was
    /// asked for, so no figure on screen belongs to a dataset the reader did not ask for.
    pub(crate) fn show_waiting(&mut self, inputs: &Inputs) {
        let holds = self.first_view.as_ref().is_some_and(|f| f.source == inputs.data_url);
        if inputs.failure.is_some() && !holds {
            let _ = self.root.set_attribute("data-stale", "");
        }
    }

    /// A change of view on the dashboard, its charts first: the headline, filters and
    /// drawings for `sel`, the rest left as it was; `None` where there is no such step (a
    /// single chart, the slides, or the first dataset, which decides on the first view).
    pub(crate) fn show_charts(&mut self, sel: &Selection, inputs: &Inputs) -> Option<bool> {
        match &mut self.body {
            Body::Full(page) if self.first_view.is_none() => {
                let _ = self.root.remove_attribute("data-stale");
                Some(page.show_charts(sel, inputs))
            }
            _ => None,
        }
    }

    /// Every part for the selection; true when every chart is drawn.
    pub(crate) fn show_content(&mut self, sel: &Selection, inputs: &Inputs) -> bool {
        let _ = self.root.remove_attribute("data-stale");
        // The first dataset decides whether the first view on screen is what this page
        // would draw: the same file, read from the same address.
        if let Some(f) = self.first_view.take() {
            let same =
                inputs.loaded.as_deref() == Some(f.fingerprint.as_str()) && f.source == inputs.data_url;
            if let (true, Body::Full(page)) = (same, &mut self.body) {
                page.adopt(sel, inputs);
            }
        }
        match &mut self.body {
            Body::Full(page) => page.show(sel, inputs),
            Body::Embed(page) => page.show(sel, inputs),
            Body::Deck(deck) => deck.show(sel, inputs),
        }
    }
}

/// A root written for `mode` from the markup functions, replacing the first view (an embed
/// or a deck hides it from the first frame, and the dashboard rebuilt after another mode
/// starts afresh).
fn fresh_root(
    doc: &web_sys::Document,
    existing: Option<web_sys::Element>,
    mode: &Mode,
) -> Option<web_sys::Element> {
    let body = doc.body()?;
    // The header's tools may stand in the old page's toolbar: back to the header first.
    crate::web::phone::place(false);
    if let Some(old) = existing {
        old.remove();
    }
    if let Some(old) = doc.get_element_by_id("live") {
        old.remove();
    }
    if !matches!(mode, Mode::Full) {
        let root = doc.create_element("div").ok()?;
        root.set_id("live");
        root.set_inner_html(&html::live_root());
        body.append_child(&root).ok()?;
        return Some(root);
    }
    match doc.query_selector("header.page-header").ok().flatten() {
        // Written again: the language may have changed since.
        Some(header) => {
            header.set_inner_html(&html::header());
            if let Some(skip) = doc.query_selector("a.skip").ok().flatten() {
                skip.set_text_content(Some(&crate::phrase::t("page.skip")));
            }
        }
        None => {
            let _ = body.insert_adjacent_html("beforeend", &html::page_header());
        }
    }
    let _ = body.insert_adjacent_html(
        "beforeend",
        &html::root(&html::empty_page(crate::web::fetch::DEFAULT_DATA_URL), None, ""),
    );
    doc.get_element_by_id("static")
}
