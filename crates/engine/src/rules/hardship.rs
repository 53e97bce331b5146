//! Family hardship as the rules read it: the school's finding or a status (特别困难 groups),
//! and the "four categories" (四类) of 普高免学杂费 and the non-boarder allowance.

use std::borrow::Cow;

use crate::case::Hardship;
use crate::policy::META;

use super::*;

/// The family's hardship as the rules need it: the school's finding, or a status that puts the
/// family among the 特别困难 groups of the 2018 identification guideline.
pub(crate) enum Need {
    Yes(Text),
    No(Text),
    Unknown,
}

pub(crate) fn need(ctx: &Ctx) -> Need {
    let s = &ctx.case.student;
    if let Some(h) = s.hardship.filter(|h| h.is_needy()) {
        return Need::Yes(Cow::Owned(format!("学校认定为家庭经济困难学生（{}）", h.label())));
    }
    let st = &ctx.st;
    let by_status = if st.poverty {
        Some("脱贫家庭（原建档立卡）学生")
    } else if st.dibao {
        Some("最低生活保障家庭学生")
    } else if st.tekun {
        Some("特困供养学生")
    } else if s.orphan {
        Some("孤儿")
    } else if st.monitored {
        Some("防止返贫监测对象家庭学生")
    } else if st.martyr {
        Some("烈士子女/优抚家庭学生")
    } else if st.low_income {
        Some("低收入家庭学生")
    } else {
        None
    };
    match (by_status, s.hardship) {
        (Some(group), _) => Need::Yes(Cow::Owned(format!(
            "{group}，属家庭经济困难认定的重点对象（仍须经学校认定）"
        ))),
        (None, Some(Hardship::None)) => {
            Need::No(Cow::Borrowed("学校认定结果为“不困难”，且无低保、特困、脱贫户等身份"))
        }
        _ => Need::Unknown,
    }
}

/// Adds the family-hardship criterion; returns false when evaluation should stop.
pub(crate) fn require_need(e: &mut Eval, ctx: &Ctx) -> bool {
    const CITE: &[&str] = &["hardship-identification-2018"];
    match need(ctx) {
        Need::Yes(text) => e.met("hardship", text, CITE),
        Need::No(text) => {
            e.fail("hardship", text, CITE);
            return false;
        }
        Need::Unknown => e.unknown(
            "hardship",
            Unknown::Field("student.hardship"),
            "需要学校的家庭经济困难认定结果（特别困难/比较困难/一般困难/不困难）",
            CITE,
        ),
    }
    true
}

/// The "four categories" (四类) of 普高免学杂费 and the non-boarder allowance: 建档立卡/脱贫家庭
/// students, and non-建档立卡 students who are 家庭经济困难残疾学生, 农村低保 or 农村特困.
pub(crate) fn require_four_categories(e: &mut Eval, ctx: &Ctx, cite: &'static str) -> bool {
    let s = &ctx.case.student;
    let st = &ctx.st;
    let rural = ctx.rural_hukou();
    // Worked out once: whether a disabled student's family is in hardship.
    let disabled_need = s.disabled.then(|| need(ctx));
    let disabled_needy = matches!(disabled_need, Some(Need::Yes(_)));
    let certain: Option<&'static str> = if st.poverty && !ctx.post_transition {
        Some("建档立卡（脱贫家庭）学生")
    } else if disabled_needy {
        Some("家庭经济困难残疾学生")
    } else if st.dibao && rural == Some(true) {
        Some("农村低保家庭学生")
    } else if st.tekun && rural == Some(true) {
        Some("农村特困救助供养学生")
    } else {
        None
    };
    if let Some(group) = certain {
        e.met("four_categories", format!("属于四类家庭经济困难学生：{group}"), &[cite]);
        return true;
    }
    if st.poverty {
        e.unknown(
            "four_categories",
            Unknown::Conditional,
            format!(
                "脱贫家庭（原建档立卡）学生：{}过渡期已结束，尚未见国家文件确认过渡期后是否继续自动纳入，以当地最新政策为准",
                META.transition_years()
            ),
            &[cite, META.post_transition_citation],
        );
        return true;
    }
    if (st.dibao || st.tekun) && rural.is_none() {
        e.unknown(
            "four_categories",
            Unknown::Field("household.hukou.area"),
            "低保、特困须为农村家庭：需要户籍类型（农村/城镇）",
            &[cite],
        );
        return true;
    }
    if matches!(disabled_need, Some(Need::Unknown)) {
        e.unknown(
            "four_categories",
            Unknown::Field("student.hardship"),
            "残疾学生须为家庭经济困难：需要学校的家庭经济困难认定结果",
            &[cite],
        );
        return true;
    }
    let mut text = String::from(
        "不属于四类家庭经济困难学生（建档立卡/脱贫家庭、家庭经济困难残疾学生、农村低保家庭、农村特困供养）",
    );
    if st.monitored {
        text.push_str("；防止返贫监测对象未列入国家规定的四类，部分省份另有规定");
    }
    if (st.dibao || st.tekun) && rural == Some(false) {
        text.push_str("；城镇低保、特困家庭不在国家规定范围内");
    }
    e.fail("four_categories", text, &[cite]);
    false
}
