//! After the theft: who froze, seized, recovered or refused to act on stolen money
//! ([`Cooperation`]), and how a flow's traceable, untraceable, frozen and recovered split
//! was published over time ([`StatusPoint`]). Part of the published schema (version 3).

use serde::Serialize;

use crate::date::Date;

/// What an actor did with money stolen in a theft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum CooperationKind {
    /// Held where it sat: a blacklisted stablecoin address, a frozen exchange account, a
    /// bridge or chain moving funds out of the thief's reach. Not returned by itself.
    Freeze,
    /// Taken by a government or a court (a seizure, a forfeiture complaint or order).
    Seizure,
    /// Taken back from the thieves (clawed back, handed back, recovered by the victim).
    Recovery,
    /// Asked or able to act, and did not (a published refusal or a reverted vote).
    Refusal,
}

impl CooperationKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [CooperationKind; 4] = [
        CooperationKind::Freeze,
        CooperationKind::Seizure,
        CooperationKind::Recovery,
        CooperationKind::Refusal,
    ];

    /// The slug used in the JSON, on marks (`data-kind`) and in CSV.
    pub fn slug(self) -> &'static str {
        match self {
            CooperationKind::Freeze => "freeze",
            CooperationKind::Seizure => "seizure",
            CooperationKind::Recovery => "recovery",
            CooperationKind::Refusal => "refusal",
        }
    }

    /// True for an action that held or took money (everything but a refusal).
    pub(crate) fn holds_money(self) -> bool {
        self != CooperationKind::Refusal
    }
}

/// Who acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum ActorKind {
    /// A stablecoin or token issuer (Tether, Circle, ...).
    Issuer,
    /// A centralised exchange or swap service.
    Exchange,
    /// A bridge or a chain's own governance (Avalanche, Arbitrum's Security Council).
    Bridge,
    /// A decentralised protocol or its developers (mETH Protocol, THORChain's nodes).
    Protocol,
    /// A government body (FBI, DOJ, a police agency, prosecutors).
    Government,
    /// A court, or a party acting through one.
    Court,
    /// Anyone else, or an actor the sources do not name.
    Other,
}

impl ActorKind {
    /// Every kind, in schema order.
    pub const ALL: [ActorKind; 7] = [
        ActorKind::Issuer,
        ActorKind::Exchange,
        ActorKind::Bridge,
        ActorKind::Protocol,
        ActorKind::Government,
        ActorKind::Court,
        ActorKind::Other,
    ];

    /// The slug used in the JSON and in CSV.
    pub fn slug(self) -> &'static str {
        match self {
            ActorKind::Issuer => "issuer",
            ActorKind::Exchange => "exchange",
            ActorKind::Bridge => "bridge",
            ActorKind::Protocol => "protocol",
            ActorKind::Government => "government",
            ActorKind::Court => "court",
            ActorKind::Other => "other",
        }
    }
}

/// What a record's date is: the day the thing happened, or the day a source reported it
/// (when no source read gives the day it happened; `date_note` then says what is known).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum DateBasis {
    /// The day it happened.
    #[default]
    Event,
    /// The day it was reported; it happened on or before.
    Report,
}

impl DateBasis {
    /// Every basis, in the schema's order.
    pub const ALL: [DateBasis; 2] = [DateBasis::Event, DateBasis::Report];

    /// The slug used in the JSON and in CSV.
    pub fn slug(self) -> &'static str {
        match self {
            DateBasis::Event => "event",
            DateBasis::Report => "report",
        }
    }

    /// For `skip_serializing_if`: the default is left out.
    pub(crate) fn is_event(&self) -> bool {
        *self == DateBasis::Event
    }
}

/// For `skip_serializing_if`: omit a `false` flag.
fn is_false(b: &bool) -> bool {
    !*b
}

