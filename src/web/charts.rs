//! A chart on the page: `<figure data-chart>` holding the SVG the pipeline draws at the
//! box's measured size, its caption and table (markup from [`crate::html`]), tooltips on
//! hover and focus, keyboard navigation between marks, downloads, and (for the timeline) a
//! date-range brush.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::exports::{self, Preset};
use crate::html as markup;
use crate::model::Date;
use crate::pipeline::{self, ChartKind};
use crate::render::Size;
use crate::tables;
use crate::view::FiguresFor;
use crate::web::dom;
use crate::web::state::page;

fn marks_in(host: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = host.query_selector_all(".mark") else { return Vec::new() };
    let mut marks: Vec<web_sys::Element> =
        (0..list.length()).filter_map(|k| list.item(k)).filter_map(|n| n.dyn_into().ok()).collect();
    // Markers are drawn largest first; readers step through them in time order.
    marks.sort_by_key(|m| m.get_attribute("data-date").unwrap_or_default());
    marks
}

fn focus(el: &web_sys::Element) {
    if let Ok(svg) = el.clone().dyn_into::<web_sys::SvgElement>() {
        let _ = svg.focus();
    } else if let Ok(html) = el.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// A chart box and the size its chart is drawn at.
type ChartBox = (NodeRef<html::Div>, RwSignal<Option<Size>>);

/// Measures every chart box in one pass, after the frame's DOM writes and before its paint,
/// so the page lays out once however many charts there are (reading one box, then drawing
/// it, then reading the next would lay the whole page out again for each). Re-measures on
/// resize, and when a box that had no size yet gets one (a box in a collapsed layout, or in
/// a frame that starts 0 px wide, may get it with no window resize). Provided by the
/// dashboard; a figure mounted alone makes its own.
#[derive(Clone, Copy)]
pub struct Measurer {
    boxes: StoredValue<Vec<ChartBox>>,
    pending: StoredValue<bool>,
    observer: StoredValue<Option<web_sys::ResizeObserver>, LocalStorage>,
    /// Counts the measurements that gave a chart a new size: the page's state follows it,
    /// so a chart that gets its box late is drawn and the page recovers.
    pub resized: RwSignal<u32>,
}

impl Measurer {
    /// Makes a measurer that re-measures on window resize and when a box changes size.
    pub fn new() -> Measurer {
        let m = Measurer {
            boxes: StoredValue::new(Vec::new()),
            pending: StoredValue::new(false),
            observer: StoredValue::new_local(None),
            resized: RwSignal::new(0),
        };
        let resize = window_event_listener(leptos::ev::resize, move |_| m.schedule());
        on_cleanup(move || resize.remove());
        // Only a box still waiting for its first size is the observer's business: a drawn
        // chart is redrawn on a window resize, never because something inside its box (a
        // tooltip, a scrollbar it brought) nudged the box, which would redraw it under the
        // reader's focus.
        let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if m.boxes.is_disposed() {
                return;
            }
            let waiting = m.boxes.with_value(|boxes| {
                boxes.iter().any(|(_, size)| !size.is_disposed() && size.get_untracked().is_none())
            });
            if waiting {
                m.schedule();
            }
        });
        m.observer.set_value(web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok());
        // Lives as long as the page's measurer; the observer is disconnected with it.
        callback.forget();
        on_cleanup(move || {
            m.observer.with_value(|o| {
                if let Some(o) = o {
                    o.disconnect();
                }
            })
        });
        m
    }

    /// The dashboard's measurer, or a new one.
    fn get() -> Measurer {
        use_context::<Measurer>().unwrap_or_default()
    }

    fn register(&self, node: NodeRef<html::Div>, size: RwSignal<Option<Size>>) {
        self.boxes.update_value(|b| b.push((node, size)));
        let m = *self;
        Effect::new(move |_| {
            if let Some(el) = node.get() {
                m.observer.with_value(|o| {
                    if let Some(o) = o {
                        o.observe(&el);
                    }
                });
            }
            m.schedule();
        });
    }

    fn schedule(&self) {
        // An observer or a frame can still call after the figure that made it went away.
        if self.pending.is_disposed() || self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        let m = *self;
        request_animation_frame(move || m.measure_all());
    }

    fn measure_all(&self) {
        if self.boxes.is_disposed() || self.pending.is_disposed() {
            return;
        }
        self.pending.set_value(false);
        // A figure that went away (a slide changed) leaves its box behind: forget it.
        self.boxes.update_value(|b| b.retain(|(node, size)| !node.is_disposed() && !size.is_disposed()));
        // Every read first (one layout), then every write.
        let read: Vec<(RwSignal<Option<Size>>, Size)> = self.boxes.with_value(|boxes| {
            boxes
                .iter()
                .filter_map(|(node, size)| {
                    let el = node.get_untracked()?;
                    let (w, h) = (el.client_width(), el.client_height());
                    (w > 0 && h > 0).then_some((*size, Size { width: w as u32, height: h as u32 }))
                })
                .collect()
        });
        let mut changed = false;
        for (size, s) in read {
            if size.get_untracked() != Some(s) {
                size.set(Some(s));
                changed = true;
            }
        }
        if changed {
            self.resized.update(|n| *n += 1);
        }
    }
}

