//! Yearly totals: the dataset's incidents summed per year and stacked by victim category,
//! with each research firm's or official body's reported figure drawn beside the bar.

use crate::aggregate::{ReportedMark, YearlyData};
use crate::decimal::{fixed, shortest};
use crate::layout::scale::{nice_axis, Linear, Projection, Scale};
use crate::layout::{lanes, text};
use crate::model::{Category, FigureNature};
use crate::phrase::{fill, t};
use crate::render::theme::{Palette, Symbol, Theme};
use crate::render::words::{self, money};
use crate::render::{
    axis_margin, legend, legend_height, mark_attrs, Align, Canvas, ChartError, Font, LegendKey, Size, FADED,
};

/// The chart's one-sentence finding, built from the data, in the words in force.
pub fn describe(data: &YearlyData) -> String {
    let (Some(first), Some(last)) = (data.bars.first(), data.bars.last()) else {
        return t("chart.yearly.desc_empty");
    };
    let total: f64 = data.bars.iter().map(|b| b.total).sum();
    let count: usize = data.bars.iter().map(|b| b.count).sum();
    let span = words::year_span(first.year, last.year);
    let mut s = fill(
        if data.filtered { "chart.yearly.desc_filtered" } else { "chart.yearly.desc" },
        &[("total", &money(total)), ("span", &span), ("incidents", &words::incidents(count))],
    );
    if let Some(peak) = data.bars.iter().filter(|b| b.total > 0.0).max_by(|a, b| a.total.total_cmp(&b.total))
    {
        s.push_str(&fill(
            "chart.yearly.desc_peak",
            &[("year", &words::year(peak.year)), ("amount", &money(peak.total))],
        ));
    }
    let latest_reported = data.reported.iter().map(|m| m.year).max();
    if let Some(year) = latest_reported {
        let bar = data.bars.iter().find(|b| b.year == year).map_or(0.0, |b| b.total);
        let figures: Vec<String> = data
            .reported
            .iter()
            .filter(|m| m.year == year)
            .map(|m| {
                let key = match m.nature {
                    FigureNature::PartOfYear => "chart.yearly.figure_part",
                    FigureNature::Derived => "chart.yearly.figure_derived",
                    FigureNature::FullYear | FigureNature::MultiPeriod => "chart.yearly.figure",
                };
                fill(
                    key,
                    &[
                        ("publisher", &m.publisher),
                        ("amount", &words::amount(m.usd, m.usd_high, m.floor)),
                        ("window", &crate::phrase::window(&m.window)),
                    ],
                )
            })
            .collect();
        s.push_str(&fill(
            "chart.yearly.desc_latest",
            &[("year", &words::year(year)), ("amount", &money(bar)), ("figures", &words::list(&figures))],
        ));
    }
    s
}

/// The `data-nature` of a reported figure's mark.
fn nature_slug(n: FigureNature) -> &'static str {
    match n {
        FigureNature::FullYear => "full-year",
        FigureNature::PartOfYear => "part-of-year",
        FigureNature::MultiPeriod => "multi-year",
        FigureNature::Derived => "derived",
    }
}

/// The official and firm-rated sum of a year, drawn as a grey bar from `x0` to `x1`.
fn draw_official_firm(
    c: &Canvas,
    bar: &crate::aggregate::YearBar,
    x0: f64,
    x1: f64,
    y: &Linear,
    bottom: f64,
) -> Result<(), ChartError> {
    let tip = fill(
        "tooltip.yearly.official_firm",
        &[
            ("year", &words::year(bar.year)),
            ("amount", &money(bar.official_firm)),
            ("total", &money(bar.total)),
        ],
    );
    let (year, usd) = (bar.year.to_string(), shortest(bar.official_firm));
    let mut attrs = mark_attrs("official-firm", &tip);
    attrs.extend([("data-year", year.as_str()), ("data-usd", usd.as_str())]);
    c.doc.open("g", &attrs);
    if bar.official_firm > 0.0 {
        c.rect(x0, y.map(bar.official_firm), x1, bottom, c.palette.muted, Some(c.palette.outline))?;
    } else {
        c.line(&[(x0, bottom), (x1, bottom)], c.palette.muted, 2)?;
    }
    c.doc.close();
    Ok(())
}

/// Tooltip text for a reported figure.
pub(crate) fn reported_tip(m: &ReportedMark, source_title: &str) -> String {
    let head = fill(
        "tooltip.yearly.reported",
        &[
            ("publisher", &m.publisher),
            ("year", &words::year(m.year)),
            ("summary", &crate::phrase::figure_summary(m)),
        ],
    );
    format!("{head}{}", words::source(source_title))
}

