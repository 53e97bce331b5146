//! Who pays: the 学籍地, or the 户籍地 as fallback for a student enrolled in another province
//! (seed 004), and the enrolling school for the two exemptions.

use crate::assessment::*;
use crate::regions;

use super::*;

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