impl Default for Measurer {
    fn default() -> Self {
        Measurer::new()
    }
}

/// A tooltip: its text and the point it names, within the chart box.
#[derive(Clone, Debug, PartialEq)]
struct Tip {
    text: String,
    x: f64,
    y: f64,
    side: TipSide,
}

/// Which way a tooltip runs from its point, so it stays inside the chart box: from the
/// left third it runs right, from the right third left, else it is centred on the point.
/// The stylesheet caps its width at two thirds of the box, so it always fits.
#[derive(Clone, Copy, Debug, PartialEq)]
enum TipSide {
    Start,
    Centre,
    End,
}

impl TipSide {
    fn of(x: f64, width: f64) -> TipSide {
        if x < width / 3.0 {
            TipSide::Start
        } else if x > width * 2.0 / 3.0 {
            TipSide::End
        } else {
            TipSide::Centre
        }
    }

    fn class(self) -> &'static str {
        match self {
            TipSide::Start => "tip-start",
            TipSide::Centre => "tip-centre",
            TipSide::End => "tip-end",
        }
    }
}

/// How much larger than drawn the charts under it are shown (briefing mode); 1 elsewhere.
#[derive(Clone, Copy, Debug)]
pub struct ChartZoom(pub f64);

/// One chart figure. It redraws when the selection or its box size changes, and only then.
#[component]
pub fn ChartFigure(
    /// Which chart.
    kind: ChartKind,
) -> impl IntoView {
    let state = page();
    let name = kind.name();
    let box_ref = NodeRef::<html::Div>::new();
    let size: RwSignal<Option<Size>> = RwSignal::new(None);
    Measurer::get().register(box_ref, size);

    let zoom = use_context::<ChartZoom>().map_or(1.0, |z| z.0.max(1.0));
    // Redrawn only when what this chart is drawn from changes (a Memo notifies only when
    // its value changes): sorting the table or opening an incident leaves the others be.
    let key = Memo::new(move |_| state.selection.with(|s| s.as_ref().map(|s| s.chart_key(kind))));
    let output = Memo::new(move |_| {
        let s = size.get()?;
        // Read, not only tracked: a memo no one has read has no sources to hear from.
        key.with(|_| ());
        let s = Size {
            width: (f64::from(s.width) / zoom).round() as u32,
            height: (f64::from(s.height) / zoom).round() as u32,
        };
        state.selection.with_untracked(|sel| {
            sel.as_ref().map(|sel| pipeline::chart_rows(sel, kind, s, tables::FOLDED_ROWS))
        })
    });
    let show_table = RwSignal::new(false);
    // The whole table, made only while the reader has it open.
    let whole_table = Memo::new(move |_| {
        if !show_table.get() {
            return None;
        }
        // Read, not only tracked: a memo no one has read has no sources to hear from.
        key.with(|_| ());
        // A table the chart already holds whole (all but a long timeline's) is shown as is.
        if output.with(|o| o.as_ref().is_none_or(|o| o.table.is_whole())) {
            return None;
        }
        state
            .selection
            .with_untracked(|sel| sel.as_ref().map(|sel| markup::table(&pipeline::table(sel, kind))))
    });
    let tip: RwSignal<Option<Tip>> = RwSignal::new(None);
    let brush: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let drag_start: RwSignal<Option<f64>> = RwSignal::new(None);
    let export_error: RwSignal<Option<String>> = RwSignal::new(None);

    let head_ref = NodeRef::<html::Div>::new();
    dom::bind_html(head_ref, move || {
        let open = show_table.get();
        state.selection.with(|s| s.as_ref().map(|s| markup::figure_head(kind, s, open)).unwrap_or_default())
    });
    let select = move |id: Option<String>| state.update(|v| v.incident = id, false);

    let show_tip = move |el: &web_sys::Element| {
        let (Some(host), Some(text)) = (box_ref.get_untracked(), el.get_attribute("aria-label")) else {
            return;
        };
        let b = host.get_bounding_client_rect();
        let r = el.get_bounding_client_rect();
        let x = (r.left() + r.width() / 2.0 - b.left()).clamp(0.0, b.width());
        tip.set(Some(Tip { text, x, y: r.top() - b.top(), side: TipSide::of(x, b.width()) }));
    };

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(host) = box_ref.get_untracked() else { return };
        let host: web_sys::Element = host.into();
        let marks = marks_in(&host);
        if marks.is_empty() {
            return;
        }
        let active = dom::document().and_then(|d| d.active_element());
        let current = active.as_ref().and_then(|a| marks.iter().position(|m| m == a));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |k| (k + 1).min(marks.len() - 1))),
            "ArrowLeft" | "ArrowUp" => Some(current.map_or(0, |k| k.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(marks.len() - 1),
            "Enter" | " " => {
                if let Some(id) = current.and_then(|k| marks[k].get_attribute("data-incident")) {
                    ev.prevent_default();
                    select(Some(id));
                }
                None
            }
            "Escape" => {
                tip.set(None);
                if let Ok(h) = host.clone().dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
                None
            }
            _ => None,
        };
        if let Some(k) = next {
            ev.prevent_default();
            focus(&marks[k]);
            show_tip(&marks[k]);
        }
    };

    // Pixel x within the chart's own coordinates (the SVG is scaled to its box).
    let chart_x = move |client_x: f64| -> Option<f64> {
        let host = box_ref.get_untracked()?;
        let svg = host.query_selector("svg").ok().flatten()?;
        let r = svg.get_bounding_client_rect();
        let width = f64::from(size.get_untracked()?.width) / zoom;
        Some((client_x - r.left()) * width / r.width().max(1.0))
    };
    let brush_dates = move |a: f64, b: f64| -> Option<(Date, Date)> {
        let host = box_ref.get_untracked()?;
        let frame = host.query_selector(".plot-frame").ok().flatten()?;
        let num = |k: &str| frame.get_attribute(k).and_then(|v| v.parse::<f64>().ok());
        let (x0, x1, d0, d1) = (num("data-x0")?, num("data-x1")?, num("data-day0")?, num("data-day1")?);
        let day = |x: f64| (d0 + (x.clamp(x0, x1) - x0) / (x1 - x0).max(1.0) * (d1 - d0)).round() as i64;
        let (lo, hi) = (day(a.min(b)), day(a.max(b)));
        Some((Date::from_days_since_epoch(lo), Date::from_days_since_epoch(hi)))
    };
    // A still embed is a picture: no keyboard stop, no brush (the stylesheet stops the pointer).
    let still = Memo::new(move |_| {
        state.selection.with(|s| s.as_ref().is_some_and(|s| s.view.embed.as_ref().is_some_and(|e| e.still)))
    });
    let brushable = kind == ChartKind::Timeline;

    let embed_open = RwSignal::new(false);
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    // Images are drawn at a preset size in the light theme, never at the screen's.
    let download = move |action: &str, preset: Preset| {
        export_error.set(None);
        let page_url = dom::location_href().split('?').next().unwrap_or_default().to_string();
        let result = state.selection.with_untracked(|sel| {
            let sel = sel.as_ref()?;
            Some(match action {
                "csv" => {
                    // The whole table: the chart's own when it holds every row, else made
                    // anew (its numbers do not depend on the size).
                    let csv = output
                        .with_untracked(|o| {
                            o.as_ref().filter(|o| o.table.is_whole()).map(|o| exports::table_csv(&o.table))
                        })
                        .unwrap_or_else(|| exports::table_csv(&pipeline::table(sel, kind)));
                    Ok((exports::file_name(sel, name, Some(kind), None, "csv"), csv, None))
                }
                _ => exports::image(sel, kind, preset, &page_url).map(|(svg, size)| {
                    let ext = if action == "png" { "png" } else { "svg" };
                    (exports::file_name(sel, name, Some(kind), Some(preset), ext), svg, Some(size))
                }),
            })
        });
        match result {
            None => {}
            Some(Err(e)) => export_error.set(Some(format!("The chart could not be exported: {e}."))),
            Some(Ok((file, svg, Some(size)))) if action == "png" => {
                dom::download_png(&file, &svg, size.width, size.height, 2.0, move |e| {
                    export_error
                        .set(Some(format!("The PNG could not be made: {e}. The SVG download still works.")))
                });
            }
            Some(Ok((file, content, _))) => {
                let mime = if action == "csv" { "text/csv;charset=utf-8" } else { "image/svg+xml" };
                if let Err(e) = dom::download(&file, mime, &content) {
                    export_error.set(Some(format!("The file could not be saved: {e}.")));
                }
            }
        }
    };
    let embed_code = Memo::new(move |_| {
        if !embed_open.get() {
            return String::new();
        }
        let site = dom::site_root();
        state.selection.with(|s| s.as_ref().map(|s| exports::embed_code(s, kind, &site)).unwrap_or_default())
    });
    let on_head_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = dom::closest(ev.target(), "[data-action]") else { return };
        let preset =
            button.get_attribute("data-preset").and_then(|p| Preset::from_slug(&p)).unwrap_or(Preset::Report);
        match button.get_attribute("data-action").as_deref() {
            Some("table") => show_table.update(|s| *s = !*s),
            Some(action @ ("svg" | "png" | "csv")) => download(action, preset),
            Some("embed") => {
                copied.set(None);
                embed_open.update(|o| *o = !*o);
            }
            _ => {}
        }
    };
    let on_head_change = move |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        let value = dom::control_value(&el);
        match el.get_attribute("name").as_deref() {
            Some("flow") => state.update(|v| v.flow = (!value.is_empty()).then_some(value), false),
            Some("figures") => {
                let choice = if value == "all" {
                    Some(FiguresFor::All)
                } else {
                    value.parse().ok().map(FiguresFor::Year)
                };
                state.update(|v| v.figures = choice, false);
            }
            _ => {}
        }
    };

    view! {
        <figure data-chart=name class="chart" aria-labelledby=format!("{name}-heading")>
            <div class="chart-head" node_ref=head_ref on:click=on_head_click on:change=on_head_change></div>
            <Show when=move || embed_open.get()>
                <EmbedPanel id=format!("{name}-embed") code=embed_code copied=copied />
            </Show>
            <div
                class="chart-box"
                class:brushable=brushable
                node_ref=box_ref
                tabindex=move || if still.get() { "-1" } else { "0" }
                aria-label=format!("{}. Use the arrow keys to move between marks; Enter selects an incident.", kind.heading())
                on:keydown=on_keydown
                on:mouseover=move |ev| if let Some(el) = dom::closest(ev.target(), ".mark") { show_tip(&el) }
                on:mouseout=move |_| tip.set(None)
                on:focusin=move |ev| if let Some(el) = dom::closest(ev.target(), ".mark") { show_tip(&el) }
                on:focusout=move |_| tip.set(None)
                on:click=move |ev| if let Some(id) = dom::closest(ev.target(), "[data-incident]").and_then(|e| e.get_attribute("data-incident")) { select(Some(id)) }
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if brushable && ev.button() == 0 && dom::closest(ev.target(), ".mark").is_none() {
                        drag_start.set(chart_x(f64::from(ev.client_x())));
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    if let (Some(a), Some(b)) = (drag_start.get_untracked(), chart_x(f64::from(ev.client_x()))) {
                        brush.set(Some((a.min(b), a.max(b))));
                    }
                }
                on:pointerup=move |ev: web_sys::PointerEvent| {
                    let start = drag_start.get_untracked();
                    drag_start.set(None);
                    brush.set(None);
                    if let (Some(a), Some(b)) = (start, chart_x(f64::from(ev.client_x()))) {
                        if (a - b).abs() > 6.0 {
                            if let Some(range) = brush_dates(a, b) {
                                state.update(|v| v.filter.dates = Some(range), false);
                            }
                        }
                    }
                }
            >
                {move || output.with(|o| match o.as_ref().map(|o| &o.svg) {
                    Some(Ok(svg)) => view! { <div class="svg-host" inner_html=svg.clone()></div> }.into_any(),
                    Some(Err(e)) => view! { <p class="chart-error" role="alert">{e.clone()}</p> }.into_any(),
                    None => view! { <p class="chart-placeholder">"Loading…"</p> }.into_any(),
                })}
                {move || brush.get().map(|(a, b)| {
                    let scale = size.get_untracked().map_or(1.0, |s| {
                        box_ref.get_untracked().map_or(1.0, |h| f64::from(h.client_width()) * zoom / f64::from(s.width).max(1.0))
                    });
                    view! { <div class="brush" style:left=format!("{}px", a * scale) style:width=format!("{}px", (b - a) * scale)></div> }
                })}
                // Out of the flow whatever the stylesheet: a tooltip that resized the box
                // would redraw the chart under the reader's focus.
                {move || tip.get().map(|t| view! {
                    <div class=format!("tooltip {}", t.side.class()) role="status" style:position="absolute" style:left=format!("{}px", t.x) style:top=format!("{}px", t.y)>{t.text}</div>
                })}
            </div>
            {move || export_error.get().map(|e| view! { <p class="chart-error" role="alert">{e}</p> })}
            <figcaption inner_html=move || output.with(|o| o.as_ref().map(markup::caption).unwrap_or_default())></figcaption>
            <div
                id=format!("{name}-table")
                class="table-wrap"
                class:visually-hidden=move || !show_table.get()
                inner_html=move || whole_table.get().unwrap_or_else(|| output.with(|o| o.as_ref().map(|o| markup::table(&o.table)).unwrap_or_default()))
            ></div>
        </figure>
    }
}

