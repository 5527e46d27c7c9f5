//! The view: what the reader has chosen to see (filter, sort, theme, selected incident and
//! flow) and its one spelling as URL query parameters, so every view is a permalink.
//! Every other module reads the view from here; this module depends on the data model only.

use crate::model::{Category, Confidence, Dataset, Date, Incident};

/// What the reader has narrowed the view to. Empty lists mean "all".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// First year shown (inclusive).
    pub from_year: Option<i32>,
    /// Last year shown (inclusive).
    pub to_year: Option<i32>,
    /// Victim categories kept.
    pub categories: Vec<Category>,
    /// Actors kept (exact names as in the data).
    pub actors: Vec<String>,
    /// Chains kept: an incident is kept when it touched any of them.
    pub chains: Vec<String>,
    /// Attribution confidence levels kept.
    pub confidence: Vec<Confidence>,
    /// Case-insensitive text searched in victim, actor, chains, assets and summary.
    pub text: String,
    /// A date range brushed on the timeline (inclusive).
    pub dates: Option<(Date, Date)>,
}

impl Filter {
    /// True when the incident passes every part of the filter.
    pub fn matches(&self, incident: &Incident) -> bool {
        let year = incident.date.year();
        let text = self.text.trim().to_lowercase();
        self.from_year.is_none_or(|y| year >= y)
            && self.to_year.is_none_or(|y| year <= y)
            && (self.categories.is_empty() || self.categories.contains(&incident.category))
            && (self.actors.is_empty() || self.actors.contains(&incident.actor))
            && (self.chains.is_empty() || incident.chains.iter().any(|c| self.chains.contains(c)))
            && (self.confidence.is_empty() || self.confidence.contains(&incident.attribution.confidence))
            && self.dates.is_none_or(|(a, b)| incident.date >= a && incident.date <= b)
            && (text.is_empty() || searchable_text(incident).contains(&text))
    }

    /// The incidents that pass, oldest first.
    pub fn apply<'a>(&self, data: &'a Dataset) -> Vec<&'a Incident> {
        let mut kept: Vec<&Incident> = data.incidents.iter().filter(|i| self.matches(i)).collect();
        kept.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        kept
    }

    /// The years the charts span: the filter's bounds, else the data's extent.
    pub fn year_span(&self, data: &Dataset) -> (i32, i32) {
        let (lo, hi) = data.years();
        let from = self.from_year.unwrap_or(lo).clamp(lo, hi);
        let to = self.to_year.unwrap_or(hi).clamp(lo, hi);
        let (from, to) = match self.dates {
            Some((a, b)) => (from.max(a.year()), to.min(b.year())),
            None => (from, to),
        };
        if from <= to {
            (from, to)
        } else {
            (to, from)
        }
    }
}

/// The filter in words, for export captions and print: "All incidents" or, say,
/// "Bridge; official attribution; 2022 to 2024".
pub fn describe(f: &Filter) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !f.categories.is_empty() {
        parts.push(f.categories.iter().map(|c| c.label()).collect::<Vec<_>>().join(" or "));
    }
    if !f.confidence.is_empty() {
        let levels: Vec<&str> = f.confidence.iter().map(|c| c.label()).collect();
        parts.push(format!("{} attribution", levels.join(" or ")));
    }
    if !f.actors.is_empty() {
        parts.push(format!("actor {}", f.actors.join(" or ")));
    }
    if !f.chains.is_empty() {
        parts.push(format!("on {}", f.chains.join(" or ")));
    }
    match (f.from_year, f.to_year) {
        (Some(a), Some(b)) if a == b => parts.push(a.to_string()),
        (Some(a), Some(b)) => parts.push(format!("{a} to {b}")),
        (Some(a), None) => parts.push(format!("from {a}")),
        (None, Some(b)) => parts.push(format!("to {b}")),
        (None, None) => {}
    }
    if let Some((a, b)) = f.dates {
        parts.push(format!("{} to {}", a.human(), b.human()));
    }
    if !f.text.trim().is_empty() {
        parts.push(format!("matching \u{201c}{}\u{201d}", f.text.trim()));
    }
    if parts.is_empty() {
        "All incidents".to_string()
    } else {
        parts.join("; ")
    }
}

