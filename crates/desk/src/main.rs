//! The officer desk page (`desk/`): mounts [`desk::Desk`]. A page of its own, so the family
//! app's first load carries none of the desk; the roster check itself runs in a Web Worker
//! (`crates/desk-worker`) started when the officer presses 「开始比对」.

mod desk;
mod oneform;

use zhuxue_web::i18n::Lang;

/// A text of the desk in the page's language: the simplified text (converted for 繁體), or the
/// English one. The desk's texts live here, not in the family app's table, so the family's
/// first load carries none of them.
pub fn tr(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        _ => lang.zh(zh).into_owned(),
    }
}

use yew::prelude::*;
use zhuxue_web::i18n::Msg;

#[function_component(DeskPage)]
fn desk_page() -> Html {
    let lang =
        zhuxue_web::browser::load_lang().and_then(|c| Lang::from_code(&c)).unwrap_or(Lang::Hans);
    zhuxue_web::browser::set_document_lang(
        lang.code(),
        &tr(lang, "名册比对 · 助学", "Roster check · Zhuxue"),
    );
    let one = use_state(|| false);
    let tab = |value: bool| {
        let one = one.clone();
        Callback::from(move |_| one.set(value))
    };
    html! {
        <>
            <header class="top">
                <h1>{ lang.t(Msg::Title) }</h1>
                <a class="link" href="../">{ tr(lang, "返回家庭查询", "Back to the family calculator") }</a>
            </header>
            <nav class="desk-tabs no-print" aria-label={tr(lang, "名册比对（资助专干）", "Roster check (for school aid officers)")}>
                <button type="button" id="tab-roster" class={classes!((!*one).then_some("active"))} onclick={tab(false)}>{ tr(lang, "名册比对", "Roster check") }</button>
                <button type="button" id="tab-one" class={classes!((*one).then_some("active"))} onclick={tab(true)}>{ tr(lang, "单个学生核对", "One student") }</button>
            </nav>
            <main id="main">
                // The roster desk stays mounted (its worker and results) while the form is open.
                <div hidden={*one}><desk::Desk {lang} today={zhuxue_web::browser::today()} /></div>
                if *one { <oneform::OneForm {lang} today={zhuxue_web::browser::today()} /> }
            </main>
        </>
    }
}

fn main() {
    yew::Renderer::<DeskPage>::new().render();
}
