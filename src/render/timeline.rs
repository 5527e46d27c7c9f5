//! The heist timeline: each incident at its date, its amount on a log scale, marker area
//! proportional to the amount, colour by victim category; the largest labelled without
//! overlaps; enforcement actions on a lane of their own.

use crate::aggregate::{TimelineData, TimelinePoint};
use crate::decimal::{fixed, shortest, Fixed};
use crate::layout::labels::{self, Anchor, Request};
use crate::layout::scale::{Linear, Log, Projection, Scale};
use crate::layout::{clamp, text, Rect};
use crate::model::{Category, Date, EnforcementKind};
use crate::phrase::{enforcement, fill, t};
use crate::render::theme::{Palette, Symbol, Theme};
use crate::render::words::{self, money};
use crate::render::{legend, legend_height, mark_attrs, Align, Canvas, ChartError, Font, LegendKey, Size};
use std::fmt::Write as _;

/// Smallest marker radius drawn: below it a marker could not be seen or pointed at, so
/// areas are proportional to amounts only above this radius (the legend says so).
pub const MIN_RADIUS: f64 = 2.5;

/// The radius of a mark's target for a finger (a 26 px tap target: WCAG asks 24).
pub(crate) const HIT_RADIUS: f64 = 13.0;

/// Most incidents drawn as their own accessible marks; smaller ones beyond this are drawn
/// as a density layer (the incident table lists every one).
pub const MAX_MARKS: usize = 400;

/// Side of a density cell, in pixels.
const CELL: f64 = 4.0;

/// The thefts too many to draw one by one: each occupied cell of the plot is a square,
/// darker the more thefts fall in it. Cells of one shade are one path (a handful of
/// elements however many cells: thousands of rects cost the browser more to lay out than
/// the rest of the page), with the thefts it holds as `data-count`.
fn draw_density(c: &Canvas, f: &Frame, points: &[&TimelinePoint]) -> Result<(), ChartError> {
    let mut occupied: Vec<(i64, i64)> = Vec::with_capacity(points.len());
    for pt in points {
        let (x, y) = (f.date_x(pt.date), f.y.map(pt.usd));
        if x.is_finite() && y.is_finite() {
            occupied.push(((x / CELL).floor() as i64, (y / CELL).floor() as i64));
        }
    }
    crate::sort::by(&mut occupied, &|a, b| a.cmp(b));
    // Each occupied cell once, left to right, with how many thefts fall in it.
    let cells = occupied.chunk_by(|a, b| a == b).map(|run| (run[0], run.len()));
    // Shade k (1..=SHADES) holds the cells of k thefts, the last one those of more.
    const SHADES: usize = 5;
    let mut shades: Vec<(String, usize)> = vec![(String::new(), 0); SHADES];
    let cell = shortest(CELL);
    for ((cx, cy), n) in cells {
        let shade = &mut shades[n.min(SHADES) - 1];
        let (x, y) = (Fixed(cx as f64 * CELL, 0), Fixed(cy as f64 * CELL, 0));
        let _ = write!(shade.0, "M{x} {y}h{cell}v{cell}h-{cell}z");
        shade.1 += n;
    }
    let fill = crate::render::theme::Palette::hex(c.palette.muted);
    let count = points.len().to_string();
    c.doc.open("g", &[("class", "density"), ("aria-hidden", "true"), ("data-count", &count)]);
    for (k, (d, n)) in shades.iter().enumerate().filter(|(_, (d, _))| !d.is_empty()) {
        let opacity = fixed((0.25 + 0.15 * (k + 1) as f64).min(1.0), 2);
        c.doc.element(
            "path",
            &[("d", d), ("fill", &fill), ("fill-opacity", &opacity), ("data-count", &n.to_string())],
            "",
        );
    }
    c.doc.close();
    Ok(())
}