fn searchable_text(i: &Incident) -> String {
    let mut s = format!("{} {} {} {}", i.victim, i.actor, i.summary, i.id);
    for part in i.chains.iter().chain(&i.assets).chain(&i.attribution.by) {
        s.push(' ');
        s.push_str(part);
    }
    s.to_lowercase()
}

/// The charts of the page, in page order. Named here, with the view, because a view can
/// name one (an embed, a slide); how each is drawn lives in [`crate::pipeline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Stolen per year, beside published totals.
    Yearly,
    /// Every heist on a time axis, with enforcement actions.
    Timeline,
    /// Laundering flows (Sankey).
    Flows,
    /// Who said what, when: published figures at their publication dates.
    Figures,
}

impl ChartKind {
    /// Every chart, in page order.
    pub const ALL: [ChartKind; 4] =
        [ChartKind::Yearly, ChartKind::Timeline, ChartKind::Flows, ChartKind::Figures];

    /// The `data-chart` name, also used in URLs and file names.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Yearly => "yearly",
            ChartKind::Timeline => "timeline",
            ChartKind::Flows => "flows",
            ChartKind::Figures => "figures",
        }
    }

    /// Parses a name.
    pub fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// The slide a key moves briefing mode to from slide `n` (counted from 1), if the key moves
/// it: forward on →, ↓, Page Down (what presentation clickers send) and space; back on ←, ↑,
/// Page Up and Shift+space; Home and End to the ends.
pub fn slide_after(key: &str, shift: bool, n: usize) -> Option<usize> {
    let last = ChartKind::ALL.len();
    let back = Some(n.saturating_sub(1).max(1));
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" => Some((n + 1).min(last)),
        " " if shift => back,
        " " => Some((n + 1).min(last)),
        "ArrowLeft" | "ArrowUp" | "PageUp" => back,
        "Home" => Some(1),
        "End" => Some(last),
        _ => None,
    }
}

/// One chart alone, for an iframe in a report (`?embed=yearly&plain&static`).
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// The chart shown.
    pub chart: ChartKind,
    /// No title, filter line or source footer: the host page gives its own.
    pub plain: bool,
    /// No tooltips, buttons or keyboard: a picture that still resizes.
    pub still: bool,
    /// No page or chart background, for hosts with their own colour.
    pub transparent: bool,
    /// The Pym.js child id the host page gave (`childId`), so height messages reach it.
    pub pym_id: Option<String>,
}

impl Embed {
    /// An interactive, framed embed of `chart`.
    pub fn of(chart: ChartKind) -> Embed {
        Embed { chart, plain: false, still: false, transparent: false, pym_id: None }
    }
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on white: print, reports, daylight rooms.
    #[default]
    Light,
    /// Light text on near-black: projectors in dark rooms.
    Dark,
}

