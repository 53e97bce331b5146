//! Local overlays: province, prefecture and county programs (and foundations' and schools'
//! programs that a county or province file records), written as data in
//! `policy/local/<province>/<region>-<name>.toml` and generated into statics at build time
//! (`build/overlay.rs` reads and checks them). The generic evaluator is `rules/local.rs`: no
//! Rust per local program. How to add one: `docs/adding-a-local-program.md`.

use serde::Serialize;

use crate::assessment::AmountKind;
use crate::case::Stage;
use crate::date::Date;
#[allow(unused_imports)] // used by the generated statics when any program is encoded
use crate::policy::{code_has_prefix, Citation, ProgramInfo, StatusOn};

/// Who runs a program (or, for a file, which level of government it describes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    Prefecture,
    County,
    School,
    Foundation,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::Prefecture => "市（州）级",
            Level::County => "县级",
            Level::School => "学校",
            Level::Foundation => "基金会",
        }
    }
}

/// One overlay file: the programs of one jurisdiction.
#[derive(Debug)]
pub struct Overlay {
    /// The jurisdiction's registry code (620000 for a province, 623000 for a prefecture).
    pub region: u32,
    pub level: Level,
    /// The file, relative to the engine crate (`policy/local/62-甘肃/620623-天祝.toml`).
    pub path: &'static str,
    pub verified_on: Date,
    pub note: Option<&'static str>,
    pub programs: &'static [LocalProgram],
    pub parameters: &'static [LocalParameter],
}

/// Which place must be in the program's regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceRule {
    /// 学籍地 (the school's county).
    Enrolment,
    /// 户籍地.
    Hukou,
    /// Either place; paid by the 学籍地 when it qualifies.
    Either,
    Both,
}

/// A case fact a condition tests (the closed vocabulary of the overlay format).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Boarding,
    HukouArea,
    Setting,
    Ownership,
    Kindergarten,
    Major,
    Hardship,
    Status,
    Disabled,
    Orphan,
    FullTime,
    FundedTeacherTrainee,
    MongolianInstruction,
    AdmissionTier,
    CountyHighSchoolYears,
}

impl Fact {
    /// The case field that answers it.
    pub fn field(self) -> &'static str {
        match self {
            Fact::Boarding => "student.enrolment.boarding",
            Fact::HukouArea => "household.hukou.area",
            Fact::Setting => "student.enrolment.setting",
            Fact::Ownership => "student.enrolment.ownership",
            Fact::Kindergarten => "student.enrolment.kindergarten",
            Fact::Major => "student.enrolment.major",
            Fact::Hardship => "student.hardship",
            Fact::Status => "household.statuses",
            Fact::Disabled => "student.disabled",
            Fact::Orphan => "student.orphan",
            Fact::FullTime => "student.enrolment.full_time",
            Fact::FundedTeacherTrainee => "student.funded_teacher_trainee",
            Fact::MongolianInstruction => "student.enrolment.mongolian_instruction",
            Fact::AdmissionTier => "student.admission_tier",
            Fact::CountyHighSchoolYears => "student.county_high_school_years",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Test {
    Is(bool),
    In(&'static [&'static str]),
    AtLeast(u8),
}

#[derive(Debug)]
pub struct Condition {
    pub fact: Fact,
    pub test: Test,
    pub text: &'static str,
    pub citation: &'static str,
}

#[derive(Debug)]
pub struct LocalAmount {
    pub kind: AmountKind,
    pub yuan: Option<i64>,
    pub min_yuan: Option<i64>,
    pub max_yuan: Option<i64>,
    /// `None`: no source gives the first day; the figure holds for the program's whole period.
    pub from: Option<Date>,
    pub until: Option<Date>,
    /// Empty: every stage of the program.
    pub stages: &'static [Stage],
    /// Empty: any admission tier.
    pub admission_tiers: &'static [&'static str],
    pub citation: &'static str,
    pub verified_on: Date,
    pub unverified: Option<&'static str>,
    pub basis: Option<&'static str>,
}

#[derive(Debug)]
pub struct Stacking {
    pub text: &'static str,
    pub citation: &'static str,
    pub max_others: Option<u8>,
    /// The limit holds only for households with one of these statuses; empty: for everyone.
    pub statuses: &'static [&'static str],
}

/// A local program: the national shape ([`ProgramInfo`]: id, name, dates, how to apply) plus
/// where, for whom, how much and who pays.
#[derive(Debug)]
pub struct LocalProgram {
    pub info: ProgramInfo,
    pub level: Level,
    /// Other names officers write in a roster (the roster check reads them).
    pub aliases: &'static [&'static str],
    /// Line of the program's `id` in its file.
    pub line: u32,
    /// Code prefixes (2, 4 or 6 digits) of the places covered.
    pub prefixes: &'static [&'static str],
    pub regions_text: &'static str,
    pub place: PlaceRule,
    pub stages: &'static [Stage],
    pub stage_text: &'static str,
    /// Empty: every grade.
    pub grades: &'static [u8],
    pub confirmed_until: Option<Date>,
    /// Who pays, in words.
    pub payer: &'static str,
    pub conditions: &'static [Condition],
    /// Checks no case field settles: (text, citation).
    pub unknowns: &'static [(&'static str, &'static str)],
    pub amounts: &'static [LocalAmount],
    pub excludes: &'static [&'static str],
    pub stacking: Option<Stacking>,
}

