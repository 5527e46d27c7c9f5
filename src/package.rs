//! The data as files for reuse, written by `make build` for every release: flat CSV tables
//! with a Frictionless data package descriptor (`datapackage.json`: table schemas, the
//! release as `version`, licence and sources), a README, and a zip of them; Atom and JSON
//! Feed 1.1 feeds of the releases from the change log; and a CITATION.cff.

use std::fmt::Write;

use crate::model::{Dataset, Date, StatusMeasure};

/// A table field's type, as Frictionless names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    String,
    /// A decimal number.
    Number,
    /// A whole number.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// `YYYY-MM-DD`.
    Date,
}

impl FieldType {
    /// The Table Schema name.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Number => "number",
            FieldType::Integer => "integer",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Column name.
    pub name: &'static str,
    /// Its type.
    pub kind: FieldType,
    /// True when every row must have a value.
    pub required: bool,
    /// What it holds.
    pub description: &'static str,
}

const fn field(name: &'static str, kind: FieldType, required: bool, description: &'static str) -> Field {
    Field { name, kind, required, description }
}

/// A reference from a column to another table's key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ForeignKey {
    /// This table's column.
    pub field: &'static str,
    /// The table referred to.
    pub resource: &'static str,
    /// Its key column.
    pub key: &'static str,
}

/// One CSV table of the package.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// Name (`incidents`); the file is `data/NAME.csv`.
    pub name: &'static str,
    /// Title.
    pub title: &'static str,
    /// What a row is.
    pub description: &'static str,
    /// Columns.
    pub fields: Vec<Field>,
    /// Columns whose values together are unique.
    pub(crate) primary_key: Vec<&'static str>,
    /// References to other tables.
    pub(crate) foreign_keys: Vec<ForeignKey>,
    /// Rows of values, one per field ("" for none).
    pub rows: Vec<Vec<String>>,
}

impl Resource {
    /// The file's path inside the package.
    pub fn path(&self) -> String {
        format!("data/{}.csv", self.name)
    }
}

fn num(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

fn opt_num(v: Option<f64>) -> String {
    v.map(num).unwrap_or_default()
}

fn opt_text(v: Option<&str>) -> String {
    v.unwrap_or_default().to_string()
}

fn opt_date(v: Option<Date>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

/// An enum's name as the JSON writes it (`private_key_compromise`).
fn slug<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A list in one cell: ids joined by "; ".
fn list(v: &[String]) -> String {
    v.join("; ")
}

use FieldType::{Boolean as B, Date as D, Integer as I, Number as N, String as S};

fn incidents(data: &Dataset) -> Resource {
    let rows = data
        .incidents
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                i.date.to_string(),
                i.victim.clone(),
                i.category.slug().to_string(),
                list(&i.chains),
                list(&i.assets),
                num(i.usd),
                opt_num(i.usd_low),
                opt_num(i.usd_high),
                slug(i.vector),
                i.actor.clone(),
                list(&i.attribution.by),
                i.attribution.confidence.slug().to_string(),
                i.attribution.contested.to_string(),
                opt_num(i.recovered_usd),
                i.summary.clone(),
                list(&i.sources),
            ]
        })
        .collect();
    Resource {
        name: "incidents",
        title: "Thefts",
        description: "One theft attributed to DPRK-linked actors per row, with its amount at the time, attribution and sources.",
        fields: vec![
            field("id", S, true, "Stable slug, victim-year"),
            field("date", D, true, "Day of the theft (UTC, as reported)"),
            field("victim", S, true, "The service that lost the funds"),
            field("category", S, true, "Victim category"),
            field("chains", S, false, "Blockchains, separated by '; '"),
            field("assets", S, false, "Assets stolen, separated by '; '"),
            field("usd", N, true, "Best estimate of the loss in US dollars at the time of the theft"),
            field("usd_low", N, false, "Lowest published estimate"),
            field("usd_high", N, false, "Highest published estimate"),
            field("vector", S, true, "How the attackers got in"),
            field("actor", S, true, "The DPRK-linked cluster named"),
            field("attribution_by", S, true, "Who attributed it, separated by '; '"),
            field("confidence", S, true, "official, firm or suspected"),
            field("contested", B, true, "True when a credible party disputes the attribution"),
            field("recovered_usd", N, false, "Frozen or recovered, in US dollars, as the incident record gives it"),
            field("summary", S, true, "What happened"),
            field("sources", S, true, "Source ids (sources.csv), separated by '; '"),
        ],
        primary_key: vec!["id"],
        foreign_keys: Vec::new(),
        rows,
    }
}

