//! The rules every parameter is read under, by the address and by every control alike
//! ([`Draft`]), and the two ways in: [`parse`] (an address) and [`apply`] (a control).

use crate::lang::Locale;
use crate::model::{Category, Confidence, Date};
use crate::view::notices::tidy_notices;
use crate::view::state::{ChartKind, Embed, FiguresFor, SortKey, Theme, ViewState};

/// A view being changed parameter by parameter, under the URL's rules: the address parser
/// feeds it every query pair, and every control on the page feeds it what the reader chose,
/// so a value the address would refuse is refused from a control too, in the same words.
/// Rules that join two parameters (a date range needs both ends, a year range must not end
/// before it starts, the embed flags need an embed) are settled by [`Draft::finish`].
#[derive(Debug, Clone, Default)]
pub struct Draft {
    view: ViewState,
    start: Option<Date>,
    end: Option<Date>,
    flags: Vec<(String, bool)>,
    pym_id: Option<String>,
    notices: Vec<String>,
}

impl Draft {
    /// A draft starting from `view` (its date range and embed flags included).
    pub fn from_view(view: &ViewState) -> Draft {
        let (start, end) = view.filter.dates.map_or((None, None), |(a, b)| (Some(a), Some(b)));
        let mut flags = Vec::new();
        let mut pym_id = None;
        if let Some(e) = &view.embed {
            flags = vec![
                ("plain".into(), e.plain),
                ("static".into(), e.still),
                ("transparent".into(), e.transparent),
            ];
            pym_id = e.pym_id.clone();
        }
        Draft { view: view.clone(), start, end, flags, pym_id, notices: Vec::new() }
    }

