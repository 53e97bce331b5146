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
