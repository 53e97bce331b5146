//! The generic evaluator of local programs: one function turns any overlay program into the
//! same [`Eval`] a national rule builds — the place, the stage and dates, the grades, each
//! condition, the checks no field settles, continuation past the last confirmed day — and
//! picks the dated amount in force. No Rust per local program.

use crate::case::{Area, Hardship, Kindergarten, Major, Ownership, Setting};
use crate::local::{Condition, Fact, LocalAmount, LocalProgram, PlaceRule, Test};

use super::*;

pub(crate) fn evaluate(ctx: &Ctx, p: &'static LocalProgram) -> Eval {
    let mut e = Eval::for_info(&p.info);
    let cite = p.info.citation;
    let Some(basis) = place(&mut e, ctx, p) else { return e };
    if !e.stage_and_date(ctx, p.stages, p.stage_text) {
        return e;
    }
    let grade = ctx.case.student.grade;
    if !p.grades.is_empty() {
        let grades: Vec<String> = p.grades.iter().map(u8::to_string).collect();
        let text = format!("适用年级：{}年级；学生在{grade}年级", grades.join("、"));
        if !p.grades.contains(&grade) {
            e.fail("grade", text, &[cite]);
            return e;
        }
        e.met("grade", text, &[cite]);
    }
    for c in p.conditions {
        let (holds, value) = check(ctx, c);
        match holds {
            Some(true) => {
                e.met(c.fact.field(), format!("{}（本案：{value}）", c.text), &[c.citation])
            }
            Some(false) => {
                e.fail(c.fact.field(), format!("要求{}；本案：{value}", c.text), &[c.citation]);
                return e;
            }
            None => e.unknown(
                c.fact.field(),
                Unknown::Field(c.fact.field()),
                format!("要求{}；尚未回答", c.text),
                &[c.citation],
            ),
        }
    }
    for (text, citation) in p.unknowns {
        e.unknown("open", Unknown::Conditional, *text, &[citation]);
    }
    if let Some(last) = p.confirmed_until {
        if ctx.date > last {
            e.unknown(
                "continuation",
                Unknown::Conditional,
                format!(
                    "来源只确认该项目实施至{}年{}月{}日；此后是否延续未见来源，请向当地学生资助管理中心核实",
                    last.year(),
                    last.month(),
                    last.day()
                ),
                &[cite],
            );
        }
    }
    e.amount = Some(amount(ctx, p));
    let mut payer = ctx.payer(basis);
    payer.by = Some(p.payer);
    e.payer = Some(payer);
    e.excludes = p.excludes.to_vec();
    e
}

/// The place criterion: which of the student's places the program's regions must contain.
fn place(e: &mut Eval, ctx: &Ctx, p: &LocalProgram) -> Option<PayerBasis> {
    let cite = &[p.info.citation];
    let hukou = p.covers(ctx.hukou.region.0);
    let enrolment = p.covers(ctx.enrolment.region.0);
    let regions = p.regions_text;
    let (basis, text) = match p.place {
        PlaceRule::Enrolment => (
            enrolment.then_some(PayerBasis::Enrolment),
            format!("学籍地（{}）{}{regions}", ctx.enrolment.name, within(enrolment)),
        ),
        PlaceRule::Hukou => (
            hukou.then_some(PayerBasis::Hukou),
            format!("户籍地（{}）{}{regions}", ctx.hukou.name, within(hukou)),
        ),
        PlaceRule::Either => (
            if enrolment {
                Some(PayerBasis::Enrolment)
            } else if hukou {
                Some(PayerBasis::Hukou)
            } else {
                None
            },
            format!(
                "户籍地或学籍地在{regions}：户籍地（{}）{}，学籍地（{}）{}",
                ctx.hukou.name,
                if hukou { "在" } else { "不在" },
                ctx.enrolment.name,
                if enrolment { "在" } else { "不在" }
            ),
        ),
        PlaceRule::Both => (
            (hukou && enrolment).then_some(PayerBasis::Enrolment),
            format!(
                "户籍地和学籍地都须在{regions}：户籍地（{}）{}，学籍地（{}）{}",
                ctx.hukou.name,
                if hukou { "在" } else { "不在" },
                ctx.enrolment.name,
                if enrolment { "在" } else { "不在" }
            ),
        ),
    };
    match basis {
        Some(_) => e.met("place", text, cite),
        None => e.fail("place", text, cite),
    }
    basis
}

fn within(yes: bool) -> &'static str {
    if yes {
        "在"
    } else {
        "不在"
    }
}

