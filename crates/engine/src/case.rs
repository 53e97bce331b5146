//! The case (input), format v1: one household, one student, one as-of date.
//!
//! [`Case::from_json`] reads the v1 JSON by hand rather than through a serde derive, so that
//! every problem is reported as a [`CaseError`] naming the exact field (`student.grade`,
//! `household.statuses[1].to`) in Chinese. Semantic checks (known region codes, grade within
//! the stage, contradictions) are in [`crate::validate`] and run for Rust callers too.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::date::Date;
use crate::error::{quote, CaseError, ErrorKind};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Case {
    pub as_of: Date,
    pub household: Household,
    pub student: Student,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Household {
    pub hukou: Hukou,
    pub statuses: Vec<StatusPeriod>,
    /// The family answered the statuses question: with no statuses, that is 「未认定」 (none
    /// recognised), not 「未回答」. It changes no rule (no statuses means none either way); it
    /// tells a summary or a printed record which of the two it was.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub statuses_checked: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hukou {
    pub region: RegionCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
}

/// A 6-digit administrative division code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionCode(pub u32);

impl Serialize for RegionCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{:06}", self.0))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Rural,
    Urban,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusPeriod {
    pub kind: StatusKind,
    /// First day the status holds. Given as a year (`2021`) or month (`2021-06`), it is the
    /// first day of it, and [`StatusPeriod::from_latest`] the last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day the status holds (inclusive); open-ended when absent. Given as a year or
    /// month, it is the last day of it, and [`StatusPeriod::to_earliest`] the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// When `from` was given only to the year or month: the latest day it can be.
    #[serde(skip)]
    pub from_latest: Option<Date>,
    /// When `to` was given only to the year or month: the earliest day it can be.
    #[serde(skip)]
    pub to_earliest: Option<Date>,
}

impl StatusPeriod {
    /// A status counts only on dates inside its period (认定后开始享受, 清退后不再享受).
    pub fn holds_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    RegisteredPoor,
    LiftedOut,
    Monitored,
    Dibao,
    Tekun,
    LowIncome,
    MartyrFamily,
}

impl StatusKind {
    pub const ALL: [(&'static str, StatusKind, &'static str); 7] = [
        ("registered_poor", StatusKind::RegisteredPoor, "建档立卡贫困户"),
        ("lifted_out", StatusKind::LiftedOut, "脱贫户"),
        ("monitored", StatusKind::Monitored, "防止返贫监测对象"),
        ("dibao", StatusKind::Dibao, "最低生活保障家庭"),
        ("tekun", StatusKind::Tekun, "特困供养"),
        ("low_income", StatusKind::LowIncome, "低收入家庭"),
        ("martyr_family", StatusKind::MartyrFamily, "烈士/优抚家庭"),
    ];

    pub fn label(self) -> &'static str {
        Self::ALL.iter().find(|(_, k, _)| *k == self).map_or("", |(_, _, l)| l)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Preschool,
    Primary,
    Junior,
    Senior,
    SecondaryVocational,
    HigherVocational,
    Undergraduate,
    Master,
    Doctoral,
}

impl Stage {
    pub const ALL: [(&'static str, Stage, &'static str); 9] = [
        ("preschool", Stage::Preschool, "学前教育"),
        ("primary", Stage::Primary, "小学"),
        ("junior", Stage::Junior, "初中"),
        ("senior", Stage::Senior, "普通高中"),
        ("secondary_vocational", Stage::SecondaryVocational, "中职（含技工学校）"),
        ("higher_vocational", Stage::HigherVocational, "高职（专科）"),
        ("undergraduate", Stage::Undergraduate, "本科"),
        ("master", Stage::Master, "硕士研究生"),
        ("doctoral", Stage::Doctoral, "博士研究生"),
    ];

    pub fn label(self) -> &'static str {
        Self::ALL.iter().find(|(_, s, _)| *s == self).map_or("", |(_, _, l)| l)
    }

    /// The format's name of the stage (`junior`).
    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, s, _)| *s == self).map_or("", |(n, _, _)| n)
    }

    pub fn is_compulsory(self) -> bool {
        matches!(self, Stage::Primary | Stage::Junior)
    }

    /// 本专科 (undergraduate and 高职/专科).
    pub fn is_undergraduate_level(self) -> bool {
        matches!(self, Stage::HigherVocational | Stage::Undergraduate)
    }

    pub fn is_graduate(self) -> bool {
        matches!(self, Stage::Master | Stage::Doctoral)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    Public,
    Private,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    City,
    CountyTown,
    Rural,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kindergarten {
    Public,
    InclusivePrivate,
    OtherPrivate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Major {
    Agriculture,
    ArtsPerformance,
    Other,
}

/// The school's 家庭经济困难学生认定 result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hardship {
    None,
    General,
    Relative,
    Special,
}

impl Hardship {
    pub fn is_needy(self) -> bool {
        self != Hardship::None
    }

    pub fn label(self) -> &'static str {
        match self {
            Hardship::Special => "特别困难",
            Hardship::Relative => "比较困难",
            Hardship::General => "一般困难",
            Hardship::None => "不困难",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Student {
    pub stage: Stage,
    pub grade: u8,
    pub enrolment: Enrolment,
    pub disabled: bool,
    pub orphan: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hardship: Option<Hardship>,
    pub aid_received: Vec<AidReceived>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub veteran: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub funded_teacher_trainee: bool,
    /// 有固定工资收入 (excludes the postgraduate national grant). Optional, default false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub salaried: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub out_of_province_checked: bool,
    /// 应征入伍服兵役 (enlisting while a student or a new entrant). Optional, default false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub enlisting: bool,
    /// 毕业后到中西部和艰苦边远地区基层单位就业、服务3年以上 (intends to or does). Optional,
    /// default false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub grassroots_employment: bool,
    /// 录取批次, for a university entrant. Optional; asked only where a local program needs it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admission_tier: Option<AdmissionTier>,
    /// Years the student studied at a senior high school of the 户籍 county (0–6). Optional;
    /// asked only where a local program needs it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county_high_school_years: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Enrolment {
    pub region: RegionCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Ownership>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boarding: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kindergarten: Option<Kindergarten>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub major: Option<Major>,
    pub full_time: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nutrition_program: Option<bool>,
    /// Whether the school's county is in the former contiguous poverty areas (an optional v1
    /// field added for counties the engine's list does not cover).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contiguous_poverty_area: Option<bool>,
    /// Whether the university is a central (部属) one; decides the doctoral grant figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub central_university: Option<bool>,
    /// For `undergraduate`: a 职业本科 (高职本科) programme, which 雨露计划 covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vocational_undergraduate: Option<bool>,
    /// 蒙古语授课 (teaching in Mongolian; Inner Mongolia's living subsidy). Optional; asked
    /// only where a local program needs it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mongolian_instruction: Option<bool>,
}

/// The admission batch (录取批次) of a university entrant, for local entrance awards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdmissionTier {
    /// 一本 (本科一批)
    FirstTier,
    /// 二本 (本科二批)
    SecondTier,
    /// 其他本科批次（三本、合并后的本科批中未分一二本的）
    OtherBachelor,
    /// 专科（高职）批
    JuniorCollege,
}

impl AdmissionTier {
    pub const ALL: [(&'static str, AdmissionTier, &'static str); 4] = [
        ("first_tier", AdmissionTier::FirstTier, "一本（本科一批）"),
        ("second_tier", AdmissionTier::SecondTier, "二本（本科二批）"),
        ("other_bachelor", AdmissionTier::OtherBachelor, "其他本科批次"),
        ("junior_college", AdmissionTier::JuniorCollege, "专科（高职）批"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, t, _)| *t == self).map_or("", |(n, _, _)| n)
    }

    pub fn label(self) -> &'static str {
        Self::ALL.iter().find(|(_, t, _)| *t == self).map_or("", |(_, _, l)| l)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AidReceived {
    pub program: String,
    pub region: RegionCode,
}

const AREAS: &[(&str, Area)] = &[("rural", Area::Rural), ("urban", Area::Urban)];
const OWNERSHIPS: &[(&str, Ownership)] =
    &[("public", Ownership::Public), ("private", Ownership::Private)];
const SETTINGS: &[(&str, Setting)] =
    &[("city", Setting::City), ("county_town", Setting::CountyTown), ("rural", Setting::Rural)];
const KINDERGARTENS: &[(&str, Kindergarten)] = &[
    ("public", Kindergarten::Public),
    ("inclusive_private", Kindergarten::InclusivePrivate),
    ("other_private", Kindergarten::OtherPrivate),
];
const MAJORS: &[(&str, Major)] = &[
    ("agriculture", Major::Agriculture),
    ("arts_performance", Major::ArtsPerformance),
    ("other", Major::Other),
];
const ADMISSION_TIERS: &[(&str, AdmissionTier)] = &[
    ("first_tier", AdmissionTier::FirstTier),
    ("second_tier", AdmissionTier::SecondTier),
    ("other_bachelor", AdmissionTier::OtherBachelor),
    ("junior_college", AdmissionTier::JuniorCollege),
];
const HARDSHIPS: &[(&str, Hardship)] = &[
    ("special", Hardship::Special),
    ("relative", Hardship::Relative),
    ("general", Hardship::General),
    ("none", Hardship::None),
];

/// The keys of every object of the v1 case, by path (`[]` for list items). A key outside these
/// is an error naming it: a misspelt optional field would otherwise be ignored and the answer
/// would silently change.
const KEYS: &[(&str, &[&str])] = &[
    ("", &["as_of", "household", "student"]),
    ("household", &["hukou", "statuses", "statuses_checked"]),
    ("household.hukou", &["region", "area"]),
    ("household.statuses[]", &["kind", "from", "to"]),
    (
        "student",
        &[
            "stage",
            "grade",
            "enrolment",
            "disabled",
            "orphan",
            "hardship",
            "aid_received",
            "birth_date",
            "veteran",
            "funded_teacher_trainee",
            "salaried",
            "out_of_province_checked",
            "enlisting",
            "grassroots_employment",
            "admission_tier",
            "county_high_school_years",
        ],
    ),
    (
        "student.enrolment",
        &[
            "region",
            "ownership",
            "boarding",
            "setting",
            "kindergarten",
            "major",
            "full_time",
            "nutrition_program",
            "contiguous_poverty_area",
            "central_university",
            "vocational_undergraduate",
            "mongolian_instruction",
        ],
    ),
    ("student.aid_received[]", &["program", "region"]),
];

impl Case {
    /// Parses v1 JSON text (see [`crate::json`] for what is refused before the fields are
    /// read: empty, too large, too deep, duplicate keys).
    pub fn from_json(text: &str) -> Result<Case, CaseError> {
        Case::from_value(&crate::json::parse_str(text)?)
    }

    /// Parses v1 JSON bytes: UTF-8, with or without a byte-order mark.
    pub fn from_bytes(bytes: &[u8]) -> Result<Case, CaseError> {
        Case::from_value(&crate::json::parse_bytes(bytes)?)
    }

    /// Reads a v1 case from a JSON value. Unknown, missing or malformed fields are errors
    /// naming the field.
    pub fn from_value(value: &Value) -> Result<Case, CaseError> {
        known_keys(value, "", "")?;
        let root = object(value, "")?;
        let as_of = date(required(root, "", "as_of")?, "as_of")?;
        let household = object(required(root, "", "household")?, "household")?;
        let hukou = object(required(household, "household", "hukou")?, "household.hukou")?;
        let hukou = Hukou {
            region: region(
                required(hukou, "household.hukou", "region")?,
                "household.hukou.region",
            )?,
            area: optional_enum(hukou, "household.hukou", "area", AREAS)?,
        };
        let mut statuses = Vec::new();
        if let Some(list) = optional(household, "statuses") {
            let list = array(list, "household.statuses")?;
            for (i, item) in list.iter().enumerate() {
                let path = format!("household.statuses[{i}]");
                let obj = object(item, &path)?;
                let kind_text = string(required(obj, &path, "kind")?, &format!("{path}.kind"))?;
                let kind = StatusKind::ALL
                    .iter()
                    .find(|(name, _, _)| *name == kind_text)
                    .map(|(_, k, _)| *k)
                    .ok_or_else(|| {
                        let allowed: Vec<&str> =
                            StatusKind::ALL.iter().map(|(n, _, _)| *n).collect();
                        CaseError::invalid(
                            format!("{path}.kind"),
                            format!(
                                "家庭身份{}无法识别，应为：{}",
                                quote(kind_text),
                                allowed.join("、")
                            ),
                        )
                    })?;
                let from = optional(obj, "from")
                    .map(|v| period(v, &format!("{path}.from")))
                    .transpose()?;
                let to =
                    optional(obj, "to").map(|v| period(v, &format!("{path}.to"))).transpose()?;
                // A year or month stands for its first day as a start and its last day as an
                // end (the status held as long as the answer allows); the other end is kept,
                // so the assessment can say whether the exact day would change anything.
                statuses.push(StatusPeriod {
                    kind,
                    from: from.map(|(first, _)| first),
                    to: to.map(|(_, last)| last),
                    from_latest: from.filter(|(a, b)| a != b).map(|(_, last)| last),
                    to_earliest: to.filter(|(a, b)| a != b).map(|(first, _)| first),
                });
            }
        }
        let student = object(required(root, "", "student")?, "student")?;
        let stage_text = string(required(student, "student", "stage")?, "student.stage")?;
        let stage = Stage::ALL
            .iter()
            .find(|(name, _, _)| *name == stage_text)
            .map(|(_, s, _)| *s)
            .ok_or_else(|| {
                let allowed: Vec<&str> = Stage::ALL.iter().map(|(n, _, _)| *n).collect();
                CaseError::invalid(
                    "student.stage",
                    format!("学段{}无法识别，应为：{}", quote(stage_text), allowed.join("、")),
                )
            })?;
        let grade = required(student, "student", "grade")?;
        let grade = grade
            .as_u64()
            .filter(|g| (1..=20).contains(g))
            .ok_or_else(|| CaseError::invalid("student.grade", "年级应为1到20之间的整数"))?
            as u8;
        let enrol = object(required(student, "student", "enrolment")?, "student.enrolment")?;
        let p = "student.enrolment";
        let enrolment = Enrolment {
            region: region(required(enrol, p, "region")?, "student.enrolment.region")?,
            ownership: optional_enum(enrol, p, "ownership", OWNERSHIPS)?,
            boarding: optional_bool(enrol, p, "boarding")?,
            setting: optional_enum(enrol, p, "setting", SETTINGS)?,
            kindergarten: optional_enum(enrol, p, "kindergarten", KINDERGARTENS)?,
            major: optional_enum(enrol, p, "major", MAJORS)?,
            full_time: optional_bool(enrol, p, "full_time")?.unwrap_or(true),
            nutrition_program: optional_bool(enrol, p, "nutrition_program")?,
            contiguous_poverty_area: optional_bool(enrol, p, "contiguous_poverty_area")?,
            central_university: optional_bool(enrol, p, "central_university")?,
            vocational_undergraduate: optional_bool(enrol, p, "vocational_undergraduate")?,
            mongolian_instruction: optional_bool(enrol, p, "mongolian_instruction")?,
        };
        let mut aid_received = Vec::new();
        if let Some(list) = optional(student, "aid_received") {
            for (i, item) in array(list, "student.aid_received")?.iter().enumerate() {
                let path = format!("student.aid_received[{i}]");
                let obj = object(item, &path)?;
                aid_received.push(AidReceived {
                    program: string(required(obj, &path, "program")?, &format!("{path}.program"))?
                        .to_string(),
                    region: region(required(obj, &path, "region")?, &format!("{path}.region"))?,
                });
            }
        }
        let s = "student";
        Ok(Case {
            as_of,
            household: Household {
                hukou,
                statuses,
                statuses_checked: optional_bool(household, "household", "statuses_checked")?
                    .unwrap_or(false),
            },
            student: Student {
                stage,
                grade,
                enrolment,
                disabled: optional_bool(student, s, "disabled")?.unwrap_or(false),
                orphan: optional_bool(student, s, "orphan")?.unwrap_or(false),
                hardship: optional_enum(student, s, "hardship", HARDSHIPS)?,
                aid_received,
                birth_date: optional(student, "birth_date")
                    .map(|v| date(v, "student.birth_date"))
                    .transpose()?,
                veteran: optional_bool(student, s, "veteran")?.unwrap_or(false),
                funded_teacher_trainee: optional_bool(student, s, "funded_teacher_trainee")?
                    .unwrap_or(false),
                salaried: optional_bool(student, s, "salaried")?.unwrap_or(false),
                out_of_province_checked: optional_bool(student, s, "out_of_province_checked")?
                    .unwrap_or(false),
                enlisting: optional_bool(student, s, "enlisting")?.unwrap_or(false),
                grassroots_employment: optional_bool(student, s, "grassroots_employment")?
                    .unwrap_or(false),
                admission_tier: optional_enum(student, s, "admission_tier", ADMISSION_TIERS)?,
                county_high_school_years: optional(student, "county_high_school_years")
                    .map(|v| {
                        v.as_u64().filter(|n| *n <= 6).map(|n| n as u8).ok_or_else(|| {
                            CaseError::invalid(
                                "student.county_high_school_years",
                                "在本县高中就读的年数应为0到6之间的整数",
                            )
                        })
                    })
                    .transpose()?,
            },
        })
    }

    /// The v1 JSON of this case (what a share link or the CLI reads back).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>, CaseError> {
    value.as_object().ok_or_else(|| {
        let field = if path.is_empty() { "(根)" } else { path };
        CaseError::invalid(field, "应为一个对象（{…}）")
    })
}

fn array<'a>(value: &'a Value, path: &str) -> Result<&'a Vec<Value>, CaseError> {
    value.as_array().ok_or_else(|| CaseError::invalid(path, "应为一个列表（[…]）"))
}

