//! From the dataset and a [`Filter`](crate::view::Filter) to what each chart draws: year
//! totals beside reported figures, timeline points and enforcement events, and laundering
//! flow graphs. Pure functions; the charts never look at the raw dataset.
//!
//! One file per job: `yearly.rs` (year totals and reported figures), `timeline.rs` (points
//! and enforcement events), `flows.rs` (flow graphs and each edge's basis in words), `fold.rs`
//! (a flow too large to draw, folded), `headline.rs` (the headline figures and the table's
//! order), `published.rs` (published figures over time). Every item is re-exported here, so
//! outside code names it as `aggregate::X`.

mod flows;
mod fold;
mod headline;
mod published;
mod timeline;
mod yearly;

#[cfg(test)]
mod tests;

pub use flows::{
    flow_graph, id_words, Basis, FlowGraph, FlowGraphLink, FlowGraphNode, IdWord, SumNote, NOT_TRACED_ID,
};
pub use fold::{fold_small_hops, MAX_DRAWN_FLOW_NODES};
pub use headline::{headline, largest, largest_by, sort_incidents, Headline, Share};
pub use published::{published, published_years, PublishedData, PublishedPoint, Window};
pub use timeline::{timeline, TimelineData, TimelineEvent, TimelinePoint};
pub use yearly::{
    latest_reported, publisher_order, yearly, EarlierFigure, ReportedMark, YearBar, YearlyData,
};
