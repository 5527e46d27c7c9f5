//! What leaves the page: chart images at fixed export sizes (always the light theme,
//! whatever the screen), the incidents in view and each chart's table as CSV and JSON, the
//! file names that say what and when, and the iframe code that embeds one chart.

use crate::decimal::{fixed, shortest};
use std::fmt::Write;

use crate::json::Writer;
use crate::model::{Dataset, Incident};
use crate::phrase::{fill, t};
use crate::pipeline::{self, ChartKind, Selection};
use crate::render::Size;
use crate::tables::Table;
use crate::view::{self, ViewState};

/// The image sizes a reader can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// 1000 px wide, as tall as the chart needs: reports and documents.
    Report,
    /// 1280 x 720 (16:9): a slide.
    Slide,
    /// 1200 x 630: the card social sites show for a link.
    Social,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 3] = [Preset::Report, Preset::Slide, Preset::Social];

    /// The name in file names and `data-export` hooks (empty for the report size).
    pub fn slug(self) -> &'static str {
        match self {
            Preset::Report => "",
            Preset::Slide => "slide",
            Preset::Social => "social",
        }
    }

    /// Parses a slug (`""` is the report size).
    pub fn from_slug(s: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.slug() == s)
    }

    /// The menu's words.
    pub fn label(self) -> &'static str {
        match self {
            Preset::Report => "report, 1000 px wide",
            Preset::Slide => "slide, 16:9",
            Preset::Social => "social card, 1200×630",
        }
    }

    /// The image's width in CSS pixels (PNGs are drawn at twice this).
    pub fn width(self) -> u32 {
        match self {
            Preset::Report => 1000,
            Preset::Slide => 1280,
            Preset::Social => 1200,
        }
    }

    /// The whole image's height, title and source lines included; `None`: as the chart needs.
    pub fn height(self) -> Option<u32> {
        match self {
            Preset::Report => None,
            Preset::Slide => Some(720),
            Preset::Social => Some(630),
        }
    }
}

/// The smallest chart a fixed-size preset squeezes a drawing to, however long its frame.
const MIN_CHART_HEIGHT: u32 = 240;

/// A chart as a standalone image at a preset size, in the light theme: the same drawing
/// whatever screen, theme or width the reader has, so a file from a phone in a dark room
/// reads like one from a desktop. Returns the SVG and its size.
pub fn image(
    sel: &Selection,
    kind: ChartKind,
    preset: Preset,
    page_url: &str,
) -> Result<(String, Size), String> {
    image_of(sel, &pipeline::ChartData::new(sel, kind), preset, page_url)
}

/// [`image`] from a chart's data already built for the view: drawn once, at the preset's
/// size (a fixed-height preset sizes the drawing from its frame's words, which the data
/// answers without a drawing).
pub(crate) fn image_of(
    sel: &Selection,
    chart: &pipeline::ChartData,
    preset: Preset,
    page_url: &str,
) -> Result<(String, Size), String> {
    let light = sel.with_theme(view::Theme::Light);
    let width = preset.width();
    let natural = chart.kind().size_for(width);
    let size = match preset.height() {
        None => natural,
        Some(total) => {
            let frame = pipeline::export_frame(&light, chart, page_url);
            let (head, foot) = crate::render::export::frame_heights(&frame, width);
            let room = (f64::from(total) - head - foot).floor().max(0.0) as u32;
            Size { width, height: room.max(MIN_CHART_HEIGHT) }
        }
    };
    pipeline::standalone_svg_sized(&light, chart, size, page_url, preset.height())
}

