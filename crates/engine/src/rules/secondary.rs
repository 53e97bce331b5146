//! 普通高中, 中职 and 雨露计划.

use super::*;
use crate::case::{Major, Ownership};
use crate::policy::{
    CONTIGUOUS_AREAS, SENIOR_NATIONAL_GRANT_AVERAGE, SENIOR_NATIONAL_GRANT_MAX,
    SENIOR_NATIONAL_GRANT_MIN, SPECIAL_AREAS, VOCATIONAL_MAX_GRADE,
    VOCATIONAL_NATIONAL_GRANT_AVERAGE, VOCATIONAL_NATIONAL_GRANT_MAX_GRADE,
    VOCATIONAL_NATIONAL_SCHOLARSHIP_AMOUNT, VOCATIONAL_NATIONAL_SCHOLARSHIP_MIN_GRADE,
    YULU_MONITORED_HOUSEHOLDS_INCLUDED, YULU_VOCATIONAL_SUBSIDY_PER_YEAR,
};

/// 普通高中免学杂费: the four categories, public schools (private: subsidy at the public rate).
pub(crate) fn senior_fee_waiver(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::SeniorFeeWaiver);
    const CITE: &[&str] = &["senior-waiver-2016"];
    if !e.stage_and_date(ctx, &[Stage::Senior], "仅适用于普通高中学生") {
        return e;
    }
    if !require_four_categories(&mut e, ctx, "senior-waiver-2016") {
        return e;
    }
    match ctx.case.student.enrolment.ownership {
        Some(Ownership::Public) => e.met("school", "公办普通高中：免除学杂费（不含住宿费）", CITE),
        Some(Ownership::Private) => e.met(
            "school",
            "民办普通高中：按当地同类型公办学校免学杂费标准补助，超出部分学校可收取",
            CITE,
        ),
        None => e.unknown(
            "school",
            Unknown::Field("student.enrolment.ownership"),
            "需要学校性质（公办/民办）",
            CITE,
        ),
    }
    e.amount = Some(amount_unknown(AmountKind::Waiver, true));
    e
}

/// 普通高中国家助学金: family-hardship students; average and range by date.
pub(crate) fn senior_national_grant(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::SeniorNationalGrant);
    if !e.stage_and_date(ctx, &[Stage::Senior], "仅适用于普通高中学生") {
        return e;
    }
    e.met("registered", "具有正式注册学籍的普通高中在校生", &["state-council-2015-02-25"]);
    if !require_need(&mut e, ctx) {
        return e;
    }
    if let Some(avg) = SENIOR_NATIONAL_GRANT_AVERAGE.at(ctx.date) {
        let mut a = amount(AmountKind::CashPerYear, avg);
        a.min_yuan = SENIOR_NATIONAL_GRANT_MIN.at(ctx.date).map(|v| v.value);
        a.max_yuan = SENIOR_NATIONAL_GRANT_MAX.at(ctx.date).map(|v| v.value);
        e.amount = Some(a);
    }
    e.met("tier", "具体档次由学校按困难程度确定，分学期发放", &["aid-adjust-2024"]);
    e
}

/// Whether the school's county is in the areas of the area-wide 中职 grant (the 11 former
/// contiguous areas, 西藏, 四省涉藏州县, 南疆四地州): from the lists, or, where the lists have no
/// answer, from the case.
fn grant_area(ctx: &Ctx) -> Option<(bool, String)> {
    let code = ctx.enrolment.region.0;
    if let Some(group) = SPECIAL_AREAS.group_of(code) {
        return Some((true, format!("{}（{}）", ctx.enrolment.name, group.name)));
    }
    if let Some(group) = CONTIGUOUS_AREAS.group_of(code) {
        return Some((true, format!("{}（原{}）", ctx.enrolment.name, group.name)));
    }
    ctx.case
        .student
        .enrolment
        .contiguous_poverty_area
        .map(|yes| (yes, format!("{}（按填报）", ctx.enrolment.name)))
}

