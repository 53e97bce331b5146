//! # zhuxue web app
//!
//! The Yew front end over [`zhuxue_engine`]. This is the first page: an aid officer's raw case
//! editor that assesses on every keystroke, entirely in the browser. The guided family
//! questionnaire is tracked as its own issue.
//!
//! `main.rs` only mounts [`App`]; nothing here does IO beyond the DOM.

use yew::prelude::*;
use zhuxue_engine::assessment::{Assessment, Outcome};

/// The example case shown on first load (a rural 脱贫户 boarding junior pupil in Gansu).
pub const EXAMPLE_CASE: &str = include_str!("../examples/junior-boarder-gansu.json");

/// Assesses the editor's text: the assessment, or the engine's error message (Chinese, naming
/// the field).
pub fn evaluate(text: &str) -> Result<Assessment, String> {
    zhuxue_engine::Case::from_json(text)
        .and_then(|case| zhuxue_engine::assess(&case))
        .map_err(|e| e.message)
}

/// The headline a family reads first.
pub fn headline(a: &Assessment) -> String {
    let eligible = a.entitlements.iter().filter(|e| e.outcome == Outcome::Eligible).count();
    format!("本学年可以享受 {eligible} 项资助，共约 {} 元", a.total_annual_yuan)
}

#[function_component(App)]
pub fn app() -> Html {
    let text = use_state(|| EXAMPLE_CASE.to_string());
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let result = evaluate(&text);
    html! {
        <main class="page">
            <header>
                <h1>{ "助学 · 学生资助测算" }</h1>
                <p class="lede">{ "按国家学生资助政策测算一名学生可以享受的资助。计算全部在本机完成，不上传任何信息。" }</p>
            </header>
            <section class="editor">
                <label for="case">{ "案例（JSON，格式 v1）" }</label>
                <textarea id="case" rows="18" spellcheck="false" value={(*text).clone()} {oninput} />
            </section>
            <section class="results" aria-live="polite">
                { match &result {
                    Ok(a) => view_assessment(a),
                    Err(message) => html! { <p class="error" role="alert">{ message }</p> },
                } }
            </section>
        </main>
    }
}

fn view_assessment(a: &Assessment) -> Html {
    html! {
        <>
            <h2 class="headline">{ headline(a) }</h2>
            <p class="meta">{ format!("评估日期 {} · 规则版本 {} · 核实于 {}", a.as_of, a.rules.version, a.rules.verified_on) }</p>
            <ul class="cards">
                { for a.entitlements.iter().map(|e| {
                    let outcome = match e.outcome {
                        Outcome::Eligible => "可以享受",
                        Outcome::Conditional => "有条件",
                        Outcome::NeedsInfo => "需补充信息",
                    };
                    let amount = match e.amount.yuan {
                        Some(y) if e.annual_yuan > 0 => format!("每年约 {} 元", e.annual_yuan.max(y)),
                        Some(y) => format!("{y} 元"),
                        None => "金额由当地确定".to_string(),
                    };
                    html! {
                        <li class="card">
                            <h3>{ e.name }<span class="badge">{ outcome }</span></h3>
                            <p>{ amount }{ " · 由 " }{ &e.payer.name }{ " 负责" }</p>
                            <ul class="criteria">
                                { for e.criteria.iter().map(|c| {
                                    let mark = match c.met { Some(true) => "✓", Some(false) => "✗", None => "?" };
                                    html! { <li>{ mark }{ " " }{ c.text.as_ref() }</li> }
                                }) }
                            </ul>
                            <p class="apply">{ "申请：" }{ e.apply.where_ }</p>
                        </li>
                    }
                }) }
            </ul>
            <ul class="notices">
                { for a.notices.iter().map(|n| html! { <li>{ &n.text }</li> }) }
            </ul>
        </>
    }
}
