//! The policy data: dated, cited values generated at build time from `policy/`.
//!
//! Every amount and threshold the rules use is a [`Parameter`]: a list of [`DatedValue`]s, each
//! in force from its `from` date (inclusive) until the next value's `from`, or until its own
//! `until` (exclusive) when the rule ended. A date before the first value, or after an
//! `until`, has no value: [`Parameter::at`] returns `None` and the rules say so, rather than
//! borrowing the nearest value.

use crate::date::Date;

/// Rules-wide settings from `policy/national/meta.toml`.
#[derive(Debug)]
pub struct Meta {
    pub version: &'static str,
    pub verified_on: Date,
    /// The first date the rules as a whole describe; earlier cases are refused.
    pub coverage_from: Date,
    pub coverage_citation: &'static str,
    pub transition_from: Date,
    /// Exclusive end of the 2021–2025 transition period.
    pub transition_until: Date,
    pub transition_citation: &'static str,
    pub post_transition_citation: &'static str,
    /// An as-of date more than this many days after `verified_on` gets a notice that figures
    /// may have changed since.
    pub stale_after_days: i64,
}

/// A policy document.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct Citation {
    pub id: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<&'static str>,
    pub issuer: &'static str,
    /// Date of issue or publication, only when a retrieved source states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub source: &'static str,
    /// Where the sources named in `source` were read (SOURCES.md), when they have an address.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub addresses: &'static [&'static str],
    /// True when the content the rules rely on was read in a retrieved source.
    pub confirmed: bool,
    /// Which parts (number, date, title) no retrieved source gave, when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

#[derive(Debug)]
pub struct Parameter {
    pub name: &'static str,
    pub unit: &'static str,
    pub description: &'static str,
    pub values: &'static [DatedValue],
}

#[derive(Debug)]
pub struct DatedValue {
    pub from: Date,
    pub until: Option<Date>,
    pub value: i64,
    pub citation: &'static str,
    pub verified_on: Date,
    /// Why the figure or its date is not verified, when it is not.
    pub unverified: Option<&'static str>,
}

impl Parameter {
    /// The value in force on `date`, if any.
    pub fn at(&self, date: Date) -> Option<&'static DatedValue> {
        let values: &'static [DatedValue] = self.values;
        let index = values.partition_point(|v| v.from <= date);
        let v = values.get(index.checked_sub(1)?)?;
        match v.until {
            Some(until) if date >= until => None,
            _ => Some(v),
        }
    }

    /// The last value ever set (used to tell the user what the standard *was* when a rule
    /// has ended; never used as the current value).
    pub fn last(&self) -> Option<&'static DatedValue> {
        let values: &'static [DatedValue] = self.values;
        values.last()
    }
}

/// A program of the national catalogue and how to apply for it.
#[derive(Debug)]
pub struct ProgramInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    /// First day in force; `None` when the program was in force before the rules' coverage
    /// starts and no source gives the day.
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub citation: &'static str,
    pub citations: &'static [&'static str],
    pub payer: &'static str,
    /// On which day the household's statuses are read for this program.
    pub status_on: StatusOn,
    pub status_on_citation: &'static str,
    pub apply_where: &'static str,
    pub apply_when: &'static str,
    pub documents: &'static [&'static str],
}

/// The day a program reads the household's statuses (脱贫户, 监测对象, 低保 …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusOn {
    /// The as-of date: a status counts from its recognition and stops when withdrawn.
    AsOf,
    /// The first day of the term the as-of date falls in (雨露计划: a household flagged
    /// 「风险消除」 after term started is still paid that term).
    TermStart,
}

impl ProgramInfo {
    pub fn in_force(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date < u)
    }
}

/// A list of regions (by code prefix) that a rule names, e.g. the former contiguous poverty
/// areas. `complete = false` means codes outside it are unknown, not excluded.
#[derive(Debug)]
pub struct RegionList {
    pub id: &'static str,
    pub name: &'static str,
    pub complete: bool,
    pub citation: &'static str,
    pub verified_on: Date,
    pub groups: &'static [RegionGroup],
}

#[derive(Debug)]
pub struct RegionGroup {
    pub tag: &'static str,
    pub name: &'static str,
    pub prefixes: &'static [&'static str],
    pub citation: &'static str,
}

/// Whether a region list covers a code: `Some(group)` when it does, `None` when it does not
/// (which, for an incomplete list, means "unknown").
impl RegionList {
    pub fn group_of(&self, code: u32) -> Option<&'static RegionGroup> {
        let groups: &'static [RegionGroup] = self.groups;
        groups.iter().find(|g| g.prefixes.iter().any(|p| code_has_prefix(code, p)))
    }
}

/// A list of counties read from CSV rows (e.g. the 832 former poverty counties), each row with
/// its group and the basis on which it is known (`CONFIRMED …`, `DERIVED …`).
#[derive(Debug)]
pub struct CountyList {
    pub id: &'static str,
    pub name: &'static str,
    /// False when counties outside the list are unknown rather than excluded.
    pub complete: bool,
    pub citation: &'static str,
    pub verified_on: Date,
    pub groups: &'static [CountyGroup],
    /// Sorted county codes (today's and former codes alike).
    pub codes: &'static [u32],
    /// For each code, the index of its group.
    pub group_index: &'static [u8],
}

#[derive(Debug)]
pub struct CountyGroup {
    pub name: &'static str,
    pub basis: &'static str,
}

impl CountyList {
    pub fn group_of(&self, code: u32) -> Option<&'static CountyGroup> {
        let codes: &'static [u32] = self.codes;
        let groups: &'static [CountyGroup] = self.groups;
        let i = codes.binary_search(&code).ok()?;
        groups.get(usize::from(*self.group_index.get(i)?))
    }

    pub fn contains(&self, code: u32) -> bool {
        self.codes.binary_search(&code).is_ok()
    }
}

