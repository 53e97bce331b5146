//! 学前教育 and 义务教育: fee waivers, 两免一补 and the nutrition programme.

use super::*;
use crate::case::{Kindergarten, Ownership, Setting};
use crate::policy::{
    COMPULSORY_BOARDING_ALLOWANCE_JUNIOR, COMPULSORY_BOARDING_ALLOWANCE_PRIMARY,
    COMPULSORY_FREE_TEXTBOOKS_JUNIOR, COMPULSORY_FREE_TEXTBOOKS_PRIMARY,
    COMPULSORY_NONBOARDING_ALLOWANCE_PERCENT_OF_BOARDING, COMPULSORY_NUTRITION_MEAL_PER_DAY,
    COMPULSORY_NUTRITION_MEAL_SCHOOL_DAYS, CONTIGUOUS_AREAS, POVERTY_COUNTIES_832,
    PRESCHOOL_FINAL_YEAR_GRADE, SPECIAL_AREAS,
};

const COMPULSORY: &[Stage] = &[Stage::Primary, Stage::Junior];
const COMPULSORY_TEXT: &str = "仅适用于义务教育阶段（小学、初中）学生";

/// 学前一年免保育教育费 (国办发〔2025〕27号): the final kindergarten year (大班), public
/// kindergartens waived in full, approved private ones reduced by the public level.
pub(crate) fn preschool_fee_waiver(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::PreschoolFeeWaiver);
    const CITE: &[&str] = &["guobanfa-2025-27"];
    if !e.stage_and_date(ctx, &[Stage::Preschool], "仅适用于学前教育阶段（幼儿园）儿童")
    {
        return e;
    }
    let final_year = PRESCHOOL_FINAL_YEAR_GRADE.at(ctx.date).map_or(3, |v| v.value);
    if i64::from(ctx.case.student.grade) != final_year {
        e.fail("final_year", "仅限学前一年（大班）在园儿童；本案例不是大班", CITE);
        return e;
    }
    e.met("final_year", "学前一年（大班）在园儿童", CITE);
    if let Some(group) = SPECIAL_AREAS.group_of(ctx.enrolment.region.0) {
        e.met(
            "existing_free_area",
            format!("{}：在园儿童继续执行当地现行（更大范围的）免费学前教育政策", group.name),
            CITE,
        );
    }
    match ctx.case.student.enrolment.kindergarten {
        Some(Kindergarten::Public) => {
            e.met("kindergarten", "公办幼儿园：免除保育教育费（不含伙食费、住宿费、杂费）", CITE);
            e.amount = Some(amount_unknown(AmountKind::Waiver, true));
        }
        Some(Kindergarten::InclusivePrivate | Kindergarten::OtherPrivate) => {
            e.met(
                "kindergarten",
                "经教育部门批准设立的民办幼儿园：参照当地同类型公办幼儿园免除水平相应减免，高出部分仍需缴纳",
                CITE,
            );
            e.amount = Some(amount_unknown(AmountKind::Waiver, true));
        }
        None => e.unknown(
            "kindergarten",
            Unknown::Field("student.enrolment.kindergarten"),
            "需要幼儿园类型（公办/普惠性民办/其他民办）",
            CITE,
        ),
    }
    e
}

/// 学前教育家庭经济困难幼儿资助: local amounts, for children in 普惠性 kindergartens who are
/// in hardship, orphans or disabled.
pub(crate) fn preschool_hardship_aid(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::PreschoolHardshipAid);
    const CITE: &[&str] = &["preschool-aid-2011"];
    if !e.stage_and_date(ctx, &[Stage::Preschool], "仅适用于学前教育阶段（幼儿园）儿童")
    {
        return e;
    }
    match ctx.case.student.enrolment.kindergarten {
        Some(Kindergarten::OtherPrivate) => {
            e.fail("kindergarten", "仅资助普惠性幼儿园（公办园和普惠性民办园）在园儿童", CITE);
            return e;
        }
        Some(_) => e.met("kindergarten", "在普惠性幼儿园（公办或普惠性民办）就读", CITE),
        None => e.unknown(
            "kindergarten",
            Unknown::Field("student.enrolment.kindergarten"),
            "需要幼儿园类型（公办/普惠性民办/其他民办）",
            CITE,
        ),
    }
    let s = &ctx.case.student;
    if s.orphan || s.disabled {
        e.met("hardship", if s.orphan { "孤儿" } else { "残疾儿童" }, CITE);
    } else if !require_need(&mut e, ctx) {
        return e;
    }
    e.met("local_amount", "资助标准由省、市、县确定（地方先行、中央补助），国家无统一金额", CITE);
    e.amount = Some(amount_unknown(AmountKind::CashPerYear, true));
    e
}

