//! Settings a portal passes in the page's address, by the embed script (`static/embed.js`)
//! or in a plain `<iframe src="…/?region=6229&lang=zh-Hant">`:
//!
//! | parameter | meaning |
//! |---|---|
//! | `region` | 户籍 preset: a province (62), prefecture (6229) or county (622926) code |
//! | `school_region` | 就读 (学籍) preset, the same forms |
//! | `lang` | `zh-Hans`, `zh-Hant` or `en` |
//! | `as_of` | the day to assess on, `YYYY-MM-DD` |
//! | `compact`, `accent`, `embed`, `host`, `summary` | read by `static/embed-frame.js` (layout, colour, messages to the portal) |
//!
//! A preset only fills what the family has not answered: answers kept on the phone or opened
//! from a share link win. A value that is not valid is ignored, as if absent.

use serde_json::Value;
use zhuxue_engine::regions::{self, Level};

use crate::i18n::Lang;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub lang: Option<Lang>,
    /// 户籍 preset, as a 6-digit code of a province, prefecture or county.
    pub hukou: Option<u32>,
    /// 学籍 preset, the same.
    pub school: Option<u32>,
    pub as_of: Option<String>,
}

impl Options {
    /// Reads `?key=value&…` (the leading `?` optional). Only the keys above are read.
    pub fn parse(query: &str) -> Options {
        let mut o = Options::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = value.trim();
            match key {
                "lang" => o.lang = Lang::from_code(value),
                "region" => o.hukou = region(value),
                "school_region" => o.school = region(value),
                "as_of" => {
                    let ok =
                        zhuxue_engine::case::check_field("as_of", &Value::String(value.into()));
                    o.as_of = ok.is_ok().then(|| value.to_string());
                }
                _ => {}
            }
        }
        o
    }
}

/// A province (2 digits), prefecture (4) or county (6) code known to the registry, as 6 digits.
fn region(text: &str) -> Option<u32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code: u32 = match text.len() {
        2 => text.parse::<u32>().ok()? * 10_000,
        4 => text.parse::<u32>().ok()? * 100,
        6 => text.parse().ok()?,
        _ => return None,
    };
    regions::lookup(code).map(|r| r.code)
}

/// A county code, when the preset is one (it then fills the answer).
pub fn county(code: Option<u32>) -> Option<String> {
    code.and_then(regions::county).map(|r| format!("{:06}", r.code))
}

/// The province and prefecture a picker starts at for a preset that is not a county.
pub fn picker_start(code: Option<u32>) -> (Option<u32>, Option<u32>) {
    match code.and_then(regions::lookup) {
        Some(r) if r.level == Level::Province => (Some(r.code), None),
        Some(r) if r.level == Level::Prefecture => (Some(r.code / 10_000 * 10_000), Some(r.code)),
        _ => (None, None),
    }
}

/// What a portal that opted in (`data-summary="true"`) receives of a result: the totals and
/// each entitlement's id, outcome and yearly value, with the date and rules version. Nothing
/// of the case itself (no place, status or answer).
pub fn summary(a: &zhuxue_engine::Assessment) -> String {
    // Written by the browser's JSON.stringify: serde's serialiser is not in the family bundle.
    crate::browser::to_json_text(&summary_value(a))
}

/// The summary as a value, built by hand (see [`summary`]).
pub fn summary_value(a: &zhuxue_engine::Assessment) -> Value {
    use zhuxue_engine::assessment::Outcome;
    let object = |pairs: Vec<(&str, Value)>| {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    };
    let entitlements = a
        .entitlements
        .iter()
        .map(|e| {
            let outcome = match e.outcome {
                Outcome::Eligible => "eligible",
                Outcome::Conditional => "conditional",
                Outcome::NeedsInfo => "needs_info",
            };
            object(vec![
                ("program", e.program.into()),
                ("outcome", outcome.into()),
                ("annual_yuan", e.annual_yuan.into()),
            ])
        })
        .collect();
    object(vec![
        ("as_of", a.as_of.to_string().into()),
        ("rules_version", a.rules.version.into()),
        ("total_annual_yuan", a.total_annual_yuan.into()),
        ("in_kind_annual_yuan", a.in_kind_annual_yuan.into()),
        ("loan_annual_limit_yuan", a.loan_annual_limit_yuan.into()),
        ("entitlements", Value::Array(entitlements)),
    ])
}

thread_local! {
    static OPTIONS: Options = Options::parse(&crate::browser::query());
}

/// The page's own options (read once from its address).
pub fn options() -> Options {
    OPTIONS.with(Options::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_setting_and_ignores_bad_values() {
        let o = Options::parse(
            "?embed=1&region=6229&school_region=440106&lang=zh-Hant&as_of=2025-10-10&accent=%23c00",
        );
        assert_eq!(o.hukou, Some(622900));
        assert_eq!(o.school, Some(440106));
        assert_eq!(o.lang, Some(Lang::Hant));
        assert_eq!(o.as_of.as_deref(), Some("2025-10-10"));
        let bad = Options::parse("region=99&school_region=62x1&lang=fr&as_of=2025-13-01");
        assert_eq!(bad, Options::default());
        assert_eq!(Options::parse("region=62").hukou, Some(620000));
        assert_eq!(Options::parse("region=622926").hukou, Some(622926));
        assert_eq!(Options::parse("region=6229261").hukou, None);
        assert_eq!(Options::parse(""), Options::default());
    }

    #[test]
    fn the_summary_carries_totals_and_programs_but_nothing_of_the_case() {
        let case =
            zhuxue_engine::Case::from_json(include_str!("../examples/junior-boarder-gansu.json"))
                .unwrap();
        let a = zhuxue_engine::assess(&case).unwrap();
        let v = summary_value(&a);
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "as_of",
                "entitlements",
                "in_kind_annual_yuan",
                "loan_annual_limit_yuan",
                "rules_version",
                "total_annual_yuan"
            ]
        );
        assert_eq!(v["total_annual_yuan"], a.total_annual_yuan);
        let first = &v["entitlements"][0];
        assert_eq!(first.as_object().unwrap().len(), 3);
        assert_eq!(first["program"], a.entitlements[0].program);
        // The same text as the assessment's own serialisation.
        for (i, e) in a.entitlements.iter().enumerate() {
            assert_eq!(v["entitlements"][i]["outcome"], serde_json::to_value(e.outcome).unwrap());
        }
        assert_eq!(v["as_of"], serde_json::to_value(a.as_of).unwrap());
        assert_eq!(v["rules_version"], serde_json::to_value(a.rules.version).unwrap());
        assert!(!v.to_string().contains(&a.places.hukou.region.0.to_string()), "no place code");
    }

    #[test]
    fn a_county_fills_the_answer_a_province_or_prefecture_starts_the_picker() {
        assert_eq!(county(Some(622926)).as_deref(), Some("622926"));
        assert_eq!(county(Some(622900)), None);
        assert_eq!(picker_start(Some(622900)), (Some(620000), Some(622900)));
        assert_eq!(picker_start(Some(620000)), (Some(620000), None));
        assert_eq!(picker_start(Some(622926)), (None, None));
        // 东莞市 has no counties: its code is a county-level row, so it fills the answer.
        assert_eq!(county(Options::parse("region=4419").hukou).as_deref(), Some("441900"));
    }
}
