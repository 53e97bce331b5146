//! The static first screen's answers. `index.html` paints the first question as plain HTML
//! (ids `pre-…`) so a family on a slow connection can start answering before the app arrives;
//! when the app starts it reads what was entered there ([`capture`], once, in `main` before
//! Yew mounts on the body and clears it), fills its own step with it — the date and 农村/城镇 as answers, the typed county
//! name and the chosen province in the county picker — and moves the keyboard focus to the
//! same question of its own.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

/// What the static form held when the app started.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefill {
    pub as_of: Option<String>,
    pub area: Option<String>,
    pub search: Option<String>,
    pub province: Option<u32>,
    /// The static field that had the keyboard focus (its app twin gets it).
    pub focused: Option<String>,
}

thread_local! {
    static CAPTURED: RefCell<Option<Prefill>> = const { RefCell::new(None) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn input_value(d: &web_sys::Document, id: &str) -> Option<String> {
    let el = d.get_element_by_id(id)?;
    let value = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else {
        el.dyn_ref::<web_sys::HtmlSelectElement>()?.value()
    };
    let value = value.trim().to_string();
    (!value.is_empty()).then_some(value)
}

fn checked(d: &web_sys::Document, id: &str) -> bool {
    d.get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Reads the static form (the first call only; later calls return the same).
pub fn capture() -> Prefill {
    CAPTURED.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let Some(d) = document() else { return Prefill::default() };
                let area = ["rural", "urban"]
                    .into_iter()
                    .find(|v| checked(&d, &format!("pre-area-{v}")))
                    .map(String::from);
                let focused = d
                    .active_element()
                    .map(|e| e.id())
                    .filter(|id| id.starts_with("pre-"))
                    .map(|id| id.trim_start_matches("pre-").to_string());
                Prefill {
                    as_of: input_value(&d, "pre-as_of"),
                    area,
                    search: input_value(&d, "pre-hukou-search"),
                    province: input_value(&d, "pre-hukou-province").and_then(|v| v.parse().ok()),
                    focused,
                }
            })
            .clone()
    })
}

/// After the static screen is gone: the focus goes to the app's twin of the field that had it.
pub fn hand_over_focus() {
    let Some(id) = capture().focused else { return };
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[cfg(test)]
mod tests {
    /// The static form offers exactly the registry's provinces, in its order.
    #[test]
    fn the_static_province_list_is_the_registry() {
        let html = include_str!("../index.html");
        let select = html.split("id=\"pre-hukou-province\">").nth(1).unwrap();
        let select = select.split("</select>").next().unwrap();
        let options: Vec<(String, String)> = select
            .split("<option value=\"")
            .skip(2)
            .map(|o| {
                let (code, rest) = o.split_once("\">").unwrap();
                (code.to_string(), rest.split('<').next().unwrap().to_string())
            })
            .collect();
        let registry: Vec<(String, String)> = zhuxue_engine::regions::provinces()
            .iter()
            .map(|r| (format!("{:06}", r.code), r.name.to_string()))
            .collect();
        assert_eq!(options, registry);
    }
}
