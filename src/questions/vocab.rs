//! The vocabulary the questions offer: stages, status kinds and option lists, each keyed by
//! the engine's own values (a test checks they match the engine), and the grade limits and
//! coverage date read from the engine.

use crate::i18n::{Lang, Msg};

pub const COMPULSORY: &[&str] = &["primary", "junior"];
pub const HIGHER: &[&str] = &["higher_vocational", "undergraduate", "master", "doctoral"];

pub const STAGES: [(&str, &str, &str); 9] = [
    ("preschool", "幼儿园", "Kindergarten"),
    ("primary", "小学", "Primary school"),
    ("junior", "初中", "Junior secondary"),
    ("senior", "普通高中", "General senior high"),
    ("secondary_vocational", "中职（含技工学校）", "Secondary vocational (中职)"),
    ("higher_vocational", "高职（专科）", "Higher vocational (高职)"),
    ("undergraduate", "本科", "Undergraduate"),
    ("master", "硕士研究生", "Master's"),
    ("doctoral", "博士研究生", "Doctoral"),
];

pub const STATUS_KINDS: [(&str, &str, Msg); 7] = [
    ("registered_poor", "建档立卡贫困户", Msg::HelpRegisteredPoor),
    ("lifted_out", "脱贫户", Msg::HelpLiftedOut),
    ("monitored", "防止返贫监测对象", Msg::HelpMonitored),
    ("dibao", "最低生活保障家庭（低保）", Msg::HelpDibao),
    ("tekun", "特困供养", Msg::HelpTekun),
    ("low_income", "低收入家庭", Msg::HelpLowIncome),
    ("martyr_family", "烈士/优抚家庭", Msg::HelpMartyr),
];

/// The programs whose receipt matters to the rules (double aid, 户籍地 fallback, the
/// exclusive scholarships and loans), by stage.
pub fn aid_programs(stage: &str) -> &'static [&'static str] {
    match stage {
        "primary" | "junior" => {
            &["compulsory.boarding_allowance", "compulsory.nonboarding_allowance"]
        }
        "higher_vocational" | "undergraduate" => &[
            "higher.national_grant",
            "higher.national_scholarship",
            "higher.encouragement_scholarship",
            "higher.origin_loan",
            "higher.campus_loan",
        ],
        "master" | "doctoral" => &[
            "graduate.national_grant",
            "graduate.national_scholarship",
            "higher.origin_loan",
            "higher.campus_loan",
        ],
        _ => &[],
    }
}

/// Number of years in each stage (the grade choices offered): the engine's own limit for the
/// stage (`validate::max_grade`), so the app never offers a grade the engine refuses.
pub fn grades(stage: &str) -> u8 {
    let Some((_, stage, _)) = zhuxue_engine::case::Stage::ALL.iter().find(|(k, _, _)| *k == stage)
    else {
        return 0;
    };
    zhuxue_engine::validate::max_grade(*stage)
        .last()
        .and_then(|v| u8::try_from(v.value).ok())
        .unwrap_or(0)
}

/// The first date the rules cover, as the date inputs' minimum.
pub fn coverage_from() -> String {
    zhuxue_engine::policy::META.coverage_from.to_string()
}

pub const AREA: &[(&str, Msg)] = &[("rural", Msg::Rural), ("urban", Msg::Urban)];
pub const KINDERGARTEN: &[(&str, Msg)] = &[
    ("public", Msg::KgPublic),
    ("inclusive_private", Msg::KgInclusive),
    ("other_private", Msg::KgOther),
];
pub const OWNERSHIP: &[(&str, Msg)] = &[("public", Msg::Public), ("private", Msg::Private)];
pub const SETTING: &[(&str, Msg)] =
    &[("city", Msg::City), ("county_town", Msg::CountyTown), ("rural", Msg::Village)];
pub const MAJOR: &[(&str, Msg)] = &[
    ("agriculture", Msg::Agriculture),
    ("arts_performance", Msg::ArtsPerformance),
    ("other", Msg::OtherMajor),
];
pub const ADMISSION_TIER: &[(&str, Msg)] = &[
    ("first_tier", Msg::TierFirst),
    ("second_tier", Msg::TierSecond),
    ("other_bachelor", Msg::TierOther),
    ("junior_college", Msg::TierCollege),
];
/// Years at a county high school: 0, 1, 2, 3 or more (the number the case carries).
pub const YEARS: &[(&str, Msg)] =
    &[("0", Msg::Years0), ("1", Msg::Years1), ("2", Msg::Years2), ("3", Msg::Years3)];
pub const HARDSHIP: &[(&str, Msg)] = &[
    ("special", Msg::HSpecial),
    ("relative", Msg::HRelative),
    ("general", Msg::HGeneral),
    ("none", Msg::HNone),
];

pub fn stage_name(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        _ => lang.zh(zh).into_owned(),
    }
}

pub fn grade_label(lang: Lang, stage: &str, g: u8) -> String {
    // A grade from a shared link can be anything; an impossible one shows as its number.
    let index = usize::from(g).checked_sub(1);
    if stage == "preschool" {
        let names = lang.t(Msg::PreschoolGrades);
        if let Some(name) = index.and_then(|i| names.split(',').nth(i)) {
            return name.to_string();
        }
    }
    match lang {
        Lang::En => format!("Year {g}"),
        _ => {
            let n = ["一", "二", "三", "四", "五", "六", "七", "八"];
            match index.and_then(|i| n.get(i)) {
                Some(n) => lang.zh(&format!("{n}年级")).into_owned(),
                None => format!("{g}"),
            }
        }
    }
}
