//! Charts drawn into accessible SVG, from already-aggregated data and a size. The same
//! functions run in the browser, in native tests and in the golden-snapshot command, and
//! produce the same bytes everywhere.

pub mod export;
pub mod figures;
pub mod flows;
pub mod svg;
pub mod theme;
pub mod timeline;
pub mod words;
pub mod yearly;

use std::fmt;

use crate::layout::text;
use svg::{Paint, SvgDoc, SvgMeta};
use theme::{Palette, RGBColor, Symbol, Theme};

/// Pixel size to draw at; the SVG scales with its viewBox beyond that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Drawing failed: a chart's layout could not be made. Reported, never panicked on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not draw the chart: {}", self.0)
    }
}

/// Where a chart is drawn: the SVG document and the theme's colours.
pub struct Canvas {
    /// The document, for groups and attributes.
    pub doc: SvgDoc,
    /// Theme colours.
    pub palette: Palette,
}

/// Horizontal text alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Text starts at x.
    Start,
    /// Text centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// How a piece of chart text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in pixels.
    pub size: f64,
    /// Colour.
    pub(crate) color: RGBColor,
    /// Horizontal alignment on the anchor point.
    pub(crate) align: Align,
    /// Bold weight.
    pub(crate) bold: bool,
}

impl Font {
    /// Regular text, left-aligned.
    pub fn new(size: f64, color: RGBColor) -> Font {
        Font { size, color, align: Align::Start, bold: false }
    }

    /// The same, aligned otherwise.
    pub(crate) fn align(self, align: Align) -> Font {
        Font { align, ..self }
    }

    /// The same, bold.
    pub(crate) fn bold(self) -> Font {
        Font { bold: true, ..self }
    }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl Canvas {
    /// Starts a chart document.
    pub fn new(id: &str, title: &str, desc: &str, size: Size, theme: Theme) -> Canvas {
        let palette = theme::palette(theme);
        let doc = SvgDoc::new(&SvgMeta {
            id: id.to_string(),
            title: title.to_string(),
            desc: desc.to_string(),
            width: size.width,
            height: size.height,
            background: Palette::hex(palette.background),
        });
        Canvas { doc, palette }
    }

    /// Finishes the document.
    pub fn finish(self) -> String {
        self.doc.finish()
    }

    /// One line of text, vertically centred on `y`.
    pub fn text(&self, s: &str, x: f64, y: f64, font: Font) -> Result<(), ChartError> {
        let Font { size, color, align, bold } = font;
        let anchor = match align {
            Align::Start => svg::Anchor::Start,
            Align::Middle => svg::Anchor::Middle,
            Align::End => svg::Anchor::End,
        };
        self.doc.text(s, (px(x), px(y)), size, anchor, bold, color);
        Ok(())
    }

    /// A filled rectangle with an optional outline.
    pub fn rect(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: RGBColor,
        outline: Option<RGBColor>,
    ) -> Result<(), ChartError> {
        let (a, b) = ((px(x0), px(y0)), (px(x1), px(y1)));
        self.doc.rect(a, b, Paint::Fill(fill, 1.0));
        if let Some(o) = outline {
            self.doc.rect(a, b, Paint::Stroke(o, 1));
        }
        Ok(())
    }

    /// A straight line.
    pub fn line(&self, points: &[(f64, f64)], color: RGBColor, width: u32) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.doc.polyline(&pts, Paint::Stroke(color, width));
        Ok(())
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], fill: RGBColor, opacity: f64) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.doc.polygon(&pts, Paint::Fill(fill, opacity));
        Ok(())
    }

    /// A circle, filled at `opacity`, with an outline.
    pub fn circle(
        &self,
        x: f64,
        y: f64,
        r: f64,
        fill: RGBColor,
        opacity: f64,
        outline: RGBColor,
    ) -> Result<(), ChartError> {
        let r = r.max(1.0).round() as u32;
        self.doc.circle((px(x), px(y)), r, Paint::Fill(fill, opacity));
        self.doc.circle((px(x), px(y)), r, Paint::Stroke(outline, 1));
        Ok(())
    }

    /// Text reading upwards from (x, y) ([`svg::SvgDoc::text_up`]).
    pub(crate) fn text_up(&self, s: &str, x: f64, y: f64, font: Font) {
        self.doc.text_up(s, (px(x), px(y)), font.size, font.bold, font.color);
    }

    /// An invisible target of radius `r` for incident `id` around (x, y)
    /// ([`svg::SvgDoc::hit_area`]).
    pub(crate) fn hit_area(&self, id: &str, x: f64, y: f64, r: f64) {
        self.doc.hit_area(id, (px(x), px(y)), r.max(1.0).round() as u32);
    }

    /// A legend or marker symbol of radius `r` centred on (x, y).
    pub fn symbol(&self, symbol: Symbol, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), ChartError> {
        let outline = Paint::Stroke(color, 2);
        match symbol {
            Symbol::Diamond => self.polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], color, 1.0),
            Symbol::TriangleUp => {
                self.polygon(&[(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)], color, 1.0)
            }
            Symbol::TriangleDown => {
                self.polygon(&[(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)], color, 1.0)
            }
            Symbol::Square => {
                let s = r * 0.85;
                self.doc.rect((px(x - s), px(y - s)), (px(x + s), px(y + s)), outline);
                Ok(())
            }
            Symbol::Ring => {
                self.doc.circle((px(x), px(y)), r.round() as u32, outline);
                Ok(())
            }
            Symbol::Plus => {
                self.line(&[(x - r, y), (x + r, y)], color, 2)?;
                self.line(&[(x, y - r), (x, y + r)], color, 2)
            }
            Symbol::Cross => {
                let d = r * 0.8;
                self.line(&[(x - d, y - d), (x + d, y + d)], color, 2)?;
                self.line(&[(x - d, y + d), (x + d, y - d)], color, 2)
            }
            Symbol::Asterisk => {
                let (dx, dy) = (r * 0.866, r * 0.5);
                self.line(&[(x, y - r), (x, y + r)], color, 2)?;
                self.line(&[(x - dx, y - dy), (x + dx, y + dy)], color, 2)?;
                self.line(&[(x - dx, y + dy), (x + dx, y - dy)], color, 2)
            }
            Symbol::Check => {
                self.line(&[(x - r, y), (x - r * 0.3, y + r * 0.7), (x + r, y - r * 0.8)], color, 2)
            }
        }
    }

    /// Text of at most `max_width` pixels: cut with an ellipsis when longer.
    pub fn fit(s: &str, size: f64, max_width: f64) -> String {
        if text::width(s, size) <= max_width {
            return s.to_string();
        }
        let mut out = String::new();
        for c in s.chars() {
            let candidate = format!("{out}{c}…");
            if text::width(&candidate, size) > max_width {
                break;
            }
            out.push(c);
        }
        if out.is_empty() {
            String::new()
        } else {
            format!("{}…", out.trim_end())
        }
    }
}