impl Theme {
    /// The slug used in URLs and on `<html data-theme>`.
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a slug.
    pub fn from_slug(slug: &str) -> Option<Theme> {
        match slug {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Columns the incident table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Date of the theft.
    #[default]
    Date,
    /// Victim name.
    Victim,
    /// Victim category.
    Category,
    /// Amount stolen.
    Usd,
    /// Actor.
    Actor,
    /// Attribution confidence.
    Confidence,
}

impl SortKey {
    /// Every key, in table column order.
    pub const ALL: [SortKey; 6] = [
        SortKey::Date,
        SortKey::Victim,
        SortKey::Category,
        SortKey::Usd,
        SortKey::Actor,
        SortKey::Confidence,
    ];

    /// The slug used in the URL.
    pub fn slug(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Victim => "victim",
            SortKey::Category => "category",
            SortKey::Usd => "usd",
            SortKey::Actor => "actor",
            SortKey::Confidence => "confidence",
        }
    }

    /// The direction a column sorts in when first chosen: text A to Z, dates newest first,
    /// amounts largest first, confidence strongest first.
    pub fn natural_ascending(self) -> bool {
        matches!(self, SortKey::Victim | SortKey::Category | SortKey::Actor | SortKey::Confidence)
    }

    /// Parses a slug.
    pub fn from_slug(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// Which figures the published-figures chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiguresFor {
    /// Figures whose window lies inside this calendar year.
    Year(i32),
    /// Every figure, whatever its window.
    All,
}

/// Everything about the view that lives in the URL.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// What is kept.
    pub filter: Filter,
    /// The incident whose detail panel is open.
    pub incident: Option<String>,
    /// The incident whose laundering flow the flow chart shows (otherwise the sum over
    /// every incident in view).
    pub flow: Option<String>,
    /// The published-figures chart's year (otherwise the newest year with a figure).
    pub figures: Option<FiguresFor>,
    /// The yearly chart draws each year's official and firm-rated sum beside the bar of
    /// everything (`yearly=split`).
    pub yearly_split: bool,
    /// Another dataset to load instead of the bundled one.
    pub data: Option<String>,
    /// An earlier release to compare the view with (`since=2026-12-01`): what changed
    /// between it and the release on screen.
    pub since: Option<String>,
    /// A theme chosen explicitly (otherwise the system preference).
    pub theme: Option<Theme>,
    /// One chart alone, for iframes in reports.
    pub embed: Option<Embed>,
    /// Briefing mode: one chart per slide; the slide shown, counted from 1.
    pub present: Option<usize>,
    /// Incident table sort column.
    pub sort: SortKey,
    /// Sort ascending (A to Z, oldest first, smallest first); the default view is newest first.
    pub ascending: bool,
}

fn year(key: &str, value: &str, notices: &mut Vec<String>) -> Option<i32> {
    match value.parse::<i32>() {
        Ok(y) if (2009..=2100).contains(&y) => Some(y),
        _ => {
            notices.push(format!("Ignored {key}={value}: not a year between 2009 and 2100."));
            None
        }
    }
}

/// A release id as written in a URL (`2026-12-01`, `2026-12-01.1`): letters, digits, dots
/// and hyphens, at most 40 characters, starting with a digit or a letter.
fn release_id(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= 40
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && value.starts_with(|c: char| c.is_ascii_alphanumeric());
    ok.then(|| value.to_string())
}

/// An on/off flag: present alone or `=1`/`true`/`yes` is on, `=0`/`false`/`no` off.
fn flag(key: &str, value: &str, notices: &mut Vec<String>) -> Option<bool> {
    match value {
        "" | "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => {
            notices.push(format!("Ignored {key}={value}: use {key}, {key}=1 or {key}=0."));
            None
        }
    }
}

