//! The numbers behind each chart as a table (`<table data-table="NAME">` on the page), so
//! screen readers, print and copy-paste get exactly what the chart shows, with sources.
//! Its words, amounts and dates are in the words in force (keys `csv.*`; English as it
//! always read); a CSV takes each number and date as the plain value behind it.

use crate::aggregate::{FlowGraph, PublishedData, TimelineData, YearlyData};
use crate::decimal::{fixed, shortest};
use crate::model::{Dataset, Date, FigureNature};
use crate::phrase::{self, fill, money, percent, t};

/// What a published figure is, as a table cell ("Annual figure, stated").
fn nature(n: FigureNature) -> String {
    t(match n {
        FigureNature::FullYear => "csv.nature.full_year",
        FigureNature::PartOfYear => "csv.nature.part_of_year",
        FigureNature::MultiPeriod => "csv.nature.multi_period",
        FigureNature::Derived => "csv.nature.derived",
    })
}

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

    /// An amount in US dollars: shown short ("$1.23B", "12억3,000만 달러"), exported as the
    /// plain number.
    pub fn usd(usd: f64) -> Cell {
        Cell::number(money(usd)).with_raw(plain_usd(usd))
    }

    /// A date: shown as people read it ("1 Jan 2024", "2024년 1월 1일"), exported as
    /// `YYYY-MM-DD`.
    pub fn date(d: Date) -> Cell {
        Cell::text(crate::phrase::date(d)).with_raw(d.to_string())
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
                text: format!("{} ({}; {})", s.title, s.publisher, source_kind(s.kind)),
                href: Some(s.url.clone()),
                numeric: false,
                raw: None,
            },
            None => Cell::text(id),
        }
    }
}

/// A source's kind after its title: lower case in English ("primary"), as the language
/// writes it otherwise.
fn source_kind(kind: crate::model::SourceKind) -> String {
    let words = crate::phrase::source_kind(kind);
    if crate::phrase::is_english() {
        words.to_ascii_lowercase()
    } else {
        words
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
                Cell::number(crate::phrase::integer(bar.count as i64)),
                Cell::usd(bar.total),
                Cell::usd(bar.official_firm),
            ];
            let mut cited = Vec::new();
            let mut not_full = Vec::new();
            for publisher in &y.publishers {
                match y.reported.iter().find(|m| m.year == bar.year && &m.publisher == publisher) {
                    Some(m) => {
                        row.push(Cell::number(crate::phrase::figure_summary(m)).with_raw(plain_usd(m.usd)));
                        cited.push(m.source.clone());
                        if m.nature.is_partial_or_derived() {
                            let what = t(match m.nature {
                                FigureNature::PartOfYear => "tooltip.nature.part_of_year",
                                FigureNature::MultiPeriod => "tooltip.nature.multi_period",
                                FigureNature::Derived => "tooltip.nature.derived",
                                FigureNature::FullYear => "tooltip.nature.full_year",
                            });
                            not_full
                                .push(fill("csv.not_full", &[("what", &what), ("publisher", &m.publisher)]));
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
    Table::whole("yearly", t("csv.caption_yearly"), headers, rows)
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
                    let contested = if i.attribution.contested {
                        crate::phrase::t("csv.contested")
                    } else {
                        String::new()
                    };
                    fill(
                        "csv.attributed",
                        &[
                            ("confidence", &crate::phrase::confidence(i.attribution.confidence)),
                            ("contested", &contested),
                            ("by", &i.attribution.by.join(", ")),
                        ],
                    )
                });
                let source = incident
                    .and_then(|i| i.sources.first())
                    .map_or(Cell::text("—"), |id| Cell::source(data, id));
                vec![
                    Cell::date(p.date),
                    Cell::text(p.victim.clone()),
                    Cell::text(fill("csv.theft", &[("category", &crate::phrase::category(p.category))])),
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
                    Cell::text(fill(
                        "csv.action",
                        &[("kind", &phrase::enforcement(e.kind)), ("authority", &e.authority)],
                    )),
                    Cell::text("—"),
                    Cell::text("—"),
                    Cell::source(data, &e.source),
                ]
            }
            Row::After(k) => after_row(&t.after[*k], data),
        })
        .collect();
    Table { name: "timeline".into(), caption: crate::phrase::t("csv.caption_timeline"), headers, rows, total }
}

