//! The incident dataset's types: what `public/data/incidents.json` holds, and nothing else.
//!
//! These types *are* the schema. `schema/incidents.schema.json` is generated from them
//! (see `tests/schema.rs`), unknown fields and wrong types are rejected by serde, and
//! [`crate::validate`] checks everything a type cannot express.

use serde::Serialize;

pub use crate::date::Date;

mod after;
mod rates;
mod texts;
mod translation;
pub use after::{
    ActorKind, Cooperation, CooperationKind, DateBasis, StatusMeasure, StatusPoint, StatusStage,
};
pub use rates::{convert, Converted, Currency, Period, Rate, RateKind, When};
pub use texts::{FileText, FittedTexts, IncidentText, IncidentTexts};
pub use translation::{
    fingerprint, text_in, TranslatedText, Translation, TranslationMethod, Translations, TRANSLATION_LOCALES,
};

/// The schema version this build writes. Version 3 added the evidence horizon, the
/// publishers' outlook, each source's origin, each flow edge's basis, a flow's split date
/// and sum note, and a publisher's stated share; the rules that need them apply to files of
/// version 3 ([`crate::validate`]).
pub const SCHEMA_VERSION: u32 = 3;

/// The schema versions this build reads: the current one, and version 2 (release 2026-12-01
/// and earlier, which lack the fields version 3 added). A file with another version is
/// refused with a clear message rather than half-understood.
pub const SCHEMA_VERSIONS_READ: [u32; 2] = [2, SCHEMA_VERSION];

/// The whole dataset, as published beside the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dataset {
    /// One of [`SCHEMA_VERSIONS_READ`]; files this build writes carry [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Shown as the dataset's name on the page.
    pub title: String,
    /// The day the data was last checked against its sources.
    pub as_of: Date,
    /// The evidence horizon: the publication day of the newest evidence the maintainers
    /// read for this release. Thefts and figures published after it may be missing, however
    /// recent `as_of` and the release are. Required from schema version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_horizon: Option<Date>,
    /// The release this file is: its id and publication day. Downloads and exported images
    /// carry the id, so a figure in a briefing can be traced to the data it came from.
    pub release: Release,
    /// What each release added, revised and removed, newest first. The current
    /// [`Release`] must have an entry.
    pub changes: Vec<ChangeEntry>,
    /// Free text shown under the dashboard: scope, method, caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Every document the data cites; records refer to these by `id`.
    pub sources: Vec<Source>,
    /// Thefts attributed (officially, by a firm, or suspected) to DPRK-linked actors.
    pub incidents: Vec<Incident>,
    /// Figures published by research firms and official bodies, kept apart from the
    /// incident sum so both can be shown side by side.
    pub reported_totals: Vec<ReportedTotal>,
    /// Laundering flows traced for some incidents.
    #[serde(default)]
    pub flows: Vec<Flow>,
    /// Sanctions, indictments, seizures and advisories tied to the thefts.
    #[serde(default)]
    pub enforcement: Vec<EnforcementEvent>,
    /// Freezes, seizures, recoveries and refusals after the thefts, by exchanges, issuers,
    /// bridges, governments and courts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cooperation: Vec<Cooperation>,
    /// For each publisher of figures: the newest figure read and when the next one is
    /// expected, so a reader sees which figures may already be out of date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlook: Vec<Outlook>,
    /// Won and yen per US dollar, by day or calendar year, each from a cited source: the
    /// only rates a local-currency figure may use ([`convert`]). Optional in version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<Rate>,
    /// Where each source sits in `sources`, made at the first [`Dataset::source`] look-up
    /// (a filter change makes thousands; a scan of every source for each was a tenth of it).
    /// Not data: never written, and equal between any two datasets.
    #[serde(skip)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    pub(crate) source_index: SourceIndex,
}

/// Source ids to their places in [`Dataset::sources`] (the first place of an id given
/// twice), made once when first asked. [`Dataset::source`] checks every answer against the
/// list, so a list changed after the index was made is still answered right.
#[derive(Clone, Default)]
pub(crate) struct SourceIndex(std::sync::OnceLock<std::collections::HashMap<String, usize>>);

