//! The questions: which step each belongs to, when it matters, and how it is asked.
//!
//! A question is shown only when its answer can change the result for the student's stage
//! (no major for a primary pupil). The engine's `needs` fields map back to questions, so a
//! result that needs one more answer can ask it inline.

use std::borrow::Cow;
use std::rc::Rc;

use yew::prelude::*;

use crate::answers::{Aid, Answers, Status};
use crate::components::region_picker::RegionPicker;
use crate::i18n::{Lang, Msg};
use crate::state::{Action, Step};

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
}

const COMPULSORY: &[&str] = &["primary", "junior"];
const HIGHER: &[&str] = &["higher_vocational", "undergraduate", "master", "doctoral"];

pub const STAGES: [(&str, &str, &str); 9] = [
    ("preschool", "幼儿园", "Kindergarten"),
    ("primary", "小学", "Primary school"),
    ("junior", "初中", "Junior secondary"),
    ("senior", "普通高中", "General senior high"),
    ("secondary_vocational", "中职（含技工学校）", "Secondary vocational (中职)"),
    ("higher_vocational", "高职（专科）", "Higher vocational (高职)"),
    ("undergraduate", "本科", "Undergraduate"),
    ("master", "硕士研究生", "Master's"),
    ("doctoral", "博士研究生", "Doctoral"),
];

pub const STATUS_KINDS: [(&str, &str, Msg); 7] = [
    ("registered_poor", "建档立卡贫困户", Msg::HelpRegisteredPoor),
    ("lifted_out", "脱贫户", Msg::HelpLiftedOut),
    ("monitored", "防止返贫监测对象", Msg::HelpMonitored),
    ("dibao", "最低生活保障家庭（低保）", Msg::HelpDibao),
    ("tekun", "特困供养", Msg::HelpTekun),
    ("low_income", "低收入家庭", Msg::HelpLowIncome),
    ("martyr_family", "烈士/优抚家庭", Msg::HelpMartyr),
];

/// The programs whose receipt matters to the rules (double aid, 户籍地 fallback, the
/// exclusive scholarships and loans), by stage.
pub fn aid_programs(stage: &str) -> &'static [&'static str] {
    match stage {
        "primary" | "junior" => {
            &["compulsory.boarding_allowance", "compulsory.nonboarding_allowance"]
        }
        "higher_vocational" | "undergraduate" => &[
            "higher.national_grant",
            "higher.national_scholarship",
            "higher.encouragement_scholarship",
            "higher.origin_loan",
            "higher.campus_loan",
        ],
        "master" | "doctoral" => &[
            "graduate.national_grant",
            "graduate.national_scholarship",
            "higher.origin_loan",
            "higher.campus_loan",
        ],
        _ => &[],
    }
}

/// Number of years in each stage (the grade choices offered): the engine's own limit for the
/// stage (`validate::max_grade`), so the app never offers a grade the engine refuses.
pub fn grades(stage: &str) -> u8 {
    let Some((_, stage, _)) = zhuxue_engine::case::Stage::ALL.iter().find(|(k, _, _)| *k == stage)
    else {
        return 0;
    };
    zhuxue_engine::validate::max_grade(*stage)
        .last()
        .and_then(|v| u8::try_from(v.value).ok())
        .unwrap_or(0)
}

/// The first date the rules cover, as the date inputs' minimum.
pub fn coverage_from() -> String {
    zhuxue_engine::policy::META.coverage_from.to_string()
}