/// The chart's one-sentence finding, built from the data, in the words in force.
pub fn describe(data: &TimelineData) -> String {
    if data.points.is_empty() {
        return fill(
            "chart.timeline.desc_empty",
            &[("from", &words::date(data.start)), ("to", &words::date(data.end))],
        );
    }
    // The span the incidents themselves cover, not the axis (which runs to the end of the
    // last year in view).
    let first = data.points.iter().map(|p| p.date).min().unwrap_or(data.start);
    let last = data.points.iter().map(|p| p.date).max().unwrap_or(data.end);
    let mut s = fill(
        "chart.timeline.desc",
        &[
            ("n", &words::count(data.points.len())),
            ("from", &words::month_year(first)),
            ("to", &words::month_year(last)),
        ],
    );
    let points: Vec<&TimelinePoint> = data.points.iter().collect();
    if let Some(l) = crate::aggregate::largest_by(&points, |p| (p.usd, p.id.as_str())) {
        s.push_str(&fill(
            "chart.timeline.desc_largest",
            &[("victim", &l.victim), ("date", &words::date(l.date)), ("amount", &money(l.usd))],
        ));
    }
    s.push_str(&fill("chart.timeline.desc_events", &[("n", &words::count(data.events.len()))]));
    if !data.after.is_empty() {
        s.push_str(&fill("chart.timeline.desc_after", &[("n", &words::count(data.after.len()))]));
    }
    s
}

/// A legend entry of the lane: one word, so the legend stays short on a phone (the
/// tooltips say it in full).
fn after_legend_label(kind: crate::model::CooperationKind, returned: bool) -> String {
    use crate::model::CooperationKind as K;
    t(match (kind, returned) {
        (K::Refusal, _) => "legend.after.refused",
        (_, true) => "legend.after.returned",
        (K::Freeze, false) => "legend.after.frozen",
        (K::Seizure, false) => "legend.after.seized",
        (K::Recovery, false) => "legend.after.recovered",
    })
}

/// What an event on the lane did, in full, for its tooltip ([`crate::after::outcome`] in
/// the words in force).
fn after_outcome(kind: crate::model::CooperationKind, returned: bool) -> String {
    use crate::model::CooperationKind as K;
    t(match (kind, returned) {
        (K::Refusal, _) => "tooltip.after.refused",
        (_, true) => "tooltip.after.returned",
        (K::Freeze, false) => "tooltip.after.frozen",
        (K::Seizure, false) => "tooltip.after.seized",
        (K::Recovery, false) => "tooltip.after.recovered",
    })
}

/// Tooltip for an event on the lane of freezes and recoveries.
pub(crate) fn after_tip(e: &crate::after::LaneEvent, source_title: &dyn Fn(&str) -> String) -> String {
    let amount = match (e.usd, e.floor) {
        (Some(usd), true) => fill("tooltip.after.more_than", &[("amount", &money(usd))]),
        (Some(usd), false) => fill("tooltip.after.amount", &[("amount", &money(usd))]),
        (None, _) => String::new(),
    };
    let within =
        e.within.as_deref().map(|w| fill("tooltip.after.within", &[("event", w)])).unwrap_or_default();
    let reported = if e.reported { t("tooltip.after.reported") } else { String::new() };
    let head = fill(
        "tooltip.after.event",
        &[
            ("date", &words::date(e.date)),
            ("reported", &reported),
            ("outcome", &after_outcome(e.kind, e.returned)),
            ("actor", &e.actor),
            ("amount", &amount),
            ("within", &within),
            ("victims", &crate::phrase::victims(&e.victims)),
        ],
    );
    format!("{head}{}", words::source(&source_title(&e.source)))
}

/// Geometry shared by drawing and by the page's date-range brush.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Date axis.
    pub x: Linear,
    /// Amount axis.
    pub y: Log,
    /// Plot area.
    pub(crate) plot: Rect,
    /// Enforcement lane.
    pub lane: Rect,
    /// The lane of freezes and recoveries, when the view has any.
    pub(crate) after_lane: Option<Rect>,
    /// Radius of a marker for `max_usd`.
    pub(crate) max_radius: f64,
    /// Largest amount in view.
    pub max_usd: f64,
}

