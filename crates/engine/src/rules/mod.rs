//! The rules: one function per program of the national catalogue, each a sequence of named
//! criteria with citations. The criteria *are* the explanation.
//!
//! Shared facts about the case (which statuses hold on the as-of date, whether the student is
//! enrolled in another province, whether the 2021–2025 transition period is over) are worked
//! out once in [`Ctx`]. Each program builds an [`Eval`]; the first criterion that fails ends
//! it (the "why not"), an unknown that a case field would settle makes it `needs_info`, an
//! unknown that no field settles (merit, continuation after 2025) makes it `conditional`.

mod compulsory;
mod higher;
pub(crate) mod notices;
mod secondary;

use std::borrow::Cow;

use crate::assessment::*;
use crate::case::{Area, Case, Hardship, RegionCode, Stage, StatusKind};
use crate::date::Date;
use crate::policy::{self, DatedValue, ProgramInfo, StatusOn, META};
use crate::regions;

/// Which household statuses hold on one day.
#[derive(Clone, Copy, Default)]
pub(crate) struct Statuses {
    pub poverty: bool,
    pub monitored: bool,
    pub dibao: bool,
    pub tekun: bool,
    pub low_income: bool,
    pub martyr: bool,
}

impl Statuses {
    fn on(case: &Case, date: Date) -> Statuses {
        let holds = |kind: StatusKind| {
            case.household.statuses.iter().any(|s| s.kind == kind && s.holds_on(date))
        };
        Statuses {
            poverty: holds(StatusKind::RegisteredPoor) || holds(StatusKind::LiftedOut),
            monitored: holds(StatusKind::Monitored),
            dibao: holds(StatusKind::Dibao),
            tekun: holds(StatusKind::Tekun),
            low_income: holds(StatusKind::LowIncome),
            martyr: holds(StatusKind::MartyrFamily),
        }
    }
}

/// Facts about the case shared by every rule.
pub(crate) struct Ctx<'a> {
    pub case: &'a Case,
    pub date: Date,
    pub hukou: Place,
    pub enrolment: Place,
    pub cross_province: bool,
    /// After the last day of the 2021–2025 transition period.
    pub post_transition: bool,
    /// Statuses on the as-of date (most programs: 认定后开始享受, 清退后不再享受).
    pub st: Statuses,
    /// Statuses on the first day of the as-of date's term (programs with
    /// `status_on = "term_start"`).
    pub st_term_start: Statuses,
    pub term_start: Date,
}