/// A field that is present and not `null`.
fn optional<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn required<'a>(
    obj: &'a Map<String, Value>,
    parent: &str,
    key: &str,
) -> Result<&'a Value, CaseError> {
    optional(obj, key).ok_or_else(|| CaseError::missing(join(parent, key)))
}

fn string<'a>(value: &'a Value, path: &str) -> Result<&'a str, CaseError> {
    value.as_str().ok_or_else(|| CaseError::invalid(path, "应为文字（字符串）"))
}

fn date(value: &Value, path: &str) -> Result<Date, CaseError> {
    let text = string(value, path)?;
    Date::parse(text).ok_or_else(|| bad_date(path, text, ""))
}

/// A status date: a day (`2021-06-15`), or only a month (`2021-06`) or year (`2021`), as a
/// family may know it. The first and last day it can be.
fn period(value: &Value, path: &str) -> Result<(Date, Date), CaseError> {
    let text = string(value, path)?;
    Date::parse_period(text)
        .ok_or_else(|| bad_date(path, text, "（只知道年份或月份时可写 YYYY 或 YYYY-MM）"))
}

/// A date that is not one: what it should be, and `more` for the forms a field also takes.
fn bad_date(path: &str, text: &str, more: &str) -> CaseError {
    CaseError::invalid(
        path,
        format!(
            "日期{}无效，应为 {}-01-01 至 {}-12-31 之间真实存在的日期，格式 YYYY-MM-DD{more}",
            quote(text),
            Date::MIN_YEAR,
            Date::MAX_YEAR
        ),
    )
}