impl Frame {
    /// Radius for an amount: area proportional to the amount, never below [`MIN_RADIUS`].
    pub(crate) fn radius(&self, usd: f64) -> f64 {
        if self.max_usd <= 0.0 || usd <= 0.0 {
            return MIN_RADIUS;
        }
        (self.max_radius * (usd / self.max_usd).sqrt()).max(MIN_RADIUS)
    }

    /// Pixel x of a date.
    pub(crate) fn date_x(&self, d: Date) -> f64 {
        self.x.map(d.days_since_epoch() as f64)
    }

    /// The bottom of the lowest lane: where year lines and the brush end.
    pub(crate) fn bottom(&self) -> f64 {
        self.after_lane.map_or(self.lane.y1, |l| l.y1)
    }
}

/// The legend's entries: the categories in view, contested attribution, the kinds of
/// enforcement action on the lane, and the outcomes on the lane of freezes and recoveries.
fn legend_entries(data: &TimelineData, p: &Palette) -> Vec<(LegendKey, String)> {
    let used: Vec<Category> =
        Category::ALL.into_iter().filter(|cat| data.points.iter().any(|pt| pt.category == *cat)).collect();
    let mut entries: Vec<(LegendKey, String)> =
        used.iter().map(|cat| (LegendKey::Swatch(p.category(*cat)), words::category(*cat))).collect();
    if data.points.iter().any(|pt| pt.contested) {
        entries.push((LegendKey::Dashed, t("legend.contested")));
    }
    let mut kinds: Vec<EnforcementKind> = Vec::new();
    for e in &data.events {
        if !kinds.contains(&e.kind) {
            kinds.push(e.kind);
        }
    }
    for kind in &kinds {
        entries.push((LegendKey::Symbol(Symbol::for_enforcement(*kind)), enforcement(*kind)));
    }
    entries.extend(after_legend(data));
    entries
}

/// The frame the timeline is drawn in at `size` (the legend's height does not depend on
/// the theme's colours).
pub(crate) fn frame_at(data: &TimelineData, size: Size) -> Frame {
    let entries = legend_entries(data, &crate::render::theme::palette(Theme::Light));
    frame(data, size, legend_height(&entries, f64::from(size.width) - 16.0) + 14.0)
}

/// The drawing's projection at `size`: days since 1970 and amounts to pixels, and back.
pub fn projection(data: &TimelineData, size: Size) -> Projection {
    let f = frame_at(data, size);
    Projection { x: f.x, y: Scale::Log(f.y) }
}

/// Which thefts get a mark of their own (the [`MAX_MARKS`] largest, largest first, and the
/// selected one whatever its size) and which go to the density layer.
pub fn marked<'a>(
    data: &'a TimelineData,
    selected: Option<&str>,
) -> (Vec<&'a TimelinePoint>, Vec<&'a TimelinePoint>) {
    let mut order: Vec<&TimelinePoint> = data.points.iter().collect();
    crate::sort::by(&mut order, &|a, b| b.usd.total_cmp(&a.usd).then_with(|| a.id.cmp(&b.id)));
    let mut binned = order.split_off(order.len().min(MAX_MARKS));
    // The incident the reader selected is always a mark of its own.
    if let Some(k) = binned.iter().position(|pt| selected == Some(pt.id.as_str())) {
        order.push(binned.remove(k));
    }
    (order, binned)
}

