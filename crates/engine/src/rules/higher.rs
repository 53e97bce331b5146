//! 高等教育: 本专科 grants, scholarships, loans, freshman aid; 研究生 grants and scholarships.

use super::*;
use crate::policy::{
    CENTRAL_WESTERN_PROVINCES, GRADUATE_ACADEMIC_SCHOLARSHIP_DOCTORAL_CENTRAL,
    GRADUATE_ACADEMIC_SCHOLARSHIP_MASTER_CENTRAL, GRADUATE_NATIONAL_GRANT_DOCTORAL_CENTRAL,
    GRADUATE_NATIONAL_GRANT_DOCTORAL_LOCAL_MIN, GRADUATE_NATIONAL_GRANT_MASTER,
    HIGHER_ENCOURAGEMENT_SCHOLARSHIP_AMOUNT, HIGHER_FRESHMAN_TRAVEL_IN_PROVINCE,
    HIGHER_FRESHMAN_TRAVEL_OUT_OF_PROVINCE, HIGHER_LOAN_LIMIT_GRADUATE,
    HIGHER_LOAN_LIMIT_UNDERGRADUATE, HIGHER_NATIONAL_GRANT_AVERAGE, HIGHER_NATIONAL_GRANT_MAX,
    HIGHER_NATIONAL_GRANT_MIN, HIGHER_NATIONAL_SCHOLARSHIP_AMOUNT, HIGHER_SCHOLARSHIP_MIN_GRADE,
};

const UNDERGRAD: &[Stage] = &[Stage::HigherVocational, Stage::Undergraduate];
const UNDERGRAD_TEXT: &str = "仅适用于全日制本专科（含高职）学生";
const GRADUATE: &[Stage] = &[Stage::Master, Stage::Doctoral];

fn full_time(e: &mut Eval, ctx: &Ctx, cite: &'static str) -> bool {
    if ctx.case.student.enrolment.full_time {
        e.met("full_time", "全日制在校生", &[cite]);
        true
    } else {
        e.fail("full_time", "仅限全日制在校生", &[cite]);
        false
    }
}

/// 本专科生国家助学金: family-hardship students; all full-time veteran students at the average.
pub(crate) fn national_grant(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("higher.national_grant");
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT)
        || !full_time(&mut e, ctx, "aid-adjust-2024")
    {
        return e;
    }
    let veteran = ctx.case.student.veteran;
    if veteran {
        e.met("veteran", "全日制在校退役士兵学生全部享受，按平均标准资助", &["aid-adjust-2024"]);
    } else if !require_need(&mut e, ctx) {
        return e;
    }
    if let Some(avg) = HIGHER_NATIONAL_GRANT_AVERAGE.at(ctx.date) {
        let mut a = amount(AmountKind::CashPerYear, avg);
        if !veteran {
            a.min_yuan = HIGHER_NATIONAL_GRANT_MIN.at(ctx.date).map(|v| v.value);
            a.max_yuan = HIGHER_NATIONAL_GRANT_MAX.at(ctx.date).map(|v| v.value);
        }
        e.amount = Some(a);
    }
    e
}

fn second_year_or_above(e: &mut Eval, ctx: &Ctx) -> bool {
    let Some(min) = HIGHER_SCHOLARSHIP_MIN_GRADE.at(ctx.date) else { return true };
    if i64::from(ctx.case.student.grade) < min.value {
        e.fail("grade", "仅限二年级以上学生申请，新生不能申请", &[min.citation]);
        return false;
    }
    e.met("grade", "二年级以上学生", &[min.citation]);
    true
}

/// 国家奖学金 (本专科): second year or above, merit-based, not means-tested.
pub(crate) fn national_scholarship(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("higher.national_scholarship");
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT)
        || !full_time(&mut e, ctx, "encouragement-rules")
        || !second_year_or_above(&mut e, ctx)
    {
        return e;
    }
    e.unknown(
        "merit",
        Unknown::Conditional,
        "须学习成绩特别优秀、综合表现突出，经学校评审获得（名额有限）",
        &["encouragement-rules"],
    );
    e.excludes.push("higher.encouragement_scholarship");
    if let Some(v) = HIGHER_NATIONAL_SCHOLARSHIP_AMOUNT.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashOnce, v));
    }
    e
}

