//! The officer desk (资助专干): a school roster and department lists in, every row's 比对结果
//! out, on this computer. The check runs in a Web Worker (`crates/desk-worker`) fetched only
//! when the desk is used, so the family's first load carries none of it; the page stays
//! responsive, shows progress, and can cancel (the worker is terminated). Roster data is never
//! stored or sent; 「清除」 drops it from memory.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::tr;

use zhuxue_web::i18n::{Lang, Msg};

/// Department list kinds offered, as the worker names them (the page does not link the roster
/// crate, which lives in the worker; a test checks these are `ListKind::ALL`, in order).
const KINDS: [(&str, &str); 9] = [
    ("dibao", "低保"),
    ("tekun", "特困"),
    ("lifted_out", "脱贫户"),
    ("monitored", "防返贫监测对象"),
    ("disabled", "残疾"),
    ("orphan", "孤儿"),
    ("low_income", "低收入"),
    ("paid", "资助发放名单（他处已发放的资助）"),
    ("previous", "上学期比对结果（本工具导出的，看本学期有何变化）"),
];

/// A list kind's name as the page shows it (「低保」).
fn kind_label(kind: &str) -> &'static str {
    KINDS.iter().find(|(k, _)| *k == kind).map_or("", |(_, l)| l)
}

/// The rows of a worker message (`done` or `page`).
fn row_views(data: &JsValue) -> Vec<RowView> {
    Array::from(&get(data, "rows"))
        .iter()
        .map(|r| RowView {
            line: num(&r, "line"),
            flag: text(&r, "flag"),
            name: text(&r, "name"),
            id: text(&r, "id"),
            detail: text(&r, "detail"),
            entitled: text(&r, "entitled"),
        })
        .collect()
}

/// Rows a page (the worker sends the first 100 with its summary).
const PAGE: usize = 100;

#[derive(Clone, PartialEq)]
struct Loaded {
    name: String,
    bytes: Rc<Vec<u8>>,
}

#[derive(Clone, PartialEq)]
struct RowView {
    line: u32,
    flag: String,
    name: String,
    id: String,
    detail: String,
    entitled: String,
}

#[derive(Clone, PartialEq, Default)]
enum Status {
    #[default]
    Idle,
    Running {
        stage: String,
        done: u32,
        total: u32,
    },
    Done {
        summary: String,
        counts: Vec<(String, u32)>,
        format: String,
        lists: Vec<String>,
    },
    Failed(String),
    Cancelled,
}

#[derive(Clone, PartialEq, Default)]
struct DeskState {
    roster: Option<Loaded>,
    lists: Vec<(String, Loaded)>,
    list_kind: String,
    as_of: String,
    status: Status,
    filter: String,
    sort: String,
    offset: usize,
    matching: usize,
    rows: Vec<RowView>,
    /// The roster's header row and, per column, the header it was read from (and whether it is
    /// required), from the last check.
    headers: Vec<String>,
    columns: Vec<(String, Option<usize>, bool)>,
    /// The officer's column choices: column → header name ("" = not read). Remembered on this
    /// computer (header names only, never roster data).
    choices: Vec<(String, String)>,
    /// The self-check's result line, and its failures.
    self_check: Option<(String, Vec<String>)>,
    /// What the last files dropped on the page were taken as.
    dropped: Option<String>,
}

const CHOICES_KEY: &str = "zhuxue.desk.columns.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_choices() -> Vec<(String, String)> {
    let text = storage().and_then(|s| s.get_item(CHOICES_KEY).ok().flatten()).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, h)| (c.to_string(), h.to_string()))
        .collect()
}

fn save_choices(choices: &[(String, String)]) {
    let text: Vec<String> = choices.iter().map(|(c, h)| format!("{c}\t{h}")).collect();
    if let Some(s) = storage() {
        let _ = s.set_item(CHOICES_KEY, &text.join("\n"));
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap_or(0.0) as u32
}

/// Reads the first file of a file input.
async fn read_file(input: web_sys::HtmlInputElement) -> Option<Loaded> {
    read_one(input.files()?.get(0)?).await
}

/// Reads one file, chosen or dropped on the page.
async fn read_one(file: web_sys::File) -> Option<Loaded> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(Loaded { name: file.name(), bytes: Rc::new(Uint8Array::new(&buffer).to_vec()) })
}