/// Lays out the frame for a size, leaving `top` pixels for the legend.
pub fn frame(data: &TimelineData, size: Size, top: f64) -> Frame {
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let lane_h = 34.0;
    // A second lane, for freezes and recoveries, only when the view has any: a dataset
    // without them keeps the chart it always had.
    let lanes = if data.after.is_empty() { 1.0 } else { 2.0 };
    let max_usd = data.points.iter().map(|p| p.usd).fold(0.0, f64::max);
    let min_usd = data.points.iter().map(|p| p.usd).filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
    let (lo, hi) = (if min_usd.is_finite() { min_usd } else { 1e6 }, max_usd.max(1e6));
    // The dollar axis's ticks (powers of ten over the domain) size the margin left of it.
    let left = crate::render::axis_margin(&Log::covering(lo, hi, 0.0, 1.0).ticks(), 60.0);
    let plot = Rect::new(left, top + 10.0, w - 16.0, h - 26.0 - (lane_h + 8.0) * lanes);
    let lane = Rect::new(plot.x0, plot.y1 + 8.0, plot.x1, plot.y1 + 8.0 + lane_h);
    let after_lane =
        (!data.after.is_empty()).then(|| Rect::new(plot.x0, lane.y1 + 8.0, plot.x1, lane.y1 + 8.0 + lane_h));
    let day0 = data.start.days_since_epoch() as f64;
    let day1 = (data.end.days_since_epoch() as f64).max(day0 + 1.0);
    let max_radius = clamp(plot.height() / 9.0, 8.0, 28.0);
    // Pad the data range by the largest marker so markers stay inside the plot.
    let inner = Rect::new(
        plot.x0 + max_radius * 0.6,
        plot.y0 + max_radius,
        plot.x1 - max_radius * 0.6,
        plot.y1 - MIN_RADIUS - 2.0,
    );
    Frame {
        x: Linear { d0: day0, d1: day1, r0: inner.x0, r1: inner.x1 },
        y: Log::covering(lo, hi, inner.y1, inner.y0),
        plot,
        lane,
        after_lane,
        max_radius,
        max_usd,
    }
}

/// The line above the plot saying how to read the marks: the longest wording that fits the
/// plot's width whole (a phone gets the short one, never a sentence cut with "…").
fn scale_note(data: &TimelineData, width: f64) -> String {
    let binned = data.points.len().saturating_sub(MAX_MARKS);
    let (n, min) = (words::count(binned), shortest(MIN_RADIUS));
    let values = [("n", n.as_str()), ("min", min.as_str())];
    let keys = if binned > 0 {
        [
            "chart.timeline.scale_binned_long",
            "chart.timeline.scale_binned_medium",
            "chart.timeline.scale_binned_short",
        ]
    } else {
        ["chart.timeline.scale_long", "chart.timeline.scale_medium", "chart.timeline.scale_short"]
    };
    let wordings: Vec<String> = keys.iter().map(|k| fill(k, &values)).collect();
    let fits = |s: &String| text::width(s, 10.0) <= width;
    match wordings.iter().find(|s| fits(s)) {
        Some(s) => s.clone(),
        None => Canvas::fit(&wordings[wordings.len() - 1], 10.0, width),
    }
}

/// A marker label: the victim's name without its parenthesised qualifier, and the amount
/// ("Ronin Network $620M").
pub(crate) fn short_label(p: &TimelinePoint) -> String {
    let name = p.victim.split(" (").next().unwrap_or(&p.victim).trim();
    format!("{name} {}", words::axis_money(p.usd))
}

/// Tooltip for an incident marker.
pub(crate) fn point_tip(p: &TimelinePoint, source_title: &dyn Fn(&str) -> String) -> String {
    let contested = if p.contested { t("tooltip.timeline.contested") } else { String::new() };
    let mut s = fill(
        "tooltip.timeline.incident",
        &[
            ("victim", &p.victim),
            ("date", &words::date(p.date)),
            ("amount", &money(p.usd)),
            ("category", &words::category(p.category)),
            ("contested", &contested),
        ],
    );
    if let Some(id) = &p.source {
        s.push_str(&words::source(&source_title(id)));
    }
    s
}

