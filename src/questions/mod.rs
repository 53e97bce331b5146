//! The questions, in one table: for each, the case field it fills, the step it is asked in,
//! its wording and how it is asked. The family's steps, the officer's one-form check, the
//! summary under the results and the inline question a result needs are all drawn from it.
//!
//! - [`vocab`]: the values offered (the engine's vocabulary) and their names.
//! - [`widgets`]: radio groups, 是/否/不清楚, dates.
//! - [`view`]: how each row of the table is drawn.
//!
//! A question is shown only when its answer can change the result for the student's stage
//! (no major for a primary pupil): [`Q::relevant`]. The engine's `needs` fields map back to
//! questions by their field ([`Q::from_field`]), so a result that needs one more answer can ask
//! it inline.

pub mod view;
pub mod vocab;
pub mod widgets;

pub use view::view;
pub use vocab::{
    aid_programs, coverage_from, grade_label, grades, stage_name, STAGES, STATUS_KINDS,
};

use crate::answers::Answers;
use crate::i18n::{Lang, Msg};
use crate::state::Step;
use vocab::{
    ADMISSION_TIER, AREA, COMPULSORY, HARDSHIP, HIGHER, KINDERGARTEN, MAJOR, OWNERSHIP, SETTING,
    YEARS,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Q {
    AsOf,
    HukouRegion,
    HukouArea,
    Statuses,
    Stage,
    Grade,
    EnrolRegion,
    Kindergarten,
    Ownership,
    Boarding,
    Setting,
    Major,
    FullTime,
    CentralUniversity,
    NutritionProgram,
    ContiguousArea,
    Hardship,
    Disabled,
    Orphan,
    Veteran,
    TeacherTrainee,
    Salaried,
    OutOfProvince,
    AidReceived,
    MongolianInstruction,
    AdmissionTier,
    CountyHighSchoolYears,
}

/// How a question is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// A date (the as-of date).
    Date,
    /// A county, by province → city → county or by search.
    Region,
    /// One of fixed values; the second part is the "not sure" option, when offered.
    Choice(&'static [(&'static str, Msg)], Option<Msg>),
    /// 是 / 否 / 不清楚.
    YesNo,
    Stage,
    Grade,
    /// The household's statuses with their periods.
    Statuses,
    /// Aid already received, by program and paying place.
    AidReceived,
    /// A small count of years (0, 1, 2, 3 or more), stored as a number.
    Years,
}

/// One row of the question table.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    pub q: Q,
    /// The case field the answer fills (the engine's path, as in its `needs`).
    pub field: &'static str,
    /// The input's name: element ids derive from it (`boarding-true`).
    pub name: &'static str,
    /// The step it is asked in; `None` for questions asked only inline, when a result needs
    /// them.
    pub step: Option<Step>,
    pub label: Msg,
    pub help: Option<Msg>,
    pub ask: Ask,
}

const fn row(
    q: Q,
    field: &'static str,
    name: &'static str,
    step: Option<Step>,
    label: Msg,
    ask: Ask,
) -> Question {
    Question { q, field, name, step, label, help: None, ask }
}

const HOME: Option<Step> = Some(Step::Home);
const FAMILY: Option<Step> = Some(Step::Family);
const STUDENT: Option<Step> = Some(Step::Student);
const SCHOOL: Option<Step> = Some(Step::School);
const MORE: Option<Step> = Some(Step::More);

