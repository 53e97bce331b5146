//! 高等教育: 本专科 grants, scholarships, loans, freshman aid; 研究生 grants and scholarships.

use super::*;
use crate::policy::Parameter;
use crate::policy::{
    CENTRAL_WESTERN_PROVINCES, GRADUATE_ACADEMIC_SCHOLARSHIP_DOCTORAL_CENTRAL,
    GRADUATE_ACADEMIC_SCHOLARSHIP_MASTER_CENTRAL, GRADUATE_NATIONAL_GRANT_DOCTORAL_CENTRAL,
    GRADUATE_NATIONAL_GRANT_DOCTORAL_LOCAL_MIN, GRADUATE_NATIONAL_GRANT_MASTER,
    HIGHER_ENCOURAGEMENT_SCHOLARSHIP_AMOUNT, HIGHER_FRESHMAN_TRAVEL_IN_PROVINCE,
    HIGHER_FRESHMAN_TRAVEL_OUT_OF_PROVINCE, HIGHER_LOAN_LIMIT_GRADUATE,
    HIGHER_LOAN_LIMIT_UNDERGRADUATE, HIGHER_NATIONAL_GRANT_AVERAGE, HIGHER_NATIONAL_GRANT_MAX,
    HIGHER_NATIONAL_GRANT_MIN, HIGHER_NATIONAL_GRANT_VETERANS_ALL,
    HIGHER_NATIONAL_SCHOLARSHIP_AMOUNT, HIGHER_SCHOLARSHIP_MIN_GRADE,
};
use crate::policy::{
    GRADUATE_NATIONAL_SCHOLARSHIP_DOCTORAL, GRADUATE_NATIONAL_SCHOLARSHIP_MASTER,
    GRASSROOTS_CAP_GRADUATE, GRASSROOTS_CAP_UNDERGRADUATE, MILITARY_CAP_GRADUATE,
    MILITARY_CAP_UNDERGRADUATE,
};

const UNDERGRAD: &[Stage] = &[Stage::HigherVocational, Stage::Undergraduate];
const UNDERGRAD_TEXT: &str = "仅适用于全日制本专科（含高职）学生";
const GRADUATE: &[Stage] = &[Stage::Master, Stage::Doctoral];
const HIGHER: &[Stage] =
    &[Stage::HigherVocational, Stage::Undergraduate, Stage::Master, Stage::Doctoral];
const HIGHER_TEXT: &str = "仅适用于全日制本专科生和研究生";

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
    let mut e = Eval::new(Program::HigherNationalGrant);
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT)
        || !full_time(&mut e, ctx, "aid-adjust-2024")
    {
        return e;
    }
    let veterans_all = HIGHER_NATIONAL_GRANT_VETERANS_ALL.at(ctx.date);
    let veteran = ctx.case.student.veteran && veterans_all.is_some();
    if let Some(rule) = veterans_all.filter(|_| veteran) {
        e.met("veteran", "全日制在校退役士兵学生全部享受，按平均标准资助", &[rule.citation]);
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
    let mut e = Eval::new(Program::HigherNationalScholarship);
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT)
        || !full_time(&mut e, ctx, "encouragement-rules")
        || !second_year_or_above(&mut e, ctx)
    {
        return e;
    }
    if ctx.received(Program::HigherEncouragementScholarship) {
        e.fail(
            "not_with_encouragement",
            "本学年已获国家励志奖学金，不能同时获得国家奖学金",
            &["encouragement-rules"],
        );
        return e;
    }
    e.unknown(
        "merit",
        Unknown::Conditional,
        "须学习成绩特别优秀、综合表现突出，经学校评审获得（名额有限）",
        &["encouragement-rules"],
    );
    e.excludes.push(Program::HigherEncouragementScholarship.id());
    if let Some(v) = HIGHER_NATIONAL_SCHOLARSHIP_AMOUNT.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashOnce, v));
    }
    e
}

