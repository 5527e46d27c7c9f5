//! The SVG document a chart is written into: accessible (a `<title>` and `<desc>`,
//! `role="img"`) and interactive (groups that carry data attributes, tooltips and focus,
//! `<g class="mark" tabindex="-1" …>`). [`SvgDoc`] writes the shapes (rectangles, lines,
//! polygons, circles, text) and the groups around them. The charts were drawn through
//! plotters' element and backend layers, which wrote exactly these elements; writing them
//! here is the same SVG with a twentieth of the code in the WebAssembly.

use crate::decimal::{Fixed, Shortest};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;

use crate::render::theme::RGBColor;

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
    // Read byte by byte and copied run by run: most strings need no change, and a chart
    // escapes thousands per drawing. Every character changed is ASCII or starts with the
    // byte 0xD8 or 0xE2, and those are never inside another character's bytes.
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let (with, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            // Control characters are not allowed in XML 1.0.
            b if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') => (" ", 1),
            // Bidirectional controls from the data would reorder the chart's own text beside
            // them (an unterminated override reverses "$1.46B"); SVG text cannot isolate them.
            0xD8 | 0xE2 => match s[i..].chars().next() {
                Some(
                    c @ ('\u{200e}'
                    | '\u{200f}'
                    | '\u{061c}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'),
                ) => ("", c.len_utf8()),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[start..i]);
        out.push_str(with);
        i += len;
        start = i;
    }
    out.push_str(&s[start..]);
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
        SvgDoc { inner: Rc::new(RefCell::new(Inner { out, open: Vec::new() })) }
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

/// How a shape is painted: filled at an opacity (fully transparent: not drawn), or stroked
/// at a width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paint {
    /// Filled with a colour at an opacity from 0 to 1.
    Fill(RGBColor, f64),
    /// Outlined with a colour, `width` pixels wide.
    Stroke(RGBColor, u32),
}

impl Paint {
    /// The attributes: ` fill="#..."` (with its opacity when translucent) or
    /// ` fill="none" stroke="#..." stroke-width=".."`; `None` when nothing would show.
    fn attrs(self) -> Option<String> {
        match self {
            Paint::Fill(_, alpha) if alpha <= 0.0 => None,
            Paint::Fill(c, alpha) => {
                let mut s = format!(r#" fill="{}""#, hex(c));
                if alpha < 1.0 {
                    let _ = write!(s, r#" fill-opacity="{}""#, Fixed(alpha, 3));
                }
                Some(s)
            }
            Paint::Stroke(c, width) => {
                Some(format!(r#" fill="none" stroke="{}" stroke-width="{width}""#, hex(c)))
            }
        }
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn points(path: &[(i32, i32)]) -> String {
    let mut s = String::new();
    for (x, y) in path {
        let _ = write!(s, "{x},{y} ");
    }
    s.trim_end().to_string()
}

/// Where text sits on its anchor point, horizontally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at x.
    Start,
    /// The text is centred on x.
    Middle,
    /// The text ends at x.
    End,
}

impl SvgDoc {
    fn shape(&self, paint: Paint, element: impl FnOnce(&str) -> String) {
        if let Some(attrs) = paint.attrs() {
            self.push(&element(&attrs));
        }
    }

    /// A rectangle between two corners.
    pub fn rect(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), paint: Paint) {
        let (x, y, w, h) = (x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs());
        self.shape(paint, |p| format!(r#"<rect x="{x}" y="{y}" width="{w}" height="{h}"{p}/>"#));
    }

    /// A line through `path`.
    pub fn polyline(&self, path: &[(i32, i32)], paint: Paint) {
        self.shape(paint, |p| format!(r#"<polyline points="{}"{p} stroke-linejoin="round"/>"#, points(path)));
    }

    /// A filled polygon.
    pub fn polygon(&self, path: &[(i32, i32)], paint: Paint) {
        self.shape(paint, |p| format!(r#"<polygon points="{}"{p}/>"#, points(path)));
    }

    /// Text turned a quarter anticlockwise about its anchor, reading upwards and ending
    /// at (x, y): a value above a bar too narrow to hold it across.
    pub(crate) fn text_up(&self, content: &str, (x, y): (i32, i32), size: f64, bold: bool, color: RGBColor) {
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let size = Shortest(size);
        self.push(&format!(
            r#"<text x="{x}" y="{y}" font-size="{size}" text-anchor="start" dominant-baseline="central" transform="rotate(-90 {x} {y})" fill="{}"{weight}>{}</text>"#,
            hex(color),
            escape(content)
        ));
    }

    /// An invisible circle that stands for incident `id` to the pointer (`class="hit"`,
    /// unpainted): a larger target for a small mark. It takes no pointer until the
    /// stylesheet turns it on (on a touch screen), so a mouse still points at the marks as
    /// drawn.
    pub(crate) fn hit_area(&self, id: &str, (x, y): (i32, i32), r: u32) {
        self.push(&format!(
            r#"<circle class="hit" data-incident="{}" cx="{x}" cy="{y}" r="{r}" fill="none" pointer-events="none"/>"#,
            escape(id)
        ));
    }

    /// A circle.
    pub fn circle(&self, (x, y): (i32, i32), r: u32, paint: Paint) {
        self.shape(paint, |p| format!(r#"<circle cx="{x}" cy="{y}" r="{r}"{p}/>"#));
    }

    /// One line of text, vertically centred on `y`, `size` pixels, escaped.
    pub fn text(
        &self,
        content: &str,
        (x, y): (i32, i32),
        size: f64,
        anchor: Anchor,
        bold: bool,
        color: RGBColor,
    ) {
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let size = Shortest(size);
        self.push(&format!(
            r#"<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" dominant-baseline="central" fill="{}"{weight}>{}</text>"#,
            hex(color),
            escape(content)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        doc.open("g", &[("data-tip", "</g><script>alert(1)</script>")]);
        let hostile = "</text><script>alert(1)</script>";
        doc.text(hostile, (5, 5), 12.0, Anchor::Start, false, RGBColor(0, 0, 0));
        doc.close();
        let svg = doc.finish();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("<title id=\"t-title\">A &lt;chart&gt;</title>"));
        assert!(roxmltree::Document::parse(&svg).is_ok(), "not well-formed: {svg}");
    }

    #[test]
    fn shapes_become_svg_elements_with_their_paint() {
        let doc = SvgDoc::new(&meta());
        doc.rect((1, 2), (11, 22), Paint::Fill(RGBColor(255, 0, 0), 1.0));
        doc.circle((50, 25), 4, Paint::Fill(RGBColor(0, 0, 255), 0.5));
        doc.circle((50, 25), 9, Paint::Fill(RGBColor(0, 0, 255), 0.0));
        doc.polyline(&[(0, 0), (3, 4)], Paint::Stroke(RGBColor(0, 0, 0), 2));
        let svg = doc.finish();
        assert!(svg.contains(r##"<rect x="1" y="2" width="10" height="20" fill="#ff0000"/>"##), "{svg}");
        assert!(
            svg.contains(r##"<circle cx="50" cy="25" r="4" fill="#0000ff" fill-opacity="0.500"/>"##),
            "{svg}"
        );
        assert!(!svg.contains(r#"r="9""#), "a fully transparent fill draws nothing");
        assert!(svg.contains(r##"<polyline points="0,0 3,4" fill="none" stroke="#000000" stroke-width="2" stroke-linejoin="round"/>"##), "{svg}");
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