impl Q {
    pub fn for_step(step: Step) -> &'static [Q] {
        match step {
            Step::Home => &[Q::AsOf, Q::HukouRegion, Q::HukouArea],
            Step::Family => &[Q::Statuses],
            Step::Student => &[Q::Stage, Q::Grade],
            Step::School => &[
                Q::EnrolRegion,
                Q::Kindergarten,
                Q::Ownership,
                Q::Boarding,
                Q::Setting,
                Q::Major,
                Q::FullTime,
                Q::CentralUniversity,
            ],
            Step::More => &[
                Q::Hardship,
                Q::Disabled,
                Q::Orphan,
                Q::Veteran,
                Q::TeacherTrainee,
                Q::Salaried,
                Q::OutOfProvince,
                Q::AidReceived,
            ],
        }
    }

    pub fn step(self) -> Step {
        Step::ALL.into_iter().find(|s| Q::for_step(*s).contains(&self)).unwrap_or(Step::School)
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
            _ => true,
        }
    }

    /// The question that answers an engine field (from `needs` or an error).
    pub fn from_field(field: &str) -> Option<Q> {
        Some(match field {
            "as_of" => Q::AsOf,
            "household.hukou.region" => Q::HukouRegion,
            "household.hukou.area" => Q::HukouArea,
            "student.stage" => Q::Stage,
            "student.grade" => Q::Grade,
            "student.enrolment.region" => Q::EnrolRegion,
            "student.enrolment.kindergarten" => Q::Kindergarten,
            "student.enrolment.ownership" => Q::Ownership,
            "student.enrolment.boarding" => Q::Boarding,
            "student.enrolment.setting" => Q::Setting,
            "student.enrolment.major" => Q::Major,
            "student.enrolment.full_time" => Q::FullTime,
            "student.enrolment.central_university" => Q::CentralUniversity,
            "student.enrolment.nutrition_program" => Q::NutritionProgram,
            "student.enrolment.contiguous_poverty_area" => Q::ContiguousArea,
            "student.hardship" => Q::Hardship,
            "student.disabled" => Q::Disabled,
            "student.orphan" => Q::Orphan,
            "student.out_of_province_checked" => Q::OutOfProvince,
            "student.birth_date" => Q::Stage,
            f if f.starts_with("student.aid_received") => Q::AidReceived,
            f if f.starts_with("household.statuses") => Q::Statuses,
            _ => return None,
        })
    }

    pub fn label(self) -> Msg {
        match self {
            Q::AsOf => Msg::AsOf,
            Q::HukouRegion => Msg::HukouRegion,
            Q::HukouArea => Msg::HukouArea,
            Q::Statuses => Msg::Statuses,
            Q::Stage => Msg::Stage,
            Q::Grade => Msg::Grade,
            Q::EnrolRegion => Msg::EnrolRegion,
            Q::Kindergarten => Msg::Kindergarten,
            Q::Ownership => Msg::Ownership,
            Q::Boarding => Msg::Boarding,
            Q::Setting => Msg::Setting,
            Q::Major => Msg::Major,
            Q::FullTime => Msg::FullTime,
            Q::CentralUniversity => Msg::CentralUniversity,
            Q::NutritionProgram => Msg::NutritionProgram,
            Q::ContiguousArea => Msg::ContiguousArea,
            Q::Hardship => Msg::Hardship,
            Q::Disabled => Msg::Disabled,
            Q::Orphan => Msg::Orphan,
            Q::Veteran => Msg::Veteran,
            Q::TeacherTrainee => Msg::TeacherTrainee,
            Q::Salaried => Msg::Salaried,
            Q::OutOfProvince => Msg::OutOfProvince,
            Q::AidReceived => Msg::AidReceived,
        }
    }

    /// The answer as the summary shows it.
    pub fn summary(self, a: &Answers, lang: Lang) -> String {
        let none = || lang.t(Msg::NoAnswer).into_owned();
        let b = |v: Option<bool>| {
            v.map_or_else(none, |v| lang.t(if v { Msg::Yes } else { Msg::No }).into_owned())
        };
        let s = &a.student;
        let e = &s.enrolment;
        let choice = |v: &Option<String>, opts: &[(&str, Msg)]| {
            v.as_deref()
                .and_then(|v| opts.iter().find(|(k, _)| *k == v))
                .map_or_else(none, |(_, m)| lang.t(*m).into_owned())
        };
        let place = |v: &Option<String>| {
            v.as_deref()
                .and_then(|c| c.parse().ok())
                .map(|c| lang.zh(&zhuxue_engine::regions::full_name(c)).into_owned())
                .unwrap_or_else(none)
        };
        match self {
            Q::AsOf => a.as_of.clone().unwrap_or_else(none),
            Q::HukouRegion => place(&a.household.hukou.region),
            Q::HukouArea => choice(&a.household.hukou.area, AREA),
            Q::Statuses => {
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
                if names.is_empty() {
                    lang.t(Msg::StatusesNone).into_owned()
                } else {
                    names.join("、")
                }
            }
            Q::Stage => s
                .stage
                .as_deref()
                .and_then(|v| STAGES.iter().find(|(k, _, _)| *k == v))
                .map_or_else(none, |(_, zh, en)| stage_name(lang, zh, en)),
            Q::Grade => s.grade.map_or_else(none, |g| grade_label(lang, a.stage(), g)),
            Q::EnrolRegion => {
                if e.region.is_none() {
                    lang.t(Msg::SameAsHukou).into_owned()
                } else {
                    place(&e.region)
                }
            }
            Q::Kindergarten => choice(&e.kindergarten, KINDERGARTEN),
            Q::Ownership => choice(&e.ownership, OWNERSHIP),
            Q::Boarding => b(e.boarding),
            Q::Setting => choice(&e.setting, SETTING),
            Q::Major => choice(&e.major, MAJOR),
            Q::FullTime => b(e.full_time),
            Q::CentralUniversity => b(e.central_university),
            Q::NutritionProgram => b(e.nutrition_program),
            Q::ContiguousArea => b(e.contiguous_poverty_area),
            Q::Hardship => choice(&s.hardship, HARDSHIP),
            Q::Disabled => b(s.disabled),
            Q::Orphan => b(s.orphan),
            Q::Veteran => b(s.veteran),
            Q::TeacherTrainee => b(s.funded_teacher_trainee),
            Q::Salaried => b(s.salaried),
            Q::OutOfProvince => b(s.out_of_province_checked),
            Q::AidReceived => {
                if s.aid_received.is_empty() {
                    return lang.t(Msg::StatusesNone).into_owned();
                }
                s.aid_received
                    .iter()
                    .map(|aid| {
                        let name = zhuxue_engine::policy::program(&aid.program)
                            .map_or(aid.program.as_str(), |p| p.name);
                        format!("{}（{}）", lang.zh(name), place(&Some(aid.region.clone())))
                    })
                    .collect::<Vec<_>>()
                    .join("、")
            }
        }
    }
}

