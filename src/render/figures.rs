//! "Who said what, when": each publisher's figure for a year (or any window) at its
//! publication date, with the window it covers drawn as a bar on the same time axis and a
//! dashed line from each figure to the one that revised it.

use crate::aggregate::{PublishedData, PublishedPoint};
use crate::decimal::shortest;
use crate::layout::scale::{nice_axis, Linear, Projection, Scale};
use crate::phrase::{fill, t};
use crate::render::theme::{Palette, Symbol, Theme};
use crate::render::words;
use crate::render::{legend, legend_height, mark_attrs, Align, Canvas, ChartError, Font, LegendKey, Size};

/// What a chart of figures is about: a year, or any period.
fn about(data: &PublishedData) -> String {
    data.year.map_or_else(|| t("chart.figures.any_period"), words::year)
}

/// Text alternative: what the figures say, oldest first, in the words in force.
pub fn describe(data: &PublishedData) -> String {
    if data.points.is_empty() {
        return fill("chart.figures.desc_empty", &[("about", &about(data))]);
    }
    let parts: Vec<String> = data
        .points
        .iter()
        .map(|p| {
            fill(
                "chart.figures.desc_part",
                &[("publisher", &p.publisher), ("amount", &amount(p)), ("date", &words::date(p.published))],
            )
        })
        .collect();
    fill("chart.figures.desc", &[("about", &about(data)), ("parts", &parts.join("; "))])
}

fn amount(p: &PublishedPoint) -> String {
    words::amount(p.usd, p.usd_high, p.floor)
}

/// The tooltip of one figure.
pub fn point_tip(p: &PublishedPoint, data: &PublishedData, source_title: &dyn Fn(&str) -> String) -> String {
    let mut s = fill(
        "tooltip.figures.point",
        &[
            ("publisher", &p.publisher),
            ("amount", &amount(p)),
            ("window", &crate::phrase::window(&p.window)),
            ("date", &words::date(p.published)),
            ("nature", &words::nature(p.nature)),
        ],
    );
    if let Some(old) = p.revises.and_then(|k| data.points.get(k)) {
        s.push_str(&fill(
            "tooltip.figures.revises",
            &[("amount", &amount(old)), ("date", &words::date(old.published))],
        ));
    }
    s.push_str(&words::source(&source_title(&p.source)));
    s
}

/// Renders the chart.
pub fn render(
    data: &PublishedData,
    size: Size,
    theme: Theme,
    source_title: &dyn Fn(&str) -> String,
) -> Result<String, ChartError> {
    let c = Canvas::new("figures", &t("chart.figures.title"), &describe(data), size, theme);
    draw(&c, data, size, source_title)?;
    Ok(c.finish())
}

/// Each publisher's symbol: the same as on every other chart ([`Symbol::for_publisher`]).
fn symbol_for(_data: &PublishedData, publisher: &str) -> Symbol {
    Symbol::for_publisher(publisher)
}

/// The legend's entries: one symbol per publisher, then the period swatch.
fn legend_entries(data: &PublishedData, p: &Palette) -> Vec<(LegendKey, String)> {
    let mut entries: Vec<(LegendKey, String)> =
        data.publishers.iter().map(|pb| (LegendKey::Symbol(symbol_for(data, pb)), pb.clone())).collect();
    entries.push((LegendKey::Swatch(p.grid), t("legend.period")));
    entries
}

/// The axes below a legend `legend_h` tall: days since 1970 across (padded by 20 days),
/// dollars up, and the dollar ticks.
fn axes(data: &PublishedData, size: Size, legend_h: f64) -> (Linear, Linear, Vec<f64>) {
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let max_value = data.points.iter().map(|q| q.usd_high.unwrap_or(q.usd)).fold(0.0, f64::max);
    let (y_top, ticks) = nice_axis(max_value * 1.1, 5);
    let left = crate::render::axis_margin(&ticks, 58.0);
    let (top, bottom, right) = (legend_h + 22.0, h - 26.0, w - 16.0);
    let (d0, d1) = (data.start.days_since_epoch() as f64 - 20.0, data.end.days_since_epoch() as f64 + 20.0);
    (Linear { d0, d1, r0: left, r1: right }, Linear { d0: 0.0, d1: y_top, r0: bottom, r1: top }, ticks)
}

/// The drawing's projection at `size`: a publication day and an amount to pixels, and back.
pub fn projection(data: &PublishedData, size: Size) -> Projection {
    let entries = legend_entries(data, &crate::render::theme::palette(Theme::Light));
    let (x, y, _) = axes(data, size, legend_height(&entries, f64::from(size.width) - 16.0));
    Projection { x, y: Scale::Linear(y) }
}

