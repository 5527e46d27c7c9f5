//! The laundering flow as a Sankey diagram: stages as columns, ribbons as wide as the money
//! they carry, estimated amounts faded with a dashed edge, labels with amount and share.

use crate::aggregate::{FlowGraph, NOT_TRACED_ID};
use crate::format::{money, percent};
use crate::layout::labels::spread;
use crate::layout::sankey::{self, LinkIn, NodeIn, Options};
use crate::layout::{text, Rect};
use crate::model::NodeKind;
use crate::render::theme::{Palette, Theme};
use crate::render::{legend, mark_attrs, Canvas, ChartError, Font, LegendKey, Rendered, Size};

/// The chart's one-sentence finding, built from the data.
pub fn describe(g: &FlowGraph, title: &str) -> String {
    let mut sinks: Vec<(String, f64)> = g
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::Sink)
        .map(|(i, n)| (n.label.clone(), g.links.iter().filter(|l| l.to == i).map(|l| l.usd).sum()))
        .collect();
    sinks.sort_by(|a, b| b.1.total_cmp(&a.1));
    let parts: Vec<String> = sinks
        .iter()
        .filter(|(_, v)| *v > 0.0)
        .take(3)
        .map(|(label, v)| format!("{} ({}) to {label}", money(*v), percent(v / g.theft_usd.max(1.0))))
        .collect();
    if parts.is_empty() {
        return format!("No traced flows for {title}.");
    }
    format!(
        "Of {} stolen ({title}), tracing as of {} follows {}.",
        money(g.theft_usd),
        g.as_of.human(),
        parts.join(", ")
    )
}

/// Tooltip for a ribbon.
pub fn link_tip(g: &FlowGraph, k: usize, source_title: &dyn Fn(&str) -> String) -> String {
    let l = &g.links[k];
    let mut s = format!(
        "{} → {}: {} ({} of the theft)",
        g.nodes[l.from].label,
        g.nodes[l.to].label,
        money(l.usd),
        percent(l.usd / g.theft_usd.max(1.0))
    );
    if l.inferred {
        s.push_str("; inferred: received by the previous stage but not traced further");
    } else if l.estimate {
        s.push_str("; estimate");
    }
    let titles: Vec<String> = l.sources.iter().map(|id| source_title(id)).collect();
    if !titles.is_empty() {
        s.push_str(&format!(". Source: {}", titles.join("; ")));
    }
    s
}

/// Renders the flow diagram. `id` prefixes element ids (several flow charts can share a
/// page); `title` names the incident(s).
pub fn render(
    g: &FlowGraph,
    size: Size,
    theme: Theme,
    id: &str,
    title: &str,
    source_title: &dyn Fn(&str) -> String,
) -> Result<Rendered, ChartError> {
    let c = Canvas::new(id, &format!("Laundering flow: {title}"), &describe(g, title), size, theme);
    draw(&c, g, size, source_title)?;
    Ok(c.rendered(g.links.iter().flat_map(|l| l.sources.iter().map(String::as_str))))
}