/// 国家励志奖学金: second year or above, family hardship, merit; not with the 国家奖学金 in the
/// same year; not for 公费师范生 of the MOE normal universities.
pub(crate) fn encouragement_scholarship(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("higher.encouragement_scholarship");
    const CITE: &[&str] = &["encouragement-rules"];
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT)
        || !full_time(&mut e, ctx, "encouragement-rules")
        || !second_year_or_above(&mut e, ctx)
    {
        return e;
    }
    let s = &ctx.case.student;
    if s.funded_teacher_trainee {
        e.fail("teacher_trainee", "教育部直属师范大学公费师范生不再同时获得国家励志奖学金", CITE);
        return e;
    }
    if s.aid_received.iter().any(|a| a.program == "higher.national_scholarship") {
        e.fail("not_with_national", "本学年已获国家奖学金，不能同时获得国家励志奖学金", CITE);
        return e;
    }
    if !require_need(&mut e, ctx) {
        return e;
    }
    e.unknown("merit", Unknown::Conditional, "须品学兼优，经学校评审获得（名额有限）", CITE);
    e.excludes.push("higher.national_scholarship");
    if let Some(v) = HIGHER_ENCOURAGEMENT_SCHOLARSHIP_AMOUNT.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashOnce, v));
    }
    e
}

/// 生源地信用助学贷款: family-hardship students of 本专科 and 研究生; arranged in the home county.
pub(crate) fn origin_loan(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("higher.origin_loan");
    let stages = &[Stage::HigherVocational, Stage::Undergraduate, Stage::Master, Stage::Doctoral];
    if !e.stage_and_date(ctx, stages, "仅适用于全日制本专科生和研究生")
        || !full_time(&mut e, ctx, "loan-2024")
    {
        return e;
    }
    if !require_need(&mut e, ctx) {
        return e;
    }
    let param = if ctx.stage().is_graduate() {
        &HIGHER_LOAN_LIMIT_GRADUATE
    } else {
        &HIGHER_LOAN_LIMIT_UNDERGRADUATE
    };
    if let Some(v) = param.at(ctx.date) {
        e.amount = Some(amount(AmountKind::LoanLimit, v));
        e.met(
            "use",
            "优先用于支付学费和住宿费，超出部分用于日常生活费；在校期间利息由财政全额补贴",
            &[v.citation],
        );
    }
    e.met(
        "hukou_county",
        format!("向户籍所在县（{}）学生资助管理中心申请", ctx.hukou.name),
        &["origin-loan-county-centre"],
    );
    e
}

/// 新生入学资助: needy freshmen from the 22 central and western provinces; 500 in-province,
/// 1000 out-of-province; a lottery-fund programme whose continuation is not verified.
pub(crate) fn freshman_travel(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("higher.freshman_travel");
    const CITE: &[&str] = &["freshman-2012"];
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT) {
        return e;
    }
    if ctx.case.student.grade != 1 {
        e.fail("freshman", "仅限当年考入全日制普通高校的新生", CITE);
        return e;
    }
    e.met("freshman", "当年入学的新生", CITE);
    let province = crate::regions::province_of(ctx.hukou.region.0);
    if CENTRAL_WESTERN_PROVINCES.group_of(province * 10_000).is_none() {
        e.fail(
            "central_western",
            "仅限中西部22个省份（及新疆生产建设兵团）生源",
            &["central-western-provinces"],
        );
        return e;
    }
    e.met("central_western", "中西部省份生源", &["central-western-provinces"]);
    if !require_need(&mut e, ctx) {
        return e;
    }
    e.unknown(
        "quota",
        Unknown::Conditional,
        "按名额评审；该项目2012—2014年文件已确认，当前年度是否继续实施未核实，请向县级学生资助管理中心确认",
        CITE,
    );
    let (param, where_) = if ctx.cross_province {
        (&HIGHER_FRESHMAN_TRAVEL_OUT_OF_PROVINCE, "考入省外院校")
    } else {
        (&HIGHER_FRESHMAN_TRAVEL_IN_PROVINCE, "考入省内院校")
    };
    if let Some(v) = param.at(ctx.date) {
        e.met("destination", where_, CITE);
        e.amount = Some(amount(AmountKind::CashOnce, v));
    }
    e.excludes.push("local.regional_freshman_grant");
    e
}