/// A chart with nothing to draw: still an `<svg>` (the page contract holds), saying why.
pub fn empty(id: &str, title: &str, message: &str, size: Size, theme: Theme) -> Result<String, ChartError> {
    let c = Canvas::new(id, title, message, size, theme);
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    c.text(
        &Canvas::fit(message, 13.0, w - 16.0),
        w / 2.0,
        h / 2.0,
        Font::new(13.0, c.palette.muted).align(Align::Middle),
    )?;
    Ok(c.finish())
}

/// One entry of a legend.
#[derive(Debug, Clone, PartialEq)]
pub enum LegendKey {
    /// A filled swatch.
    Swatch(RGBColor),
    /// A symbol in the text colour.
    Symbol(Symbol),
    /// A symbol on a short level line, as the yearly chart draws a published figure (the
    /// line marks the figure's exact height).
    Ticked(Symbol),
    /// A faded, dashed-outline swatch (estimates).
    Estimate(RGBColor),
    /// A hollow circle with a dashed outline (contested attribution).
    Dashed,
    /// A symbol faded, with a dashed line through it (a figure for part of a year, or
    /// derived).
    Faded(Symbol),
    /// No key: a sentence about the drawing (how its labels were translated), on rows of
    /// its own.
    Note,
}

/// Draws legend entries left to right, wrapping within `width`; returns the height used.
pub fn legend(
    c: &Canvas,
    entries: &[(LegendKey, String)],
    x0: f64,
    y0: f64,
    width: f64,
) -> Result<f64, ChartError> {
    let size = LEGEND_SIZE;
    let (places, height) = legend_places(entries, x0, y0, width);
    c.doc.open("g", &[("class", "legend")]);
    for ((key, _), (label, x, y)) in entries.iter().zip(places) {
        let label = &label;
        match key {
            LegendKey::Swatch(color) => {
                c.rect(x, y - 5.0, x + 10.0, y + 5.0, *color, Some(c.palette.outline))?
            }
            LegendKey::Symbol(s) => c.symbol(*s, x + 5.0, y, 5.0, c.palette.text)?,
            LegendKey::Ticked(s) => {
                c.line(&[(x - 1.0, y), (x + 11.0, y)], c.palette.text, 2)?;
                c.symbol(*s, x + 5.0, y, 5.0, c.palette.text)?
            }
            LegendKey::Estimate(color) => {
                c.doc.open("g", &[("stroke-dasharray", "3 2")]);
                c.polygon(
                    &[(x, y - 5.0), (x + 10.0, y - 5.0), (x + 10.0, y + 5.0), (x, y + 5.0)],
                    *color,
                    0.3,
                )?;
                c.line(
                    &[(x, y - 5.0), (x + 10.0, y - 5.0), (x + 10.0, y + 5.0), (x, y + 5.0), (x, y - 5.0)],
                    c.palette.muted,
                    1,
                )?;
                c.doc.close();
            }
            LegendKey::Faded(symbol) => faded_symbol(c, *symbol, x + 5.0, y, 5.0)?,
            LegendKey::Dashed => {
                c.doc.open("g", &[("stroke-dasharray", "3 2")]);
                c.doc.circle((px(x + 5.0), px(y)), 5, Paint::Stroke(c.palette.text, 1));
                c.doc.close();
            }
            LegendKey::Note => {}
        }
        let (indent, colour) =
            if *key == LegendKey::Note { (0.0, c.palette.muted) } else { (KEY_ROOM, c.palette.text) };
        for (k, line) in label.iter().enumerate() {
            c.text(line, x + indent, y + LEGEND_ROW * k as f64, Font::new(size, colour))?;
        }
    }
    c.doc.close();
    Ok(height)
}