impl<'a> Ctx<'a> {
    fn new(case: &'a Case) -> Ctx<'a> {
        let date = case.as_of;
        let hukou = case.household.hukou.region;
        let enrolment = case.student.enrolment.region;
        let term_start = date.term_start();
        Ctx {
            case,
            date,
            hukou: Place { region: hukou, name: regions::full_name(hukou.0) },
            enrolment: Place { region: enrolment, name: regions::full_name(enrolment.0) },
            cross_province: regions::province_of(hukou.0) != regions::province_of(enrolment.0),
            post_transition: date >= META.transition_until,
            st: Statuses::on(case, date),
            st_term_start: Statuses::on(case, term_start),
            term_start,
        }
    }

    /// The statuses a program reads: on the as-of date, or on the first day of its term.
    pub fn statuses(&self, info: &ProgramInfo) -> Statuses {
        match info.status_on {
            StatusOn::AsOf => self.st,
            StatusOn::TermStart => self.st_term_start,
        }
    }

    /// The aid the case records as received for `program` from a place outside the 户籍地's
    /// province (the out-of-province enrolment place, typically).
    pub fn received_out_of_province(&self, program: &str) -> Option<RegionCode> {
        let home = regions::province_of(self.hukou.region.0);
        self.case
            .student
            .aid_received
            .iter()
            .find(|a| a.program == program && regions::province_of(a.region.0) != home)
            .map(|a| a.region)
    }

    pub fn received(&self, program: &str) -> bool {
        self.case.student.aid_received.iter().any(|a| a.program == program)
    }

    pub fn stage(&self) -> Stage {
        self.case.student.stage
    }

    pub fn rural_hukou(&self) -> Option<bool> {
        self.case.household.hukou.area.map(|a| a == Area::Rural)
    }

    fn payer(&self, basis: PayerBasis) -> Payer {
        let place = match basis {
            PayerBasis::Hukou | PayerBasis::HukouFallback => &self.hukou,
            PayerBasis::Enrolment | PayerBasis::School => &self.enrolment,
        };
        Payer { region: place.region, basis, name: place.name.clone() }
    }
}

/// The unknowns a criterion can leave.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unknown {
    /// A case field would decide it.
    Field(&'static str),
    /// Nothing in the case decides it (merit ranking, continuation after 2025, quotas).
    Conditional,
}

/// One program's evaluation in progress.
pub(crate) struct Eval {
    pub info: &'static ProgramInfo,
    pub criteria: Vec<Criterion>,
    pub needs: Vec<&'static str>,
    pub conditional: bool,
    pub failed: bool,
    pub amount: Option<Amount>,
    pub payer: Option<Payer>,
    pub excludes: Vec<&'static str>,
}

type Text = Cow<'static, str>;

impl Eval {
    pub fn new(id: &str) -> Eval {
        let info = policy::program(id).unwrap_or_else(|| unreachable_program(id));
        Eval {
            info,
            criteria: Vec::with_capacity(4),
            needs: Vec::new(),
            conditional: false,
            failed: false,
            amount: None,
            payer: None,
            excludes: Vec::new(),
        }
    }

    pub fn met(&mut self, id: &'static str, text: impl Into<Text>, cites: &[&'static str]) {
        self.push(id, Some(true), text.into(), cites);
    }

    /// Records a failed criterion; the caller returns right after.
    pub fn fail(&mut self, id: &'static str, text: impl Into<Text>, cites: &[&'static str]) {
        self.failed = true;
        self.push(id, Some(false), text.into(), cites);
    }

    pub fn unknown(
        &mut self,
        id: &'static str,
        unknown: Unknown,
        text: impl Into<Text>,
        cites: &[&'static str],
    ) {
        match unknown {
            Unknown::Field(field) => {
                if !self.needs.contains(&field) {
                    self.needs.push(field);
                }
            }
            Unknown::Conditional => self.conditional = true,
        }
        self.push(id, None, text.into(), cites);
    }

    fn push(&mut self, id: &'static str, met: Option<bool>, text: Text, cites: &[&'static str]) {
        self.criteria.push(Criterion { id, met, text, citations: Cites::new(cites) });
    }

    /// Standard first checks: the student's stage is one the program serves, and the program
    /// is in force on the as-of date (never applied to dates before it took effect).
    /// Returns false when evaluation should stop.
    pub fn stage_and_date(
        &mut self,
        ctx: &Ctx,
        stages: &[Stage],
        stage_text: &'static str,
    ) -> bool {
        if !stages.contains(&ctx.stage()) {
            self.fail("stage", stage_text, &[self.info.citation]);
            return false;
        }
        if !self.info.in_force(ctx.date) {
            let text = match self.info.until {
                Some(until) if ctx.date >= until => {
                    format!("该政策实施期限至 {}（不含），评估日期 {} 已过期限", until, ctx.date)
                }
                _ => format!(
                    "该政策自 {} 起实施，评估日期 {} 在此之前（新政策不向前追溯）",
                    self.info.from.map_or_else(String::new, |d| d.to_string()),
                    ctx.date
                ),
            };
            self.fail("in_force", text, &[self.info.citation]);
            return false;
        }
        true
    }
}

fn unreachable_program(id: &str) -> &'static ProgramInfo {
    // Every id the rules use is in programs.toml (checked by tests/policy_data.rs); fall back
    // to the first program rather than panic if data and code ever drift.
    debug_assert!(false, "program {id} missing from programs.toml");
    &policy::PROGRAMS[0]
}