/// Reads a view from query pairs (already percent-decoded). Anything unknown or malformed
/// is skipped, and a notice says what and why.
pub fn parse(pairs: &[(String, String)]) -> (ViewState, Vec<String>) {
    let mut v = ViewState::default();
    let mut notices = Vec::new();
    let (mut start, mut end) = (None, None);
    let mut flags: Vec<(String, bool)> = Vec::new();
    let mut pym_id = None;
    for (key, value) in pairs {
        let value = value.trim();
        match key.as_str() {
            "from" => v.filter.from_year = year(key, value, &mut notices),
            "to" => v.filter.to_year = year(key, value, &mut notices),
            "category" => match Category::from_slug(value) {
                Some(c) if !v.filter.categories.contains(&c) => v.filter.categories.push(c),
                Some(_) => {}
                None => notices.push(format!("Ignored category={value}: not a victim category.")),
            },
            "confidence" => match Confidence::from_slug(value) {
                Some(c) if !v.filter.confidence.contains(&c) => v.filter.confidence.push(c),
                Some(_) => {}
                None => notices.push(format!("Ignored confidence={value}: use official, firm or suspected.")),
            },
            // Each value once: a permalink that repeats one is the same view, and would
            // otherwise be written back (and into the history) at its full length each time.
            "actor" if !value.is_empty() => push_once(&mut v.filter.actors, value),
            "chain" if !value.is_empty() => push_once(&mut v.filter.chains, value),
            "q" => v.filter.text = value.to_string(),
            "start" | "end" => match Date::parse(value) {
                Ok(d) if key == "start" => start = Some(d),
                Ok(d) => end = Some(d),
                Err(e) => notices.push(format!("Ignored {key}={value}: {e}.")),
            },
            "incident" if !value.is_empty() => v.incident = Some(value.to_string()),
            "figures" => match value {
                "all" => v.figures = Some(FiguresFor::All),
                _ => {
                    if let Some(y) = year(key, value, &mut notices) {
                        v.figures = Some(FiguresFor::Year(y));
                    }
                }
            },
            "flow" if !value.is_empty() => v.flow = Some(value.to_string()),
            "yearly" => match value {
                "split" => v.yearly_split = true,
                "" | "all" => v.yearly_split = false,
                _ => notices.push(format!("Ignored yearly={value}: use yearly=split.")),
            },
            "data" if !value.is_empty() => v.data = Some(value.to_string()),
            "since" => match release_id(value) {
                Some(id) => v.since = Some(id),
                None => {
                    notices.push(format!("Ignored since={value}: not a release id (such as 2026-12-01)."))
                }
            },
            "theme" => match Theme::from_slug(value) {
                Some(t) => v.theme = Some(t),
                // The system's choice, which is also what no theme means.
                None if value == "auto" => v.theme = None,
                None => notices.push(format!("Ignored theme={value}: use light, dark or auto.")),
            },
            "embed" => match value {
                // The first embed spelling (`?embed=1`) showed the charts alone: the
                // first chart now.
                "" | "1" | "true" | "yes" => v.embed = Some(Embed::of(ChartKind::Yearly)),
                _ => match ChartKind::from_name(value) {
                    Some(k) => v.embed = Some(Embed::of(k)),
                    None => notices
                        .push(format!("Ignored embed={value}: use yearly, timeline, flows or figures.")),
                },
            },
            "plain" | "static" | "transparent" => {
                if let Some(on) = flag(key, value, &mut notices) {
                    flags.push((key.clone(), on));
                }
            }
            // Pym.js adds these to the address of every frame it makes; the id names the
            // frame in height messages, the rest is for the host's own use.
            "childId" if !value.is_empty() => pym_id = Some(value.to_string()),
            "initialWidth" | "parentTitle" | "parentUrl" | "childId" => {}
            "present" => match value {
                "" | "1" | "true" | "yes" => v.present = Some(1),
                _ => match value.parse::<usize>() {
                    Ok(n) if (1..=ChartKind::ALL.len()).contains(&n) => v.present = Some(n),
                    _ => {
                        notices.push(format!(
                            "Ignored present={value}: slides are numbered 1 to {}.",
                            ChartKind::ALL.len()
                        ));
                        v.present = Some(1);
                    }
                },
            },
            "sort" => match SortKey::from_slug(value) {
                Some(k) => v.sort = k,
                None => notices.push(format!("Ignored sort={value}: not a table column.")),
            },
            "dir" => match value {
                "asc" => v.ascending = true,
                "desc" => v.ascending = false,
                _ => notices.push(format!("Ignored dir={value}: use asc or desc.")),
            },
            _ => notices.push(format!("Ignored unknown parameter {key}={value}.")),
        }
    }
    match v.embed.as_mut() {
        Some(e) => {
            for (key, on) in flags {
                match key.as_str() {
                    "plain" => e.plain = on,
                    "static" => e.still = on,
                    _ => e.transparent = on,
                }
            }
            e.pym_id = pym_id;
        }
        None => {
            for (key, _) in flags {
                notices.push(format!(
                    "Ignored {key}: it applies to an embed (add embed=yearly, timeline, flows or figures)."
                ));
            }
        }
    }
    match (start, end) {
        (Some(a), Some(b)) if a <= b => v.filter.dates = Some((a, b)),
        (Some(a), Some(b)) => {
            notices.push(format!("Ignored the date range {a} to {b}: it ends before it starts."))
        }
        (Some(_), None) | (None, Some(_)) => {
            notices.push("Ignored the date range: it needs both start and end.".to_string())
        }
        (None, None) => {}
    }
    if let (Some(a), Some(b)) = (v.filter.from_year, v.filter.to_year) {
        if a > b {
            notices.push(format!("Ignored from={a} and to={b}: the range ends before it starts."));
            v.filter.from_year = None;
            v.filter.to_year = None;
        }
    }
    (v, tidy_notices(notices))
}

