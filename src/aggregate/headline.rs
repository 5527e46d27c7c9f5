//! The headline figures (count, total, largest, a publisher's DPRK share) and the
//! incident table's order.

use std::collections::HashMap;

use crate::aggregate::published::Window;
use crate::aggregate::yearly::{latest_reported, publisher_order, ReportedMark};
use crate::model::{Dataset, FigureNature, Incident, ReportedTotal};
use crate::view::SortKey;

/// Sorts incidents for the table by a column, ties broken by date then id so the order is
/// stable. Victims sort without regard to case, each name folded once.
pub fn sort_incidents(list: &mut [&Incident], key: SortKey, ascending: bool) {
    let folded: Vec<String> = if key == SortKey::Victim {
        list.iter().map(|i| crate::text::fold_case(&i.victim)).collect()
    } else {
        Vec::new()
    };
    let mut keyed: Vec<(usize, &Incident)> = list.iter().copied().enumerate().collect();
    crate::sort::by(&mut keyed, &|&(ka, a), &(kb, b)| {
        let primary = match key {
            SortKey::Date => a.date.cmp(&b.date),
            SortKey::Victim => folded[ka].cmp(&folded[kb]),
            SortKey::Category => a.category.label().cmp(b.category.label()),
            SortKey::Usd => a.usd.total_cmp(&b.usd),
            SortKey::Actor => a.actor.cmp(&b.actor),
            SortKey::Confidence => a.attribution.confidence.cmp(&b.attribution.confidence),
        };
        let ordered = primary.then_with(|| a.date.cmp(&b.date)).then_with(|| a.id.cmp(&b.id));
        if ascending {
            ordered
        } else {
            ordered.reverse()
        }
    });
    for (slot, (_, incident)) in list.iter_mut().zip(keyed) {
        *slot = incident;
    }
}

/// The largest incident by amount; **on a tie, the one whose id sorts first**, so the
/// headline, the chart captions and the briefing slides name the same theft whatever order
/// the list is in. `None` for an empty list.
pub fn largest<'a>(incidents: &[&'a Incident]) -> Option<&'a Incident> {
    largest_by(incidents, |i| (i.usd, i.id.as_str()))
}

/// The largest of `items` by the amount `key` gives with each item's id; on a tie of
/// amounts the one whose id sorts first ([`largest`]'s rule, for any record with an amount
/// and an id, such as a timeline point).
pub fn largest_by<'a, T>(items: &[&'a T], key: impl Fn(&T) -> (f64, &str)) -> Option<&'a T> {
    items.iter().copied().max_by(|a, b| {
        let ((ua, ia), (ub, ib)) = (key(a), key(b));
        // The earlier id counts as the larger, so `max_by` keeps it.
        ua.total_cmp(&ub).then_with(|| ib.cmp(ia))
    })
}

/// Headline figures for the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Sum of the kept incidents.
    pub(crate) total_usd: f64,
    /// How many.
    pub count: usize,
    /// The largest kept incident's id.
    pub largest: Option<String>,
    /// DPRK share of all crypto theft, from one publisher that gives both figures.
    pub(crate) dprk_share: Option<Share>,
}

/// North Korea's share of all crypto theft for one year, from one publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// DPRK-linked theft's share of theft by all actors.
    pub share: f64,
    /// Who published the figures.
    pub publisher: String,
    /// The year it is for: a share is only shown for one year, as a publisher gave it
    /// (a blend of several years' shares is a figure no one published).
    pub year: i32,
    /// The window of the figure, as data: the phrasing layer writes it ("2024",
    /// "1 Jan 2024 – 19 Dec 2024", "2024년").
    pub window: Window,
    /// Id of the reported total it comes from.
    pub total: String,
    /// True when the publisher stated the share itself; otherwise it is worked out from
    /// the publisher's two dollar figures, and `basis` says so.
    pub stated: bool,
    /// How a share that was not stated was worked out: the publisher's DPRK figure and its
    /// figure for all actors, in dollars (the phrasing layer says it in words).
    pub basis: Option<(f64, f64)>,
}

/// The share for one year: from the publishers' latest figures for it (full-year ones
/// first, then in legend order), the first that states a share, else the first that gives
/// theft by all actors (a derived share). Its window goes with it.
fn share_for(data: &Dataset, year: i32) -> Option<Share> {
    let marks = latest_reported(&data.reported_totals, (year, year));
    let by_id: HashMap<&str, &ReportedTotal> =
        data.reported_totals.iter().map(|t| (t.id.as_str(), t)).collect();
    let order = publisher_order(marks.iter().map(|m| m.publisher.as_str()));
    let mut candidates: Vec<&ReportedMark> =
        marks.iter().filter(|m| m.nature != FigureNature::Derived).collect();
    let key =
        |m: &ReportedMark| (m.nature != FigureNature::FullYear, order.iter().position(|p| *p == m.publisher));
    crate::sort::by(&mut candidates, &|a, b| key(a).cmp(&key(b)));
    let totals: Vec<&ReportedTotal> =
        candidates.iter().filter_map(|m| by_id.get(m.id.as_str()).copied()).collect();
    let stated = totals.iter().find_map(|t| {
        t.stated_share.map(|share| Share {
            share,
            publisher: t.publisher.clone(),
            year,
            window: Window::of(t),
            total: t.id.clone(),
            stated: true,
            basis: None,
        })
    });
    stated.or_else(|| {
        totals.iter().find_map(|t| {
            let all = t.all_actors_usd.filter(|a| *a > 0.0)?;
            Some(Share {
                share: t.usd / all,
                publisher: t.publisher.clone(),
                year,
                window: Window::of(t),
                total: t.id.clone(),
                stated: false,
                basis: Some((t.usd, all)),
            })
        })
    })
}

/// Computes the headline for the kept incidents over a span of years. The share is the
/// latest year's in the span that has one.
pub fn headline(data: &Dataset, incidents: &[&Incident], span: (i32, i32)) -> Headline {
    let share = (span.0..=span.1).rev().find_map(|year| share_for(data, year));
    Headline {
        total_usd: incidents.iter().map(|i| i.usd).sum(),
        count: incidents.len(),
        largest: largest(incidents).map(|i| i.id.clone()),
        dprk_share: share,
    }
}