/// The part of a file name that says which view: the filters (and the flow or the figures'
/// year for those charts) as `key-value` pairs, tidied to letters, digits and dashes.
fn view_slug(v: &ViewState, kind: Option<ChartKind>) -> String {
    let only = ViewState {
        filter: v.filter.clone(),
        flow: if kind == Some(ChartKind::Flows) { v.flow.clone() } else { None },
        figures: if kind == Some(ChartKind::Figures) { v.figures } else { None },
        ..ViewState::default()
    };
    let mut slug = String::new();
    for c in view::to_query(&only).chars() {
        let c = match c {
            '=' | '&' | '%' | '+' => '-',
            c if c.is_ascii_alphanumeric() || c == '-' => c.to_ascii_lowercase(),
            _ => '-',
        };
        if !(c == '-' && slug.ends_with('-')) {
            slug.push(c);
        }
    }
    // Long enough to tell views apart, short enough for every file system.
    let slug: String = slug.trim_matches('-').chars().take(60).collect();
    slug.trim_end_matches('-').to_string()
}

/// `heist-ledger-WHAT[-VIEW]-RELEASE[-PRESET].EXT`: what the file holds, for which view and
/// which data release (`kind` names the chart whose view-parts count, if any).
pub fn file_name(
    sel: &Selection,
    what: &str,
    kind: Option<ChartKind>,
    preset: Option<Preset>,
    ext: &str,
) -> String {
    let mut name = format!("heist-ledger-{what}");
    let slug = view_slug(&sel.view, kind);
    if !slug.is_empty() {
        let _ = write!(name, "-{slug}");
    }
    let release = crate::release::file_slug(&sel.data.release.id);
    if !release.is_empty() {
        let _ = write!(name, "-{release}");
    }
    if let Some(p) = preset.filter(|p| !p.slug().is_empty()) {
        let _ = write!(name, "-{}", p.slug());
    }
    format!("{name}.{ext}")
}

