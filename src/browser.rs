//! The few browser facilities the app uses: today's date, the device's local storage, the URL
//! fragment (share links) and the clipboard. Nothing here touches the network.

use js_sys::{Array, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use zhuxue_engine::CaseError;

use crate::answers::{Answers, Loaded};

const ANSWERS_KEY: &str = "zhuxue.answers.v1";
const LANG_KEY: &str = "zhuxue.lang";

/// The device's local date and time as `YYYY-MM-DD HH:MM` (for a printed record).
pub fn now() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Today's date as `YYYY-MM-DD`, from the device clock.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_answers() -> Option<String> {
    storage()?.get_item(ANSWERS_KEY).ok().flatten()
}

pub fn save(answers_json: &str, lang: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(ANSWERS_KEY, answers_json);
        let _ = s.set_item(LANG_KEY, lang);
    }
}

pub fn load_lang() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

const LARGE_KEY: &str = "zhuxue.large.v1";

/// Whether the 「大字」 setting is on (kept on this device).
pub fn load_large() -> bool {
    storage().and_then(|s| s.get_item(LARGE_KEY).ok().flatten()).is_some_and(|v| v == "1")
}

/// Applies the 「大字」 setting to the page (`<html data-large>`, larger rem) and keeps it.
pub fn set_large(on: bool) {
    if let Some(el) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
    {
        let _ =
            if on { el.set_attribute("data-large", "") } else { el.remove_attribute("data-large") };
    }
    if let Some(s) = storage() {
        let _ = if on { s.set_item(LARGE_KEY, "1") } else { s.remove_item(LARGE_KEY) };
    }
}

pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(ANSWERS_KEY);
    }
    clear_fragment();
}

/// The longest fragment read: a shared case is well under 2 KB encoded.
pub const MAX_FRAGMENT: usize = 16 * 1024;

/// What the URL fragment carries for `key` (`#case=…&lang=en`).
#[derive(Debug, PartialEq)]
pub enum Param {
    Absent,
    /// Present but unusable: too long, or not decodable.
    Broken,
    Value(String),
}

/// The text of one of the page's own static files (a path relative to the page), or `None`
/// when it cannot be had (offline before it was ever cached, a server error).
pub async fn fetch_text(path: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Removes the element with this id, if there is one.
pub fn remove_element(id: &str) {
    if let Some(el) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id))
    {
        el.remove();
    }
}

/// The page address's query (`?region=6229&lang=en`), as written; empty when none.
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Tells the page's own scripts that something happened (`static/embed-frame.js` passes
/// `zhuxue-step` and, when the portal asked for it, `zhuxue-assessment` on to the portal).
/// `detail` is JSON text.
pub fn announce(name: &str, detail: Option<&str>) {
    let Some(w) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    if let Some(d) = detail {
        init.set_detail(&d.into());
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = w.dispatch_event(&event);
    }
}

/// The value of `key` in the URL fragment, checked for length before it is decoded.
pub fn fragment_param(key: &str) -> Param {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else {
        return Param::Absent;
    };
    parse_fragment(&hash, key)
}

/// [`fragment_param`] on a given fragment text (testable without a page).
pub fn parse_fragment(hash: &str, key: &str) -> Param {
    if hash.len() > MAX_FRAGMENT {
        return if hash.contains(&format!("{key}=")) { Param::Broken } else { Param::Absent };
    }
    let found = hash.trim_start_matches('#').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then_some(v)
    });
    match found {
        None => Param::Absent,
        Some(v) => match js_sys::decode_uri_component(v).map(String::from) {
            Ok(s) if !s.is_empty() => Param::Value(s),
            _ => Param::Broken,
        },
    }
}