fn sources(data: &Dataset) -> Resource {
    let rows = data
        .sources
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.title.clone(),
                s.publisher.clone(),
                opt_date(s.date),
                s.url.clone(),
                s.kind.slug().to_string(),
                opt_text(s.copy_of.as_deref()),
                s.origin.map(|o| o.slug().to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    Resource {
        name: "sources",
        title: "Sources",
        description: "Every document the data cites.",
        fields: vec![
            field("id", S, true, "Stable slug other tables cite"),
            field("title", S, true, "Title, or a description of the page"),
            field("publisher", S, true, "Who published it"),
            field("date", D, false, "Publication day, when the document states one"),
            field("url", S, true, "Where to read it"),
            field("kind", S, true, "primary, copy or secondary"),
            field("copy_of", S, false, "For a copy: whose text it reproduces"),
            field(
                "origin",
                S,
                false,
                "Whose text it is (government, court, un, firm, victim, media, researcher, other)",
            ),
        ],
        primary_key: vec!["id"],
        foreign_keys: Vec::new(),
        rows,
    }
}

fn figures(data: &Dataset) -> Resource {
    let rows = data
        .reported_totals
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                t.publisher.clone(),
                t.published.to_string(),
                t.period_start.to_string(),
                t.period_end.to_string(),
                t.year.map(|y| y.to_string()).unwrap_or_default(),
                num(t.usd),
                opt_num(t.usd_high),
                t.incidents.map(|n| n.to_string()).unwrap_or_default(),
                opt_num(t.all_actors_usd),
                opt_text(t.supersedes.as_deref()),
                t.derived.to_string(),
                opt_text(t.basis.as_deref()),
                opt_num(t.stated_share),
                t.nature().label().to_string(),
                opt_text(t.window_words.as_deref()),
                t.floor.to_string(),
                t.source.clone(),
            ]
        })
        .collect();
    Resource {
        name: "published_figures",
        title: "Published figures",
        description:
            "Figures published by research firms and official bodies for DPRK-linked theft over a period.",
        fields: vec![
            field("id", S, true, "Stable slug"),
            field("publisher", S, true, "Who published the figure"),
            field("published", D, true, "When it was published"),
            field("period_start", D, true, "First day it covers"),
            field("period_end", D, true, "Last day it covers"),
            field("year", I, false, "The calendar year it is for; empty for several years"),
            field("usd", N, true, "DPRK-linked theft in US dollars (the low end of a range)"),
            field("usd_high", N, false, "The high end of a range"),
            field("incidents", I, false, "Number of incidents, where given"),
            field("all_actors_usd", N, false, "Theft by all actors over the same period, where given"),
            field("supersedes", S, false, "Id of the earlier figure this one revises"),
            field("derived", B, true, "True when worked out from the publisher's numbers, not stated"),
            field("basis", S, false, "How a derived figure was obtained"),
            field("stated_share", N, false, "DPRK-linked share of all theft, as stated (0 to 1)"),
            field("nature", S, true, "Annual, part of the year, several years, or derived"),
            field("window_words", S, false, "The window as the publisher words it"),
            field("floor", B, true, "True when the publisher gave a floor ('at least')"),
            field("source", S, true, "Source id (sources.csv)"),
        ],
        primary_key: vec!["id"],
        foreign_keys: vec![ForeignKey { field: "source", resource: "sources", key: "id" }],
        rows,
    }
}