/// One CSV field: quoted when it holds a comma, quote or line break, and defused when a
/// spreadsheet would read it as a formula (a dataset string starting `=`, `+`, `-` or `@`
/// that is not a plain number such as `-5` or `+1.5e3`).
fn csv_field(s: &str, separator: char) -> String {
    let plain = s.strip_prefix('+').unwrap_or(s);
    // A number written with a decimal comma (`-0,5`) is a number too, not a formula.
    let number = crate::json::parse_f64(plain).is_some()
        || (separator == ';' && crate::json::parse_f64(&plain.replace(',', ".")).is_some());
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number;
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// True when the language in force writes decimals with a comma (French, German,
/// Italian): Excel set to those languages splits a CSV at `;` and reads `0,61` as a number,
/// so the file is written that way for them (issue 17).
fn decimal_comma() -> bool {
    use crate::lang::Locale;
    matches!(crate::phrase::locale(), Locale::Fr | Locale::De | Locale::It)
}

/// A number cell in the language in force: `0.61`, or `0,61` where decimals take a comma.
fn csv_number(s: &str) -> String {
    if decimal_comma() {
        s.replace('.', ",")
    } else {
        s.to_string()
    }
}

fn csv_row(out: &mut String, fields: &[String]) {
    let separator = if decimal_comma() { ';' } else { ',' };
    let row: Vec<String> = fields.iter().map(|f| csv_field(f, separator)).collect();
    out.push_str(&row.join(&separator.to_string()));
    out.push_str("\r\n");
}

/// The columns of the incidents CSV, in order.
pub const INCIDENT_COLUMNS: [&str; 19] = [
    "id",
    "date",
    "victim",
    "category",
    "chains",
    "assets",
    "usd",
    "usd_low",
    "usd_high",
    "actor",
    "attribution_confidence",
    "attributed_by",
    "vector",
    "recovered_usd",
    "summary",
    "source_ids",
    "source_titles",
    "source_kinds",
    "source_urls",
];

/// A column of the incidents CSV as its header row names it in the words in force: the
/// column id itself in English (what scripts that read the file have always matched), the
/// words for it in the other languages, where the file is opened in a spreadsheet by a
/// person. The JSON keeps the ids in every language.
fn incident_header(column: &str) -> String {
    let key = match column {
        "id" => "csv.column.id",
        "date" => "csv.column.date",
        "victim" => "csv.column.victim",
        "category" => "csv.column.category",
        "chains" => "csv.column.chains",
        "assets" => "csv.column.assets",
        "usd" => "csv.column.usd",
        "usd_low" => "csv.column.usd_low",
        "usd_high" => "csv.column.usd_high",
        "actor" => "csv.column.actor",
        "attribution_confidence" => "csv.column.attribution_confidence",
        "attributed_by" => "csv.column.attributed_by",
        "vector" => "csv.column.vector",
        "recovered_usd" => "csv.column.recovered_usd",
        "summary" => "csv.column.summary",
        "source_ids" => "csv.column.source_ids",
        "source_titles" => "csv.column.source_titles",
        "source_kinds" => "csv.column.source_kinds",
        "source_urls" => "csv.column.source_urls",
        other => return other.to_string(),
    };
    t(key)
}

fn number(v: f64) -> String {
    // Whole dollars as integers; the dataset's amounts are dollars, not cents.
    if v.fract() == 0.0 && v.abs() < 1e15 {
        fixed(v, 0)
    } else {
        csv_number(&shortest(v))
    }
}

/// The incidents as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the
/// names right; in French, German and Italian `;` between fields and a decimal comma, as
/// Excel in those languages reads them), one row each with its sources' ids, titles, kinds and addresses (each list
/// joined by " | ").
pub fn incidents_csv(data: &Dataset, incidents: &[&Incident]) -> String {
    let mut out = String::from("\u{feff}");
    csv_row(&mut out, &INCIDENT_COLUMNS.map(incident_header));
    for i in incidents {
        let sources: Vec<_> = i.sources.iter().map(|id| (id, data.source(id))).collect();
        let list = |f: &dyn Fn(&crate::model::Source) -> String| {
            sources.iter().map(|(_, s)| s.map(f).unwrap_or_default()).collect::<Vec<_>>().join(" | ")
        };
        csv_row(
            &mut out,
            &[
                i.id.clone(),
                i.date.to_string(),
                i.victim.clone(),
                i.category.slug().to_string(),
                i.chains.join(" | "),
                i.assets.join(" | "),
                number(i.usd),
                i.usd_low.map(number).unwrap_or_default(),
                i.usd_high.map(number).unwrap_or_default(),
                i.actor.clone(),
                i.attribution.confidence.slug().to_string(),
                i.attribution.by.join(" | "),
                i.vector.label().to_string(),
                i.recovered_usd.map(number).unwrap_or_default(),
                i.summary.clone(),
                sources.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>().join(" | "),
                list(&|s| s.title.clone()),
                list(&|s| s.kind.label().to_ascii_lowercase()),
                list(&|s| s.url.clone()),
            ],
        );
    }
    out
}

/// A chart's table as CSV, for spreadsheets: amounts as plain numbers of US dollars and
/// dates as `YYYY-MM-DD` (the values behind the page's "$1.23B" and "1 Jan 2024"), an empty
/// cell where the page shows "—" for no number; a source cell reads
/// `"title (publisher; kind) <address>"`. In French, German and Italian `;` between fields
/// and a decimal comma in numbers.
pub fn table_csv(t: &Table) -> String {
    let mut out = String::from("\u{feff}");
    csv_row(&mut out, &t.headers);
    for row in &t.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match &c.href {
                Some(url) => format!("{} <{url}>", c.text),
                None if c.numeric && c.raw.is_none() && c.text == "—" => String::new(),
                None if c.numeric => csv_number(c.value()),
                None => c.value().to_string(),
            })
            .collect();
        csv_row(&mut out, &cells);
    }
    out
}