impl PartialEq for SourceIndex {
    /// An index is not part of what a dataset says.
    fn eq(&self, _: &SourceIndex) -> bool {
        true
    }
}

impl std::fmt::Debug for SourceIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SourceIndex")
    }
}

/// What a publisher of figures last said, and when it is expected to say more.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Outlook {
    /// The publisher, spelled as in `reported_totals`.
    pub publisher: String,
    /// Id of the newest figure read from it (a [`ReportedTotal`]).
    pub latest: String,
    /// How often it publishes ("an annual review each December to February, a mid-year
    /// update in June or July").
    pub cadence: String,
    /// What is expected next ("its 2026 annual review"), or why nothing can be expected
    /// ("none: the Panel was disbanded in April 2024").
    pub next: String,
    /// First day of the window the next figure is expected in; absent when its timing
    /// cannot be foreseen (with `next_to`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_from: Option<Date>,
    /// Last day of that window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_to: Option<Date>,
    /// How the expectation was reached: the publication days of its past figures, citing
    /// them as `[source-id]`.
    pub basis: String,
}
/// A document the data cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    /// Stable slug that records use to cite this source.
    pub id: String,
    /// The document's title, or a short description of the page where its headline was not
    /// available to the maintainers.
    pub title: String,
    /// Who published it (FBI, Chainalysis, Reuters, ...).
    pub publisher: String,
    /// Publication date, when the document states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where the reader can check it (http or https).
    pub url: String,
    /// Whether this is the originator's own text, a verbatim copy of it, or reporting.
    pub kind: SourceKind,
    /// For a [`SourceKind::Copy`]: whose text it reproduces (e.g. "FBI PSA I-022625-PSA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
    /// Whose text it is: for a primary page its author, for a copy the author of the text it
    /// reproduces, for reporting the outlet. Required from schema version 3; the official
    /// rating rests on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// Whose text a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Origin {
    /// A government body (FBI, Treasury, a ministry, a police agency, the MSMT's members).
    Government,
    /// A court (an indictment, a complaint, a judgment).
    Court,
    /// A United Nations body (the Panel of Experts).
    Un,
    /// A blockchain-analytics or security firm.
    Firm,
    /// The victim (its post-mortem or statement).
    Victim,
    /// A news outlet.
    Media,
    /// An independent investigator.
    Researcher,
    /// Anyone else.
    Other,
}

impl Origin {
    /// Every origin, in the schema's order.
    pub const ALL: [Origin; 8] = [
        Origin::Government,
        Origin::Court,
        Origin::Un,
        Origin::Firm,
        Origin::Victim,
        Origin::Media,
        Origin::Researcher,
        Origin::Other,
    ];

    /// The slug used in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Origin::Government => "government",
            Origin::Court => "court",
            Origin::Un => "un",
            Origin::Firm => "firm",
            Origin::Victim => "victim",
            Origin::Media => "media",
            Origin::Researcher => "researcher",
            Origin::Other => "other",
        }
    }

    /// True for the text of a government, a court or the UN: what an official rating needs.
    pub fn is_official(self) -> bool {
        matches!(self, Origin::Government | Origin::Court | Origin::Un)
    }
}

impl Source {
    /// How strong a citation this source is, strongest 0: government (or court, UN) text
    /// itself, then another originator's own page (a firm's, the victim's), then a verbatim
    /// copy of government text, then another copy, then reporting. Lists cite the strongest
    /// first.
    pub fn strength(&self) -> u8 {
        let official = self.origin.is_some_and(Origin::is_official);
        match (self.kind, official) {
            (SourceKind::Primary, true) => 0,
            (SourceKind::Primary, false) => 1,
            (SourceKind::Copy, true) => 2,
            (SourceKind::Copy, false) => 3,
            (SourceKind::Secondary, _) => 4,
        }
    }
}
/// How close a source is to the text it is cited for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum SourceKind {
    /// The government's, court's, firm's or victim's own page.
    Primary,
    /// A verbatim (full or near-full) reproduction of a primary text on another site; its
    /// `copy_of` says whose text.
    Copy,
    /// News reporting or commentary.
    Secondary,
}

