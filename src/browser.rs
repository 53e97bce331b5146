//! The few browser facilities the app uses: today's date, the device's local storage, the URL
//! fragment (share links) and the clipboard. Nothing here touches the network.

use js_sys::{Array, Object, Reflect, JSON};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::answers::Answers;

const ANSWERS_KEY: &str = "zhuxue.answers.v1";
const LANG_KEY: &str = "zhuxue.lang";

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

pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(ANSWERS_KEY);
    }
    clear_fragment();
}

/// The value of `key` in the URL fragment (`#case=…&lang=en`).
pub fn fragment_param(key: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.trim_start_matches('#').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| js_sys::decode_uri_component(v).ok().map(String::from)).flatten()
    })
}

fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let url = w.location().pathname().unwrap_or_default();
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
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

/// Sets `<html lang>` so screen readers pick the right voice.
pub fn set_document_lang(code: &str) {
    if let Some(el) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Parses JSON text with the browser's own parser (keeping serde_json's parser out of the
/// bundle) into a [`Value`].
pub fn parse_json(text: &str) -> Option<Value> {
    JSON::parse(text).ok().map(|v| from_js(&v))
}

/// Serialises a [`Value`] with the browser's `JSON.stringify`.
pub fn to_json_text(value: &Value) -> String {
    JSON::stringify(&to_js(value)).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

pub fn answers_from_text(text: &str) -> Option<Answers> {
    parse_json(text).filter(Value::is_object).map(|v| Answers::from_value(&v))
}

pub fn answers_to_text(answers: &Answers) -> String {
    to_json_text(&answers.to_value())
}

fn from_js(v: &JsValue) -> Value {
    if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Number::from_f64(n).map_or(Value::Null, |n| match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Value::from(f as i64),
            _ => Value::Number(n),
        })
    } else if let Some(s) = v.as_string() {
        Value::String(s)
    } else if Array::is_array(v) {
        Value::Array(Array::from(v).iter().map(|x| from_js(&x)).collect())
    } else if v.is_object() {
        let mut map = Map::new();
        for entry in Object::entries(v.unchecked_ref::<Object>()).iter() {
            let pair = Array::from(&entry);
            if let Some(key) = pair.get(0).as_string() {
                map.insert(key, from_js(&pair.get(1)));
            }
        }
        Value::Object(map)
    } else {
        Value::Null
    }
}

fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_i64().map_or_else(
            || JsValue::from_f64(n.as_f64().unwrap_or(0.0)),
            |i| JsValue::from_f64(i as f64),
        ),
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