/// A freeze, seizure, recovery or refusal after a theft: who acted, when, on how much, and
/// whether the money is reported to have reached the victim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cooperation {
    /// Stable slug.
    pub id: String,
    /// The day it happened (UTC), or the day it was reported (`date_basis`).
    pub date: Date,
    /// Whether `date` is the day it happened or the day it was reported.
    #[serde(default, skip_serializing_if = "DateBasis::is_event")]
    pub date_basis: DateBasis,
    /// What the sources say about the timing, when the date is approximate or reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// Who acted (Tether, Binance, the FBI, ...).
    pub actor: String,
    /// What kind of actor.
    pub actor_kind: ActorKind,
    /// Ids of the thefts the money came from. Empty when the sources tie it to no single
    /// theft in the dataset (`note` then says what it is tied to).
    #[serde(default)]
    pub incidents: Vec<String>,
    /// Freeze, seizure, recovery or refusal.
    pub kind: CooperationKind,
    /// US dollars held, taken or returned, where a source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<f64>,
    /// True when the source gives a floor ("more than $1.5M").
    #[serde(default, skip_serializing_if = "is_false")]
    pub floor: bool,
    /// True only when a source says the money reached the victim (or the victim itself got
    /// it back). A freeze or seizure without it is held, not returned.
    #[serde(default, skip_serializing_if = "is_false")]
    pub returned: bool,
    /// Id of another event whose amount already includes this one's money (Binance's
    /// $5.8M inside the US seizure of Ronin funds): counted once, there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// Id of the enforcement action that is the same event, when the dataset also lists it
    /// among enforcement actions (a government seizure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforcement: Option<String>,
    /// How long after the theft it came, in the source's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// The same in hours, where a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_hours: Option<f64>,
    /// One or two sentences on what happened.
    pub summary: String,
    /// Caveats: disputed amounts, double counting, why no single theft is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of the [`crate::model::Source`]s, the one quoted first.
    pub sources: Vec<String>,
    /// The first source's words supporting the record, verbatim.
    pub quote: String,
}

/// One stage of a published split (converted to BTC, through anonymous exchanges, ...).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct StatusStage {
    /// What the stage is, in words.
    pub label: String,
    /// Its share of the stolen funds, as the source states it (0 to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// Its US dollars, as the source states them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<f64>,
}

/// A flow's split as published on one day: how much of the stolen money was still
/// traceable, gone dark, frozen or recovered, as shares and dollars where stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct StatusPoint {
    /// The day the split was published (or is of).
    pub date: Date,
    /// Whether `date` is the day of the split or the day it was reported.
    #[serde(default, skip_serializing_if = "DateBasis::is_event")]
    pub date_basis: DateBasis,
    /// What the sources say about the timing, when needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// Share still traceable (0 to 1), as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traceable: Option<f64>,
    /// Share gone dark (mixed, bridged, cashed out), as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub untraceable: Option<f64>,
    /// Share frozen or seized (held, not returned), as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen: Option<f64>,
    /// Share recovered (back with the victim), as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovered: Option<f64>,
    /// Dollars still traceable, as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) traceable_usd: Option<f64>,
    /// Dollars gone dark, as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) untraceable_usd: Option<f64>,
    /// Dollars frozen or seized, as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) frozen_usd: Option<f64>,
    /// Dollars recovered, as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovered_usd: Option<f64>,
    /// Route stages the source gives the same day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StatusStage>,
    /// What the shares are of ("about 499,000 ETH, Ben Zhou's basis").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Caveats (how a figure was reached, what it leaves out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of the [`crate::model::Source`]s, the one quoted first.
    pub sources: Vec<String>,
    /// The first source's words giving the split, verbatim.
    pub quote: String,
}

/// The four measures of a split, in the order tables and charts show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusMeasure {
    /// Still traceable.
    Traceable,
    /// Gone dark.
    Untraceable,
    /// Frozen or seized.
    Frozen,
    /// Recovered.
    Recovered,
}

impl StatusMeasure {
    /// Every measure, in order.
    pub const ALL: [StatusMeasure; 4] = [
        StatusMeasure::Traceable,
        StatusMeasure::Untraceable,
        StatusMeasure::Frozen,
        StatusMeasure::Recovered,
    ];

    /// The field name in the JSON and the CSV column.
    pub fn slug(self) -> &'static str {
        match self {
            StatusMeasure::Traceable => "traceable",
            StatusMeasure::Untraceable => "untraceable",
            StatusMeasure::Frozen => "frozen",
            StatusMeasure::Recovered => "recovered",
        }
    }
}

impl StatusPoint {
    /// The stated share of a measure.
    pub fn share(&self, m: StatusMeasure) -> Option<f64> {
        match m {
            StatusMeasure::Traceable => self.traceable,
            StatusMeasure::Untraceable => self.untraceable,
            StatusMeasure::Frozen => self.frozen,
            StatusMeasure::Recovered => self.recovered,
        }
    }

    /// The stated dollars of a measure.
    pub fn usd(&self, m: StatusMeasure) -> Option<f64> {
        match m {
            StatusMeasure::Traceable => self.traceable_usd,
            StatusMeasure::Untraceable => self.untraceable_usd,
            StatusMeasure::Frozen => self.frozen_usd,
            StatusMeasure::Recovered => self.recovered_usd,
        }
    }
}
