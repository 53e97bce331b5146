//! The officer desk page (`desk/`): mounts [`desk::Desk`]. A page of its own, so the family
//! app's first load carries none of the desk; the roster check itself runs in a Web Worker
//! (`crates/desk-worker`) started when the officer presses 「开始比对」.

mod desk;

use yew::prelude::*;
use zhuxue_web::i18n::{Lang, Msg};

#[function_component(DeskPage)]
fn desk_page() -> Html {
    let lang =
        zhuxue_web::browser::load_lang().and_then(|c| Lang::from_code(&c)).unwrap_or(Lang::Hans);
    zhuxue_web::browser::set_document_lang(lang.code());
    html! {
        <>
            <header class="top">
                <h1>{ lang.t(Msg::Title) }</h1>
                <a class="link" href="../">{ lang.t(Msg::DeskToFamily) }</a>
            </header>
            <main id="main">
                <desk::Desk {lang} today={zhuxue_web::browser::today()} />
            </main>
        </>
    }
}

fn main() {
    yew::Renderer::<DeskPage>::new().render();
}