impl SourceKind {
    /// Every kind, closest to the originator first.
    pub const ALL: [SourceKind; 3] = [SourceKind::Primary, SourceKind::Copy, SourceKind::Secondary];

    /// The slug used in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            SourceKind::Primary => "primary",
            SourceKind::Copy => "copy",
            SourceKind::Secondary => "secondary",
        }
    }

    /// Human label shown next to a source link.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Primary => "Primary",
            SourceKind::Copy => "Copy of primary",
            SourceKind::Secondary => "Secondary",
        }
    }

    /// True for the originator's text or a verbatim copy of it.
    pub fn is_primary_or_copy(self) -> bool {
        matches!(self, SourceKind::Primary | SourceKind::Copy)
    }
}

/// A published version of the dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Release {
    /// Release id, the release day as `YYYY-MM-DD` (a suffix such as `.1` for a second
    /// release on one day).
    pub id: String,
    /// The day the release was published.
    pub date: Date,
}

/// What one release changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ChangeEntry {
    /// Id of the [`Release`] these changes went out in.
    pub release: String,
    /// The release day.
    pub date: Date,
    /// A paragraph on the release: what it covers, what was left out and why.
    pub summary: String,
    /// Ids of records (incidents, reported totals, flows by incident id, enforcement
    /// actions) added in this release.
    #[serde(default)]
    pub added: Vec<String>,
    /// Values changed in existing records, each with its reason and source.
    #[serde(default)]
    pub revised: Vec<Revision>,
    /// Records taken out, each with its reason.
    #[serde(default)]
    pub removed: Vec<Removal>,
}

/// One value changed in an existing record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Revision {
    /// Id of the record revised (an incident, reported total, flow's incident, or
    /// enforcement action).
    pub record: String,
    /// The field revised, as a path within the record (`usd`, `attribution.confidence`,
    /// `edges[thorchain]`, ...).
    pub field: String,
    /// The value before, as text.
    pub old: String,
    /// The value after, as text.
    pub new: String,
    /// Why it changed.
    pub why: String,
    /// Id of the [`Source`] that supports the new value.
    pub source: String,
}

/// A record taken out of the dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Removal {
    /// Id of the record removed.
    pub record: String,
    /// Why it was removed.
    pub why: String,
}

/// What kind of service lost the funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Category {
    /// A custodial exchange (Bybit, DMM Bitcoin, WazirX, ...).
    CentralizedExchange,
    /// A cross-chain bridge (Ronin, Harmony Horizon, Orbit, ...).
    Bridge,
    /// A decentralised-finance protocol.
    DefiProtocol,
    /// A wallet provider or its users (Atomic Wallet, ...).
    Wallet,
    /// A crypto payment processor (CoinsPaid, Alphapo, ...).
    PaymentProcessor,
    /// A gaming or gambling platform (Stake.com, ...).
    GamingGambling,
    /// Anything else.
    Other,
}

impl Category {
    /// Every category, in the order charts stack and legends list them.
    pub const ALL: [Category; 7] = [
        Category::CentralizedExchange,
        Category::Bridge,
        Category::DefiProtocol,
        Category::Wallet,
        Category::PaymentProcessor,
        Category::GamingGambling,
        Category::Other,
    ];

    /// Position in [`Category::ALL`], used to index per-category arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The slug used in the JSON and in URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Category::CentralizedExchange => "centralized_exchange",
            Category::Bridge => "bridge",
            Category::DefiProtocol => "defi_protocol",
            Category::Wallet => "wallet",
            Category::PaymentProcessor => "payment_processor",
            Category::GamingGambling => "gaming_gambling",
            Category::Other => "other",
        }
    }

    /// Parses a slug as written in the JSON or a URL.
    pub(crate) fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// Human label for legends and tables.
    pub fn label(self) -> &'static str {
        match self {
            Category::CentralizedExchange => "Centralized exchange",
            Category::Bridge => "Bridge",
            Category::DefiProtocol => "DeFi protocol",
            Category::Wallet => "Wallet",
            Category::PaymentProcessor => "Payment processor",
            Category::GamingGambling => "Gaming / gambling",
            Category::Other => "Other",
        }
    }
}

