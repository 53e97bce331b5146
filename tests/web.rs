//! Browser tests (wasm-bindgen-test in headless Chromium): the engine and the app's pieces,
//! compiled to Wasm and run in a real browser.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::*;
use zhuxue_web::i18n::{to_traditional, Lang, Msg};
use zhuxue_web::App;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../examples/junior-boarder-gansu.json");

/// The engine gives the same answer in Wasm as natively (see the native policy cases).
#[wasm_bindgen_test]
fn engine_runs_in_the_browser() {
    let case = zhuxue_engine::Case::from_json(EXAMPLE).unwrap();
    let a = zhuxue_engine::assess(&case).unwrap();
    assert_eq!(a.total_annual_yuan, 1500);
    let boarding =
        a.entitlements.iter().find(|e| e.program == "compulsory.boarding_allowance").unwrap();
    assert_eq!(boarding.amount.yuan, Some(1500));
    assert_eq!(boarding.payer.name, "甘肃省兰州市城关区");
}

#[wasm_bindgen_test]
fn answers_round_trip_through_a_share_fragment() {
    let answers = zhuxue_web::browser::answers_from_text(EXAMPLE).unwrap();
    assert_eq!(answers.household.hukou.region.as_deref(), Some("621126"));
    assert_eq!(answers.household.statuses.len(), 3);
    let link =
        zhuxue_web::browser::share_link(&zhuxue_web::browser::answers_to_text(&answers), "zh-Hant");
    let fragment = link.split_once("#case=").unwrap().1;
    let (case, lang) = fragment.split_once("&lang=").unwrap();
    let decoded = String::from(js_sys::decode_uri_component(case).unwrap());
    assert_eq!(zhuxue_web::browser::answers_from_text(&decoded).unwrap(), answers);
    assert_eq!(lang, "zh-Hant");
}

#[wasm_bindgen_test]
fn traditional_chinese_is_converted() {
    assert_eq!(to_traditional("学生资助"), "學生資助");
    assert_eq!(Lang::Hant.t(Msg::Next), "下一步");
    assert_eq!(Lang::Hant.t(Msg::StepFamily), "家庭情況");
    assert_eq!(Lang::En.t(Msg::Next), "Next");
}

#[wasm_bindgen_test]
async fn app_restores_stored_answers() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("zhuxue.answers.v1", EXAMPLE).unwrap();
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    // Stored answers open on the first step; the summary is one click away.
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("第 1 步，共 5 步"), "{text}");
    assert!(root.query_selector("select#hukou-province").unwrap().is_some());
    assert!(text.contains("甘肃省定西市岷县"), "the stored 户籍地 is shown: {text}");
    storage.remove_item("zhuxue.answers.v1").unwrap();
}