/// 中职免学费 (2012): all rural students, urban 涉农 majors and family-hardship students in
/// years 1–3; art-performance majors excluded; full-time formal enrolment.
pub(crate) fn vocational_tuition_waiver(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::VocationalTuitionWaiver);
    const CITE: &[&str] = &["vocational-2012"];
    if !e.stage_and_date(
        ctx,
        &[Stage::SecondaryVocational],
        "仅适用于中等职业学校（含技工学校）学生",
    ) {
        return e;
    }
    let s = &ctx.case.student;
    let max = VOCATIONAL_MAX_GRADE.at(ctx.date).map_or(3, |v| v.value);
    if i64::from(s.grade) > max || !s.enrolment.full_time {
        e.fail("full_time", format!("仅限全日制正式学籍一至{max}年级在校生"), CITE);
        return e;
    }
    e.met("full_time", format!("全日制正式学籍一至{max}年级在校生"), CITE);
    match s.enrolment.major {
        Some(Major::ArtsPerformance) => {
            e.fail("major", "艺术类相关表演专业学生除外", CITE);
            return e;
        }
        Some(_) => e.met("major", "非艺术类表演专业", CITE),
        None => e.unknown(
            "major",
            Unknown::Field("student.enrolment.major"),
            "需要专业类别（涉农/艺术表演/其他），艺术类表演专业不免学费",
            CITE,
        ),
    }
    let rural = ctx.rural_hukou();
    if rural == Some(true) {
        e.met("group", "农村（含县镇）户籍学生", CITE);
    } else if s.enrolment.major == Some(Major::Agriculture) {
        e.met("group", "城市涉农专业学生", CITE);
    } else {
        match need(ctx) {
            Need::Yes(text) if rural == Some(false) => e.unknown(
                "group",
                Unknown::Conditional,
                format!("城市家庭经济困难学生（{text}）：按省级规定的比例免学费，以学校审核为准"),
                CITE,
            ),
            Need::No(text) if rural == Some(false) => {
                e.fail("group", format!("城市户籍、非涉农专业、且非家庭经济困难：{text}"), CITE);
                return e;
            }
            _ if rural.is_none() => e.unknown(
                "group",
                Unknown::Field("household.hukou.area"),
                "需要户籍类型（农村/城镇）：农村学生全部免学费",
                CITE,
            ),
            _ => e.unknown(
                "group",
                Unknown::Field("student.hardship"),
                "城市户籍非涉农专业学生须为家庭经济困难学生：需要学校的认定结果",
                CITE,
            ),
        }
    }
    match s.enrolment.ownership {
        Some(Ownership::Private) => {
            e.met("school", "民办中职：按同类型同专业公办学校免学费标准补助", CITE)
        }
        _ => e.met("school", "公办中职：免除学费（不含住宿费）", CITE),
    }
    e.amount = Some(amount_unknown(AmountKind::Waiver, true));
    e
}