/// A local figure for a national program whose amount is set locally.
#[derive(Debug)]
pub struct LocalParameter {
    pub program: &'static str,
    pub prefixes: &'static [&'static str],
    /// The 户籍地 must be covered too, not only the payer's place.
    pub hukou_too: bool,
    /// The form of the local figure, when not the national program's.
    pub kind: Option<AmountKind>,
    pub yuan: i64,
    pub from: Date,
    pub until: Option<Date>,
    pub citation: &'static str,
    pub verified_on: Date,
    pub unverified: Option<&'static str>,
    pub basis: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/local_data.rs"));

impl Overlay {
    /// The jurisdiction's full Chinese name (甘肃省武威市天祝藏族自治县), worked out once.
    pub fn name(&'static self) -> &'static str {
        static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let names = NAMES
            .get_or_init(|| OVERLAYS.iter().map(|o| crate::regions::full_name(o.region)).collect());
        OVERLAYS
            .iter()
            .position(|o| std::ptr::eq(o, self))
            .and_then(|i| names.get(i))
            .map_or("", String::as_str)
    }

    /// Whether the jurisdiction contains a county code.
    pub fn covers(&self, code: u32) -> bool {
        match self.level {
            Level::Province => code / 10_000 == self.region / 10_000,
            Level::Prefecture => code / 100 == self.region / 100,
            _ => code == self.region,
        }
    }
}

impl LocalProgram {
    pub fn covers(&self, code: u32) -> bool {
        self.prefixes.iter().any(|p| code_has_prefix(code, p))
    }

    /// Whether the student's places meet the program's place rule.
    pub fn place_fits(&self, hukou: u32, enrolment: u32) -> bool {
        match self.place {
            PlaceRule::Enrolment => self.covers(enrolment),
            PlaceRule::Hukou => self.covers(hukou),
            PlaceRule::Either => self.covers(hukou) || self.covers(enrolment),
            PlaceRule::Both => self.covers(hukou) && self.covers(enrolment),
        }
    }
}

/// The overlays whose jurisdiction contains either place, province first.
pub fn covering(hukou: u32, enrolment: u32) -> impl Iterator<Item = &'static Overlay> {
    OVERLAYS.iter().filter(move |o| o.covers(hukou) || o.covers(enrolment))
}

/// Every local program, in file order, with its file.
pub fn programs() -> impl Iterator<Item = (&'static Overlay, &'static LocalProgram)> {
    OVERLAYS.iter().flat_map(|o| o.programs.iter().map(move |p| (o, p)))
}

pub fn program(id: &str) -> Option<&'static LocalProgram> {
    programs().map(|(_, p)| p).find(|p| p.info.id == id)
}

pub fn citation(id: &str) -> Option<&'static Citation> {
    LOCAL_CITATIONS.iter().find(|c| c.id == id)
}

/// The local figure of a national program for the payer's county on a date: the most
/// specific region wins, then the value in force on the date.
pub fn parameter(
    program: &str,
    code: u32,
    hukou: u32,
    date: Date,
) -> Option<&'static LocalParameter> {
    OVERLAYS
        .iter()
        .flat_map(|o| o.parameters.iter())
        .filter(|q| q.program == program && date >= q.from && q.until.is_none_or(|u| date < u))
        .filter(|q| !q.hukou_too || q.prefixes.iter().any(|p| code_has_prefix(hukou, p)))
        .filter_map(|q| {
            let best =
                q.prefixes.iter().filter(|p| code_has_prefix(code, p)).map(|p| p.len()).max()?;
            Some((best, q.from, q))
        })
        .max_by_key(|(len, from, _)| (*len, *from))
        .map(|(_, _, q)| q)
}

/// The case fields that local programs for these places and this stage read (the app asks
/// these questions only then).
pub fn fields_needed(hukou: u32, enrolment: u32, stage: Stage) -> Vec<&'static str> {
    let mut fields = Vec::new();
    for p in for_places(hukou, enrolment, stage) {
        for c in p.conditions {
            if !fields.contains(&c.fact.field()) {
                fields.push(c.fact.field());
            }
        }
    }
    fields
}

/// The local programs for a stage whose place rule the student's places meet (the ones that
/// can apply to the student, before any condition).
pub fn for_places(
    hukou: u32,
    enrolment: u32,
    stage: Stage,
) -> impl Iterator<Item = &'static LocalProgram> {
    covering(hukou, enrolment)
        .flat_map(|o| o.programs.iter())
        .filter(move |p| p.stages.contains(&stage) && p.place_fits(hukou, enrolment))
}
