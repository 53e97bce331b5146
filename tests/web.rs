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
    let answers = zhuxue_web::browser::answers_from_text(EXAMPLE).unwrap().answers;
    assert_eq!(answers.household.hukou.region.as_deref(), Some("621126"));
    assert_eq!(answers.household.statuses.len(), 3);
    let link =
        zhuxue_web::browser::share_link(&zhuxue_web::browser::answers_to_text(&answers), "zh-Hant");
    let fragment = link.split_once("#case=").unwrap().1;
    let (case, lang) = fragment.split_once("&lang=").unwrap();
    let decoded = String::from(js_sys::decode_uri_component(case).unwrap());
    assert_eq!(zhuxue_web::browser::answers_from_text(&decoded).unwrap().answers, answers);
    assert_eq!(lang, "zh-Hant");
}

/// Hostile and broken links: capped before decoding, read by the engine's own reader (no
/// recursion into 10,000 nested levels), and refused values not kept.
#[wasm_bindgen_test]
fn broken_and_hostile_links_are_refused_without_harm() {
    use zhuxue_web::browser::{answers_from_text, parse_fragment, Param, MAX_FRAGMENT};
    assert_eq!(parse_fragment("#case=%7Bbad", "case"), Param::Value("{bad".into()));
    assert!(answers_from_text("{bad").is_err());
    assert_eq!(parse_fragment("#case=%E0%A4%A", "case"), Param::Broken);
    assert_eq!(parse_fragment("#case=", "case"), Param::Broken);
    assert_eq!(parse_fragment("#lang=en", "case"), Param::Absent);
    let long = format!("#case={}", "a".repeat(MAX_FRAGMENT));
    assert_eq!(parse_fragment(&long, "case"), Param::Broken);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let e = answers_from_text(&format!("{{\"student\": {deep}}}")).unwrap_err();
    assert_eq!(e.kind, zhuxue_engine::error::ErrorKind::TooLarge);
    let e = answers_from_text(r#"{"student": {"grade": 2.0}}"#).unwrap_err();
    assert_eq!(e.field, "student.grade");
    let loaded = answers_from_text(r#"{"household": {"hukou": {"region": "+620102"}}, "student": {"grade": 99, "stage": "junior"}}"#).unwrap();
    assert_eq!(loaded.answers.household.hukou.region, None);
    assert_eq!(loaded.answers.student.grade, None);
    assert_eq!(loaded.answers.student.stage.as_deref(), Some("junior"));
    assert_eq!(loaded.rejected.len(), 2);
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

/// The region picker as a component: typing 东乡 lists 东乡族自治县; choosing it reports the
/// county code and shows the full name.
#[wasm_bindgen_test]
async fn region_picker_searches_and_chooses() {
    use wasm_bindgen::JsCast;
    use yew::prelude::*;
    use zhuxue_web::components::region_picker::RegionPicker;

    #[function_component(Harness)]
    fn harness() -> Html {
        let value = use_state(|| None::<String>);
        let on_change = {
            let value = value.clone();
            Callback::from(move |v: Option<String>| value.set(v))
        };
        html! {
            <>
                <RegionPicker id="t" label="户籍所在地" value={(*value).clone()} {on_change} lang={Lang::Hans} />
                <output id="chosen">{ (*value).clone().unwrap_or_default() }</output>
            </>
        }
    }

    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::from_millis(30)).await;

    let input: web_sys::HtmlInputElement =
        root.query_selector("#t-search").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("东乡");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    yew::platform::time::sleep(Duration::from_millis(30)).await;
    let hits = root.query_selector_all("button.hit").unwrap();
    let names: Vec<String> =
        (0..hits.length()).filter_map(|i| hits.item(i).and_then(|n| n.text_content())).collect();
    assert!(names.contains(&"甘肃省临夏回族自治州东乡族自治县".to_string()), "{names:?}");

    let button: web_sys::HtmlElement = (0..hits.length())
        .filter_map(|i| hits.item(i))
        .find(|n| n.text_content().as_deref() == Some("甘肃省临夏回族自治州东乡族自治县"))
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    yew::platform::time::sleep(Duration::from_millis(30)).await;
    let chosen = root.query_selector("#chosen").unwrap().unwrap().text_content().unwrap();
    assert_eq!(chosen, "622926");
    let text = root.text_content().unwrap();
    assert!(text.contains("✓ 甘肃省临夏回族自治州东乡族自治县"), "{text}");
    let county: web_sys::HtmlSelectElement =
        root.query_selector("#t-county").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(county.value(), "622926");
}
