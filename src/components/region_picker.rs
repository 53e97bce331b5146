//! Province → city → county picker with search by name (typing 东乡 finds 东乡族自治县).

use yew::prelude::*;
use zhuxue_engine::regions::{self, Level};

use crate::i18n::{Lang, Msg};
use crate::pinyin;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Base for element ids (labels point at them).
    pub id: AttrValue,
    pub label: AttrValue,
    /// A line of help under the label.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// A 「?」 explaining the term in the label.
    #[prop_or_default]
    pub explain: Option<Html>,
    /// The chosen county code, if any.
    pub value: Option<String>,
    pub on_change: Callback<Option<String>>,
    pub lang: Lang,
}

fn parse(code: &str) -> Option<u32> {
    code.parse().ok()
}

#[function_component(RegionPicker)]
pub fn region_picker(p: &Props) -> Html {
    let lang = p.lang;
    // Province and prefecture chosen so far when no county is chosen yet (at first, a portal's
    // preset province or prefecture).
    let preset = if p.id == "enrol" {
        crate::embed::options().school
    } else {
        crate::embed::options().hukou
    };
    // The static first screen's province and typed name start the 户籍 picker (src/prefill.rs);
    // read in the initialisers, which run on the first render only.
    let pre = || (p.id == "hukou").then(crate::prefill::capture).unwrap_or_default();
    let partial = use_state(|| match pre().province {
        Some(code) if preset.is_none() => crate::embed::picker_start(Some(code)),
        _ => crate::embed::picker_start(preset),
    });
    let query = use_state(|| pre().search.unwrap_or_default());
    let chosen = p.value.as_deref().and_then(parse).filter(|c| regions::county(*c).is_some());
    let (province, prefecture) = match chosen {
        Some(code) => {
            let pref = code / 100 * 100;
            let pref =
                regions::lookup(pref).filter(|r| r.level == Level::Prefecture).map(|r| r.code);
            (Some(code / 10_000 * 10_000), pref.or(Some(code)))
        }
        None => *partial,
    };

    let on_province = {
        let partial = partial.clone();
        let on_change = p.on_change.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            partial.set((parse(&sel.value()), None));
            on_change.emit(None);
        })
    };
    let on_prefecture = {
        let partial = partial.clone();
        let on_change = p.on_change.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let code = parse(&sel.value());
            partial.set((code.map(|c| c / 10_000 * 10_000), code));
            // A city without counties (东莞市) is itself the county.
            match code.and_then(regions::county) {
                Some(c) => on_change.emit(Some(format!("{:06}", c.code))),
                None => on_change.emit(None),
            }
        })
    };
    let on_county = {
        let on_change = p.on_change.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            on_change.emit((!v.is_empty()).then_some(v));
        })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };

    // Pinyin (for a search in letters, and beside every name in English) once it is loaded.
    pinyin::use_pinyin(lang == Lang::En || pinyin::is_latin(&query));
    let table = pinyin::table();
    // 甘肃省 in Chinese; 甘肃省 (Gansu Sheng) in English.
    let named = |code: u32, name: &str| -> String {
        let zh = lang.zh(name).into_owned();
        match table.as_ref().filter(|_| lang == Lang::En).and_then(|t| t.name(code)) {
            Some(r) => format!("{zh} ({r})"),
            None => zh,
        }
    };
    let option = |code: u32, name: &str, selected: bool| {
        html! { <option value={format!("{code:06}")} {selected}>{ named(code, name) }</option> }
    };
    let prefectures = province.map(regions::children).unwrap_or_default();
    let counties = prefecture
        .filter(|c| regions::county(*c).is_none())
        .map(regions::children)
        .unwrap_or_default();
    // Traditional characters (東鄉, 廣州) are searched as simplified; letters as pinyin.
    let latin = pinyin::is_latin(&query);
    let hits: Vec<regions::Region> = if latin {
        let codes = table.as_ref().map(|t| t.search(&query, 8, province)).unwrap_or_default();
        codes.into_iter().filter_map(regions::lookup).collect()
    } else {
        // The province chosen (or preset by a portal) first.
        let mut hits = regions::search(&crate::i18n::to_simplified(&query), 64);
        hits.sort_by_key(|r| Some(r.code / 10_000 * 10_000) != province);
        hits.truncate(8);
        hits
    };
    // (A pinyin search says 「没有找到」 only once the table is there to search.)
    let not_found = !query.trim().is_empty() && hits.is_empty() && (!latin || table.is_some());
    let id = &p.id;

    html! {
        <fieldset class="q region" id={format!("q-{id}")}>
            <legend>{ &p.label }</legend>
            if let Some(explain) = &p.explain { { explain.clone() } }
            if let Some(help) = &p.help { <p class="help">{ help }</p> }
            <label for={format!("{id}-search")}>{ lang.t(Msg::Search) }</label>
            <input id={format!("{id}-search")} type="search" autocomplete="off"
                placeholder={lang.t(Msg::SearchHint).into_owned()} value={(*query).clone()} oninput={on_query} />
            if not_found {
                <p class="not-found" role="status">{ lang.t(Msg::NotFound).replace("{q}", query.trim()) }</p>
            }
            if !hits.is_empty() {
                <ul class="hits" role="list">
                    { for hits.iter().map(|r| {
                        let code = format!("{:06}", r.code);
                        let on_change = p.on_change.clone();
                        let query = query.clone();
                        let onclick = Callback::from(move |_| { on_change.emit(Some(code.clone())); query.set(String::new()); });
                        html! { <li><button type="button" class="hit" {onclick}>{ pinyin::place(r.code, lang) }</button></li> }
                    }) }
                </ul>
            }
            <div class="selects">
                <label for={format!("{id}-province")}>{ lang.t(Msg::Province) }</label>
                <select id={format!("{id}-province")} onchange={on_province}>
                    <option value="" selected={province.is_none()}>{ lang.t(Msg::Choose) }</option>
                    { for regions::provinces().iter().map(|r| option(r.code, r.name, province == Some(r.code))) }
                </select>
                <label for={format!("{id}-prefecture")}>{ lang.t(Msg::Prefecture) }</label>
                <select id={format!("{id}-prefecture")} onchange={on_prefecture} disabled={province.is_none()}>
                    <option value="" selected={prefecture.is_none()}>{ lang.t(Msg::Choose) }</option>
                    { for prefectures.iter().map(|r| option(r.code, r.name, prefecture == Some(r.code))) }
                </select>
                <label for={format!("{id}-county")}>{ lang.t(Msg::County) }</label>
                <select id={format!("{id}-county")} onchange={on_county} disabled={counties.is_empty()}>
                    <option value="" selected={chosen.is_none()}>{ lang.t(Msg::Choose) }</option>
                    { for counties.iter().map(|r| option(r.code, r.name, chosen == Some(r.code))) }
                </select>
            </div>
            if let Some(code) = chosen {
                <p class="chosen" aria-live="polite">{ "✓ " }{ pinyin::place(code, lang) }</p>
            }
        </fieldset>
    }
}