/// How the attackers got in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Vector {
    /// Signing keys or seed phrases were stolen or misused.
    PrivateKeyCompromise,
    /// Staff were tricked (fake job offers, fake recruiters, phishing).
    SocialEngineering,
    /// A supplier's software or infrastructure was subverted.
    SupplyChain,
    /// A flaw in a smart contract was exploited.
    SmartContractExploit,
    /// Malware on victims' machines.
    Malware,
    /// An insider, such as a planted IT worker.
    Insider,
    /// Not publicly established.
    Unknown,
}

impl Vector {
    /// Every kind, in the schema's order.
    pub const ALL: [Vector; 7] = [
        Vector::PrivateKeyCompromise,
        Vector::SocialEngineering,
        Vector::SupplyChain,
        Vector::SmartContractExploit,
        Vector::Malware,
        Vector::Insider,
        Vector::Unknown,
    ];

    /// The name in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Vector::PrivateKeyCompromise => "private_key_compromise",
            Vector::SocialEngineering => "social_engineering",
            Vector::SupplyChain => "supply_chain",
            Vector::SmartContractExploit => "smart_contract_exploit",
            Vector::Malware => "malware",
            Vector::Insider => "insider",
            Vector::Unknown => "unknown",
        }
    }

    /// Human label for tables and the detail panel.
    pub fn label(self) -> &'static str {
        match self {
            Vector::PrivateKeyCompromise => "Private key compromise",
            Vector::SocialEngineering => "Social engineering",
            Vector::SupplyChain => "Supply chain",
            Vector::SmartContractExploit => "Smart contract exploit",
            Vector::Malware => "Malware",
            Vector::Insider => "Insider",
            Vector::Unknown => "Unknown",
        }
    }
}

/// How firmly an incident is tied to DPRK-linked actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Confidence {
    /// A government or UN body attributed it publicly, and the record cites a primary source
    /// or a verbatim copy of one (the validator requires it).
    Official,
    /// A blockchain-analytics or security firm attributed it (also where a government
    /// attribution is known only through news reports and a firm's is on record).
    Firm,
    /// Tentative: press reports, independent investigators, or an official attribution known
    /// only through news reports with no firm's attribution on record.
    Suspected,
}

impl Confidence {
    /// Every level, strongest first.
    pub const ALL: [Confidence; 3] = [Confidence::Official, Confidence::Firm, Confidence::Suspected];

    /// The slug used in the JSON and in URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Confidence::Official => "official",
            Confidence::Firm => "firm",
            Confidence::Suspected => "suspected",
        }
    }

    /// Parses a slug as written in the JSON or a URL.
    pub(crate) fn from_slug(slug: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Official => "Official",
            Confidence::Firm => "Research firm",
            Confidence::Suspected => "Suspected",
        }
    }
}