/// Draws the flow diagram on a canvas.
pub fn draw(
    c: &Canvas,
    g: &FlowGraph,
    size: Size,
    source_title: &dyn Fn(&str) -> String,
) -> Result<(), ChartError> {
    let p = c.palette;
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let estimate_colour = p.categories[0];
    let entries = vec![
        (LegendKey::Swatch(p.categories[0]), "Traced amount".to_string()),
        (LegendKey::Estimate(estimate_colour), "Estimate or inferred".to_string()),
    ];
    let legend_h = legend(c, &entries, 8.0, 6.0, w - 16.0)?;

    let label_size = if w < 560.0 { 10.0 } else { 11.0 };
    let columns = {
        let mut stages: Vec<u8> = g.nodes.iter().map(|n| n.stage).collect();
        stages.sort_unstable();
        stages.dedup();
        stages.len().max(1)
    };
    // Every label sits to the right of its node; the last column's labels get a margin of
    // their own, so no label reaches into a neighbouring column's labels.
    let last_stage = g.nodes.iter().map(|n| n.stage).max().unwrap_or(0);
    let amount_text = |value: f64| format!("{} · {}", money(value), percent(value / g.theft_usd.max(1.0)));
    let value_of = |i: usize| {
        let inflow: f64 = g.links.iter().filter(|l| l.to == i).map(|l| l.usd).sum();
        let outflow: f64 = g.links.iter().filter(|l| l.from == i).map(|l| l.usd).sum();
        inflow.max(outflow)
    };
    let right_margin = g
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.stage == last_stage)
        .map(|(i, n)| {
            text::width(&n.label, label_size).max(text::width(&amount_text(value_of(i)), label_size))
        })
        .fold(0.0, f64::max)
        .min(w * 0.28)
        + 8.0;
    let area = Rect::new(8.0, legend_h + 18.0, w - 8.0 - right_margin, h - 8.0);
    let nodes: Vec<NodeIn> = g.nodes.iter().map(|n| NodeIn { stage: n.stage }).collect();
    let links: Vec<LinkIn> =
        g.links.iter().map(|l| LinkIn { from: l.from, to: l.to, value: l.usd }).collect();
    let out = sankey::layout(&nodes, &links, area, Options::default());
    let gap = if columns > 1 { (area.width() - 14.0) / (columns - 1) as f64 - 14.0 } else { area.width() };

    let colour_of = |i: usize| {
        let n = &g.nodes[i];
        match n.kind {
            NodeKind::Source => p.categories[5],
            NodeKind::Sink if n.id == NOT_TRACED_ID => p.categories[6],
            NodeKind::Sink => p.categories[2],
            NodeKind::Intermediate => p.categories[(usize::from(n.stage) % 2) * 4],
        }
    };

    c.doc.open("g", &[("class", "ribbons")]);
    for (k, l) in out.links.iter().enumerate() {
        if l.width <= 0.0 {
            continue;
        }
        let link = &g.links[k];
        let tip = link_tip(g, k, source_title);
        let usd = link.usd.to_string();
        let mut attrs = mark_attrs("ribbon", &tip);
        attrs.extend([
            ("data-from", g.nodes[link.from].id.as_str()),
            ("data-to", g.nodes[link.to].id.as_str()),
            ("data-usd", usd.as_str()),
        ]);
        // An estimate's dashed edge is the group's stroke, which its polygon inherits: one
        // shape per ribbon, not a filled one and an outline.
        let edge_colour = Palette::hex(p.muted);
        if link.estimate {
            attrs.extend([
                ("data-estimate", "true"),
                ("stroke-dasharray", "4 3"),
                ("stroke", edge_colour.as_str()),
                ("stroke-width", "1"),
            ]);
        }
        c.doc.open("g", &attrs);
        let outline = l.outline(24);
        // Estimates keep their stage colour but lighter, with a dashed edge (see the legend).
        let (colour, opacity) = (colour_of(link.from), if link.estimate { 0.2 } else { 0.55 });
        c.polygon(&outline, colour, opacity)?;
        c.doc.close();
    }
    c.doc.close();

    c.doc.open("g", &[("class", "nodes")]);
    for (i, n) in out.nodes.iter().enumerate() {
        let node = &g.nodes[i];
        let inflow: f64 = g.links.iter().filter(|l| l.to == i).map(|l| l.usd).sum();
        let outflow: f64 = g.links.iter().filter(|l| l.from == i).map(|l| l.usd).sum();
        let value = inflow.max(outflow);
        let tip = format!(
            "{}: {} ({} of the theft)",
            node.label,
            money(value),
            percent(value / g.theft_usd.max(1.0))
        );
        let (vin, vout) = (inflow.to_string(), outflow.to_string());
        let mut attrs = mark_attrs("node", &tip);
        attrs.extend([
            ("data-node", node.id.as_str()),
            ("data-in", vin.as_str()),
            ("data-out", vout.as_str()),
        ]);
        c.doc.open("g", &attrs);
        c.rect(
            n.rect.x0,
            n.rect.y0,
            n.rect.x1,
            n.rect.y1.max(n.rect.y0 + 1.0),
            colour_of(i),
            Some(p.outline),
        )?;
        c.doc.close();
    }
    c.doc.close();

    // Labels: two lines (name; amount and share), spread per column so none overlap.
    let line = text::line_height(label_size);
    c.doc.open(
        "g",
        &[
            ("class", "labels"),
            ("stroke", &crate::render::theme::Palette::hex(p.background)),
            ("stroke-width", "3"),
            ("paint-order", "stroke"),
            ("stroke-linejoin", "round"),
        ],
    );
    for col in &out.columns {
        let wanted: Vec<f64> =
            col.iter().map(|&i| (out.nodes[i].rect.y0 + out.nodes[i].rect.y1) / 2.0).collect();
        let heights = vec![2.0 * line; col.len()];
        let centres = spread(&wanted, &heights, 2.0, area.y0, area.y1);
        for (k, &i) in col.iter().enumerate() {
            let r = out.nodes[i].rect;
            let last = out.nodes[i].column + 1 == columns;
            let room = if last { right_margin - 8.0 } else { gap - 6.0 };
            let x = r.x1 + 4.0;
            let node = &g.nodes[i];
            let value = out.nodes[i].value;
            let name = Canvas::fit(&node.label, label_size, room);
            let amount = Canvas::fit(&amount_text(value), label_size, room);
            let cy = centres[k];
            let box_attr = format!(
                "{:.1} {:.1} {:.1} {:.1}",
                x,
                cy - line,
                x + text::width(&name, label_size).max(text::width(&amount, label_size)),
                cy + line
            );
            c.doc.open("g", &[("class", "label"), ("data-for", node.id.as_str()), ("data-box", &box_attr)]);
            c.text(&name, x, cy - line / 2.0, Font::new(label_size, p.text).bold())?;
            c.text(&amount, x, cy + line / 2.0, Font::new(label_size, p.muted))?;
            c.doc.close();
        }
    }
    c.doc.close();
    Ok(())
}
