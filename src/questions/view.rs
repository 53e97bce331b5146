//! How each question is drawn, from its row in the table: a choice or 是/否 from the row's
//! options and field; the region pickers, stage, grade, statuses and aid received by hand.

use serde_json::Value;
use yew::prelude::*;

use super::vocab::{aid_programs, grade_label, grades, stage_name, STAGES, STATUS_KINDS};
use super::widgets::{date_input, edit, msg_options, radio_group, term, StatusDate};
use super::{Ask, Q};
use crate::answers::{Aid, Answers, Status};
use crate::components::region_picker::RegionPicker;
use crate::i18n::{Lang, Msg};
use crate::state::Action;

/// Stores a text answer at the question's field (`None` clears it).
fn set_text(d: &Callback<Action>, field: &'static str) -> Callback<Option<String>> {
    let d = d.clone();
    Callback::from(move |v: Option<String>| {
        edit(&d, move |a| a.set(field, v.clone().map(Value::String)));
    })
}

/// Renders one question.
pub fn view(q: Q, a: &Answers, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let row = q.row();
    let d = dispatch;
    let legend = lang.t(row.label);
    let help = row.help.map(|h| lang.t(h));
    match row.ask {
        Ask::Choice(options, unsure) => radio_group(
            row.name,
            legend,
            help,
            msg_options(lang, options, unsure),
            a.text(row.field),
            set_text(d, row.field),
        ),
        Ask::YesNo => {
            let d = d.clone();
            let field = row.field;
            let on_pick = Callback::from(move |v: Option<String>| {
                let b = v.map(|v| Value::Bool(v == "true"));
                edit(&d, move |a| a.set(field, b.clone()));
            });
            let options =
                msg_options(lang, &[("true", Msg::Yes), ("false", Msg::No)], Some(Msg::Unsure));
            let current = a.get(row.field).and_then(|v| v.as_bool()).map(|b| b.to_string());
            radio_group(row.name, legend, help, options, current, on_pick)
        }
        Ask::Years => {
            let d = d.clone();
            let field = row.field;
            let on_pick = Callback::from(move |v: Option<String>| {
                let n = v.and_then(|v| v.parse::<u64>().ok()).map(Value::from);
                edit(&d, move |a| a.set(field, n.clone()));
            });
            let options = msg_options(lang, super::vocab::YEARS, None);
            let current = a.get(row.field).and_then(|v| v.as_u64()).map(|n| n.min(3).to_string());
            radio_group(row.name, legend, help, options, current, on_pick)
        }
        Ask::Date => html! {
            <div class="q" id={format!("q-{}", row.name)}>
                { date_input(row.name.into(), legend, a.text(row.field), set_text(d, row.field)) }
                if let Some(help) = help { <p class="help">{ help }</p> }
            </div>
        },
        Ask::Region => view_region(q, a, lang, d),
        Ask::Stage => {
            let d = d.clone();
            let on_pick = Callback::from(move |v: Option<String>| {
                edit(&d, move |a| {
                    a.student.stage = v.clone();
                    // A grade beyond the new stage's years is cleared, not carried over wrongly.
                    let max = grades(a.stage());
                    if a.student.grade.is_some_and(|g| g > max) {
                        a.student.grade = None;
                    }
                })
            });
            let options = STAGES
                .iter()
                .map(|(k, zh, en)| (k.to_string(), stage_name(lang, zh, en)))
                .collect();
            radio_group(row.name, legend, help, options, a.student.stage.clone(), on_pick)
        }
        Ask::Grade => {
            let d = d.clone();
            let on_pick = Callback::from(move |v: Option<String>| {
                let g = v.and_then(|v| v.parse::<u8>().ok());
                edit(&d, move |a| a.student.grade = g);
            });
            let stage = a.stage();
            let options =
                (1..=grades(stage)).map(|g| (g.to_string(), grade_label(lang, stage, g))).collect();
            radio_group(
                row.name,
                legend,
                help,
                options,
                a.student.grade.map(|g| g.to_string()),
                on_pick,
            )
        }
        Ask::Statuses => view_statuses(a, lang, d),
        Ask::AidReceived => view_aid_received(a, lang, d),
    }
}

