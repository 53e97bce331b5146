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
}

/// A policy document.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct Citation {
    pub id: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<&'static str>,
    pub issuer: &'static str,
    pub date: Date,
    pub source: &'static str,
    /// False when the number or date is recalled, not read in a retrieved source.
    pub confirmed: bool,
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
    pub from: Date,
    pub until: Option<Date>,
    pub citation: &'static str,
    pub citations: &'static [&'static str],
    pub payer: &'static str,
    pub apply_where: &'static str,
    pub apply_when: &'static str,
    pub documents: &'static [&'static str],
}

impl ProgramInfo {
    pub fn in_force(&self, date: Date) -> bool {
        date >= self.from && self.until.is_none_or(|u| date < u)
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

fn code_has_prefix(code: u32, prefix: &str) -> bool {
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
    CITATIONS.iter().find(|c| c.id == id)
}

/// Looks a program up by id.
pub fn program(id: &str) -> Option<&'static ProgramInfo> {
    PROGRAMS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let list = &FORMER_CONTIGUOUS_POVERTY_AREAS;
        assert!(list.group_of(540102).is_some()); // 西藏 拉萨 城关区
        assert!(list.group_of(620623).is_some()); // 天祝藏族自治县
        assert!(list.group_of(620622).is_none()); // 古浪县: not in the sourced groups
        assert!(list.group_of(653101).is_some()); // 喀什市
    }
}
