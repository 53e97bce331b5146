//! # zhuxue web app
//!
//! The Yew front end over [`zhuxue_engine`]: a family answers a few questions a screen, on a
//! phone, and sees every entitlement with amount, payer, where to apply and why. Everything
//! runs in the browser; answers stay on the device unless the user shares a link (the case
//! sits in the URL fragment, which browsers never send to a server).
//!
//! # Layout
//!
//! - `main.rs` only mounts [`App`].
//! - [`state`]: the one reducer (answers, screen, language).
//! - [`answers`]: the partial case being answered (v1 JSON shape).
//! - [`questions`]: which questions matter for which stage, and how each is asked.
//! - [`pages::results`]: the results, share link and print view.
//! - [`components::region_picker`]: province → city → county with search.
//! - [`i18n`]: 简体中文, 繁體中文, English.
//! - [`pinyin`]: place names in pinyin (search, English), fetched when first needed.
//! - [`browser`]: today's date, local storage, URL fragment, clipboard, print.
//! - [`embed`]: a portal's settings in the address (`?region=6229&lang=zh-Hant`).

pub mod answers;
pub mod browser;
pub mod embed;
pub mod components {
    pub mod region_picker;
}
pub mod i18n;
pub mod pinyin;
pub mod prefill;
pub mod pages {
    pub mod results;
}
pub mod questions;
pub mod state;

use yew::prelude::*;

use answers::Answers;
use i18n::{Lang, Msg};
use pages::results::Results;
use questions::Q;
use state::{Action, LinkProblem, Screen, State, Step};

/// The first state: the answers kept on this device, else a blank form dated today; and a
/// shared link if the URL carries one. A shared case that differs from stored answers is shown
/// but not stored until the user chooses (「用链接里的情况替换我的回答」 or 「保留我的回答」); a
/// broken link says so and changes nothing.
pub fn initial_state() -> State {
    let mut state = State::default();
    let preset = embed::options();
    let lang = match browser::fragment_param("lang") {
        browser::Param::Value(c) => Some(c),
        _ => preset.lang.map(|l| l.code().to_string()).or_else(browser::load_lang),
    };
    if let Some(lang) = lang.and_then(|c| Lang::from_code(&c)) {
        state.lang = lang;
    }
    let stored = browser::load_answers().and_then(|j| browser::answers_from_text(&j).ok());
    if let Some(loaded) = stored {
        state.answers = loaded.answers;
    }
    let today = browser::today();
    let blank = |a: &Answers| *a == Answers { as_of: a.as_of.clone(), ..Answers::default() };
    match browser::fragment_param("case") {
        browser::Param::Absent => {}
        browser::Param::Broken => {
            state.link_problem = Some(LinkProblem::Broken(None));
            browser::clear_fragment();
        }
        browser::Param::Value(text) => match browser::answers_from_text(&text) {
            Err(e) => {
                state.link_problem = Some(LinkProblem::Broken(Some(e.message)));
                browser::clear_fragment();
            }
            Ok(loaded) => {
                if !loaded.rejected.is_empty() {
                    let messages = loaded.rejected.into_iter().map(|e| e.message).collect();
                    state.link_problem = Some(LinkProblem::Rejected(messages));
                }
                let shared = loaded.answers;
                if blank(&state.answers) || state.answers == shared {
                    state.screen =
                        if ready(&shared) { Screen::Results } else { Screen::Step(Step::Home) };
                    state.answers = shared;
                    browser::clear_fragment();
                } else {
                    // Shown, not stored, until the user chooses; the fragment stays until then.
                    state.shared = Some(shared);
                }
            }
        },
    }
    if state.shared.is_none() && blank(&state.answers) {
        // A portal's presets fill only a blank form (not stored answers, not a shared case).
        state.answers.as_of = preset.as_of.clone().or(state.answers.as_of.take());
        state.answers.household.hukou.region = embed::county(preset.hukou);
        state.answers.student.enrolment.region = embed::county(preset.school);
    }
    // What was entered on the static first screen before the app arrived (a shared case
    // waiting for the user's choice is not touched).
    if state.shared.is_none() {
        let pre = prefill::capture();
        if let Some(d) = pre.as_of {
            state.answers.set("as_of", Some(serde_json::Value::String(d)));
        }
        if let Some(area) = pre.area {
            state.answers.set("household.hukou.area", Some(serde_json::Value::String(area)));
        }
    }
    if state.answers.as_of.is_none() {
        state.answers.as_of = Some(today);
    }
    state.large = browser::load_large();
    // A reload returns to where the user was (`#step=…`); the results only when answerable.
    if state.shared.is_none() {
        if let browser::Param::Value(code) = browser::fragment_param("step") {
            match Screen::from_code(&code) {
                Some(Screen::Results) if !ready(&state.answers) => {}
                Some(screen) => state.screen = screen,
                None => {}
            }
        }
    }
    state
}