/// Renders the timeline.
pub fn render(
    data: &TimelineData,
    size: Size,
    theme: Theme,
    selected: Option<&str>,
    source_title: &dyn Fn(&str) -> String,
) -> Result<String, ChartError> {
    let c = Canvas::new("timeline", &t("chart.timeline.title"), &describe(data), size, theme);
    draw(&c, data, size, selected, source_title)?;
    Ok(c.finish())
}

/// Draws the timeline on a canvas. `selected` is an incident id to highlight.
pub fn draw(
    c: &Canvas,
    data: &TimelineData,
    size: Size,
    selected: Option<&str>,
    source_title: &dyn Fn(&str) -> String,
) -> Result<(), ChartError> {
    let p = c.palette;
    let entries = legend_entries(data, &p);
    let legend_h = legend(c, &entries, 8.0, 6.0, f64::from(size.width) - 16.0)?;
    let f = frame(data, size, legend_h + 14.0);
    c.text(&scale_note(data, f.plot.width()), f.plot.x0, f.plot.y0 - 2.0, Font::new(10.0, p.muted))?;

    c.doc.open("g", &[("class", "axis y")]);
    for t in f.y.ticks() {
        let yy = f.y.map(t);
        if yy < f.plot.y0 - 1.0 || yy > f.plot.y1 + 1.0 {
            continue;
        }
        c.line(&[(f.plot.x0, yy), (f.plot.x1, yy)], p.grid, 1)?;
        c.text(&words::axis_money(t), f.plot.x0 - 6.0, yy, Font::new(11.0, p.muted).align(Align::End))?;
    }
    c.doc.close();

    c.doc.open("g", &[("class", "axis x")]);
    let (first, last) = (data.start.year(), data.end.year());
    // The widest year label as the locale writes it ("2024", "2024년"), and a gap.
    let year_w =
        (first..=last).map(|y| text::width(&words::year(y), 11.0)).fold(text::width("2024", 11.0), f64::max)
            + 8.0;
    let per_year = f.x.map(365.25) - f.x.map(0.0);
    let every = (year_w / per_year.max(1.0)).ceil().max(1.0) as i32;
    for year in first..=last + 1 {
        let xx = f.date_x(Date::new(year, 1, 1));
        if xx < f.plot.x0 || xx > f.plot.x1 {
            continue;
        }
        c.line(&[(xx, f.plot.y0), (xx, f.bottom())], p.grid, 1)?;
        let mid = f.date_x(Date::new(year, 7, 1));
        if (year - first) % every == 0 && mid < f.plot.x1 - 10.0 && year <= last {
            c.text(
                &words::year(year),
                mid,
                f.bottom() + 13.0,
                Font::new(11.0, p.muted).align(Align::Middle),
            )?;
        }
    }
    c.line(&[(f.plot.x0, f.plot.y1), (f.plot.x1, f.plot.y1)], p.muted, 1)?;
    c.doc.close();

    // Enforcement lane.
    c.doc.open("g", &[("class", "lane")]);
    c.rect(f.lane.x0, f.lane.y0, f.lane.x1, f.lane.y1, p.grid, None)?;
    c.text(
        &Canvas::fit(&t("chart.timeline.enforcement_lane"), 9.0, f.lane.width() - 8.0),
        f.lane.x0 + 4.0,
        f.lane.y0 + 7.0,
        Font::new(9.0, p.muted),
    )?;
    let lane_mid = (f.lane.y0 + f.lane.y1) / 2.0;
    for e in &data.events {
        let head = fill(
            "tooltip.timeline.event",
            &[
                ("date", &words::date(e.date)),
                ("title", &e.title),
                ("authority", &e.authority),
                ("kind", &enforcement(e.kind)),
            ],
        );
        let tip = format!("{head}{}", words::source(&source_title(&e.source)));
        let date = e.date.to_string();
        let mut attrs = mark_attrs("event", &tip);
        attrs.extend([("data-event", e.id.as_str()), ("data-date", date.as_str())]);
        c.doc.open("g", &attrs);
        c.symbol(Symbol::for_enforcement(e.kind), f.date_x(e.date), lane_mid + 4.0, 6.0, p.text)?;
        c.doc.close();
    }
    c.doc.close();

    if let Some(lane) = f.after_lane {
        draw_after_lane(c, &f, lane, data, source_title)?;
    }

    // Markers, largest first so small ones stay visible on top. Past MAX_MARKS the smallest
    // thefts are binned into a density layer: thousands of overlapping circles are neither
    // readable nor quick to draw, and the table below lists every one.
    let (order, binned) = marked(data, selected);
    if !binned.is_empty() {
        draw_density(c, &f, &binned)?;
    }
    // A finger needs 24 px or more: small marks get a larger invisible target beneath
    // every mark (a mark as drawn always wins; the targets take taps around them), the
    // smaller drawn later so they sit on top of the larger ones' targets.
    c.doc.open("g", &[("class", "hits")]);
    for pt in &order {
        if f.radius(pt.usd) < HIT_RADIUS {
            c.hit_area(&pt.id, f.date_x(pt.date), f.y.map(pt.usd), HIT_RADIUS);
        }
    }
    c.doc.close();
    c.doc.open("g", &[("class", "markers")]);
    for pt in &order {
        let (cx, cy, r) = (f.date_x(pt.date), f.y.map(pt.usd), f.radius(pt.usd));
        let tip = point_tip(pt, source_title);
        let (date, usd, radius) = (pt.date.to_string(), shortest(pt.usd), fixed(r, 4));
        let mut attrs = mark_attrs("incident", &tip);
        attrs.extend([
            ("data-incident", pt.id.as_str()),
            ("data-date", date.as_str()),
            ("data-usd", usd.as_str()),
            ("data-r", radius.as_str()),
        ]);
        if selected == Some(pt.id.as_str()) {
            attrs.push(("data-selected", "true"));
        }
        if pt.contested {
            attrs.push(("stroke-dasharray", "3 2"));
        }
        if let Some(changed) = pt.changed {
            attrs.push(("data-diff", changed));
        }
        c.doc.open("g", &attrs);
        c.circle(cx, cy, r, p.category(pt.category), 0.78, p.outline)?;
        if pt.changed.is_some() {
            // Changed since the release the reader compares with: a second outline.
            c.circle(cx, cy, r + 2.5, p.background, 0.0, p.text)?;
        }
        if selected == Some(pt.id.as_str()) {
            c.circle(cx, cy, r + 4.0, p.background, 0.0, p.text)?;
        }
        c.doc.close();
    }
    c.doc.close();

    // Labels for the largest incidents, placed so they overlap nothing.
    let label_size = 11.0;
    let requests: Vec<Request> = order
        .iter()
        .map(|pt| {
            let label = short_label(pt);
            Request {
                x: f.date_x(pt.date),
                y: f.y.map(pt.usd),
                radius: f.radius(pt.usd) + if selected == Some(pt.id.as_str()) { 4.0 } else { 0.0 },
                width: text::width(&label, label_size),
                height: text::line_height(label_size),
                priority: pt.usd,
            }
        })
        .collect();
    // A wider chart has room for more labels (about one per 80 px of plot), and even a
    // phone's names its five largest thefts.
    let max_labels = ((f.plot.width() / 80.0) as usize).clamp(5, 24);
    c.doc.open("g", &[("class", "labels")]);
    for placed in labels::place(&requests, f.plot, max_labels) {
        let pt = order[placed.index];
        let align = match placed.anchor {
            Anchor::Start => Align::Start,
            Anchor::Middle => Align::Middle,
            Anchor::End => Align::End,
        };
        let label = short_label(pt);
        let (x0, y0, x1, y1) = (
            fixed(placed.rect.x0, 1),
            fixed(placed.rect.y0, 1),
            fixed(placed.rect.x1, 1),
            fixed(placed.rect.y1, 1),
        );
        c.doc.open(
            "g",
            &[
                ("class", "label"),
                ("data-for", pt.id.as_str()),
                ("data-box", &format!("{x0} {y0} {x1} {y1}")),
            ],
        );
        if placed.leader {
            // From the marker's edge towards the label's nearest point.
            let (mx, my) = (f.date_x(pt.date), f.y.map(pt.usd));
            let (lx, ly) =
                (clamp(mx, placed.rect.x0, placed.rect.x1), clamp(my, placed.rect.y0, placed.rect.y1));
            let (dx, dy) = (lx - mx, ly - my);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            let r = f.radius(pt.usd) + 1.0;
            c.line(&[(mx + dx / d * r, my + dy / d * r), (lx, ly)], p.muted, 1)?;
        }
        c.text(&label, placed.text_x, placed.text_y, Font::new(label_size, p.text).align(align))?;
        c.doc.close();
    }
    c.doc.close();
    Ok(())
}