/// The 户籍地 picker, or the school's place with 「与户籍地相同」: either stores the county
/// code at the row's field.
fn view_region(q: Q, a: &Answers, lang: Lang, d: &Callback<Action>) -> Html {
    let row = q.row();
    let value = a.text(row.field);
    let on_change = set_text(d, row.field);
    let label: AttrValue = lang.t(row.label).into_owned().into();
    if q == Q::HukouRegion {
        let explain = Some(term(lang, Msg::TermHukou, Msg::TermHukouText));
        html! { <RegionPicker id={row.name} {label} {value} {on_change} {lang} {explain} /> }
    } else {
        html! { <EnrolPlace {label} {value} {on_change} {lang} /> }
    }
}

#[derive(Properties, PartialEq)]
struct EnrolProps {
    label: AttrValue,
    value: Option<String>,
    on_change: Callback<Option<String>>,
    lang: Lang,
}

/// Where the school is: the question first, then 「与户籍地相同」 (ticked while no other
/// place is given); unticked, the picker starts empty — the school's county is chosen, never
/// copied from the 户籍地 unseen.
#[function_component(EnrolPlace)]
fn enrol_place(p: &EnrolProps) -> Html {
    let other = use_state(|| false);
    let same = p.value.is_none() && !*other;
    let toggle = {
        let (other, on_change) = (other.clone(), p.on_change.clone());
        Callback::from(move |ev: Event| {
            let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
            other.set(!input.checked());
            on_change.emit(None);
        })
    };
    let lang = p.lang;
    html! {
        <fieldset class="q enrol" id="q-enrol-place">
            <legend>{ &p.label }</legend>
            { term(lang, Msg::TermEnrol, Msg::TermEnrolText) }
            <label class="option check" for="same-as-hukou">
                <input type="checkbox" id="same-as-hukou" checked={same} onchange={toggle} />
                <span>{ lang.t(Msg::SameAsHukou) }</span>
            </label>
            if !same {
                <RegionPicker id="enrol" label={lang.t(Msg::EnrolRegionPick).into_owned()}
                    help={Some(AttrValue::from(lang.t(Msg::SchoolNameHint).into_owned()))}
                    value={p.value.clone()} on_change={p.on_change.clone()} {lang} />
            }
        </fieldset>
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
            { for aid_programs(a.stage()).iter().copied().chain(a.local_aid_programs()).map(|program| {
                let name = zhuxue_engine::policy::any_program(program).map_or(program, |p| p.name);
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
            { term(lang, Msg::TermRecognised, Msg::TermRecognisedText) }
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
                        // Answered while something is ticked; unticking the last one leaves
                        // the question unanswered again (「以上都没有」 says none).
                        a.household.statuses_checked = !a.household.statuses.is_empty();
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
                                    <StatusDate id={format!("{pid}-from")} label={lang.t(Msg::StatusFrom).into_owned()} value={st.from.clone()} on_change={set_date(*index, false)} {lang} />
                                    <StatusDate id={format!("{pid}-to")} label={lang.t(Msg::StatusTo).into_owned()} value={st.to.clone()} on_change={set_date(*index, true)} {lang} />
                                </div>
                            }
                        }) }
                        if !periods.is_empty() {
                            <button type="button" class="link add-period" onclick={add}>{ lang.t(Msg::AddPeriod) }</button>
                        }
                    </div>
                }
            }) }
            {{
                let d = d.clone();
                let none = a.household.statuses.is_empty() && a.household.statuses_checked;
                let onchange = Callback::from(move |ev: Event| {
                    let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
                    let on = input.checked();
                    edit(&d, move |a| {
                        if on {
                            a.household.statuses.clear();
                        }
                        a.household.statuses_checked = on;
                    });
                });
                html! {
                    <div class="status">
                        <label class="option check" for="status-none">
                            <input type="checkbox" id="status-none" checked={none} {onchange} />
                            <span>{ lang.t(Msg::StatusesNoneOption) }</span>
                        </label>
                    </div>
                }
            }}
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