/// What an edge's dollars rest on, in one word and its numbers.
fn basis_cell(b: Option<&crate::model::EdgeBasis>) -> String {
    b.map(|b| b.slug().to_string()).unwrap_or_default()
}

fn flow_edges(data: &Dataset) -> Resource {
    let rows = data
        .flows
        .iter()
        .flat_map(|f| {
            f.edges.iter().map(move |e| {
                vec![
                    f.incident.clone(),
                    e.from.clone(),
                    e.to.clone(),
                    num(e.usd),
                    e.estimate.to_string(),
                    basis_cell(e.basis.as_ref()),
                    opt_date(f.split_date),
                    e.source.clone(),
                    opt_text(e.note.as_deref()),
                ]
            })
        })
        .collect();
    Resource {
        name: "flow_edges",
        title: "Laundering flow edges",
        description: "Money moving between two stages of a theft's traced laundering, as one day's split.",
        fields: vec![
            field("incident", S, true, "The theft (incidents.csv)"),
            field("from", S, true, "Node the money leaves"),
            field("to", S, true, "Node the money reaches"),
            field("usd", N, true, "US dollars moved"),
            field("estimate", B, true, "True when approximate"),
            field("basis", S, false, "What the dollars rest on: stated, tokens, share, remainder or carried"),
            field("split_date", D, false, "The day of the split the flow shows"),
            field("source", S, true, "Source id (sources.csv)"),
            field("note", S, false, "How the amount was obtained"),
        ],
        primary_key: vec!["incident", "from", "to"],
        foreign_keys: vec![
            ForeignKey { field: "incident", resource: "incidents", key: "id" },
            ForeignKey { field: "source", resource: "sources", key: "id" },
        ],
        rows,
    }
}

fn flow_status(data: &Dataset) -> Resource {
    let rows = data
        .flows
        .iter()
        .flat_map(|f| {
            f.status.iter().map(move |p| {
                let mut row = vec![f.incident.clone(), p.date.to_string(), p.date_basis.slug().to_string()];
                row.extend(StatusMeasure::ALL.iter().map(|m| opt_num(p.share(*m))));
                row.extend(StatusMeasure::ALL.iter().map(|m| opt_num(p.usd(*m))));
                let stages: Vec<String> = p
                    .stages
                    .iter()
                    .map(|s| {
                        let parts: Vec<String> = s
                            .share
                            .map(|v| format!("share {v}"))
                            .into_iter()
                            .chain(s.usd.map(|v| format!("usd {v}")))
                            .collect();
                        format!("{} ({})", s.label, parts.join(", "))
                    })
                    .collect();
                row.extend([
                    stages.join("; "),
                    opt_text(p.basis.as_deref()),
                    opt_text(p.note.as_deref()),
                    list(&p.sources),
                    p.quote.clone(),
                ]);
                row
            })
        })
        .collect();
    Resource {
        name: "flow_status",
        title: "Laundering status history",
        description: "Every published split of a theft's stolen money by date: shares and dollars still traceable, gone dark, frozen or seized, recovered.",
        fields: vec![
            field("incident", S, true, "The theft (incidents.csv)"),
            field("date", D, true, "The day of the split, or of the report when date_basis is report"),
            field("date_basis", S, true, "event or report"),
            field("traceable", N, false, "Share still traceable, as stated (0 to 1)"),
            field("untraceable", N, false, "Share gone dark, as stated"),
            field("frozen", N, false, "Share frozen or seized, as stated"),
            field("recovered", N, false, "Share recovered, as stated"),
            field("traceable_usd", N, false, "Dollars still traceable, as stated"),
            field("untraceable_usd", N, false, "Dollars gone dark, as stated"),
            field("frozen_usd", N, false, "Dollars frozen or seized, as stated"),
            field("recovered_usd", N, false, "Dollars recovered, as stated"),
            field("stages", S, false, "Route stages the same day, with their shares and dollars"),
            field("basis", S, false, "What the shares are of"),
            field("note", S, false, "Caveats"),
            field("sources", S, true, "Source ids, the quoted one first, separated by '; '"),
            field("quote", S, true, "The first source's words"),
        ],
        primary_key: vec!["incident", "date"],
        foreign_keys: vec![ForeignKey { field: "incident", resource: "incidents", key: "id" }],
        rows,
    }
}