/// Renders the yearly chart. `source_title` looks a source id up for tooltips.
pub fn render(
    data: &YearlyData,
    size: Size,
    theme: Theme,
    source_title: &dyn Fn(&str) -> String,
) -> Result<String, ChartError> {
    let c = Canvas::new("yearly", &t("chart.yearly.title"), &describe(data), size, theme);
    draw(&c, data, size, source_title)?;
    Ok(c.finish())
}

/// The legend's entries: the categories in view, then one symbol per publisher.
fn legend_entries(data: &YearlyData, p: &Palette) -> Vec<(LegendKey, String)> {
    let used: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|cat| data.bars.iter().any(|b| b.by_category[cat.index()] > 0.0))
        .collect();
    let mut entries: Vec<(LegendKey, String)> =
        used.iter().map(|cat| (LegendKey::Swatch(p.category(*cat)), words::category(*cat))).collect();
    if data.split {
        entries.push((LegendKey::Swatch(p.muted), t("legend.official_firm")));
    }
    for publisher in &data.publishers {
        // Drawn as the marks are: the symbol on its level line.
        entries.push((
            LegendKey::Ticked(Symbol::for_publisher(publisher)),
            fill("legend.reported", &[("publisher", publisher)]),
        ));
    }
    if data.reported.iter().any(|m| m.nature.is_partial_or_derived()) {
        entries.push((LegendKey::Faded(Symbol::SEQUENCE[0]), t("legend.faded")));
    }
    entries
}

/// The axes below a legend `legend_h` tall: years (each slot's centre) across, dollars up,
/// and the dollar ticks.
fn axes(data: &YearlyData, size: Size, legend_h: f64) -> (Linear, Linear, Vec<f64>) {
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let max_value =
        data.bars.iter().map(|b| b.total).chain(data.reported.iter().map(|m| m.usd)).fold(0.0, f64::max);
    let (y_top, ticks) = nice_axis(max_value * 1.05, 5);
    let left = axis_margin(&ticks, 58.0);
    let (top, bottom, right) = (legend_h + 22.0, h - 26.0, w - 10.0);
    let (first, last) = match (data.bars.first(), data.bars.last()) {
        (Some(a), Some(b)) => (f64::from(a.year), f64::from(b.year)),
        _ => (0.0, 0.0),
    };
    let x = Linear { d0: first - 0.5, d1: last + 0.5, r0: left, r1: right };
    (x, Linear { d0: 0.0, d1: y_top, r0: bottom, r1: top }, ticks)
}

/// The drawing's projection at `size`: a year (its slot's centre) and an amount to pixels,
/// and back.
pub fn projection(data: &YearlyData, size: Size) -> Projection {
    let entries = legend_entries(data, &crate::render::theme::palette(Theme::Light));
    let (x, y, _) = axes(data, size, legend_height(&entries, f64::from(size.width) - 16.0));
    Projection { x, y: Scale::Linear(y) }
}

/// Where a year's published figures stand beside its bar, given their levels `ys` and the
/// `column` of room between the bar and the next (`pad` on either side), inside the plot's
/// `(top, bottom)`: the symbols' radius, the lanes' spacing, and each figure's lane and the
/// height it is drawn at. Symbols shrink from 7 px to 3 px while that gives them room of
/// their own in as many lanes as fit; below that, a figure no lane has room for steps just
/// clear of its neighbours.
fn marker_lanes(
    ys: &[f64],
    column: f64,
    pad: f64,
    (top, bottom): (f64, f64),
) -> (f64, f64, Vec<(usize, f64)>) {
    let lanes_for = |lane_w: f64| (((column + pad + 1.0) / lane_w).floor() as usize).max(1);
    let mut r = crate::layout::clamp(column * 0.17, 4.0, 7.0);
    loop {
        // A marker's box is its symbol and level line: 2r + 2 wide, 2r tall; lanes keep a
        // pixel between boxes (coordinates are rounded to whole pixels) and a lane's figures
        // keep two.
        let lane_w = 2.0 * r + 3.0;
        let lane_of = lanes::assign(ys, 2.0 * r + 2.0, lanes_for(lane_w));
        if lanes::clear(ys, &lane_of, 2.0 * r + 2.0) {
            return (r, lane_w, lane_of.into_iter().zip(ys.iter().copied()).collect());
        }
        if r <= 3.0 {
            let spots = lanes::place(ys, 2.0 * r + 2.0, lanes_for(lane_w), (top + r, bottom - r));
            return (r, lane_w, spots);
        }
        r -= 0.5;
    }
}