/// Who tied an incident to DPRK, and how firmly.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Attribution {
    /// The bodies that made the attribution (FBI, Elliptic, ZachXBT, ...).
    pub by: Vec<String>,
    /// The strongest attribution on record.
    pub confidence: Confidence,
    /// True when a credible party disputes the attribution.
    #[serde(default)]
    pub contested: bool,
    /// What is disputed or qualified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One theft.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Incident {
    /// Stable slug, `victim-yyyy`; used in permalinks (`?incident=`).
    pub id: String,
    /// Day of the theft (UTC, as reported).
    pub date: Date,
    /// Why the date is approximate, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// The service that lost the funds.
    pub victim: String,
    /// What kind of service it is.
    pub category: Category,
    /// Blockchains the stolen funds were on.
    pub chains: Vec<String>,
    /// Assets stolen (tickers).
    pub assets: Vec<String>,
    /// Best estimate of the loss in US dollars at the time of the theft.
    pub usd: f64,
    /// Lowest published estimate, where sources disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_low: Option<f64>,
    /// Highest published estimate, where sources disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_high: Option<f64>,
    /// Which source says what, when the amount is disputed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_note: Option<String>,
    /// How the attackers got in.
    pub(crate) vector: Vector,
    /// One sentence on the attack.
    pub vector_detail: String,
    /// The DPRK-linked cluster named (Lazarus Group, TraderTraitor, APT38, ...).
    pub actor: String,
    /// Who attributed it, and how firmly.
    pub attribution: Attribution,
    /// Funds frozen or recovered, in US dollars, where reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovered_usd: Option<f64>,
    /// What was frozen or recovered, by whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) recovered_note: Option<String>,
    /// One or two sentences on what happened.
    pub summary: String,
    /// Ids of the [`Source`]s that support this record.
    pub sources: Vec<String>,
    /// `summary`, `amount_note`, `vector_detail` and `attribution_note` in other locales.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// A published figure for DPRK-linked theft over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ReportedTotal {
    /// Stable slug.
    pub id: String,
    /// Who published the figure (Chainalysis, TRM Labs, Elliptic, UN Panel of Experts, ...).
    pub publisher: String,
    /// When the figure was published.
    pub published: Date,
    /// First day the figure covers.
    pub period_start: Date,
    /// Last day the figure covers.
    pub period_end: Date,
    /// The calendar year the figure is for; absent when the period spans several years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// DPRK-linked theft in US dollars (the low end, when the publisher gave a range).
    pub usd: f64,
    /// The high end, when the publisher gave a range rather than one figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd_high: Option<f64>,
    /// Number of incidents, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incidents: Option<u32>,
    /// Theft by all actors over the same period, where the same source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) all_actors_usd: Option<f64>,
    /// Id of an earlier figure from the same publisher that this one revises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// Caveats (partial year, method, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// True when the figure is not stated outright by the publisher but derived from what it
    /// states (a subtraction, a ratio); `basis` then says how.
    #[serde(default, skip_serializing_if = "is_false")]
    pub derived: bool,
    /// How a derived figure was obtained from the publisher's stated numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// DPRK-linked theft's share of all crypto theft over the period, as the publisher
    /// stated it (between 0 and 1); a share computed from the two dollar figures is not one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_share: Option<f64>,
    /// What the figure is for: the publisher's annual figure for `year` (even when its data
    /// end some days before 31 December), part of a year, or several years. When absent it
    /// follows from the period: all of one calendar year is annual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<FigureScope>,
    /// The window as the publisher words it ("January through early December 2025"), where
    /// its exact end is not stated and `period_end` is nominal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) window_words: Option<String>,
    /// True when the publisher gave a floor ("over", "at least", "more than") rather than a
    /// figure.
    #[serde(default, skip_serializing_if = "is_false")]
    pub floor: bool,
    /// Id of the [`Source`] that published it.
    pub source: String,
}

/// For `skip_serializing_if`: omit a `false` flag.
fn is_false(b: &bool) -> bool {
    !*b
}

impl ReportedTotal {
    /// True when the period covers all of `year`.
    pub fn covers_full_year(&self) -> bool {
        self.year.is_some_and(|y| {
            self.period_start == Date::new(y, 1, 1) && self.period_end == Date::new(y, 12, 31)
        })
    }

    /// What the figure is for: its `scope`, or what its period says.
    pub fn scope(&self) -> FigureScope {
        match (self.scope, self.year) {
            (Some(scope), _) => scope,
            (None, None) => FigureScope::MultiYear,
            (None, Some(_)) if self.covers_full_year() => FigureScope::Annual,
            (None, Some(_)) => FigureScope::PartOfYear,
        }
    }

    /// What kind of figure it is, for legends, tables, CSV and print.
    pub fn nature(&self) -> FigureNature {
        if self.derived {
            return FigureNature::Derived;
        }
        match self.scope() {
            FigureScope::Annual => FigureNature::FullYear,
            FigureScope::PartOfYear => FigureNature::PartOfYear,
            FigureScope::MultiYear => FigureNature::MultiPeriod,
        }
    }

