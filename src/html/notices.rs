//! The notices about the address in the reader's words (issue 17): the view (layer 2) says
//! what it could not keep as a [`Notice`], and only here does a notice become words, in the
//! locale in force, so the same refusal reads the same wherever it comes from and in
//! whichever language the page speaks.

use crate::phrase::{self, fill, t};
use crate::view::{ChartKind, Notice, MAX_NOTICES};

/// The notice in the words in force: the one place they are written. The values the reader
/// gave (a key, a value, a release id, a year) are quoted as given, never translated.
pub fn notice(n: &Notice) -> String {
    match n {
        Notice::UnknownParameter { key, value } => {
            fill("notice.unknown_parameter", &[("key", key), ("value", value)])
        }
        Notice::NotAYear { key, value } => fill("notice.not_a_year", &[("key", key), ("value", value)]),
        Notice::NotADate { key, value, why } => {
            // The date reader says what is wrong in English; another language says it in
            // its own words, without the detail.
            let why = if phrase::is_english() { why.clone() } else { t("notice.not_a_date_why") };
            fill("notice.not_a_date", &[("key", key), ("value", value), ("why", &why)])
        }
        Notice::NotACategory(v) => fill("notice.not_a_category", &[("value", v)]),
        Notice::NotAConfidence(v) => fill("notice.not_a_confidence", &[("value", v)]),
        Notice::NotAYearlyMode(v) => fill("notice.not_a_yearly_mode", &[("value", v)]),
        Notice::NotAReleaseId(v) => fill("notice.not_a_release_id", &[("value", v)]),
        Notice::NotATheme(v) => fill("notice.not_a_theme", &[("value", v)]),
        Notice::NotALanguage(v) => fill("notice.not_a_language", &[("value", v)]),
        Notice::NotAChart(v) => fill("notice.not_a_chart", &[("value", v)]),
        Notice::NotAFlag { key, value } => fill("notice.not_a_flag", &[("key", key), ("value", value)]),
        Notice::NotASlide(v) => {
            let last = ChartKind::ALL.len().to_string();
            fill("notice.not_a_slide", &[("value", v), ("last", &last)])
        }
        Notice::NotAColumn(v) => fill("notice.not_a_column", &[("value", v)]),
        Notice::NotADirection(v) => fill("notice.not_a_direction", &[("value", v)]),
        Notice::FlagWithoutEmbed(key) => fill("notice.flag_without_embed", &[("key", key)]),
        Notice::DatesReversed(a, b) => {
            // The dates as the reader typed them in the address (ISO), not as prose dates.
            let (a, b) = (a.to_string(), b.to_string());
            fill("notice.dates_reversed", &[("start", &a), ("end", &b)])
        }
        Notice::DatesHalf => t("notice.dates_half"),
        Notice::YearsReversed(a, b) => {
            let (a, b) = (a.to_string(), b.to_string());
            fill("notice.years_reversed", &[("from", &a), ("to", &b)])
        }
        Notice::UnknownActor(v) => fill("notice.unknown_actor", &[("value", v)]),
        Notice::UnknownChain(v) => fill("notice.unknown_chain", &[("value", v)]),
        Notice::UnknownIncident(v) => fill("notice.unknown_incident", &[("value", v)]),
        Notice::SinceOnScreen(v) => fill("notice.since_on_screen", &[("value", v)]),
        Notice::SinceNotInLog(v) => fill("notice.since_not_in_log", &[("value", v)]),
        Notice::UnknownFlow(v) => fill("notice.unknown_flow", &[("value", v)]),
        Notice::SinceNotLoaded { id, why } => fill("notice.since_not_loaded", &[("id", id), ("why", why)]),
        Notice::TextsNotLoaded(why) => fill("texts.not_loaded", &[("why", why)]),
    }
}

/// Notices as a reader can take them in, in the words in force: each cut to 160 characters
/// (a parameter can be thousands long), a notice repeated (a parameter given a thousand
/// times) said once with its count, and at most [`MAX_NOTICES`] lines, the last counting
/// the rest. Notices that read the same once cut count as one (their words are what the
/// reader sees).
pub fn tidy(notices: &[Notice]) -> Vec<String> {
    const MAX: usize = 160;
    let cut: Vec<String> = notices
        .iter()
        .map(notice)
        .map(|n| match n.char_indices().nth(MAX) {
            Some((end, _)) => format!("{}…", &n[..end]),
            None => n,
        })
        .collect();
    // Each notice with its count, in the order each first came: sorted to count them (the
    // first of equals keeps its place), then put back in order of arrival.
    let mut order: Vec<usize> = (0..cut.len()).collect();
    crate::sort::by(&mut order, &|&a, &b| cut[a].cmp(&cut[b]).then(a.cmp(&b)));
    let mut firsts: Vec<(usize, usize)> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        match firsts.last_mut() {
            Some((first, count)) if k > 0 && cut[*first] == cut[i] => *count += 1,
            _ => firsts.push((i, 1)),
        }
    }
    crate::sort::by(&mut firsts, &|a, b| a.cmp(b));
    let out: Vec<(&String, usize)> = firsts.iter().map(|&(i, count)| (&cut[i], count)).collect();
    let mut lines: Vec<String> = out
        .iter()
        .map(|(n, count)| {
            if *count > 1 {
                fill("notice.repeated", &[("notice", n), ("count", &phrase::integer(*count as i64))])
            } else {
                n.to_string()
            }
        })
        .collect();
    if lines.len() > MAX_NOTICES {
        let rest: usize = out[MAX_NOTICES - 1..].iter().map(|(_, count)| count).sum();
        lines.truncate(MAX_NOTICES - 1);
        lines.push(fill("notice.more", &[("count", &phrase::integer(rest as i64))]));
    }
    lines
}