/// Whether a code prefix (2, 4 or 6 digits) covers a county code.
pub fn code_has_prefix(code: u32, prefix: &str) -> bool {
    let divisor = match prefix.len() {
        2 => 10_000,
        4 => 100,
        _ => 1,
    };
    prefix.parse::<u32>().is_ok_and(|p| code / divisor == p)
}

include!(concat!(env!("OUT_DIR"), "/policy_data.rs"));

/// Looks a citation up by id.
pub fn citation(id: &str) -> Option<&'static Citation> {
    CITATIONS.iter().find(|c| c.id == id).or_else(|| crate::local::citation(id))
}

impl Meta {
    /// The transition period as its years read: 「2021—2025年」 (its end is exclusive).
    pub fn transition_years(&self) -> String {
        format!("{}—{}年", self.transition_from.year(), self.transition_until.year() - 1)
    }

    /// The transition period's last day: 「2025年12月31日」.
    pub fn transition_last_day(&self) -> String {
        last_day(self.transition_until)
    }
}

/// The last day before an exclusive end, in Chinese: 2026-01-01 → 「2025年12月31日」 (an end
/// on another day reads 「…日前」).
pub fn last_day(until: Date) -> String {
    match (until.month(), until.day()) {
        (1, 1) => format!("{}年12月31日", until.year() - 1),
        _ => format!("{}年{}月{}日前", until.year(), until.month(), until.day()),
    }
}

/// Looks a program up by id.
pub fn program(id: &str) -> Option<&'static ProgramInfo> {
    PROGRAMS.iter().find(|p| p.id == id)
}

/// Looks a program up by id, national or local (`local.…`): its catalogue entry.
pub fn any_program(id: &str) -> Option<&'static ProgramInfo> {
    program(id).or_else(|| crate::local::program(id).map(|p| &p.info))
}

impl Program {
    /// Its catalogue entry (`PROGRAMS` is generated in the same order as the variants).
    pub fn info(self) -> &'static ProgramInfo {
        &PROGRAMS[self as usize]
    }

    /// Its stable id (`compulsory.boarding_allowance`).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn from_id(id: &str) -> Option<Program> {
        Program::ALL.into_iter().find(|p| p.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Criterion texts take their dates from the data: the transition period and ends.
    #[test]
    fn dates_in_texts_come_from_the_data() {
        assert_eq!(META.transition_years(), "2021—2025年");
        assert_eq!(META.transition_last_day(), "2025年12月31日");
        assert_eq!(last_day(Date::new(2026, 9, 1).unwrap()), "2026年9月1日前");
        let yulu = Program::YuluVocationalSubsidy.info();
        assert_eq!(yulu.until.map(last_day).as_deref(), Some("2025年12月31日"));
    }

    #[test]
    fn parameter_lookup_is_half_open() {
        let p = &COMPULSORY_BOARDING_ALLOWANCE_PRIMARY;
        assert_eq!(p.at(Date::ymd(2024, 1, 31)).map(|v| v.value), Some(1000));
        assert_eq!(p.at(Date::ymd(2024, 2, 1)).map(|v| v.value), Some(1250));
        assert_eq!(p.at(Date::ymd(2011, 8, 31)).map(|v| v.value), None);
        let y = &YULU_VOCATIONAL_SUBSIDY_PER_YEAR;
        assert_eq!(y.at(Date::ymd(2025, 12, 31)).map(|v| v.value), Some(3000));
        assert_eq!(y.at(Date::ymd(2026, 1, 1)).map(|v| v.value), None);
    }

    #[test]
    fn region_prefixes_match_by_level() {
        let list = &SPECIAL_AREAS;
        assert!(list.group_of(540102).is_some()); // 西藏 拉萨 城关区
        assert!(list.group_of(620623).is_some()); // 天祝藏族自治县
        assert!(list.group_of(513422).is_some()); // 木里藏族自治县
        assert!(list.group_of(513401).is_none()); // 西昌市: 凉山州 outside 木里
        assert!(list.group_of(620622).is_none()); // 古浪县
        assert!(list.group_of(652901).is_some()); // 阿克苏市 (南疆四地州)
    }

    #[test]
    fn county_lists_from_csv() {
        assert_eq!(POVERTY_COUNTIES_832.groups.len(), 1);
        assert!(POVERTY_COUNTIES_832.contains(430923)); // 安化县
        assert!(POVERTY_COUNTIES_832.contains(532325)); // 姚安县
        assert!(!POVERTY_COUNTIES_832.contains(152921)); // 阿拉善左旗
        assert!(POVERTY_COUNTIES_832.contains(130823) && POVERTY_COUNTIES_832.contains(130881)); // 平泉 old and new
        let g = CONTIGUOUS_AREAS.group_of(620622).map(|g| g.name); // 古浪县
        assert_eq!(g, Some("六盘山区"));
        assert_eq!(CONTIGUOUS_AREAS.group_of(640422).map(|g| g.name), Some("六盘山区")); // 西吉
        assert!(CONTIGUOUS_AREAS.group_of(640323).is_none()); // 盐池: 重点县 only
        assert_eq!(CONTIGUOUS_AREAS.group_of(653101).map(|g| g.name), Some("新疆南疆三地州"));
        assert!(CONTIGUOUS_AREAS.group_of(652901).is_none()); // 阿克苏市: not 南疆三地州
        assert!(CONTIGUOUS_AREAS.group_of(430923).is_none()); // 安化: 片区 not sourced
        assert!(CONTIGUOUS_AREAS.group_of(513422).is_some()); // 木里
    }
}