/// The questions that must be answered before any result can be shown.
pub fn missing(a: &Answers) -> Vec<Q> {
    let mut out = Vec::new();
    if a.as_of.is_none() {
        out.push(Q::AsOf);
    }
    if a.household.hukou.region.is_none() {
        out.push(Q::HukouRegion);
    }
    if a.student.stage.is_none() {
        out.push(Q::Stage);
    }
    if a.student.grade.is_none() {
        out.push(Q::Grade);
    }
    out
}

pub fn ready(a: &Answers) -> bool {
    missing(a).is_empty()
}

fn step_title(step: Step) -> Msg {
    match step {
        Step::Home => Msg::StepHome,
        Step::Family => Msg::StepFamily,
        Step::Student => Msg::StepStudent,
        Step::School => Msg::StepSchool,
        Step::More => Msg::StepMore,
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    {
        let deps = (state.answers.clone(), state.lang, state.forgotten, state.shared.is_some());
        use_effect_with(deps, |(answers, lang, forgotten, pending)| {
            if *forgotten {
                browser::forget();
            } else if !*pending {
                browser::save(&browser::answers_to_text(answers), lang.code());
                // A shared case has been taken or declined (or there was none): a reload
                // must not apply it again.
                browser::clear_fragment();
            }
            browser::set_document_lang(lang.code(), &lang.t(Msg::Title));
        });
    }
    // One callback for the life of the app, so components that receive it compare equal.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action: Action| dispatcher.dispatch(action))))
            .clone()
    };
    // The screen is in the address: each change is a history entry (the phone's Back goes
    // back one step), the first replaces the entry the page was opened with.
    {
        let first = use_mut_ref(|| true);
        let pending = state.shared.is_some();
        use_effect_with((state.screen, pending), move |(screen, pending)| {
            if !*pending {
                let first = std::mem::replace(&mut *first.borrow_mut(), false);
                browser::show_screen_in_address(screen.code(), first);
            }
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_address_change(move |code| {
                let screen = Screen::from_code(&code).unwrap_or(Screen::Step(Step::Home));
                dispatch.emit(Action::Go(screen));
            });
            move || drop(listener)
        });
    }
    use_effect_with(state.large, |large| browser::set_large(*large));
    // The static first screen of index.html goes once the app has drawn its own (in the same
    // task, so both are never painted together).
    use_effect_with((), |_| {
        browser::remove_element("prerender");
        prefill::hand_over_focus();
    });
    // On every screen change (not the first render): to the top, focus on the new heading,
    // which a screen reader then reads.
    {
        let first = use_mut_ref(|| true);
        use_effect_with((state.screen, state.forgotten), move |(screen, forgotten)| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let target = if *forgotten {
                    "forgotten"
                } else if *screen == Screen::Results {
                    "results-title"
                } else {
                    "step-title"
                };
                browser::scroll_top_and_focus(target);
                browser::settle("main", state::NAV_GUARD_MS as i32);
            }
        });
    }
    let lang = state.lang;
    let t = |m| lang.t(m).into_owned();

    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(l) = Lang::from_code(&sel.value()) {
                dispatch.emit(Action::SetLang(l));
            }
        })
    };
    let send = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(action()))
    };

    let body = match (&state.shared, state.screen) {
        (Some(shared), _) => view_shared(shared, lang, &dispatch),
        (None, Screen::Results) if ready(&state.answers) => html! {
            <Results answers={state.answers.clone()} {lang} dispatch={dispatch.clone()} />
        },
        (None, Screen::Results) => view_step(&state, Step::Home, &dispatch),
        (None, Screen::Step(step)) => view_step(&state, step, &dispatch),
    };
    let link_problem = state.link_problem.as_ref().map(|p| view_link_problem(p, lang, &dispatch));

    html! {
        <>
            <header class="top">
                <h1>{ t(Msg::Title) }</h1>
                <div class="lang no-print">
                    <label for="lang">{ t(Msg::Language) }</label>
                    <select id="lang" onchange={on_lang}>
                        { for Lang::ALL.iter().map(|(l, name)| html! {
                            <option value={l.code()} selected={*l == lang}>{ *name }</option>
                        }) }
                    </select>
                    <button type="button" id="large" class="secondary" aria-pressed={state.large.to_string()}
                        onclick={{ let d = dispatch.clone(); let on = !state.large; Callback::from(move |_| d.emit(Action::SetLarge(on))) }}>
                        { t(Msg::LargeText) }
                    </button>
                </div>
            </header>
            <main id="main">
                if state.forgotten { <p class="done" role="status" id="forgotten" tabindex="-1">{ t(Msg::ForgetDone) }</p> }
                { for link_problem }
                { body }
            </main>
            <footer class="no-print">
                if state.confirming_forget {
                    // Asked where the button is, so the question is where the user looks.
                    <div class="confirm" role="alertdialog" aria-labelledby="forget-ask">
                        <p id="forget-ask">{ t(Msg::ForgetAsk) }</p>
                        <div class="actions">
                            <button type="button" id="forget-yes" class="danger" onclick={send(|| Action::Forget)}>{ t(Msg::ForgetYes) }</button>
                            <button type="button" id="forget-no" class="secondary" onclick={send(|| Action::CancelForget)}>{ t(Msg::ForgetNo) }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="link" id="forget" onclick={send(|| Action::AskForget)}>{ t(Msg::Forget) }</button>
                }
                // The desk is a page of its own: nothing of it is loaded here.
                <a class="link" id="open-desk" href="desk/">{ t(Msg::OpenDesk) }</a>
            </footer>
        </>
    }
}

