//! The words around a chart that leaves the page: an exported image's frame (title, view,
//! publishers, date, permalink), the standalone SVG, and a slide's sentence and source line.

use crate::model::SourceKind;
use crate::phrase::view::Years;
use crate::phrase::{self, fill, t};
use crate::pipeline::chart::ChartData;
use crate::pipeline::citations::plain_publisher;
use crate::pipeline::headline::{dated, view_words};
use crate::pipeline::links::view_link;
use crate::pipeline::selection::Selection;
use crate::render::export::{self, Frame};
use crate::render::Size;
use crate::view::ChartKind;

/// The words an exported image of a chart carries: title, the view in words, the
/// publishers behind its figures, the dataset date and the permalink (`page_url` is the
/// page's address without a query). Read from the chart's data: no drawing needed.
pub fn export_frame(sel: &Selection, chart: &ChartData, page_url: &str) -> Frame {
    let publishers = drawn_publishers(sel, chart);
    let list = |names: &[String]| names.join(&t("export.list_separator"));
    let sources = match publishers.len() {
        0 => t("frame.sources_none"),
        n if n <= FRAME_PUBLISHERS => fill("frame.sources", &[("names", &list(&publishers))]),
        n => fill(
            "frame.sources_more",
            &[
                ("names", &list(&publishers[..FRAME_PUBLISHERS])),
                ("more", &phrase::integer((n - FRAME_PUBLISHERS) as i64)),
            ],
        ),
    };
    let subject = match (chart.kind(), sel.view.flow.as_deref().and_then(|id| sel.data.incident(id))) {
        (ChartKind::Flows, Some(i)) => {
            fill("frame.flow_subject", &[("victim", &i.victim), ("date", &phrase::date(i.date))])
        }
        (ChartKind::Figures, _) => match sel.figures_year() {
            Some(y) => fill("frame.figures_year", &[("year", &y.to_string())]),
            None => t("frame.figures_all"),
        },
        _ => view_words(sel, Years::Beside(sel.span)),
    };
    // A flow that does not add up to its theft says why in the image too.
    let subject = match (chart.kind(), chart.sum_words()) {
        (ChartKind::Flows, Some(why)) => fill("frame.subject_why", &[("subject", &subject), ("why", &why)]),
        _ => subject,
    };
    let link = view_link(sel, page_url);
    Frame {
        title: chart.kind().heading().to_string(),
        subtitle: subject,
        sources,
        dated: machine_noted(dated(&sel.data)),
        link,
    }
}

/// A line with the note that the words around it are a machine translation, not reviewed,
/// where they are (any language but English: every file but English's says so); the line
/// alone in English.
pub fn machine_noted(line: String) -> String {
    if phrase::is_english() {
        line
    } else {
        fill("export.machine_noted", &[("line", &line), ("note", &t("export.machine_note"))])
    }
}

/// Most publishers an exported image names in its source line; the rest are counted.
const FRAME_PUBLISHERS: usize = 10;

