//! The widgets questions are asked with: radio groups (with an optional "not sure"), 是/否/
//! 不清楚, dates. Each edit goes through the reducer (`Action::Edit`).

use std::borrow::Cow;
use std::rc::Rc;

use yew::prelude::*;

use super::vocab::coverage_from;
use crate::answers::Answers;
use crate::i18n::{Lang, Msg};
use crate::state::Action;

pub fn edit(dispatch: &Callback<Action>, f: impl Fn(&mut Answers) + 'static) {
    dispatch.emit(Action::Edit(Rc::new(f)));
}

/// A group of radio buttons; the empty value means "not answered / not sure". `on_pick` gets
/// the chosen value (`None` for the empty one).
pub fn radio_group(
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

pub fn msg_options(lang: Lang, opts: &[(&str, Msg)], unsure: Option<Msg>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> =
        opts.iter().map(|(k, m)| (k.to_string(), lang.t(*m).into_owned())).collect();
    if let Some(m) = unsure {
        v.push((String::new(), lang.t(m).into_owned()));
    }
    v
}

pub fn date_input(
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

/// A 「?」 that opens one sentence explaining a term (学籍地, 户籍地, 认定).
pub fn term(lang: Lang, label: Msg, sentence: Msg) -> Html {
    html! {
        <details class="term">
            <summary aria-label={lang.t(label).into_owned()}>{ "?" }</summary>
            <p>{ lang.t(sentence) }</p>
        </details>
    }
}

/// A status date as a family writes it — 2021, 2021年6月, 2021.6.15, 2021-06-15 — in the case's
/// form (`2021`, `2021-06`, `2021-06-15`), or `None` when it is not a real year, month or day.
pub fn normalise_date(text: &str) -> Option<String> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    let groups: Vec<&str> =
        text.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    let pad = |g: &str| format!("{:0>2}", g);
    let out = match groups.as_slice() {
        [y] if y.len() == 4 => y.to_string(),
        [ym] if ym.len() == 6 => format!("{}-{}", &ym[..4], &ym[4..]),
        [ymd] if ymd.len() == 8 => format!("{}-{}-{}", &ymd[..4], &ymd[4..6], &ymd[6..]),
        [y, m] if y.len() == 4 && m.len() <= 2 => format!("{y}-{}", pad(m)),
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            format!("{y}-{}-{}", pad(m), pad(d))
        }
        _ => return None,
    };
    zhuxue_engine::date::Date::parse_period(&out).map(|_| out)
}

#[derive(Properties, PartialEq)]
pub struct StatusDateProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<String>,
    pub on_change: Callback<Option<String>>,
    pub lang: Lang,
}

/// A status date: a year, a month or a day, whichever the family knows. What cannot be read
/// stays in the box with a message, never silently dropped.
#[function_component(StatusDate)]
pub fn status_date(p: &StatusDateProps) -> Html {
    let bad = use_state(|| None::<String>);
    let onchange = {
        let (bad, on_change) = (bad.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let raw = input.value();
            if raw.trim().is_empty() {
                bad.set(None);
                on_change.emit(None);
            } else if let Some(v) = normalise_date(&raw) {
                bad.set(None);
                input.set_value(&v);
                on_change.emit(Some(v));
            } else {
                bad.set(Some(raw));
            }
        })
    };
    let lang = p.lang;
    let shown = bad.as_ref().cloned().or_else(|| p.value.clone()).unwrap_or_default();
    let error_id = format!("{}-error", p.id);
    html! {
        <div class="date">
            <label for={p.id.clone()}>{ &p.label }</label>
            <input type="text" inputmode="numeric" id={p.id.clone()} value={shown}
                placeholder={lang.t(Msg::DateHint).into_owned()} {onchange}
                aria-invalid={bad.is_some().then_some("true")}
                aria-describedby={bad.is_some().then(|| error_id.clone())} />
            if let Some(raw) = bad.as_ref() {
                <p class="error" id={error_id}>{ lang.t(Msg::DateUnreadable).replace("{v}", raw) }</p>
            }
        </div>
    }
}
