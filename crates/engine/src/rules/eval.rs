//! The evaluation builder: one program's criteria in order, each with its citations; the
//! first that fails ends it, an unknown a field would settle makes it `needs_info`. Also the
//! amount constructors.

use std::borrow::Cow;

use crate::assessment::*;
use crate::policy::{DatedValue, ProgramInfo};

use super::*;

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

pub(crate) type Text = Cow<'static, str>;

impl Eval {
    pub fn new(program: Program) -> Eval {
        Eval::for_info(program.info())
    }

    /// An evaluation of any program, national or local, by its catalogue entry.
    pub fn for_info(info: &'static ProgramInfo) -> Eval {
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

    pub(crate) fn push(
        &mut self,
        id: &'static str,
        met: Option<bool>,
        text: Text,
        cites: &[&'static str],
    ) {
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