/// Amount from a dated value.
pub(crate) fn amount(kind: AmountKind, v: &'static DatedValue) -> Amount {
    Amount {
        kind,
        yuan: Some(v.value),
        min_yuan: None,
        max_yuan: None,
        days: None,
        local: false,
        unverified: v.unverified,
        citation: Some(v.citation),
        verified_on: Some(v.verified_on),
        effective_from: Some(v.from),
        basis: None,
    }
}

/// An amount with no national figure.
pub(crate) fn amount_unknown(kind: AmountKind, local: bool) -> Amount {
    Amount {
        kind,
        yuan: None,
        min_yuan: None,
        max_yuan: None,
        days: None,
        local,
        unverified: None,
        citation: None,
        verified_on: None,
        effective_from: None,
        basis: None,
    }
}

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
            "脱贫家庭（原建档立卡）学生：2021—2025年过渡期已结束，尚未见国家文件确认过渡期后是否继续自动纳入，以当地最新政策为准",
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

/// Payer of the compulsory-stage living allowances: the 学籍地, or the 户籍地 as fallback when
/// the student is enrolled in another province and the 户籍地 has verified nothing was received
/// there (seed 004: 「省外学籍的，经核实未在省外享受资助的，由户籍所在地予以兜底资助，防止重复资助」).
/// Aid the case records as received out of province is never paid again by the 户籍地.
pub(crate) fn allowance_payer(e: &mut Eval, ctx: &Ctx) -> Payer {
    const CITE: &[&str] = &["hunan-2020-speech"];
    if !(ctx.cross_province && ctx.case.student.out_of_province_checked) {
        return ctx.payer(PayerBasis::Enrolment);
    }
    if let Some(region) = ctx.received_out_of_province(e.info.id) {
        e.met(
            "hukou_fallback",
            format!(
                "已在省外（{}）享受此项资助，户籍地（{}）不予兜底，防止重复资助",
                regions::full_name(region.0),
                ctx.hukou.name
            ),
            CITE,
        );
        return ctx.payer(PayerBasis::Enrolment);
    }
    e.met(
        "hukou_fallback",
        format!(
            "学籍在省外（{}），经户籍地核实未在省外享受资助，由户籍地（{}）兜底资助",
            ctx.enrolment.name, ctx.hukou.name
        ),
        CITE,
    );
    ctx.payer(PayerBasis::HukouFallback)
}

/// Payer of the two exemptions (免学杂费, 免费教科书): always the school where the student is
/// enrolled — 「"两免一补"经费随学生流动可携带」 — so the 户籍地 has nothing to fall back on.
pub(crate) fn exemption_payer(e: &mut Eval, ctx: &Ctx) -> Payer {
    if ctx.cross_province {
        e.met(
            "portable_funds",
            format!(
                "学籍在省外（{}）：“两免一补”经费随学生流动可携带，由就读学校免除或发放，户籍地不另行兜底",
                ctx.enrolment.name
            ),
            &["guofa-2015-67"],
        );
    }
    ctx.payer(PayerBasis::Enrolment)
}

/// Every program's rule, in catalogue order.
const RULES: [fn(&Ctx) -> Eval; 26] = [
    compulsory::preschool_fee_waiver,
    compulsory::preschool_hardship_aid,
    compulsory::tuition_waiver,
    compulsory::free_textbooks,
    compulsory::boarding_allowance,
    compulsory::nonboarding_allowance,
    compulsory::nutrition_meal,
    secondary::senior_fee_waiver,
    secondary::senior_national_grant,
    secondary::vocational_tuition_waiver,
    secondary::vocational_national_grant,
    secondary::vocational_national_scholarship,
    secondary::yulu,
    higher::national_grant,
    higher::national_scholarship,
    higher::encouragement_scholarship,
    higher::origin_loan,
    higher::campus_loan,
    higher::freshman_travel,
    higher::green_channel,
    higher::graduate_national_grant,
    higher::graduate_national_scholarship,
    higher::graduate_academic_scholarship,
    higher::military_tuition_compensation,
    higher::military_tuition_waiver,
    higher::grassroots_tuition_compensation,
];

