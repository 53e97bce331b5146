//! Pinyin of place names, for the county search (`dongxiang`) and for English, where each
//! place shows its romanization beside the Chinese. The table (`i18n/pinyin/regions.txt`,
//! 19 KB brotli; provenance in `i18n/pinyin/SOURCE.md`) is not in the Wasm: the page fetches
//! `pinyin/regions.txt`, its own static file, the first time it is needed, and re-renders
//! what waits for it. Without it (not yet loaded, offline before it was ever fetched) the
//! search asks for Chinese and names show without pinyin.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;
use zhuxue_engine::regions::{self, Level};

/// Code → romanization (`Dongxiang Zu Zizhixian`), in code order.
#[derive(Debug, Default, PartialEq)]
pub struct Table {
    rows: Vec<(u32, String)>,
}

/// Letters only, lower case, ü as u: `Lu'an Shi` → `luanshi`; what a user types is compared
/// the same way, so spaces, apostrophes, capitals and tones do not matter.
pub fn key(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'ü' | 'Ü' | 'v' | 'V' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => Some('u'),
            'ā' | 'á' | 'ǎ' | 'à' => Some('a'),
            'ē' | 'é' | 'ě' | 'è' => Some('e'),
            'ī' | 'í' | 'ǐ' | 'ì' => Some('i'),
            'ō' | 'ó' | 'ǒ' | 'ò' => Some('o'),
            'ū' | 'ú' | 'ǔ' | 'ù' => Some('u'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// True when a search is written in Latin letters (pinyin) rather than characters.
pub fn is_latin(query: &str) -> bool {
    query.chars().any(|c| c.is_ascii_alphabetic()) && !query.chars().any(|c| c > '\u{2e80}')
}

impl Table {
    /// Reads the file: `code<TAB>romanization` lines; `#` comments and bad lines are skipped.
    pub fn parse(text: &str) -> Table {
        let mut rows: Vec<(u32, String)> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (code, name) = l.split_once('\t')?;
                Some((code.trim().parse().ok()?, name.trim().to_string()))
            })
            .collect();
        rows.sort_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        Table { rows }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn name(&self, code: u32) -> Option<&str> {
        let i = self.rows.binary_search_by_key(&code, |r| r.0).ok()?;
        Some(&self.rows[i].1)
    }

    /// County-level places whose romanization starts with the query (`dongxiang` finds 东乡区
    /// and 东乡族自治县, `min xian` finds 岷县), at most `limit`: those in `province` (the one
    /// chosen or preset) first, then the closest (shortest) names, then in code order.
    pub fn search(&self, query: &str, limit: usize, province: Option<u32>) -> Vec<u32> {
        let q = key(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, usize, u32)> = self
            .rows
            .iter()
            .filter(|(code, _)| regions::county(*code).is_some())
            .filter_map(|(code, name)| {
                let k = key(name);
                k.starts_with(&q)
                    .then(|| (Some(code / 10_000 * 10_000) != province, k.len(), *code))
            })
            .collect();
        hits.sort();
        hits.into_iter().take(limit).map(|(_, _, code)| code).collect()
    }

    /// The place from the county up, as an English address is written: `Min Xian, Dingxi Shi,
    /// Gansu Sheng` (placeholder prefectures such as 市辖区 left out, as in the Chinese name).
    pub fn full(&self, code: u32) -> Option<String> {
        let mut parts = vec![self.name(code)?.to_string()];
        let prefecture = code / 100 * 100;
        let province = code / 10_000 * 10_000;
        if prefecture != code && prefecture != province {
            let real = regions::lookup(prefecture).filter(|r| {
                r.level == Level::Prefecture
                    && !matches!(
                        r.name,
                        "市辖区" | "县" | "省直辖县级行政区划" | "自治区直辖县级行政区划"
                    )
            });
            if let Some(name) = real.and_then(|r| self.name(r.code)) {
                parts.push(name.to_string());
            }
        }
        if province != code {
            parts.extend(self.name(province).map(str::to_string));
        }
        Some(parts.join(", "))
    }
}

/// A place's full Chinese name in the page's script, and in English its romanization after it
/// once the table is loaded: 甘肃省定西市岷县 · Min Xian, Dingxi Shi, Gansu Sheng.
pub fn place(code: u32, lang: crate::i18n::Lang) -> String {
    beside(lang.zh(&regions::full_name(code)).into_owned(), code, lang)
}

/// `name` (a place's Chinese name as shown) with, in English and once the table is loaded,
/// the romanization of `code` after it.
pub fn beside(name: String, code: u32, lang: crate::i18n::Lang) -> String {
    match table().filter(|_| lang == crate::i18n::Lang::En).and_then(|t| t.full(code)) {
        Some(roman) => format!("{name} · {roman}"),
        None => name,
    }
}

/// For a component that shows pinyin: fetches the table once `wanted` (letters typed, English
/// chosen) and re-renders the component when it arrives; true once it is there.
#[yew::hook]
pub fn use_pinyin(wanted: bool) -> bool {
    let ready = yew::use_state(|| table().is_some());
    {
        let ready = ready.clone();
        yew::use_effect_with(wanted, move |wanted| {
            if *wanted && !*ready {
                load(Callback::from(move |_| ready.set(true)));
            }
        });
    }
    *ready
}

enum Load {
    Idle,
    Loading(Vec<Callback<()>>),
    Ready(Rc<Table>),
    Failed,
}

thread_local! {
    static TABLE: RefCell<Load> = const { RefCell::new(Load::Idle) };
}

/// The table, when it has been loaded.
pub fn table() -> Option<Rc<Table>> {
    TABLE.with(|t| match &*t.borrow() {
        Load::Ready(table) => Some(table.clone()),
        _ => None,
    })
}

/// Fetches the table once; `done` is called when it is there (at once if it already is). A
/// failed fetch (offline before the file was ever cached) is retried on the next call.
pub fn load(done: Callback<()>) {
    let start = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        match &mut *t {
            Load::Ready(_) => {
                done.emit(());
                false
            }
            Load::Loading(waiting) => {
                waiting.push(done.clone());
                false
            }
            Load::Idle | Load::Failed => {
                *t = Load::Loading(vec![done.clone()]);
                true
            }
        }
    });
    if start {
        wasm_bindgen_futures::spawn_local(async {
            let result = crate::browser::fetch_text("pinyin/regions.txt").await;
            let waiting = TABLE.with(|t| {
                let next = match result {
                    Some(text) => Load::Ready(Rc::new(Table::parse(&text))),
                    None => Load::Failed,
                };
                match std::mem::replace(&mut *t.borrow_mut(), next) {
                    Load::Loading(waiting) => waiting,
                    _ => Vec::new(),
                }
            });
            for callback in waiting {
                callback.emit(());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table::parse(include_str!("../i18n/pinyin/regions.txt"))
    }

    #[test]
    fn every_region_has_its_romanization() {
        let t = table();
        let (p, c, a) = regions::counts();
        assert_eq!(t.len(), p + c + a);
        assert!(regions::counties().all(|r| t.name(r.code).is_some_and(|n| !n.is_empty())));
        assert_eq!(t.name(622926), Some("Dongxiang Zu Zizhixian"));
        assert_eq!(t.name(341500), Some("Lu'an Shi"));
        assert_eq!(t.name(540000), Some("Xizang Zizhiqu"));
        // Readings fixed by i18n/pinyin/overrides.txt.
        assert_eq!(t.name(371722), Some("Shan Xian"));
        assert_eq!(t.name(510117), Some("Pidu Qu"));
        assert_eq!(t.name(341621), Some("Guoyang Xian"));
    }

    #[test]
    fn search_by_pinyin_ignores_case_spaces_apostrophes_and_tones() {
        let t = table();
        let found = t.search("dongxiang", 10, None);
        assert!(found.contains(&622926) && found.contains(&361003), "{found:?}");
        assert_eq!(t.search("Dōng Xiāng", 10, None), found);
        assert!(t.search("min xian", 10, None).contains(&621126));
        assert!(t.search("lu'an", 10, None).iter().all(|c| regions::county(*c).is_some()));
        assert!(t.search("  ", 10, None).is_empty());
        assert!(t.search("zzzz", 10, None).is_empty());
        assert_eq!(t.search("a", 3, None).len(), 3);
        // The shortest names first; with 甘肃 chosen, 岷县 comes first for "min".
        assert_eq!(t.search("min", 1, Some(620000)), [621126]);
        assert_eq!(t.search("dongxiang", 1, Some(620000)), [622926]);
        assert_eq!(t.search("dongxiang", 1, Some(360000)), [361003]);
    }

    #[test]
    fn full_names_read_as_an_address() {
        let t = table();
        assert_eq!(t.full(621126).as_deref(), Some("Min Xian, Dingxi Shi, Gansu Sheng"));
        assert_eq!(t.full(110101).as_deref(), Some("Dongcheng Qu, Beijing Shi"));
        assert_eq!(t.full(441900).as_deref(), Some("Dongguan Shi, Guangdong Sheng"));
        assert_eq!(t.full(620000).as_deref(), Some("Gansu Sheng"));
        assert_eq!(t.full(999999), None);
    }

    #[test]
    fn latin_or_characters() {
        assert!(is_latin("dongxiang"));
        assert!(is_latin("Min Xian"));
        assert!(!is_latin("东乡"));
        assert!(!is_latin("东x"));
        assert!(!is_latin("  "));
        assert_eq!(key("Lüchun Xian"), "luchunxian");
    }
}