    /// The window in words: "2024" for a whole calendar year, "2025 (January through early
    /// December)" for an annual figure whose data end before 31 December, otherwise the
    /// days ("1 Jan – 30 Sep 2025"), with the publisher's words where it gave no exact end.
    pub fn window(&self) -> String {
        let days = format!("{} – {}", self.period_start.human(), self.period_end.human());
        match (self.year, self.scope(), &self.window_words) {
            (Some(y), FigureScope::Annual, _) if self.covers_full_year() => y.to_string(),
            (Some(y), FigureScope::Annual, Some(words)) => format!("{y} ({words})"),
            (Some(y), FigureScope::Annual, None) => format!("{y} (to {})", self.period_end.human()),
            (_, _, Some(words)) => format!("{days} ({words})"),
            _ => days,
        }
    }
}

/// What a published figure is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum FigureScope {
    /// The publisher's figure for one calendar year (its data may end before 31 December).
    Annual,
    /// Part of one calendar year: year to date, a half-year, a quarter.
    PartOfYear,
    /// A window across years (cumulative totals, two-year windows).
    MultiYear,
}

impl FigureScope {
    /// Every scope, in the schema's order.
    pub const ALL: [FigureScope; 3] = [FigureScope::Annual, FigureScope::PartOfYear, FigureScope::MultiYear];

    /// The slug used in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            FigureScope::Annual => "annual",
            FigureScope::PartOfYear => "part_of_year",
            FigureScope::MultiYear => "multi_year",
        }
    }
}

/// What a published figure is: a stated full-year total, part of a year, a window across
/// years, or a figure derived from what the publisher stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureNature {
    /// Stated, as the publisher's figure for one calendar year.
    FullYear,
    /// Stated, for part of one calendar year (a year-to-date or half-year figure).
    PartOfYear,
    /// Stated, for a window that is not one calendar year.
    MultiPeriod,
    /// Worked out from the publisher's numbers, not stated by it.
    Derived,
}

impl FigureNature {
    /// The words a legend, table column or CSV cell uses.
    pub fn label(self) -> &'static str {
        match self {
            FigureNature::FullYear => "Annual figure, stated",
            FigureNature::PartOfYear => "Part of the year, stated",
            FigureNature::MultiPeriod => "Several years, stated",
            FigureNature::Derived => "Derived, not stated",
        }
    }

    /// True for a figure drawn hollow: one that is not a stated full-year total.
    pub fn is_partial_or_derived(self) -> bool {
        self != FigureNature::FullYear
    }
}

/// Where a node sits in a laundering flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum NodeKind {
    /// The stolen asset: money enters the flow here.
    Source,
    /// A swap, bridge, mixer or wallet cluster the money passes through.
    Intermediate,
    /// Where tracing ends: frozen, recovered, cash-out, untraceable, still held.
    Sink,
}

impl NodeKind {
    /// Every kind, in the schema's order.
    pub const ALL: [NodeKind; 3] = [NodeKind::Source, NodeKind::Intermediate, NodeKind::Sink];

    /// The name in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            NodeKind::Source => "source",
            NodeKind::Intermediate => "intermediate",
            NodeKind::Sink => "sink",
        }
    }
}

/// A stage in a laundering flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct FlowNode {
    /// Slug; flows that share a node id are merged when summed over incidents.
    pub id: String,
    /// Label shown on the chart.
    pub label: String,
    /// Column: 0 stolen asset, 1 swaps, 2 bridges, 3 mixers, 4 cash-out, 5 sinks.
    pub stage: u8,
    /// Source, intermediate or sink.
    pub kind: NodeKind,
    /// `label` in other locales.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// Money moving between two stages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct FlowEdge {
    /// Node id the money leaves.
    pub from: String,
    /// Node id the money reaches.
    pub to: String,
    /// US dollars moved.
    pub usd: f64,
    /// True when approximate (rounded, derived from a percentage, or inferred).
    #[serde(default)]
    pub estimate: bool,
    /// Id of the [`Source`] for this amount.
    pub source: String,
    /// How the amount was obtained, when not read directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the dollar figure rests on. Required from schema version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<EdgeBasis>,
}

