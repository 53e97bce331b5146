//! Facts about the case that every rule shares: which household statuses hold on a day, and
//! [`Ctx`] (the as-of date, the term, enrolment out of province, the transition period).

use crate::assessment::*;
use crate::case::{Area, Case, RegionCode, Stage, StatusKind};
use crate::date::Date;
use crate::policy::{Program, ProgramInfo, StatusOn, META};
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
    pub(crate) fn on(case: &Case, date: Date) -> Statuses {
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
    pub(crate) fn new(case: &'a Case) -> Ctx<'a> {
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

    pub fn received(&self, program: Program) -> bool {
        self.case.student.aid_received.iter().any(|a| a.program == program.id())
    }

    /// The labels of the statuses named (by their format names, as an overlay lists them) that
    /// the household holds on the as-of date.
    pub fn held(&self, names: &[&str]) -> Vec<&'static str> {
        StatusKind::ALL
            .iter()
            .filter(|(name, kind, _)| {
                names.contains(name)
                    && self
                        .case
                        .household
                        .statuses
                        .iter()
                        .any(|s| s.kind == *kind && s.holds_on(self.date))
            })
            .map(|(_, _, label)| *label)
            .collect()
    }

    pub fn stage(&self) -> Stage {
        self.case.student.stage
    }

    pub fn rural_hukou(&self) -> Option<bool> {
        self.case.household.hukou.area.map(|a| a == Area::Rural)
    }

    pub(crate) fn payer(&self, basis: PayerBasis) -> Payer {
        let place = match basis {
            PayerBasis::Hukou | PayerBasis::HukouFallback => &self.hukou,
            PayerBasis::Enrolment | PayerBasis::School => &self.enrolment,
        };
        Payer { region: place.region, basis, name: place.name.clone(), by: None }
    }
}
