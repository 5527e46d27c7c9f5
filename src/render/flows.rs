//! The laundering flow as a Sankey diagram: stages as columns, ribbons as wide as the money
//! they carry, estimated amounts faded with a dashed edge, labels with amount and share in
//! full (beside the nodes, or keyed to a list below the diagram when the chart is narrow).

use crate::aggregate::{FlowGraph, NOT_TRACED_ID};
use crate::decimal::{shortest, Fixed};
use crate::layout::flow_labels::{self, Frame, NodeText, Place, Plan, Style};
use crate::layout::sankey::LinkIn;
use crate::model::NodeKind;
use crate::phrase::{fill, t};
use crate::render::theme::{Palette, Theme};
use crate::render::words::{self, money, percent};
use crate::render::{legend, legend_height, mark_attrs, Canvas, ChartError, Font, LegendKey, Size};

/// The chart's one-sentence finding, built from the data, in the words in force.
pub fn describe(g: &FlowGraph, title: &str) -> String {
    let mut sinks: Vec<(String, f64)> = g
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::Sink)
        .map(|(i, n)| (n.label.clone(), g.links.iter().filter(|l| l.to == i).map(|l| l.usd).sum()))
        .collect();
    crate::sort::by(&mut sinks, &|a, b| b.1.total_cmp(&a.1));
    let parts: Vec<String> = sinks
        .iter()
        .filter(|(_, v)| *v > 0.0)
        .take(3)
        .map(|(label, v)| {
            fill(
                "chart.flows.desc_part",
                &[("amount", &money(*v)), ("share", &percent(g.share_of(*v))), ("node", label)],
            )
        })
        .collect();
    if parts.is_empty() {
        return fill("chart.flows.desc_empty", &[("title", title)]);
    }
    let split = g
        .split_date
        .map(|d| fill("chart.flows.desc_split", &[("date", &words::date(d))]))
        .unwrap_or_default();
    let whole = if g.sum_notes.is_empty() {
        fill("chart.flows.desc_whole", &[("amount", &money(g.theft_usd)), ("title", title)])
    } else {
        fill(
            "chart.flows.desc_traced",
            &[("sent", &money(g.sent)), ("amount", &money(g.theft_usd)), ("title", title)],
        )
    };
    let mut s = fill(
        "chart.flows.desc",
        &[
            ("whole", &whole),
            ("date", &words::date(g.as_of)),
            ("split", &split),
            ("parts", &words::list(&parts)),
        ],
    );
    if let Some(why) = crate::phrase::sum_words(g) {
        s.push_str(&format!(" {why}"));
    }
    s
}

/// "theft" or "traced total": what a share is of.
fn share_base(g: &FlowGraph) -> String {
    t(if g.sum_notes.is_empty() { "tooltip.flows.of_theft" } else { "tooltip.flows.of_traced" })
}

/// Tooltip for a ribbon.
pub(crate) fn link_tip(g: &FlowGraph, k: usize, source_title: &dyn Fn(&str) -> String) -> String {
    let l = &g.links[k];
    let mut s = fill(
        "tooltip.flows.ribbon",
        &[
            ("from", &g.nodes[l.from].label),
            ("to", &g.nodes[l.to].label),
            ("amount", &money(l.usd)),
            ("share", &percent(g.share_of(l.usd))),
            ("of", &share_base(g)),
        ],
    );
    if l.inferred {
        s.push_str(&t("tooltip.flows.inferred"));
    } else if l.estimate {
        s.push_str(&t("tooltip.flows.estimate"));
    }
    if !l.bases.is_empty() {
        s.push_str(&fill("tooltip.flows.basis", &[("basis", &crate::phrase::bases(&l.bases))]));
    }
    let titles: Vec<String> = l.sources.iter().map(|id| source_title(id)).collect();
    if !titles.is_empty() {
        s.push_str(&words::source(&titles.join("; ")));
    }
    s
}

/// The legend above the diagram.
fn legend_entries(p: &Palette, note: Option<&str>) -> Vec<(LegendKey, String)> {
    let mut entries = vec![
        (LegendKey::Swatch(p.categories[0]), t("legend.traced")),
        (LegendKey::Estimate(p.categories[0]), t("legend.estimate")),
    ];
    // How the labels in the reader's language were made, in the drawing itself, so an
    // exported image says it too.
    if let Some(note) = note {
        entries.push((LegendKey::Note, note.to_string()));
    }
    entries
}

/// Where everything of the flow diagram goes at `size`: the Sankey and every label, each
/// name and amount in full (beside its node, or keyed to a list below the diagram when
/// they cannot all fit beside). Its `height` is what the drawing needs, which is
/// `size.height` unless a list too long for it makes the drawing taller.
pub fn plan(g: &FlowGraph, size: Size) -> Plan {
    plan_noted(g, size, None)
}

/// [`plan`] for a drawing whose legend also says how its labels in the reader's language
/// were made (`note`, see [`render_noted`]).
pub fn plan_noted(g: &FlowGraph, size: Size, note: Option<&str>) -> Plan {
    let w = f64::from(size.width);
    // The legend's height does not depend on the theme's colours.
    let legend_h =
        legend_height(&legend_entries(&crate::render::theme::palette(Theme::Light), note), w - 16.0);
    let texts: Vec<NodeText> = (0..g.nodes.len())
        .map(|i| NodeText {
            stage: g.nodes[i].stage,
            name: g.nodes[i].label.clone(),
            amount: amount_text(g, i),
        })
        .collect();
    let links: Vec<LinkIn> =
        g.links.iter().map(|l| LinkIn { from: l.from, to: l.to, value: l.usd }).collect();
    let frame = Frame {
        width: w,
        height: f64::from(size.height),
        top: 6.0 + legend_h + 12.0,
        font: if w < 560.0 { 10.0 } else { 11.0 },
    };
    flow_labels::plan(&texts, &links, frame)
}