fn enforcement(data: &Dataset) -> Resource {
    let rows = data
        .enforcement
        .iter()
        .map(|e| {
            vec![
                e.id.clone(),
                e.date.to_string(),
                e.authority.clone(),
                e.kind.label().to_lowercase(),
                e.title.clone(),
                e.summary.clone(),
                list(&e.incidents),
                e.source.clone(),
            ]
        })
        .collect();
    Resource {
        name: "enforcement",
        title: "Enforcement actions",
        description: "Sanctions, indictments, seizures, advisories and attributions by governments.",
        fields: vec![
            field("id", S, true, "Stable slug"),
            field("date", D, true, "Day of the action"),
            field("authority", S, true, "Who acted"),
            field("kind", S, true, "sanction, indictment, seizure, advisory or attribution"),
            field("title", S, true, "Short title"),
            field("summary", S, true, "What was done"),
            field("incidents", S, false, "Thefts it concerns (incidents.csv ids), separated by '; '"),
            field("source", S, true, "Source id (sources.csv)"),
        ],
        primary_key: vec!["id"],
        foreign_keys: vec![ForeignKey { field: "source", resource: "sources", key: "id" }],
        rows,
    }
}

fn cooperation(data: &Dataset) -> Resource {
    let rows = data
        .cooperation
        .iter()
        .map(|e| {
            vec![
                e.id.clone(),
                e.date.to_string(),
                e.date_basis.slug().to_string(),
                opt_text(e.date_note.as_deref()),
                e.actor.clone(),
                e.actor_kind.slug().to_string(),
                list(&e.incidents),
                e.kind.slug().to_string(),
                opt_num(e.usd),
                e.floor.to_string(),
                e.returned.to_string(),
                opt_text(e.within.as_deref()),
                opt_text(e.enforcement.as_deref()),
                opt_text(e.response.as_deref()),
                opt_num(e.response_hours),
                e.summary.clone(),
                opt_text(e.note.as_deref()),
                list(&e.sources),
                e.quote.clone(),
            ]
        })
        .collect();
    Resource {
        name: "cooperation",
        title: "Freezes, seizures, recoveries and refusals",
        description: "Who froze, seized, recovered or refused to act on stolen money, when, on how much, and whether it is reported returned to the victim.",
        fields: vec![
            field("id", S, true, "Stable slug"),
            field("date", D, true, "The day it happened, or was reported (date_basis)"),
            field("date_basis", S, true, "event or report"),
            field("date_note", S, false, "What the sources say about the timing"),
            field("actor", S, true, "Who acted"),
            field("actor_kind", S, true, "issuer, exchange, bridge, protocol, government, court or other"),
            field("incidents", S, false, "Thefts the money came from (incidents.csv ids); empty when tied to no single theft"),
            field("kind", S, true, "freeze, seizure, recovery or refusal"),
            field("usd", N, false, "US dollars, where stated"),
            field("floor", B, true, "True when the amount is a floor ('more than')"),
            field("returned", B, true, "True only when a source says the money reached the victim"),
            field("within", S, false, "Id of the event whose amount already includes this one's (count it once)"),
            field("enforcement", S, false, "Id of the same event among enforcement actions"),
            field("response", S, false, "How long after the theft, in the source's words"),
            field("response_hours", N, false, "The same in hours"),
            field("summary", S, true, "What happened"),
            field("note", S, false, "Caveats"),
            field("sources", S, true, "Source ids, the quoted one first, separated by '; '"),
            field("quote", S, true, "The first source's words"),
        ],
        primary_key: vec!["id"],
        foreign_keys: vec![ForeignKey { field: "enforcement", resource: "enforcement", key: "id" }],
        rows,
    }
}

