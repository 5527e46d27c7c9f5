//! The whole dashboard: the first view's sections and figures, found on the page and kept
//! in step with the view. Each block is rewritten only when its key changes; the filter
//! controls are rewritten only when their choices change and otherwise shown the view in
//! force through their values, so a control keeps its node (and focus) while it is used.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{self, Section, Slot};
use crate::pipeline::{self, Part as Block, PartKey, Selection};
use crate::render::Size;
use crate::view::{ChartKind, Filter, Theme, ViewState};
use crate::web::dom;
use crate::web::figure::measure_all;
use crate::web::figure::Figure;
use crate::web::focus::Opener;
use crate::web::inputs::Inputs;
use crate::web::part::Part;

/// The dashboard's blocks.
pub(crate) struct FullPage {
    headline: Part<PartKey>,
    diff: Part<PartKey>,
    filters: Part<PartKey>,
    after: Part<PartKey>,
    published: Part<PartKey>,
    changes: Part<PartKey>,
    incidents: Part<(PartKey, bool)>,
    footer: Part<(usize, String, String)>,
    detail: Part<(PartKey, u32, u32)>,
    cite: Part<String>,
    figures: Vec<Figure>,
    /// What opened the incident detail on screen, to return to when it closes.
    opener: Option<Opener>,
    /// The polite status line that announces each filter's result.
    status: Option<web_sys::Element>,
    /// The result it announced last (or, at first, the view on screen, said by nothing).
    announced: Option<String>,
}

