//! The rules every parameter is read under, by the address and by every control alike
//! ([`Draft`]), and the two ways in: [`parse`] (an address) and [`apply`] (a control).

use crate::lang::Locale;
use crate::model::{Category, Confidence, Date};
use crate::view::notices::Notice;
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
    notices: Vec<Notice>,
}

impl Draft {
    /// A draft starting from `view` (its date range and embed flags included).
    pub(crate) fn from_view(view: &ViewState) -> Draft {
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

    fn set(&mut self, key: &str, value: &str) -> Result<(), Notice> {
        let v = &mut self.view;
        match key {
            "from" => v.filter.from_year = Some(year(key, value)?),
            "to" => v.filter.to_year = Some(year(key, value)?),
            "category" => {
                let c = Category::from_slug(value).ok_or_else(|| Notice::NotACategory(value.to_string()))?;
                add(&mut v.filter.categories, c);
            }
            "confidence" => {
                let c =
                    Confidence::from_slug(value).ok_or_else(|| Notice::NotAConfidence(value.to_string()))?;
                add(&mut v.filter.confidence, c);
            }
            "actor" if !value.is_empty() => add(&mut v.filter.actors, value.to_string()),
            "chain" if !value.is_empty() => add(&mut v.filter.chains, value.to_string()),
            "q" => v.filter.text = value.to_string(),
            "start" | "end" => {
                let d = Date::parse(value).map_err(|why| Notice::NotADate {
                    key: key.to_string(),
                    value: value.to_string(),
                    why,
                })?;
                *(if key == "start" { &mut self.start } else { &mut self.end }) = Some(d);
            }
            "incident" if !value.is_empty() => v.incident = Some(value.to_string()),
            "figures" if value == "all" => v.figures = Some(FiguresFor::All),
            "figures" => v.figures = Some(FiguresFor::Year(year(key, value)?)),
            "flow" if !value.is_empty() => v.flow = Some(value.to_string()),
            "yearly" if value == "split" => v.yearly_split = true,
            "yearly" if value.is_empty() || value == "all" => v.yearly_split = false,
            "yearly" => return Err(Notice::NotAYearlyMode(value.to_string())),
            "data" if !value.is_empty() => v.data = Some(value.to_string()),
            "since" if !value.is_empty() => {
                v.since = Some(release_id(value).ok_or_else(|| Notice::NotAReleaseId(value.to_string()))?)
            }
            // `auto` is the system's choice, which is also what no theme means.
            "theme" if value == "auto" => v.theme = None,
            "theme" => {
                v.theme = Some(Theme::from_slug(value).ok_or_else(|| Notice::NotATheme(value.to_string()))?)
            }
            "lang" => {
                v.lang = Some(Locale::parse(value).ok_or_else(|| Notice::NotALanguage(value.to_string()))?)
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
                v.sort = SortKey::from_slug(value).ok_or_else(|| Notice::NotAColumn(value.to_string()))?
            }
            "dir" if value == "asc" => v.ascending = true,
            "dir" if value == "desc" => v.ascending = false,
            "dir" => return Err(Notice::NotADirection(value.to_string())),
            // An empty actor, chain, incident, flow, data or since names nothing: it clears.
            "actor" | "chain" | "incident" | "flow" | "data" | "since" => self.clear(key),
            _ => return Err(Notice::UnknownParameter { key: key.to_string(), value: value.to_string() }),
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
    pub fn finish(mut self) -> (ViewState, Vec<Notice>) {
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
                    self.notices.push(Notice::FlagWithoutEmbed(key.clone()));
                }
            }
        }
        v.filter.dates = None;
        match (self.start, self.end) {
            (Some(a), Some(b)) if a <= b => v.filter.dates = Some((a, b)),
            (Some(a), Some(b)) => self.notices.push(Notice::DatesReversed(a, b)),
            (Some(_), None) | (None, Some(_)) => self.notices.push(Notice::DatesHalf),
            (None, None) => {}
        }
        if let (Some(a), Some(b)) = (v.filter.from_year, v.filter.to_year) {
            if a > b {
                self.notices.push(Notice::YearsReversed(a, b));
                v.filter.from_year = None;
                v.filter.to_year = None;
            }
        }
        (self.view, self.notices)
    }
}

/// Adds `item` to a list that holds each value once.
fn add<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn year(key: &str, value: &str) -> Result<i32, Notice> {
    match value.parse::<i32>() {
        Ok(y) if (2009..=2100).contains(&y) => Ok(y),
        _ => Err(Notice::NotAYear { key: key.to_string(), value: value.to_string() }),
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
fn flag(key: &str, value: &str) -> Result<bool, Notice> {
    match value {
        "" | "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(Notice::NotAFlag { key: key.to_string(), value: value.to_string() }),
    }
}

/// The chart an `embed` value names; the first embed spelling (`?embed=1`) showed the
/// charts alone: the first chart now.
fn embed_chart(value: &str) -> Result<ChartKind, Notice> {
    match value {
        "" | "1" | "true" | "yes" => Ok(ChartKind::Yearly),
        _ => ChartKind::from_name(value).ok_or_else(|| Notice::NotAChart(value.to_string())),
    }
}

/// The slide a `present` value names (alone: the first). A number out of range still opens
/// briefing mode, at the first slide, with a notice.
fn slide(value: &str) -> Result<usize, Notice> {
    match value {
        "" | "1" | "true" | "yes" => Ok(1),
        _ => match value.parse::<usize>() {
            Ok(n) if (1..=ChartKind::ALL.len()).contains(&n) => Ok(n),
            _ => Err(Notice::NotASlide(value.to_string())),
        },
    }
}

/// Reads a view from query pairs (already percent-decoded), through [`Draft::apply`].
/// Anything unknown or malformed is skipped, and a notice says what and why.
pub fn parse(pairs: &[(String, String)]) -> (ViewState, Vec<Notice>) {
    let mut draft = Draft::default();
    for (key, value) in pairs {
        draft.apply(key, value);
    }
    draft.finish()
}

/// What a control on the page does: sets each parameter to its values (replacing what it
/// held; no values clears it), under the same rules as the address ([`Draft::apply`]).
/// Returns the new view and a notice for anything refused.
pub fn apply(view: &ViewState, changes: &[(&str, &[&str])]) -> (ViewState, Vec<Notice>) {
    let mut draft = Draft::from_view(view);
    for (key, values) in changes {
        draft.clear(key);
        for value in *values {
            draft.apply(key, value);
        }
    }
    draft.finish()
}
