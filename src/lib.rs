//! Heist Ledger: a client-side dashboard of cryptocurrency thefts attributed to North
//! Korea (DPRK), where every figure links to its source.
//!
//! The crate is a one-way street; each layer uses only the layers above it:
//!
//! 1. [`model`] and [`date`]: the dataset's types, which are also its published schema;
//!    [`load`] and [`validate`]: from bytes to a checked dataset, or to every problem at once;
//!    [`release`]: the index of archived releases (`versions.json`);
//!    [`address`]: web addresses in the data, checked and shown as a browser shows their host;
//!    [`text`]: case folding by rule, without the Unicode tables;
//!    [`json`]: a JSON reader and writer without generics; [`sort`]: every sort through one routine;
//!    [`decimal`]: an `f64` as text, as the standard library writes it, without its float formatting;
//!    [`lang`]: the six locales a page can speak (the view names one).
//! 2. [`view`]: what the reader chose to see (filter, sort, theme, selection) and its URL form.
//! 3. [`aggregate`]: year totals beside reported figures, timeline points, flow graphs;
//!    [`mod@format`]: how money reads;
//!    [`reconcile`]: why a year's listed sum and a publisher's figure part;
//!    [`after`]: what was frozen, seized, recovered and returned after the thefts;
//!    [`status`]: a flow's published splits over time;
//!    [`diff`]: what changed between an earlier release and the one on screen, for a view.
//! 4. [`layout`]: pure geometry (scales, the Sankey layout, label placement, text metrics);
//!    [`locale`]: numbers, money, dates and line breaking as each locale's press writes
//!    them (it reads [`layout`]'s text estimate so Latin measures the same in both);
//!    [`phrase`]: the page's words per locale (one file of UI strings each under `i18n/`),
//!    with money, numbers and dates through [`locale`];
//!    [`tables`]: the same numbers as tables, their column headers in the words in force.
//! 5. [`render`]: plotters drawing the charts into accessible SVG.
//! 6. [`pipeline`]: the one function chain from (dataset, view) to everything the page
//!    shows; [`html`]: that output as markup, shared by the static first view and the live page;
//!    [`exports`]: what leaves the page (images at fixed sizes, CSV/JSON, embed code).
//!    [`cite`]: the view as a citation pinned to its release.
//!    [`briefing`]: the printed briefing pack built from the same markup and charts;
//!    `package` (native): the data as CSV tables with a Frictionless descriptor, a zip,
//!    feeds of the releases and a CITATION.cff, for `make build`.
//! 7. `web` (wasm32 only): the thin Leptos layer: page state, events, fetching.
//!
//! The static build (`src/bin/render.rs`) runs the same pipeline natively.
//!
//! ## What is public
//!
//! An item is `pub` when something outside the crate names it, and `pub(crate)` otherwise.
//! Outside are: `src/main.rs` (it calls `web::start`), `src/bin/render.rs` (the static
//! first view and the render command: `load::parse_dataset`, `pipeline::Selection` and
//! `pipeline::ChartData`, the markup of `html`, the embeds and PNGs of `exports`, the data
//! package, the release index), the native and browser tests under `tests/` (each module's
//! behaviour through its public items), the bench (`examples/bench.rs`) and the fuzz target
//! (`fuzz/`: `load::parse_dataset`, `validate`'s length limits, the view and the pipeline).
//! Three kinds stay `pub` though only the crate names them: an item the public docs link to
//! (the schema version, the money limit, a key's builder), a type a public item's signature
//! shows, and what only the wasm32 web layer calls (the live page's markup in `html::live`,
//! the slugs the page reads back), which a native build would otherwise call dead code.

// Every public item says what it is for: `make lint` (clippy with -D warnings, native and
// wasm32) turns a missing doc into an error.
#![warn(missing_docs)]

pub mod address;
pub mod after;
pub mod aggregate;
pub mod briefing;
pub mod cite;
pub mod date;
pub mod decimal;
pub mod diff;
pub mod exports;
pub mod format;
pub mod html;
pub mod json;
pub mod lang;
pub mod layout;
pub mod load;
pub mod locale;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod package;
pub mod phrase;
pub mod pipeline;
pub mod reconcile;
pub mod release;
pub mod render;
pub mod sort;
pub mod status;
pub mod tables;
pub mod text;
pub mod validate;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
