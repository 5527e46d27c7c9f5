//! The page's markup as HTML text, from the pipeline's output: headline, filters, chart
//! captions and tables, the incident table, the detail panel and the footer. The static
//! build writes it into `index.html` and the browser layer puts the same text on screen,
//! so the first view and the live page cannot drift apart. Every dataset string is escaped
//! and wrapped in `<bdi>`, so markup stays inert and right-to-left text cannot reorder the
//! page's own words beside it.
//!
//! One file per job under `html/`: `common.rs` (pieces every part uses), `summary.rs`
//! (headline, release line, outlook, change log, published figures), `figure.rs` (a chart's
//! figure, caption and table), `filters.rs` (the filter controls), `incidents.rs` (the
//! incident table and detail panel), `page.rs` (the page's frame, sections and slots),
//! `action.rs`, `after.rs`, `diff.rs`, `live.rs` and `notices.rs` (the notices about the
//! address in the reader's words). Outside code names every item as
//! `html::X`.

mod action;
pub mod after;
mod common;
pub mod diff;
mod figure;
mod filters;
mod incidents;
pub mod live;
pub mod notices;
mod page;
mod summary;
pub mod texts;

pub use action::Action;
pub use figure::{caption, drawing, figure, figure_head, svg_host, table, DRAWING_PENDING, FLOW_CHOICES};
pub use filters::{filters, several_names};
pub use incidents::{detail, incident_table, TABLE_PAGE};
pub use page::{
    data_form, empty_page, footer, footer_about, footer_note, header, hreflang_links, is_site_path,
    language_picker, live_root, page_header, root, section, static_page, Section, Slot, StaticChart,
    FIRST_VIEW_WIDTHS,
};
pub use summary::{changes, headline, outlook, outlook_list, published_figures, release_line};