fn region(value: &Value, path: &str) -> Result<RegionCode, CaseError> {
    let text = string(value, path)?;
    if text.len() != 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CaseError::invalid(
            path,
            format!("地区代码{}应为6位数字（如 620102）", quote(text)),
        ));
    }
    text.parse().map(RegionCode).map_err(|_| CaseError::invalid(path, "地区代码无效"))
}

fn optional_bool(
    obj: &Map<String, Value>,
    parent: &str,
    key: &str,
) -> Result<Option<bool>, CaseError> {
    optional(obj, key)
        .map(|v| {
            v.as_bool().ok_or_else(|| CaseError::invalid(join(parent, key), "应为 true 或 false"))
        })
        .transpose()
}

fn optional_enum<T: Copy>(
    obj: &Map<String, Value>,
    parent: &str,
    key: &str,
    choices: &[(&str, T)],
) -> Result<Option<T>, CaseError> {
    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
    Ok(optional_choice(obj, parent, key, &names)?.map(|i| choices[i].1))
}

/// The index of the value among `names` (not generic: one copy serves every enum).
fn optional_choice(
    obj: &Map<String, Value>,
    parent: &str,
    key: &str,
    names: &[&str],
) -> Result<Option<usize>, CaseError> {
    let Some(value) = optional(obj, key) else { return Ok(None) };
    let path = join(parent, key);
    let text = string(value, &path)?;
    names.iter().position(|name| *name == text).map(Some).ok_or_else(|| {
        CaseError::invalid(path, format!("取值{}无法识别，应为：{}", quote(text), names.join("、")))
    })
}

