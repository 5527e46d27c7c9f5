//! A chart figure on the page: the `<figure data-chart>` the first view wrote (or the
//! markup functions wrote for an embed or a slide), kept in step with the view. Its head,
//! caption, table and drawing are each replaced only when what they show changes, by chart
//! key; its events are listened to on the figure itself. The parts: `drawing` (the chart
//! box and what it holds), `actions` (buttons and pickers), `pointer` (tooltips and the
//! timeline's brush), `keys` (moving between marks).

mod actions;
mod drawing;
mod keys;
mod pointer;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::html;
use crate::pipeline::{ChartData, DataKey, Part as Block, PartKey, Selection};
use crate::render::Size;
use crate::tables::FOLDED_ROWS;
use crate::view::ChartKind;
use crate::web::dom;
use crate::web::part::Part;
use crate::web::state::{page, Ui};

pub use drawing::Drawn;

/// What the figure's listeners share with it: the chart's data for the view in force
/// (built once per data key) and what its box shows.
pub(crate) struct Shared {
    kind: ChartKind,
    data: Option<(DataKey, Rc<ChartData>)>,
    drawn: Drawn,
    /// A fingerprint of the drawing's markup when the live page wrote it.
    markup: Option<u64>,
    /// How much larger than drawn the chart is shown (briefing mode); 1 elsewhere.
    zoom: f64,
}

impl Shared {
    /// The chart's data for `sel`, built when its key changed.
    pub fn data(&mut self, sel: &Selection) -> Rc<ChartData> {
        let key = sel.data_key(self.kind);
        match &self.data {
            Some((k, d)) if *k == key => d.clone(),
            _ => {
                let d = Rc::new(ChartData::new(sel, self.kind));
                self.data = Some((key, d.clone()));
                d
            }
        }
    }
}

/// One chart figure.
pub struct Figure {
    kind: ChartKind,
    head: Part<(PartKey, bool)>,
    chart_box: web_sys::Element,
    caption: Part<DataKey>,
    table: Part<(DataKey, bool)>,
    embed: Option<Part<String>>,
    shared: Rc<RefCell<Shared>>,
    /// The box's size, measured before anything on the page is written.
    size: Option<Size>,
    _listeners: Vec<dom::Listener>,
    _observer: Option<drawing::Observer>,
}

impl Figure {
    /// Takes over the figure `el` shows for chart `kind`, drawn `zoom` times smaller than
    /// shown; `resized` is bumped when its box changes size.
    pub fn attach(
        el: web_sys::Element,
        kind: ChartKind,
        zoom: f64,
        resized: RwSignal<u32>,
    ) -> Option<Figure> {
        let part = |selector: &str| dom::find(&el, selector);
        let (head, chart_box) = (part(":scope > .chart-head")?, part(":scope > .chart-box")?);
        let (caption, table) = (part(":scope > figcaption")?, part(":scope > .table-wrap")?);
        let shared = Rc::new(RefCell::new(Shared {
            kind,
            data: None,
            drawn: Drawn::Unknown,
            markup: None,
            zoom: zoom.max(1.0),
        }));
        let state = page()?;
        let mut listeners = actions::listen(&el, kind, shared.clone(), state);
        listeners.extend(pointer::listen(&chart_box, kind, shared.clone(), state));
        listeners.push(keys::listen(&chart_box, shared.clone(), state));
        Some(Figure {
            kind,
            head: Part::new(head),
            caption: Part::new(caption),
            table: Part::new(table),
            embed: None,
            _observer: drawing::Observer::new(&chart_box, resized),
            chart_box,
            shared,
            size: None,
            _listeners: listeners,
        })
    }

    /// Which chart.
    pub fn kind(&self) -> ChartKind {
        self.kind
    }

    /// The chart's data for `sel` (built once per data key).
    pub fn data(&self, sel: &Selection) -> Rc<ChartData> {
        self.shared.borrow_mut().data(sel)
    }

