//! Browser tests (wasm-bindgen-test in headless Chromium): the engine and the page, compiled
//! to Wasm and run in a real browser.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use zhuxue_web::{evaluate, headline, App, EXAMPLE_CASE};

wasm_bindgen_test_configure!(run_in_browser);

/// The engine gives the same answer in Wasm as natively (see the native policy cases).
#[wasm_bindgen_test]
fn engine_runs_in_the_browser() {
    let a = evaluate(EXAMPLE_CASE).expect("the example case is valid");
    assert_eq!(headline(&a), "本学年可以享受 3 项资助，共约 1500 元");
    let boarding = a
        .entitlements
        .iter()
        .find(|e| e.program == "compulsory.boarding_allowance")
        .expect("boarding allowance");
    assert_eq!(boarding.amount.yuan, Some(1500));
    assert_eq!(boarding.payer.name, "甘肃省兰州市城关区");
}

#[wasm_bindgen_test]
fn invalid_case_names_the_field_in_chinese() {
    let err = evaluate(&EXAMPLE_CASE.replace("620102", "999999")).unwrap_err();
    assert!(err.starts_with("student.enrolment.region："), "{err}");
    assert!(err.contains("不在国家行政区划代码表"), "{err}");
}

#[wasm_bindgen_test]
async fn page_renders_the_headline_and_cards() {
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    // Let Yew's scheduler run.
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("本学年可以享受 3 项资助，共约 1500 元"), "{text}");
    assert!(text.contains("家庭经济困难寄宿生生活补助"), "{text}");
    assert_eq!(root.query_selector_all("li.card").unwrap().length(), 4);
}