const AREA: &[(&str, Msg)] = &[("rural", Msg::Rural), ("urban", Msg::Urban)];
const KINDERGARTEN: &[(&str, Msg)] = &[
    ("public", Msg::KgPublic),
    ("inclusive_private", Msg::KgInclusive),
    ("other_private", Msg::KgOther),
];
const OWNERSHIP: &[(&str, Msg)] = &[("public", Msg::Public), ("private", Msg::Private)];
const SETTING: &[(&str, Msg)] =
    &[("city", Msg::City), ("county_town", Msg::CountyTown), ("rural", Msg::Village)];
const MAJOR: &[(&str, Msg)] = &[
    ("agriculture", Msg::Agriculture),
    ("arts_performance", Msg::ArtsPerformance),
    ("other", Msg::OtherMajor),
];
const HARDSHIP: &[(&str, Msg)] = &[
    ("special", Msg::HSpecial),
    ("relative", Msg::HRelative),
    ("general", Msg::HGeneral),
    ("none", Msg::HNone),
];

pub fn stage_name(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        _ => lang.zh(zh).into_owned(),
    }
}

pub fn grade_label(lang: Lang, stage: &str, g: u8) -> String {
    // A grade from a shared link can be anything; an impossible one shows as its number.
    let index = usize::from(g).checked_sub(1);
    if stage == "preschool" {
        let names = lang.t(Msg::PreschoolGrades);
        if let Some(name) = index.and_then(|i| names.split(',').nth(i)) {
            return name.to_string();
        }
    }
    match lang {
        Lang::En => format!("Year {g}"),
        _ => {
            let n = ["一", "二", "三", "四", "五", "六", "七", "八"];
            match index.and_then(|i| n.get(i)) {
                Some(n) => lang.zh(&format!("{n}年级")).into_owned(),
                None => format!("{g}"),
            }
        }
    }
}

