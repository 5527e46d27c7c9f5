//! The numbers behind each chart as a table (`<table data-table="NAME">` on the page), so
//! screen readers, print and copy-paste get exactly what the chart shows, with sources.

use crate::aggregate::{FlowGraph, PublishedData, TimelineData, YearlyData};
use crate::decimal::{fixed, shortest};
use crate::format::{money, percent};
use crate::model::{Dataset, Date};
use crate::phrase::{fill, t};

/// Dollars as a plain number for machines: whole dollars without a fraction, no symbol, no
/// separators, no suffix (`1460000000`); `""` for a value that is not finite.
pub(crate) fn plain_usd(usd: f64) -> String {
    if !usd.is_finite() {
        String::new()
    } else if usd.fract() == 0.0 && usd.abs() < 1e15 {
        fixed(usd, 0)
    } else {
        shortest(usd)
    }
}

/// A share as a plain percentage for machines, to two decimals: `12.35%`.
fn plain_percent(share: f64) -> String {
    crate::format::percent_fine(share)
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Text shown.
    pub text: String,
    /// Link target, for source cells.
    pub href: Option<String>,
    /// Right-aligned numbers.
    pub numeric: bool,
    /// The value for machines (CSV): a plain number of US dollars or an ISO date where
    /// `text` is written for people ("$1.23B", "1 Jan 2024"); `None`: `text` is the value.
    pub raw: Option<String>,
}

impl Cell {
    /// Plain text.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), href: None, numeric: false, raw: None }
    }

    /// A right-aligned number.
    pub fn number(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), href: None, numeric: true, raw: None }
    }

    /// An amount in US dollars: shown short ("$1.23B"), exported as the plain number.
    pub fn usd(usd: f64) -> Cell {
        Cell::number(money(usd)).with_raw(plain_usd(usd))
    }

    /// A date: shown as people read it ("1 Jan 2024"), exported as `YYYY-MM-DD`.
    pub fn date(d: Date) -> Cell {
        Cell::text(d.human()).with_raw(d.to_string())
    }

    /// The same cell with `raw` as its value for machines.
    pub(crate) fn with_raw(self, raw: impl Into<String>) -> Cell {
        Cell { raw: Some(raw.into()), ..self }
    }

    /// What a CSV holds: the value for machines when there is one, else the text.
    pub fn value(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.text)
    }

    /// A link to a source, or its id as text when the dataset lacks it.
    pub fn source(data: &Dataset, id: &str) -> Cell {
        match data.source(id) {
            Some(s) => Cell {
                text: format!("{} ({}; {})", s.title, s.publisher, s.kind.label().to_ascii_lowercase()),
                href: Some(s.url.clone()),
                numeric: false,
                raw: None,
            },
            None => Cell::text(id),
        }
    }
}

/// How many rows a folded chart table holds (the page shows the rest on "Show table").
pub const FOLDED_ROWS: usize = 100;

/// A table: caption, column headers and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// `data-table` name: yearly, timeline, flows.
    pub name: String,
    /// Caption.
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, one per header: all of them, or the first ones when the table was
    /// made for a folded view ([`timeline`]'s limit).
    pub rows: Vec<Vec<Cell>>,
    /// How many rows the whole table has.
    pub total: usize,
}

impl Table {
    /// A table holding every one of its rows.
    fn whole(name: &str, caption: String, headers: Vec<String>, rows: Vec<Vec<Cell>>) -> Table {
        Table { name: name.into(), caption, total: rows.len(), headers, rows }
    }

    /// True when it holds every one of its rows (a folded table holds the first ones).
    pub(crate) fn is_whole(&self) -> bool {
        self.rows.len() >= self.total
    }

    /// An empty table (nothing in view).
    pub fn empty(name: &str, caption: &str) -> Table {
        Table::whole(name, caption.to_string(), Vec::new(), Vec::new())
    }
}