/// 义务教育免学杂费: every compulsory-stage student, public or private.
pub(crate) fn tuition_waiver(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::CompulsoryTuitionWaiver);
    if !e.stage_and_date(ctx, COMPULSORY, COMPULSORY_TEXT) {
        return e;
    }
    let text = match ctx.case.student.enrolment.ownership {
        Some(Ownership::Private) => "民办学校学生：按公办学校免除学杂费标准补助",
        _ => "城乡义务教育学生（含民办学校学生）一律免除学杂费",
    };
    e.met("all_students", text, &["guofa-2015-67"]);
    e.amount = Some(amount_unknown(AmountKind::Waiver, false));
    e.payer = Some(exemption_payer(&mut e, ctx));
    e
}

/// 免费提供国家规定课程教科书: every compulsory-stage student.
pub(crate) fn free_textbooks(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::CompulsoryFreeTextbooks);
    if !e.stage_and_date(ctx, COMPULSORY, COMPULSORY_TEXT) {
        return e;
    }
    e.met("all_students", "城乡义务教育学生免费提供国家规定课程教科书", &["guofa-2015-67"]);
    let param = if ctx.stage() == Stage::Primary {
        &COMPULSORY_FREE_TEXTBOOKS_PRIMARY
    } else {
        &COMPULSORY_FREE_TEXTBOOKS_JUNIOR
    };
    e.amount = Some(match param.at(ctx.date) {
        Some(v) => amount(AmountKind::InKind, v),
        None => amount_unknown(AmountKind::InKind, false),
    });
    e.payer = Some(exemption_payer(&mut e, ctx));
    e
}

fn boarding_rate(ctx: &Ctx) -> Option<&'static crate::policy::DatedValue> {
    if ctx.stage() == Stage::Primary {
        COMPULSORY_BOARDING_ALLOWANCE_PRIMARY.at(ctx.date)
    } else {
        COMPULSORY_BOARDING_ALLOWANCE_JUNIOR.at(ctx.date)
    }
}

/// 家庭经济困难寄宿生生活补助.
pub(crate) fn boarding_allowance(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::CompulsoryBoardingAllowance);
    const CITE: &[&str] = &["guofa-2015-67"];
    if !e.stage_and_date(ctx, COMPULSORY, COMPULSORY_TEXT) {
        return e;
    }
    match ctx.case.student.enrolment.boarding {
        Some(true) => e.met("boarding", "在校寄宿", CITE),
        Some(false) => {
            e.fail("boarding", "仅限寄宿生；非寄宿生见“非寄宿生生活补助”", CITE);
            return e;
        }
        None => e.unknown(
            "boarding",
            Unknown::Field("student.enrolment.boarding"),
            "需要知道是否在校寄宿",
            CITE,
        ),
    }
    if !require_need(&mut e, ctx) {
        return e;
    }
    if let Some(v) = boarding_rate(ctx) {
        e.amount = Some(amount(AmountKind::CashPerYear, v));
    }
    e.payer = Some(allowance_payer(&mut e, ctx));
    e
}

/// 家庭经济困难非寄宿生生活补助: the four categories, 50% of the boarder rate, from autumn 2019.
pub(crate) fn nonboarding_allowance(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::CompulsoryNonboardingAllowance);
    const CITE: &[&str] = &["mof-2019-compulsory-funds"];
    if !e.stage_and_date(ctx, COMPULSORY, COMPULSORY_TEXT) {
        return e;
    }
    match ctx.case.student.enrolment.boarding {
        Some(false) => e.met("nonboarding", "走读（非寄宿）学生", CITE),
        Some(true) => {
            e.fail("nonboarding", "寄宿生享受寄宿生生活补助，不再享受非寄宿生补助", CITE);
            return e;
        }
        None => e.unknown(
            "nonboarding",
            Unknown::Field("student.enrolment.boarding"),
            "需要知道是否在校寄宿",
            CITE,
        ),
    }
    if !require_four_categories(&mut e, ctx, "mof-2019-compulsory-funds") {
        return e;
    }
    let percent = COMPULSORY_NONBOARDING_ALLOWANCE_PERCENT_OF_BOARDING.at(ctx.date);
    if let (Some(rate), Some(percent)) = (boarding_rate(ctx), percent) {
        let mut a = amount(AmountKind::CashPerYear, rate);
        a.yuan = Some(rate.value * percent.value / 100);
        a.effective_from = Some(rate.from.max(percent.from));
        // The rule's arithmetic goes with the amount, not among the criteria the family meets.
        a.basis = Some(format!("寄宿生标准（{}元）的{}%", rate.value, percent.value));
        e.amount = Some(a);
    }
    e.payer = Some(allowance_payer(&mut e, ctx));
    e
}

