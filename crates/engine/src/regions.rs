//! The administrative-division registry (GB/T 2260 codes as published by 国家统计局, 2023).
//!
//! Every region code in a case must be a county-level code found here (or a prefecture-level
//! city without counties, which the registry lists as a county row), so that every answer can
//! name the place in Chinese and an unknown code is an error, not a guess.

use std::sync::OnceLock;

use crate::policy::{REGION_CODE_DELTAS, REGION_LEVELS, REGION_NAMES, REGION_NAME_LENS};

/// One unpacked registry row: (code, level, name start, name length).
type Row = (u32, u8, u32, u16);

/// The codes, from the differences between successive codes in LEB128 bytes (build.rs).
fn codes() -> impl Iterator<Item = u32> {
    let mut bytes = REGION_CODE_DELTAS.iter();
    let mut code = 0u32;
    std::iter::from_fn(move || {
        let (mut delta, mut shift) = (0u32, 0);
        loop {
            let b = *bytes.next()?;
            delta |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        code += delta;
        Some(code)
    })
}

/// The registry, unpacked from its compact generated form on first use.
fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut start = 0u32;
        codes()
            .zip(REGION_LEVELS)
            .zip(REGION_NAME_LENS)
            .map(|((code, level), len)| {
                let row = (code, *level, start, u16::from(*len));
                start += u32::from(*len);
                row
            })
            .collect()
    })
}

/// Administrative level of a registry row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Province,
    Prefecture,
    County,
}

/// One row of the registry.
#[derive(Clone, Copy, Debug)]
pub struct Region {
    pub code: u32,
    pub level: Level,
    pub name: &'static str,
}

/// Looks a code up.
pub fn lookup(code: u32) -> Option<Region> {
    let index = rows().binary_search_by_key(&code, |row| row.0).ok()?;
    let (code, level, start, len) = rows()[index];
    let level = match level {
        0 => Level::Province,
        1 => Level::Prefecture,
        _ => Level::County,
    };
    let name = REGION_NAMES.get(start as usize..start as usize + len as usize)?;
    Some(Region { code, level, name })
}

/// A county-level region, or `None` for unknown codes and for province or prefecture codes.
pub fn county(code: u32) -> Option<Region> {
    lookup(code).filter(|r| r.level == Level::County)
}

/// Province of a code: its first two digits.
pub fn province_of(code: u32) -> u32 {
    code / 10_000
}

/// The full Chinese name, province → prefecture → county: 甘肃省兰州市城关区. Placeholder
/// prefecture rows (市辖区, 县, 省直辖县级行政区划) are left out.
pub fn full_name(code: u32) -> String {
    let mut name = String::new();
    if let Some(p) = lookup(province_of(code) * 10_000) {
        name.push_str(p.name);
    }
    let prefecture = code / 100 * 100;
    if prefecture != code && prefecture != province_of(code) * 10_000 {
        if let Some(p) = lookup(prefecture) {
            if !is_placeholder(p.name) {
                name.push_str(p.name);
            }
        }
    }
    if let Some(c) = lookup(code) {
        if c.level != Level::Province {
            name.push_str(c.name);
        }
    }
    name
}

/// A prefecture row that names no place (市辖区, 县, 省直辖县级行政区划).
pub fn is_placeholder(name: &str) -> bool {
    matches!(name, "市辖区" | "县" | "省直辖县级行政区划" | "自治区直辖县级行政区划")
}

/// Provinces, in code order (for pickers).
pub fn provinces() -> Vec<Region> {
    rows().iter().filter(|row| row.1 == 0).filter_map(|row| lookup(row.0)).collect()
}

