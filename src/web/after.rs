//! The yearly section of what happened after the thefts (`section[data-after]`): the markup
//! [`crate::html::after::years`] writes for the selection in force.

use leptos::prelude::*;

use crate::html;
use crate::web::state::page;

/// Each year's thefts beside what was frozen, seized, recovered and returned of them.
#[component]
pub fn AfterYears() -> impl IntoView {
    let state = page();
    let content = move || state.selection.with(|s| s.as_ref().map(html::after::years).unwrap_or_default());
    view! { <section class="after" data-after aria-labelledby="after-heading" inner_html=content></section> }
}
