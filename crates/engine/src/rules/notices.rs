//! Notices: what the user should know beyond the entitlements — the 学籍地 rule for a student in
//! another province, aid received twice, answers that contradict each other or cannot apply,
//! figures not verified or possibly out of date, and the national-only scope.

use super::*;
use crate::case::Stage;

pub(super) fn notices(
    ctx: &Ctx,
    entitlements: &[Entitlement],
    overlays: &[&'static crate::local::Overlay],
    unverified: Vec<&'static str>,
    continuation_unknown: Vec<&'static str>,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    cross_province(ctx, &mut notices);
    double_aid(ctx, &mut notices);
    stacking(ctx, entitlements, &mut notices);
    checked_yet_received(ctx, &mut notices);
    inputs(ctx, &mut notices);
    if !continuation_unknown.is_empty() {
        let names: Vec<&str> = entitlements
            .iter()
            .filter(|e| continuation_unknown.contains(&e.program))
            .map(|e| e.name)
            .collect();
        notices.push(Notice::new(
            NoticeKind::PolicyContinuation,
            format!(
                "{}巩固拓展脱贫攻坚成果过渡期已于{}结束。2026年中央一号文件要求帮扶政策总体稳定，但尚未见国家文件确认以下项目是否延续：{}。请以当地最新通知为准。",
                META.transition_years(),
                META.transition_last_day(),
                names.join("、")
            ),
            continuation_unknown,
        ));
    }
    if !unverified.is_empty() {
        notices.push(Notice::new(
            NoticeKind::Unverified,
            "部分金额或起始日期尚未与官方原文核对（见各项说明），请以学校或资助中心的通知为准。",
            unverified,
        ));
    }
    stale_data(ctx, &mut notices);
    notices.push(scope(ctx, entitlements, overlays));
    notices
}

/// Which rules the answer covers: the national ones, and for each jurisdiction of the
/// student's places (province, prefecture, county of the 户籍地 and of the 学籍地) whether local
/// programs are encoded. With none, the v1 `national_only` notice.
fn scope(
    ctx: &Ctx,
    entitlements: &[Entitlement],
    overlays: &[&'static crate::local::Overlay],
) -> Notice {
    // The jurisdictions of each place (province, prefecture, county) with nothing encoded,
    // by their own short names (two registry lookups per place: this runs for every case).
    let mut seen: Vec<u32> = Vec::new();
    let mut missing: Vec<(&str, Vec<&'static str>)> = Vec::new();
    let same = ctx.hukou.region == ctx.enrolment.region;
    for (role, place) in [("户籍地", &ctx.hukou), ("学籍地", &ctx.enrolment)] {
        let code = place.region.0;
        let levels = [code / 10_000 * 10_000, code / 100 * 100, code];
        let mut names = Vec::new();
        for (i, c) in levels.into_iter().enumerate() {
            if (i > 0 && c == levels[i - 1]) || seen.contains(&c) {
                continue;
            }
            seen.push(c);
            let Some(r) = regions::lookup(c).filter(|r| !regions::is_placeholder(r.name)) else {
                continue;
            };
            if !overlays.iter().any(|o| o.region == c) {
                names.push(r.name);
            }
        }
        if !names.is_empty() {
            missing.push((if same { "户籍地和学籍地" } else { role }, names));
        }
    }
    let missing_text = missing
        .iter()
        .map(|(role, names)| format!("{role}的{}", names.join("、")))
        .collect::<Vec<_>>();
    if overlays.is_empty() {
        return Notice::new(
            NoticeKind::NationalOnly,
            format!(
                "本结果只包含国家资助政策：{}尚未录入地方资助政策。当地和学校可能另有资助（如地方营养餐、学前资助标准、地方奖助学金），请向当地学生资助管理中心咨询。",
                missing_text.join("，")
            ),
            Vec::new(),
        );
    }
    let encoded: Vec<String> = overlays
        .iter()
        .map(|o| {
            let note = o.note.map_or(String::new(), |n| format!("；{n}"));
            let figures = match o.parameters.len() {
                0 => String::new(),
                n => format!("、{n}项国家政策的地方标准"),
            };
            format!("{}（{}项地方政策{figures}{note}）", o.name(), o.programs.len())
        })
        .collect();
    let local: Vec<&'static str> =
        entitlements.iter().filter(|e| e.level.is_some()).map(|e| e.program).collect();
    let mut text = format!("本结果包含：国家资助政策；{}。", encoded.join("；"));
    if !missing.is_empty() {
        text.push_str(&format!("尚未录入地方政策：{}。", missing_text.join("，")));
    }
    text.push_str("学校和社会团体可能另有资助，请以当地学生资助管理中心的通知为准。");
    Notice::new(NoticeKind::Scope, text, local)
}

/// A local stacking limit (「享受燕宝基金会资助的同时，可再享受一项资助」) that the aid the case
/// records as received goes over.
fn stacking(ctx: &Ctx, entitlements: &[Entitlement], notices: &mut Vec<Notice>) {
    let received = &ctx.case.student.aid_received;
    // Only local programs carry a stacking rule.
    for e in entitlements.iter().filter(|e| e.level.is_some()) {
        let Some(p) = crate::local::program(e.program) else { continue };
        let Some(rule) = &p.stacking else { continue };
        let Some(max) = rule.max_others else { continue };
        if !received.iter().any(|a| a.program == e.program) {
            continue;
        }
        if !rule.statuses.is_empty() && ctx.held(rule.statuses).is_empty() {
            continue;
        }
        let mut others: Vec<&str> =
            received.iter().map(|a| a.program.as_str()).filter(|id| *id != e.program).collect();
        others.sort_unstable();
        others.dedup();
        if others.len() > usize::from(max) {
            notices.push(Notice::new(
                NoticeKind::DoubleAid,
                format!(
                    "已享受{}，另外还享受{}项资助，超过规定（{}）",
                    e.name,
                    others.len(),
                    rule.text
                ),
                vec![e.program],
            ));
        }
    }
}

fn cross_province(ctx: &Ctx, notices: &mut Vec<Notice>) {
    if !ctx.cross_province {
        return;
    }
    let s = &ctx.case.student;
    let text = if s.out_of_province_checked {
        format!(
            "学籍在省外（{}）。户籍地（{}）已核实未在省外享受资助，义务教育阶段生活补助由户籍地兜底（免学杂费、免费教科书仍由就读学校提供），不得重复领取。",
            ctx.enrolment.name, ctx.hukou.name
        )
    } else if s.stage.is_compulsory() {
        format!(
            "学籍在省外（{}）：义务教育阶段资助由学籍地负责。若在学籍地未享受到生活补助，可请户籍地（{}）核实后兜底资助，但不能两地重复领取。",
            ctx.enrolment.name, ctx.hukou.name
        )
    } else {
        format!(
            "学籍在省外（{}）：在校资助由就读学校及学籍地负责；雨露计划、生源地信用助学贷款等由户籍地（{}）办理。",
            ctx.enrolment.name, ctx.hukou.name
        )
    };
    notices.push(Notice::new(NoticeKind::CrossProvince, text, Vec::new()));
}

/// The same program received from two places, or two programs that exclude each other both
/// received.
fn double_aid(ctx: &Ctx, notices: &mut Vec<Notice>) {
    let s = &ctx.case.student;
    let mut seen: Vec<(&str, u32)> = Vec::new();
    let mut doubled: Vec<&'static str> = Vec::new();
    for aid in &s.aid_received {
        let Some(&(_, region)) = seen.iter().find(|(p, _)| *p == aid.program) else {
            seen.push((&aid.program, aid.region.0));
            continue;
        };
        let Some(info) = policy::program(&aid.program) else { continue };
        if region == aid.region.0 || doubled.contains(&info.id) {
            continue;
        }
        doubled.push(info.id);
        notices.push(Notice::new(
            NoticeKind::DoubleAid,
            format!(
                "重复资助：“{}”同时从{}和{}领取，同一学期只能由一地资助，请向学籍地学校和户籍地核实并退回多领部分。",
                info.name,
                regions::full_name(region),
                regions::full_name(aid.region.0)
            ),
            vec![info.id],
        ));
    }
    for (a, b) in EXCLUSIVE_PAIRS {
        if ctx.received(a) && ctx.received(b) {
            notices.push(Notice::new(
                NoticeKind::DoubleAid,
                format!("同一学年不能同时获得{}和{}。", a.info().name, b.info().name),
                vec![a.id(), b.id()],
            ));
        }
    }
}

/// Programs a student may not hold in the same school year.
const EXCLUSIVE_PAIRS: [(Program, Program); 2] = [
    (Program::HigherNationalScholarship, Program::HigherEncouragementScholarship),
    (Program::HigherOriginLoan, Program::HigherCampusLoan),
];

/// 「经核实未在省外享受资助」 yet the case lists aid received out of province: the 户籍地 must
/// not pay it again, and the verification itself needs a second look.
fn checked_yet_received(ctx: &Ctx, notices: &mut Vec<Notice>) {
    let s = &ctx.case.student;
    if !(ctx.cross_province && s.out_of_province_checked) {
        return;
    }
    let home = regions::province_of(ctx.hukou.region.0);
    let mut programs: Vec<&'static str> = Vec::new();
    for aid in &s.aid_received {
        if regions::province_of(aid.region.0) == home {
            continue;
        }
        if let Some(info) = policy::program(&aid.program) {
            if !programs.contains(&info.id) {
                programs.push(info.id);
            }
        }
    }
    if programs.is_empty() {
        return;
    }
    let names: Vec<&str> =
        programs.iter().filter_map(|id| policy::program(id).map(|p| p.name)).collect();
    notices.push(Notice::new(
        NoticeKind::Contradiction,
        format!(
            "填报为“户籍地已核实未在省外享受资助”，但已享受资助中列有在省外领取的：{}。请重新核实；已在省外领取的项目户籍地不予兜底。",
            names.join("、")
        ),
        programs.clone(),
    ).with_field("student.out_of_province_checked"));
    notices.push(Notice::new(
        NoticeKind::DoubleAid,
        format!(
            "{}已在省外领取：户籍地（{}）不得再兜底发放；如已发放，属于重复资助，须退回。",
            names.join("、"),
            ctx.hukou.name
        ),
        programs,
    ));
}

/// Answers that cannot apply to the student's stage, and statuses not yet recognised on the
/// as-of date.
fn inputs(ctx: &Ctx, notices: &mut Vec<Notice>) {
    let s = &ctx.case.student;
    let en = &s.enrolment;
    let stage = s.stage;
    let higher = stage.is_undergraduate_level() || stage.is_graduate();
    let compulsory = stage.is_compulsory();
    let school = compulsory || matches!(stage, Stage::Senior | Stage::SecondaryVocational);
    let checks: [(&str, bool, bool); 14] = [
        ("student.enrolment.boarding", en.boarding.is_some(), school),
        ("student.enrolment.setting", en.setting.is_some(), school),
        ("student.enrolment.nutrition_program", en.nutrition_program.is_some(), compulsory),
        ("student.enrolment.kindergarten", en.kindergarten.is_some(), stage == Stage::Preschool),
        ("student.enrolment.ownership", en.ownership.is_some(), stage != Stage::Preschool),
        ("student.enrolment.major", en.major.is_some(), stage == Stage::SecondaryVocational),
        (
            "student.enrolment.contiguous_poverty_area",
            en.contiguous_poverty_area.is_some(),
            stage == Stage::SecondaryVocational,
        ),
        ("student.enrolment.central_university", en.central_university.is_some(), higher),
        (
            "student.enrolment.vocational_undergraduate",
            en.vocational_undergraduate.is_some(),
            stage == Stage::Undergraduate,
        ),
        ("student.veteran", s.veteran, higher),
        (
            "student.funded_teacher_trainee",
            s.funded_teacher_trainee,
            stage.is_undergraduate_level(),
        ),
        ("student.salaried", s.salaried, stage.is_graduate()),
        ("student.enlisting", s.enlisting, higher),
        ("student.grassroots_employment", s.grassroots_employment, higher),
    ];
    for (field, given, applies) in checks {
        if given && !applies {
            notices.push(
                Notice::new(
                    NoticeKind::NotApplicable,
                    format!("{field} 对{}学生不适用，未用于本次评估。", stage.label()),
                    Vec::new(),
                )
                .with_field(field),
            );
        }
    }
    for (i, status) in ctx.case.household.statuses.iter().enumerate() {
        if let Some(from) = status.from.filter(|f| *f > ctx.date) {
            notices.push(
                Notice::new(
                    NoticeKind::FutureStatus,
                    format!(
                        "“{}”自 {from} 起认定，晚于评估日期 {}：评估日期时尚未享受相关政策（认定后开始享受，不向前追补）。",
                        status.kind.label(),
                        ctx.date
                    ),
                    Vec::new(),
                )
                .with_field(format!("household.statuses[{i}].from")),
            );
        }
    }
}

/// An as-of date more than a school year past the data's verification date: standards may have
/// changed since.
fn stale_data(ctx: &Ctx, notices: &mut Vec<Notice>) {
    if META.verified_on.days_until(ctx.date) > META.stale_after_days {
        notices.push(
            Notice::new(
                NoticeKind::StaleData,
                format!(
                    "评估日期 {} 比政策数据的核实日期 {} 晚一年以上，此后标准可能已有调整，请以当地最新通知为准。",
                    ctx.date, META.verified_on
                ),
                Vec::new(),
            )
            .with_field("as_of"),
        );
    }
}

/// Status dates given only to the year or month (a family knows 「2021年」, not the day): the
/// result uses the first day of a start and the last day of an end; the case is assessed again
/// with the other ends, and the notice says which day was assumed and which aid the exact day
/// would change, if any.
pub(crate) fn assumed_dates(case: &crate::Case, a: &mut crate::assessment::Assessment) {
    let statuses = &case.household.statuses;
    let mut described = Vec::new();
    for s in statuses {
        let label = s.kind.label();
        if let (Some(from), Some(latest)) = (s.from, s.from_latest) {
            described.push(format!(
                "「{label}」认定日期 {}（按 {from} 计算）",
                period_text(from, latest)
            ));
        }
        if let (Some(to), Some(earliest)) = (s.to, s.to_earliest) {
            described
                .push(format!("「{label}」退出日期 {}（按 {to} 计算）", period_text(earliest, to)));
        }
    }
    if described.is_empty() {
        return;
    }
    let mut other = case.clone();
    for s in &mut other.household.statuses {
        if let Some(d) = s.from_latest {
            s.from = Some(d);
        }
        if let Some(d) = s.to_earliest {
            s.to = Some(d);
        }
    }
    let b = super::assess(&other);
    let outcome = |x: &crate::assessment::Assessment, p: &str| {
        x.entitlements.iter().find(|e| e.program == p).map(|e| (e.outcome, e.annual_yuan))
    };
    let mut changed: Vec<&'static str> = Vec::new();
    for e in a.entitlements.iter().chain(&b.entitlements) {
        if outcome(a, e.program) != outcome(&b, e.program) && !changed.contains(&e.program) {
            changed.push(e.program);
        }
    }
    let conclusion = if changed.is_empty() {
        "具体日期不影响本结果。".to_string()
    } else {
        let names: Vec<&str> = changed
            .iter()
            .filter_map(|p| a.entitlements.iter().chain(&b.entitlements).find(|e| e.program == *p))
            .map(|e| e.name)
            .collect();
        format!("具体日期可能改变以下资助：{}。请以证明上的日期为准。", names.join("、"))
    };
    // Before the closing 「只含国家政策」 note, which stays last.
    let at = a
        .notices
        .iter()
        .position(|n| matches!(n.kind, NoticeKind::NationalOnly | NoticeKind::Scope))
        .unwrap_or(a.notices.len());
    a.notices.insert(
        at,
        Notice::new(
            NoticeKind::DateAssumed,
            format!("只填到年份或月份的日期：{}；{conclusion}", described.join("，")),
            changed,
        )
        .with_field("household.statuses"),
    );
}

/// 「2021年」 or 「2021年6月」 for a period given only to the year or month.
fn period_text(first: Date, last: Date) -> String {
    if first.month() == 1 && last.month() == 12 {
        format!("{}年", first.year())
    } else {
        format!("{}年{}月", first.year(), first.month())
    }
}