/// A node's value: the larger of what it receives and what it sends.
fn node_value(g: &FlowGraph, i: usize) -> f64 {
    let inflow: f64 = g.links.iter().filter(|l| l.to == i).map(|l| l.usd).sum();
    let outflow: f64 = g.links.iter().filter(|l| l.from == i).map(|l| l.usd).sum();
    inflow.max(outflow)
}

/// A node's amount and its share of the theft, as its label reads.
pub fn amount_text(g: &FlowGraph, i: usize) -> String {
    let value = node_value(g, i);
    format!("{} · {}", words::axis_money(value), percent(g.share_of(value)))
}

/// The size the diagram is drawn at for `size`: taller when its keyed list needs the room.
pub fn drawn_size(g: &FlowGraph, size: Size) -> Size {
    drawn_size_noted(g, size, None)
}

/// [`drawn_size`] for a drawing with a `note` in its legend ([`render_noted`]).
pub fn drawn_size_noted(g: &FlowGraph, size: Size, note: Option<&str>) -> Size {
    Size { width: size.width, height: size.height.max(plan_noted(g, size, note).height.ceil() as u32) }
}

/// Renders the flow diagram. `id` prefixes element ids (several flow charts can share a
/// page); `title` names the incident(s). The drawing is `size` unless its labels need more
/// height (see [`plan`]).
pub fn render(
    g: &FlowGraph,
    size: Size,
    theme: Theme,
    id: &str,
    title: &str,
    source_title: &dyn Fn(&str) -> String,
) -> Result<String, ChartError> {
    render_noted(g, size, theme, id, title, None, source_title)
}

/// [`render`], with a sentence in the legend and the drawing's description saying how the
/// node labels in the reader's language were made ("Stage labels are shown in translation
/// (machine translation, not reviewed).").
pub fn render_noted(
    g: &FlowGraph,
    size: Size,
    theme: Theme,
    id: &str,
    title: &str,
    note: Option<&str>,
    source_title: &dyn Fn(&str) -> String,
) -> Result<String, ChartError> {
    let plan = plan_noted(g, size, note);
    let size = Size { width: size.width, height: size.height.max(plan.height.ceil() as u32) };
    let mut desc = describe(g, title);
    if let Some(note) = note {
        desc = format!("{desc} {note}");
    }
    let c = Canvas::new(id, &fill("chart.flows.title", &[("title", title)]), &desc, size, theme);
    draw(&c, g, &plan, size.width, note, source_title)?;
    Ok(c.finish())
}

/// Draws a planned flow diagram on a canvas (`note`: as planned, see [`plan_noted`]).
pub fn draw(
    c: &Canvas,
    g: &FlowGraph,
    plan: &Plan,
    width: u32,
    note: Option<&str>,
    source_title: &dyn Fn(&str) -> String,
) -> Result<(), ChartError> {
    let p = c.palette;
    let w = f64::from(width);
    legend(c, &legend_entries(&p, note), 8.0, 6.0, w - 16.0)?;
    let out = &plan.sankey;
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
        let usd = shortest(link.usd);
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
        let tip = fill(
            "tooltip.flows.node",
            &[("node", &node.label), ("amount", &money(value)), ("share", &percent(g.share_of(value)))],
        );
        let (vin, vout) = (shortest(inflow), shortest(outflow));
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

    draw_labels(c, g, plan)
}

/// Every label block: a group naming its node and its box, holding its lines.
fn draw_labels(c: &Canvas, g: &FlowGraph, plan: &Plan) -> Result<(), ChartError> {
    let p = c.palette;
    c.doc.open(
        "g",
        &[
            ("class", "labels"),
            ("data-labels", if plan.keyed { "keyed" } else { "beside" }),
            ("stroke", &Palette::hex(p.background)),
            ("stroke-width", "3"),
            ("paint-order", "stroke"),
            ("stroke-linejoin", "round"),
        ],
    );
    for b in &plan.blocks {
        let r = b.rect;
        let box_attr = format!("{} {} {} {}", Fixed(r.x0, 1), Fixed(r.y0, 1), Fixed(r.x1, 1), Fixed(r.y1, 1));
        let place = match b.place {
            Place::Beside => "beside",
            Place::Key => "key",
            Place::Entry => "entry",
        };
        let attrs = [
            ("class", "label"),
            ("data-for", g.nodes[b.node].id.as_str()),
            ("data-place", place),
            ("data-box", box_attr.as_str()),
        ];
        c.doc.open("g", &attrs);
        if let Some([x0, y0, x1, y1]) = b.leader {
            c.line(&[(x0, y0), (x1, y1)], p.muted, 1)?;
        }
        for l in &b.lines {
            let font = match l.style {
                Style::Key => Font::new(l.size, p.text).bold(),
                Style::Name => Font::new(l.size, p.text),
                Style::Amount => Font::new(l.size, p.muted),
            };
            c.text(&l.text, l.x, l.y, font)?;
        }
        c.doc.close();
    }
    c.doc.close();
    Ok(())
}
