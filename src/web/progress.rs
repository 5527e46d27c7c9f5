//! The loading status: how much of the data file has arrived, then that it is being read.
//! Shown whenever a dataset is loading, above the last good view if one is on screen.

use leptos::prelude::*;

use crate::load::Progress;

/// The status line, with a progress bar once the file's size is known.
#[component]
pub fn LoadProgress(progress: Signal<Progress>) -> impl IntoView {
    let bar = move || {
        progress.with(|p| match (p.parsing, p.total) {
            // No value: an indeterminate bar while the file is read.
            (true, _) => Some(view! { <progress class="load-bar"></progress> }.into_any()),
            (false, Some(total)) if total > 0 => Some(
                view! { <progress class="load-bar" max=total.to_string() value=p.received.to_string()></progress> }
                    .into_any(),
            ),
            _ => None,
        })
    };
    view! {
        <div class="loading" data-loading=move || if progress.with(|p| p.parsing) { "parsing" } else { "receiving" }>
            <p role="status" aria-live="polite">{move || progress.with(Progress::describe)}</p>
            {bar}
        </div>
    }
}