pub fn assess(case: &Case) -> Assessment {
    let ctx = Ctx::new(case);
    let mut entitlements = Vec::new();
    let mut not_entitled = Vec::new();
    let mut unverified = Vec::new();
    let mut continuation_unknown = Vec::new();
    for rule in RULES {
        let e = rule(&ctx);
        if e.failed {
            not_entitled.push(NotEntitled {
                program: e.info.id,
                name: e.info.name,
                criteria: e.criteria,
            });
            continue;
        }
        let outcome = if !e.needs.is_empty() {
            Outcome::NeedsInfo
        } else if e.conditional {
            Outcome::Conditional
        } else {
            Outcome::Eligible
        };
        let amount = e.amount.unwrap_or_else(|| amount_unknown(AmountKind::InKind, false));
        if amount.unverified.is_some() {
            unverified.push(e.info.id);
        }
        if e.criteria.iter().any(|c| c.citations.contains(META.post_transition_citation)) {
            continuation_unknown.push(e.info.id);
        }
        let annual_yuan = annual(&amount);
        let default_payer = match e.info.payer {
            "hukou" => PayerBasis::Hukou,
            "school" => PayerBasis::School,
            _ => PayerBasis::Enrolment,
        };
        let citations = e.info.citations.iter().filter_map(|id| policy::citation(id)).collect();
        entitlements.push(Entitlement {
            program: e.info.id,
            name: e.info.name,
            outcome,
            form: Form::of(amount.kind),
            amount,
            annual_yuan,
            payer: e.payer.unwrap_or_else(|| ctx.payer(default_payer)),
            criteria: e.criteria,
            citations,
            apply: Apply {
                where_: e.info.apply_where,
                when: e.info.apply_when,
                documents: e.info.documents,
            },
            excludes: e.excludes,
            needs: e.needs,
        });
    }
    let eligible = |form: Form| {
        entitlements.iter().filter(move |e| e.outcome == Outcome::Eligible && e.form == form)
    };
    let total_annual_yuan = eligible(Form::Cash).map(|e| e.annual_yuan).sum();
    let in_kind_annual_yuan =
        eligible(Form::InKind).chain(eligible(Form::Waiver)).map(|e| e.annual_yuan).sum();
    // The two national loans exclude each other: the ceiling is the larger, not the sum.
    let loan_annual_limit_yuan = entitlements
        .iter()
        .filter(|e| e.form == Form::Loan && e.outcome != Outcome::NeedsInfo)
        .filter_map(|e| e.amount.yuan)
        .max()
        .unwrap_or(0);
    let notices = notices::notices(&ctx, &entitlements, unverified, continuation_unknown);
    Assessment {
        as_of: case.as_of,
        term: case.as_of.term(),
        rules: crate::rules_info(),
        entitlements,
        not_entitled,
        notices,
        total_annual_yuan,
        in_kind_annual_yuan,
        loan_annual_limit_yuan,
        places: Places { hukou: ctx.hukou.clone(), enrolment: ctx.enrolment.clone() },
    }
}

/// One school year's value: per-term amounts twice, per-day amounts over the school days;
/// loans count 0 (a loan is not money received).
fn annual(a: &Amount) -> i64 {
    let Some(yuan) = a.yuan else { return 0 };
    match a.kind {
        AmountKind::CashPerYear | AmountKind::CashOnce | AmountKind::Waiver => yuan,
        AmountKind::CashPerTerm => yuan * 2,
        AmountKind::CashPerDay => yuan * a.days.unwrap_or(0),
        AmountKind::InKind => a.days.map_or(yuan, |days| yuan * days),
        AmountKind::LoanLimit => 0,
    }
}