impl FullPage {
    /// Finds every block under `root` (the first view's, or the empty page's).
    pub fn find(root: &web_sys::Element, resized: RwSignal<u32>) -> Option<FullPage> {
        let section = |s: Section| dom::find(root, s.selector());
        let slot = |s: Slot| dom::find(root, &format!("[data-slot={}]", s.name()));
        let figures = ChartKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let el = dom::find(root, &format!("figure[data-chart={}]", kind.name()))?;
                Figure::attach(el, kind, 1.0, resized)
            })
            .collect();
        Some(FullPage {
            headline: Part::new(section(Section::Headline)?),
            diff: Part::new(slot(Slot::Diff)?),
            filters: Part::new(section(Section::Filters)?),
            after: Part::new(section(Section::After)?),
            published: Part::new(section(Section::Published)?),
            changes: Part::new(section(Section::Changes)?),
            incidents: Part::new(section(Section::Incidents)?),
            footer: Part::new(section(Section::Footer)?),
            detail: Part::new(slot(Slot::Detail)?),
            cite: Part::new(slot(Slot::Cite)?),
            figures,
            opener: None,
            status: status_line(),
            announced: None,
        })
    }

    /// Records that every block shows the first view: the default view of `sel`'s dataset,
    /// drawn light, with the dataset's address in the footer.
    pub(crate) fn adopt(&mut self, sel: &Selection, inputs: &Inputs) {
        let first = Selection::new(sel.data.clone(), ViewState::default(), Theme::Light);
        self.headline.adopt(first.part_key(Block::Headline));
        self.diff.adopt(first.part_key(Block::Diff));
        self.filters.adopt(first.part_key(Block::FilterChoices));
        self.after.adopt(first.part_key(Block::After));
        self.published.adopt(first.part_key(Block::Published));
        self.changes.adopt(first.part_key(Block::Changes));
        self.incidents.adopt((first.part_key(Block::Incidents), false));
        self.footer.adopt(footer_key(sel, inputs));
        for f in &mut self.figures {
            f.adopt(&first);
        }
    }

    /// What a reader looks at when they change the view: the headline, the filters and
    /// each chart's head and drawing (not its caption or table); true when every chart is
    /// drawn. [`FullPage::show`] brings the rest in line after the browser has painted this.
    pub fn show_charts(&mut self, sel: &Selection, inputs: &Inputs) -> bool {
        if sel.view.incident.is_some() && self.detail_shows().is_none() && self.opener.is_none() {
            // The detail opens from the page: what opened it and where the reader was, to
            // go back to on closing. Read before any part is rewritten (a rewritten row or
            // chart takes the focused element with it), and once: the pass that brings the
            // rest of the page in line runs this again, after the charts' pass has replaced
            // the mark that had the focus, and before the detail is written.
            self.opener = Some(Opener::now());
        }
        // Every box is read before anything is written: the page lays out once.
        measure_all(&mut self.figures);
        self.headline
            .show(sel.part_key(Block::Headline), || html::headline(&sel.data, &pipeline::headline(sel)));
        show_since_value(self.headline.el(), sel.view.since.as_deref());
        self.filters.show(sel.part_key(Block::FilterChoices), || html::filters(sel));
        show_filter_values(self.filters.el(), &sel.view.filter);
        show_filter_summary(&sel.view.filter);
        let mut drawn = true;
        for f in &mut self.figures {
            drawn &= f.show_chart(sel, &inputs.ui);
        }
        drawn
    }

    /// Every block for the selection; true when every chart is drawn.
    pub fn show(&mut self, sel: &Selection, inputs: &Inputs) -> bool {
        let drawn = self.show_charts(sel, inputs);
        self.diff.show(sel.part_key(Block::Diff), || html::diff::panel(sel, false));
        self.after.show(sel.part_key(Block::After), || html::after::years(sel));
        self.published.show(sel.part_key(Block::Published), || html::published_figures(&sel.data));
        self.changes.show(sel.part_key(Block::Changes), || html::changes(&sel.data));
        let all = inputs.ui.show_all;
        self.incidents.show((sel.part_key(Block::Incidents), all), || html::incident_table(sel, all));
        let key = footer_key(sel, inputs);
        self.footer.show(key.clone(), || html::footer(Some(&sel.data), &key.1, &key.2));
        self.show_detail(sel, inputs.texts);
        self.announce(sel);
        let cite = crate::web::cite::markup(sel, &inputs.ui);
        self.cite.show(cite.clone(), || cite);
        // Each chart's head and drawing were brought in line above, with the headline.
        for f in &mut self.figures {
            f.show_rest(sel, &inputs.ui);
        }
        drawn
    }

    /// The selected incident's panel, its flow drawn at the panel's likely width so its
    /// labels stay legible on a phone; focus moves to its heading when it opens. Drawn
    /// again when the incidents' texts in force (`texts`, their version) change.
    fn show_detail(&mut self, sel: &Selection, texts: u32) {
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .map_or(720.0, |w| crate::layout::clamp(w - 64.0, 300.0, 960.0));
        let key = (sel.part_key(Block::Detail), width as u32, texts);
        let showing = self.detail_shows();
        let opened = sel.view.incident.is_some() && showing != sel.view.incident;
        let closed = sel.view.incident.is_none() && showing.is_some();
        self.detail.show(key, || {
            let Some(i) = sel.selected() else { return String::new() };
            let size = Size { width: width as u32, height: crate::layout::clamp(width * 0.55, 320.0, 480.0) as u32 };
            let flow = pipeline::incident_flow(sel, &i.id, size);
            format!(
                r#"<aside class="detail" role="dialog" aria-modal="false" aria-labelledby="detail-heading" data-incident-detail="{}">{}</aside>"#,
                crate::render::svg::escape(&i.id),
                html::detail(&sel.data, i, flow.as_ref())
            )
        });
        if closed {
            if let Some(opener) = self.opener.take() {
                // After the page has laid out without the panel.
                dom::next_frame(move || opener.restore());
            }
        }
        if opened {
            dom::next_frame(|| {
                if let Some(h) = dom::document().and_then(|d| d.get_element_by_id("detail-heading")) {
                    dom::focus(&h);
                }
            });
        }
    }

    /// Says each filter's result in the polite status line ("12 incidents, $1.23B,
    /// 2024–2025"); the view the page opened on is on screen already and not said.
    fn announce(&mut self, sel: &Selection) {
        let said = pipeline::result_summary(sel);
        if self.announced.as_deref() == Some(said.as_str()) {
            return;
        }
        if self.announced.is_some() {
            if let Some(status) = &self.status {
                status.set_text_content(Some(&said));
            }
        }
        self.announced = Some(said);
    }

    /// The incident the detail panel shows now.
    fn detail_shows(&self) -> Option<String> {
        dom::find(self.detail.el(), "[data-incident-detail]")
            .and_then(|a| a.get_attribute("data-incident-detail"))
    }
}

/// The page's polite status line, made once (a live region must be on the page before the
/// text it announces is written into it).
fn status_line() -> Option<web_sys::Element> {
    let doc = dom::document()?;
    if let Some(el) = doc.get_element_by_id("filter-result") {
        return Some(el);
    }
    let el = doc.create_element("p").ok()?;
    el.set_id("filter-result");
    el.set_class_name("visually-hidden");
    let _ = el.set_attribute("role", "status");
    let _ = el.set_attribute("aria-live", "polite");
    doc.body()?.append_child(&el).ok()?;
    Some(el)
}

