//! The officer desk's worker: holds the roster check off the page's thread, so the page stays
//! responsive, and keeps the report here (the page asks for one page of rows at a time, and
//! for the export files). Messages in (plain JS objects):
//!
//! - `{type: "check", roster: Uint8Array, lists: [{kind, bytes}], asOf: "YYYY-MM-DD",
//!   mapping: [[column header, header name | "" (not read)]]}`
//! - `{type: "page", flag: "" | flag label, sort: "line" | "severity", offset, limit}`
//! - `{type: "export", format: "csv" | "xlsx"}`
//! - `{type: "selfcheck"}`: runs the reference cases → `{type: "selfcheck", total, passed,
//!   failures, version, verified}`
//!
//! and out: `{type: "progress", stage: decoding | reading | lists | matching | checking, done,
//! total}`, `{type: "done", summary, counts: [[label, n]] (a flag's label, and 与上学期相比有变化 with last term's check),
//! total, format, lists, headers, columns: [[column, index | null, required]]}`, `{type: "page", rows: [{line, flag, name, id, detail, entitled}],
//! matching}`, `{type: "file", bytes, name}`, `{type: "error", message}`. Cancelling is the page
//! terminating the worker. Nothing here touches the network or storage.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use zhuxue_roster::columns::Column;
    use zhuxue_roster::table::Progress;
    use zhuxue_roster::{export, Flag, ListKind, MapTo, Options, Report};

    thread_local! {
        static REPORT: RefCell<Option<(Report, String)>> = const { RefCell::new(None) };
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
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

    fn post(message: &JsValue) {
        let _ = scope().post_message(message);
    }

    fn error(message: &str) {
        post(&object(&[("type", "error".into()), ("message", message.into())]));
    }

    fn bytes(v: &JsValue) -> Vec<u8> {
        Uint8Array::new(v).to_vec()
    }

    fn on_message(event: MessageEvent) {
        let data = event.data();
        match get(&data, "type").as_string().as_deref() {
            Some("check") => run_check(&data),
            Some("page") => page(&data),
            Some("export") => export_file(&data),
            Some("selfcheck") => self_check(),
            _ => error("未知的请求"),
        }
    }

    fn run_check(data: &JsValue) {
        let Some(as_of) =
            get(data, "asOf").as_string().and_then(|d| zhuxue_engine::date::Date::parse(&d))
        else {
            return error("评估日期无效，应为 YYYY-MM-DD");
        };
        let roster = bytes(&get(data, "roster"));
        let mut lists = Vec::new();
        for item in Array::from(&get(data, "lists")).iter() {
            let kind = get(&item, "kind").as_string().and_then(|k| ListKind::parse(&k));
            if let Some(kind) = kind {
                lists.push((kind, bytes(&get(&item, "bytes"))));
            }
        }
        // Column choices the officer made: [[column, header name ("" = not read)]].
        let mut mapping = Vec::new();
        for pair in Array::from(&get(data, "mapping")).iter() {
            let pair = Array::from(&pair);
            let column = pair.get(0).as_string().unwrap_or_default();
            let Some(column) = Column::ALL.into_iter().find(|c| c.header() == column) else {
                continue;
            };
            let to = match pair.get(1).as_string() {
                Some(h) if h.is_empty() => MapTo::Nothing,
                Some(h) => MapTo::Header(h),
                None => continue,
            };
            mapping.push((column, to));
        }
        let options = Options { as_of, mapping };
        // Progress when a step changes, and within a step at most every 100 ms of work.
        let mut last = (js_sys::Date::now(), "");
        let mut progress = |p: Progress| {
            let (stage, done, total) = match p {
                Progress::Decoding { done, of } => ("decoding", done, of),
                Progress::Opening { done, of } => ("opening", done, of),
                Progress::Reading { rows } => ("reading", rows, 0),
                Progress::Lists { done, of } => ("lists", done, of),
                Progress::Matching { done, of } => ("matching", done, of),
                Progress::Checking { done, of } => ("checking", done, of),
            };
            let now = js_sys::Date::now();
            // A step's end is always shown (the bar reaches 100 % before the results come).
            if now - last.0 >= 100.0 || stage != last.1 || (total > 0 && done >= total) {
                last = (now, stage);
                post(&object(&[
                    ("type", "progress".into()),
                    ("stage", stage.into()),
                    ("done", (done as f64).into()),
                    ("total", (total as f64).into()),
                ]));
            }
        };
        match zhuxue_roster::check_with_progress(&roster, &lists, &options, &mut progress) {
            Ok(report) => {
                let counts = Array::new();
                for (flag, n) in &report.counts {
                    counts.push(&Array::of2(&flag.label().into(), &(*n as f64).into()));
                }
                // With last term's check: the rows that changed since, as one more filter.
                if report.lists.iter().any(|l| l.kind == zhuxue_roster::ListKind::Previous) {
                    let n = report.rows.iter().filter(|r| r.changed).count();
                    counts.push(&Array::of2(&CHANGED.into(), &(n as f64).into()));
                }
                let list_info = Array::new();
                for list in &report.lists {
                    list_info.push(&JsValue::from_str(&list.summary()));
                }
                // The header row and which header each column was read from, so the officer
                // can correct it.
                let headers = Array::new();
                for h in &report.headers {
                    headers.push(&JsValue::from_str(h));
                }
                let columns = Array::new();
                for c in Column::ALL {
                    let index = report.mapping.get(c).map_or(JsValue::NULL, |i| (i as f64).into());
                    columns.push(&Array::of3(&c.header().into(), &index, &c.required().into()));
                }
                // The first page (100 rows in file order, as the page shows them) comes with
                // the summary: summary and table appear together.
                let (rows, matching) = page_rows(&report, "", false, 0, 100);
                post(&object(&[
                    ("type", "done".into()),
                    ("rows", rows.into()),
                    ("matching", (matching as f64).into()),
                    ("summary", report.summary().into()),
                    ("counts", counts.into()),
                    ("total", (report.rows.len() as f64).into()),
                    ("format", report.format.label().into()),
                    ("lists", list_info.into()),
                    ("headers", headers.into()),
                    ("columns", columns.into()),
                ]));
                REPORT.with(|r| *r.borrow_mut() = Some((report, as_of.to_string())));
            }
            Err(e) => error(&e),
        }
    }

    /// The filter for the rows that changed since last term's check.
    const CHANGED: &str = "与上学期相比有变化";

    /// Rows of one page of the results (filtered by flag, in file order or by seriousness),
    /// and how many rows match the filter.
    fn page_rows(
        report: &Report,
        flag: &str,
        severity: bool,
        offset: usize,
        limit: usize,
    ) -> (Array, usize) {
        let name_col = report.mapping.get(zhuxue_roster::columns::Column::Name);
        let mut matching: Vec<&zhuxue_roster::check::RowResult> = report
            .rows
            .iter()
            .filter(|row| {
                flag.is_empty() || row.flag.label() == flag || flag == CHANGED && row.changed
            })
            .collect();
        if severity {
            matching.sort_by_key(|row| (row.flag, row.line));
        }
        let rows = Array::new();
        for row in matching.iter().skip(offset).take(limit) {
            let name = name_col.and_then(|c| row.cells.get(c)).cloned().unwrap_or_default();
            // ID numbers are masked on screen; only the export carries them in full.
            let id = row.id.as_ref().map_or_else(|| "（无效）".to_string(), |id| id.masked());
            rows.push(&object(&[
                ("line", (row.line as f64).into()),
                ("flag", row.flag.label().into()),
                (
                    "severity",
                    (Flag::ALL.iter().position(|f| *f == row.flag).unwrap_or(0) as f64).into(),
                ),
                ("name", name.into()),
                ("id", id.into()),
                ("detail", row.detail.clone().into()),
                ("entitled", row.entitled.clone().into()),
            ]));
        }
        (rows, matching.len())
    }

    fn page(data: &JsValue) {
        let flag = get(data, "flag").as_string().unwrap_or_default();
        let offset = get(data, "offset").as_f64().unwrap_or(0.0) as usize;
        let limit = get(data, "limit").as_f64().unwrap_or(100.0) as usize;
        let severity = get(data, "sort").as_string().as_deref() == Some("severity");
        REPORT.with(|r| {
            let r = r.borrow();
            let Some((report, _)) = r.as_ref() else { return error("还没有比对结果") };
            let (rows, matching) = page_rows(report, &flag, severity, offset, limit);
            post(&object(&[
                ("type", "page".into()),
                ("rows", rows.into()),
                ("matching", (matching as f64).into()),
                ("offset", (offset as f64).into()),
            ]));
        });
    }

    fn export_file(data: &JsValue) {
        let format = get(data, "format").as_string().unwrap_or_default();
        REPORT.with(|r| {
            let r = r.borrow();
            let Some((report, as_of)) = r.as_ref() else { return error("还没有比对结果") };
            let version = zhuxue_engine::rules_info().version;
            let (bytes, ext) = if format == "xlsx" {
                match export::xlsx(report) {
                    Ok(b) => (b, "xlsx"),
                    Err(e) => return error(&e),
                }
            } else {
                (export::csv(report), "csv")
            };
            let name = format!("比对结果-{as_of}-规则{version}.{ext}");
            post(&object(&[
                ("type", "file".into()),
                ("bytes", Uint8Array::from(bytes.as_slice()).into()),
                ("name", name.into()),
            ]));
        });
    }

    /// Runs the project's reference cases (the same as `cargo test`) in this browser.
    fn self_check() {
        let result = zhuxue_engine::reference::run();
        let failures = Array::new();
        for f in &result.failures {
            failures.push(&JsValue::from_str(f));
        }
        let info = zhuxue_engine::rules_info();
        post(&object(&[
            ("type", "selfcheck".into()),
            ("total", (result.total as f64).into()),
            ("passed", ((result.total - result.failures.len()) as f64).into()),
            ("failures", failures.into()),
            ("version", info.version.into()),
            ("verified", info.verified_on.to_string().into()),
        ]));
    }

    pub fn start() {
        let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
        scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        post(&object(&[("type", "ready".into())]));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