/// Draws the yearly chart on a canvas.
pub fn draw(
    c: &Canvas,
    data: &YearlyData,
    size: Size,
    source_title: &dyn Fn(&str) -> String,
) -> Result<(), ChartError> {
    let p = c.palette;
    let legend_h = legend(c, &legend_entries(data, &p), 8.0, 6.0, f64::from(size.width) - 16.0)?;
    let (x, y, ticks) = axes(data, size, legend_h);
    let (left, right, top, bottom) = (x.r0, x.r1, y.r1, y.r0);

    c.doc.open("g", &[("class", "axis y")]);
    for t in &ticks {
        c.line(&[(left, y.map(*t)), (right, y.map(*t))], p.grid, 1)?;
        c.text(&words::axis_money(*t), left - 6.0, y.map(*t), Font::new(11.0, p.muted).align(Align::End))?;
    }
    c.doc.close();

    let n = data.bars.len().max(1) as f64;
    let slot = (right - left) / n;
    let publishers = data.publishers.len();
    // A narrow slot (a phone) gives the publishers' figures two lanes beside a slimmer
    // bar, so nearly equal figures stand apart rather than merge.
    let narrow = slot < 40.0;
    let bar_w = match (publishers > 0, narrow) {
        (true, true) => slot * 0.22,
        (true, false) => slot * 0.48,
        (false, _) => slot * 0.7,
    };
    let bar_pad = match (publishers > 0, narrow) {
        (true, true) => slot * 0.05,
        (true, false) => slot * 0.06,
        (false, _) => slot * 0.15,
    };
    let label_size = 11.0;
    let year_every = {
        // The widest year label as the locale writes it ("2024", "2024년"), and a gap.
        let widest =
            data.bars.iter().map(|b| text::width(&words::year(b.year), label_size)).fold(0.0, f64::max);
        let label_w = widest.max(text::width("2024", label_size)) + 6.0;
        (label_w / slot).ceil().max(1.0) as usize
    };

    c.doc.open("g", &[("class", "axis x")]);
    for (k, bar) in data.bars.iter().enumerate() {
        if k % year_every == 0 {
            let x = left + slot * (k as f64 + 0.5);
            c.text(
                &words::year(bar.year),
                x,
                bottom + 13.0,
                Font::new(label_size, p.muted).align(Align::Middle),
            )?;
        }
    }
    c.line(&[(left, bottom), (right, bottom)], p.muted, 1)?;
    c.doc.close();

    for (k, bar) in data.bars.iter().enumerate() {
        let x0 = left + slot * k as f64 + bar_pad;
        let x1 = x0 + bar_w;
        // With the split, everything takes the left part of the bar's room and the
        // official and firm-rated sum stands beside it on the right.
        let (x1, strong_x) =
            if data.split { (x0 + bar_w * 0.55, Some(x0 + bar_w * 0.6)) } else { (x1, None) };
        let tip = fill(
            "tooltip.yearly.bar",
            &[
                ("year", &words::year(bar.year)),
                ("amount", &money(bar.total)),
                ("incidents", &words::incidents(bar.count)),
            ],
        );
        let (year, usd, count) = (bar.year.to_string(), shortest(bar.total), bar.count.to_string());
        let mut attrs = mark_attrs("bar", &tip);
        attrs.extend([
            ("data-year", year.as_str()),
            ("data-usd", usd.as_str()),
            ("data-count", count.as_str()),
        ]);
        if data.selected == Some(bar.year) {
            attrs.push(("data-selected", "true"));
        }
        c.doc.open("g", &attrs);
        // Stack from the cumulative sums so rounding never makes the stack taller than
        // the total.
        let mut acc = 0.0;
        for cat in Category::ALL {
            let v = bar.by_category[cat.index()];
            if v <= 0.0 {
                continue;
            }
            let (ya, yb) = (y.map(acc), y.map(acc + v));
            acc += v;
            c.rect(x0, yb, x1, ya, p.category(cat), Some(p.outline))?;
        }
        if bar.total <= 0.0 {
            // A focusable zero bar still needs a shape to receive the pointer.
            c.line(&[(x0, bottom), (x1, bottom)], p.muted, 2)?;
        }
        if data.selected == Some(bar.year) {
            // The selected incident's year, outlined so the selection reads in every chart.
            let top = y.map(bar.total).min(bottom - 2.0) - 3.0;
            let (l, r) = (x0 - 3.0, x1 + 3.0);
            c.line(&[(l, bottom), (l, top), (r, top), (r, bottom)], p.text, 2)?;
        }
        c.doc.close();
        if let Some(sx) = strong_x {
            draw_official_firm(c, bar, sx, x0 + bar_w, &y, bottom)?;
        }
        let label = words::axis_money(bar.total);
        let label_w = text::width(&label, label_size);
        if bar.total > 0.0 && label_w <= slot * 0.98 {
            let cx = (x0 + x1) / 2.0;
            let lx = cx.max(left + label_w / 2.0);
            c.text(
                &label,
                lx,
                y.map(bar.total) - 8.0,
                Font::new(label_size, p.text).align(Align::Middle).bold(),
            )?;
        } else if bar.total > 0.0 {
            // Too narrow to read across (a phone): the value stands upright above its bar,
            // or inside its top when the plot's top leaves no room above it.
            let small = 10.0;
            let w = text::width(&label, small);
            let above = y.map(bar.total) - 4.0;
            let start = if above - w >= top { above } else { (y.map(bar.total) + w + 4.0).min(bottom - 2.0) };
            c.text_up(&label, (x0 + x1) / 2.0, start, Font::new(small, p.text).bold());
        }

        // Reported figures: one sub-column per publisher to the right of the bar.
        let marks: Vec<(Symbol, &ReportedMark)> = data
            .reported
            .iter()
            .filter(|m| m.year == bar.year)
            .filter(|m| data.publishers.contains(&m.publisher))
            .map(|m| (Symbol::for_publisher(&m.publisher), m))
            .collect();
        // Each publisher has its own symbol, so marks share a column beside the bar and
        // step sideways into a second lane only where two figures would touch.
        // The figures' column starts after the whole bar's room (both bars when split).
        let x1 = x0 + bar_w;
        let column = slot - bar_w - 2.0 * bar_pad;
        let ys: Vec<f64> = marks.iter().map(|(_, m)| y.map(m.usd)).collect();
        // Symbols shrink (to 3 px at the least) and take as many lanes as the room beside
        // the bar holds until every figure has room of its own; where more nearly equal
        // figures meet than that (three publishers' 2025 figures on a phone), a figure steps
        // up or down just clear of its neighbours (see [`lanes::place`]).
        let (r, lane_w, spots) = marker_lanes(&ys, column, bar_pad, (top, bottom));
        for (((symbol, m), (lane, cy)), level) in marks.into_iter().zip(spots).zip(&ys) {
            let lane = lane as f64;
            // How far a crowded figure stepped off its level, in whole pixels (the tooltip
            // and the table keep its exact value).
            let stepped = fixed(cy - level, 0);
            let cx = x1 + bar_pad + r + lane * lane_w;
            let tip = reported_tip(m, &source_title(&m.source));
            let (usd, year) = (shortest(m.usd), m.year.to_string());
            let mut attrs = mark_attrs("reported", &tip);
            attrs.extend([
                ("data-publisher", m.publisher.as_str()),
                ("data-year", year.as_str()),
                ("data-usd", usd.as_str()),
                ("data-source", m.source.as_str()),
                ("data-nature", nature_slug(m.nature)),
            ]);
            if stepped != "0" && stepped != "-0" {
                attrs.push(("data-stepped", stepped.as_str()));
            }
            if m.nature.is_partial_or_derived() {
                // Part of a year, or derived: faded and dashed, as the legend's key.
                attrs.extend(FADED);
            }
            c.doc.open("g", &attrs);
            c.line(&[(cx - r - 1.0, cy), (cx + r + 1.0, cy)], p.text, 2)?;
            c.symbol(symbol, cx, cy, r, p.text)?;
            c.doc.close();
        }
    }
    if data.filtered {
        // The long wording where it fits; a phone gets the short one, never a cut sentence.
        let room = right - left;
        let note = ["chart.yearly.filtered_note", "chart.yearly.filtered_note_short"]
            .map(t)
            .into_iter()
            .find(|s| text::width(s, 11.0) <= room)
            .unwrap_or_else(|| Canvas::fit(&t("chart.yearly.filtered_note_short"), 11.0, room));
        c.text(&note, left, top - 9.0, Font::new(11.0, p.muted))?;
    }
    Ok(())
}