/// What a flow edge's dollar figure rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum EdgeBasis {
    /// The edge's source states this dollar figure itself.
    Stated {
        /// The source's words giving the figure, verbatim.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quote: Option<String>,
        /// The token amount the same source gives for the movement ("361,255 ETH").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tokens_stated: Option<String>,
        /// True when the source gives a floor ("more than $35M").
        #[serde(default, skip_serializing_if = "is_false")]
        lower_bound: bool,
        /// When the figure is the sum of several stated figures: each of them.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parts: Vec<StatedPart>,
    },
    /// A token amount the source states, priced at a dated price from another source.
    Tokens {
        /// How many tokens moved, as the edge's source states.
        amount: f64,
        /// Which token (ETH, BTC, ...).
        token: String,
        /// US dollars per token.
        price_usd: f64,
        /// The day of that price.
        price_date: Date,
        /// Id of the [`Source`] of the price.
        price_source: String,
        /// How the price was read or implied.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        price_note: Option<String>,
        /// The source's words giving the token amount, verbatim.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quote: Option<String>,
    },
    /// A share of a dollar value (the theft's, usually), as the source gives the share
    /// and not the dollars.
    Share {
        /// The share, between 0 and 1.
        share: f64,
        /// The dollar value it is a share of.
        of_usd: f64,
        /// What that value is ("the theft value (DOJ $48.5M)").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        of: Option<String>,
        /// The source's words giving the share, verbatim.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quote: Option<String>,
    },
    /// Worked out by subtraction: a stated value less other movements.
    Remainder {
        /// The value subtracted from.
        of_usd: f64,
        /// What is subtracted: edges of this flow as `from→to`, or a stated figure in words.
        less_edges: Vec<String>,
        /// Why the remainder is drawn as this movement.
        why: String,
    },
    /// Everything that entered the node passes on here: no further split is published.
    Carried {
        /// The edges (`from→to`) whose money this one carries on.
        of_edges: Vec<String>,
        /// Why it is carried whole.
        why: String,
    },
}

/// One of several stated figures that add up to an edge's amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct StatedPart {
    /// US dollars, as stated.
    pub usd: f64,
    /// Id of the [`Source`] stating it, when not the edge's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl EdgeBasis {
    /// The slug of the basis ("stated", "tokens", "share", "remainder", "carried").
    pub fn slug(&self) -> &'static str {
        match self {
            EdgeBasis::Stated { .. } => "stated",
            EdgeBasis::Tokens { .. } => "tokens",
            EdgeBasis::Share { .. } => "share",
            EdgeBasis::Remainder { .. } => "remainder",
            EdgeBasis::Carried { .. } => "carried",
        }
    }
}
/// The traced laundering of one incident's proceeds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Flow {
    /// Id of the incident.
    pub incident: String,
    /// Date of the tracing this flow reflects.
    pub as_of: Date,
    /// The theft amount the shares refer to, in US dollars.
    pub theft_usd: f64,
    /// The day of the split the edges out of the stolen asset show (one day's split: a
    /// later one is another record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split_date: Option<Date>,
    /// Why the edges out of the stolen asset do not add up to `theft_usd`, when they do not
    /// (required then); shown on the chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum_note: Option<String>,
    /// Stages.
    pub nodes: Vec<FlowNode>,
    /// Movements between stages.
    pub edges: Vec<FlowEdge>,
    /// Every published split of the stolen money by date, oldest first (still traceable,
    /// gone dark, frozen, recovered), each with its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<StatusPoint>,
}

/// What kind of enforcement action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum EnforcementKind {
    /// A sanctions designation.
    Sanction,
    /// An indictment or criminal complaint.
    Indictment,
    /// A seizure or forfeiture of funds.
    Seizure,
    /// A public advisory or warning.
    Advisory,
    /// A public attribution of a theft.
    Attribution,
}