/// 国家励志奖学金: second year or above, family hardship, merit; not with the 国家奖学金 in the
/// same year; not for 公费师范生 of the MOE normal universities.
pub(crate) fn encouragement_scholarship(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::HigherEncouragementScholarship);
    const CITE: &[&str] = &["encouragement-rules"];
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT)
        || !full_time(&mut e, ctx, "encouragement-rules")
        || !second_year_or_above(&mut e, ctx)
    {
        return e;
    }
    let s = &ctx.case.student;
    // Only the 公费师范生 of the six MOE normal universities (all central universities) are
    // excluded; provincial 公费师范生 are not.
    if s.funded_teacher_trainee {
        match s.enrolment.central_university {
            Some(true) => {
                e.fail(
                    "teacher_trainee",
                    "教育部直属师范大学公费师范生不再同时获得国家励志奖学金",
                    CITE,
                );
                return e;
            }
            Some(false) => e.met(
                "teacher_trainee",
                "地方高校公费师范生，不属于教育部直属师范大学公费师范生的排除范围",
                CITE,
            ),
            None => e.unknown(
                "teacher_trainee",
                Unknown::Field("student.enrolment.central_university"),
                "教育部直属师范大学（部属）公费师范生不能获得国家励志奖学金，地方公费师范生可以：需要知道就读高校是否为部属高校",
                CITE,
            ),
        }
    }
    if ctx.received(Program::HigherNationalScholarship) {
        e.fail("not_with_national", "本学年已获国家奖学金，不能同时获得国家励志奖学金", CITE);
        return e;
    }
    if !require_need(&mut e, ctx) {
        return e;
    }
    e.unknown("merit", Unknown::Conditional, "须品学兼优，经学校评审获得（名额有限）", CITE);
    e.excludes.push(Program::HigherNationalScholarship.id());
    if let Some(v) = HIGHER_ENCOURAGEMENT_SCHOLARSHIP_AMOUNT.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashOnce, v));
    }
    e
}

/// The checks both national student loans make (full-time 本专科 or 研究生, family hardship)
/// and the yearly ceiling in force: `None` when a check failed (evaluation stops), else the
/// ceiling, if the data has one for the date.
fn loan_ceiling(e: &mut Eval, ctx: &Ctx) -> Option<Option<&'static DatedValue>> {
    if !e.stage_and_date(ctx, HIGHER, HIGHER_TEXT)
        || !full_time(e, ctx, "loan-2024")
        || !require_need(e, ctx)
    {
        return None;
    }
    let param = if ctx.stage().is_graduate() {
        &HIGHER_LOAN_LIMIT_GRADUATE
    } else {
        &HIGHER_LOAN_LIMIT_UNDERGRADUATE
    };
    Some(param.at(ctx.date))
}

/// 生源地信用助学贷款: family-hardship students of 本专科 and 研究生; arranged in the home county.
pub(crate) fn origin_loan(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::HigherOriginLoan);
    let Some(ceiling) = loan_ceiling(&mut e, ctx) else { return e };
    if let Some(v) = ceiling {
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
    e.excludes.push(Program::HigherCampusLoan.id());
    e
}

/// 校园地国家助学贷款: the same ceilings as the home-county loan, at universities that run it;
/// a student takes one of the two in a year.
pub(crate) fn campus_loan(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::HigherCampusLoan);
    let Some(ceiling) = loan_ceiling(&mut e, ctx) else { return e };
    if let Some(v) = ceiling {
        e.amount = Some(amount(AmountKind::LoanLimit, v));
    }
    e.unknown(
        "university_runs_it",
        Unknown::Conditional,
        "由就读高校与经办银行办理，是否开办以学校为准；与生源地信用助学贷款同一学年只能选择一种",
        &["loan-2024"],
    );
    e.excludes.push(Program::HigherOriginLoan.id());
    e
}