/// Removes the fragment from the address (after a shared case was taken or declined), so a
/// reload does not apply it again.
pub fn clear_fragment() {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    if !hash.contains("case=") {
        return;
    }
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let url = w.location().pathname().unwrap_or_default();
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Puts the screen in the address (`#step=family`): a new history entry, or, for the page's
/// first screen, in place of the entry it was opened with. Nothing is done when the address
/// already says so (the change came from the browser's Back or Forward).
pub fn show_screen_in_address(code: &str, replace: bool) {
    if matches!(fragment_param("step"), Param::Value(c) if c == code) {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let Ok(h) = w.history() else { return };
    let url = format!("{}#step={code}", w.location().pathname().unwrap_or_default());
    let _ = if replace {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Listens for the browser's Back and Forward: `f` gets the screen the address names
/// ("home" when it names none). Dropping the guard stops listening.
pub fn on_address_change(f: impl Fn(String) + 'static) -> Listener {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let code = match fragment_param("step") {
            Param::Value(c) => c,
            _ => "home".to_string(),
        };
        f(code);
    });
    let window = web_sys::window();
    if let Some(w) = &window {
        use wasm_bindgen::JsCast;
        let _ = w.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    }
    Listener { window, closure }
}

/// A `popstate` listener, removed when dropped.
pub struct Listener {
    window: Option<web_sys::Window>,
    closure: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(w) = &self.window {
            use wasm_bindgen::JsCast;
            let _ = w.remove_event_listener_with_callback(
                "popstate",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Makes the element with this id ignore pointer taps for `ms` milliseconds (`data-settling`,
/// styled `pointer-events: none`): the second tap of a double tap, landing on whatever the new
/// step shows where the button was, changes nothing.
pub fn settle(id: &str, ms: i32) {
    let Some(w) = web_sys::window() else { return };
    let Some(el) = w.document().and_then(|d| d.get_element_by_id(id)) else { return };
    let _ = el.set_attribute("data-settling", "");
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = el.remove_attribute("data-settling");
    });
    use wasm_bindgen::JsCast;
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(done.unchecked_ref(), ms);
}

/// Scrolls to the top and moves the focus to the element with this id (a heading with
/// `tabindex="-1"`), without scrolling again.
pub fn scroll_top_and_focus(id: &str) {
    let Some(w) = web_sys::window() else { return };
    w.scroll_to_with_x_and_y(0.0, 0.0);
    // In a portal's frame, the portal scrolls the frame's top into view.
    announce("zhuxue-step", None);
    if let Some(el) = w.document().and_then(|d| d.get_element_by_id(id)) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }
}

/// A link to this page whose fragment carries the case; fragments never reach a server.
pub fn share_link(answers_json: &str, lang: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default();
    let case = String::from(js_sys::encode_uri_component(answers_json));
    format!("{base}#case={case}&lang={lang}")
}

/// Copies text with the asynchronous Clipboard API when the browser offers it.
pub fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else { return false };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else { return false };
    let Some(write) = write.dyn_ref::<js_sys::Function>() else { return false };
    write.call1(&clipboard, &text.into()).is_ok()
}

/// Opens every collapsed section, then the print dialog.
pub fn print() {
    let Some(window) = web_sys::window() else { return };
    if let Some(doc) = window.document() {
        if let Ok(list) = doc.query_selector_all("details") {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_attribute("open", "");
                }
            }
        }
    }
    let _ = window.print();
}

/// Sets `<html lang>`, so screen readers pick the right voice, and the page's title (tab,
/// bookmarks) in that language.
pub fn set_document_lang(code: &str, title: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(el) = doc.document_element() {
        let _ = el.set_attribute("lang", code);
    }
    doc.set_title(title);
}

/// Serialises a [`Value`] with the browser's `JSON.stringify`.
pub fn to_json_text(value: &Value) -> String {
    JSON::stringify(&to_js(value)).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// Reads stored or shared answers with the engine's own reader: the same text is accepted or
/// refused as the engine would (size, nesting, duplicate keys, each field's value).
pub fn answers_from_text(text: &str) -> Result<Loaded, CaseError> {
    let value = zhuxue_engine::json::parse_str(text)?;
    if !value.is_object() {
        return Err(CaseError::invalid("(根)", "应为一个对象（{…}）"));
    }
    Ok(Answers::read(&value))
}

pub fn answers_to_text(answers: &Answers) -> String {
    to_json_text(&answers.to_value())
}

fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_i64().map_or(JsValue::NULL, |i| JsValue::from_f64(i as f64)),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(map) => {
            let obj = Object::new();
            for (k, x) in map {
                let _ = Reflect::set(&obj, &JsValue::from_str(k), &to_js(x));
            }
            obj.into()
        }
    }
}