/// The kind of department list a file's name says it is: the words officers' file names carry
/// (「农村低保数据库2019.7.xlsx」, 「脱贫户名单」, 「资助发放名单」). First match wins, so a
/// payment list of 低保 pupils is a payment list. Traditional characters are read too.
fn kind_from_name(name: &str) -> Option<&'static str> {
    const WORDS: [(&str, &str); 15] = [
        // This tool's own export (比对结果-2026-03-02-规则….xlsx): last term's check.
        ("比对结果", "previous"),
        ("发放", "paid"),
        ("低收入", "low_income"),
        ("低保", "dibao"),
        ("特困", "tekun"),
        ("供养", "tekun"),
        ("监测", "monitored"),
        ("防返贫", "monitored"),
        ("脱贫", "lifted_out"),
        ("建档立卡", "lifted_out"),
        ("扶贫", "lifted_out"),
        ("残疾", "disabled"),
        ("残联", "disabled"),
        ("孤儿", "orphan"),
        ("无人抚养", "orphan"),
    ];
    let name = zhuxue_web::i18n::to_simplified(name);
    WORDS.iter().find(|(w, _)| name.contains(w)).map(|(_, k)| *k)
}

/// Whether a file's name says it is the school roster (and no list kind).
fn roster_by_name(name: &str) -> bool {
    let name = zhuxue_web::i18n::to_simplified(name);
    ["名册", "学籍", "学生", "花名册"].iter().any(|w| name.contains(w))
}

/// Files dropped on the page, placed by their names: a department list where the name says
/// which (「低保」…), the roster where it says 名册/学籍/学生 — or, when one file of the drop
/// says nothing, that file if no roster is chosen yet. Any other file is a list of the kind
/// chosen in the list selector, and the note says so: every file's kind can be changed below.
fn assign(s: &mut DeskState, files: Vec<Loaded>) {
    let silent: Vec<usize> =
        (0..files.len()).filter(|i| kind_from_name(&files[*i].name).is_none()).collect();
    let roster_at = silent.iter().copied().find(|i| roster_by_name(&files[*i].name)).or(
        match silent.as_slice() {
            [only] if s.roster.is_none() => Some(*only),
            _ => None,
        },
    );
    let mut notes = Vec::new();
    for (i, file) in files.into_iter().enumerate() {
        if Some(i) == roster_at {
            notes.push(format!("名册：{}", file.name));
            s.roster = Some(file);
        } else if let Some(kind) = kind_from_name(&file.name) {
            notes.push(format!("{}：{}", kind_label(kind), file.name));
            s.lists.push((kind.to_string(), file));
        } else {
            let kind = s.list_kind.clone();
            notes.push(format!(
                "{}：{}（文件名看不出类别，按当前选择添加，请核对）",
                kind_label(&kind),
                file.name
            ));
            s.lists.push((kind, file));
        }
    }
    s.dropped = Some(format!("已放入 {}。类别按文件名判断，可在下面更改。", notes.join("；")));
    s.status = Status::Idle;
}