    /// Sets one parameter from its URL spelling: a repeatable one (`category`, `actor`,
    /// `chain`, `confidence`) adds the value, any other replaces it. A value the rules
    /// refuse changes nothing and leaves a notice saying which and why.
    pub fn apply(&mut self, key: &str, value: &str) {
        let value = value.trim();
        if let Err(why) = self.set(key, value) {
            self.notices.push(why);
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let v = &mut self.view;
        match key {
            "from" => v.filter.from_year = Some(year(key, value)?),
            "to" => v.filter.to_year = Some(year(key, value)?),
            "category" => {
                let c = Category::from_slug(value)
                    .ok_or_else(|| format!("Ignored category={value}: not a victim category."))?;
                add(&mut v.filter.categories, c);
            }
            "confidence" => {
                let c = Confidence::from_slug(value)
                    .ok_or_else(|| format!("Ignored confidence={value}: use official, firm or suspected."))?;
                add(&mut v.filter.confidence, c);
            }
            "actor" if !value.is_empty() => add(&mut v.filter.actors, value.to_string()),
            "chain" if !value.is_empty() => add(&mut v.filter.chains, value.to_string()),
            "q" => v.filter.text = value.to_string(),
            "start" | "end" => {
                let d = Date::parse(value).map_err(|e| format!("Ignored {key}={value}: {e}."))?;
                *(if key == "start" { &mut self.start } else { &mut self.end }) = Some(d);
            }
            "incident" if !value.is_empty() => v.incident = Some(value.to_string()),
            "figures" if value == "all" => v.figures = Some(FiguresFor::All),
            "figures" => v.figures = Some(FiguresFor::Year(year(key, value)?)),
            "flow" if !value.is_empty() => v.flow = Some(value.to_string()),
            "yearly" if value == "split" => v.yearly_split = true,
            "yearly" if value.is_empty() || value == "all" => v.yearly_split = false,
            "yearly" => return Err(format!("Ignored yearly={value}: use yearly=split.")),
            "data" if !value.is_empty() => v.data = Some(value.to_string()),
            "since" if !value.is_empty() => {
                v.since = Some(release_id(value).ok_or_else(|| {
                    format!("Ignored since={value}: not a release id (such as 2026-12-01).")
                })?)
            }
            // `auto` is the system's choice, which is also what no theme means.
            "theme" if value == "auto" => v.theme = None,
            "theme" => {
                v.theme = Some(
                    Theme::from_slug(value)
                        .ok_or_else(|| format!("Ignored theme={value}: use light, dark or auto."))?,
                )
            }
            "lang" => {
                v.lang = Some(
                    Locale::parse(value)
                        .ok_or_else(|| format!("Ignored lang={value}: use en, ko, ja, fr, de or it."))?,
                )
            }
            "embed" => v.embed = Some(Embed::of(embed_chart(value)?)),
            "plain" | "static" | "transparent" => {
                let on = flag(key, value)?;
                self.flags.retain(|(k, _)| k != key);
                self.flags.push((key.to_string(), on));
            }
            // Pym.js adds these to the address of every frame it makes; the id names the
            // frame in height messages, the rest is for the host's own use.
            "childId" if !value.is_empty() => self.pym_id = Some(value.to_string()),
            "initialWidth" | "parentTitle" | "parentUrl" | "childId" => {}
            "present" => {
                // A slide number out of range still opens briefing mode, at the first slide.
                let n = slide(value);
                v.present = Some(*n.as_ref().unwrap_or(&1));
                n?;
            }
            "sort" => {
                v.sort = SortKey::from_slug(value)
                    .ok_or_else(|| format!("Ignored sort={value}: not a table column."))?
            }
            "dir" if value == "asc" => v.ascending = true,
            "dir" if value == "desc" => v.ascending = false,
            "dir" => return Err(format!("Ignored dir={value}: use asc or desc.")),
            // An empty actor, chain, incident, flow, data or since names nothing: it clears.
            "actor" | "chain" | "incident" | "flow" | "data" | "since" => self.clear(key),
            _ => return Err(format!("Ignored unknown parameter {key}={value}.")),
        }
        Ok(())
    }

    /// Drops a parameter and every value it held (a control set back to "all").
    pub fn clear(&mut self, key: &str) {
        let v = &mut self.view;
        match key {
            "from" => v.filter.from_year = None,
            "to" => v.filter.to_year = None,
            "category" => v.filter.categories.clear(),
            "confidence" => v.filter.confidence.clear(),
            "actor" => v.filter.actors.clear(),
            "chain" => v.filter.chains.clear(),
            "q" => v.filter.text.clear(),
            "start" => self.start = None,
            "end" => self.end = None,
            "incident" => v.incident = None,
            "figures" => v.figures = None,
            "flow" => v.flow = None,
            "yearly" => v.yearly_split = false,
            "data" => v.data = None,
            "since" => v.since = None,
            "theme" => v.theme = None,
            "lang" => v.lang = None,
            "embed" => v.embed = None,
            "present" => v.present = None,
            "sort" => v.sort = SortKey::default(),
            "dir" => v.ascending = false,
            _ => {}
        }
    }

    /// The view, once the rules joining two parameters are settled, and every notice.
    pub fn finish(mut self) -> (ViewState, Vec<String>) {
        let v = &mut self.view;
        match v.embed.as_mut() {
            Some(e) => {
                for (key, on) in &self.flags {
                    match key.as_str() {
                        "plain" => e.plain = *on,
                        "static" => e.still = *on,
                        _ => e.transparent = *on,
                    }
                }
                e.pym_id = self.pym_id;
            }
            None => {
                for (key, _) in &self.flags {
                    self.notices.push(format!(
                        "Ignored {key}: it applies to an embed (add embed=yearly, timeline, flows or figures)."
                    ));
                }
            }
        }
        v.filter.dates = None;
        match (self.start, self.end) {
            (Some(a), Some(b)) if a <= b => v.filter.dates = Some((a, b)),
            (Some(a), Some(b)) => {
                self.notices.push(format!("Ignored the date range {a} to {b}: it ends before it starts."))
            }
            (Some(_), None) | (None, Some(_)) => {
                self.notices.push("Ignored the date range: it needs both start and end.".to_string())
            }
            (None, None) => {}
        }
        if let (Some(a), Some(b)) = (v.filter.from_year, v.filter.to_year) {
            if a > b {
                self.notices.push(format!("Ignored from={a} and to={b}: the range ends before it starts."));
                v.filter.from_year = None;
                v.filter.to_year = None;
            }
        }
        (self.view, tidy_notices(self.notices))
    }
}

/// Adds `item` to a list that holds each value once.
fn add<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn year(key: &str, value: &str) -> Result<i32, String> {
    match value.parse::<i32>() {
        Ok(y) if (2009..=2100).contains(&y) => Ok(y),
        _ => Err(format!("Ignored {key}={value}: not a year between 2009 and 2100.")),
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
fn flag(key: &str, value: &str) -> Result<bool, String> {
    match value {
        "" | "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(format!("Ignored {key}={value}: use {key}, {key}=1 or {key}=0.")),
    }
}

/// The chart an `embed` value names; the first embed spelling (`?embed=1`) showed the
/// charts alone: the first chart now.
fn embed_chart(value: &str) -> Result<ChartKind, String> {
    match value {
        "" | "1" | "true" | "yes" => Ok(ChartKind::Yearly),
        _ => ChartKind::from_name(value)
            .ok_or_else(|| format!("Ignored embed={value}: use yearly, timeline, flows or figures.")),
    }
}

/// The slide a `present` value names (alone: the first). A number out of range still opens
/// briefing mode, at the first slide, with a notice.
fn slide(value: &str) -> Result<usize, String> {
    match value {
        "" | "1" | "true" | "yes" => Ok(1),
        _ => match value.parse::<usize>() {
            Ok(n) if (1..=ChartKind::ALL.len()).contains(&n) => Ok(n),
            _ => Err(format!("Ignored present={value}: slides are numbered 1 to {}.", ChartKind::ALL.len())),
        },
    }
}

/// Reads a view from query pairs (already percent-decoded), through [`Draft::apply`].
/// Anything unknown or malformed is skipped, and a notice says what and why.
pub fn parse(pairs: &[(String, String)]) -> (ViewState, Vec<String>) {
    let mut draft = Draft::default();
    for (key, value) in pairs {
        draft.apply(key, value);
    }
    draft.finish()
}

/// What a control on the page does: sets each parameter to its values (replacing what it
/// held; no values clears it), under the same rules as the address ([`Draft::apply`]).
/// Returns the new view and a notice for anything refused.
pub fn apply(view: &ViewState, changes: &[(&str, &[&str])]) -> (ViewState, Vec<String>) {
    let mut draft = Draft::from_view(view);
    for (key, values) in changes {
        draft.clear(key);
        for value in *values {
            draft.apply(key, value);
        }
    }
    draft.finish()
}
