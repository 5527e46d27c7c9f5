//! The view: what the reader has chosen to see (filter, sort, theme, selected incident and
//! flow) and its one spelling as URL query parameters, so every view is a permalink.
//! Every other module reads the view from here; this module depends on the data model only.
//!
//! One file per job: `filter.rs` (the filter and the filter in words), `state.rs` (the view's
//! state and its named choices), `rules.rs` (the rules every parameter is read under:
//! [`Draft`], [`parse`], [`apply`]), `notices.rs` (the [`Notice`] type; unknown values dropped),
//! `url.rs` (the query string read and written). Every item is re-exported here, so outside
//! code names it as `view::X`.

mod filter;
mod notices;
mod rules;
mod state;
mod url;

#[cfg(test)]
mod tests;

pub use crate::text::fold_case;
pub use filter::Filter;
pub use notices::{reconcile, Notice, MAX_NOTICES};
pub use rules::{apply, parse, Draft};
pub use state::{slide_after, ChartKind, Embed, FiguresFor, SortKey, Theme, ViewState};
pub use url::{encode, query_pairs, to_query};
