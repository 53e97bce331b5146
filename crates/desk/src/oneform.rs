//! The one-form check (单个学生核对): every question on one dense screen, the assessment
//! beside it and updated as fields change, 「下一个学生」 to clear the student and household
//! but keep the school, the as-of date and the county, and a print record with a digest of the
//! case (SHA-256 of its canonical JSON) and a QR code of its link, so another officer can
//! reopen exactly that case. The questions, their renderers and the results are the family
//! app's own (`zhuxue_web`): one question table serves both.

use std::rc::Rc;

use sha2::{Digest, Sha256};
use yew::prelude::*;

use crate::tr;
use zhuxue_web::answers::Answers;
use zhuxue_web::i18n::{Lang, Msg};
use zhuxue_web::pages::results::Results;
use zhuxue_web::questions;
use zhuxue_web::state::{Action, State};

/// SHA-256 of the case's canonical JSON (keys sorted, no spaces), in hex.
pub fn digest(answers: &Answers) -> String {
    let canonical = serde_json::to_string(&answers.to_case()).unwrap_or_default();
    Sha256::digest(canonical.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The family app's link for this case (the desk lives at `…/desk/`, the app one level up).
fn case_link(answers: &Answers, lang: Lang) -> String {
    let text = zhuxue_web::browser::answers_to_text(answers);
    let link = zhuxue_web::browser::share_link(&text, lang.code());
    match link.split_once("desk/") {
        Some((base, rest)) => format!("{base}{rest}"),
        None => link,
    }
}

/// A QR code of `text` as SVG markup.
fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::L).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
    )
}

/// Keeps the school, the as-of date and the county; clears the student and the household.
fn next_student(a: &mut Answers) {
    let keep = Answers {
        as_of: a.as_of.clone(),
        household: zhuxue_web::answers::Household {
            hukou: zhuxue_web::answers::Hukou {
                region: a.household.hukou.region.clone(),
                area: None,
            },
            statuses: Vec::new(),
            statuses_checked: false,
        },
        student: zhuxue_web::answers::Student {
            stage: a.student.stage.clone(),
            enrolment: zhuxue_web::answers::Enrolment {
                region: a.student.enrolment.region.clone(),
                ownership: a.student.enrolment.ownership.clone(),
                setting: a.student.enrolment.setting.clone(),
                kindergarten: a.student.enrolment.kindergarten.clone(),
                nutrition_program: a.student.enrolment.nutrition_program,
                contiguous_poverty_area: a.student.enrolment.contiguous_poverty_area,
                central_university: a.student.enrolment.central_university,
                full_time: a.student.enrolment.full_time,
                ..Default::default()
            },
            ..Default::default()
        },
    };
    *a = keep;
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub today: String,
}

#[function_component(OneForm)]
pub fn one_form(p: &Props) -> Html {
    let lang = p.lang;
    let t = |m| lang.t(m).into_owned();
    let state = {
        let today = p.today.clone();
        use_reducer(move || {
            let mut s = State::default();
            s.answers.as_of = Some(today);
            s
        })
    };
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action: Action| dispatcher.dispatch(action))))
            .clone()
    };
    let a = &state.answers;
    let next = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Edit(Rc::new(next_student))))
    };
    let ready = zhuxue_web::ready(a);
    let link = case_link(a, lang);
    let qr = qr_svg(&link);
    html! {
        <section class="oneform" aria-labelledby="oneform-title">
            <h2 id="oneform-title">{ tr(lang, "单个学生核对", "Check one student") }</h2>
            <p class="help no-print">{ tr(lang, "所有问题在一页：填写后右侧结果随时更新。“下一个学生”清除学生和家庭信息，保留学校、评估日期和户籍区县。", "Every question on one page; the result updates as you type. “Next student” clears the student and household, keeping the school, the date and the county.") }</p>
            <div class="oneform-grid">
                <form class="oneform-fields no-print" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { for questions::QUESTIONS.iter().map(|r| r.q).filter(|q| q.relevant(a)).map(|q| questions::view(q, a, lang, &dispatch)) }
                    <button type="button" id="next-student" onclick={next}>{ tr(lang, "下一个学生", "Next student") }</button>
                </form>
                <div class="oneform-result">
                    <div class="print-only record-head">
                        <p>{ "姓名：＿＿＿＿＿＿　身份证号：＿＿＿＿＿＿＿＿＿＿＿＿＿　学校：＿＿＿＿＿＿＿＿" }</p>
                    </div>
                    if ready {
                        <Results answers={a.clone()} {lang} dispatch={dispatch.clone()} officer=true />
                        <div class="record">
                            <h3>{ tr(lang, "核对记录", "Record") }</h3>
                            <p class="digest">{ format!("{}：", tr(lang, "案例摘要码（SHA-256）", "Case digest (SHA-256)")) }<code id="case-digest">{ digest(a) }</code></p>
                            <p class="help">{ format!("{}：{}", tr(lang, "打印时间", "Printed at"), zhuxue_web::browser::now()) }</p>
                            if let Some(svg) = qr {
                                <div class="qr" role="img" aria-label={tr(lang, "扫码可在“家庭查询”中重新打开这个案例", "Scan to reopen this case in the family calculator")}>{ Html::from_html_unchecked(AttrValue::from(svg)) }</div>
                                <p class="help">{ tr(lang, "扫码可在“家庭查询”中重新打开这个案例", "Scan to reopen this case in the family calculator") }</p>
                            }
                            <button type="button" class="no-print" onclick={Callback::from(|_| zhuxue_web::browser::print())}>{ t(Msg::Print) }</button>
                        </div>
                    } else {
                        <p class="help">{ t(Msg::Required) }{ zhuxue_web::missing(a).iter().map(|q| lang.t(q.label()).into_owned()).collect::<Vec<_>>().join("、") }</p>
                    }
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_sha256_of_the_canonical_case() {
        let mut a = Answers { as_of: Some("2025-10-10".into()), ..Answers::default() };
        a.household.hukou.region = Some("621126".into());
        let d = digest(&a);
        assert_eq!(d.len(), 64);
        let canonical = serde_json::to_string(&a.to_case()).unwrap();
        assert!(canonical.starts_with("{\"as_of\":\"2025-10-10\",\"household\""), "{canonical}");
        assert_eq!(d, digest(&a.clone()), "the same case, the same digest");
        a.household.hukou.region = Some("621127".into());
        assert_ne!(d, digest(&a));
        // Known value: SHA-256("abc").
        let abc: String = Sha256::digest(b"abc").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(abc, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn next_student_keeps_the_school_date_and_county() {
        let mut a = Answers { as_of: Some("2025-10-10".into()), ..Answers::default() };
        a.household.hukou.region = Some("621126".into());
        a.household.hukou.area = Some("rural".into());
        a.student.stage = Some("junior".into());
        a.student.grade = Some(2);
        a.student.hardship = Some("special".into());
        a.student.enrolment.region = Some("621126".into());
        a.student.enrolment.setting = Some("rural".into());
        a.student.enrolment.boarding = Some(true);
        next_student(&mut a);
        assert_eq!(a.as_of.as_deref(), Some("2025-10-10"));
        assert_eq!(a.household.hukou.region.as_deref(), Some("621126"));
        assert_eq!(a.student.enrolment.setting.as_deref(), Some("rural"));
        assert_eq!(a.student.stage.as_deref(), Some("junior"));
        assert_eq!(
            (a.household.hukou.area.clone(), a.student.grade, a.student.hardship.clone()),
            (None, None, None)
        );
        assert_eq!(a.student.enrolment.boarding, None);
    }
}