    /// Records that the figure shows the first view's chart for `first` (the default view,
    /// drawn light for each screen class).
    pub(crate) fn adopt(&mut self, first: &Selection) {
        let kind = self.kind;
        self.head.adopt((first.part_key(Block::Head(kind)), false));
        self.caption.adopt(first.data_key(kind));
        self.table.adopt((first.data_key(kind), false));
        self.shared.borrow_mut().drawn = Drawn::first_view(first.chart_key(kind), kind);
    }

    /// Reads the chart box's size (the drawing's size in briefing mode's zoom).
    pub fn measure(&mut self) {
        let zoom = self.shared.borrow().zoom;
        let (w, h) = (self.chart_box.client_width(), self.chart_box.client_height());
        self.size = (w > 0 && h > 0).then(|| Size {
            width: (f64::from(w) / zoom).round() as u32,
            height: (f64::from(h) / zoom).round() as u32,
        });
    }

    /// Brings the head and the drawing in line with the selection (what a reader watches
    /// change); true when the chart is drawn.
    pub fn show_chart(&mut self, sel: &Selection, ui: &Ui) -> bool {
        let kind = self.kind;
        let open = ui.tables.contains(&kind);
        self.head.show((sel.part_key(Block::Head(kind)), open), || html::figure_head(kind, sel, open));
        self.show_embed(sel, ui);
        let still = sel.view.embed.as_ref().is_some_and(|e| e.still);
        let _ = self.chart_box.set_attribute("tabindex", if still { "-1" } else { "0" });
        drawing::show(&self.shared, &self.chart_box, sel, self.size)
    }

    /// Brings every part in line with the selection; true when the chart is drawn.
    pub fn show(&mut self, sel: &Selection, ui: &Ui) -> bool {
        let drawn = self.show_chart(sel, ui);
        self.show_rest(sel, ui);
        drawn
    }

    /// Brings the caption and the table in line with the selection (the parts
    /// [`Figure::show_chart`] leaves).
    pub fn show_rest(&mut self, sel: &Selection, ui: &Ui) {
        let kind = self.kind;
        let open = ui.tables.contains(&kind);
        // The chart's data is built only when a part that reads it is rewritten.
        let shared = self.shared.clone();
        let data = || shared.borrow_mut().data(sel);
        self.caption.show(sel.data_key(kind), || html::caption(&data()));
        self.table.show((sel.data_key(kind), open), || {
            html::table(&data().table(if open { usize::MAX } else { FOLDED_ROWS }))
        });
        let wrap = self.table.el().class_list();
        let _ = if open { wrap.remove_1("visually-hidden") } else { wrap.add_1("visually-hidden") };
        // A folded table is read by screen readers but is no tab stop: its links would be
        // stops the sighted keyboard user cannot see.
        for el in dom::find_all(self.table.el(), "a[href], button") {
            match (open, el.get_attribute("tabindex").as_deref()) {
                (true, Some(_)) => {
                    let _ = el.remove_attribute("tabindex");
                }
                (false, None) => {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                _ => {}
            }
        }
    }

    /// The embed code under the head while the reader has it open.
    fn show_embed(&mut self, sel: &Selection, ui: &Ui) {
        if ui.embed != Some(self.kind) {
            if let Some(panel) = self.embed.take() {
                panel.el().remove();
            }
            return;
        }
        if self.embed.is_none() {
            let _ = self.head.el().insert_adjacent_html("afterend", r#"<div class="embed-slot"></div>"#);
            self.embed = self.head.el().next_element_sibling().map(Part::new);
        }
        let code = crate::exports::embed_code(sel, self.kind, &dom::site_root());
        let kind = self.kind;
        if let Some(panel) = self.embed.as_mut() {
            panel.show(code.clone(), || html::live::embed_panel(kind, &code, ""));
        }
    }
}

/// Measures every figure's chart box in one pass, before any of them is written to, so the
/// page lays out once however many charts there are.
pub(crate) fn measure_all(figures: &mut [Figure]) {
    for f in figures.iter_mut() {
        f.measure();
    }
}