impl EnforcementKind {
    /// Every kind, in the schema's order.
    pub const ALL: [EnforcementKind; 5] = [
        EnforcementKind::Sanction,
        EnforcementKind::Indictment,
        EnforcementKind::Seizure,
        EnforcementKind::Advisory,
        EnforcementKind::Attribution,
    ];

    /// The name in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            EnforcementKind::Sanction => "sanction",
            EnforcementKind::Indictment => "indictment",
            EnforcementKind::Seizure => "seizure",
            EnforcementKind::Advisory => "advisory",
            EnforcementKind::Attribution => "attribution",
        }
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            EnforcementKind::Sanction => "Sanction",
            EnforcementKind::Indictment => "Indictment",
            EnforcementKind::Seizure => "Seizure",
            EnforcementKind::Advisory => "Advisory",
            EnforcementKind::Attribution => "Attribution",
        }
    }
}

/// A sanctions designation, indictment, seizure or advisory.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct EnforcementEvent {
    /// Stable slug.
    pub id: String,
    /// Day of the action.
    pub date: Date,
    /// Who acted (OFAC, DOJ, FBI, ...).
    pub(crate) authority: String,
    /// What kind of action.
    pub kind: EnforcementKind,
    /// Short title.
    pub title: String,
    /// One sentence on what was done.
    pub summary: String,
    /// Ids of the incidents it concerns (may be empty).
    #[serde(default)]
    pub incidents: Vec<String>,
    /// Id of the [`Source`].
    pub source: String,
    /// `title` in other locales.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

impl Dataset {
    /// Looks a source up by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        let index = self.source_index.0.get_or_init(|| {
            let mut index = std::collections::HashMap::with_capacity(self.sources.len());
            for (k, s) in self.sources.iter().enumerate() {
                index.entry(s.id.clone()).or_insert(k);
            }
            index
        });
        match index.get(id).and_then(|&k| self.sources.get(k)).filter(|s| s.id == id) {
            Some(s) => Some(s),
            // An id the dataset lacks, or a list changed since the index was made.
            None => self.sources.iter().find(|s| s.id == id),
        }
    }

    /// Source ids ordered strongest first ([`Source::strength`]), the record's own order kept
    /// among equals; ids the dataset lacks go last.
    pub fn strongest_first<'a>(&self, ids: &'a [String]) -> Vec<&'a String> {
        // Each id's strength looked up once, not on every comparison.
        let mut list: Vec<(u8, &String)> =
            ids.iter().map(|id| (self.source(id).map_or(u8::MAX, Source::strength), id)).collect();
        crate::sort::by(&mut list, &|a, b| a.0.cmp(&b.0));
        list.into_iter().map(|(_, id)| id).collect()
    }

    /// "Title (Publisher)" for a source id, or the id itself when the dataset lacks it; used
    /// in tooltips.
    pub fn source_label(&self, id: &str) -> String {
        self.source(id).map_or(id.to_string(), |s| format!("{} ({})", s.title, s.publisher))
    }

    /// The kind of a cited source, when the dataset has it.
    pub(crate) fn source_kind(&self, id: &str) -> Option<SourceKind> {
        self.source(id).map(|s| s.kind)
    }

    /// The change-log entry of the current release, if any.
    pub fn current_changes(&self) -> Option<&ChangeEntry> {
        self.changes.iter().find(|c| c.release == self.release.id)
    }

    /// Looks an incident up by id.
    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.incidents.iter().find(|i| i.id == id)
    }

    /// The flow traced for an incident, if any.
    pub fn flow_for(&self, incident: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.incident == incident)
    }

    /// First and last year with any incident or reported figure.
    pub fn years(&self) -> (i32, i32) {
        let years = self
            .incidents
            .iter()
            .map(|i| i.date.year())
            .chain(self.reported_totals.iter().filter_map(|t| t.year));
        let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if lo > hi {
            (self.as_of.year(), self.as_of.year())
        } else {
            (lo, hi)
        }
    }
}
