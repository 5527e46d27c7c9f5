//! A flow's laundering status over time: every published split of the stolen money by date,
//! as rows a table and a set of small bars can show, each with its source. Where a source
//! gives dollars but no share, the share of the theft is worked out and marked derived.

use crate::model::{Dataset, Date, DateBasis, StatusMeasure, StatusPoint};

/// One measure of a split: the share as stated, or derived from stated dollars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Measure {
    /// Share of the stolen money (0 to 1), when stated or derivable.
    pub share: Option<f64>,
    /// True when the share is worked out from dollars and the theft value, not stated.
    pub derived: bool,
    /// Dollars, as stated.
    pub usd: Option<f64>,
}

/// One published split.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its date.
    pub date: Date,
    /// True when the date is the day it was reported.
    pub reported: bool,
    /// What the sources say about the timing.
    pub date_note: Option<String>,
    /// Traceable, untraceable, frozen, recovered, in [`StatusMeasure::ALL`] order.
    pub(crate) measures: [Measure; 4],
    /// Route stages the same day: (label, share, dollars).
    pub stages: Vec<(String, Option<f64>, Option<f64>)>,
    /// What the shares are of.
    pub basis: Option<String>,
    /// Caveats.
    pub note: Option<String>,
    /// Source ids, the quoted one first.
    pub sources: Vec<String>,
    /// The first source's words.
    pub quote: String,
    /// True when this is the split the flow chart draws (its `split_date`).
    pub drawn: bool,
}

/// A flow's splits over time.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowStatus {
    /// The incident.
    pub incident: String,
    /// Its victim.
    pub victim: String,
    /// The theft value derived shares are of.
    pub theft_usd: f64,
    /// Oldest first.
    pub rows: Vec<Row>,
}

/// The status history of an incident's flow, when its flow has one.
pub fn flow_status(data: &Dataset, incident: &str) -> Option<FlowStatus> {
    let flow = data.flow_for(incident).filter(|f| !f.status.is_empty())?;
    let victim = data.incident(incident).map_or(incident.to_string(), |i| i.victim.clone());
    let rows = flow.status.iter().map(|p| row(p, flow.theft_usd, flow.split_date)).collect();
    Some(FlowStatus { incident: incident.to_string(), victim, theft_usd: flow.theft_usd, rows })
}

fn row(p: &StatusPoint, theft_usd: f64, split_date: Option<Date>) -> Row {
    let measure = |m: StatusMeasure| {
        let usd = p.usd(m);
        match (p.share(m), usd) {
            (Some(share), _) => Measure { share: Some(share), derived: false, usd },
            (None, Some(d)) if theft_usd > 0.0 => {
                Measure { share: Some((d / theft_usd).min(1.0)), derived: true, usd }
            }
            (None, _) => Measure { share: None, derived: false, usd },
        }
    };
    Row {
        date: p.date,
        reported: p.date_basis == DateBasis::Report,
        date_note: p.date_note.clone(),
        measures: StatusMeasure::ALL.map(measure),
        stages: p.stages.iter().map(|s| (s.label.clone(), s.share, s.usd)).collect(),
        basis: p.basis.clone(),
        note: p.note.clone(),
        sources: p.sources.clone(),
        quote: p.quote.clone(),
        drawn: split_date == Some(p.date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StatusStage;

    fn point(date: Date) -> StatusPoint {
        StatusPoint {
            date,
            date_basis: DateBasis::Event,
            date_note: None,
            traceable: Some(0.7),
            untraceable: None,
            frozen: None,
            recovered: None,
            traceable_usd: None,
            untraceable_usd: Some(50.0e6),
            frozen_usd: None,
            recovered_usd: None,
            stages: vec![StatusStage { label: "Bridged".into(), share: Some(0.1), usd: None }],
            basis: None,
            note: None,
            sources: vec!["s1".into()],
            quote: "q".into(),
        }
    }

    #[test]
    fn a_stated_share_is_kept_and_one_from_dollars_is_marked_derived() {
        let r = row(&point(Date::new(2024, 1, 2)), 200.0e6, Some(Date::new(2024, 1, 2)));
        assert_eq!(r.measures[0], Measure { share: Some(0.7), derived: false, usd: None });
        assert_eq!(r.measures[1], Measure { share: Some(0.25), derived: true, usd: Some(50.0e6) });
        assert_eq!(r.measures[2], Measure { share: None, derived: false, usd: None });
        assert!(r.drawn, "the flow chart draws this day's split");
    }
}