/// The keys an object of the case may have, by its shape (`""` for the root,
/// `household.statuses[]` for a status); empty for an unknown shape.
pub fn keys(shape: &str) -> &'static [&'static str] {
    KEYS.iter().find(|(s, _)| *s == shape).map_or(&[], |(_, k)| k)
}

/// Reads one field of a partial case exactly as [`Case::from_value`] and [`crate::validate`]
/// would, for callers that hold a case still being answered (the app): the same value is
/// accepted or refused, with the same message. `path` is the JSON path with real indices
/// (`household.statuses[0].from`).
pub fn check_field(path: &str, value: &Value) -> Result<(), CaseError> {
    let shape = shape_of(path);
    match shape.as_str() {
        "as_of" | "student.birth_date" => date(value, path).map(|_| ()),
        "household.statuses[].from" | "household.statuses[].to" => period(value, path).map(|_| ()),
        "household.hukou.region" | "student.enrolment.region" | "student.aid_received[].region" => {
            let code = region(value, path)?;
            crate::validate::county(code.0, path)
        }
        "household.hukou.area" => enum_field(value, path, AREAS),
        "student.enrolment.ownership" => enum_field(value, path, OWNERSHIPS),
        "student.enrolment.setting" => enum_field(value, path, SETTINGS),
        "student.enrolment.kindergarten" => enum_field(value, path, KINDERGARTENS),
        "student.enrolment.major" => enum_field(value, path, MAJORS),
        "student.hardship" => enum_field(value, path, HARDSHIPS),
        "student.admission_tier" => enum_field(value, path, ADMISSION_TIERS),
        "student.county_high_school_years" => value
            .as_u64()
            .filter(|n| *n <= 6)
            .map(|_| ())
            .ok_or_else(|| CaseError::invalid(path, "在本县高中就读的年数应为0到6之间的整数")),
        "student.stage" => {
            let names: Vec<&str> = Stage::ALL.iter().map(|(n, _, _)| *n).collect();
            choice_field(value, path, &names)
        }
        "household.statuses[].kind" => {
            let names: Vec<&str> = StatusKind::ALL.iter().map(|(n, _, _)| *n).collect();
            choice_field(value, path, &names)
        }
        "student.grade" => value
            .as_u64()
            .filter(|g| (1..=20).contains(g))
            .map(|_| ())
            .ok_or_else(|| CaseError::invalid(path, "年级应为1到20之间的整数")),
        "student.aid_received[].program" => {
            let text = string(value, path)?;
            if crate::policy::any_program(text).is_some() {
                Ok(())
            } else {
                Err(CaseError::invalid(
                    path,
                    format!("资助项目{}不在国家资助项目目录或已录入的地方项目中", quote(text)),
                ))
            }
        }
        _ => {
            let (parent, key) = shape.rsplit_once('.').unwrap_or(("", shape.as_str()));
            match KEYS.iter().find(|(s, _)| *s == parent) {
                Some((_, keys)) if keys.contains(&key) => value
                    .as_bool()
                    .map(|_| ())
                    .ok_or_else(|| CaseError::invalid(path, "应为 true 或 false")),
                Some((_, keys)) => Err(unknown_field(path, parent, key, keys)),
                None => {
                    Err(CaseError::new(path, format!("未知字段 {path}"), ErrorKind::UnknownField))
                }
            }
        }
    }
}