/// Draws the chart on a canvas.
pub fn draw(
    c: &Canvas,
    data: &PublishedData,
    size: Size,
    source_title: &dyn Fn(&str) -> String,
) -> Result<(), ChartError> {
    let p = c.palette;
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let symbol_of = |publisher: &str| symbol_for(data, publisher);
    let legend_h = legend(c, &legend_entries(data, &p), 8.0, 6.0, w - 16.0)?;
    if data.points.is_empty() {
        c.text(
            &Canvas::fit(&fill("chart.figures.desc_empty", &[("about", &about(data))]), 13.0, w - 16.0),
            w / 2.0,
            h / 2.0,
            Font::new(13.0, p.muted).align(Align::Middle),
        )?;
        return Ok(());
    }
    let (x, y, ticks) = axes(data, size, legend_h);
    let (left, right, bottom) = (x.r0, x.r1, y.r0);
    let x_of = |d: crate::model::Date| x.map(d.days_since_epoch() as f64);

    c.doc.open("g", &[("class", "axis y")]);
    for t in &ticks {
        c.line(&[(left, y.map(*t)), (right, y.map(*t))], p.grid, 1)?;
        c.text(&words::axis_money(*t), left - 6.0, y.map(*t), Font::new(11.0, p.muted).align(Align::End))?;
    }
    c.doc.close();
    c.doc.open("g", &[("class", "axis x")]);
    // Years on a long axis; quarters when the figures span two years or less.
    let (first, last) = (data.start.year(), data.end.year());
    let short = data.end.days_since_epoch() - data.start.days_since_epoch() < 800;
    let ticks: Vec<crate::model::Date> = if short {
        (first..=last + 1).flat_map(|y| [1, 4, 7, 10].map(|m| crate::model::Date::new(y, m, 1))).collect()
    } else {
        let every = (((last - first + 1) as f64 * 40.0 / (right - left)).ceil() as usize).max(1);
        (first..=last + 1).step_by(every).map(|y| crate::model::Date::new(y, 1, 1)).collect()
    };
    let label_of = |d: crate::model::Date| if short { words::month_year(d) } else { words::year(d.year()) };
    // Room between two labels: English's fixed room, or more where the locale's labels are
    // wider ("2024년 10월").
    let widest = ticks.iter().map(|&d| crate::layout::text::width(&label_of(d), 11.0)).fold(0.0, f64::max);
    let label_w = if short { (widest + 10.0).max(58.0) } else { (widest + 6.0).max(32.0) };
    let mut last_label = f64::NEG_INFINITY;
    for d in ticks {
        let xx = x_of(d);
        if (left..=right).contains(&xx) && xx - last_label >= label_w {
            let label = label_of(d);
            c.line(&[(xx, bottom), (xx, bottom + 4.0)], p.muted, 1)?;
            c.text(&label, xx, bottom + 14.0, Font::new(11.0, p.muted).align(Align::Middle))?;
            last_label = xx;
        }
    }
    c.line(&[(left, bottom), (right, bottom)], p.muted, 1)?;
    c.doc.close();

    // Revisions first, under the marks they join.
    c.doc.open("g", &[("class", "revisions"), ("stroke-dasharray", "5 4")]);
    for q in &data.points {
        if let Some(old) = q.revises.and_then(|k| data.points.get(k)) {
            c.line(&[(x_of(old.published), y.map(old.usd)), (x_of(q.published), y.map(q.usd))], p.muted, 1)?;
        }
    }
    c.doc.close();

    c.doc.open("g", &[("class", "marks")]);
    let r = 5.0;
    for q in &data.points {
        let cy = y.map(q.usd);
        let (wx0, wx1, px) = (x_of(q.period.0), x_of(q.period.1), x_of(q.published));
        let tip = point_tip(q, data, source_title);
        let (usd, published) = (shortest(q.usd), q.published.to_string());
        let mut attrs = mark_attrs("published", &tip);
        attrs.extend([
            ("data-publisher", q.publisher.as_str()),
            ("data-usd", usd.as_str()),
            ("data-date", published.as_str()),
            ("data-source", q.source.as_str()),
        ]);
        if q.derived {
            attrs.push(("data-derived", "true"));
        }
        if let Some(changed) = q.changed {
            attrs.push(("data-diff", changed));
        }
        // Part-year and derived figures are drawn faded, as on the yearly chart.
        let faded = q.nature.is_partial_or_derived() && q.nature != crate::model::FigureNature::MultiPeriod;
        if faded {
            attrs.push(("opacity", "0.55"));
        }
        c.doc.open("g", &attrs);
        // The window the figure covers, then a hairline to where it was published.
        c.rect(wx0, cy - 3.0, wx1.max(wx0 + 2.0), cy + 3.0, p.grid, None)?;
        if px > wx1 {
            c.line(&[(wx1, cy), (px, cy)], p.grid, 1)?;
        }
        if let Some(high) = q.usd_high {
            c.line(&[(px, y.map(high)), (px, cy)], p.text, 2)?;
        }
        c.symbol(symbol_of(&q.publisher), px, cy, r, p.text)?;
        if q.changed.is_some() {
            // Changed since the release the reader compares with: a ring around the point.
            c.circle(px, cy, r + 4.0, p.background, 0.0, p.text)?;
        }
        c.doc.close();
        // The figure beside its point, on whichever side has room.
        let label = amount(q);
        let lw = crate::layout::text::width(&label, 10.0);
        let font = Font::new(10.0, p.text);
        if px + r + 4.0 + lw <= right {
            c.text(&label, px + r + 4.0, cy - r - 4.0, font)?;
        } else {
            c.text(&label, px - r - 4.0, cy - r - 4.0, font.align(Align::End))?;
        }
    }
    c.doc.close();
    Ok(())
}