/// 中职国家助学金: 涉农 majors, family-hardship students, and every rural student in schools of
/// the former contiguous poverty areas; years 1–2, and year 3 from spring 2025.
pub(crate) fn vocational_national_grant(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::VocationalNationalGrant);
    if !e.stage_and_date(
        ctx,
        &[Stage::SecondaryVocational],
        "仅适用于中等职业学校（含技工学校）学生",
    ) {
        return e;
    }
    let s = &ctx.case.student;
    if let Some(max) = VOCATIONAL_NATIONAL_GRANT_MAX_GRADE.at(ctx.date) {
        if i64::from(s.grade) > max.value || !s.enrolment.full_time {
            e.fail(
                "grade",
                format!("{} 时国家助学金覆盖全日制正式学籍一至{}年级", ctx.date, max.value),
                &[max.citation],
            );
            return e;
        }
        e.met("grade", format!("全日制正式学籍一至{}年级在校生", max.value), &[max.citation]);
    }
    // Three routes: a 涉农 major; family hardship; a rural student at a school in the
    // area-wide counties. A route closes only on a known fact: an unknown one asks.
    let cite_area: &[&str] = &["aid-adjust-2024", CONTIGUOUS_AREAS.citation];
    let area = grant_area(ctx);
    let rural = ctx.rural_hukou();
    let need = need(ctx);
    if s.enrolment.major == Some(Major::Agriculture) {
        e.met("group", "涉农专业学生", &["vocational-2012"]);
    } else if let (Some((true, place)), Some(true)) = (&area, rural) {
        e.met("group", format!("学校位于{place}，农村学生全部纳入"), cite_area);
    } else if let Need::Yes(text) = need {
        e.met("group", text, &["hardship-identification-2018"]);
    } else {
        let area_closed = matches!(area, Some((false, _))) || rural == Some(false);
        match (need, area_closed) {
            (Need::No(text), true) => {
                let why = match (&area, rural) {
                    (_, Some(false)) => "城镇户籍".to_string(),
                    (Some((_, place)), _) => format!("{place}不属于原连片特困地区等全部纳入的地区"),
                    _ => String::new(),
                };
                e.fail(
                    "group",
                    format!("非涉农专业、非家庭经济困难（{text}），且不属于原连片特困地区等地区的农村学生：{why}"),
                    &["vocational-2012", "aid-adjust-2024"],
                );
                return e;
            }
            (need, _) => {
                if matches!(need, Need::Unknown) {
                    e.unknown(
                        "group",
                        Unknown::Field("student.hardship"),
                        "非涉农专业学生须为家庭经济困难学生（或原连片特困地区等地区的农村学生）：需要学校的家庭经济困难认定结果",
                        &["hardship-identification-2018"],
                    );
                }
                if !area_closed {
                    if rural.is_none() {
                        e.unknown(
                            "area_rural",
                            Unknown::Field("household.hukou.area"),
                            "原连片特困地区等地区的农村学生全部纳入：需要户籍类型（农村/城镇）",
                            cite_area,
                        );
                    }
                    if area.is_none() {
                        e.unknown(
                            "area_county",
                            Unknown::Field("student.enrolment.contiguous_poverty_area"),
                            format!(
                                "原连片特困地区等地区的农村学生全部纳入：本工具的名单未覆盖{}，请确认学校所在县是否属于该地区",
                                ctx.enrolment.name
                            ),
                            cite_area,
                        );
                    }
                }
            }
        }
    }
    if let Some(avg) = VOCATIONAL_NATIONAL_GRANT_AVERAGE.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashPerYear, avg));
    }
    e
}

/// 中等职业教育国家奖学金: second year or above, merit-based, not means-tested.
pub(crate) fn vocational_national_scholarship(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::VocationalNationalScholarship);
    const CITE: &[&str] = &["vocational-scholarship-2019"];
    if !e.stage_and_date(
        ctx,
        &[Stage::SecondaryVocational],
        "仅适用于中等职业学校（含技工学校）学生",
    ) {
        return e;
    }
    if !ctx.case.student.enrolment.full_time {
        e.fail("full_time", "仅限全日制在校生", CITE);
        return e;
    }
    e.met("full_time", "全日制在校生", CITE);
    if let Some(min) = VOCATIONAL_NATIONAL_SCHOLARSHIP_MIN_GRADE.at(ctx.date) {
        if i64::from(ctx.case.student.grade) < min.value {
            e.fail("grade", "仅限二年级以上学生申请", &[min.citation]);
            return e;
        }
        e.met("grade", "二年级以上学生", &[min.citation]);
    }
    e.unknown(
        "merit",
        Unknown::Conditional,
        "须学习成绩、专业技能等特别优秀，经学校评审、省级审核获得（全国每年2万名）",
        CITE,
    );
    if let Some(v) = VOCATIONAL_NATIONAL_SCHOLARSHIP_AMOUNT.at(ctx.date) {
        e.amount = Some(amount(AmountKind::CashOnce, v));
    }
    e
}