/// 农村义务教育学生营养改善计划: every student of a pilot school; national pilot = the former
/// contiguous poverty-area counties, not counting the county towns.
pub(crate) fn nutrition_meal(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::CompulsoryNutritionMeal);
    const CITE: &[&str] = &["nutrition-2021"];
    if !e.stage_and_date(ctx, COMPULSORY, COMPULSORY_TEXT) {
        return e;
    }
    let enrol = &ctx.case.student.enrolment;
    let code = ctx.enrolment.region.0;
    match enrol.nutrition_program {
        Some(true) => e.met("pilot_school", "学校实施营养改善计划（按填报）", CITE),
        Some(false) => {
            e.fail("pilot_school", "学校未实施营养改善计划（按填报）", CITE);
            return e;
        }
        // Not answered: decide from the county lists where they allow it, otherwise ask.
        None => match (enrol.setting, CONTIGUOUS_AREAS.group_of(code)) {
            (Some(Setting::Rural), Some(group)) => e.met(
                "pilot_county",
                format!(
                    "学校位于乡镇及以下，{}属原集中连片特困地区（{}），为国家试点地区（中央财政全额承担）",
                    ctx.enrolment.name, group.name
                ),
                &[CONTIGUOUS_AREAS.citation, "nutrition-2021"],
            ),
            (Some(Setting::City | Setting::CountyTown), _) => e.unknown(
                "pilot_school",
                Unknown::Field("student.enrolment.nutrition_program"),
                "国家试点不含县城和城区学校；请确认学校是否实施营养改善计划（含地方试点）",
                CITE,
            ),
            (None, Some(group)) => e.unknown(
                "rural_school",
                Unknown::Field("student.enrolment.setting"),
                format!(
                    "{}属原集中连片特困地区（{}），其乡镇及以下学校为国家试点：需要学校所在地类型（城区/县城/乡镇及以下）",
                    ctx.enrolment.name, group.name
                ),
                &[CONTIGUOUS_AREAS.citation, "nutrition-2021"],
            ),
            (None, None) => e.unknown(
                "pilot_school",
                Unknown::Field("student.enrolment.nutrition_program"),
                "需要知道学校是否实施营养改善计划",
                CITE,
            ),
            (Some(Setting::Rural), None) if POVERTY_COUNTIES_832.contains(code) => e.unknown(
                "pilot_school",
                Unknown::Field("student.enrolment.nutrition_program"),
                format!(
                    "{}是原国家级贫困县，可能属国家试点或地方试点（原重点县等），本工具的片区名单未覆盖该县：请确认学校是否实施营养改善计划",
                    ctx.enrolment.name
                ),
                &[POVERTY_COUNTIES_832.citation, "nutrition-2021"],
            ),
            (Some(Setting::Rural), None) => e.unknown(
                "pilot_school",
                Unknown::Field("student.enrolment.nutrition_program"),
                format!(
                    "{}不是原国家级贫困县，不属于国家试点县；地方试点（省级重点县、民族自治县、边境县、革命老区县等）由地方确定：请确认学校是否实施营养改善计划",
                    ctx.enrolment.name
                ),
                &[POVERTY_COUNTIES_832.citation, "nutrition-2021"],
            ),
        },
    }
    if let (Some(per_day), Some(days)) = (
        COMPULSORY_NUTRITION_MEAL_PER_DAY.at(ctx.date),
        COMPULSORY_NUTRITION_MEAL_SCHOOL_DAYS.at(ctx.date),
    ) {
        let mut a = amount(AmountKind::InKind, per_day);
        a.days = Some(days.value);
        e.amount = Some(a);
    }
    e.met(
        "in_kind",
        "以膳食形式提供，不发放现金（按每生每天标准、全年在校天数折算价值）",
        &["nutrition-2021"],
    );
    e
}
