//! The rules for the data's exchange rates ([`Rate`]) and for its per-record translations
//! ([`Translations`]): a rate is positive, believable for its currency, cited and not of a
//! period after the release; a translation is of a known locale, not empty, not older than
//! its English text (by fingerprint) and cites every source its English cites.

use crate::decimal::Shortest;
use std::collections::HashSet;

use super::{at, bracketed_ids, Checker, Problem};
use crate::model::{fingerprint, Dataset, Incident, Translations, TRANSLATION_LOCALES};

/// Every rate: a finite positive value in its currency's plausible range, a period its kind
/// can read and not after the release day, a known source, and one rate per currency, kind
/// and period.
pub(super) fn check_rates(data: &Dataset, sources: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for (index, rate) in data.rates.iter().enumerate() {
        let name = format!("{} {}", rate.currency.slug(), rate.period);
        let mut c = Checker { problems, record: at("rates", index, &name) };
        let (low, high) = rate.currency.plausible();
        if !rate.per_usd.is_finite() || rate.per_usd <= 0.0 {
            c.report(
                "per_usd",
                format!("must be a positive number of units per US dollar, got {}", Shortest(rate.per_usd)),
            );
        } else if !(low..=high).contains(&rate.per_usd) {
            c.report(
                "per_usd",
                format!(
                    "{} per US dollar is outside the plausible {}..{} for {}: a slipped digit, or a rate given the other way round?",
                    Shortest(rate.per_usd),
                    Shortest(low),
                    Shortest(high),
                    rate.currency.slug()
                ),
            );
        }
        match rate.period() {
            Err(e) => c.report("period", e),
            Ok(period) => {
                let first = match period {
                    crate::model::Period::Day(d) => d,
                    crate::model::Period::Year(y) => crate::model::Date::new(y, 1, 1),
                };
                if first > data.release.date {
                    c.report(
                        "period",
                        format!(
                            "{} begins after the release day {}: a rate cannot be known yet",
                            rate.period, data.release.date
                        ),
                    );
                }
                if !seen.insert((rate.currency, rate.kind, period.last_day())) {
                    c.report(
                        "period",
                        format!(
                            "a second {} rate for {}: keep one rate per currency and period",
                            rate.currency.slug(),
                            rate.period
                        ),
                    );
                }
            }
        }
        c.source_ref("source", &rate.source, sources);
        if let Some(note) = &rate.note {
            c.text("note", note);
            c.prose("note", note, sources);
        }
    }
}

/// A record's translations against its English texts, `fields` naming each translatable
/// field and its English (`None` when the record has no such text).
fn check_translations(c: &mut Checker, translations: &Translations, fields: &[(&str, Option<&str>)]) {
    for (locale, translation) in translations {
        let here = format!("translations.{locale}");
        if !TRANSLATION_LOCALES.contains(&locale.as_str()) {
            c.report(
                &here,
                format!("unknown locale \"{locale}\", expected one of {}", TRANSLATION_LOCALES.join(", ")),
            );
            continue;
        }
        if translation.texts.is_empty() {
            c.report(&format!("{here}.texts"), "holds no text: drop the locale or translate a field");
        }
        for (field, text) in &translation.texts {
            let at_field = format!("{here}.texts.{field}");
            let Some(english) = fields.iter().find(|(name, _)| name == field).map(|(_, en)| *en) else {
                let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
                c.report(
                    &at_field,
                    format!("is not a translatable field here; expected one of {}", names.join(", ")),
                );
                continue;
            };
            let Some(english) = english else {
                c.report(
                    &at_field,
                    format!("translates `{field}`, which this record has no English text for"),
                );
                continue;
            };
            if text.text.trim().is_empty() {
                c.report(&format!("{at_field}.text"), "must not be empty");
                continue;
            }
            if !text.is_current(english) {
                let now = fingerprint(english);
                c.report(
                    &format!("{at_field}.en_fingerprint"),
                    format!(
                        "is stale: the English text has changed since this translation was made ({} now, the translation's is {}); translate it again and update the fingerprint",
                        now, text.en_fingerprint
                    ),
                );
            }
            let cited: HashSet<&str> = bracketed_ids(&text.text).into_iter().collect();
            for id in bracketed_ids(english) {
                if !cited.contains(id) {
                    c.report(
                        &format!("{at_field}.text"),
                        format!("drops the citation [{id}] that the English text carries"),
                    );
                }
            }
        }
    }
}

/// An incident's translatable fields and their English (`None` where it has no such text):
/// one list for the translations in the record and those in a texts file beside the dataset.
pub fn incident_fields(i: &Incident) -> [(&'static str, Option<&str>); 4] {
    [
        ("summary", Some(i.summary.as_str())),
        ("amount_note", i.amount_note.as_deref()),
        ("vector_detail", Some(i.vector_detail.as_str())),
        ("attribution_note", i.attribution.note.as_deref()),
    ]
}

/// The problems of `translations` given for incident `i` from outside its record (a texts
/// file beside the dataset, [`crate::load::texts`]), located under `record`: the same rules
/// as for the record's own translations, so the two can never disagree on what is stale.
pub fn incident_translation_problems(
    record: &str,
    i: &Incident,
    translations: &Translations,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut c = Checker { problems: &mut problems, record: record.to_string() };
    check_translations(&mut c, translations, &incident_fields(i));
    problems
}

/// Every record that can carry translations: incidents (summary, amount note, vector detail,
/// attribution note), flow nodes (label) and enforcement actions (title).
pub(super) fn check_all_translations(data: &Dataset, problems: &mut Vec<Problem>) {
    for (index, i) in data.incidents.iter().enumerate() {
        let mut c = Checker { problems, record: at("incidents", index, &i.id) };
        check_translations(&mut c, &i.translations, &incident_fields(i));
    }
    for (index, flow) in data.flows.iter().enumerate() {
        for (k, node) in flow.nodes.iter().enumerate() {
            let record = format!("{}.nodes[{k}]", at("flows", index, &flow.incident));
            let mut c = Checker { problems, record };
            check_translations(&mut c, &node.translations, &[("label", Some(node.label.as_str()))]);
        }
    }
    for (index, e) in data.enforcement.iter().enumerate() {
        let mut c = Checker { problems, record: at("enforcement", index, &e.id) };
        check_translations(&mut c, &e.translations, &[("title", Some(e.title.as_str()))]);
    }
}