/// The iframe code for the chart's current view, pinned to its data release, with a Copy
/// button; when the clipboard is refused the code is selected for Ctrl+C.
#[component]
fn EmbedPanel(
    /// Element id.
    id: String,
    /// The iframe code.
    code: Memo<String>,
    /// Whether the last copy worked.
    copied: RwSignal<Option<bool>>,
) -> impl IntoView {
    let area = NodeRef::<html::Textarea>::new();
    let copy = move |_| {
        let text = code.get_untracked();
        dom::copy_text(&text, move |ok| {
            copied.set(Some(ok));
            if !ok {
                if let Some(a) = area.get_untracked() {
                    a.select();
                }
            }
        });
    };
    view! {
        <div class="embed-panel" id=id>
            <label>
                "Embed this chart (this view, pinned to its data release):"
                <textarea readonly rows="3" data-embed-code node_ref=area prop:value=move || code.get()></textarea>
            </label>
            <button type="button" data-export="embed-copy" on:click=copy>"Copy code"</button>
            <span role="status">{move || match copied.get() {
                Some(true) => "Copied.",
                Some(false) => "Copying was refused: the code is selected, press Ctrl+C.",
                None => "",
            }}</span>
            <p class="hint">
                "The frame posts its height to the page it sits in (as its own message, AMP "
                <code>"embed-size"</code>" and Pym.js), so hosts that listen resize it exactly. Add "
                <code>"&plain"</code>", "<code>"&static"</code>", "<code>"&transparent"</code>" or "
                <code>"&theme=dark"</code>" to the address to change it."
            </p>
        </div>
    }
}
