//! The officer desk page (`desk/`): mounts [`desk::Desk`]. A page of its own, so the family
//! app's first load carries none of the desk; the roster check itself runs in a Web Worker
//! (`crates/desk-worker`) started when the officer presses 「开始比对」.

mod desk;
mod oneform;

use yew::prelude::*;
use zhuxue_web::i18n::{Lang, Msg};

#[function_component(DeskPage)]
fn desk_page() -> Html {
    let lang =
        zhuxue_web::browser::load_lang().and_then(|c| Lang::from_code(&c)).unwrap_or(Lang::Hans);
    zhuxue_web::browser::set_document_lang(lang.code());
    let one = use_state(|| false);
    let tab = |value: bool| {
        let one = one.clone();
        Callback::from(move |_| one.set(value))
    };
    html! {
        <>
            <header class="top">
                <h1>{ lang.t(Msg::Title) }</h1>
                <a class="link" href="../">{ lang.t(Msg::DeskToFamily) }</a>
            </header>
            <nav class="desk-tabs no-print" aria-label={lang.t(Msg::DeskTitle).into_owned()}>
                <button type="button" id="tab-roster" class={classes!((!*one).then_some("active"))} onclick={tab(false)}>{ lang.t(Msg::DeskTabRoster) }</button>
                <button type="button" id="tab-one" class={classes!((*one).then_some("active"))} onclick={tab(true)}>{ lang.t(Msg::DeskTabOne) }</button>
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