/// Every question, in the order asked.
pub const QUESTIONS: [Question; 27] = [
    Question {
        help: Some(Msg::AsOfHelp),
        ..row(Q::AsOf, "as_of", "as_of", HOME, Msg::AsOf, Ask::Date)
    },
    row(Q::HukouRegion, "household.hukou.region", "hukou", HOME, Msg::HukouRegion, Ask::Region),
    row(
        Q::HukouArea,
        "household.hukou.area",
        "area",
        HOME,
        Msg::HukouArea,
        Ask::Choice(AREA, None),
    ),
    row(Q::Statuses, "household.statuses", "statuses", FAMILY, Msg::Statuses, Ask::Statuses),
    row(Q::Stage, "student.stage", "stage", STUDENT, Msg::Stage, Ask::Stage),
    row(Q::Grade, "student.grade", "grade", STUDENT, Msg::Grade, Ask::Grade),
    row(Q::EnrolRegion, "student.enrolment.region", "enrol", SCHOOL, Msg::EnrolRegion, Ask::Region),
    row(
        Q::Kindergarten,
        "student.enrolment.kindergarten",
        "kindergarten",
        SCHOOL,
        Msg::Kindergarten,
        Ask::Choice(KINDERGARTEN, None),
    ),
    row(
        Q::Ownership,
        "student.enrolment.ownership",
        "ownership",
        SCHOOL,
        Msg::Ownership,
        Ask::Choice(OWNERSHIP, None),
    ),
    row(Q::Boarding, "student.enrolment.boarding", "boarding", SCHOOL, Msg::Boarding, Ask::YesNo),
    row(
        Q::Setting,
        "student.enrolment.setting",
        "setting",
        SCHOOL,
        Msg::Setting,
        Ask::Choice(SETTING, None),
    ),
    row(Q::Major, "student.enrolment.major", "major", SCHOOL, Msg::Major, Ask::Choice(MAJOR, None)),
    row(Q::FullTime, "student.enrolment.full_time", "full_time", SCHOOL, Msg::FullTime, Ask::YesNo),
    row(
        Q::CentralUniversity,
        "student.enrolment.central_university",
        "central_university",
        SCHOOL,
        Msg::CentralUniversity,
        Ask::YesNo,
    ),
    row(
        Q::NutritionProgram,
        "student.enrolment.nutrition_program",
        "nutrition_program",
        None,
        Msg::NutritionProgram,
        Ask::YesNo,
    ),
    row(
        Q::ContiguousArea,
        "student.enrolment.contiguous_poverty_area",
        "contiguous_poverty_area",
        None,
        Msg::ContiguousArea,
        Ask::YesNo,
    ),
    Question {
        help: Some(Msg::HardshipHelp),
        ..row(
            Q::Hardship,
            "student.hardship",
            "hardship",
            MORE,
            Msg::Hardship,
            Ask::Choice(HARDSHIP, Some(Msg::HUnknown)),
        )
    },
    row(Q::Disabled, "student.disabled", "disabled", MORE, Msg::Disabled, Ask::YesNo),
    row(Q::Orphan, "student.orphan", "orphan", MORE, Msg::Orphan, Ask::YesNo),
    row(Q::Veteran, "student.veteran", "veteran", MORE, Msg::Veteran, Ask::YesNo),
    row(
        Q::TeacherTrainee,
        "student.funded_teacher_trainee",
        "teacher_trainee",
        MORE,
        Msg::TeacherTrainee,
        Ask::YesNo,
    ),
    row(Q::Salaried, "student.salaried", "salaried", MORE, Msg::Salaried, Ask::YesNo),
    row(
        Q::OutOfProvince,
        "student.out_of_province_checked",
        "out_of_province",
        MORE,
        Msg::OutOfProvince,
        Ask::YesNo,
    ),
    row(
        Q::AidReceived,
        "student.aid_received",
        "aid_received",
        MORE,
        Msg::AidReceived,
        Ask::AidReceived,
    ),
    // Asked only where a local program of the student's places reads them
    // (`zhuxue_engine::local::fields_needed`).
    row(
        Q::MongolianInstruction,
        "student.enrolment.mongolian_instruction",
        "mongolian_instruction",
        SCHOOL,
        Msg::MongolianInstruction,
        Ask::YesNo,
    ),
    Question {
        help: Some(Msg::AdmissionTierHelp),
        ..row(
            Q::AdmissionTier,
            "student.admission_tier",
            "admission_tier",
            MORE,
            Msg::AdmissionTier,
            Ask::Choice(ADMISSION_TIER, Some(Msg::Unsure)),
        )
    },
    row(
        Q::CountyHighSchoolYears,
        "student.county_high_school_years",
        "county_high_school_years",
        MORE,
        Msg::CountyHighSchoolYears,
        Ask::Years,
    ),
];