fn rates(data: &Dataset) -> Resource {
    let rows = data
        .rates
        .iter()
        .map(|r| {
            vec![
                r.currency.slug().to_string(),
                r.kind.slug().to_string(),
                r.period.clone(),
                num(r.per_usd),
                r.source.clone(),
                opt_text(r.note.as_deref()),
            ]
        })
        .collect();
    Resource {
        name: "rates",
        title: "Exchange rates",
        description: "Won and yen per US dollar, for a day or a calendar year's average, each as its source states it: the only rates a local-currency figure may use.",
        fields: vec![
            field("currency", S, true, "KRW or JPY"),
            field("kind", S, true, "daily or annual_average"),
            field("period", S, true, "YYYY-MM-DD for a daily rate, YYYY for an annual average"),
            field("per_usd", N, true, "Units of the currency per US dollar"),
            field("source", S, true, "Source id (sources.csv)"),
            field("note", S, false, "What the rate is (whose fixing, which hour), where the source says"),
        ],
        primary_key: vec!["currency", "kind", "period"],
        foreign_keys: vec![ForeignKey { field: "source", resource: "sources", key: "id" }],
        rows,
    }
}

fn changes(data: &Dataset) -> Resource {
    let mut rows = Vec::new();
    for c in &data.changes {
        let mut seq = 0;
        let mut push =
            |change: &str, record: &str, field: &str, old: &str, new: &str, why: &str, source: &str| {
                seq += 1;
                rows.push(
                    [
                        c.release.as_str(),
                        &c.date.to_string(),
                        &seq.to_string(),
                        change,
                        record,
                        field,
                        old,
                        new,
                        why,
                        source,
                    ]
                    .map(str::to_string)
                    .to_vec(),
                );
            };
        for id in &c.added {
            push("added", id, "", "", "", "", "");
        }
        for r in &c.revised {
            push("revised", &r.record, &r.field, &r.old, &r.new, &r.why, &r.source);
        }
        for r in &c.removed {
            push("removed", &r.record, "", "", "", &r.why, "");
        }
    }
    Resource {
        name: "changes",
        title: "Change log",
        description: "What each release added, revised (old to new, why, source) and removed.",
        fields: vec![
            field("release", S, true, "Release id"),
            field("date", D, true, "Release day"),
            field("seq", I, true, "Order within the release"),
            field("change", S, true, "added, revised or removed"),
            field("record", S, true, "Id of the record"),
            field("field", S, false, "For a revision: the field revised"),
            field("old", S, false, "For a revision: the value before"),
            field("new", S, false, "For a revision: the value after"),
            field("why", S, false, "Why it changed or was removed"),
            field("source", S, false, "For a revision: the source of the new value"),
        ],
        primary_key: vec!["release", "seq"],
        foreign_keys: Vec::new(),
        rows,
    }
}

/// Every table of the package, in the order the descriptor lists them.
pub fn resources(data: &Dataset) -> Vec<Resource> {
    vec![
        incidents(data),
        sources(data),
        figures(data),
        flow_edges(data),
        flow_status(data),
        enforcement(data),
        cooperation(data),
        rates(data),
        changes(data),
    ]
}