/// The legend entries of the lane of freezes and recoveries: one per outcome in view, in a
/// fixed order, leaving out a symbol the enforcement lane's legend already explains (a
/// seizure is a seizure on either lane).
fn after_legend(data: &TimelineData) -> Vec<(LegendKey, String)> {
    use crate::model::CooperationKind as K;
    let enforcement: Vec<Symbol> = data.events.iter().map(|e| Symbol::for_enforcement(e.kind)).collect();
    let order = [
        (K::Freeze, false),
        (K::Seizure, false),
        (K::Recovery, false),
        (K::Recovery, true),
        (K::Refusal, false),
    ];
    let mut entries: Vec<(LegendKey, String)> = Vec::new();
    for (kind, returned) in order {
        let symbol = Symbol::for_after(kind, returned);
        let shown =
            entries.iter().any(|(k, _)| *k == LegendKey::Symbol(symbol)) || enforcement.contains(&symbol);
        if !shown && data.after.iter().any(|e| Symbol::for_after(e.kind, e.returned) == symbol) {
            entries.push((LegendKey::Symbol(symbol), after_legend_label(kind, returned)));
        }
    }
    entries
}

/// The lane of freezes, seizures, recoveries and refusals: a mark per event at its date,
/// carrying `data-kind` (its kind), `data-coop` (its id) and `data-returned`.
fn draw_after_lane(
    c: &Canvas,
    f: &Frame,
    lane: crate::layout::Rect,
    data: &TimelineData,
    source_title: &dyn Fn(&str) -> String,
) -> Result<(), ChartError> {
    let p = c.palette;
    c.doc.open("g", &[("class", "lane after-lane")]);
    c.rect(lane.x0, lane.y0, lane.x1, lane.y1, p.grid, None)?;
    c.text(
        &Canvas::fit(&t("chart.timeline.after_lane"), 9.0, lane.width() - 8.0),
        lane.x0 + 4.0,
        lane.y0 + 7.0,
        Font::new(9.0, p.muted),
    )?;
    let mid = (lane.y0 + lane.y1) / 2.0 + 4.0;
    for e in &data.after {
        let tip = after_tip(e, source_title);
        let (date, usd) = (e.date.to_string(), e.usd.map(shortest).unwrap_or_default());
        let mut attrs = mark_attrs(e.kind.slug(), &tip);
        attrs.extend([
            ("data-coop", e.id.as_str()),
            ("data-date", date.as_str()),
            ("data-returned", if e.returned { "true" } else { "false" }),
        ]);
        if e.usd.is_some() {
            attrs.push(("data-usd", usd.as_str()));
        }
        c.doc.open("g", &attrs);
        c.symbol(Symbol::for_after(e.kind, e.returned), f.date_x(e.date), mid, 5.0, p.text)?;
        c.doc.close();
    }
    c.doc.close();
    Ok(())
}
