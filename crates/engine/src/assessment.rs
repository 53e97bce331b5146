//! The assessment (output), format v1.
//!
//! The explanation shown to a user is the list of [`Criterion`] outcomes: each a named check
//! with its own citation, never prose written in the UI.

use std::borrow::Cow;

use serde::Serialize;

use crate::case::RegionCode;
use crate::date::{Date, Term};
pub use crate::local::Level;
use crate::policy::Citation;

#[derive(Debug, PartialEq, Serialize)]
pub struct Assessment {
    pub as_of: Date,
    pub term: Term,
    pub rules: RulesInfo,
    pub entitlements: Vec<Entitlement>,
    pub not_entitled: Vec<NotEntitled>,
    pub notices: Vec<Notice>,
    /// Cash a year: the sum of `annual_yuan` over eligible entitlements paid in cash
    /// (conditional ones, in-kind aid, waivers and loans excluded).
    pub total_annual_yuan: i64,
    /// The part of `total_annual_yuan` paid by local programs (province, county, foundation).
    #[serde(skip_serializing_if = "is_zero")]
    pub local_annual_yuan: i64,
    /// Value a year of eligible in-kind aid and waivers with a known figure (meals, textbooks):
    /// not money the family receives.
    pub in_kind_annual_yuan: i64,
    /// The yearly ceiling of the loans the student may take (the larger of the two loans,
    /// which exclude each other); 0 when none.
    pub loan_annual_limit_yuan: i64,
    pub places: Places,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct RulesInfo {
    pub version: &'static str,
    pub verified_on: Date,
    pub coverage_from: Date,
    /// `national`, or `national+local` when local overlays were applied.
    pub scope: &'static str,
    /// In an assessment: the local overlays applied to this case (the jurisdictions of its
    /// places that have local programs encoded). From [`crate::rules_info`]: every overlay
    /// built in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub overlays: Vec<OverlayRef>,
}

/// One local overlay: a jurisdiction whose programs are encoded.
#[derive(Debug, PartialEq, Serialize)]
pub struct OverlayRef {
    pub region: RegionCode,
    pub name: String,
    pub level: Level,
    pub verified_on: Date,
    /// The data file, relative to the engine crate.
    pub file: &'static str,
    pub programs: usize,
}

impl OverlayRef {
    pub fn of(o: &'static crate::local::Overlay) -> OverlayRef {
        OverlayRef {
            region: RegionCode(o.region),
            name: o.name().to_string(),
            level: o.level,
            verified_on: o.verified_on,
            file: o.path,
            programs: o.programs.len(),
        }
    }
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Places {
    pub hukou: Place,
    pub enrolment: Place,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    pub region: RegionCode,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Eligible,
    Conditional,
    NeedsInfo,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Entitlement {
    pub program: &'static str,
    pub name: &'static str,
    pub outcome: Outcome,
    /// What the family gets: `cash`, `in_kind` (food, textbooks), `waiver` (a fee not
    /// charged) or `loan`.
    pub form: Form,
    pub amount: Amount,
    pub annual_yuan: i64,
    pub payer: Payer,
    pub criteria: Vec<Criterion>,
    pub citations: Vec<&'static Citation>,
    pub apply: Apply,
    pub excludes: Vec<&'static str>,
    /// For `needs_info`: the case fields whose answer would decide the program.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<&'static str>,
    /// For a local program (`local.<region>.<name>`): who runs it — `province`, `prefecture`,
    /// `county`, `school` or `foundation`. Absent for national programs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// A local stacking rule (「享受燕宝基金会资助的同时，可再享受一项资助」), with its citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stacking: Option<StackingRule>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct StackingRule {
    pub text: &'static str,
    pub citation: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Cash,
    InKind,
    Waiver,
    Loan,
}

impl Form {
    pub fn of(kind: AmountKind) -> Form {
        match kind {
            AmountKind::CashPerYear
            | AmountKind::CashPerTerm
            | AmountKind::CashPerDay
            | AmountKind::CashOnce => Form::Cash,
            AmountKind::Waiver => Form::Waiver,
            AmountKind::InKind => Form::InKind,
            AmountKind::LoanLimit => Form::Loan,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    CashPerYear,
    CashPerTerm,
    CashPerDay,
    CashOnce,
    Waiver,
    InKind,
    LoanLimit,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Amount {
    pub kind: AmountKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yuan: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_yuan: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_yuan: Option<i64>,
    /// For `cash_per_day`, and `in_kind` valued per day (the nutrition meal): the school days
    /// a year the standard is counted over; `yuan` is then the value per day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// True when the amount is set locally and the national data has no figure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub local: bool,
    /// Why the figure is not verified against an official text, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<&'static str>,
    /// Citation id of the figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_on: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    /// How the figure is worked out, when it is derived from another (寄宿生标准（1500元）的50%):
    /// the rule's arithmetic, shown with the amount rather than as a criterion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PayerBasis {
    Enrolment,
    Hukou,
    HukouFallback,
    School,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Payer {
    pub region: RegionCode,
    pub basis: PayerBasis,
    pub name: String,
    /// Who pays, in words, when it is not simply the place's government: a local program's
    /// payer (「天祝县财政」, 「宁夏燕宝慈善基金会」).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'static str>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Criterion {
    pub id: &'static str,
    /// `true` met, `false` not met, `null` unknown.
    pub met: Option<bool>,
    pub text: Cow<'static, str>,
    pub citations: Cites,
}

/// Up to four citation ids, stored inline (a criterion rarely cites more than two documents,
/// and the engine builds thousands of criteria a second). Serialises as a JSON list.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cites {
    ids: [&'static str; 4],
    len: u8,
}

impl Cites {
    pub fn new(ids: &[&'static str]) -> Cites {
        let mut c = Cites::default();
        for id in ids.iter().take(4) {
            c.ids[c.len as usize] = id;
            c.len += 1;
        }
        c
    }

    pub fn as_slice(&self) -> &[&'static str] {
        &self.ids[..self.len as usize]
    }

    pub fn contains(&self, id: &str) -> bool {
        self.as_slice().contains(&id)
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn join(&self, sep: &str) -> String {
        self.as_slice().join(sep)
    }
}

impl Serialize for Cites {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Apply {
    #[serde(rename = "where")]
    pub where_: &'static str,
    pub when: &'static str,
    pub documents: &'static [&'static str],
}

#[derive(Debug, PartialEq, Serialize)]
pub struct NotEntitled {
    pub program: &'static str,
    pub name: &'static str,
    pub criteria: Vec<Criterion>,
    /// For a local program: who runs it (see [`Entitlement::level`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    CrossProvince,
    DoubleAid,
    /// Two answers contradict each other in a way the assessment can still work around.
    Contradiction,
    /// An answer that does not apply to the student's stage and was not used.
    NotApplicable,
    /// A household status recognised after the as-of date.
    FutureStatus,
    PolicyContinuation,
    Unverified,
    /// The as-of date is more than a school year past the data's verification date.
    StaleData,
    /// A status date was given only to the year or month: which day was assumed, and whether
    /// the exact day would change the result (`programs`: those it would change).
    DateAssumed,
    /// No local program is encoded for the student's places: the answer is national only.
    NationalOnly,
    /// Which jurisdictions' rules this answer covers (national, and each local overlay
    /// applied), and which of the student's places have nothing local encoded yet.
    Scope,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<&'static str>,
    /// The case field the notice is about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Notice {
    pub fn new(kind: NoticeKind, text: impl Into<String>, programs: Vec<&'static str>) -> Notice {
        Notice { kind, text: text.into(), programs, field: None }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Notice {
        self.field = Some(field.into());
        self
    }
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}
