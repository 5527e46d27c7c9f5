//! Briefing mode (`?present`): one chart per slide, full screen, large type, with the one
//! sentence the data says about it and the source line always in view. Arrow keys, space,
//! Page Up/Down (presentation clickers), Home/End move between slides; `f` toggles full
//! screen. Each slide is its own address (`?present=2`), so a deck can be bookmarked.

use leptos::prelude::*;

use crate::pipeline::{self, ChartKind};
use crate::view;
use crate::web::charts::{ChartFigure, ChartZoom};
use crate::web::diff::DiffLine;
use crate::web::dom;
use crate::web::state::page;

/// The slide for `n` (counted from 1).
fn slide_kind(n: usize) -> ChartKind {
    ChartKind::ALL[n.clamp(1, ChartKind::ALL.len()) - 1]
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

/// The deck: the slide in the address, and the keys that move it.
#[component]
pub fn Presentation() -> impl IntoView {
    let state = page();
    let slide =
        Memo::new(move |_| state.selection.with(|s| s.as_ref().and_then(|s| s.view.present)).unwrap_or(1));
    let go = move |n: usize| {
        if n != slide.get_untracked() {
            state.update(|v| v.present = Some(n), false);
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        // Typing in a control is not a slide change.
        if dom::closest(ev.target(), "input, select, textarea").is_some()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
            return;
        }
        if ev.key() == "f" || ev.key() == "F" {
            ev.prevent_default();
            toggle_full_screen();
        } else if let Some(n) = view::slide_after(&ev.key(), ev.shift_key(), slide.get_untracked()) {
            ev.prevent_default();
            go(n);
        }
    });
    on_cleanup(move || keys.remove());
    let words = Memo::new(move |_| {
        let kind = slide_kind(slide.get());
        state.selection.with(|s| {
            let s = s.as_ref()?;
            let frame = pipeline::frame_for(s, kind, kind.size_for(640), "");
            Some((pipeline::takeaway(s, kind), frame.sources, frame.dated))
        })
    });
    let total = ChartKind::ALL.len();
    // Read across a room: the charts are drawn smaller and shown larger, so their text is too.
    provide_context(ChartZoom(1.6));
    view! {
        <section class="slide" aria-roledescription="slide" aria-live="polite"
            aria-label=move || format!("Slide {} of {total}", slide.get())>
            <h1 class="slide-title">{move || slide_kind(slide.get()).heading()}</h1>
            <p class="takeaway" data-takeaway>{move || words.with(|w| w.as_ref().map(|w| w.0.clone()))}</p>
            {move || { let kind = slide_kind(slide.get()); view! { <ChartFigure kind=kind /> } }}
            <DiffLine />
            <footer class="slide-foot">
                <p class="slide-sources">
                    {move || words.with(|w| w.as_ref().map(|w| format!("{} · {}", w.1, w.2)))}
                </p>
                <nav class="slide-nav" aria-label="Slides">
                    <button type="button" on:click=move |_| go(slide.get_untracked().saturating_sub(1).max(1))
                        prop:disabled=move || slide.get() == 1>"← Previous"</button>
                    <span class="slide-count">{move || format!("{} / {total}", slide.get())}</span>
                    <button type="button" on:click=move |_| go((slide.get_untracked() + 1).min(total))
                        prop:disabled=move || slide.get() == total>"Next →"</button>
                    <button type="button" on:click=move |_| toggle_full_screen()>"Full screen (F)"</button>
                </nav>
            </footer>
        </section>
    }
}
