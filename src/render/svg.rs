//! A plotters drawing backend that writes accessible, interactive SVG.
//!
//! plotters' own SVG backend writes bare shapes. Charts here also need a `<title>` and
//! `<desc>`, `role="img"`, and groups that carry data attributes, tooltips and focus
//! (`<g class="mark" tabindex="-1" data-tip="…">`). [`SvgDoc`] is shared between the
//! backend and the chart code: plotters draws shapes into it through [`SvgBackend`], while
//! the chart opens and closes groups around them. Text is measured with
//! [`crate::layout::text::width`], never the DOM, so geometry is the same on every target.

use std::cell::RefCell;
use std::convert::Infallible;
use std::fmt::Write as _;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};

use crate::layout::text;

/// Font stack for every chart: the reader's system face, no web fonts (air-gapped rooms).
pub const FONT_FAMILY: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

/// What the `<svg>` element says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgMeta {
    /// Prefix for element ids, unique on the page (`yearly`, `detail-flow`).
    pub id: String,
    /// The chart's name, read first by screen readers.
    pub title: String,
    /// The chart's main finding, in a sentence built from the data.
    pub desc: String,
    /// Width in pixels (also the viewBox width).
    pub width: u32,
    /// Height in pixels (also the viewBox height).
    pub height: u32,
    /// Background fill.
    pub background: String,
}

/// Escapes text for use in SVG element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            // Bidirectional controls from the data would reorder the chart's own text beside
            // them (an unterminated override reverses "$1.46B"); SVG text cannot isolate them.
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The SVG being written, shared by the backend and the chart code.
#[derive(Clone, Debug)]
pub struct SvgDoc {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug)]
struct Inner {
    out: String,
    open: Vec<&'static str>,
    size: (u32, u32),
}

impl SvgDoc {
    /// Starts a document: the `<svg>` element with its title, description and background.
    pub fn new(meta: &SvgMeta) -> SvgDoc {
        let mut out = String::with_capacity(16 * 1024);
        let id = escape(&meta.id);
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{font}" data-chart-svg="{id}"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc><rect class="bg" x="0" y="0" width="{w}" height="{h}" fill="{bg}"/>"#,
            w = meta.width,
            h = meta.height,
            font = escape(FONT_FAMILY),
            title = escape(&meta.title),
            desc = escape(&meta.desc),
            bg = escape(&meta.background),
        );
        SvgDoc {
            inner: Rc::new(RefCell::new(Inner { out, open: Vec::new(), size: (meta.width, meta.height) })),
        }
    }

    /// A plotters drawing area covering the whole document.
    pub fn area(&self) -> DrawingArea<SvgBackend, Shift> {
        SvgBackend { doc: self.clone() }.into_drawing_area()
    }

    /// Opens an element (usually `g`) with attributes; values are escaped.
    pub fn open(&self, tag: &'static str, attrs: &[(&str, &str)]) {
        let mut inner = self.inner.borrow_mut();
        let _ = write!(inner.out, "<{tag}");
        for (name, value) in attrs {
            let _ = write!(inner.out, r#" {name}="{}""#, escape(value));
        }
        inner.out.push('>');
        inner.open.push(tag);
    }

    /// Closes the element opened last.
    pub fn close(&self) {
        let mut inner = self.inner.borrow_mut();
        if let Some(tag) = inner.open.pop() {
            let _ = write!(inner.out, "</{tag}>");
        }
    }

    /// Writes an element with text content, e.g. a `<title>` inside a mark.
    pub fn element(&self, tag: &'static str, attrs: &[(&str, &str)], content: &str) {
        self.open(tag, attrs);
        self.inner.borrow_mut().out.push_str(&escape(content));
        self.close();
    }

    /// Closes anything left open and returns the SVG markup.
    pub fn finish(self) -> String {
        while !self.inner.borrow().open.is_empty() {
            self.close();
        }
        let mut inner = self.inner.borrow_mut();
        inner.out.push_str("</svg>");
        std::mem::take(&mut inner.out)
    }

    fn push(&self, s: &str) {
        self.inner.borrow_mut().out.push_str(s);
    }
}

/// The plotters backend writing into an [`SvgDoc`].
#[derive(Debug)]
pub struct SvgBackend {
    doc: SvgDoc,
}

fn color(c: &BackendColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.rgb.0, c.rgb.1, c.rgb.2)
}