/// 新生入学资助: needy freshmen from the 22 central and western provinces; 500 in-province,
/// 1000 out-of-province; a lottery-fund programme whose continuation is not verified.
pub(crate) fn freshman_travel(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::HigherFreshmanTravel);
    const CITE: &[&str] = &["freshman-2012"];
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT) || !full_time(&mut e, ctx, "freshman-2012")
    {
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
    let mut e = Eval::new(Program::HigherGreenChannel);
    const CITE: &[&str] = &["green-channel"];
    if !e.stage_and_date(ctx, UNDERGRAD, UNDERGRAD_TEXT) || !full_time(&mut e, ctx, "green-channel")
    {
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
    let mut e = Eval::new(Program::GraduateNationalGrant);
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

/// 研究生国家奖学金: merit-based, for full-time postgraduates.
pub(crate) fn graduate_national_scholarship(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::GraduateNationalScholarship);
    if !e.stage_and_date(ctx, GRADUATE, "仅适用于全日制研究生")
        || !full_time(&mut e, ctx, "aid-adjust-2024")
    {
        return e;
    }
    e.unknown(
        "merit",
        Unknown::Conditional,
        "须学业成绩优异、科研成果显著，经培养单位评审获得（全国每年约9万名）",
        &["aid-adjust-2024"],
    );
    let param = if ctx.stage() == Stage::Master {
        &GRADUATE_NATIONAL_SCHOLARSHIP_MASTER
    } else {
        &GRADUATE_NATIONAL_SCHOLARSHIP_DOCTORAL
    };
    if let Some(v) = param.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashOnce, v));
    }
    e
}

/// 研究生学业奖学金: merit-based, set by each university. The central support standard is a
/// figure for central universities only; a local university's is set by its province.
pub(crate) fn graduate_academic_scholarship(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::GraduateAcademicScholarship);
    if !e.stage_and_date(ctx, GRADUATE, "仅适用于全日制研究生")
        || !full_time(&mut e, ctx, "aid-adjust-2024")
    {
        return e;
    }
    e.unknown(
        "merit",
        Unknown::Conditional,
        "按学校评审办法评定等级，金额由学校确定",
        &["aid-adjust-2024"],
    );
    let param = if ctx.stage() == Stage::Master {
        &GRADUATE_ACADEMIC_SCHOLARSHIP_MASTER_CENTRAL
    } else {
        &GRADUATE_ACADEMIC_SCHOLARSHIP_DOCTORAL_CENTRAL
    };
    match ctx.case.student.enrolment.central_university {
        Some(true) => {
            if let Some(v) = param.at(ctx.date) {
                e.met("university", "中央高校：所示为中央财政对中央高校的支持标准", &[v.citation]);
                e.amount = Some(amount(AmountKind::CashPerYear, v));
            }
        }
        Some(false) => {
            e.met(
                "university",
                "地方高校：标准由省级财政和学校确定，国家无统一金额（中央高校标准不适用）",
                &["aid-adjust-2024"],
            );
            e.amount = Some(amount_unknown(AmountKind::CashPerYear, true));
        }
        None => e.unknown(
            "university",
            Unknown::Field("student.enrolment.central_university"),
            "中央高校按中央财政支持标准，地方高校由省级确定：需要知道就读高校是否为部属（中央）高校",
            &["aid-adjust-2024"],
        ),
    }
    e
}

/// The yearly cap of the 服兵役 and 基层就业 schemes, by level.
fn cap(
    ctx: &Ctx,
    undergraduate: &'static Parameter,
    graduate: &'static Parameter,
) -> Option<Amount> {
    let param = if ctx.stage().is_graduate() { graduate } else { undergraduate };
    param.at(ctx.date).map(|v| {
        let mut a = amount(AmountKind::CashPerYear, v);
        a.yuan = None;
        a.max_yuan = Some(v.value);
        a
    })
}