/// Shows the view in force in the filter controls through their values (after Back and
/// Forward too), without rewriting them: a control being used keeps its node and focus.
fn show_filter_values(section: &web_sys::Element, f: &Filter) {
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    for (name, chosen) in [
        ("from", vec![year(f.from_year)]),
        ("to", vec![year(f.to_year)]),
        ("actor", f.actors.clone()),
        ("chain", f.chains.clone()),
    ] {
        let Some(select) = dom::find(section, &format!("select[name={name}]")) else { continue };
        let Some(select) = select.dyn_ref::<web_sys::HtmlSelectElement>() else { continue };
        show_choice(select, &chosen);
    }
    for input in dom::find_all(section, "input[type=checkbox]") {
        let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() else { continue };
        let value = input.value();
        let on = match input.name().as_str() {
            "category" => f.categories.iter().any(|c| c.slug() == value),
            "confidence" => f.confidence.iter().any(|c| c.slug() == value),
            _ => continue,
        };
        if input.checked() != on {
            input.set_checked(on);
        }
    }
    if let Some(q) =
        dom::find(section, "input[name=q]").and_then(|q| q.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        // The reader's own typing stays as typed.
        let typing = dom::document()
            .and_then(|d| d.active_element())
            .is_some_and(|a| a == *AsRef::<web_sys::Element>::as_ref(&q));
        if !typing && q.value() != f.text {
            q.set_value(&f.text);
        }
    }
}

/// The filter in force in words on the phone's "Filters" button, so the folded filters
/// still say what the page shows.
fn show_filter_summary(f: &Filter) {
    let Some(el) = dom::document().and_then(|d| d.query_selector("[data-filter-summary]").ok().flatten())
    else {
        return;
    };
    // "All incidents" in the page's own key; any other filter through the view in words.
    let words = if *f == Filter::default() {
        crate::phrase::t("page.all_incidents")
    } else {
        crate::phrase::view::words(&crate::phrase::view::View::of(f, crate::phrase::view::Years::AsFiltered))
    };
    if el.text_content().as_deref() != Some(words.as_str()) {
        el.set_text_content(Some(&words));
    }
}

/// Shows the release the view is compared with in the headline's picker through its value,
/// as the filter controls show theirs: the picker keeps its node (and focus) while used.
fn show_since_value(headline: &web_sys::Element, since: Option<&str>) {
    let Some(select) = dom::find(headline, "select[name=since]") else { return };
    let Some(select) = select.dyn_ref::<web_sys::HtmlSelectElement>() else { return };
    let value = since.unwrap_or_default();
    if select.value() != value {
        select.set_value(value);
    }
}

/// What the footer shows: the dataset, the path on this site it came from (empty when it
/// came from elsewhere) and the address asked for last.
fn footer_key(sel: &Selection, inputs: &Inputs) -> (usize, String, String) {
    (sel.data_id(), inputs.shown_path.clone().unwrap_or_default(), inputs.data_url.clone())
}

/// Shows every value in force in a select: none ("All …"), one (that option), or several
/// (a first option naming them all, which the reader cannot pick again but sees).
fn show_choice(select: &web_sys::HtmlSelectElement, chosen: &[String]) {
    let several = dom::find(select, "option[data-several]");
    if let [_, _, ..] = chosen {
        let text = html::several_names(chosen);
        let option = match several {
            Some(o) => o,
            None => {
                let _ = select.insert_adjacent_html(
                    "afterbegin",
                    r#"<option value="" disabled data-several=""></option>"#,
                );
                let Some(o) = dom::find(select, "option[data-several]") else { return };
                // After "All …".
                if let Some(all) = o.next_element_sibling() {
                    let _ = all.after_with_node_1(&o);
                }
                o
            }
        };
        let _ = option.set_attribute("data-several", &chosen.len().to_string());
        if option.text_content().as_deref() != Some(text.as_str()) {
            option.set_text_content(Some(&text));
        }
        if let Some(o) = option.dyn_ref::<web_sys::HtmlOptionElement>() {
            o.set_selected(true);
        }
        return;
    }
    if let Some(o) = several {
        o.remove();
    }
    let value = chosen.first().map(String::as_str).unwrap_or_default();
    if select.value() != value {
        select.set_value(value);
    }
}