fn enum_field<T: Copy>(value: &Value, path: &str, choices: &[(&str, T)]) -> Result<(), CaseError> {
    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
    choice_field(value, path, &names)
}

fn choice_field(value: &Value, path: &str, names: &[&str]) -> Result<(), CaseError> {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let mut obj = Map::new();
    obj.insert(key.to_string(), value.clone());
    optional_choice(&obj, parent, key, names).map(|_| ())
}

/// `household.statuses[2].from` → `household.statuses[].from`.
fn shape_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// Checks that every object in the case has only known keys, recursively. `shape` is the path
/// with list indices as `[]` (for [`KEYS`]); `path` the real one (for the message).
fn known_keys(value: &Value, shape: &str, path: &str) -> Result<(), CaseError> {
    match value {
        Value::Object(map) => {
            let Some(&(_, keys)) = KEYS.iter().find(|(s, _)| *s == shape) else { return Ok(()) };
            for (key, child) in map {
                let child_path = join(path, key);
                if !keys.contains(&key.as_str()) {
                    return Err(unknown_field(&child_path, shape, key, keys));
                }
                known_keys(child, &join(shape, key), &child_path)?;
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                known_keys(item, &format!("{shape}[]"), &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn unknown_field(path: &str, shape: &str, key: &str, keys: &[&str]) -> CaseError {
    let parent = path.strip_suffix(key).unwrap_or("");
    // The same name where it belongs (`student.boarding` → `student.enrolment.boarding`).
    let elsewhere = KEYS
        .iter()
        .filter(|(s, _)| *s != shape)
        .find(|(_, ks)| ks.contains(&key))
        .map(|(s, _)| join(&s.replace("[]", "[0]"), key));
    let nearest = keys
        .iter()
        .map(|k| (edit_distance(key, k), *k))
        .min()
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
        .map(|(_, k)| format!("{parent}{k}"));
    let hint = match (nearest, elsewhere) {
        (Some(n), _) => format!("，是否想写 {n}？"),
        (None, Some(e)) => format!("，此项应写在 {e}"),
        (None, None) => format!("；此处可用的字段：{}", keys.join("、")),
    };
    CaseError::new(
        path,
        format!("未知字段 {}{hint}", crate::error::quote(path).trim_matches(['“', '”'])),
        ErrorKind::UnknownField,
    )
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = r#"{"as_of": "2025-03-10",
        "household": {"hukou": {"region": "430923", "area": "rural"}, "statuses": []},
        "student": {"stage": "junior", "grade": 2, "enrolment": {"region": "430923"}}}"#;

    fn error(text: &str) -> CaseError {
        Case::from_json(text).unwrap_err()
    }

    #[test]
    fn unknown_fields_name_the_nearest_known_one() {
        let e = error(&CASE.replace(r#""grade": 2"#, r#""grade": 2, "hardshp": "special""#));
        assert_eq!(e.kind, ErrorKind::UnknownField);
        assert_eq!(e.field, "student.hardshp");
        assert_eq!(e.message, "未知字段 student.hardshp，是否想写 student.hardship？");
        let e = error(&CASE.replace(r#""grade": 2"#, r#""grade": 2, "boarding": true"#));
        assert_eq!(e.message, "未知字段 student.boarding，此项应写在 student.enrolment.boarding");
        let e = error(&CASE.replace(
            r#""statuses": []"#,
            r#""statuses": [{"kind": "dibao", "form": "2020-01-01"}]"#,
        ));
        assert_eq!(e.field, "household.statuses[0].form");
        assert!(e.message.contains("是否想写 household.statuses[0].from"), "{}", e.message);
        let e = error(&CASE.replace(r#""as_of""#, r#""zzzz": 1, "as_of""#));
        assert!(e.message.contains("此处可用的字段：as_of、household、student"), "{}", e.message);
    }

    /// 「未认定」 (answered: none) is kept apart from 「未回答」 and changes no rule.
    #[test]
    fn statuses_checked_is_read_and_written_back() {
        let checked =
            CASE.replace(r#""statuses": []"#, r#""statuses": [], "statuses_checked": true"#);
        let case = Case::from_json(&checked).unwrap();
        assert!(case.household.statuses_checked);
        assert!(case.to_json().contains(r#""statuses_checked":true"#));
        let unchecked = Case::from_json(CASE).unwrap();
        assert!(!unchecked.household.statuses_checked);
        assert!(!unchecked.to_json().contains("statuses_checked"));
        let a = crate::assess(&case).unwrap();
        let b = crate::assess(&unchecked).unwrap();
        assert_eq!(a.entitlements.len(), b.entitlements.len());
        assert_eq!(a.total_annual_yuan, b.total_annual_yuan);
        let e = error(
            &CASE.replace(r#""statuses": []"#, r#""statuses": [], "statuses_checked": "yes""#),
        );
        assert_eq!(e.field, "household.statuses_checked");
        assert_eq!(e.message, "household.statuses_checked：应为 true 或 false");
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let e = error(&CASE.replace(r#""grade": 2"#, r#""grade": 2, "grade": 3"#));
        assert_eq!((e.field.as_str(), e.kind), ("student.grade", ErrorKind::Invalid));
    }

    #[test]
    fn single_fields_are_read_as_the_whole_case_reads_them() {
        use serde_json::json;
        assert!(check_field("household.hukou.region", &json!("620102")).is_ok());
        let e = check_field("household.hukou.region", &json!("+620102")).unwrap_err();
        assert_eq!((e.field.as_str(), e.kind), ("household.hukou.region", ErrorKind::Invalid));
        assert!(check_field("student.enrolment.region", &json!("999999")).is_err());
        assert!(check_field("student.enrolment.region", &json!("620100")).is_err());
        assert!(check_field("student.grade", &json!(2)).is_ok());
        assert!(check_field("student.grade", &json!(99)).is_err());
        assert!(check_field("student.grade", &json!("2")).is_err());
        assert!(check_field("household.statuses[3].from", &json!("2024-02-30")).is_err());
        assert!(check_field("household.statuses[3].kind", &json!("dibao")).is_ok());
        assert!(check_field("household.statuses[0].kind", &json!("poor")).is_err());
        assert!(check_field("student.enrolment.boarding", &json!(true)).is_ok());
        assert!(check_field("student.enrolment.boarding", &json!("yes")).is_err());
        assert!(check_field("student.veteran", &json!(false)).is_ok());
        assert_eq!(
            check_field("student.hardshp", &json!("x")).unwrap_err().kind,
            ErrorKind::UnknownField
        );
        assert!(
            check_field("student.aid_received[0].program", &json!("higher.origin_loan")).is_ok()
        );
        assert!(check_field("student.aid_received[0].program", &json!("x")).is_err());
        assert!(check_field("student.stage", &json!("junior")).is_ok());
        assert!(check_field("student.hardship", &json!("very")).is_err());
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("hardshp", "hardship"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("寄宿", "寄宿生"), 1);
    }
}