/// ` fill="#..."` or ` stroke="#..." stroke-width=".."`, with opacity when translucent.
fn paint(style: &impl BackendStyle, fill: bool) -> String {
    let c = style.color();
    let mut s = if fill {
        format!(r#" fill="{}""#, color(&c))
    } else {
        format!(r#" fill="none" stroke="{}" stroke-width="{}""#, color(&c), style.stroke_width())
    };
    if c.alpha < 1.0 {
        let _ = write!(s, r#" {}-opacity="{:.3}""#, if fill { "fill" } else { "stroke" }, c.alpha);
    }
    s
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut s = String::new();
    for (x, y) in path {
        let _ = write!(s, "{x},{y} ");
    }
    s.trim_end().to_string()
}

impl DrawingBackend for SvgBackend {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.doc.inner.borrow().size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if c.alpha > 0.0 {
            self.doc.push(&format!(r#"<rect x="{x}" y="{y}" width="1" height="1" fill="{}"/>"#, color(&c)));
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        (x1, y1): BackendCoord,
        (x2, y2): BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            self.doc
                .push(&format!(r#"<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"{}/>"#, paint(style, false)));
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            let (x, y) = (x0.min(x1), y0.min(y1));
            let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
            self.doc
                .push(&format!(r#"<rect x="{x}" y="{y}" width="{w}" height="{h}"{}/>"#, paint(style, fill)));
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            self.doc.push(&format!(
                r#"<polyline points="{}"{} stroke-linejoin="round"/>"#,
                points(path),
                paint(style, false)
            ));
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            self.doc.push(&format!(r#"<circle cx="{x}" cy="{y}" r="{radius}"{}/>"#, paint(style, fill)));
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            self.doc.push(&format!(r#"<polygon points="{}"{}/>"#, points(vert), paint(style, true)));
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        content: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => "hanging",
            VPos::Center => "central",
            VPos::Bottom => "auto",
        };
        let weight = match style.style() {
            FontStyle::Bold => r#" font-weight="bold""#,
            FontStyle::Italic | FontStyle::Oblique => r#" font-style="italic""#,
            FontStyle::Normal => "",
        };
        let rotate = match style.transform() {
            FontTransform::Rotate90 => format!(r#" transform="rotate(90 {x} {y})""#),
            FontTransform::Rotate180 => format!(r#" transform="rotate(180 {x} {y})""#),
            FontTransform::Rotate270 => format!(r#" transform="rotate(270 {x} {y})""#),
            FontTransform::None => String::new(),
        };
        let mut opacity = String::new();
        if c.alpha < 1.0 {
            opacity = format!(r#" fill-opacity="{:.3}""#, c.alpha);
        }
        self.doc.push(&format!(
            r#"<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" dominant-baseline="{baseline}" fill="{fill}"{opacity}{weight}{rotate}>{text}</text>"#,
            size = style.size(),
            fill = color(&c),
            text = escape(content),
        ));
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        content: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = style.size();
        Ok((text::width(content, size).ceil() as u32, text::line_height(size).ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    fn meta() -> SvgMeta {
        SvgMeta {
            id: "t".into(),
            title: "A <chart>".into(),
            desc: "Says \"this\" & that".into(),
            width: 100,
            height: 50,
            background: "#ffffff".into(),
        }
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let doc = SvgDoc::new(&meta());
        let area = doc.area();
        doc.open("g", &[("data-tip", "</g><script>alert(1)</script>")]);
        let hostile = "</text><script>alert(1)</script>";
        let _ = area.draw(&Text::new(hostile, (5, 5), ("sans-serif", 12).into_font()));
        doc.close();
        drop(area);
        let svg = doc.finish();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("<title id=\"t-title\">A &lt;chart&gt;</title>"));
        assert!(roxmltree::Document::parse(&svg).is_ok(), "not well-formed: {svg}");
    }

    #[test]
    fn shapes_become_svg_elements_with_their_paint() {
        let doc = SvgDoc::new(&meta());
        let area = doc.area();
        let _ = area.draw(&Rectangle::new([(1, 2), (11, 22)], RGBColor(255, 0, 0).filled()));
        let _ = area.draw(&Circle::new((50, 25), 4, RGBColor(0, 0, 255).mix(0.5).filled()));
        drop(area);
        let svg = doc.finish();
        assert!(svg.contains(r##"<rect x="1" y="2" width="10" height="20" fill="#ff0000"/>"##), "{svg}");
        assert!(
            svg.contains(r##"<circle cx="50" cy="25" r="4" fill="#0000ff" fill-opacity="0.500"/>"##),
            "{svg}"
        );
    }

    #[test]
    fn unclosed_groups_are_closed_on_finish() {
        let doc = SvgDoc::new(&meta());
        doc.open("g", &[("class", "a")]);
        doc.open("g", &[("class", "b")]);
        let svg = doc.finish();
        assert!(svg.ends_with("</g></g></svg>"));
    }
}
