//! Heist Ledger: a client-side dashboard of cryptocurrency thefts attributed to North
//! Korea (DPRK), where every figure links to its source.
//!
//! The crate is layered so the domain runs and is tested natively, without a browser:
//!
//! - [`model`] and [`date`]: the dataset's types, which are also its published schema;
//! - [`load`] and [`validate`]: from bytes to a checked dataset, or to every problem at once;
//! - [`aggregate`]: filters, year totals beside reported figures, timeline points, flow graphs;
//! - [`tables`]: the same numbers as the charts, as tables for screen readers and print;
//! - [`layout`]: pure geometry (scales, the Sankey layout, label placement, text metrics);
//! - [`render`]: plotters drawing the three charts into accessible SVG;
//! - [`format`]: how money and shares read on screen;
//! - [`query`]: the view as URL parameters (permalinks), with notices for bad ones;
//! - `web` (wasm32 only): the thin Leptos layer: components, URL state, fetching.

pub mod aggregate;
pub mod date;
pub mod format;
pub mod layout;
pub mod load;
pub mod model;
pub mod query;
pub mod render;
pub mod tables;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod web;