/// Year by year: the dataset's sum (and its official and firm-rated part), each publisher's
/// reported figure, which of those are part of a year or derived, and the figures' sources.
/// (Why a year's sum and the figures part is in the chart's notes.)
pub fn yearly(y: &YearlyData, data: &Dataset) -> Table {
    let mut headers =
        vec![t("csv.year"), t("csv.incidents_dataset"), t("csv.sum_dataset"), t("csv.official_firm")];
    headers.extend(y.publishers.iter().map(|p| fill("csv.reported_by", &[("publisher", p)])));
    headers.push(t("csv.part_or_derived"));
    headers.push(t("csv.reported_sources"));
    let rows = y
        .bars
        .iter()
        .map(|bar| {
            let mut row = vec![
                Cell::text(bar.year.to_string()),
                Cell::number(bar.count.to_string()),
                Cell::usd(bar.total),
                Cell::usd(bar.official_firm),
            ];
            let mut cited = Vec::new();
            let mut not_full = Vec::new();
            for publisher in &y.publishers {
                match y.reported.iter().find(|m| m.year == bar.year && &m.publisher == publisher) {
                    Some(m) => {
                        row.push(Cell::number(m.summary()).with_raw(plain_usd(m.usd)));
                        cited.push(m.source.clone());
                        if m.nature.is_partial_or_derived() {
                            not_full.push(format!(
                                "{} ({})",
                                m.publisher,
                                m.nature.label().to_ascii_lowercase()
                            ));
                        }
                    }
                    None => row.push(Cell::text("—")),
                }
            }
            row.push(Cell::text(if not_full.is_empty() { "—".to_string() } else { not_full.join("; ") }));
            row.push(match cited.first() {
                Some(id) if cited.len() == 1 => Cell::source(data, id),
                Some(_) => Cell::text(
                    cited
                        .iter()
                        .map(|id| data.source(id).map_or(id.clone(), |s| s.publisher.clone()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                None => Cell::text("—"),
            });
            row
        })
        .collect();
    Table::whole("yearly", "Theft per year: dataset sum beside reported figures".into(), headers, rows)
}

/// Every incident, enforcement action and freeze or recovery on the timeline, oldest first:
/// the first `limit` rows of them, with the whole table's length in `total`.
pub fn timeline(t: &TimelineData, data: &Dataset, limit: usize) -> Table {
    let headers = ["csv.date", "csv.event", "csv.kind", "csv.amount", "csv.attribution", "csv.source"]
        .map(crate::phrase::t)
        .to_vec();
    // Order first, format after, and only the rows asked for: formatting is most of the
    // cost, and a folded table of 100,000 thefts shows its first hundred.
    enum Row {
        Theft(usize),
        Event(usize),
        After(usize),
    }
    let mut order: Vec<(crate::model::Date, Row)> =
        t.points.iter().enumerate().map(|(k, p)| (p.date, Row::Theft(k))).collect();
    order.extend(t.events.iter().enumerate().map(|(k, e)| (e.date, Row::Event(k))));
    order.extend(t.after.iter().enumerate().map(|(k, e)| (e.date, Row::After(k))));
    // Stable: thefts before the day's enforcement actions, each in its own order.
    crate::sort::by(&mut order, &|a, b| a.0.cmp(&b.0));
    let total = order.len();
    order.truncate(limit);
    let wanted: std::collections::HashSet<&str> = order
        .iter()
        .filter_map(|(_, r)| match r {
            Row::Theft(k) => Some(t.points[*k].id.as_str()),
            Row::Event(_) | Row::After(_) => None,
        })
        .collect();
    // One pass to index the records: a lookup per point would be quadratic in the dataset.
    let by_id: std::collections::HashMap<&str, &crate::model::Incident> = data
        .incidents
        .iter()
        .filter(|i| wanted.contains(i.id.as_str()))
        .map(|i| (i.id.as_str(), i))
        .collect();
    let rows = order
        .iter()
        .map(|(_, r)| match r {
            Row::Theft(k) => {
                let p = &t.points[*k];
                let incident = by_id.get(p.id.as_str()).copied();
                let attribution = incident.map_or(String::new(), |i| {
                    format!(
                        "{} ({}{})",
                        i.attribution.by.join(", "),
                        i.attribution.confidence.label(),
                        if i.attribution.contested { ", contested" } else { "" }
                    )
                });
                let source = incident
                    .and_then(|i| i.sources.first())
                    .map_or(Cell::text("—"), |id| Cell::source(data, id));
                vec![
                    Cell::date(p.date),
                    Cell::text(p.victim.clone()),
                    Cell::text(format!("Theft: {}", p.category.label())),
                    Cell::usd(p.usd),
                    Cell::text(attribution),
                    source,
                ]
            }
            Row::Event(k) => {
                let e = &t.events[*k];
                vec![
                    Cell::date(e.date),
                    Cell::text(e.title.clone()),
                    Cell::text(format!("{} ({})", e.kind.label(), e.authority)),
                    Cell::text("—"),
                    Cell::text("—"),
                    Cell::source(data, &e.source),
                ]
            }
            Row::After(k) => after_row(&t.after[*k], data),
        })
        .collect();
    Table {
        name: "timeline".into(),
        caption:
            "Incidents, enforcement actions, and freezes, seizures, recoveries and refusals, oldest first"
                .into(),
        headers,
        rows,
        total,
    }
}

/// A freeze, seizure, recovery or refusal as a row of the timeline's table.
fn after_row(e: &crate::after::LaneEvent, data: &Dataset) -> Vec<Cell> {
    let amount = match (e.usd, e.floor) {
        (Some(usd), true) => Cell::number(format!("more than {}", money(usd))).with_raw(plain_usd(usd)),
        (Some(usd), false) => Cell::usd(usd),
        (None, _) => Cell::number("—"),
    };
    let date = e.date.to_string();
    let within = e.within.as_deref().map(|w| format!(", counted within {w}")).unwrap_or_default();
    vec![
        Cell::text(if e.reported { format!("{} (reported)", e.date.human()) } else { e.date.human() })
            .with_raw(date),
        Cell::text(format!("{}: {}", e.actor, e.victims)),
        Cell::text(format!("{}{within}", e.outcome)),
        amount,
        Cell::text("—"),
        Cell::source(data, &e.source),
    ]
}

/// Every link of a flow graph with its amount, share and source.
pub fn flows(g: &FlowGraph, data: &Dataset) -> Table {
    let share = t(if g.sum_notes.is_empty() { "csv.share_theft" } else { "csv.share_traced" });
    let headers = vec![
        t("csv.from"),
        t("csv.to"),
        t("csv.amount"),
        share,
        t("csv.estimate"),
        t("csv.basis"),
        t("csv.source"),
    ];
    let rows = g
        .links
        .iter()
        .map(|l| {
            let estimate = if l.inferred {
                "Inferred: not traced further"
            } else if l.estimate {
                "Estimate"
            } else {
                "Reported"
            };
            let basis = if l.inferred {
                "What the stage received less what it is traced passing on".to_string()
            } else {
                l.bases.join("; ")
            };
            let source = match l.sources.as_slice() {
                [] => Cell::text("—"),
                [one] => Cell::source(data, one),
                many => Cell::text(
                    many.iter()
                        .map(|id| data.source(id).map_or(id.clone(), |s| s.publisher.clone()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            };
            vec![
                Cell::text(g.nodes[l.from].label.clone()),
                Cell::text(g.nodes[l.to].label.clone()),
                Cell::usd(l.usd),
                Cell::number(percent(g.share_of(l.usd))).with_raw(plain_percent(g.share_of(l.usd))),
                Cell::text(estimate),
                Cell::text(basis),
                source,
            ]
        })
        .collect();
    let split =
        g.split_date.map(|d| format!("; the split out of the theft is of {}", d.human())).unwrap_or_default();
    Table::whole("flows", format!("Laundering flow, tracing as of {}{split}", g.as_of.human()), headers, rows)
}

/// Every published figure in the dataset, newest first, including multi-year and revised
/// ones, so the reader sees each publisher's numbers and how they changed.
pub fn reported(data: &Dataset) -> Table {
    let headers = [
        "csv.publisher",
        "csv.period",
        "csv.what",
        "csv.dprk_theft",
        "csv.incidents",
        "csv.all_actors",
        "csv.share_stated",
        "csv.published",
        "csv.note",
        "csv.source",
    ]
    .map(t)
    .to_vec();
    let superseded_by = |id: &str| data.reported_totals.iter().find(|t| t.supersedes.as_deref() == Some(id));
    let mut totals: Vec<_> = data.reported_totals.iter().collect();
    crate::sort::by(&mut totals, &|a, b| {
        b.published.cmp(&a.published).then_with(|| a.publisher.cmp(&b.publisher))
    });
    let rows = totals
        .into_iter()
        .map(|t| {
            let amount = crate::format::amount(t.usd, t.usd_high, t.floor);
            let mut note = t.note.clone().unwrap_or_default();
            if t.derived {
                let basis = t.basis.as_deref().unwrap_or("no basis given");
                note = format!("Derived, not stated: {basis}. {note}").trim_end().to_string();
            }
            if let Some(newer) = superseded_by(&t.id) {
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(&format!("Revised to {} on {}.", money(newer.usd), newer.published.human()));
            }
            vec![
                Cell::text(t.publisher.clone()),
                Cell::text(t.window()),
                Cell::text(t.nature().label()),
                Cell::number(amount).with_raw(plain_usd(t.usd)),
                Cell::number(t.incidents.map_or("—".to_string(), |n| n.to_string())),
                t.all_actors_usd.map_or(Cell::number("—"), Cell::usd),
                t.stated_share
                    .map_or(Cell::number("—"), |s| Cell::number(percent(s)).with_raw(plain_percent(s))),
                Cell::date(t.published),
                Cell::text(note),
                Cell::source(data, &t.source),
            ]
        })
        .collect();
    Table::whole(
        "reported",
        "Every published figure for DPRK-linked crypto theft in this dataset".into(),
        headers,
        rows,
    )
}

/// The figures the published-figures chart draws, oldest publication first.
pub fn published(f: &PublishedData, data: &Dataset) -> Table {
    let headers = [
        "csv.published",
        "csv.publisher",
        "csv.period_covered",
        "csv.what",
        "csv.dprk_theft",
        "csv.revises",
        "csv.source",
    ]
    .map(t)
    .to_vec();
    let rows = f
        .points
        .iter()
        .map(|p| {
            let amount = crate::format::amount(p.usd, p.usd_high, p.floor);
            let amount = if p.derived { format!("{amount} (derived)") } else { amount };
            let revises = p
                .revises
                .and_then(|k| f.points.get(k))
                .map_or("—".to_string(), |o| format!("{} of {}", money(o.usd), o.published.human()));
            vec![
                Cell::date(p.published),
                Cell::text(p.publisher.clone()),
                Cell::text(p.window.clone()),
                Cell::text(p.nature.label()),
                Cell::number(amount).with_raw(plain_usd(p.usd)),
                Cell::text(revises),
                Cell::source(data, &p.source),
            ]
        })
        .collect();
    let about = f.year.map_or("any period".to_string(), |y| y.to_string());
    Table::whole("figures", format!("Figures published for {about}"), headers, rows)
}