/// A shared case while other answers are stored: the choice first, then the shared case's
/// result to look at (nothing in it can be edited until the choice is made).
fn view_shared(shared: &Answers, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let t = |m| lang.t(m).into_owned();
    let send = |action: fn() -> Action| {
        let d = dispatch.clone();
        Callback::from(move |_| d.emit(action()))
    };
    html! {
        <>
            <section class="shared-choice" role="alertdialog" aria-labelledby="shared-title" aria-describedby="shared-help">
                <h2 id="shared-title">{ t(Msg::SharedTitle) }</h2>
                <p id="shared-help">{ t(Msg::SharedHelp) }</p>
                <div class="actions">
                    <button type="button" id="take-shared" onclick={send(|| Action::TakeShared)}>{ t(Msg::UseShared) }</button>
                    <button type="button" id="keep-mine" class="secondary" onclick={send(|| Action::KeepMine)}>{ t(Msg::KeepMine) }</button>
                </div>
            </section>
            if ready(shared) {
                <div class="preview">
                    <Results answers={shared.clone()} {lang} dispatch={Callback::noop()} />
                </div>
            }
        </>
    }
}

fn view_link_problem(problem: &LinkProblem, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let t = |m| lang.t(m).into_owned();
    let d = dispatch.clone();
    let dismiss = Callback::from(move |_| d.emit(Action::DismissLinkProblem));
    let (text, details): (String, Vec<String>) = match problem {
        LinkProblem::Broken(detail) => (t(Msg::LinkBroken), detail.iter().cloned().collect()),
        LinkProblem::Rejected(messages) => {
            (t(Msg::LinkPartial).replace("{n}", &messages.len().to_string()), messages.clone())
        }
    };
    html! {
        <div class="link-problem" role="alert">
            <p>{ text }</p>
            if !details.is_empty() {
                <details>
                    <summary>{ t(Msg::Details) }</summary>
                    <ul>{ for details.iter().map(|m| html! { <li>{ lang.zh(m).into_owned() }</li> }) }</ul>
                </details>
            }
            <button type="button" class="link" onclick={dismiss}>{ t(Msg::Dismiss) }</button>
        </div>
    }
}

fn view_step(state: &State, step: Step, dispatch: &Callback<Action>) -> Html {
    let lang = state.lang;
    let t = |m| lang.t(m).into_owned();
    let a = &state.answers;
    let index = step.index();
    let total = Step::ALL.len();
    let progress =
        t(Msg::StepOf).replace("{n}", &(index + 1).to_string()).replace("{m}", &total.to_string());
    // The event's own time: a second tap within the guard after a change is ignored.
    let go = |screen: Screen| {
        let d = dispatch.clone();
        Callback::from(move |e: MouseEvent| d.emit(Action::Nav(screen, e.time_stamp())))
    };
    let missing = missing(a);
    let last = index + 1 == total;
    html! {
        <section class="step" aria-labelledby="step-title">
            <p class="progress">{ progress }</p>
            <progress max={total.to_string()} value={(index + 1).to_string()} aria-hidden="true"></progress>
            <h2 id="step-title" tabindex="-1">{ t(step_title(step)) }</h2>
            if index == 0 { <p class="lede">{ t(Msg::Lede) }</p> }
            { for Q::for_step(step).filter(|q| q.relevant(a)).map(|q| questions::view(q, a, lang, dispatch)) }
            if last && !missing.is_empty() {
                <p class="error" role="alert">
                    { t(Msg::Required) }
                    { missing.iter().map(|q| lang.t(q.label()).into_owned()).collect::<Vec<_>>().join(lang.list()) }
                </p>
            }
            <nav class="nav">
                if index > 0 {
                    <button type="button" class="secondary" onclick={go(Screen::Step(Step::ALL[index - 1]))}>{ t(Msg::Back) }</button>
                }
                if state.editing_from_results && missing.is_empty() {
                    <button type="button" onclick={go(Screen::Results)}>{ t(Msg::BackToResults) }</button>
                } else if last {
                    <button type="button" onclick={go(Screen::Results)} disabled={!missing.is_empty()}>{ t(Msg::SeeResults) }</button>
                } else {
                    <button type="button" onclick={go(Screen::Step(Step::ALL[index + 1]))}>{ t(Msg::Next) }</button>
                }
            </nav>
        </section>
    }
}
