//! What a chart's caption shows under it besides its sources: notes (why sums part, why a
//! flow does not add up) and a flow's published splits over time.

use crate::model::Dataset;
use crate::pipeline::links::{source_link, SourceLink};

/// A note shown under a chart (in its caption) and kept with its table: why a year's sum
/// and a publisher's figure part, or why a flow does not add up to its theft.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The page hook: `reconcile` (`[data-reconcile=YEAR]`) or `flow-sum`.
    pub hook: &'static str,
    /// What it is about (the year, or the flow's incident id), for the page hook.
    pub key: String,
    /// What it is about in words (the year, or the victim's name), for the reader.
    pub name: String,
    /// The note in words.
    pub text: String,
}

/// A flow's published splits over time, with each row's quoted source as a link.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStatus {
    /// The splits.
    pub status: crate::status::FlowStatus,
    /// Each row's first source, in row order.
    pub sources: Vec<Option<SourceLink>>,
}

impl ChartStatus {
    /// The status history of an incident's flow, when it has one.
    pub fn of(data: &Dataset, incident: &str) -> Option<ChartStatus> {
        let status = crate::status::flow_status(data, incident)?;
        let sources =
            status.rows.iter().map(|r| r.sources.first().and_then(|id| source_link(data, id))).collect();
        Some(ChartStatus { status, sources })
    }
}