/// The publishers of every document behind what a chart draws, most documents first (then
/// A to Z): the chart's own sources (published figures, tracing, enforcement) and, for the
/// charts drawn from incidents (yearly bars, timeline marks), those incidents' sources.
fn drawn_publishers(sel: &Selection, chart: &ChartData) -> Vec<String> {
    let data = &sel.data;
    // (address, publisher) of each document, each counted once.
    let mut docs: Vec<(&str, &str)> =
        chart.sources().iter().map(|s| (s.url.as_str(), s.publisher.as_str())).collect();
    if matches!(chart.kind(), ChartKind::Yearly | ChartKind::Timeline) {
        let mut by_id: Vec<&crate::model::Source> = data.sources.iter().collect();
        crate::sort::by(&mut by_id, &|a, b| a.id.cmp(&b.id));
        let source = |id: &str| by_id.binary_search_by(|s| s.id.as_str().cmp(id)).ok().map(|k| by_id[k]);
        for i in sel.incidents() {
            docs.extend(
                i.sources.iter().filter_map(|id| source(id)).map(|s| (s.url.as_str(), s.publisher.as_str())),
            );
        }
    }
    crate::sort::unique(&mut docs);
    let mut publishers: Vec<&str> = docs.into_iter().map(|(_, p)| p).collect();
    crate::sort::by(&mut publishers, &|a, b| a.cmp(b));
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for run in publishers.chunk_by(|a, b| a == b) {
        counts.push((run[0], run.len()));
    }
    crate::sort::by(&mut counts, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    counts.into_iter().map(|(p, _)| p.to_string()).collect()
}

/// A chart as a standalone SVG image with its frame (title, view, sources, date, link).
pub fn standalone_svg(
    sel: &Selection,
    kind: ChartKind,
    size: Size,
    page_url: &str,
) -> Result<(String, Size), String> {
    standalone_svg_sized(sel, &ChartData::new(sel, kind), size, page_url, None)
}

/// A chart's data drawn once as a standalone SVG image at `size` with its frame, the whole
/// image `fixed_height` tall when given (a slide).
pub fn standalone_svg_sized(
    sel: &Selection,
    chart: &ChartData,
    size: Size,
    page_url: &str,
    fixed_height: Option<u32>,
) -> Result<(String, Size), String> {
    let frame = export_frame(sel, chart, page_url);
    let svg = chart.draw(size, sel.theme)?;
    let (image, size) = export::standalone(&svg, chart.drawn_size(size), sel.theme, &frame, fixed_height);
    Ok((with_lang(image), size))
}

/// The image's root element names its language when it is not English (`xml:lang="ko"`),
/// so a reader or a screen reader opening the file reads its words right; English images
/// stay as they were, byte for byte.
pub(crate) fn with_lang(svg: String) -> String {
    if phrase::is_english() {
        return svg;
    }
    svg.replacen("<svg ", &format!(r#"<svg xml:lang="{}" "#, phrase::locale().html_lang()), 1)
}

/// The one sentence a briefing slide says about a chart, computed from the selection.
pub fn takeaway(sel: &Selection, kind: ChartKind) -> String {
    ChartData::new(sel, kind).takeaway().to_string()
}

/// Publishers a slide's source line names; the rest are counted.
const SLIDE_PUBLISHERS: usize = 2;

/// A slide's one source line: the publishers with most documents behind the chart, how
/// many more, and where the full list is ("Sources: Chainalysis, TRM Labs and 12 more —
/// full list in the page and print"), on one line beside the slide buttons. A slide is read
/// from across a room; the whole list stays in the page, the print and exported images.
/// The publishers of primary documents come first: the voices behind the figures, not the
/// outlets relaying them.
pub fn slide_sources(sel: &Selection, chart: &ChartData) -> String {
    let mut names: Vec<&str> = Vec::new();
    let all = drawn_publishers(sel, chart);
    let mut primary: Vec<&str> = chart
        .sources()
        .iter()
        .filter(|s| s.kind == SourceKind::Primary)
        .map(|s| plain_publisher(&s.publisher))
        .collect();
    crate::sort::by(&mut primary, &|a, b| a.cmp(b));
    let mut counted: Vec<(&str, usize)> = Vec::new();
    for run in primary.chunk_by(|a, b| a == b) {
        counted.push((run[0], run.len()));
    }
    crate::sort::by(&mut counted, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    for p in counted.iter().map(|(p, _)| *p).chain(all.iter().map(|p| plain_publisher(p))) {
        if !names.contains(&p) {
            names.push(p);
        }
    }
    let separator = t("export.list_separator");
    let line = |shown: usize| match names.len() - shown {
        _ if names.is_empty() => t("frame.sources_none"),
        0 => fill("frame.sources", &[("names", &names.join(&separator))]),
        more => fill(
            "slide.sources_more",
            &[("names", &names[..shown].join(&separator)), ("more", &phrase::integer(more as i64))],
        ),
    };
    // English counts characters, as it always has; other languages measure the line, so a
    // line of Hangul or kanji (a full em each) is held to the same width as English's.
    let fits = |s: &str| {
        if phrase::is_english() {
            s.chars().count() <= SLIDE_LINE
        } else {
            crate::locale::text::width_em(s) <= crate::locale::text::width_em(&"n".repeat(SLIDE_LINE))
        }
    };
    // As many names as fit the line, up to SLIDE_PUBLISHERS, and always the first.
    let mut shown = names.len().min(1);
    while shown < names.len().min(SLIDE_PUBLISHERS) && fits(&line(shown + 1)) {
        shown += 1;
    }
    line(shown)
}

/// The longest slide source line, in characters: one line beside the slide's buttons at
/// 1280 px.
const SLIDE_LINE: usize = 90;
