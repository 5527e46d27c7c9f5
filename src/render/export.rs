//! A chart as a standalone image for reports: the chart's SVG framed by its title, what it
//! shows, the source line, the dataset date and a credit, all inside the image, so a
//! downloaded or rendered file needs no caption added. Plain SVG attributes only (no CSS),
//! so editors open it as the browser shows it.

use crate::decimal::{Fixed, Shortest};
use std::fmt::Write;

use crate::layout::text;
use crate::render::svg::{escape, FONT_FAMILY};
use crate::render::theme::{palette, Palette, Theme};
use crate::render::Size;

/// The words around a chart in an exported image.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The chart's title.
    pub title: String,
    /// What is shown: the active filters in words, or the flow's subject.
    pub subtitle: String,
    /// "Sources: ..." with every publisher behind the figures.
    pub sources: String,
    /// "Data as of 23 Nov 2026" (and the release, where the dataset has one).
    pub dated: String,
    /// Where to find the live view.
    pub link: String,
}

const MARGIN: f64 = 16.0;
const TITLE: f64 = 18.0;
const SMALL: f64 = 12.0;

/// Greedy word wrap to lines of at most `max` pixels at `size`. Japanese and Chinese,
/// which have no spaces to break at, break between characters and never before closing
/// punctuation, as the charts' labels do ([`text::wrap`]).
pub fn wrap(s: &str, size: f64, max: f64) -> Vec<String> {
    if s.chars().any(text::breaks_anywhere) {
        return text::wrap(s, size, max).into_iter().filter(|l| !l.is_empty()).collect();
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if text::width(&candidate, size) > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn text_lines(out: &mut String, lines: &[String], y: &mut f64, size: f64, fill: &str, bold: bool) {
    for l in lines {
        *y += text::line_height(size);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}"{} fill="{fill}">{}</text>"#,
            Shortest(MARGIN),
            Fixed(*y, 1),
            Shortest(size),
            if bold { r#" font-weight="bold""# } else { "" },
            escape(l)
        );
    }
}

/// The frame's lines at a width: title and subtitle above, sources, date, link and credit below.
struct Lines {
    title: Vec<String>,
    subtitle: Vec<String>,
    foot: Vec<String>,
}

impl Lines {
    fn new(frame: &Frame, width: u32) -> Lines {
        // The width estimate is for a narrow UI font; editors substitute wider ones.
        let max = (f64::from(width) - 2.0 * MARGIN) * 0.92;
        Lines {
            title: wrap(&frame.title, TITLE, max),
            subtitle: wrap(&frame.subtitle, SMALL, max),
            foot: [&frame.sources, &frame.dated, &frame.link, &"Heist Ledger".to_string()]
                .iter()
                .flat_map(|s| wrap(s, SMALL, max))
                .collect(),
        }
    }

    fn head_height(&self) -> f64 {
        MARGIN
            + self.title.len() as f64 * text::line_height(TITLE)
            + self.subtitle.len() as f64 * text::line_height(SMALL)
            + 8.0
    }

    fn foot_height(&self) -> f64 {
        self.foot.len() as f64 * text::line_height(SMALL) + MARGIN + 4.0
    }
}

/// The heights of the frame above and below the chart when the image is `width` wide, so a
/// fixed-size image (a slide) can give the chart the rest.
pub(crate) fn frame_heights(frame: &Frame, width: u32) -> (f64, f64) {
    let lines = Lines::new(frame, width);
    (lines.head_height(), lines.foot_height())
}

/// Drops the chart's own `width`/`height` from its root tag, which now carries the shown
/// size first (an attribute may appear only once in XML).
fn strip_first_size(svg: &str) -> String {
    let Some(end) = svg.find('>') else { return svg.to_string() };
    let (root, rest) = svg.split_at(end);
    let mut root = root.to_string();
    for name in [" width=\"", " height=\""] {
        // The first occurrence is ours; remove the second (the chart's own).
        if let Some(first) = root.find(name) {
            let after = first + name.len();
            if let Some(second) = root[after..].find(name).map(|k| k + after) {
                if let Some(close) = root[second + name.len()..].find('"') {
                    root.replace_range(second..second + name.len() + close + 1, "");
                }
            }
        }
    }
    root + rest
}

/// Frames `chart_svg` (drawn at `size`, which the chart's data says:
/// [`crate::pipeline::ChartData::drawn_size`]) with the words of `frame`, in `theme`; returns
/// the image and its size: as tall as the frame and chart need, or `fixed_height` when given
/// (the background then fills it).
pub fn standalone(
    chart_svg: &str,
    size: Size,
    theme: Theme,
    frame: &Frame,
    fixed_height: Option<u32>,
) -> (String, Size) {
    let p: Palette = palette(theme);
    let (fg, muted) = (Palette::hex(p.text), Palette::hex(p.muted));
    let w = f64::from(size.width);
    let lines = Lines::new(frame, size.width);
    let head_h = lines.head_height();
    let foot_h = lines.foot_height();
    // `size` is what was drawn, which can be taller than asked (a Sankey's list of every
    // node at a narrow width). The frame holds it, so the footer never covers it; an image
    // of a fixed size shows the drawing scaled down to the room instead.
    let drawn = f64::from(size.height);
    let (shown_w, shown_h, height) = match fixed_height {
        Some(h) => {
            let room = (f64::from(h) - head_h - foot_h).max(1.0);
            let k = (room / drawn).min(1.0);
            (w * k, drawn * k, f64::from(h).max((head_h + drawn * k + foot_h).ceil()))
        }
        None => (w, drawn, (head_h + drawn + foot_h).ceil()),
    };
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{height}" viewBox="0 0 {w} {height}" font-family="{}"><rect x="0" y="0" width="{w}" height="{height}" fill="{}"/>"#,
        escape(FONT_FAMILY),
        Palette::hex(p.background),
        w = Shortest(w),
        height = Shortest(height)
    );
    let mut y = MARGIN - 4.0;
    text_lines(&mut out, &lines.title, &mut y, TITLE, &fg, true);
    text_lines(&mut out, &lines.subtitle, &mut y, SMALL, &muted, false);
    // The chart keeps its own coordinates (its viewBox): it is nested as an svg placed below
    // the title, at the size it is shown.
    let x = (w - shown_w) / 2.0;
    let nested = chart_svg.replacen(
        "<svg ",
        &format!(
            r#"<svg x="{}" y="{}" width="{}" height="{}" "#,
            Fixed(x, 1),
            Fixed(head_h, 1),
            Fixed(shown_w, 1),
            Fixed(shown_h, 1)
        ),
        1,
    );
    let nested = strip_first_size(&nested);
    out.push_str(&nested);
    let mut y = head_h + shown_h;
    text_lines(&mut out, &lines.foot, &mut y, SMALL, &muted, false);
    out.push_str("</svg>");
    (out, Size { width: size.width, height: height as u32 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_japanese_frame_line_wraps_between_characters_within_the_width() {
        let s = "北朝鮮に帰属する暗号資産の窃取。2025年2月21日、取引所から約15億ドルが奪われ、資金はブリッジとミキサーを経て洗浄された。";
        let lines = wrap(s, 12.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), s, "no character lost");
        for l in &lines {
            assert!(text::width(l, 12.0) <= 120.0 + 1e-9, "{l} is wider than the frame");
            assert!(!l.starts_with(['。', '、', '」', '）']), "{l} starts with closing punctuation");
        }
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let s = "Sources: Chainalysis, TRM Labs, Elliptic, UN Panel of Experts, MSMT and more words";
        let lines = wrap(s, 12.0, 120.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), s);
        assert!(lines.iter().all(|l| text::width(l, 12.0) <= 120.0 || !l.contains(' ')));
    }
}
