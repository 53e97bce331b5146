//! Semantic checks on a parsed case: known region codes, a grade that exists in the stage,
//! status periods that run forwards, no contradictions, and an as-of date the rules cover.

use crate::case::{Case, Stage};
use crate::error::CaseError;
use crate::policy::{self, Parameter, META};
use crate::regions;

pub fn validate(case: &Case) -> Result<(), CaseError> {
    if case.as_of < META.coverage_from {
        return Err(CaseError::no_rule(
            "as_of",
            format!(
                "as_of：{} 早于本规则覆盖的起始日期 {}（城乡统一“两免一补”实施之日），无法按当时的政策计算",
                case.as_of, META.coverage_from
            ),
        ));
    }
    county(case.household.hukou.region.0, "household.hukou.region")?;
    county(case.student.enrolment.region.0, "student.enrolment.region")?;
    for (i, status) in case.household.statuses.iter().enumerate() {
        if let (Some(from), Some(to)) = (status.from, status.to) {
            if to < from {
                return Err(CaseError::contradiction(
                    format!("household.statuses[{i}].to"),
                    format!("结束日期 {to} 早于开始日期 {from}"),
                ));
            }
        }
    }
    let max_grade = max_grade(case.student.stage).at(case.as_of).map_or(0, |v| v.value);
    if i64::from(case.student.grade) > max_grade {
        return Err(CaseError::invalid(
            "student.grade",
            format!(
                "{}没有{}年级（最高{}年级）",
                case.student.stage.label(),
                case.student.grade,
                max_grade
            ),
        ));
    }
    if let Some(birth) = case.student.birth_date {
        if birth > case.as_of {
            return Err(CaseError::contradiction(
                "student.birth_date",
                format!("出生日期 {birth} 晚于评估日期 {}", case.as_of),
            ));
        }
    }
    if case.student.out_of_province_checked
        && regions::province_of(case.household.hukou.region.0)
            == regions::province_of(case.student.enrolment.region.0)
    {
        return Err(CaseError::contradiction(
            "student.out_of_province_checked",
            "学籍与户籍在同一省份，不存在“省外学籍核实”；请去掉此项或检查学籍地区",
        ));
    }
    for (i, aid) in case.student.aid_received.iter().enumerate() {
        if policy::any_program(&aid.program).is_none() {
            return Err(CaseError::invalid(
                format!("student.aid_received[{i}].program"),
                format!(
                    "资助项目{}不在国家资助项目目录或已录入的地方项目中",
                    crate::error::quote(&aid.program)
                ),
            ));
        }
        county(aid.region.0, &format!("student.aid_received[{i}].region"))?;
    }
    Ok(())
}

/// A county-level code of the registry, or an error naming `field`.
pub fn county(code: u32, field: &str) -> Result<(), CaseError> {
    match regions::lookup(code) {
        Some(r) if r.level == regions::Level::County => Ok(()),
        Some(r) => Err(CaseError::invalid(
            field,
            format!("{code:06}（{}）不是县级代码，请选到区县一级", regions::full_name(r.code)),
        )),
        None => Err(CaseError::invalid(
            field,
            format!("地区代码 {code:06} 不在国家行政区划代码表（2023年）中"),
        )),
    }
}

/// Highest grade of each stage, from the data.
pub fn max_grade(stage: Stage) -> &'static Parameter {
    match stage {
        Stage::Preschool => &policy::PRESCHOOL_FINAL_YEAR_GRADE,
        Stage::Primary => &policy::COMPULSORY_MAX_GRADE_PRIMARY,
        Stage::Junior => &policy::COMPULSORY_MAX_GRADE_JUNIOR,
        Stage::Senior => &policy::SENIOR_MAX_GRADE,
        Stage::SecondaryVocational => &policy::VOCATIONAL_MAX_GRADE,
        Stage::HigherVocational => &policy::HIGHER_MAX_GRADE_HIGHER_VOCATIONAL,
        Stage::Undergraduate => &policy::HIGHER_MAX_GRADE_UNDERGRADUATE,
        Stage::Master => &policy::GRADUATE_MAX_GRADE_MASTER,
        Stage::Doctoral => &policy::GRADUATE_MAX_GRADE_DOCTORAL,
    }
}