/// The rows one level below `code`: a province's prefectures, a prefecture's counties.
/// A prefecture-level city without counties (东莞市) is its own only county.
pub fn children(code: u32) -> Vec<Region> {
    let Some(parent) = lookup(code) else { return Vec::new() };
    let (level, divisor) = match parent.level {
        Level::Province => (1, 10_000),
        Level::Prefecture => (2, 100),
        Level::County => return Vec::new(),
    };
    let start = rows().partition_point(|row| row.0 < code);
    let mut out: Vec<Region> = rows()[start..]
        .iter()
        .take_while(|row| row.0 / divisor == code / divisor)
        .filter(|row| row.1 == level)
        .filter_map(|row| lookup(row.0))
        .collect();
    if level == 1 {
        // Counties of a province whose prefecture row is missing (none in the 2023 data, but
        // the picker must never hide a county): list them under the province too.
        let orphans = rows()[start..]
            .iter()
            .take_while(|row| row.0 / divisor == code / divisor)
            .filter(|row| {
                row.1 == 2 && lookup(row.0 / 100 * 100).is_none_or(|p| p.level == Level::County)
            })
            .filter_map(|row| lookup(row.0));
        out.extend(orphans);
    }
    out
}

/// Counties whose name or full name contains `query` (typing 东乡 finds 东乡族自治县), names
/// starting with the query first, at most `limit`.
pub fn search(query: &str, limit: usize) -> Vec<Region> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    for county in counties() {
        if county.name.starts_with(query) {
            starts.push(county);
        } else if county.name.contains(query) || full_name(county.code).contains(query) {
            contains.push(county);
        }
    }
    starts.extend(contains);
    starts.truncate(limit);
    starts
}

/// All county-level rows (for pickers and search in the app).
pub fn counties() -> impl Iterator<Item = Region> {
    rows().iter().filter_map(|row| lookup(row.0)).filter(|r| r.level == Level::County)
}

/// Number of rows of each level: (provinces, prefectures, counties).
pub fn counts() -> (usize, usize, usize) {
    rows().iter().fold((0, 0, 0), |(p, c, a), row| match row.1 {
        0 => (p + 1, c, a),
        1 => (p, c + 1, a),
        _ => (p, c, a + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_places_in_full() {
        assert_eq!(full_name(620102), "甘肃省兰州市城关区");
        assert_eq!(full_name(622926), "甘肃省临夏回族自治州东乡族自治县");
        assert_eq!(full_name(110101), "北京市东城区");
        assert_eq!(full_name(441900), "广东省东莞市");
        assert_eq!(full_name(429004), "湖北省仙桃市");
    }

    #[test]
    fn picker_levels_and_search() {
        assert_eq!(provinces().len(), 31);
        let gansu = children(620000);
        assert!(gansu.iter().any(|r| r.name == "临夏回族自治州"));
        assert!(gansu.iter().all(|r| r.level == Level::Prefecture));
        let linxia = children(622900);
        assert!(linxia.iter().any(|r| r.code == 622926));
        assert_eq!(children(441900).len(), 0);
        let dongguan = children(440000).into_iter().find(|r| r.code == 441900).unwrap();
        assert_eq!(dongguan.level, Level::County);
        let found = search("东乡", 10);
        assert!(found.iter().any(|r| r.code == 622926), "{found:?}");
        assert_eq!(found[0].name, "东乡区");
        assert!(search("  ", 10).is_empty());
    }

    /// The packed registry unpacks to regions.csv exactly: every code, level and name.
    #[test]
    fn unpacks_to_the_csv() {
        let csv = include_str!("../policy/regions/regions.csv");
        let rows: Vec<(u32, Level, &str)> = rows()
            .iter()
            .map(|(code, ..)| lookup(*code).map(|r| (r.code, r.level, r.name)).unwrap())
            .collect();
        let expected: Vec<(u32, Level, &str)> = csv
            .lines()
            .skip(1)
            .map(|line| {
                let mut p = line.splitn(3, ',');
                let code = p.next().unwrap().parse().unwrap();
                let level = match p.next().unwrap() {
                    "province" => Level::Province,
                    "prefecture" => Level::Prefecture,
                    _ => Level::County,
                };
                (code, level, p.next().unwrap())
            })
            .collect();
        assert_eq!(rows.len(), 3348);
        assert_eq!(rows, expected);
    }

    #[test]
    fn county_rejects_other_levels_and_unknown_codes() {
        assert!(county(620102).is_some());
        assert!(county(620100).is_none());
        assert!(county(620000).is_none());
        assert!(county(999999).is_none());
        assert_eq!(counts(), (31, 339, 2978));
    }
}