impl Q {
    /// This question's row of the table.
    pub fn row(self) -> &'static Question {
        QUESTIONS.iter().find(|r| r.q == self).unwrap_or(&QUESTIONS[0])
    }

    /// The questions of a step, in order.
    pub fn for_step(step: Step) -> impl Iterator<Item = Q> {
        QUESTIONS.iter().filter(move |r| r.step == Some(step)).map(|r| r.q)
    }

    /// The step a question is asked in (inline-only questions belong with the school's).
    pub fn step(self) -> Step {
        self.row().step.unwrap_or(Step::School)
    }

    pub fn label(self) -> Msg {
        self.row().label
    }

    /// The question that answers an engine field (from `needs` or an error): the row filling
    /// it, or for a field inside a list, the list's question (a birth date is asked with the
    /// stage).
    pub fn from_field(field: &str) -> Option<Q> {
        if field == "student.birth_date" {
            return Some(Q::Stage);
        }
        QUESTIONS
            .iter()
            .find(|r| {
                field == r.field
                    || field.strip_prefix(r.field).is_some_and(|rest| rest.starts_with('['))
            })
            .map(|r| r.q)
    }

    /// Whether the answer can change the result, given the answers so far.
    pub fn relevant(self, a: &Answers) -> bool {
        let stage = a.stage();
        match self {
            Q::Grade => !stage.is_empty(),
            Q::Kindergarten => stage == "preschool",
            Q::Ownership => {
                matches!(stage, "primary" | "junior" | "senior" | "secondary_vocational")
            }
            Q::Boarding | Q::Setting => COMPULSORY.contains(&stage),
            Q::Major => stage == "secondary_vocational",
            Q::FullTime => stage == "secondary_vocational" || HIGHER.contains(&stage),
            Q::CentralUniversity => stage == "doctoral",
            Q::Disabled => matches!(stage, "preschool" | "primary" | "junior" | "senior"),
            Q::Veteran => matches!(stage, "higher_vocational" | "undergraduate"),
            Q::TeacherTrainee => stage == "undergraduate" && a.student.grade.unwrap_or(1) >= 2,
            Q::Salaried => matches!(stage, "master" | "doctoral"),
            Q::OutOfProvince => COMPULSORY.contains(&stage) && a.cross_province(),
            Q::AidReceived => {
                !aid_programs(stage).is_empty() && (HIGHER.contains(&stage) || a.cross_province())
            }
            // Asked only when an assessment needs them (inline on the results).
            Q::NutritionProgram | Q::ContiguousArea => false,
            Q::MongolianInstruction | Q::AdmissionTier | Q::CountyHighSchoolYears => {
                a.local_fields().contains(&self.row().field)
            }
            _ => true,
        }
    }

    /// The answer as the summary shows it.
    pub fn summary(self, a: &Answers, lang: Lang) -> String {
        let none = || lang.t(Msg::NoAnswer).into_owned();
        let row = self.row();
        let place = |v: Option<&str>| {
            v.and_then(|c| c.parse().ok())
                .map(|c| crate::pinyin::place(c, lang))
                .unwrap_or_else(none)
        };
        let value = a.get(row.field);
        match row.ask {
            Ask::Date => value.and_then(|v| v.as_str().map(String::from)).unwrap_or_else(none),
            Ask::Region if self == Q::EnrolRegion && value.is_none() => {
                lang.t(Msg::SameAsHukou).into_owned()
            }
            Ask::Region => place(value.as_ref().and_then(|v| v.as_str())),
            Ask::Choice(options, _) => value
                .as_ref()
                .and_then(|v| v.as_str())
                .and_then(|v| options.iter().find(|(k, _)| *k == v))
                .map_or_else(none, |(_, m)| lang.t(*m).into_owned()),
            Ask::YesNo => value
                .and_then(|v| v.as_bool())
                .map_or_else(none, |v| lang.t(if v { Msg::Yes } else { Msg::No }).into_owned()),
            Ask::Stage => a
                .student
                .stage
                .as_deref()
                .and_then(|v| STAGES.iter().find(|(k, _, _)| *k == v))
                .map_or_else(none, |(_, zh, en)| stage_name(lang, zh, en)),
            Ask::Grade => a.student.grade.map_or_else(none, |g| grade_label(lang, a.stage(), g)),
            Ask::Years => value
                .and_then(|v| v.as_u64())
                .map(|n| n.min(3).to_string())
                .and_then(|n| YEARS.iter().find(|(k, _)| *k == n))
                .map_or_else(none, |(_, m)| lang.t(*m).into_owned()),
            Ask::Statuses => {
                let names: Vec<String> = a
                    .household
                    .statuses
                    .iter()
                    .map(|st| {
                        let name = STATUS_KINDS.iter().find(|(k, _, _)| *k == st.kind).map_or_else(
                            || lang.t(Msg::UnknownStatus).replace("{k}", &st.kind),
                            |(_, name, _)| lang.zh(name).into_owned(),
                        );
                        match (&st.from, &st.to) {
                            (None, None) => name,
                            (from, to) => format!(
                                "{name}（{}—{}）",
                                from.as_deref().unwrap_or(""),
                                to.as_deref().unwrap_or("")
                            ),
                        }
                    })
                    .collect();
                match (names.is_empty(), a.household.statuses_checked) {
                    (false, _) => names.join(lang.list()),
                    (true, true) => lang.t(Msg::StatusesNoneOption).into_owned(),
                    (true, false) => none(),
                }
            }
            Ask::AidReceived => {
                let s = &a.student;
                if s.aid_received.is_empty() {
                    return lang.t(Msg::StatusesNone).into_owned();
                }
                s.aid_received
                    .iter()
                    .map(|aid| {
                        let name = zhuxue_engine::policy::any_program(&aid.program)
                            .map_or(aid.program.as_str(), |p| p.name);
                        format!("{}（{}）", lang.zh(name), place(Some(&aid.region)))
                    })
                    .collect::<Vec<_>>()
                    .join(lang.list())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app's choices use the engine's vocabulary: the same stage and status keys, in the
    /// same order, and the engine's grade limits.
    #[test]
    fn choices_match_the_engine() {
        let engine_stages: Vec<&str> =
            zhuxue_engine::case::Stage::ALL.iter().map(|(k, _, _)| *k).collect();
        let app_stages: Vec<&str> = STAGES.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(app_stages, engine_stages);
        let engine_kinds: Vec<&str> =
            zhuxue_engine::case::StatusKind::ALL.iter().map(|(k, _, _)| *k).collect();
        let app_kinds: Vec<&str> = STATUS_KINDS.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(app_kinds, engine_kinds);
        let limits: Vec<u8> = app_stages.iter().map(|s| grades(s)).collect();
        assert_eq!(limits, [3, 6, 4, 3, 3, 3, 5, 3, 6]);
        assert_eq!(grades("nonsense"), 0);
        assert_eq!(coverage_from(), "2017-02-01");
    }

    /// One table: every row's field is a field of the engine's case format, names and fields
    /// are unique, every question has its row, and the engine's `needs` paths map back.
    #[test]
    fn the_table_is_the_engine_case_format() {
        use serde_json::json;
        let mut names: Vec<&str> = QUESTIONS.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), QUESTIONS.len(), "names are unique");
        for r in &QUESTIONS {
            assert_eq!(r.q.row().q, r.q);
            assert_eq!(Q::from_field(r.field), Some(r.q), "{}", r.field);
            let (parent, key) = r.field.rsplit_once('.').unwrap_or(("", r.field));
            assert!(
                zhuxue_engine::case::keys(parent).contains(&key),
                "{} is a case field",
                r.field
            );
        }
        assert_eq!(Q::from_field("household.statuses[2].from"), Some(Q::Statuses));
        assert_eq!(Q::from_field("student.aid_received[0].region"), Some(Q::AidReceived));
        assert_eq!(Q::from_field("student.birth_date"), Some(Q::Stage));
        assert_eq!(Q::from_field("student.nonsense"), None);
        let steps: Vec<Vec<Q>> = Step::ALL.iter().map(|s| Q::for_step(*s).collect()).collect();
        assert_eq!(steps[0], [Q::AsOf, Q::HukouRegion, Q::HukouArea]);
        assert_eq!(steps[2], [Q::Stage, Q::Grade]);
        assert_eq!(steps.iter().map(Vec::len).sum::<usize>(), 25, "two are asked only inline");
        // Answers are read and written by field, through the engine's field reader.
        let mut a = Answers::default();
        a.set("student.enrolment.boarding", Some(json!(true)));
        a.set("student.hardship", Some(json!("special")));
        assert_eq!(a.student.enrolment.boarding, Some(true));
        assert_eq!(a.get("student.hardship"), Some(json!("special")));
        assert_eq!(Q::Hardship.summary(&a, Lang::Hans), "特别困难");
        assert_eq!(Q::Boarding.summary(&a, Lang::Hans), "是");
        assert_eq!(Q::Ownership.summary(&a, Lang::Hans), "未回答");
        a.set("student.hardship", Some(json!("rich")));
        assert_eq!(a.get("student.hardship"), None, "a value the engine refuses is not kept");
        a.set("student.enrolment.boarding", None);
        assert_eq!(a.student.enrolment.boarding, None);
        // No statuses: 「未回答」 until answered, then 「以上都没有（未认定）」.
        assert_eq!(Q::Statuses.summary(&a, Lang::Hans), "未回答");
        a.set("household.statuses_checked", Some(json!(true)));
        assert_eq!(Q::Statuses.summary(&a, Lang::Hans), "以上都没有（未认定）");
        assert_eq!(a.to_value()["household"]["statuses_checked"], json!(true));
    }

    /// The questions local programs need are asked only where an overlay of the student's
    /// places reads them, for that stage.
    #[test]
    fn local_questions_only_where_a_local_program_needs_them() {
        use serde_json::json;
        let mut a = Answers::default();
        a.set("household.hukou.region", Some(json!("640422")));
        a.set("student.stage", Some(json!("undergraduate")));
        assert!(Q::AdmissionTier.relevant(&a));
        assert!(Q::CountyHighSchoolYears.relevant(&a));
        assert!(!Q::MongolianInstruction.relevant(&a));
        a.set("household.hukou.region", Some(json!("621126")));
        assert!(!Q::AdmissionTier.relevant(&a), "no Gansu program reads the admission batch");
        a.set("student.enrolment.region", Some(json!("640104")));
        assert!(
            !Q::AdmissionTier.relevant(&a),
            "studying in 宁夏 does not make a 户籍 award apply"
        );
        a.set("student.enrolment.region", None);
        a.set("household.hukou.region", Some(json!("152921")));
        a.set("student.stage", Some(json!("primary")));
        assert!(Q::MongolianInstruction.relevant(&a));
        assert!(!Q::AdmissionTier.relevant(&a));
        a.set("student.county_high_school_years", Some(json!(5)));
        assert_eq!(Q::CountyHighSchoolYears.summary(&a, Lang::Hans), "3年及以上");
        a.set("student.admission_tier", Some(json!("second_tier")));
        assert_eq!(Q::AdmissionTier.summary(&a, Lang::Hans), "二本（本科二批）");
        assert_eq!(a.to_value()["student"]["county_high_school_years"], json!(5));
        a.set("student.county_high_school_years", Some(json!(9)));
        assert_eq!(a.student.county_high_school_years, None, "refused like the engine");
        // A local program whose receipt a rule reads is offered among the aid received.
        a.set("household.hukou.region", Some(json!("640422")));
        a.set("student.stage", Some(json!("undergraduate")));
        assert_eq!(a.local_aid_programs(), ["local.64.yanbao_scholarship"]);
        a.set("household.hukou.region", Some(json!("640104")));
        assert!(a.local_aid_programs().is_empty(), "银川 is not among 燕宝's 9 县区");
    }

    /// Status dates as families write them: a year, a month or a day.
    #[test]
    fn status_dates_are_read_as_families_write_them() {
        use super::widgets::normalise_date;
        for (typed, read) in [
            ("2021", Some("2021")),
            ("2021年", Some("2021")),
            ("2021年6月", Some("2021-06")),
            ("2021.6", Some("2021-06")),
            ("202106", Some("2021-06")),
            ("2021/6/5", Some("2021-06-05")),
            ("2021年6月15日", Some("2021-06-15")),
            ("２０２１－０６－１５", Some("2021-06-15")),
            (" 20210615 ", Some("20210615").map(|_| "2021-06-15")),
            ("2021-02-30", None),
            ("21年", None),
            ("去年", None),
            ("", None),
        ] {
            assert_eq!(normalise_date(typed).as_deref(), read, "{typed}");
        }
    }

    #[test]
    fn grade_labels_never_panic() {
        assert_eq!(grade_label(Lang::Hans, "preschool", 3), "大班");
        assert_eq!(grade_label(Lang::Hans, "junior", 2), "二年级");
        assert_eq!(grade_label(Lang::En, "junior", 2), "Year 2");
        assert_eq!(grade_label(Lang::Hans, "preschool", 0), "0");
        assert_eq!(grade_label(Lang::Hans, "primary", 200), "200");
    }
}
