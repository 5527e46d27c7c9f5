//! One chart figure as the page shows it: the drawing (or what went wrong), its whole table,
//! sources and notes, drawn from the chart's data.

use crate::pipeline::caption::{ChartStatus, Note};
use crate::pipeline::chart::ChartData;
use crate::pipeline::links::SourceLink;
use crate::pipeline::selection::Selection;
use crate::render::Size;
use crate::tables::Table;
use crate::view::{ChartKind, Theme};

/// What one chart figure shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Which chart.
    pub kind: ChartKind,
    /// The SVG, or what went wrong in words.
    pub svg: Result<String, String>,
    /// The same numbers as a table.
    pub table: Table,
    /// Sources named in the caption.
    pub sources: Vec<SourceLink>,
    /// Notes shown under the chart.
    pub notes: Vec<Note>,
    /// For a flow that does not add up to its theft: why, short enough for an image's
    /// subtitle ([`crate::phrase::sum_words`]).
    pub(crate) sum_words: Option<String>,
    /// For one incident's flow: every published split by date, shown under the chart.
    pub status: Option<ChartStatus>,
}

impl Chart {
    /// The chart of `data` drawn at `size` in `theme`, with its whole table.
    pub fn drawn(data: &ChartData, size: Size, theme: Theme) -> Chart {
        Chart {
            kind: data.kind(),
            svg: data.draw(size, theme),
            table: data.table(usize::MAX),
            sources: data.sources().to_vec(),
            notes: data.notes().to_vec(),
            sum_words: data.sum_words(),
            status: data.status().cloned(),
        }
    }
}

/// Draws one chart of the page at a size, with its whole table.
pub fn chart(sel: &Selection, kind: ChartKind, size: Size) -> Chart {
    Chart::drawn(&ChartData::new(sel, kind), size, sel.theme)
}

/// A chart's whole table, without drawing the chart (only the timeline's can be long).
pub fn table(sel: &Selection, kind: ChartKind) -> Table {
    ChartData::new(sel, kind).table(usize::MAX)
}

/// The laundering flow of one incident, for its detail panel.
pub fn incident_flow(sel: &Selection, incident: &str, size: Size) -> Option<Chart> {
    ChartData::flow_of(sel, incident).map(|d| Chart::drawn(&d, size, sel.theme))
}