/// Adds `value` to `list` unless it is there already.
fn push_once(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

/// Most notices listed one by one; past this the rest are counted in one more line, so an
/// address with thousands of distinct unknown parameters still shows a short panel.
pub const MAX_NOTICES: usize = 8;

/// Notices as a reader can take them in: each cut to 160 characters (a parameter can be
/// thousands long), a notice repeated (a parameter given a thousand times) said once with
/// its count, and at most [`MAX_NOTICES`] lines, the last counting the rest.
pub fn tidy_notices(notices: Vec<String>) -> Vec<String> {
    const MAX: usize = 160;
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for n in notices {
        let n = match n.char_indices().nth(MAX) {
            Some((end, _)) => format!("{}…", &n[..end]),
            None => n,
        };
        match index.get(&n) {
            Some(&k) => out[k].1 += 1,
            None => {
                index.insert(n.clone(), out.len());
                out.push((n, 1));
            }
        }
    }
    let mut lines: Vec<String> =
        out.iter().map(|(n, count)| if *count > 1 { format!("{n} (×{count})") } else { n.clone() }).collect();
    if lines.len() > MAX_NOTICES {
        let rest: usize = out[MAX_NOTICES - 1..].iter().map(|(_, count)| count).sum();
        lines.truncate(MAX_NOTICES - 1);
        lines.push(format!("…and {rest} more parts of the address, also ignored."));
    }
    lines
}

/// Drops values the dataset does not know (an actor, a chain, an incident id) and says so,
/// so a stale permalink shows everything it still can instead of an empty page.
pub fn reconcile(mut v: ViewState, data: &Dataset) -> (ViewState, Vec<String>) {
    let mut notices = Vec::new();
    v.filter.actors.retain(|a| {
        let known = data.incidents.iter().any(|i| &i.actor == a);
        if !known {
            notices.push(format!("Ignored actor={a}: no incident in this dataset names that actor."));
        }
        known
    });
    v.filter.chains.retain(|c| {
        let known = data.incidents.iter().any(|i| i.chains.contains(c));
        if !known {
            notices.push(format!("Ignored chain={c}: no incident in this dataset is on that chain."));
        }
        known
    });
    if let Some(id) = &v.incident {
        if data.incident(id).is_none() {
            notices.push(format!("Ignored incident={id}: no incident has that id."));
            v.incident = None;
        }
    }
    if let Some(id) = &v.since {
        if id == &data.release.id {
            notices.push(format!("Ignored since={id}: it is the release on screen."));
            v.since = None;
        } else if !data.changes.iter().any(|c| &c.release == id) {
            notices.push(format!("Ignored since={id}: this dataset's change log names no such release."));
            v.since = None;
        }
    }
    if let Some(id) = &v.flow {
        if data.flow_for(id).is_none() {
            notices.push(format!("Ignored flow={id}: no laundering flow is traced for that incident."));
            v.flow = None;
        }
    }
    (v, tidy_notices(notices))
}

/// Splits a query string (`?a=1&b=x%20y`, with or without the `?`) into decoded pairs, in
/// order; `+` reads as a space, and a malformed escape is kept as written.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decodes one query component.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |k: usize| bytes.get(k).and_then(|b| char::from(*b).to_digit(16));
        match bytes[i] {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes a view as a query string (without `?`), in a stable order, leaving defaults out.
pub fn to_query(v: &ViewState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(d) = &v.data {
        pairs.push(("data", d.clone()));
    }
    if let Some(y) = v.filter.from_year {
        pairs.push(("from", y.to_string()));
    }
    if let Some(y) = v.filter.to_year {
        pairs.push(("to", y.to_string()));
    }
    if let Some((a, b)) = v.filter.dates {
        pairs.push(("start", a.to_string()));
        pairs.push(("end", b.to_string()));
    }
    pairs.extend(v.filter.categories.iter().map(|c| ("category", c.slug().to_string())));
    pairs.extend(v.filter.actors.iter().map(|a| ("actor", a.clone())));
    pairs.extend(v.filter.chains.iter().map(|c| ("chain", c.clone())));
    pairs.extend(v.filter.confidence.iter().map(|c| ("confidence", c.slug().to_string())));
    if !v.filter.text.trim().is_empty() {
        pairs.push(("q", v.filter.text.clone()));
    }
    if v.sort != SortKey::default() {
        pairs.push(("sort", v.sort.slug().to_string()));
    }
    if v.ascending {
        pairs.push(("dir", "asc".to_string()));
    }
    if let Some(id) = &v.incident {
        pairs.push(("incident", id.clone()));
    }
    if let Some(id) = &v.flow {
        pairs.push(("flow", id.clone()));
    }
    match v.figures {
        Some(FiguresFor::All) => pairs.push(("figures", "all".to_string())),
        Some(FiguresFor::Year(y)) => pairs.push(("figures", y.to_string())),
        None => {}
    }
    if v.yearly_split {
        pairs.push(("yearly", "split".to_string()));
    }
    if let Some(id) = &v.since {
        pairs.push(("since", id.clone()));
    }
    if let Some(t) = v.theme {
        pairs.push(("theme", t.slug().to_string()));
    }
    if let Some(e) = &v.embed {
        pairs.push(("embed", e.chart.name().to_string()));
        for (on, key) in [(e.plain, "plain"), (e.still, "static"), (e.transparent, "transparent")] {
            if on {
                pairs.push((key, "1".to_string()));
            }
        }
        if let Some(id) = &e.pym_id {
            pairs.push(("childId", id.clone()));
        }
    }
    if let Some(n) = v.present {
        pairs.push(("present", n.to_string()));
    }
    pairs.iter().map(|(k, val)| format!("{k}={}", encode(val))).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &[(&str, &str)]) -> Vec<(String, String)> {
        q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_written_view_reads_back_the_same() {
        let mut v = ViewState::default();
        v.filter.from_year = Some(2022);
        v.filter.to_year = Some(2025);
        v.filter.categories = vec![Category::Bridge, Category::CentralizedExchange];
        v.filter.actors = vec!["TraderTraitor (Lazarus Group)".into()];
        v.filter.confidence = vec![Confidence::Official];
        v.filter.text = "bybit & co".into();
        v.filter.dates = Some((Date::new(2024, 1, 1), Date::new(2024, 6, 30)));
        v.incident = Some("bybit-2025".into());
        v.flow = Some("ronin-2022".into());
        v.yearly_split = true;
        v.since = Some("2026-12-01".into());
        v.figures = Some(FiguresFor::Year(2023));
        v.theme = Some(Theme::Dark);
        v.sort = SortKey::Usd;
        v.ascending = true;
        let query = to_query(&v);
        let (back, notices) = parse(&query_pairs(&query));
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, v);
    }

    #[test]
    fn malformed_and_unknown_parameters_are_ignored_with_a_notice() {
        let cases: [(&[(&str, &str)], &str); 10] = [
            (&[("from", "twenty")], "Ignored from=twenty"),
            (&[("to", "1999")], "Ignored to=1999"),
            (&[("category", "bank")], "Ignored category=bank"),
            (&[("confidence", "maybe")], "Ignored confidence=maybe"),
            (&[("start", "2024-02-30"), ("end", "2024-03-01")], "Ignored start=2024-02-30"),
            (&[("start", "2024-05-01"), ("end", "2024-03-01")], "ends before it starts"),
            (&[("from", "2025"), ("to", "2022")], "ends before it starts"),
            (&[("colour", "red")], "Ignored unknown parameter colour=red"),
            (&[("sort", "size")], "Ignored sort=size"),
            (&[("since", "../../etc")], "Ignored since=../../etc"),
        ];
        for (query, want) in cases {
            let (v, notices) = parse(&pairs(query));
            assert!(notices.iter().any(|n| n.contains(want)), "{query:?}: {notices:?}");
            assert_eq!(v.filter, Filter::default(), "{query:?} must not filter anything");
        }
    }

    #[test]
    fn values_the_dataset_does_not_know_are_dropped_with_a_notice() {
        let data: Dataset = serde_json::from_str(include_str!("../tests/fixtures/minimal.json"))
            .unwrap_or_else(|e| panic!("{e}"));
        let (v, _) = parse(&pairs(&[
            ("actor", "Nobody"),
            ("chain", "Ethereum"),
            ("incident", "nope"),
            ("flow", "gamma-2025"),
        ]));
        let (v, notices) = reconcile(v, &data);
        assert!(v.filter.actors.is_empty() && v.incident.is_none() && v.flow.is_none());
        assert_eq!(v.filter.chains, vec!["Ethereum".to_string()]);
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    #[test]
    fn a_release_to_compare_with_must_be_another_release_of_the_change_log() {
        let data: Dataset = serde_json::from_str(include_str!("../tests/fixtures/minimal.json"))
            .unwrap_or_else(|e| panic!("{e}"));
        let current = data.release.id.clone();
        for (since, kept, why) in [
            (current.as_str(), false, "it is the release on screen"),
            ("1999-01-01", false, "names no such release"),
        ] {
            let (v, _) = parse(&pairs(&[("since", since)]));
            let (v, notices) = reconcile(v, &data);
            assert_eq!(v.since.is_some(), kept, "{since}");
            assert!(notices.iter().any(|n| n.contains(why)), "{since}: {notices:?}");
        }
    }

    #[test]
    fn query_strings_decode_escapes_plus_and_malformed_input() {
        let cases: [(&str, &[(&str, &str)]); 5] = [
            ("?from=2024&q=bybit%20%26%20co", &[("from", "2024"), ("q", "bybit & co")]),
            ("q=a+b", &[("q", "a b")]),
            ("q=100%", &[("q", "100%")]),
            ("?embed&&theme=dark", &[("embed", ""), ("theme", "dark")]),
            ("q=%C3%A9%ZZ", &[("q", "é%ZZ")]),
        ];
        for (query, want) in cases {
            let got = query_pairs(query);
            let want: Vec<(String, String)> =
                want.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            assert_eq!(got, want, "{query}");
        }
    }

    #[test]
    fn notices_are_cut_short_and_repeats_said_once_with_their_count() {
        let long = "x".repeat(10_000);
        let mut q = vec![("colour".to_string(), "red".to_string()); 1000];
        q.push(("incident".to_string(), long.clone()));
        q.push(("q".to_string(), "fine".to_string()));
        q.push(("theme".to_string(), long));
        let (_, notices) = parse(&q);
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert_eq!(notices[0], "Ignored unknown parameter colour=red. (×1000)");
        assert!(notices.iter().all(|n| n.chars().count() <= 170), "no notice echoes a long value whole");
    }

    #[test]
    fn encoding_keeps_unreserved_characters_only() {
        assert_eq!(encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(encode("bybit-2025"), "bybit-2025");
    }
}
