//! The results: the headline a family reads first, one card per entitlement (amount, who
//! pays, where and when to apply, the criteria and documents behind it), then what needs one
//! more answer (asked inline), then what the student cannot get and why.

use std::rc::Rc;

use yew::prelude::*;
use zhuxue_engine::assessment::{
    Amount, AmountKind, Assessment, Criterion, Entitlement, Form, NoticeKind, Outcome, PayerBasis,
};
use zhuxue_engine::local::Level;
use zhuxue_engine::policy;

use crate::answers::Answers;
use crate::i18n::{Lang, Msg};
use crate::questions::{self, Q};
use crate::state::{Action, Step};

fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    pairs.iter().fold(template.to_string(), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

fn yuan(n: i64) -> String {
    // Thousands separators help reading amounts on a small screen.
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 && c != '-' {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn amount_text(a: &Amount, lang: Lang) -> String {
    let t = |m| lang.t(m).into_owned();
    let range = match (a.min_yuan, a.max_yuan) {
        (Some(min), Some(max)) => fill(&t(Msg::Range), &[("a", yuan(min)), ("b", yuan(max))]),
        _ => String::new(),
    };
    match (a.kind, a.yuan) {
        (AmountKind::CashPerYear | AmountKind::Waiver, None) if a.max_yuan.is_some() => {
            fill(&t(Msg::UpTo), &[("x", yuan(a.max_yuan.unwrap_or(0)))])
        }
        (AmountKind::CashPerYear, Some(y)) => fill(&t(Msg::PerYear), &[("x", yuan(y))]) + &range,
        (AmountKind::CashPerTerm, Some(y)) => fill(&t(Msg::PerYear), &[("x", yuan(y * 2))]),
        (AmountKind::CashPerDay, Some(y)) => {
            fill(&t(Msg::PerDay), &[("x", yuan(y)), ("y", yuan(y * a.days.unwrap_or(0)))])
        }
        (AmountKind::CashOnce, Some(y)) => fill(&t(Msg::Once), &[("x", yuan(y))]),
        (AmountKind::LoanLimit, Some(y)) => fill(&t(Msg::LoanLimit), &[("x", yuan(y))]),
        (AmountKind::Waiver, _) if a.local => t(Msg::WaiverLocal),
        (AmountKind::Waiver, _) => t(Msg::Waiver),
        (AmountKind::InKind, Some(y)) => match a.days {
            Some(days) => fill(&t(Msg::PerDayInKind), &[("x", yuan(y)), ("y", yuan(y * days))]),
            None => fill(&t(Msg::InKindValue), &[("x", yuan(y))]),
        },
        (AmountKind::InKind, _) => t(Msg::InKind),
        _ => t(Msg::LocalAmount),
    }
}

fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Eligible => "outcome-eligible",
        Outcome::Conditional => "outcome-conditional",
        Outcome::NeedsInfo => "outcome-needsinfo",
    }
}

fn notice_class(k: NoticeKind) -> &'static str {
    match k {
        NoticeKind::CrossProvince => "notice-crossprovince",
        NoticeKind::DoubleAid => "notice-doubleaid",
        NoticeKind::Contradiction => "notice-contradiction",
        NoticeKind::NotApplicable => "notice-notapplicable",
        NoticeKind::FutureStatus => "notice-futurestatus",
        NoticeKind::StaleData => "notice-staledata",
        NoticeKind::DateAssumed => "notice-dateassumed",
        NoticeKind::PolicyContinuation => "notice-policycontinuation",
        NoticeKind::Unverified => "notice-unverified",
        NoticeKind::NationalOnly => "notice-nationalonly",
        NoticeKind::Scope => "notice-scope",
    }
}

fn program_name(e_program: &str, name: &str, lang: Lang) -> String {
    match (lang, policy::any_program(e_program)) {
        (Lang::En, Some(p)) => format!("{} ({})", p.name_en, name),
        _ => lang.zh(name).into_owned(),
    }
}

/// 「地方·县级」: a local program's tag, by who runs it.
fn level_tag(level: Level, lang: Lang) -> String {
    let m = match level {
        Level::Province => Msg::LevelProvince,
        Level::Prefecture => Msg::LevelPrefecture,
        Level::County => Msg::LevelCounty,
        Level::School => Msg::LevelSchool,
        Level::Foundation => Msg::LevelFoundation,
    };
    fill(&lang.t(Msg::LocalTag), &[("level", lang.t(m).into_owned())])
}

