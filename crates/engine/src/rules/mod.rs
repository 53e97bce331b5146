//! The rules: one function per program of the national catalogue, each a sequence of named
//! criteria with citations. The criteria *are* the explanation.
//!
//! Shared facts about the case (which statuses hold on the as-of date, whether the student is
//! enrolled in another province, whether the 2021–2025 transition period is over) are worked
//! out once in [`Ctx`]. Each program builds an [`Eval`]; the first criterion that fails ends
//! it (the "why not"), an unknown that a case field would settle makes it `needs_info`, an
//! unknown that no field settles (merit, continuation after 2025) makes it `conditional`.
//!
//! By job: `facts.rs` (statuses on a day, [`Ctx`]), `eval.rs` (the [`Eval`] builder and
//! amounts), `hardship.rs` (the family's hardship, the four categories), `payer.rs` (学籍地,
//! 户籍地 fallback, the school), `notices.rs` (the assessment's notices); the programs'
//! rules by stage in `compulsory.rs`, `secondary.rs`, `higher.rs`; this file runs them all and
//! totals the result.

mod compulsory;
mod eval;
mod facts;
mod hardship;
mod higher;
mod local;
pub(crate) mod notices;
mod payer;
mod secondary;

pub(crate) use crate::policy::Program;
pub(crate) use eval::*;
pub(crate) use facts::*;
pub(crate) use hardship::*;
pub(crate) use payer::*;

use crate::assessment::*;
use crate::case::{Case, Stage, StatusKind};
use crate::date::Date;
use crate::policy::{self, DatedValue, META};
use crate::regions;

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
    let mut out = Results::default();
    for rule in RULES {
        out.push(&ctx, rule(&ctx), None, None);
    }
    // The local overlays of the student's places (province, prefecture, county), each program
    // for the student's stage through the one generic evaluator (a local program for another
    // stage is left out, not listed as "cannot get": it would only crowd the list).
    let overlays: Vec<&'static crate::local::Overlay> =
        crate::local::covering(ctx.hukou.region.0, ctx.enrolment.region.0).collect();
    for overlay in &overlays {
        for p in overlay.programs.iter().filter(|p| p.stages.contains(&ctx.stage())) {
            let stacking =
                p.stacking.as_ref().map(|s| StackingRule { text: s.text, citation: s.citation });
            out.push(&ctx, local::evaluate(&ctx, p), Some(p.level), stacking);
        }
    }
    local_figures(&ctx, &mut out);
    let Results { entitlements, not_entitled, unverified, continuation_unknown } = out;
    let eligible = |form: Form| {
        entitlements.iter().filter(move |e| e.outcome == Outcome::Eligible && e.form == form)
    };
    let total_annual_yuan = eligible(Form::Cash).map(|e| e.annual_yuan).sum();
    let local_annual_yuan =
        eligible(Form::Cash).filter(|e| e.level.is_some()).map(|e| e.annual_yuan).sum();
    let in_kind_annual_yuan =
        eligible(Form::InKind).chain(eligible(Form::Waiver)).map(|e| e.annual_yuan).sum();
    // The two national loans exclude each other: the ceiling is the larger, not the sum.
    let loan_annual_limit_yuan = entitlements
        .iter()
        .filter(|e| e.form == Form::Loan && e.outcome != Outcome::NeedsInfo)
        .filter_map(|e| e.amount.yuan)
        .max()
        .unwrap_or(0);
    let notices =
        notices::notices(&ctx, &entitlements, &overlays, unverified, continuation_unknown);
    let mut rules = crate::rules_info();
    rules.scope = if overlays.is_empty() { "national" } else { "national+local" };
    rules.overlays = overlays.iter().map(|o| OverlayRef::of(o)).collect();
    Assessment {
        as_of: case.as_of,
        term: case.as_of.term(),
        rules,
        entitlements,
        not_entitled,
        notices,
        total_annual_yuan,
        local_annual_yuan,
        in_kind_annual_yuan,
        loan_annual_limit_yuan,
        places: Places { hukou: ctx.hukou.clone(), enrolment: ctx.enrolment.clone() },
    }
}

/// The entitlements and refusals as the rules produce them.
#[derive(Default)]
struct Results {
    entitlements: Vec<Entitlement>,
    not_entitled: Vec<NotEntitled>,
    unverified: Vec<&'static str>,
    continuation_unknown: Vec<&'static str>,
}

impl Results {
    /// One program's evaluation, national or local (`level`), into the result.
    fn push(
        &mut self,
        ctx: &Ctx,
        e: Eval,
        level: Option<crate::local::Level>,
        stacking: Option<StackingRule>,
    ) {
        if e.failed {
            self.not_entitled.push(NotEntitled {
                program: e.info.id,
                name: e.info.name,
                criteria: e.criteria,
                level,
            });
            return;
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
            self.unverified.push(e.info.id);
        }
        if e.criteria.iter().any(|c| c.citations.contains(META.post_transition_citation)) {
            self.continuation_unknown.push(e.info.id);
        }
        let annual_yuan = annual(&amount);
        let default_payer = match e.info.payer {
            "hukou" => PayerBasis::Hukou,
            "school" => PayerBasis::School,
            _ => PayerBasis::Enrolment,
        };
        let citations = e.info.citations.iter().filter_map(|id| policy::citation(id)).collect();
        self.entitlements.push(Entitlement {
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
            level,
            stacking,
        });
    }
}

/// National programs whose amount is set locally (普高免学杂费, 学前资助 …): the local figure
/// from an overlay for the payer's place, when one is encoded for the as-of date.
fn local_figures(ctx: &Ctx, out: &mut Results) {
    for e in out.entitlements.iter_mut().filter(|e| e.level.is_none() && e.amount.local) {
        if e.amount.yuan.is_some() {
            continue;
        }
        let Some(q) =
            crate::local::parameter(e.program, e.payer.region.0, ctx.hukou.region.0, ctx.date)
        else {
            continue;
        };
        if let Some(kind) = q.kind {
            e.amount.kind = kind;
            e.form = Form::of(kind);
        }
        e.amount.yuan = Some(q.yuan);
        e.amount.citation = Some(q.citation);
        e.amount.verified_on = Some(q.verified_on);
        e.amount.effective_from = Some(q.from);
        e.amount.unverified = q.unverified;
        e.amount.basis = q.basis.map(str::to_string);
        e.annual_yuan = annual(&e.amount);
        if q.unverified.is_some() && !out.unverified.contains(&e.program) {
            out.unverified.push(e.program);
        }
        if let Some(c) = policy::citation(q.citation) {
            if !e.citations.iter().any(|x| x.id == c.id) {
                e.citations.push(c);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules run in catalogue order, one per program: the i-th rule evaluates the i-th
    /// program of the generated enum (and so of programs.toml).
    #[test]
    fn one_rule_per_program_in_catalogue_order() {
        let case = Case::from_json(include_str!("../../../../examples/junior-boarder-gansu.json"))
            .unwrap();
        let ctx = Ctx::new(&case);
        let ran: Vec<&str> = RULES.iter().map(|rule| rule(&ctx).info.id).collect();
        let catalogue: Vec<&str> = Program::ALL.iter().map(|p| p.id()).collect();
        assert_eq!(ran, catalogue);
        assert_eq!(
            Program::from_id("compulsory.boarding_allowance"),
            Some(Program::CompulsoryBoardingAllowance)
        );
        assert_eq!(Program::from_id("compulsory.bonus"), None);
    }
}