/// An incident as the dataset holds it (the fields it has, in the schema's order), then its
/// sources written out under `source_details`.
fn incident_json(w: &mut Writer, data: &Dataset, i: &Incident) {
    let text = |w: &mut Writer, k: &str, v: &str| {
        w.key(k).string(v);
    };
    let some_text = |w: &mut Writer, k: &str, v: &Option<String>| {
        if let Some(v) = v {
            w.key(k).string(v);
        }
    };
    let some_number = |w: &mut Writer, k: &str, v: Option<f64>| {
        if let Some(v) = v {
            w.key(k).number(v);
        }
    };
    w.element().open_object();
    text(w, "id", &i.id);
    text(w, "date", &i.date.to_string());
    some_text(w, "date_note", &i.date_note);
    text(w, "victim", &i.victim);
    text(w, "category", i.category.slug());
    w.key("chains").strings(&i.chains);
    w.key("assets").strings(&i.assets);
    w.key("usd").number(i.usd);
    some_number(w, "usd_low", i.usd_low);
    some_number(w, "usd_high", i.usd_high);
    some_text(w, "amount_note", &i.amount_note);
    text(w, "vector", i.vector.slug());
    text(w, "vector_detail", &i.vector_detail);
    text(w, "actor", &i.actor);
    let a = &i.attribution;
    w.key("attribution").open_object().key("by").strings(&a.by);
    text(w, "confidence", a.confidence.slug());
    w.key("contested").raw(if a.contested { "true" } else { "false" });
    some_text(w, "note", &a.note);
    w.close('}');
    some_number(w, "recovered_usd", i.recovered_usd);
    some_text(w, "recovered_note", &i.recovered_note);
    text(w, "summary", &i.summary);
    w.key("sources").strings(&i.sources);
    w.key("source_details").open_array();
    for s in i.sources.iter().filter_map(|id| data.source(id)) {
        w.element().open_object();
        for (k, v) in [("id", &s.id), ("title", &s.title), ("publisher", &s.publisher), ("url", &s.url)] {
            text(w, k, v);
        }
        text(w, "kind", s.kind.slug());
        w.close('}');
    }
    w.close(']').close('}');
}

/// The incidents as JSON: the dataset's own records, each with its sources written out,
/// under a header naming the release, the view in words and its permalink. Keys are the
/// same in every language (programs read them); the header's human-readable values (title,
/// view) are in the words in force, `lang` says which language that is, and outside
/// English `translation` says they are a machine translation. The records are the dataset's
/// own text, as it holds it.
pub fn incidents_json(data: &Dataset, incidents: &[&Incident], view_words: &str, permalink: &str) -> String {
    let mut w = Writer::new();
    w.open_object();
    w.key("title").string(&t("json.title"));
    w.key("lang").string(crate::phrase::locale().code());
    if !crate::phrase::is_english() {
        w.key("translation").string(&t("export.machine_note"));
    }
    w.key("release").string(&data.release.id);
    w.key("as_of").string(&data.as_of.to_string());
    if let Some(h) = data.evidence_horizon {
        w.key("evidence_horizon").string(&h.to_string());
    }
    w.key("view").string(view_words);
    w.key("permalink").string(permalink);
    w.key("count").number(incidents.len() as f64);
    w.key("incidents").open_array();
    for i in incidents {
        incident_json(&mut w, data, i);
    }
    w.close(']').close('}');
    w.finish()
}

pub use crate::pipeline::{address, site_root, static_embed_path, Address};

/// The frame's own lines around an embedded chart at a frame `width`, in CSS pixels: the
/// view in words, the chart's title row with its buttons (which wrap on a phone), the
/// source line and the release line, each at most two lines; `plain` drops the words.
/// Measured on the release build, 2 December 2026: the figures chart, whose title row also
/// holds its year picker, needs the most (379 px at 320 px wide, 332 at 480, 267 at 640,
/// 219 at 1000).
fn embed_chrome(width: u32, plain: bool) -> u32 {
    let (full, bare) = match width {
        0..=399 => (380, 250),
        400..=599 => (340, 220),
        600..=799 => (270, 175),
        _ => (220, 145),
    };
    if plain {
        bare
    } else {
        full
    }
}

/// An embed's height in CSS pixels at a frame `width`: the chart's box for that width (as
/// on the full page) and the frame's lines around it (`embed_chrome`). A function of the
/// width and the address's flags alone, never of the data: the frame is a box of this
/// height (anything more than the chart and its lines, such as an opened table, scrolls
/// inside), and this is the height it posts to its parent, so a page on another origin
/// that frames a dataset learns nothing about what the dataset holds from it. At most
/// 1,660 px, whatever the width.
pub fn embed_height(kind: ChartKind, width: u32, plain: bool) -> u32 {
    kind.size_for(width).height + embed_chrome(width, plain)
}