/// Offers bytes as a download under `name` (a Blob URL: nothing leaves the computer).
fn download(bytes: &JsValue, name: &str) {
    let parts = Array::of1(bytes);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&parts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = doc.create_element("a") {
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(&url);
            a.set_download(name);
            if let Some(body) = doc.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    // Revoked on the next download (a URL revoked at once may not be fetched yet).
    LAST_URL.with(|last| {
        if let Some(previous) = last.replace(Some(url)) {
            let _ = web_sys::Url::revoke_object_url(&previous);
        }
    });
}

thread_local! {
    static LAST_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The worker and its message handler, kept alive for the desk's life.
#[derive(Default)]
struct WorkerSlot {
    worker: Option<web_sys::Worker>,
    handler: Option<Closure<dyn Fn(web_sys::MessageEvent)>>,
    /// The worker's code has loaded and it takes requests.
    ready: bool,
    /// A check asked for before the worker was ready: the request and the buffers it hands
    /// over (transferred, not copied).
    pending: Option<(JsValue, Array)>,
}

impl WorkerSlot {
    fn stop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.handler = None;
        self.ready = false;
        self.pending = None;
    }

    fn send(&mut self, request: JsValue, transfer: Array) {
        match self.worker.as_ref() {
            Some(w) if self.ready => {
                let _ = w.post_message_with_transfer(&request, &transfer);
            }
            _ => self.pending = Some((request, transfer)),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub today: String,
}

#[function_component(Desk)]
pub fn desk(p: &Props) -> Html {
    let lang = p.lang;
    let t = |m| lang.t(m).into_owned();
    let state = {
        let today = p.today.clone();
        use_state(move || DeskState {
            as_of: today,
            list_kind: "dibao".into(),
            sort: "line".into(),
            choices: load_choices(),
            ..DeskState::default()
        })
    };
    // The latest state, for callbacks that outlive a render (the worker's messages).
    let latest = use_mut_ref(DeskState::default);
    *latest.borrow_mut() = (*state).clone();
    let slot: Rc<RefCell<WorkerSlot>> = use_mut_ref(WorkerSlot::default);

    let update = {
        let state = state.clone();
        let latest = latest.clone();
        Rc::new(move |f: &dyn Fn(&mut DeskState)| {
            let mut next = latest.borrow().clone();
            f(&mut next);
            *latest.borrow_mut() = next.clone();
            state.set(next);
        })
    };

    let ask_page = {
        let slot = slot.clone();
        Rc::new(move |filter: &str, sort: &str, offset: usize| {
            if let Some(w) = slot.borrow().worker.as_ref() {
                let _ = w.post_message(&object(&[
                    ("type", "page".into()),
                    ("flag", filter.into()),
                    ("sort", sort.into()),
                    ("offset", (offset as f64).into()),
                    ("limit", (PAGE as f64).into()),
                ]));
            }
        })
    };

    let on_roster = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let update = update.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = read_file(input).await;
                update(&|s| {
                    s.roster = loaded.clone();
                    s.status = Status::Idle;
                });
            });
        })
    };
    let on_kind = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            update(&|s| s.list_kind = v.clone());
        })
    };
    let on_list = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let update = update.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let reset = input.clone();
                if let Some(loaded) = read_file(input).await {
                    update(&|s| {
                        let kind = s.list_kind.clone();
                        s.lists.push((kind, loaded.clone()));
                        s.status = Status::Idle;
                    });
                }
                reset.set_value("");
            });
        })
    };
    // Files dropped anywhere on the page are taken (and a file dropped beside the zone never
    // replaces the page with the file, losing the officer's work).
    {
        let update = update.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let body = window.as_ref().and_then(|w| w.document()).and_then(|d| d.body());
            let mark = move |on: bool| {
                if let Some(b) = &body {
                    let _ = if on {
                        b.class_list().add_1("dragging")
                    } else {
                        b.class_list().remove_1("dragging")
                    };
                }
            };
            let over = {
                let mark = mark.clone();
                Closure::<dyn Fn(web_sys::DragEvent)>::new(move |e: web_sys::DragEvent| {
                    e.prevent_default();
                    mark(true);
                })
            };
            let leave = {
                let mark = mark.clone();
                Closure::<dyn Fn(web_sys::DragEvent)>::new(move |e: web_sys::DragEvent| {
                    // Out of the window (not just from one element to another).
                    if e.related_target().is_none() {
                        mark(false);
                    }
                })
            };
            let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |e: web_sys::DragEvent| {
                e.prevent_default();
                mark(false);
                if matches!(latest.borrow().status, Status::Running { .. }) {
                    return;
                }
                let Some(list) = e.data_transfer().and_then(|d| d.files()) else { return };
                let files: Vec<web_sys::File> =
                    (0..list.length()).filter_map(|i| list.get(i)).collect();
                if files.is_empty() {
                    return;
                }
                let update = update.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let mut loaded = Vec::new();
                    for f in files {
                        loaded.extend(read_one(f).await);
                    }
                    update(&|s| assign(s, loaded.clone()));
                });
            });
            let listeners = [("dragover", over), ("dragleave", leave), ("drop", drop)];
            if let Some(w) = &window {
                for (name, f) in &listeners {
                    let _ = w.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(w) = &window {
                    for (name, f) in &listeners {
                        let _ =
                            w.remove_event_listener_with_callback(name, f.as_ref().unchecked_ref());
                    }
                }
            }
        });
    }
    // A list's kind changed, or the list removed.
    let set_list_kind = |i: usize| {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            update(&|s| {
                if let Some(l) = s.lists.get_mut(i) {
                    l.0 = v.clone();
                }
                s.status = Status::Idle;
            });
        })
    };
    let remove_list = |i: usize| {
        let update = update.clone();
        Callback::from(move |_| {
            update(&|s| {
                if i < s.lists.len() {
                    s.lists.remove(i);
                }
                s.status = Status::Idle;
            });
        })
    };
    let on_as_of = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let v = input.value();
            update(&|s| s.as_of = v.clone());
        })
    };

    // The worker's messages (progress, results, pages, files, errors) → the page's state.
    let on_message: Rc<dyn Fn(JsValue)> = {
        let report = update.clone();
        Rc::new(move |data: JsValue| match text(&data, "type").as_str() {
            "progress" => {
                let (stage, done, total) =
                    (text(&data, "stage"), num(&data, "done"), num(&data, "total"));
                report(&|s| s.status = Status::Running { stage: stage.clone(), done, total });
            }
            "done" => {
                let counts: Vec<(String, u32)> = Array::from(&get(&data, "counts"))
                    .iter()
                    .map(|pair| {
                        let pair = Array::from(&pair);
                        (
                            pair.get(0).as_string().unwrap_or_default(),
                            pair.get(1).as_f64().unwrap_or(0.0) as u32,
                        )
                    })
                    .collect();
                let lists: Vec<String> = Array::from(&get(&data, "lists"))
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect();
                let (summary, format) = (text(&data, "summary"), text(&data, "format"));
                let (rows, matching) = (row_views(&data), num(&data, "matching") as usize);
                let headers: Vec<String> = Array::from(&get(&data, "headers"))
                    .iter()
                    .map(|v| v.as_string().unwrap_or_default())
                    .collect();
                let columns: Vec<(String, Option<usize>, bool)> =
                    Array::from(&get(&data, "columns"))
                        .iter()
                        .map(|c| {
                            let c = Array::from(&c);
                            (
                                c.get(0).as_string().unwrap_or_default(),
                                c.get(1).as_f64().map(|i| i as usize),
                                c.get(2).as_bool().unwrap_or(false),
                            )
                        })
                        .collect();
                report(&|s| {
                    s.status = Status::Done {
                        summary: summary.clone(),
                        counts: counts.clone(),
                        format: format.clone(),
                        lists: lists.clone(),
                    };
                    s.filter.clear();
                    s.offset = 0;
                    s.sort = "line".into();
                    s.headers = headers.clone();
                    s.columns = columns.clone();
                    // The first page (file order) comes with the summary.
                    s.rows = rows.clone();
                    s.matching = matching;
                });
            }
            "page" => {
                let rows = row_views(&data);
                let (matching, offset) =
                    (num(&data, "matching") as usize, num(&data, "offset") as usize);
                report(&|s| {
                    s.rows = rows.clone();
                    s.matching = matching;
                    s.offset = offset;
                });
            }
            "file" => download(&get(&data, "bytes"), &text(&data, "name")),
            "selfcheck" => {
                let (total, passed) = (num(&data, "total"), num(&data, "passed"));
                let line = format!(
                    "参考案例 {passed} / {total} 一致（规则版本 {}，数据核实于 {}）",
                    text(&data, "version"),
                    text(&data, "verified")
                );
                let failures: Vec<String> = Array::from(&get(&data, "failures"))
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect();
                report(&|s| s.self_check = Some((line.clone(), failures.clone())));
            }
            "error" => {
                let m = text(&data, "message");
                report(&|s| s.status = Status::Failed(m.clone()));
            }
            _ => {}
        })
    };
    // Starts the worker (its code is fetched now, the first time), ready to take a check.
    let spawn: Rc<dyn Fn()> = {
        let slot = slot.clone();
        let update = update.clone();
        Rc::new(move || {
            let Ok(worker) = web_sys::Worker::new("./zhuxue-desk-worker_loader.js") else {
                update(&|s| {
                    s.status = Status::Failed("无法启动比对程序（浏览器不支持 Web Worker）".into())
                });
                return;
            };
            let weak = Rc::downgrade(&slot);
            let on_message = on_message.clone();
            let handler =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                    let data = ev.data();
                    if text(&data, "type") == "ready" {
                        if let Some(slot) = weak.upgrade() {
                            let mut slot = slot.borrow_mut();
                            slot.ready = true;
                            if let Some((request, transfer)) = slot.pending.take() {
                                slot.send(request, transfer);
                            }
                        }
                    } else {
                        on_message(data);
                    }
                });
            worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            let mut slot = slot.borrow_mut();
            slot.worker = Some(worker);
            slot.handler = Some(handler);
        })
    };
    // The worker is started as soon as the desk opens, so a check starts at once.
    {
        let spawn = spawn.clone();
        let slot = slot.clone();
        use_effect_with((), move |_| {
            spawn();
            move || slot.borrow_mut().stop()
        });
    }
    let start = {
        let update = update.clone();
        let slot = slot.clone();
        let latest = latest.clone();
        let spawn = spawn.clone();
        Callback::from(move |_| {
            let s = latest.borrow().clone();
            let Some(roster) = s.roster.clone() else { return };
            if slot.borrow().worker.is_none() {
                spawn();
            }
            let transfer = Array::new();
            let buffer = |bytes: &[u8]| {
                let a = Uint8Array::from(bytes);
                transfer.push(&a.buffer());
                a
            };
            let lists = Array::new();
            for (kind, l) in &s.lists {
                lists.push(&object(&[
                    ("kind", kind.as_str().into()),
                    ("bytes", buffer(&l.bytes).into()),
                ]));
            }
            let request = object(&[
                ("type", "check".into()),
                ("roster", buffer(&roster.bytes).into()),
                ("lists", lists.into()),
                ("asOf", s.as_of.as_str().into()),
                (
                    "mapping",
                    s.choices
                        .iter()
                        .map(|(c, h)| Array::of2(&c.as_str().into(), &h.as_str().into()))
                        .collect::<Array>()
                        .into(),
                ),
            ]);
            slot.borrow_mut().send(request, transfer);
            update(&|s| {
                s.status = Status::Running { stage: String::new(), done: 0, total: 0 };
                s.rows.clear();
            });
        })
    };
    let self_check = {
        let slot = slot.clone();
        let update = update.clone();
        let spawn = spawn.clone();
        Callback::from(move |_| {
            if slot.borrow().worker.is_none() {
                spawn();
            }
            update(&|s| s.self_check = Some(("正在核对参考案例…".into(), Vec::new())));
            slot.borrow_mut().send(object(&[("type", "selfcheck".into())]), Array::new());
        })
    };
    let cancel = {
        let update = update.clone();
        let slot = slot.clone();
        Callback::from(move |_| {
            slot.borrow_mut().stop();
            update(&|s| s.status = Status::Cancelled);
        })
    };
    let clear = {
        let update = update.clone();
        let slot = slot.clone();
        Callback::from(move |_| {
            slot.borrow_mut().stop();
            update(&|s| {
                let as_of = s.as_of.clone();
                *s = DeskState {
                    as_of,
                    list_kind: "dibao".into(),
                    sort: "line".into(),
                    ..DeskState::default()
                };
            });
        })
    };
    let export = |format: &'static str| {
        let slot = slot.clone();
        Callback::from(move |_| {
            if let Some(w) = slot.borrow().worker.as_ref() {
                let _ = w
                    .post_message(&object(&[("type", "export".into()), ("format", format.into())]));
            }
        })
    };
    let show = |filter: String, sort: String, offset: usize| {
        let update = update.clone();
        let ask_page = ask_page.clone();
        Callback::from(move |_| {
            let (f, so) = (filter.clone(), sort.clone());
            update(&|s| {
                s.filter = f.clone();
                s.sort = so.clone();
            });
            ask_page(&filter, &sort, offset);
        })
    };

    let s = &*state;
    let running = matches!(s.status, Status::Running { .. });
    html! {
        <section class="desk" aria-labelledby="desk-title">
            <h2 id="desk-title">{ tr(lang, "名册比对（资助专干）", "Roster check (for school aid officers)") }</h2>
            <p class="help">{ tr(lang, "选择学校名册和部门名单（CSV 或 Excel），逐行核对应享受的资助、已享受的资助：应助未助、重复资助、不符合条件却已资助。全部在本机完成，文件不会上传，也不会保存。", "Choose the school roster and department lists (CSV or Excel); every row is checked for aid missed, paid twice or paid without grounds. Everything runs on this computer; files are neither uploaded nor stored.") }</p>
            <p class="help">
                { tr(lang, "名册模板（列名与说明见文档 docs/roster.md）：", "Roster templates (columns explained in docs/roster.md): ") }
                <a href="roster-template.xlsx" download="名册模板.xlsx">{ "名册模板.xlsx" }</a>{ " · " }
                <a href="roster-template.csv" download="名册模板.csv">{ "名册模板.csv" }</a>{ " · " }
                <a href="paid.csv" download="资助发放名单模板.csv">{ "资助发放名单模板.csv" }</a>
            </p>
            <p class="help drop-hint">{ tr(lang, "也可以把名册和名单文件一起拖到本页：按文件名放入（“低保”“脱贫户”……），放入后可以更改。", "You can also drop the roster and the lists on this page together: each is placed by its file name (低保, 脱贫户 …) and can be changed.") }</p>
            if let Some(note) = &s.dropped { <p class="desk-dropped" role="status" id="desk-dropped">{ note.clone() }</p> }
            <div class="q">
                <label for="desk-roster">{ tr(lang, "学校名册（CSV 或 Excel）", "School roster (CSV or Excel)") }</label>
                <input type="file" id="desk-roster" accept=".csv,.xlsx,.xls,.et,text/csv" onchange={on_roster} disabled={running} />
                if let Some(r) = &s.roster { <p class="chosen">{ format!("✓ {}（{} 字节）", r.name, r.bytes.len()) }</p> }
            </div>
            <fieldset class="q">
                <legend>{ tr(lang, "部门名单（可添加多个）", "Department lists (add several)") }</legend>
                <div class="desk-list-add">
                    <label for="desk-list-kind" class="sr-only">{ tr(lang, "名单类别", "List kind") }</label>
                    <select id="desk-list-kind" onchange={on_kind} disabled={running}>
                        { for KINDS.iter().map(|(k, label)| html! { <option value={*k} selected={s.list_kind == *k}>{ lang.zh(label).into_owned() }</option> }) }
                    </select>
                    <label for="desk-list" class="sr-only">{ tr(lang, "名单文件", "List file") }</label>
                    <input type="file" id="desk-list" accept=".csv,.xlsx,.xls,.et,text/csv" onchange={on_list} disabled={running} />
                </div>
                <ul class="desk-lists">
                    { for s.lists.iter().enumerate().map(|(i, (kind, l))| {
                        let label = kind_label(kind);
                        let id = format!("desk-list-kind-{i}");
                        html! {
                            <li>
                                <span>{ format!("✓ {}：{}", lang.zh(label), l.name) }</span>
                                <label for={id.clone()} class="sr-only">{ format!("{} {}", tr(lang, "名单类别", "List kind"), l.name) }</label>
                                <select id={id} onchange={set_list_kind(i)} disabled={running}>
                                    { for KINDS.iter().map(|(k, label)| html! { <option value={*k} selected={kind == k}>{ lang.zh(label).into_owned() }</option> }) }
                                </select>
                                <button type="button" class="link" id={format!("desk-list-remove-{i}")} onclick={remove_list(i)} disabled={running}>{ tr(lang, "移除", "Remove") }</button>
                            </li>
                        }
                    }) }
                </ul>
            </fieldset>
            <div class="q date">
                <label for="desk-as-of">{ t(Msg::AsOf) }</label>
                <input type="date" id="desk-as-of" value={s.as_of.clone()} min={zhuxue_web::questions::coverage_from()} max="2199-12-31" onchange={on_as_of} />
            </div>
            <div class="actions">
                <button type="button" id="desk-start" onclick={start.clone()} disabled={s.roster.is_none() || running}>{ tr(lang, "开始比对", "Check") }</button>
                if running { <button type="button" id="desk-cancel" class="secondary" onclick={cancel}>{ tr(lang, "取消", "Cancel") }</button> }
                <button type="button" id="desk-clear" class="link" onclick={clear}>{ tr(lang, "清除", "Clear") }</button>
                <button type="button" id="desk-selfcheck" class="link" onclick={self_check} disabled={running}>{ tr(lang, "自检：用参考案例核对本工具", "Self-check: run the reference cases") }</button>
            </div>
            if let Some((line, failures)) = &s.self_check {
                <div class="desk-selfcheck" role="status">
                    <p id="desk-selfcheck-result">{ line.clone() }</p>
                    if !failures.is_empty() {
                        <ul>{ for failures.iter().map(|f| html! { <li><pre>{ f.clone() }</pre></li> }) }</ul>
                    }
                </div>
            }
            <div aria-live="polite">
                { match &s.status {
                    Status::Idle => html! {},
                    Status::Running { stage, done, total } => html! {
                        <div class="desk-progress">
                            <progress id="desk-progress" max={total.max(&1).to_string()} value={done.to_string()}></progress>
                            <p id="desk-progress-text">{ match stage.as_str() {
                                "decoding" => tr(lang, "正在转换文件编码（GBK）：{p}%", "Converting the file's encoding (GBK): {p}%").replace("{p}", &(u64::from(*done) * 100 / u64::from((*total).max(1))).to_string()),
                                "opening" if *total > 0 => tr(lang, "正在打开 Excel 文件：{p}%", "Opening the Excel file: {p}%").replace("{p}", &(u64::from(*done) * 100 / u64::from((*total).max(1))).min(100).to_string()),
                                "opening" => tr(lang, "正在打开 Excel 文件…", "Opening the Excel file…"),
                                "reading" => tr(lang, "正在读取名册：已读 {n} 行", "Reading the roster: {n} rows so far").replace("{n}", &done.to_string()),
                                "lists" => tr(lang, "正在读取部门名单…", "Reading the department lists…"),
                                "matching" => tr(lang, "正在核对身份证号：{n} / {m}", "Checking ID numbers: {n} / {m}").replace("{n}", &done.to_string()).replace("{m}", &total.to_string()),
                                "checking" => format!("{} {done} / {total}", tr(lang, "正在逐行比对：", "Checking row by row:")),
                                _ => tr(lang, "正在读取文件…", "Reading the files…"),
                            } }</p>
                        </div>
                    },
                    Status::Cancelled => html! { <p class="help">{ tr(lang, "已取消。", "Cancelled.") }</p> },
                    Status::Failed(m) => html! { <p class="error" role="alert">{ lang.zh(m).into_owned() }</p> },
                    Status::Done { summary, counts, format, lists } => html! {
                        <div class="desk-done">
                            <p class="desk-summary" id="desk-summary">{ lang.zh(summary).into_owned() }</p>
                            <p class="help">{ std::iter::once(lang.zh(format).into_owned()).chain(lists.iter().map(|l| lang.zh(l).into_owned())).collect::<Vec<_>>().join("；") }</p>
                            <div class="desk-filters" role="group" aria-label={tr(lang, "按结果筛选", "Filter by result")}>
                                <button type="button" class={classes!(s.filter.is_empty().then_some("active"))}
                                    onclick={show(String::new(), s.sort.clone(), 0)}>{ tr(lang, "全部", "All") }</button>
                                { for counts.iter().map(|(label, n)| html! {
                                    <button type="button" class={classes!((s.filter == *label).then_some("active"))}
                                        onclick={show(label.clone(), s.sort.clone(), 0)}>{ format!("{} {n}", lang.zh(label)) }</button>
                                }) }
                            </div>
                            <div class="actions">
                                <button type="button" id="desk-export-xlsx" onclick={export("xlsx")}>{ tr(lang, "导出 Excel", "Export Excel") }</button>
                                <button type="button" id="desk-export-csv" class="secondary" onclick={export("csv")}>{ tr(lang, "导出 CSV", "Export CSV") }</button>
                            </div>
                        </div>
                    },
                } }
            </div>
            if !s.columns.is_empty() {
                <details class="desk-columns" open={s.columns.iter().any(|(_, i, req)| *req && i.is_none())}>
                    <summary>{ tr(lang, "列的对应（可修改）", "Which column is which (change if wrong)") }</summary>
                    <p class="help">{ tr(lang, "自动按表头识别；不对时选出正确的表头，再按“按此重新比对”。选择会记在本机（只记表头名称），下次自动使用。● 为必需的列。", "Headers are recognised automatically; if one is wrong, choose the right header and check again. Choices are remembered on this computer (header names only). ● marks required columns.") }</p>
                    <table class="desk-table">
                        <tbody>
                            { for s.columns.iter().map(|(column, index, required)| {
                                let id = format!("desk-col-{column}");
                                let current = index.and_then(|i| s.headers.get(i)).cloned().unwrap_or_default();
                                let on_change = {
                                    let update = update.clone();
                                    let column = column.clone();
                                    Callback::from(move |e: Event| {
                                        let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
                                        let header = sel.value();
                                        update(&|s| {
                                            s.choices.retain(|(c, _)| *c != column);
                                            s.choices.push((column.clone(), header.clone()));
                                            save_choices(&s.choices);
                                        });
                                    })
                                };
                                html! {
                                    <tr>
                                        <th scope="row"><label for={id.clone()}>{ if *required { format!("{column} ●") } else { column.clone() } }</label></th>
                                        <td>
                                            <select id={id} onchange={on_change}>
                                                <option value="" selected={current.is_empty()}>{ tr(lang, "（不读取）", "(not read)") }</option>
                                                { for s.headers.iter().map(|h| html! { <option value={h.clone()} selected={*h == current}>{ h.clone() }</option> }) }
                                            </select>
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                    <button type="button" id="desk-rerun" onclick={start.clone()} disabled={running}>{ tr(lang, "按此重新比对", "Check again with these columns") }</button>
                </details>
            }
            if !s.rows.is_empty() {
                <div class="desk-table-wrap">
                    <table class="desk-table desk-results">
                        <thead><tr>
                            <th scope="col"><button type="button" class="link" onclick={show(s.filter.clone(), "line".into(), 0)}>{ tr(lang, "行号", "Row") }</button></th>
                            <th scope="col">{ tr(lang, "姓名", "Name") }</th>
                            <th scope="col">{ tr(lang, "身份证号", "ID number") }</th>
                            <th scope="col"><button type="button" class="link" onclick={show(s.filter.clone(), "severity".into(), 0)}>{ tr(lang, "比对结果", "Result") }</button></th>
                            <th scope="col">{ tr(lang, "说明", "Details") }</th>
                        </tr></thead>
                        <tbody>
                            { for s.rows.iter().map(|r| html! {
                                <tr class={format!("flag-{}", r.flag)}>
                                    <td>{ r.line }</td>
                                    <td>{ r.name.clone() }</td>
                                    <td class="id">{ r.id.clone() }</td>
                                    <td class="flag">{ lang.zh(&r.flag).into_owned() }</td>
                                    <td>{ lang.zh(&r.detail).into_owned() }
                                        if !r.entitled.is_empty() { <br /><span class="help">{ format!("{}：{}", tr(lang, "应享受", "Entitled to"), lang.zh(&r.entitled)) }</span> }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <nav class="nav">
                        if s.offset > 0 {
                            <button type="button" class="secondary" onclick={show(s.filter.clone(), s.sort.clone(), s.offset.saturating_sub(PAGE))}>{ t(Msg::Back) }</button>
                        }
                        <span class="help">{ format!("{}—{} / {}", s.offset + 1, s.offset + s.rows.len(), s.matching) }</span>
                        if s.offset + PAGE < s.matching {
                            <button type="button" onclick={show(s.filter.clone(), s.sort.clone(), s.offset + PAGE)}>{ t(Msg::Next) }</button>
                        }
                    </nav>
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_kinds_offered_are_the_kinds_the_worker_reads() {
        let offered: Vec<&str> = super::KINDS.iter().map(|(k, _)| *k).collect();
        let read: Vec<&str> = zhuxue_roster::ListKind::ALL.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(offered, read);
        for ((_, label), (_, _, short)) in super::KINDS.iter().zip(zhuxue_roster::ListKind::ALL) {
            assert!(label.starts_with(short), "{label} / {short}");
        }
    }

    fn file(name: &str) -> super::Loaded {
        super::Loaded { name: name.into(), bytes: std::rc::Rc::new(vec![1, 2, 3]) }
    }

    #[test]
    fn dropped_files_are_placed_by_their_names() {
        use super::kind_from_name as kind;
        assert_eq!(kind("农村低保数据库2019.7.xlsx"), Some("dibao"));
        assert_eq!(kind("比对结果-2026-03-02-规则2026.11.23.xlsx"), Some("previous"));
        assert_eq!(kind("城乡特困供养人员.csv"), Some("tekun"));
        assert_eq!(kind("脱贫户名单（2025）.xlsx"), Some("lifted_out"));
        assert_eq!(kind("防返贫监测对象.xlsx"), Some("monitored"));
        assert_eq!(kind("持证残疾人.csv"), Some("disabled"));
        assert_eq!(kind("孤儿及事实无人抚养儿童.xlsx"), Some("orphan"));
        assert_eq!(kind("低收入人口.xlsx"), Some("low_income"));
        // A payment list names its pupils' group too: it is still a payment list.
        assert_eq!(kind("雨露计划资助发放名单（低保户）.xlsx"), Some("paid"));
        // Traditional characters.
        assert_eq!(kind("脫貧戶名單.xlsx"), Some("lifted_out"));
        assert_eq!(kind("2025秋季学生名册.xlsx"), None);
        assert_eq!(kind("名单1.xlsx"), None);

        let mut s = super::DeskState { list_kind: "dibao".into(), ..Default::default() };
        super::assign(
            &mut s,
            vec![file("脱贫户名单.xlsx"), file("2025秋季学生名册.xlsx"), file("低保.csv")],
        );
        assert_eq!(s.roster.as_ref().map(|r| r.name.as_str()), Some("2025秋季学生名册.xlsx"));
        let lists: Vec<(&str, &str)> =
            s.lists.iter().map(|(k, l)| (k.as_str(), l.name.as_str())).collect();
        assert_eq!(lists, [("lifted_out", "脱贫户名单.xlsx"), ("dibao", "低保.csv")]);
        assert_eq!(
            s.dropped.as_deref(),
            Some("已放入 脱贫户：脱贫户名单.xlsx；名册：2025秋季学生名册.xlsx；低保：低保.csv。类别按文件名判断，可在下面更改。")
        );

        // One file saying nothing, no roster yet: the roster. With a roster chosen: a list of
        // the selected kind, said so.
        let mut s = super::DeskState { list_kind: "tekun".into(), ..Default::default() };
        super::assign(&mut s, vec![file("一年级.xlsx")]);
        assert_eq!(s.roster.as_ref().map(|r| r.name.as_str()), Some("一年级.xlsx"));
        assert!(s.lists.is_empty());
        super::assign(&mut s, vec![file("名单1.xlsx")]);
        assert_eq!(s.roster.as_ref().map(|r| r.name.as_str()), Some("一年级.xlsx"));
        assert_eq!(s.lists[0].0, "tekun");
        assert_eq!(
            s.dropped.as_deref(),
            Some("已放入 特困：名单1.xlsx（文件名看不出类别，按当前选择添加，请核对）。类别按文件名判断，可在下面更改。")
        );
    }
}