fn criteria_list(criteria: &[Criterion], lang: Lang) -> Html {
    html! {
        <ul class="criteria">
            { for criteria.iter().map(|c| {
                let (mark, class, sr) = match c.met {
                    Some(true) => ("✓", "met", "符合"),
                    Some(false) => ("✗", "unmet", "不符合"),
                    None => ("?", "unknown", "待定"),
                };
                html! {
                    <li class={class}>
                        <span class="mark" aria-hidden="true">{ mark }</span>
                        <span class="sr-only">{ lang.zh(sr).into_owned() }{ lang.colon() }</span>
                        { lang.zh(&c.text).into_owned() }
                    </li>
                }
            }) }
        </ul>
    }
}

fn payer_text(e: &Entitlement, lang: Lang) -> String {
    let basis = match e.payer.basis {
        PayerBasis::Enrolment => Msg::PayerEnrolment,
        PayerBasis::Hukou => Msg::PayerHukou,
        PayerBasis::HukouFallback => Msg::PayerFallback,
        PayerBasis::School => Msg::PayerSchool,
    };
    // A payer reads as one: who pays, gives or arranges it, and where.
    let verb = match e.form {
        Form::Cash => Msg::PaysCash,
        Form::Waiver => Msg::PaysWaiver,
        Form::InKind => Msg::PaysInKind,
        Form::Loan => Msg::PaysLoan,
    };
    // In English the place also reads in pinyin, once the table is loaded.
    let place = crate::pinyin::beside(lang.zh(&e.payer.name).into_owned(), e.payer.region.0, lang);
    let who = lang.t(basis).into_owned();
    // A local program names its payer (「天祝县财政」, a foundation) and the place it is for.
    match e.payer.by {
        Some(by) => {
            let act = match e.form {
                Form::Cash => Msg::ActCash,
                Form::Waiver => Msg::ActWaiver,
                Form::InKind => Msg::ActInKind,
                Form::Loan => Msg::ActLoan,
            };
            fill(
                &lang.t(Msg::PaysBy),
                &[
                    ("by", lang.zh(by).into_owned()),
                    ("act", lang.t(act).into_owned()),
                    ("who", who),
                    ("place", place),
                ],
            )
        }
        None => fill(&lang.t(verb), &[("who", who), ("place", place)]),
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    entitlement: Rc<Entitlement>,
    lang: Lang,
    /// Only for cards that ask a question inline; other cards then compare equal across
    /// renders and Yew skips them, which keeps an update within a frame on a slow phone.
    answers: Option<Answers>,
    dispatch: Callback<Action>,
    /// The pinyin table has arrived (English shows place names in pinyin too).
    pinyin: bool,
}

#[function_component(Card)]
fn card(p: &CardProps) -> Html {
    let (e, lang, dispatch) = (&*p.entitlement, p.lang, &p.dispatch);
    let t = |m| lang.t(m).into_owned();
    let badge = match e.outcome {
        Outcome::Eligible => None,
        Outcome::Conditional => Some(t(Msg::OutcomeConditional)),
        Outcome::NeedsInfo => Some(t(Msg::OutcomeNeedsInfo)),
    };
    let inline: Vec<Q> = e.needs.iter().filter_map(|f| Q::from_field(f)).collect();
    html! {
        <li class={classes!("card", outcome_class(e.outcome))} id={format!("p-{}", e.program.replace('.', "-"))}>
            <details>
                <summary>
                    <span class="name">{ program_name(e.program, e.name, lang) }</span>
                    if let Some(level) = e.level { <span class="badge local">{ level_tag(level, lang) }</span> }
                    if let Some(b) = badge { <span class="badge">{ b }</span> }
                    <span class="amount">{ amount_text(&e.amount, lang) }
                        // A figure not checked against an official text says so where it is read.
                        if e.amount.unverified.is_some() && e.amount.yuan.is_some() {
                            <span class="unverified-mark">{ t(Msg::UnverifiedMark) }</span>
                        }
                    </span>
                    <span class="payer">{ payer_text(e, lang) }</span>
                </summary>
                <dl>
                    <dt>{ t(Msg::WhereApply) }</dt><dd>{ lang.zh(e.apply.where_).into_owned() }</dd>
                    <dt>{ t(Msg::WhenApply) }</dt><dd>{ lang.zh(e.apply.when).into_owned() }</dd>
                    <dt>{ t(Msg::Bring) }</dt>
                    <dd>{ if e.apply.documents.is_empty() { t(Msg::NothingToBring) } else { lang.zh(&e.apply.documents.join("、")).into_owned() } }</dd>
                </dl>
                <h4>{ t(Msg::Why) }</h4>
                { criteria_list(&e.criteria, lang) }
                if let Some(basis) = &e.amount.basis {
                    <p class="basis">{ format!("{}{}", t(Msg::AmountBasis), lang.zh(basis)) }</p>
                }
                if let Some(rule) = &e.stacking {
                    <p class="stacking">{ lang.zh(rule.text).into_owned() }</p>
                }
                <h4>{ t(Msg::Documents) }</h4>
                <ul class="docs">
                    { for e.citations.iter().map(|c| html! {
                        <li>
                            { lang.zh(&format!("《{}》", c.title)).into_owned() }
                            if let Some(n) = c.number { { " " }{ lang.zh(n).into_owned() } }
                            { format!("，{}", lang.zh(c.issuer)) }
                            if let Some(d) = c.date { { format!("，{d}") } }
                        </li>
                    }) }
                </ul>
                // An unverified figure says so, and never also shows a date as if checked.
                if let Some(why) = e.amount.unverified {
                    <p class="unverified">{ "⚠ " }{ t(Msg::Unverified) }{ lang.colon() }{ lang.zh(why).into_owned() }</p>
                } else if let Some(v) = e.amount.verified_on {
                    <p class="verified">{ format!("{}{}{}", t(Msg::FigureVerified), lang.colon(), v) }</p>
                }
            </details>
            if let Some(answers) = p.answers.as_ref().filter(|_| !inline.is_empty()) {
                <div class="inline-q">
                    { for inline.iter().map(|q| questions::view(*q, answers, lang, dispatch)) }
                </div>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub answers: Answers,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    /// Read by an aid officer (the desk's one-form check and its printed record): the headline
    /// speaks of 「该生」, not 「你的孩子」.
    #[prop_or_default]
    pub officer: bool,
}

#[function_component(Results)]
pub fn results(p: &Props) -> Html {
    let lang = p.lang;
    let t = |m| lang.t(m).into_owned();
    let copied = use_state(|| false);
    // English shows place names in pinyin too: fetched the first time it is needed.
    let pinyin = crate::pinyin::use_pinyin(lang == Lang::En);
    let case = p.answers.to_case();
    let outcome = zhuxue_engine::Case::from_value(&case).and_then(|c| zhuxue_engine::assess(&c));
    // A portal's page may listen (static/embed-frame.js passes it on only when it opted in).
    let summary = outcome.as_ref().ok().map(crate::embed::summary);
    use_effect_with(summary, |s| {
        if let Some(s) = s {
            crate::browser::announce("zhuxue-assessment", Some(s));
        }
    });
    let mut a: Assessment = match outcome {
        Ok(a) => a,
        Err(err) => {
            // A sentence and a way to the one question to fix; the engine's message (with
            // its field path) only behind 「详细信息」.
            let q = Q::from_field(&err.field);
            let sentence = match q {
                Some(q) => fill(&t(Msg::FixAnswer), &[("q", lang.t(q.label()).into_owned())]),
                None => t(Msg::FixUnknown),
            };
            let go = q.map(|q| {
                let d = p.dispatch.clone();
                Callback::from(move |_| d.emit(Action::EditStep(q.step())))
            });
            return html! {
                <section class="results">
                    <div class="error" role="alert">
                        <p>{ sentence }</p>
                        if let Some(go) = go {
                            <button type="button" class="fix" onclick={go}>{ t(Msg::FixGo) }</button>
                        }
                        <details>
                            <summary>{ t(Msg::Details) }</summary>
                            <p class="detail">{ lang.zh(&err.message).into_owned() }</p>
                        </details>
                    </div>
                    if let Some(q) = q {
                        { questions::view(q, &p.answers, lang, &p.dispatch) }
                    }
                </section>
            };
        }
    };
    let of = |o: Outcome| a.entitlements.iter().filter(move |e| e.outcome == o);
    let eligible = of(Outcome::Eligible).count();
    let conditional = of(Outcome::Conditional).count();
    let needs = of(Outcome::NeedsInfo).count();
    // Cash first, never 「0 元」: what is free or in kind is named, loans apart.
    let headline = if eligible == 0 {
        t(Msg::HeadlineNone)
    } else if a.total_annual_yuan > 0 {
        let m = if p.officer { Msg::HeadlineStudent } else { Msg::Headline };
        fill(&t(m), &[("n", eligible.to_string()), ("x", yuan(a.total_annual_yuan))])
    } else {
        let m = if p.officer { Msg::HeadlineStudentNoCash } else { Msg::HeadlineNoCash };
        fill(&t(m), &[("n", eligible.to_string())])
    };
    let mut sub = Vec::new();
    if a.local_annual_yuan > 0 {
        sub.push(fill(&t(Msg::HeadlineLocal), &[("x", yuan(a.local_annual_yuan))]));
    }
    let free: Vec<String> = of(Outcome::Eligible)
        .filter(|e| matches!(e.form, Form::InKind | Form::Waiver))
        .map(|e| program_name(e.program, e.name, lang))
        .collect();
    if !free.is_empty() {
        let names = free.join(lang.list());
        sub.push(if a.in_kind_annual_yuan > 0 {
            fill(&t(Msg::HeadlineInKind), &[("names", names), ("x", yuan(a.in_kind_annual_yuan))])
        } else {
            fill(&t(Msg::HeadlineFree), &[("names", names)])
        });
    }
    if a.loan_annual_limit_yuan > 0 {
        sub.push(fill(&t(Msg::HeadlineLoan), &[("x", yuan(a.loan_annual_limit_yuan))]));
    }
    if conditional > 0 {
        sub.push(fill(&t(Msg::HeadlineConditional), &[("n", conditional.to_string())]));
    }
    if needs > 0 {
        sub.push(fill(&t(Msg::HeadlineNeeds), &[("n", needs.to_string())]));
    }
    let (other_stage, why_not): (Vec<_>, Vec<_>) = a
        .not_entitled
        .iter()
        // A local program of another place (甘南's allowance for a 岷县 pupil) is not the
        // family's to miss: the scope note names the places covered.
        .filter(|n| {
            n.level.is_none() || !n.criteria.iter().any(|c| c.id == "place" && c.met == Some(false))
        })
        .partition(|n| n.criteria.iter().any(|c| c.id == "stage"));
    let answers_json = crate::browser::answers_to_text(&p.answers);
    let link = crate::browser::share_link(&answers_json, lang.code());
    let on_copy = {
        let link = link.clone();
        let copied = copied.clone();
        Callback::from(move |_| copied.set(crate::browser::copy(&link)))
    };
    let cards: Vec<Rc<Entitlement>> = a.entitlements.drain(..).map(Rc::new).collect();
    // What to do, before the detail: each aid to apply for (where, when, what to bring), then
    // what comes without asking. Aid that needs one more answer waits for it.
    let (automatic, to_apply): (Vec<&Rc<Entitlement>>, Vec<&Rc<Entitlement>>) = cards
        .iter()
        .filter(|e| matches!(e.outcome, Outcome::Eligible | Outcome::Conditional))
        .partition(|e| e.apply.where_.starts_with("无需"));
    let todo = (!to_apply.is_empty() || !automatic.is_empty()).then(|| html! {
        <section class="todo" aria-labelledby="todo-title">
            <h3 id="todo-title">{ t(Msg::ToDo) }</h3>
            if !to_apply.is_empty() {
                <ol class="todo-list">
                    { for to_apply.iter().map(|e| {
                        let bring = if e.apply.documents.is_empty() {
                            t(Msg::NothingToBring)
                        } else {
                            fill(&t(Msg::ToDoBring), &[("d", lang.zh(&e.apply.documents.join("、")).into_owned())])
                        };
                        html! {
                            <li>
                                <strong>{ program_name(e.program, e.name, lang) }</strong>
                                { lang.colon() }{ lang.zh(e.apply.where_).into_owned() }{ lang.stop() }
                                <span class="when">{ lang.zh(e.apply.when).into_owned() }{ lang.stop() }</span>
                                <span class="bring">{ bring }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
            if !automatic.is_empty() {
                <p class="todo-auto">{ fill(&t(Msg::ToDoAutomatic), &[("names", automatic.iter().map(|e| program_name(e.program, e.name, lang)).collect::<Vec<_>>().join(lang.list()))]) }</p>
            }
        </section>
    });
    let section = |title: Msg, outcome: Outcome| {
        let items: Vec<&Rc<Entitlement>> = cards.iter().filter(|e| e.outcome == outcome).collect();
        if items.is_empty() {
            return html! {};
        }
        html! {
            <section class={classes!("group", outcome_class(outcome))}>
                <h3>{ t(title) }</h3>
                <ul class="cards">
                    { for items.into_iter().map(|e| html! {
                        <Card key={e.program} entitlement={e.clone()} {lang} dispatch={p.dispatch.clone()} {pinyin}
                            answers={(e.outcome == Outcome::NeedsInfo).then(|| p.answers.clone())} />
                    }) }
                </ul>
            </section>
        }
    };
    html! {
        <section class="results">
            <div class="summary-head" aria-live="polite">
                <h2 class="headline" id="results-title" tabindex="-1">{ headline }</h2>
                { for sub.into_iter().map(|line| html! { <p class="sub">{ line }</p> }) }
            </div>
            if lang == Lang::En { <p class="help">{ t(Msg::EnglishNote) }</p> }
            <ul class="notices" aria-label={t(Msg::Notices)}>
                // Answers kept from another stage are not the family's mistake: the engine's
                // `not_applicable` notices (which name fields) are for officers and the API.
                { for a.notices.iter().filter(|n| !matches!(n.kind, NoticeKind::NationalOnly | NoticeKind::Scope | NoticeKind::NotApplicable)).map(|n| html! {
                    <li class={classes!("notice", notice_class(n.kind))}>{ lang.zh(&n.text).into_owned() }</li>
                }) }
            </ul>
            { for todo }
            { section(Msg::Entitled, Outcome::Eligible) }
            { section(Msg::NeedsInfoTitle, Outcome::NeedsInfo) }
            { section(Msg::ConditionalTitle, Outcome::Conditional) }
            if !why_not.is_empty() {
                <section class="group group-not">
                    <h3>{ t(Msg::NotEntitledTitle) }</h3>
                    <ul class="why-not">
                        { for why_not.iter().map(|n| {
                            let failed: Vec<&Criterion> = n.criteria.iter().filter(|c| c.met == Some(false)).collect();
                            html! {
                                <li id={format!("n-{}", n.program.replace('.', "-"))}>
                                    <strong>{ program_name(n.program, n.name, lang) }</strong>
                                    { lang.colon() }
                                    { for failed.iter().map(|c| html! { <span class="reason">{ lang.zh(&c.text).into_owned() }</span> }) }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <p class="other-stages">{ fill(&t(Msg::OtherStages), &[("n", other_stage.len().to_string())]) }</p>
            { for a.notices.iter().filter(|n| matches!(n.kind, NoticeKind::NationalOnly | NoticeKind::Scope)).map(|n| html! {
                <p class="national-only">{ lang.zh(&n.text).into_owned() }</p>
            }) }
            <section class="case-summary">
                <h3>{ t(Msg::CaseSummary) }</h3>
                <dl>
                    { for Step::ALL.iter().flat_map(|s| Q::for_step(*s)).filter(|q| q.relevant(&p.answers)).map(|q| {
                        let d = p.dispatch.clone();
                        let step = q.step();
                        let onclick = Callback::from(move |_| d.emit(Action::EditStep(step)));
                        html! {
                            <div class="row">
                                <dt>{ lang.t(q.label()) }</dt>
                                <dd>{ q.summary(&p.answers, lang) }
                                    <button type="button" class="link no-print" {onclick}
                                        aria-label={format!("{} {}", t(Msg::Edit), lang.t(q.label()))}>{ t(Msg::Edit) }</button>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
                <p class="rules">{ fill(&t(Msg::RulesVersion), &[("v", a.rules.version.to_string()), ("d", a.rules.verified_on.to_string()), ("a", a.as_of.to_string())]) }</p>
            </section>
            <section class="share no-print">
                <h3>{ t(Msg::Share) }</h3>
                <p class="help">{ t(Msg::ShareHelp) }</p>
                <label class="sr-only" for="share-link">{ t(Msg::Share) }</label>
                <input id="share-link" type="text" readonly=true value={link} />
                <div class="actions">
                    <button type="button" onclick={on_copy}>{ if *copied { t(Msg::Copied) } else { t(Msg::Copy) } }</button>
                    <button type="button" onclick={Callback::from(|_| crate::browser::print())}>{ t(Msg::Print) }</button>
                </div>
            </section>
        </section>
    }
}