/// Whether the case meets a condition (`None`: not answered), and the case's value in words.
fn check(ctx: &Ctx, c: &Condition) -> (Option<bool>, String) {
    let s = &ctx.case.student;
    let e = &s.enrolment;
    let yes_no = |b: bool| if b { "是" } else { "否" }.to_string();
    let flag = |v: Option<bool>| match (c.test, v) {
        (Test::Is(want), Some(v)) => (Some(v == want), yes_no(v)),
        (_, v) => (None, v.map_or_else(|| "未回答".to_string(), yes_no)),
    };
    let one_of = |v: Option<(&str, &str)>| match (c.test, v) {
        (Test::In(allowed), Some((name, label))) => {
            (Some(allowed.contains(&name)), label.to_string())
        }
        _ => (None, "未回答".to_string()),
    };
    match c.fact {
        Fact::Boarding => flag(e.boarding),
        Fact::Disabled => flag(Some(s.disabled)),
        Fact::Orphan => flag(Some(s.orphan)),
        Fact::FullTime => flag(Some(e.full_time)),
        Fact::FundedTeacherTrainee => flag(Some(s.funded_teacher_trainee)),
        Fact::MongolianInstruction => flag(e.mongolian_instruction),
        Fact::HukouArea => one_of(ctx.case.household.hukou.area.map(|a| match a {
            Area::Rural => ("rural", "农村户籍"),
            Area::Urban => ("urban", "城镇户籍"),
        })),
        Fact::Setting => one_of(e.setting.map(|v| match v {
            Setting::City => ("city", "城市学校"),
            Setting::CountyTown => ("county_town", "县城学校"),
            Setting::Rural => ("rural", "农村学校"),
        })),
        Fact::Ownership => one_of(e.ownership.map(|v| match v {
            Ownership::Public => ("public", "公办"),
            Ownership::Private => ("private", "民办"),
        })),
        Fact::Kindergarten => one_of(e.kindergarten.map(|v| match v {
            Kindergarten::Public => ("public", "公办幼儿园"),
            Kindergarten::InclusivePrivate => ("inclusive_private", "普惠性民办幼儿园"),
            Kindergarten::OtherPrivate => ("other_private", "非普惠性民办幼儿园"),
        })),
        Fact::Major => one_of(e.major.map(|v| match v {
            Major::Agriculture => ("agriculture", "涉农专业"),
            Major::ArtsPerformance => ("arts_performance", "艺术类表演专业"),
            Major::Other => ("other", "其他专业"),
        })),
        Fact::Hardship => one_of(s.hardship.map(|h| {
            let name = match h {
                Hardship::Special => "special",
                Hardship::Relative => "relative",
                Hardship::General => "general",
                Hardship::None => "none",
            };
            (name, h.label())
        })),
        Fact::AdmissionTier => one_of(s.admission_tier.map(|t| (t.name(), t.label()))),
        Fact::Status => {
            let Test::In(allowed) = c.test else { return (None, String::new()) };
            let held = ctx.held(allowed);
            if held.is_empty() {
                (Some(false), "无所列身份".to_string())
            } else {
                (Some(true), held.join("、"))
            }
        }
        Fact::CountyHighSchoolYears => match (c.test, s.county_high_school_years) {
            (Test::AtLeast(n), Some(years)) => (Some(years >= n), format!("{years}年")),
            _ => (None, "未回答".to_string()),
        },
    }
}

/// The amount in force on the as-of date for the student's stage and admission tier.
fn amount(ctx: &Ctx, p: &LocalProgram) -> Amount {
    let s = &ctx.case.student;
    let fits = |a: &&LocalAmount| {
        (a.stages.is_empty() || a.stages.contains(&s.stage))
            && (a.admission_tiers.is_empty()
                || s.admission_tier.is_some_and(|t| a.admission_tiers.contains(&t.name())))
            && a.from.is_none_or(|f| ctx.date >= f)
            && a.until.is_none_or(|u| ctx.date < u)
    };
    let Some(a) = p.amounts.iter().filter(fits).max_by_key(|a| a.from) else {
        let kind = p.amounts.first().map_or(AmountKind::InKind, |a| a.kind);
        let mut unknown = amount_unknown(kind, true);
        unknown.unverified = Some("没有找到适用于评估日期、学段或录取批次的金额来源");
        return unknown;
    };
    Amount {
        kind: a.kind,
        yuan: a.yuan,
        min_yuan: a.min_yuan,
        max_yuan: a.max_yuan,
        days: None,
        local: a.yuan.is_none(),
        unverified: a.unverified,
        citation: Some(a.citation),
        verified_on: Some(a.verified_on),
        effective_from: a.from,
        basis: a.basis.map(str::to_string),
    }
}
