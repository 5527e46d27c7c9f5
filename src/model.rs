//! The incident dataset's types: what `public/data/incidents.json` holds, and nothing else.
//!
//! These types *are* the schema. `schema/incidents.schema.json` is generated from them
//! (see `tests/schema.rs`), unknown fields and wrong types are rejected by serde, and
//! [`crate::validate`] checks everything a type cannot express.

use serde::Serialize;

pub use crate::date::Date;

/// The schema version this build reads. A file with another version is refused with a
/// clear message rather than half-understood.
pub const SCHEMA_VERSION: u32 = 2;

/// The whole dataset, as published beside the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dataset {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Shown as the dataset's name on the page.
    pub title: String,
    /// The day the data was last checked against its sources.
    pub as_of: Date,
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
    pub fn from_slug(slug: &str) -> Option<Category> {
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
    pub fn from_slug(slug: &str) -> Option<Confidence> {
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
    pub vector: Vector,
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
    pub recovered_note: Option<String>,
    /// One or two sentences on what happened.
    pub summary: String,
    /// Ids of the [`Source`]s that support this record.
    pub sources: Vec<String>,
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
    pub all_actors_usd: Option<f64>,
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
    /// Stages.
    pub nodes: Vec<FlowNode>,
    /// Movements between stages.
    pub edges: Vec<FlowEdge>,
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
    pub authority: String,
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
}

impl Dataset {
    /// Looks a source up by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// "Title (Publisher)" for a source id, or the id itself when the dataset lacks it; used
    /// in tooltips.
    pub fn source_label(&self, id: &str) -> String {
        self.source(id).map_or(id.to_string(), |s| format!("{} ({})", s.title, s.publisher))
    }

    /// The kind of a cited source, when the dataset has it.
    pub fn source_kind(&self, id: &str) -> Option<SourceKind> {
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