/// The attributes that draw a group faded and dashed.
pub(crate) const FADED: [(&str, &str); 2] = [("opacity", "0.5"), ("stroke-dasharray", "2 2")];

/// A symbol drawn faded with a dashed line through it: how the charts set a figure for part
/// of a year, or a derived one, apart from a stated full-year total.
fn faded_symbol(c: &Canvas, symbol: Symbol, x: f64, y: f64, r: f64) -> Result<(), ChartError> {
    c.doc.open("g", &FADED);
    c.line(&[(x - r - 1.0, y), (x + r + 1.0, y)], c.palette.text, 2)?;
    c.symbol(symbol, x, y, r, c.palette.text)?;
    c.doc.close();
    Ok(())
}

const LEGEND_SIZE: f64 = 12.0;
/// The room a legend entry's key takes before its label.
const KEY_ROOM: f64 = 16.0;
const LEGEND_ROW: f64 = 18.0;

/// The height [`legend`] will use for these entries, so a chart can plan below it first.
pub(crate) fn legend_height(entries: &[(LegendKey, String)], width: f64) -> f64 {
    legend_places(entries, 0.0, 0.0, width).1
}

/// Each entry's label (cut to the chart's width) and its key's position, wrapping rows
/// within `width`; and the height used.
fn legend_places(
    entries: &[(LegendKey, String)],
    x0: f64,
    y0: f64,
    width: f64,
) -> (Vec<(Vec<String>, f64, f64)>, f64) {
    let (size, row) = (LEGEND_SIZE, LEGEND_ROW);
    let (mut x, mut y) = (x0, y0 + row / 2.0);
    let mut places = Vec::with_capacity(entries.len());
    for (key, label) in entries {
        // A label longer than the chart wraps onto rows of its own rather than being cut:
        // a reader must be able to tell every key apart (a word longer than the chart is
        // still cut, as nothing else could fit it).
        let note = *key == LegendKey::Note;
        let room = if note { width - 4.0 } else { width - 20.0 };
        let lines: Vec<String> = if text::width(label, size) <= room {
            vec![label.clone()]
        } else {
            text::wrap(label, size, room).iter().map(|l| Canvas::fit(l, size, room)).collect()
        };
        let widest = lines.iter().map(|l| text::width(l, size)).fold(0.0, f64::max);
        let w = 16.0 + widest + 14.0;
        if x > x0 && (x + w > x0 + width || lines.len() > 1 || note) {
            x = x0;
            y += row;
        }
        let rows = lines.len().max(1);
        places.push((lines, x, y));
        if rows > 1 {
            // The next entry starts on a row of its own below the wrapped one.
            y += row * (rows - 1) as f64;
            x = x0 + width;
        } else {
            x += w;
        }
    }
    (places, y + row / 2.0 - y0)
}

/// The room left of a plot for its dollar axis: `least` (the margin the English charts
/// have always had), or more where the locale writes a tick wider ("100만 달러"): the
/// widest tick label, its 6 px gap to the plot and 4 px from the chart's edge.
pub(crate) fn axis_margin(ticks: &[f64], least: f64) -> f64 {
    ticks.iter().map(|t| text::width(&words::axis_money(*t), AXIS_SIZE)).fold(least - 10.0, f64::max) + 10.0
}

/// The size of an axis tick's label.
pub(crate) const AXIS_SIZE: f64 = 11.0;

/// Attributes for an interactive mark: focusable (roving focus is managed by the page),
/// with the tooltip text a reader sees on hover or focus.
pub(crate) fn mark_attrs<'a>(kind: &'a str, tip: &'a str) -> Vec<(&'a str, &'a str)> {
    // The label is the tooltip too (the page reads it back), written once to keep the SVG
    // small; the role makes the label valid on a `<g>`.
    vec![("class", "mark"), ("data-kind", kind), ("tabindex", "-1"), ("role", "img"), ("aria-label", tip)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_long_labels_with_an_ellipsis() {
        assert_eq!(Canvas::fit("Ronin", 12.0, 200.0), "Ronin");
        let cut = Canvas::fit("Harmony Horizon Bridge", 12.0, 60.0);
        assert!(cut.ends_with('…') && cut.len() < "Harmony Horizon Bridge".len(), "{cut}");
        assert!(text::width(&cut, 12.0) <= 60.0);
        assert_eq!(Canvas::fit("Harmony", 12.0, 3.0), "");
    }
}