fn edit(dispatch: &Callback<Action>, f: impl Fn(&mut Answers) + 'static) {
    dispatch.emit(Action::Edit(Rc::new(f)));
}

/// A group of radio buttons; the empty value means "not answered / not sure". `on_pick` gets
/// the chosen value (`None` for the empty one).
fn radio_group(
    name: &'static str,
    legend: Cow<'static, str>,
    help: Option<Cow<'static, str>>,
    options: Vec<(String, String)>,
    current: Option<String>,
    on_pick: Callback<Option<String>>,
) -> Html {
    html! {
        <fieldset class="q" id={format!("q-{name}")}>
            <legend>{ legend }</legend>
            if let Some(help) = help { <p class="help">{ help }</p> }
            <div class="options">
                { for options.into_iter().map(|(value, label)| {
                    let id = format!("{name}-{}", if value.is_empty() { "unset" } else { value.as_str() });
                    let checked = current.as_deref() == Some(value.as_str()) || (value.is_empty() && current.is_none());
                    let on_pick = on_pick.clone();
                    let v = value.clone();
                    let onchange = Callback::from(move |_: Event| on_pick.emit((!v.is_empty()).then(|| v.clone())));
                    html! {
                        <label class="option" for={id.clone()}>
                            <input type="radio" id={id} name={name} value={value} {checked} {onchange} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}

/// A choice among text values, stored by `set`.
fn radios(
    name: &'static str,
    legend: Cow<'static, str>,
    help: Option<Cow<'static, str>>,
    options: Vec<(String, String)>,
    current: Option<String>,
    dispatch: &Callback<Action>,
    set: fn(&mut Answers, Option<String>),
) -> Html {
    let d = dispatch.clone();
    let on_pick = Callback::from(move |v: Option<String>| edit(&d, move |a| set(a, v.clone())));
    radio_group(name, legend, help, options, current, on_pick)
}

/// A choice among fixed options (the same tables the summary reads), no "not sure" option.
fn choice(
    name: &'static str,
    lang: Lang,
    legend: Msg,
    options: &[(&str, Msg)],
    current: Option<String>,
    dispatch: &Callback<Action>,
    set: fn(&mut Answers, Option<String>),
) -> Html {
    radios(name, lang.t(legend), None, msg_options(lang, options, None), current, dispatch, set)
}

fn msg_options(lang: Lang, opts: &[(&str, Msg)], unsure: Option<Msg>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> =
        opts.iter().map(|(k, m)| (k.to_string(), lang.t(*m).into_owned())).collect();
    if let Some(m) = unsure {
        v.push((String::new(), lang.t(m).into_owned()));
    }
    v
}

/// 是 / 否 / 不清楚, stored by `set` as `Some(true)`, `Some(false)` or `None`.
fn yes_no(
    name: &'static str,
    lang: Lang,
    legend: Msg,
    current: Option<bool>,
    dispatch: &Callback<Action>,
    set: fn(&mut Answers, Option<bool>),
) -> Html {
    let d = dispatch.clone();
    let on_pick = Callback::from(move |v: Option<String>| {
        let b = v.map(|v| v == "true");
        edit(&d, move |a| set(a, b));
    });
    let options = msg_options(lang, &[("true", Msg::Yes), ("false", Msg::No)], Some(Msg::Unsure));
    radio_group(name, lang.t(legend), None, options, current.map(|b| b.to_string()), on_pick)
}

fn date_input(
    id: String,
    label: Cow<'static, str>,
    value: Option<String>,
    on: Callback<Option<String>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let v = input.value();
        on.emit((!v.is_empty()).then_some(v));
    });
    html! {
        <div class="date">
            <label for={id.clone()}>{ label }</label>
            <input type="date" id={id} value={value.unwrap_or_default()} min={coverage_from()} max="2199-12-31" {onchange} />
        </div>
    }
}

/// Renders one question.
pub fn view(q: Q, a: &Answers, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let s = &a.student;
    let e = &s.enrolment;
    let d = dispatch;
    match q {
        Q::AsOf => {
            let d = d.clone();
            html! {
                <div class="q" id="q-as_of">
                    { date_input("as_of".into(), lang.t(Msg::AsOf), a.as_of.clone(),
                        Callback::from(move |v: Option<String>| edit(&d, move |a| a.as_of = v.clone()))) }
                    <p class="help">{ lang.t(Msg::AsOfHelp) }</p>
                </div>
            }
        }
        Q::HukouRegion | Q::EnrolRegion => {
            let hukou = q == Q::HukouRegion;
            let d2 = d.clone();
            let on_change = Callback::from(move |v: Option<String>| {
                edit(&d2, move |a| {
                    if hukou {
                        a.household.hukou.region = v.clone();
                    } else {
                        a.student.enrolment.region = v.clone();
                    }
                })
            });
            let value = if hukou { a.household.hukou.region.clone() } else { e.region.clone() };
            let same = !hukou && e.region.is_none();
            let d3 = d.clone();
            let toggle = Callback::from(move |ev: Event| {
                let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
                let checked = input.checked();
                edit(&d3, move |a| {
                    a.student.enrolment.region =
                        if checked { None } else { a.household.hukou.region.clone() };
                });
            });
            html! {
                <div class="q-wrap">
                    if !hukou {
                        <label class="option check" for="same-as-hukou">
                            <input type="checkbox" id="same-as-hukou" checked={same} onchange={toggle} />
                            <span>{ lang.t(Msg::SameAsHukou) }</span>
                        </label>
                    }
                    if hukou || !same {
                        <RegionPicker id={if hukou { "hukou" } else { "enrol" }} label={lang.t(q.label()).into_owned()}
                            value={value} {on_change} {lang} />
                    }
                </div>
            }
        }
        Q::HukouArea => {
            choice("area", lang, Msg::HukouArea, AREA, a.household.hukou.area.clone(), d, |a, v| {
                a.household.hukou.area = v
            })
        }
        Q::Statuses => view_statuses(a, lang, d),
        Q::Stage => radios(
            "stage",
            lang.t(Msg::Stage),
            None,
            STAGES.iter().map(|(k, zh, en)| (k.to_string(), stage_name(lang, zh, en))).collect(),
            s.stage.clone(),
            d,
            |a, v| {
                a.student.stage = v;
                // A grade beyond the new stage's years is cleared, not carried over wrongly.
                let max = grades(a.stage());
                if a.student.grade.is_some_and(|g| g > max) {
                    a.student.grade = None;
                }
            },
        ),
        Q::Grade => radios(
            "grade",
            lang.t(Msg::Grade),
            None,
            (1..=grades(a.stage()))
                .map(|g| (g.to_string(), grade_label(lang, a.stage(), g)))
                .collect(),
            s.grade.map(|g| g.to_string()),
            d,
            |a, v| a.student.grade = v.and_then(|v| v.parse().ok()),
        ),
        Q::Kindergarten => choice(
            "kindergarten",
            lang,
            Msg::Kindergarten,
            KINDERGARTEN,
            e.kindergarten.clone(),
            d,
            |a, v| a.student.enrolment.kindergarten = v,
        ),
        Q::Ownership => {
            choice("ownership", lang, Msg::Ownership, OWNERSHIP, e.ownership.clone(), d, |a, v| {
                a.student.enrolment.ownership = v
            })
        }
        Q::Boarding => yes_no("boarding", lang, Msg::Boarding, e.boarding, d, |a, v| {
            a.student.enrolment.boarding = v
        }),
        Q::Setting => {
            choice("setting", lang, Msg::Setting, SETTING, e.setting.clone(), d, |a, v| {
                a.student.enrolment.setting = v
            })
        }
        Q::Major => choice("major", lang, Msg::Major, MAJOR, e.major.clone(), d, |a, v| {
            a.student.enrolment.major = v
        }),
        Q::FullTime => yes_no("full_time", lang, Msg::FullTime, e.full_time, d, |a, v| {
            a.student.enrolment.full_time = v
        }),
        Q::CentralUniversity => yes_no(
            "central_university",
            lang,
            Msg::CentralUniversity,
            e.central_university,
            d,
            |a, v| a.student.enrolment.central_university = v,
        ),
        Q::NutritionProgram => yes_no(
            "nutrition_program",
            lang,
            Msg::NutritionProgram,
            e.nutrition_program,
            d,
            |a, v| a.student.enrolment.nutrition_program = v,
        ),
        Q::ContiguousArea => yes_no(
            "contiguous_poverty_area",
            lang,
            Msg::ContiguousArea,
            e.contiguous_poverty_area,
            d,
            |a, v| a.student.enrolment.contiguous_poverty_area = v,
        ),
        Q::Hardship => radios(
            "hardship",
            lang.t(Msg::Hardship),
            Some(lang.t(Msg::HardshipHelp)),
            msg_options(lang, HARDSHIP, Some(Msg::HUnknown)),
            s.hardship.clone(),
            d,
            |a, v| a.student.hardship = v,
        ),
        Q::Disabled => {
            yes_no("disabled", lang, Msg::Disabled, s.disabled, d, |a, v| a.student.disabled = v)
        }
        Q::Orphan => yes_no("orphan", lang, Msg::Orphan, s.orphan, d, |a, v| a.student.orphan = v),
        Q::Veteran => {
            yes_no("veteran", lang, Msg::Veteran, s.veteran, d, |a, v| a.student.veteran = v)
        }
        Q::TeacherTrainee => yes_no(
            "teacher_trainee",
            lang,
            Msg::TeacherTrainee,
            s.funded_teacher_trainee,
            d,
            |a, v| a.student.funded_teacher_trainee = v,
        ),
        Q::Salaried => {
            yes_no("salaried", lang, Msg::Salaried, s.salaried, d, |a, v| a.student.salaried = v)
        }
        Q::OutOfProvince => yes_no(
            "out_of_province",
            lang,
            Msg::OutOfProvince,
            s.out_of_province_checked,
            d,
            |a, v| a.student.out_of_province_checked = v,
        ),
        Q::AidReceived => view_aid_received(a, lang, d),
    }
}

/// Which aid the student already receives, and where: one tick per program and paying place
/// (the school's place and, when it differs, the home county).
fn view_aid_received(a: &Answers, lang: Lang, d: &Callback<Action>) -> Html {
    let home = a.household.hukou.region.clone().unwrap_or_default();
    let school = a.student.enrolment.region.clone().unwrap_or_else(|| home.clone());
    let mut places = vec![(school.clone(), Msg::AidAtSchool)];
    if home != school {
        places.push((home, Msg::AidAtHome));
    }
    html! {
        <fieldset class="q aid" id="q-aid_received">
            <legend>{ lang.t(Msg::AidReceived) }</legend>
            <p class="help">{ lang.t(Msg::AidReceivedHelp) }</p>
            { for aid_programs(a.stage()).iter().map(|program| {
                let name = zhuxue_engine::policy::program(program).map_or(*program, |p| p.name);
                html! {
                    <div class="aid-row">
                        <p class="aid-name">{ lang.zh(name).into_owned() }</p>
                        { for places.iter().map(|(region, label)| {
                            let checked = a.student.aid_received.iter().any(|x| x.program == *program && x.region == *region);
                            let (program, region) = (program.to_string(), region.clone());
                            let id = format!("aid-{}-{}", program.replace('.', "-"), region);
                            let d = d.clone();
                            let onchange = {
                                let (program, region) = (program.clone(), region.clone());
                                Callback::from(move |ev: Event| {
                                    let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
                                    let on = input.checked();
                                    let (program, region) = (program.clone(), region.clone());
                                    edit(&d, move |a| {
                                        a.student.aid_received.retain(|x| !(x.program == program && x.region == region));
                                        if on {
                                            a.student.aid_received.push(Aid { program: program.clone(), region: region.clone() });
                                        }
                                    })
                                })
                            };
                            html! {
                                <label class="option check" for={id.clone()}>
                                    <input type="checkbox" id={id} {checked} {onchange} disabled={region.is_empty()} />
                                    <span>{ lang.t(*label) }</span>
                                </label>
                            }
                        }) }
                    </div>
                }
            }) }
        </fieldset>
    }
}

fn view_statuses(a: &Answers, lang: Lang, d: &Callback<Action>) -> Html {
    // Edits address a status by its index in the list, so every period of a kind is kept
    // and edited on its own.
    let set_date = |index: usize, to: bool| {
        let d = d.clone();
        Callback::from(move |v: Option<String>| {
            edit(&d, move |a| {
                if let Some(s) = a.household.statuses.get_mut(index) {
                    if to {
                        s.to = v.clone()
                    } else {
                        s.from = v.clone()
                    }
                }
            })
        })
    };
    let unknown: Vec<(usize, &Status)> = a
        .household
        .statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| !STATUS_KINDS.iter().any(|(k, _, _)| *k == s.kind))
        .collect();
    html! {
        <fieldset class="q statuses" id="q-statuses">
            <legend>{ lang.t(Msg::Statuses) }</legend>
            { for STATUS_KINDS.iter().map(|(kind, name, help)| {
                let kind = *kind;
                let periods: Vec<(usize, &Status)> =
                    a.household.statuses.iter().enumerate().filter(|(_, s)| s.kind == kind).collect();
                let d1 = d.clone();
                let toggle = Callback::from(move |ev: Event| {
                    let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
                    let on = input.checked();
                    edit(&d1, move |a| {
                        a.household.statuses.retain(|s| s.kind != kind);
                        if on {
                            a.household.statuses.push(Status { kind: kind.to_string(), from: None, to: None });
                        }
                    });
                });
                let d2 = d.clone();
                let add = Callback::from(move |_| edit(&d2, move |a| {
                    a.household.statuses.push(Status { kind: kind.to_string(), from: None, to: None });
                }));
                let id = format!("status-{kind}");
                html! {
                    <div class="status">
                        <label class="option check" for={id.clone()}>
                            <input type="checkbox" id={id.clone()} checked={!periods.is_empty()} onchange={toggle}
                                aria-describedby={format!("{id}-help")} />
                            <span>{ lang.zh(name).into_owned() }</span>
                        </label>
                        <p class="help" id={format!("{id}-help")}>{ lang.t(*help) }</p>
                        { for periods.iter().enumerate().map(|(n, (index, st))| {
                            let pid = if n == 0 { id.clone() } else { format!("{id}-{n}") };
                            html! {
                                <div class="dates">
                                    { date_input(format!("{pid}-from"), lang.t(Msg::StatusFrom), st.from.clone(), set_date(*index, false)) }
                                    { date_input(format!("{pid}-to"), lang.t(Msg::StatusTo), st.to.clone(), set_date(*index, true)) }
                                </div>
                            }
                        }) }
                        if !periods.is_empty() {
                            <button type="button" class="link add-period" onclick={add}>{ lang.t(Msg::AddPeriod) }</button>
                        }
                    </div>
                }
            }) }
            { for unknown.iter().map(|(index, st)| {
                let index = *index;
                let d = d.clone();
                let remove = Callback::from(move |_: Event| edit(&d, move |a| {
                    if index < a.household.statuses.len() {
                        a.household.statuses.remove(index);
                    }
                }));
                let id = format!("status-unknown-{index}");
                html! {
                    <div class="status unknown">
                        <label class="option check" for={id.clone()}>
                            <input type="checkbox" id={id.clone()} checked=true onchange={remove} />
                            <span>{ lang.t(Msg::UnknownStatus).replace("{k}", &st.kind) }</span>
                        </label>
                        <p class="help">{ lang.t(Msg::UnknownStatusHelp) }</p>
                    </div>
                }
            }) }
        </fieldset>
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

    #[test]
    fn grade_labels_never_panic() {
        assert_eq!(grade_label(Lang::Hans, "preschool", 3), "大班");
        assert_eq!(grade_label(Lang::Hans, "junior", 2), "二年级");
        assert_eq!(grade_label(Lang::En, "junior", 2), "Year 2");
        assert_eq!(grade_label(Lang::Hans, "preschool", 0), "0");
        assert_eq!(grade_label(Lang::Hans, "primary", 200), "200");
    }
}