/// 服兵役高等学校学生国家教育资助: a student (or new entrant) who enlists gets the tuition paid
/// compensated, or the national student loan repaid, whichever is higher, up to a yearly cap.
pub(crate) fn military_tuition_compensation(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::MilitaryTuitionCompensation);
    const CITE: &[&str] = &["aid-funds-2019"];
    if !e.stage_and_date(ctx, HIGHER, "仅适用于高等学校（本专科、研究生）学生及新生")
        || !full_time(&mut e, ctx, "aid-funds-2019")
    {
        return e;
    }
    if !ctx.case.student.enlisting {
        e.fail("enlisting", "仅限应征入伍服兵役的高校学生（含新生）", CITE);
        return e;
    }
    e.met("enlisting", "应征入伍服兵役的高校学生", CITE);
    e.met(
        "higher_of_two",
        "按实际缴纳的学费或国家助学贷款（本息）两者金额较高者补偿或代偿，不超过每年上限；资助期限为一个学制期",
        CITE,
    );
    e.amount = cap(ctx, &MILITARY_CAP_UNDERGRADUATE, &MILITARY_CAP_GRADUATE);
    e
}

/// 退役士兵学生学费减免: a veteran who enters or returns to higher education has tuition waived,
/// up to the same yearly cap.
pub(crate) fn military_tuition_waiver(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::MilitaryTuitionWaiver);
    const CITE: &[&str] = &["aid-funds-2019"];
    if !e.stage_and_date(ctx, HIGHER, "仅适用于高等学校（本专科、研究生）学生")
        || !full_time(&mut e, ctx, "aid-funds-2019")
    {
        return e;
    }
    if !ctx.case.student.veteran {
        e.fail("veteran", "仅限退役后入学或复学的退役士兵学生", CITE);
        return e;
    }
    e.met("veteran", "退役后考入或复学的退役士兵学生：按实际收取的学费减免，不超过每年上限", CITE);
    e.amount = cap(ctx, &MILITARY_CAP_UNDERGRADUATE, &MILITARY_CAP_GRADUATE).map(|mut a| {
        a.kind = AmountKind::Waiver;
        a
    });
    e
}

/// 中央高校毕业生基层就业学费补偿、国家助学贷款代偿: graduates of central universities who
/// work at least three years at county level or below in the central and western regions.
pub(crate) fn grassroots_tuition_compensation(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::GrassrootsTuitionCompensation);
    const CITE: &[&str] = &["grassroots-2015"];
    if !e.stage_and_date(ctx, HIGHER, "仅适用于高校学生（毕业时申请）") {
        return e;
    }
    if !ctx.case.student.grassroots_employment {
        e.fail(
            "grassroots",
            "仅限毕业后到中西部地区和艰苦边远地区县以下基层单位就业、服务3年以上的毕业生",
            CITE,
        );
        return e;
    }
    e.met("grassroots", "毕业后到中西部和艰苦边远地区基层单位就业（服务期3年以上）", CITE);
    match ctx.case.student.enrolment.central_university {
        Some(true) => e.met("central_university", "中央部门所属高校毕业生", CITE),
        Some(false) => {
            e.fail(
                "central_university",
                "国家项目仅限中央部门所属高校毕业生；地方高校毕业生按所在省份的政策申请",
                CITE,
            );
            return e;
        }
        None => e.unknown(
            "central_university",
            Unknown::Field("student.enrolment.central_university"),
            "国家项目仅限中央部门所属高校毕业生：需要知道就读高校是否为部属（中央）高校",
            CITE,
        ),
    }
    e.unknown(
        "service",
        Unknown::Conditional,
        "须服务满3年，补偿或代偿金额分3年按年度发放（每年三分之一）；定向、委培及已免除学费的除外；学费补偿与贷款代偿只能选一种，不超过实际缴纳的学费",
        &["grassroots-2015", "grassroots-2025"],
    );
    e.amount = cap(ctx, &GRASSROOTS_CAP_UNDERGRADUATE, &GRASSROOTS_CAP_GRADUATE);
    e
}