/// One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180).
fn cell(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

/// A table as CSV: a header row, then one line per row, CRLF line ends, UTF-8 without a
/// byte-order mark, values exactly as in the data.
pub fn csv(r: &Resource) -> String {
    let mut out = String::new();
    let header: Vec<String> = r.fields.iter().map(|f| cell(f.name)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &r.rows {
        let cells: Vec<String> = row.iter().map(|v| cell(v)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Where the site lives, for links in feeds and the descriptor: an absolute address when
/// the build knows it (`https://owner.github.io/heist-ledger/`), else the site's path.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// The site root, ending in `/`.
    pub root: String,
}

impl Site {
    /// The site at `root` (a trailing slash is added when missing).
    pub fn new(root: &str) -> Site {
        Site { root: format!("{}/", root.trim_end_matches('/')) }
    }

    /// True when the address is absolute.
    pub(crate) fn is_absolute(&self) -> bool {
        self.root.starts_with("https://") || self.root.starts_with("http://")
    }

    /// An address on the site.
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }
}

/// The licence the package is offered under: the project's (as its Cargo.toml declares).
const LICENCE: (&str, &str, &str) = ("MIT", "https://opensource.org/licenses/MIT", "MIT License");

/// The descriptor, `datapackage.json`: name, title, the release as `version`, licence, the
/// sources cited, and each table with its schema.
pub fn datapackage(data: &Dataset, tables: &[Resource], site: &Site) -> String {
    use serde_json::{json, Value};
    let resources: Vec<Value> = tables
        .iter()
        .map(|r| {
            let fields: Vec<Value> = r
                .fields
                .iter()
                .map(|f| {
                    let mut v = json!({"name": f.name, "type": f.kind.name(), "description": f.description});
                    if f.required {
                        v["constraints"] = json!({"required": true});
                    }
                    v
                })
                .collect();
            let mut schema = json!({"fields": fields, "primaryKey": r.primary_key, "missingValues": [""]});
            if !r.foreign_keys.is_empty() {
                schema["foreignKeys"] = r
                    .foreign_keys
                    .iter()
                    .map(|k| json!({"fields": k.field, "reference": {"resource": k.resource, "fields": k.key}}))
                    .collect();
            }
            json!({
                "name": r.name, "path": r.path(), "title": r.title, "description": r.description,
                "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "schema": schema
            })
        })
        .collect();
    let sources: Vec<Value> = data.sources.iter().map(|s| json!({"title": s.title, "path": s.url})).collect();
    let doc = json!({
        "profile": "tabular-data-package",
        "name": "heist-ledger",
        "title": data.title,
        "description": readme_intro(data),
        "version": data.release.id,
        "created": format!("{}T00:00:00Z", data.release.date),
        "homepage": site.root,
        "licenses": [{"name": LICENCE.0, "path": LICENCE.1, "title": LICENCE.2}],
        "sources": sources,
        "resources": resources,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// The package's opening paragraph (README and descriptor).
fn readme_intro(data: &Dataset) -> String {
    let horizon = data.evidence_horizon.map(|h| format!("; newest evidence read {h}")).unwrap_or_default();
    format!(
        "{}: release {}, published {} (data as of {}{horizon}). {} thefts, {} published figures, {} laundering flows, {} enforcement actions, {} freezes, seizures, recoveries and refusals, {} sources.",
        data.title,
        data.release.id,
        data.release.date,
        data.as_of,
        data.incidents.len(),
        data.reported_totals.len(),
        data.flows.len(),
        data.enforcement.len(),
        data.cooperation.len(),
        data.sources.len()
    )
}

/// The package's README: what it holds, each table with its columns, how lists are written,
/// the licence, and where the full dataset and its schema are.
pub fn readme(data: &Dataset, tables: &[Resource], site: &Site) -> String {
    let mut out =
        format!("# Heist Ledger data package, release {}\n\n{}\n\n", data.release.id, readme_intro(data));
    out.push_str("`datapackage.json` describes every table below as a Frictionless Tabular Data Resource (types, required columns, keys). Lists inside one cell are separated by `; `. An empty cell is no value. Amounts are US dollars as the sources state them; dates are `YYYY-MM-DD`.\n\n");
    for r in tables {
        let _ =
            writeln!(out, "## {} (`{}`, {} rows)\n\n{}\n", r.title, r.path(), r.rows.len(), r.description);
        for f in &r.fields {
            let _ = writeln!(
                out,
                "- `{}` ({}{}): {}",
                f.name,
                f.kind.name(),
                if f.required { ", required" } else { "" },
                f.description
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## Licence and sources\n\nOffered under the project's licence ({}, {}). The documents cited are third parties': they are linked in `sources.csv`, not copied; quotes are short excerpts.\n\nThe full dataset of this release, with every field, is `{}` (JSON Schema: `{}`).",
        LICENCE.0,
        LICENCE.1,
        site.at(&format!("{}data/incidents.json", crate::release::path_of(&data.release.id))),
        site.at("data/incidents.schema.json")
    );
    out
}

/// The zip's file name for a release.
pub fn zip_name(release: &str) -> String {
    crate::release::package_name(release)
}

/// Every file of a release's package, as (path, bytes): the descriptor, the README and
/// the tables.
pub fn files(data: &Dataset, site: &Site) -> Vec<(String, Vec<u8>)> {
    let tables = resources(data);
    let mut out = vec![
        ("datapackage.json".to_string(), datapackage(data, &tables, site).into_bytes()),
        ("README.md".to_string(), readme(data, &tables, site).into_bytes()),
    ];
    out.extend(tables.iter().map(|r| (r.path(), csv(r).into_bytes())));
    out
}

/// A zip archive of `files`, stored (no compression: the package is small and any unzip
/// reads it), with a fixed timestamp so the same data gives the same bytes.
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    // 1 Jan 2026 00:00 in MS-DOS format: the archive's bytes do not depend on the clock.
    const TIME: u16 = 0;
    const DATE: u16 = ((2026 - 1980) << 9) | (1 << 5) | 1;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, bytes) in files {
        let offset = out.len() as u32;
        let (crc, size, name_len) = (crate::exports::crc32(bytes), bytes.len() as u32, name.len() as u16);
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by: version 2.0
            }
            h.extend(20u16.to_le_bytes()); // needed to extract: 2.0
            h.extend(0x0800u16.to_le_bytes()); // flags: names are UTF-8
            h.extend(0u16.to_le_bytes()); // method: stored
            h.extend(TIME.to_le_bytes());
            h.extend(DATE.to_le_bytes());
            h.extend(crc.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend(name_len.to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra field length
            if central {
                h.extend([0u8; 10]); // comment length, disk number, internal and external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(bytes);
        central.extend(header(0x0201_4b50, true));
    }
    let (start, length, count) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]); // this disk, disk with the central directory
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(length.to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // comment length
    out
}

/// Text escaped for XML.
fn xml(s: &str) -> String {
    crate::render::svg::escape(s)
}

/// What a release entry of a feed says: its summary, then what it added, revised and
/// removed, as HTML.
fn entry_html(c: &crate::model::ChangeEntry) -> String {
    let mut out = format!("<p>{}</p>", xml(&c.summary));
    if !c.added.is_empty() {
        let _ = write!(out, "<h3>Added ({})</h3><p>{}</p>", c.added.len(), xml(&c.added.join(", ")));
    }
    if !c.revised.is_empty() {
        let items: String = c
            .revised
            .iter()
            .map(|r| {
                format!(
                    "<li>{} {}: {} → {} ({})</li>",
                    xml(&r.record),
                    xml(&r.field),
                    xml(&r.old),
                    xml(&r.new),
                    xml(&r.why)
                )
            })
            .collect();
        let _ = write!(out, "<h3>Revised ({})</h3><ul>{items}</ul>", c.revised.len());
    }
    if !c.removed.is_empty() {
        let items: String =
            c.removed.iter().map(|r| format!("<li>{}: {}</li>", xml(&r.record), xml(&r.why))).collect();
        let _ = write!(out, "<h3>Removed ({})</h3><ul>{items}</ul>", c.removed.len());
    }
    out
}

/// An entry's one-line title.
fn entry_title(c: &crate::model::ChangeEntry) -> String {
    format!(
        "Release {} ({}): {} added, {} revised, {} removed",
        c.release,
        c.date.human(),
        c.added.len(),
        c.revised.len(),
        c.removed.len()
    )
}

/// A release's stable id in feeds: its address when the site's is known, else a tag URI.
fn entry_id(site: &Site, release: &str) -> String {
    if site.is_absolute() {
        site.at(&crate::release::path_of(release))
    } else {
        format!("tag:heist-ledger,2026:release/{release}")
    }
}

/// The feeds' title.
fn feed_title(data: &Dataset) -> String {
    format!("{}: data releases", data.title)
}

/// An Atom feed of the releases in the change log, newest first; each entry links to the
/// release's own folder (`v/ID/`) and lists what it added, revised and removed.
pub fn atom(data: &Dataset, site: &Site) -> String {
    let updated = data.changes.iter().map(|c| c.date).max().unwrap_or(data.release.date);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"{}\"><title>{}</title><id>{}</id><updated>{updated}T00:00:00Z</updated><author><name>Heist Ledger</name></author><link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/><link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml(&site.root),
        xml(&feed_title(data)),
        xml(&entry_id(site, "all")),
        xml(&site.at("feed.atom")),
        xml(&site.root)
    );
    for c in &data.changes {
        let _ = write!(
            out,
            "<entry><title>{}</title><id>{}</id><updated>{}T00:00:00Z</updated><link rel=\"alternate\" type=\"text/html\" href=\"{}\"/><summary>{}</summary><content type=\"html\">{}</content></entry>",
            xml(&entry_title(c)),
            xml(&entry_id(site, &c.release)),
            c.date,
            xml(&site.at(&crate::release::path_of(&c.release))),
            xml(&c.summary),
            xml(&entry_html(c))
        );
    }
    out.push_str("</feed>\n");
    out
}

/// A JSON Feed 1.1 of the same releases.
pub fn json_feed(data: &Dataset, site: &Site) -> String {
    use serde_json::json;
    let items: Vec<serde_json::Value> = data
        .changes
        .iter()
        .map(|c| {
            json!({
                "id": entry_id(site, &c.release),
                "url": site.at(&crate::release::path_of(&c.release)),
                "title": entry_title(c),
                "summary": c.summary,
                "content_html": entry_html(c),
                "date_published": format!("{}T00:00:00Z", c.date),
            })
        })
        .collect();
    let doc = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed_title(data),
        "home_page_url": site.root,
        "feed_url": site.at("feed.json"),
        "description": "Each data release of Heist Ledger: what it added, revised and removed.",
        "language": "en",
        "items": items,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// CITATION.cff for the release (Citation File Format 1.2.0): the dataset, its release as
/// version and date, the licence, and the site's address when the build knows it.
pub fn citation_cff(data: &Dataset, site: &Site) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::from("cff-version: 1.2.0\n");
    let _ = writeln!(out, "message: {}", q("If you use these data, please cite them as below, naming the release and the view (Cite this view on the page gives both)."));
    out.push_str("type: dataset\n");
    let _ = writeln!(out, "title: {}", q(&data.title));
    out.push_str("authors:\n  - name: \"Heist Ledger\"\n");
    let _ = writeln!(out, "version: {}", q(&data.release.id));
    let _ = writeln!(out, "date-released: {}", q(&data.release.date.to_string()));
    let _ = writeln!(out, "license: {}", LICENCE.0);
    if site.is_absolute() {
        let _ = writeln!(out, "url: {}", q(&site.root));
    }
    let _ = writeln!(out, "abstract: {}", q(&readme_intro(data)));
    out.push_str("keywords:\n  - cryptocurrency theft\n  - North Korea\n  - DPRK\n  - sanctions\n  - money laundering\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        // The check value of CRC-32/ISO-HDLC for the ASCII digits 1 to 9.
        assert_eq!(crate::exports::crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crate::exports::crc32(b""), 0);
    }

    #[test]
    fn csv_cells_are_quoted_only_when_they_must_be() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "=SUM(A1)", "values are kept exactly");
    }
}