/// The widths of the columns an embed is pasted into without a script: a phone's (320 px)
/// and an article's (640 px). The embed code's height fits the taller of the two.
pub const EMBED_COLUMNS: [u32; 2] = [320, 640];

/// The height of the embed code's iframe: the tallest [`embed_height`] over the
/// [`EMBED_COLUMNS`], so a plain iframe shows the whole chart, its sources and the link back
/// at either width without a script (the page fills a taller frame: its chart takes the
/// room). Hosts that listen for the height messages size it exactly.
pub fn embed_code_height(kind: ChartKind, plain: bool) -> u32 {
    EMBED_COLUMNS.iter().map(|&w| embed_height(kind, w, plain)).max().unwrap_or_default()
}

/// The iframe code for one chart of the view, pinned to the release: its address is the
/// chart's static page (`v/RELEASE/embed/CHART/?…`: the chart without JavaScript, the live
/// embed with it), in the light theme unless the reader chose dark, at a height that fits a
/// 320 or 640 px column without any script on the host page ([`embed_code_height`]). Not
/// lazy: a frame below the fold still loads and posts its height before it is scrolled to.
pub fn embed_code(sel: &Selection, kind: ChartKind, site: &str) -> String {
    let src = address(sel, site, Address::Embed(kind));
    let height = embed_code_height(kind, false);
    let attr = crate::render::svg::escape;
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{height}" style="border:0;width:100%;max-width:100%" allow="fullscreen"></iframe>"#,
        attr(&src),
        attr(&fill("embed.title", &[("chart", &kind.heading())]))
    )
}

/// The Pym.js message that tells the host page the frame's height: the library's own
/// string form, `pym` + the frame's id + `height` + the value, joined by `xPYMx`.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    ["pym", child_id, "height", &height.to_string()].join("xPYMx")
}

/// The resolution every exported PNG declares: 300 dots per inch, print quality, so a word
/// processor places a 2,000 px report image at 6.7 inches rather than at 21 (a PNG without
/// a `pHYs` chunk is taken to be 96 dpi).
pub const PNG_DPI: u32 = 300;

/// CRC-32 (IEEE), as PNG checks each chunk and zip files their contents (the data package
/// uses it too).
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// The PNG `png` with a `pHYs` chunk declaring `dpi` (as pixels per metre, the unit PNG
/// uses) right after its header, replacing any it had. Refuses bytes that are not a PNG
/// whose first chunk is its header, rather than write a broken file.
pub fn png_with_dpi(png: &[u8], dpi: u32) -> Result<Vec<u8>, String> {
    let header_end = 8 + 4 + 4 + 13 + 4;
    if png.len() < header_end || png[..8] != PNG_SIGNATURE || &png[12..16] != b"IHDR" {
        return Err("not a PNG image".into());
    }
    let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
    let mut chunk = Vec::with_capacity(21);
    chunk.extend(9u32.to_be_bytes());
    chunk.extend(b"pHYs");
    chunk.extend(per_metre.to_be_bytes());
    chunk.extend(per_metre.to_be_bytes());
    chunk.push(1); // the unit is the metre
    chunk.extend(crc32(&chunk[4..]).to_be_bytes());
    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend(&png[..header_end]);
    out.extend(&chunk);
    // Copy the other chunks, dropping an earlier pHYs (a PNG may hold only one).
    let mut at = header_end;
    while at + 12 <= png.len() {
        let len = u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]) as usize;
        let end =
            at.checked_add(12 + len).filter(|&e| e <= png.len()).ok_or("a PNG chunk runs past the end")?;
        if &png[at + 4..at + 8] != b"pHYs" {
            out.extend(&png[at..end]);
        }
        at = end;
    }
    if at != png.len() {
        return Err("the PNG ends inside a chunk".into());
    }
    Ok(out)
}

