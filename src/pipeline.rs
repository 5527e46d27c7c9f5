//! The one pure pipeline from (dataset, view) to everything the page shows: the selection
//! (filtered once per view), each chart's SVG with its table, caption and sources, the
//! headline and the incident table. The browser, the native tests, the bench and the static
//! build all call it; nothing else assembles a chart.
//!
//! The rooms, each by its job (every item is re-exported here, so callers say `pipeline::X`):
//! `selection` (the view applied once, and the keys of each block and chart), `chart`
//! (one chart's data, drawn only when wanted), `drawn` (a chart figure as the page shows
//! it), `caption` (its notes and a flow's splits), `kind` (each chart's heading and size),
//! `headline` (the headline figures and the dated line), `links` (sources as links, pinned
//! view addresses), `frame` (what frames an exported image or a slide) and `citations`
//! (`[id]` citations in free text).

mod caption;
mod chart;
mod citations;
mod drawn;
mod frame;
mod headline;
mod kind;
mod links;
mod selection;

pub use caption::{ChartStatus, Note};
pub use chart::{flow_graph_in_locale, ChartData};
pub use citations::{cited_parts, named_citations, plain_publisher};
pub use drawn::{chart, incident_flow, table, Chart};
pub(crate) use frame::with_lang;
pub use frame::{export_frame, slide_sources, standalone_svg, standalone_svg_sized, takeaway};
pub use headline::{dated, headline, result_summary, view_words, year_span_label, Figure};
pub use links::{
    address, site_root, source_link, static_embed_path, view_address, view_link, Address, SourceLink,
};
pub use selection::{ChartKey, DataKey, Part, PartKey, Selection};

pub use crate::view::ChartKind;