/// 雨露计划职业教育补助: children of 脱贫户 (and, from 雨露计划+ 2022, monitored households) in
/// full-time 中职, 高职 or 职业本科 (高职本科); paid by the 户籍地; implementation period to
/// 2025-12-31. Statuses are read on the first day of the term: a household flagged 「风险消除」
/// after term started is paid that term; one recognised after it, from the next term.
pub(crate) fn yulu(ctx: &Ctx) -> Eval {
    let mut e = Eval::new(Program::YuluVocationalSubsidy);
    const CITE: &[&str] = &["yulu-2015"];
    let s = &ctx.case.student;
    let stage = ctx.stage();
    if !matches!(stage, Stage::SecondaryVocational | Stage::HigherVocational | Stage::Undergraduate)
        || s.enrolment.vocational_undergraduate == Some(false)
    {
        e.fail("stage", "仅适用于中职（含技工院校）、高职和高职本科（职业本科）在校生", CITE);
        return e;
    }
    if !s.enrolment.full_time {
        e.fail("full_time", "仅限全日制在校生", CITE);
        return e;
    }
    let st = ctx.statuses(e.info);
    let monitored_ok = st.monitored
        && (YULU_MONITORED_HOUSEHOLDS_INCLUDED.at(ctx.date).is_some()
            || (ctx.post_transition && YULU_MONITORED_HOUSEHOLDS_INCLUDED.last().is_some()));
    if st.poverty {
        e.met(
            "household",
            format!("本学期开学之日（{}）为脱贫家庭（原建档立卡）子女", ctx.term_start),
            &["yulu-2015", e.info.status_on_citation],
        );
    } else if monitored_ok {
        e.met(
            "household",
            format!(
                "本学期开学之日（{}）为防止返贫监测对象家庭子女，未标注“风险消除”（“雨露计划+”扩展）",
                ctx.term_start
            ),
            &["yulu-plus-2022", e.info.status_on_citation],
        );
    } else {
        let monitored_any = st.monitored || ctx.st.monitored;
        let later = ctx.st.poverty || ctx.st.monitored;
        let text = if monitored_any
            && YULU_MONITORED_HOUSEHOLDS_INCLUDED.at(ctx.date).is_none()
            && !ctx.post_transition
        {
            let from =
                YULU_MONITORED_HOUSEHOLDS_INCLUDED.values.first().map_or(0, |v| v.from.year());
            format!("防止返贫监测对象家庭自“雨露计划+”（{from}年）起纳入，评估日期在此之前")
        } else if later {
            format!(
                "开学之日（{}）尚未认定为脱贫户或监测对象：自认定后的下一学期起享受，不向前追补",
                ctx.term_start
            )
        } else if ctx.case.household.statuses.iter().any(|p| {
            matches!(
                p.kind,
                StatusKind::Monitored | StatusKind::LiftedOut | StatusKind::RegisteredPoor
            ) && p.to.is_some_and(|to| to < ctx.term_start)
        }) {
            format!("开学之日（{}）前已标注“风险消除”或退出，本学期不再享受", ctx.term_start)
        } else {
            "仅限脱贫家庭（原建档立卡）或防止返贫监测对象家庭子女".to_string()
        };
        e.fail("household", text, &["yulu-plus-2022", e.info.status_on_citation]);
        return e;
    }
    if stage == Stage::Undergraduate {
        match s.enrolment.vocational_undergraduate {
            Some(true) => e.met(
                "vocational_undergraduate",
                "高职本科（职业本科）层次在校生",
                &["yulu-chongqing"],
            ),
            _ => e.unknown(
                "vocational_undergraduate",
                Unknown::Field("student.enrolment.vocational_undergraduate"),
                "雨露计划覆盖高职本科（职业本科），普通本科不在范围内：需要知道是否为职业本科",
                &["yulu-chongqing"],
            ),
        }
    } else {
        e.met("full_time", "全日制中职或高职在校生（含顶岗实习）", CITE);
    }
    match YULU_VOCATIONAL_SUBSIDY_PER_YEAR.at(ctx.date) {
        Some(v) => e.amount = Some(amount(AmountKind::CashPerYear, v)),
        None if ctx.date >= META.transition_until => {
            let last = YULU_VOCATIONAL_SUBSIDY_PER_YEAR.last().map_or(0, |v| v.value);
            e.unknown(
                "continuation",
                Unknown::Conditional,
                format!(
                    "雨露计划实施期限至{}（原标准每年{last}元）。过渡期后是否延续及标准尚未见国家文件，请向户籍地农业农村部门咨询",
                    e.info.until.map_or_else(|| META.transition_last_day(), crate::policy::last_day)
                ),
                &["yulu-2015", "no1-document-2026"],
            );
            e.amount = Some(amount_unknown(AmountKind::CashPerYear, false));
        }
        None => e.amount = Some(amount_unknown(AmountKind::CashPerYear, false)),
    }
    e.met(
        "hukou_pays",
        format!("由户籍地（{}）县级农业农村部门审核发放，不论在何地就读", ctx.hukou.name),
        &["yulu-yongshan-2024"],
    );
    e
}
