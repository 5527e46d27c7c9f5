//! How each chart kind is presented: its heading, its caption's sources label and the
//! size it is drawn at for a page width.

use crate::phrase::t;
use crate::render::Size;
use crate::view::ChartKind;

/// How each chart is presented: its heading, caption label and drawing size.
impl ChartKind {
    /// The visible heading.
    pub fn heading(self) -> String {
        t(match self {
            ChartKind::Yearly => "chart.yearly.heading",
            ChartKind::Timeline => "chart.timeline.heading",
            ChartKind::Flows => "chart.flows.heading",
            ChartKind::Figures => "chart.figures.heading",
        })
    }

    /// What the caption's sources are for.
    pub(crate) fn sources_label(self) -> String {
        t(match self {
            ChartKind::Yearly => "chart.yearly.sources",
            ChartKind::Timeline => "chart.timeline.sources",
            ChartKind::Flows => "chart.flows.sources",
            ChartKind::Figures => "chart.figures.sources",
        })
    }

    /// The size the static page and the render command draw at for a page `width` wide:
    /// the chart box's CSS height rule (`style/main.css`) evaluated at that width, so the
    /// first view fills its box exactly as the live page will.
    pub fn size_for(self, width: u32) -> Size {
        let w = f64::from(width);
        // (share of the width, least, most; then a floor that grows as the box narrows:
        // intercept and slope). The flows: a label that would cross a ribbon moves to a keyed
        // list under the diagram (the summed flow keys about 18 of its 34 nodes even at
        // 1920 px), which needs more height the narrower the chart; on a phone the yearly legend (every
        // category and publisher) takes rows a wide screen lays out in two, and the
        // timeline's legend and two lanes likewise leave the plot a strip. The stylesheet
        // says the same as `max(clamp(..), calc(INTERCEPTpx - SLOPE*100cqw))`, and
        // public/early.js as its SIZE table (tests/exports.rs holds the three equal).
        let (share, lo, hi, floor_at_0, floor_slope) = match self {
            ChartKind::Yearly => (0.46, 300.0, 520.0, 600.0, 0.5),
            ChartKind::Timeline => (0.50, 340.0, 560.0, 680.0, 0.6),
            ChartKind::Flows => (0.66, 360.0, 720.0, 1280.0, 0.6),
            ChartKind::Figures => (0.42, 320.0, 480.0, 0.0, 0.0),
        };
        let height = crate::layout::clamp(w * share, lo, hi).max(floor_at_0 - floor_slope * w);
        Size { width, height: height.round() as u32 }
    }
}