/// A freeze, seizure, recovery or refusal as a row of the timeline's table.
fn after_row(e: &crate::after::LaneEvent, data: &Dataset) -> Vec<Cell> {
    let amount = match (e.usd, e.floor) {
        (Some(usd), true) => {
            Cell::number(fill("csv.more_than", &[("amount", &money(usd))])).with_raw(plain_usd(usd))
        }
        (Some(usd), false) => Cell::usd(usd),
        (None, _) => Cell::number("—"),
    };
    let date = e.date.to_string();
    let within = e.within.as_deref().map(|w| fill("csv.within", &[("event", w)])).unwrap_or_default();
    vec![
        Cell::text(if e.reported {
            fill("csv.reported_day", &[("date", &crate::phrase::date(e.date))])
        } else {
            crate::phrase::date(e.date)
        })
        .with_raw(date),
        Cell::text(format!("{}: {}", e.actor, crate::phrase::victims(&e.victims))),
        Cell::text(format!("{}{within}", phrase::outcome(e.kind, e.returned))),
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
            let estimate = t(if l.inferred {
                "csv.inferred"
            } else if l.estimate {
                "csv.is_estimate"
            } else {
                "csv.is_reported"
            });
            let basis = if l.inferred { t("csv.inferred_basis") } else { crate::phrase::bases(&l.bases) };
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
    let split = g
        .split_date
        .map(|d| fill("csv.caption_flows_split", &[("date", &crate::phrase::date(d))]))
        .unwrap_or_default();
    let caption = fill("csv.caption_flows", &[("date", &crate::phrase::date(g.as_of)), ("split", &split)]);
    Table::whole("flows", caption, headers, rows)
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
            let amount = crate::phrase::amount(t.usd, t.usd_high, t.floor);
            // The record's note and basis are its own English; the words around them are
            // the page's.
            let mut note = t.note.clone().unwrap_or_default();
            if t.derived {
                let basis = t.basis.clone().unwrap_or_else(|| crate::phrase::t("tooltip.yearly.no_basis"));
                note = fill("csv.derived_note", &[("note", &note), ("basis", &basis)]).trim_end().to_string();
            }
            if let Some(newer) = superseded_by(&t.id) {
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(&fill(
                    "csv.revised_to",
                    &[("amount", &money(newer.usd)), ("date", &crate::phrase::date(newer.published))],
                ));
            }
            vec![
                Cell::text(t.publisher.clone()),
                Cell::text(crate::phrase::window(&crate::aggregate::Window::of(t))),
                Cell::text(nature(t.nature())),
                Cell::number(amount).with_raw(plain_usd(t.usd)),
                Cell::number(t.incidents.map_or("—".to_string(), |n| crate::phrase::integer(i64::from(n)))),
                t.all_actors_usd.map_or(Cell::number("—"), Cell::usd),
                t.stated_share
                    .map_or(Cell::number("—"), |s| Cell::number(percent(s)).with_raw(plain_percent(s))),
                Cell::date(t.published),
                Cell::text(note),
                Cell::source(data, &t.source),
            ]
        })
        .collect();
    Table::whole("reported", t("csv.caption_reported"), headers, rows)
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
            let amount = crate::phrase::amount(p.usd, p.usd_high, p.floor);
            let amount = if p.derived { fill("csv.derived_amount", &[("amount", &amount)]) } else { amount };
            let revises = p.revises.and_then(|k| f.points.get(k)).map_or("—".to_string(), |o| {
                fill(
                    "csv.revises_of",
                    &[("amount", &money(o.usd)), ("date", &crate::phrase::date(o.published))],
                )
            });
            vec![
                Cell::date(p.published),
                Cell::text(p.publisher.clone()),
                Cell::text(crate::phrase::window(&p.window)),
                Cell::text(nature(p.nature)),
                Cell::number(amount).with_raw(plain_usd(p.usd)),
                Cell::text(revises),
                Cell::source(data, &p.source),
            ]
        })
        .collect();
    let about = f.year.map_or_else(|| t("csv.any_period"), |y| y.to_string());
    Table::whole("figures", fill("csv.caption_figures", &[("about", &about)]), headers, rows)
}