/// 绿色通道: needy freshmen enrol first; aid is arranged afterwards.
pub(crate) fn green_channel(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("higher.green_channel");
    const CITE: &[&str] = &["green-channel"];
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT) {
        return e;
    }
    if ctx.case.student.grade != 1 {
        e.fail("freshman", "绿色通道面向入学报到的新生", CITE);
        return e;
    }
    e.met("freshman", "被录取入学的新生", CITE);
    if !require_need(&mut e, ctx) {
        return e;
    }
    e.met(
        "enrol_first",
        "学校一律先办理入学手续，再核实情况给予资助，不因暂时交不起学费而不能入学",
        CITE,
    );
    e.amount = Some(amount_unknown(AmountKind::InKind, false));
    e
}

/// 研究生国家助学金: full-time postgraduates in the national enrolment plan, except those with a
/// fixed salary.
pub(crate) fn graduate_national_grant(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("graduate.national_grant");
    const CITE: &[&str] = &["graduate-grant-2013"];
    if !e.stage_and_date(ctx, GRADUATE, "仅适用于全日制研究生")
        || !full_time(&mut e, ctx, "graduate-grant-2013")
    {
        return e;
    }
    if ctx.case.student.salaried {
        e.fail("salary", "有固定工资收入的研究生除外", CITE);
        return e;
    }
    e.met("salary", "纳入全国研究生招生计划、无固定工资收入", CITE);
    if ctx.stage() == Stage::Master {
        if let Some(v) = GRADUATE_NATIONAL_GRANT_MASTER.at(ctx.date) {
            e.amount = Some(amount(AmountKind::CashPerYear, v));
        }
        return e;
    }
    let central = GRADUATE_NATIONAL_GRANT_DOCTORAL_CENTRAL.at(ctx.date);
    let local = GRADUATE_NATIONAL_GRANT_DOCTORAL_LOCAL_MIN.at(ctx.date);
    match (ctx.case.student.enrolment.central_university, central, local) {
        (Some(true), Some(c), _) => {
            e.met("university", "中央高校博士生", &[c.citation]);
            e.amount = Some(amount(AmountKind::CashPerYear, c));
        }
        (Some(false), _, Some(l)) => {
            e.met("university", "地方高校博士生：不低于此标准，由各地确定", &[l.citation]);
            e.amount = Some(amount(AmountKind::CashPerYear, l));
        }
        (None, Some(c), Some(l)) => {
            e.met(
                "university",
                "中央高校按中央标准，地方高校不低于地方最低标准（未填报高校隶属）",
                &[c.citation],
            );
            let mut a = amount(AmountKind::CashPerYear, l);
            a.min_yuan = Some(l.value);
            a.max_yuan = Some(c.value);
            e.amount = Some(a);
        }
        _ => {}
    }
    e
}

/// 研究生学业奖学金: merit-based, set by each university; central support standard shown.
pub(crate) fn graduate_academic_scholarship(ctx: &Ctx) -> Eval {
    let mut e = Eval::new("graduate.academic_scholarship");
    if !e.stage_and_date(ctx, GRADUATE, "仅适用于全日制研究生")
        || !full_time(&mut e, ctx, "aid-adjust-2024")
    {
        return e;
    }
    e.unknown(
        "merit",
        Unknown::Conditional,
        "按学校评审办法评定等级，金额由学校确定；所示为中央财政对中央高校的支持标准",
        &["aid-adjust-2024"],
    );
    let param = if ctx.stage() == Stage::Master {
        &GRADUATE_ACADEMIC_SCHOLARSHIP_MASTER_CENTRAL
    } else {
        &GRADUATE_ACADEMIC_SCHOLARSHIP_DOCTORAL_CENTRAL
    };
    if let Some(v) = param.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashPerYear, v));
    }
    e
}