/// The `pHYs` resolution of a PNG in dots per inch (rounded), `None` when it declares none.
pub fn png_dpi(png: &[u8]) -> Option<u32> {
    let mut at = 8;
    while at + 12 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().ok()?) as usize;
        if &png[at + 4..at + 8] == b"pHYs" && len == 9 && at + 17 <= png.len() && png[at + 16] == 1 {
            let per_metre = u32::from_be_bytes(png[at + 8..at + 12].try_into().ok()?);
            return Some((f64::from(per_metre) * 0.0254).round() as u32);
        }
        at = at.checked_add(12 + len)?;
    }
    None
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |n, (k, &b)| n | u32::from(b) << (16 - 8 * k));
        for k in 0..4 {
            if k <= group.len() {
                out.push(char::from(BASE64[(n >> (18 - 6 * k) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|&c| c != b'=') {
        let v = BASE64.iter().position(|&b| b == c).ok_or("not base64")? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    Ok(out)
}

/// A canvas's `data:image/png;base64,…` address with the PNG's resolution set to `dpi`
/// ([`png_with_dpi`]): browsers write no `pHYs` chunk.
pub fn png_data_url_with_dpi(url: &str, dpi: u32) -> Result<String, String> {
    const PREFIX: &str = "data:image/png;base64,";
    let body = url.strip_prefix(PREFIX).ok_or("the canvas gave no PNG")?;
    let png = png_with_dpi(&base64_decode(body)?, dpi)?;
    Ok(format!("{PREFIX}{}", base64_encode(&png)))
}

/// The drawing width of a static one-chart page: an article's column. The image scales to
/// the frame (a phone's 320 px column too).
pub(crate) const STATIC_EMBED_WIDTH: u32 = 640;

/// A chart's static one-chart page (`embed/CHART/index.html` beside a release's page, and
/// `embed/CHART/LANG/index.html` in each other language: the one the words in force
/// speak), the address the embed code gives: without JavaScript it shows the chart of the
/// release's default view as a standalone image (title, view, sources, data date and the
/// pinned address inside it), then its source line and a link to the full view, in that
/// language with `<html lang>` saying so; with JavaScript, `embed.js` hands over at once
/// to the live embed (the release's page, `embed.js`'s own folder, with the query, whose
/// `lang` keeps the language).
/// `page_url` is the site's page (`/heist-ledger/`), for the pinned links. Scripts and
/// styles are files of the site, so the page keeps the site's Content-Security-Policy.
pub fn static_embed_page(sel: &Selection, kind: ChartKind, page_url: &str) -> Result<String, String> {
    let light = sel.with_theme(view::Theme::Light);
    let chart = pipeline::ChartData::new(&light, kind);
    let size = kind.size_for(STATIC_EMBED_WIDTH);
    let (svg, _) = pipeline::standalone_svg_sized(&light, &chart, size, page_url, None)?;
    let frame = pipeline::export_frame(&light, &chart, page_url);
    let esc = crate::render::svg::escape;
    // The page sits at `embed/CHART/` (English) or `embed/CHART/LANG/`: the site's files are
    // that many folders up.
    let up = "../".repeat(static_embed_path(kind).matches('/').count());
    Ok(format!(
        r#"<!doctype html>
<html lang="{lang}" data-static-embed="{name}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'" />
    <title>{title}</title>
    <script src="{up}embed.js" data-chart="{name}"></script>
    <link rel="stylesheet" href="{up}embed.css" />
  </head>
  <body>
    <main class="static-embed">
      <figure data-chart="{name}">{svg}<figcaption><p>{sources}</p><p>{dated} · <a target="_blank" rel="noopener" data-embed-link href="{link}">{open}</a></p><p class="static-note">{static_note}</p></figcaption></figure>
    </main>
  </body>
</html>
"#,
        name = kind.name(),
        lang = crate::phrase::locale().html_lang(),
        title = esc(&fill("embed.title", &[("chart", &kind.heading())])),
        open = esc(&t("embed.open_full")),
        static_note = esc(&t("embed.static_note")),
        sources = esc(&frame.sources),
        dated = esc(&frame.dated),
        link = esc(&frame.link),
    ))
}
