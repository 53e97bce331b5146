//! The 比对 itself: every roster row becomes a case (the row's own columns, plus the statuses
//! the department lists give for its ID number), is assessed, and is compared with the aid
//! the roster says was paid. Each row gets exactly one flag (the most serious), with every
//! finding in its detail; rows that cannot be assessed keep their place, with the column and
//! the reason.

use std::collections::HashMap;

use serde_json::{json, Map, Value};
use zhuxue_engine::assessment::{Assessment, Form, Level, Outcome};
use zhuxue_engine::date::{Date, Season, Term};

use crate::columns::{self, Column, Mapping};
use crate::id::{self, IdNumber};
use crate::table::{self, Format, Progress};

/// A department list: which kind of list it is (it gives the status when its own category
/// column does not say), and its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    Dibao,
    Tekun,
    LiftedOut,
    Monitored,
    Disabled,
    Orphan,
    LowIncome,
    /// 资助发放名单: aid another place (or program office) paid, by ID: 资助项目 and, when
    /// known, 发放地. It gives no status; it tells what was paid and by whom.
    Paid,
    /// 上学期比对结果: this tool's export of the last term's check (or any table with an ID
    /// and an 应享受资助 column). It gives no status; each row's 说明 says what changed.
    Previous,
}

impl ListKind {
    pub const ALL: [(&'static str, ListKind, &'static str); 9] = [
        ("dibao", ListKind::Dibao, "低保"),
        ("tekun", ListKind::Tekun, "特困"),
        ("lifted_out", ListKind::LiftedOut, "脱贫户"),
        ("monitored", ListKind::Monitored, "防返贫监测对象"),
        ("disabled", ListKind::Disabled, "残疾"),
        ("orphan", ListKind::Orphan, "孤儿"),
        ("low_income", ListKind::LowIncome, "低收入"),
        ("paid", ListKind::Paid, "资助发放"),
        ("previous", ListKind::Previous, "上学期比对结果"),
    ];

    pub fn parse(name: &str) -> Option<ListKind> {
        ListKind::ALL.iter().find(|(n, _, _)| *n == name).map(|(_, k, _)| *k)
    }

    fn status(self) -> &'static str {
        match self {
            ListKind::Dibao => "dibao",
            ListKind::Tekun => "tekun",
            ListKind::LiftedOut => "lifted_out",
            ListKind::Monitored => "monitored",
            ListKind::Disabled => "disabled",
            ListKind::Orphan => "orphan",
            ListKind::LowIncome => "low_income",
            ListKind::Paid | ListKind::Previous => "",
        }
    }

    pub fn label(self) -> &'static str {
        ListKind::ALL.iter().find(|(_, k, _)| *k == self).map_or("", |(_, _, l)| l)
    }

    /// The list as messages name it: 「低保名单」, 「上学期比对结果」.
    fn list_name(self) -> String {
        match self {
            ListKind::Previous => self.label().to_string(),
            kind => format!("{}名单", kind.label()),
        }
    }
}

/// One row's verdict; the order is the order of seriousness (the first that applies is the
/// row's flag).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// 无法评估: the row cannot be read (the column and reason are in the detail).
    Invalid,
    /// 重复资助: the same student twice in the roster, or aid that excludes other aid paid.
    Double,
    /// 不符合条件却已资助: paid, but the rules do not give it (with the failing criterion).
    PaidNotEntitled,
    /// 应助未助: entitled, not paid.
    Missed,
    /// 待核实: one more fact would decide it (which, in the detail).
    NeedsInfo,
    /// 一致.
    Ok,
}

impl Flag {
    pub const ALL: [Flag; 6] = [
        Flag::Invalid,
        Flag::Double,
        Flag::PaidNotEntitled,
        Flag::Missed,
        Flag::NeedsInfo,
        Flag::Ok,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Flag::Invalid => "无法评估",
            Flag::Double => "重复资助",
            Flag::PaidNotEntitled => "不符合条件却已资助",
            Flag::Missed => "应助未助",
            Flag::NeedsInfo => "待核实",
            Flag::Ok => "一致",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub as_of: Date,
    /// Column choices the officer made (they win over the automatic mapping).
    pub mapping: Vec<(Column, MapTo)>,
}

/// Where the officer says a column is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapTo {
    /// The table column at this index.
    Index(usize),
    /// The column with this header (ignored when the roster has no such header, so a choice
    /// remembered from another file does no harm).
    Header(String),
    /// Not read at all.
    Nothing,
}

/// The result of one roster row.
#[derive(Clone, Debug)]
pub struct RowResult {
    /// Line in the roster file.
    pub line: usize,
    /// The row's cells as read (nothing the officer entered is lost).
    pub cells: Vec<String>,
    pub flag: Flag,
    /// Every finding, in Chinese, separated by 「；」.
    pub detail: String,
    /// Programs the rules give (eligible), by name, with the yearly amount where known.
    pub entitled: String,
    /// The normalised ID, when valid.
    pub id: Option<IdNumber>,
    /// With last term's check given: whether 说明 says something changed since.
    pub changed: bool,
}

#[derive(Clone, Debug)]
pub struct Report {
    pub headers: Vec<String>,
    pub rows: Vec<RowResult>,
    pub format: Format,
    pub mapping: Mapping,
    /// The lists read, in the order given.
    pub lists: Vec<ListRead>,
    pub counts: Vec<(Flag, usize)>,
}

/// One department list as read: its rows, the rows whose ID number was refused, and the first
/// of those with its reason (a list whose ID column Excel turned into numbers refuses every
/// row, and the officer must see why).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRead {
    pub kind: ListKind,
    pub rows: usize,
    pub refused: usize,
    pub first_refused: Option<String>,
    /// For last term's check: what changed since (「本学期新增享受资助 3 人…」).
    pub changes: Option<String>,
}

impl ListRead {
    /// 「低保名单 600 行（身份证号无效 1 行，如第 3 行：身份证号校验位错误…）」.
    pub fn summary(&self) -> String {
        let mut s =
            format!("{} {} 行（身份证号无效 {} 行", self.kind.list_name(), self.rows, self.refused);
        if let Some(first) = &self.first_refused {
            s.push_str(&format!("，如{first}"));
        }
        s.push('）');
        if let Some(changes) = &self.changes {
            s.push_str(&format!("：{changes}"));
        }
        s
    }
}

impl Report {
    /// 「共 10000 行：应助未助 12，重复资助 3，…」.
    pub fn summary(&self) -> String {
        let parts: Vec<String> =
            self.counts.iter().map(|(f, n)| format!("{} {n}", f.label())).collect();
        format!("共 {} 行：{}", self.rows.len(), parts.join("，"))
    }
}

/// One status a list or the roster gives: the kind, the area it names (农村低保), its start.
#[derive(Clone)]
struct Listed {
    kind: &'static str,
    area: Option<&'static str>,
    from: Option<String>,
    /// The list says the status has ended: 风险已消除 (a monitored household) or 不享受政策,
    /// on a date if it gives one.
    ended: Option<Option<Date>>,
}

/// One row of a 资助发放名单: the aid names as written (resolved per student, since
/// 国家助学金 depends on the stage) and the paying place as written.
#[derive(Clone)]
struct PaidElsewhere {
    programs: String,
    place: Option<String>,
    /// The terms the payment was for, when the list says (发放学期, 学年, 发放时间); a payment
    /// for another term than the check's is history, neither paid now nor paid twice.
    terms: Option<Vec<Term>>,
    /// Which payment list (1-based, in the order given) — named in the finding.
    list: usize,
}

/// Statuses from the department lists, by ID number, and aid recorded in payment lists.
#[derive(Default)]
struct Lists {
    by_id: HashMap<IdNumber, Vec<Listed>>,
    paid: HashMap<IdNumber, Vec<PaidElsewhere>>,
    /// Last term's 应享受资助, by ID: the programs' names.
    previous: HashMap<IdNumber, Vec<String>>,
}

/// A department or payment list as read for its ID column: the table, its headers normalised,
/// and where the ID is.
struct ListTable {
    table: table::Table,
    headers: Vec<String>,
    /// The columns a row's ID numbers are read from: one (身份证号), or several when a list
    /// gives each household one row (户主身份证号, 成员1身份证号, 成员2身份证号 …).
    id_cols: Vec<usize>,
}

/// Who a department list's ID columns must name.
#[derive(Clone, Copy)]
enum Ids {
    /// The household's members: a status belongs to everyone in the household, so the head's
    /// and every member's number count (not a guardian's or a contact's).
    Household,
    /// The student alone (a payment list).
    Student,
}

impl ListTable {
    fn read(bytes: &[u8], ids: Ids) -> Result<ListTable, String> {
        let names_id = columns::names_id;
        // The header names an ID column among others (a title row above it is one cell, even
        // if it says 身份证号).
        let is_header = |r: &[String]| {
            r.iter().filter(|c| !c.trim().is_empty()).count() >= 2
                && r.iter().any(|h| names_id(&columns::normalise_header(h)))
        };
        let (table, _) = table::read(bytes, is_header)?;
        let headers: Vec<String> =
            table.headers.iter().map(|h| columns::normalise_header(h)).collect();
        let counts = |h: &str| match ids {
            Ids::Student => !columns::names_someone_else(h),
            Ids::Household => !columns::names_someone_outside_the_household(h),
        };
        let id_cols: Vec<usize> =
            (0..headers.len()).filter(|i| names_id(&headers[*i]) && counts(&headers[*i])).collect();
        if id_cols.is_empty() {
            return Err(match headers.iter().find(|h| names_id(h)) {
                Some(h) => format!("找不到学生本人的身份证号列（“{h}”是别人的）"),
                None => "找不到身份证号列（如“身份证号”）".to_string(),
            });
        }
        if id_cols.iter().all(|i| headers[*i].contains("户主")) {
            return Err(format!(
                "名单只有“{}”列：学生不是户主时找不到。请使用列出每位家庭成员及其身份证号的名单",
                headers[id_cols[0]]
            ));
        }
        Ok(ListTable { table, headers, id_cols })
    }

    /// Another column, by a word in its header; never an ID column (「身份证号」 names a 身份
    /// too).
    fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.column_where(|h| h.contains(n)))
    }

    fn column_where(&self, test: impl Fn(&str) -> bool) -> Option<usize> {
        (0..self.headers.len()).find(|i| !self.id_cols.contains(i) && test(&self.headers[*i]))
    }

    /// Calls `each` with every valid ID number of every non-empty row; returns (non-empty
    /// rows, rows with an ID number refused or none at all, the first of those: 「第 N 行：
    /// reason」). An empty member cell of a household row is no error; a refused one is, though
    /// the row's other numbers count (the refused one may be the student's).
    fn each_row(&self, mut each: impl FnMut(IdNumber, &table::Row)) -> Counted {
        let (mut n, mut bad, mut first) = (0, 0, None);
        for row in self.table.rows.iter().filter(|r| !r.is_empty()) {
            n += 1;
            let cells: Vec<&str> = self
                .id_cols
                .iter()
                .map(|c| row.cells.get(*c).map_or("", String::as_str))
                .filter(|c| !c.trim().is_empty())
                .collect();
            let mut error = None;
            let mut found: Vec<IdNumber> = Vec::new();
            for cell in if cells.is_empty() { vec![""] } else { cells } {
                match id::parse(cell) {
                    Ok(id) if !found.contains(&id) => found.push(id),
                    Ok(_) => {}
                    Err(e) => error = error.or(Some(e)),
                }
            }
            // (No number found means at least one was refused, or the cells were empty.)
            if let Some(error) = error {
                bad += 1;
                if first.is_none() {
                    first = Some(format!("第 {} 行：{error}", row.line));
                }
            }
            for id in found {
                each(id, row);
            }
        }
        (n, bad, first)
    }
}

/// Reads a 资助发放名单: an ID column and a 资助项目 column (required), a 发放地 column
/// (optional).
/// (rows, rows refused, the first refused with its reason).
type Counted = (usize, usize, Option<String>);

fn read_paid_list(bytes: &[u8], list: usize, lists: &mut Lists) -> Result<Counted, String> {
    let t = ListTable::read(bytes, Ids::Student)?;
    let program_col = t
        .column(&["资助项目", "项目名称", "资助类型", "项目"])
        .ok_or_else(|| "找不到资助项目列（如“资助项目”）".to_string())?;
    let place_col = t.column(&["发放地", "发放单位", "发放区县", "资助地", "发放县"]);
    let term_col = t.column(&["学期", "学年", "发放时间", "发放日期", "发放年月", "发放月份"]);
    Ok(t.each_row(|id, row| {
        let programs = row.cells.get(program_col).map_or("", |s| s.trim()).to_string();
        if programs.is_empty() {
            return;
        }
        let place = place_col
            .and_then(|c| row.cells.get(c))
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        let terms = term_col.and_then(|c| row.cells.get(c)).and_then(|t| named_terms(t));
        lists.paid.entry(id).or_default().push(PaidElsewhere { programs, place, terms, list });
    }))
}

/// Reads last term's check: an ID column and its 应享受资助 column.
fn read_previous(bytes: &[u8], lists: &mut Lists) -> Result<Counted, String> {
    let t = ListTable::read(bytes, Ids::Student)?;
    let col = t.column(&["应享受资助"]).ok_or_else(|| {
        "找不到“应享受资助”列：请选择本工具上学期导出的比对结果（Excel 或 CSV）".to_string()
    })?;
    Ok(t.each_row(|id, row| {
        let names = entitled_names(row.cells.get(col).map_or("", String::as_str));
        lists.previous.entry(id).or_default().extend(names);
    }))
}

/// The program names in an 应享受资助 cell: 「家庭经济困难寄宿生生活补助（每年1500元）、…」 →
/// the names, without the amounts and notes in brackets.
fn entitled_names(cell: &str) -> Vec<String> {
    let mut names = Vec::new();
    let (mut name, mut depth) = (String::new(), 0u32);
    for c in cell.chars().chain(['、']) {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' if depth == 0 => {
                let n = name.trim().to_string();
                if !n.is_empty() && !names.contains(&n) {
                    names.push(n);
                }
                name.clear();
            }
            c if depth == 0 => name.push(c),
            _ => {}
        }
    }
    names
}

/// Adds to each row's 说明 what changed since last term's check, and returns the summary:
/// 「本学期新增享受资助 3 人，不再享受 1 人，上学期没有的学生 2 人，已不在名册 1 人」.
fn compare_with_previous(
    rows: &mut [RowResult],
    previous: &HashMap<IdNumber, Vec<String>>,
) -> String {
    let (mut gained, mut lost, mut new_students) = (0, 0, 0);
    for row in rows.iter_mut() {
        // A row this term's check cannot read says nothing of change (its error says why).
        let Some(id) = row.id.as_ref().filter(|_| row.flag != Flag::Invalid) else { continue };
        let now = entitled_names(&row.entitled);
        let note = match previous.get(id) {
            None => {
                new_students += 1;
                "上学期比对结果中没有此人（新转入或新录入）".to_string()
            }
            Some(before) => {
                let added: Vec<&str> =
                    now.iter().filter(|n| !before.contains(n)).map(String::as_str).collect();
                // Aid that waits for one more fact (「“…”还需核实」) has not stopped.
                let pending = |n: &str| row.detail.contains(&format!("“{n}”还需核实"));
                let stopped: Vec<&str> = before
                    .iter()
                    .filter(|n| !now.contains(n) && !pending(n))
                    .map(String::as_str)
                    .collect();
                gained += usize::from(!added.is_empty());
                lost += usize::from(!stopped.is_empty());
                let mut parts = Vec::new();
                if !added.is_empty() {
                    parts.push(format!("新增 {}", added.join("、")));
                }
                if !stopped.is_empty() {
                    parts.push(format!("不再享受 {}", stopped.join("、")));
                }
                if parts.is_empty() {
                    continue;
                }
                format!("与上学期相比：{}", parts.join("；"))
            }
        };
        row.detail = if row.detail.is_empty() { note } else { format!("{}；{note}", row.detail) };
        row.changed = true;
    }
    let here: std::collections::HashSet<&IdNumber> =
        rows.iter().filter_map(|r| r.id.as_ref()).collect();
    let left = previous.keys().filter(|id| !here.contains(id)).count();
    format!(
        "本学期新增享受资助 {gained} 人，不再享受 {lost} 人，上学期没有的学生 {new_students} 人，已不在名册 {left} 人"
    )
}

/// A paying place as a payment list writes it: a county (as in the roster), or a province or
/// prefecture by code or name (甘肃省, 定西市). `None` when it is none of these (then the text
/// itself names the payer).
fn payer_place(text: &str) -> Option<u32> {
    if let Ok(code) = columns::region(text) {
        return Some(code);
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Ok(code) = t.parse::<u32>() {
        return zhuxue_engine::regions::lookup(code).map(|r| r.code);
    }
    zhuxue_engine::regions::provinces()
        .into_iter()
        .flat_map(|p| {
            let mut v = zhuxue_engine::regions::children(p.code);
            v.push(p);
            v
        })
        .find(|r| r.name == t || zhuxue_engine::regions::full_name(r.code) == t)
        .map(|r| r.code)
}

/// Who paid one aid: the place (as a region when it is one, else as written) and how the
/// finding names it.
#[derive(Clone)]
struct Payer {
    code: Option<u32>,
    place: Option<String>,
    label: String,
}

impl Payer {
    /// Whether two payers are different places: one region containing the other (a province
    /// pays through its counties) is the same payer; a payer without a place is never
    /// "different" (the list may record the roster's own payment).
    fn differs(&self, other: &Payer) -> bool {
        let within = |outer: u32, inner: u32| {
            outer == inner
                || (outer % 10_000 == 0 && outer / 10_000 == inner / 10_000)
                || (outer % 100 == 0 && outer / 100 == inner / 100)
        };
        match (self.code, other.code, &self.place, &other.place) {
            (Some(x), Some(y), _, _) => !within(x, y) && !within(y, x),
            (_, _, Some(a), Some(b)) => a != b,
            _ => false,
        }
    }
}

/// Reads a department list: an ID column (required), optionally a category column (its value
/// decides the status, and 「…(不享受政策)」 / 「…(风险已消除)」 give none) and a date column
/// (认定日期, the status's start).
fn read_list(kind: ListKind, bytes: &[u8], lists: &mut Lists) -> Result<Counted, String> {
    // (The caller names the list: 「低保名单：找不到身份证号列…」.)
    let t = ListTable::read(bytes, Ids::Household)?;
    let cat_col = t.column(&["类别", "人员类型", "贫困类型", "身份类型", "类型", "属性"]);
    let date_col = t.column(&["认定日期", "认定时间", "纳入时间", "开始日期"]);
    // Whether the status still holds, in a column of its own (监测对象's 风险是否消除, 脱贫户's
    // 是否享受政策), and the day it ended (风险消除时间).
    let dated = |h: &str| h.contains("时间") || h.contains("日期");
    let ended_col = t.column_where(|h| h.contains("消除") && !dated(h));
    let ended_on_col = t.column_where(|h| h.contains("消除") && dated(h));
    let enjoys_col = t.column_where(|h| h.contains("享受政策"));
    Ok(t.each_row(|id, row| {
        let text = |c: Option<usize>| c.and_then(|c| row.cells.get(c)).map_or("", |t| t.trim());
        let ended_on = parse_date(text(ended_on_col));
        let eliminated = match columns::clean(text(ended_col)).as_str() {
            "是" | "已消除" | "风险已消除" | "√" | "✓" | "Y" | "y" => true,
            "否" | "未消除" | "风险未消除" => false,
            _ => ended_on.is_some(),
        };
        let enjoys_not =
            matches!(columns::clean(text(enjoys_col)).as_str(), "否" | "不享受" | "不享受政策");
        let ended = (eliminated || enjoys_not).then_some(ended_on);
        let category = match cat_col.and_then(|c| row.cells.get(c)) {
            Some(text) if !text.trim().is_empty() => match columns::category(text) {
                Ok(c) => c,
                // An unknown value: the list's kind decides.
                Err(columns::UnknownCategory) => {
                    Some(columns::Category { kind: kind.status(), area: None })
                }
            },
            _ => Some(columns::Category { kind: kind.status(), area: None }),
        };
        if let Some(c) = category {
            let from = date_col
                .and_then(|c| row.cells.get(c))
                .and_then(|d| parse_date(d))
                .map(|d| d.to_string());
            let listed = Listed { kind: c.kind, area: c.area, from, ended };
            lists.by_id.entry(id).or_default().push(listed);
        }
    }))
}

/// The school terms a payment list's cell names: 2025年秋季学期, 2025秋, 2025-2026学年第一学期
/// (autumn) or 第二学期 (spring), a whole 学年 (both), or a payment date or month (2025-10-15,
/// 2025年9月, 202509). `None` when it names none of these.
fn named_terms(text: &str) -> Option<Vec<Term>> {
    let t = columns::clean(text);
    let numbers: Vec<&str> =
        t.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    // The year leads the first number (2025, 202509, 20251015).
    let year: u16 = numbers.first().filter(|n| matches!(n.len(), 4 | 6 | 8))?[..4].parse().ok()?;
    let autumn = |start_year| Term { start_year, season: Season::Autumn };
    let spring = |start_year| Term { start_year, season: Season::Spring };
    if t.contains("学年") {
        // Named by the year it starts in (2025-2026学年, 2025学年).
        return Some(if t.contains("第一学期") || t.contains("上学期") || t.contains('秋') {
            vec![autumn(year)]
        } else if t.contains("第二学期") || t.contains("下学期") || t.contains('春') {
            vec![spring(year)]
        } else {
            vec![autumn(year), spring(year)]
        });
    }
    if t.contains('秋') {
        return Some(vec![autumn(year)]);
    }
    if t.contains('春') {
        return Some(vec![spring(year.checked_sub(1)?)]);
    }
    if let Some(d) = parse_date(&t) {
        return Some(vec![d.term()]);
    }
    // A month: 2025年9月, 2025-09, 202509.
    let (y, m) = match numbers.as_slice() {
        [ym] if ym.len() == 6 => (&ym[..4], &ym[4..]),
        [y, m] => (*y, *m),
        _ => return None,
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, 1).map(|d| vec![d.term()])
}

/// A status kind's Chinese name (最低生活保障家庭, 防止返贫监测对象 …).
fn status_label(kind: &str) -> &str {
    zhuxue_engine::case::StatusKind::ALL
        .iter()
        .find(|(name, _, _)| *name == kind)
        .map_or(kind, |(_, _, label)| label)
}

/// `2023-05-10`, `2023/5/10`, `2023.5.10`, `2023年5月10日`, `20230510`.
fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let digits: Vec<&str> =
        t.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    let (y, m, d) = match digits.as_slice() {
        [ymd] if ymd.len() == 8 => (&ymd[..4], &ymd[4..6], &ymd[6..]),
        [y, m, d, ..] => (*y, *m, *d),
        _ => return None,
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn roster_header(r: &[String]) -> bool {
    let m = Mapping::auto(r);
    (m.get(Column::Id).is_some() || m.get(Column::StudentNo).is_some())
        && (m.get(Column::Stage).is_some() || m.get(Column::Grade).is_some())
}

/// The roster's header row as the check finds it (for choosing columns by header).
pub fn headers(roster: &[u8]) -> Result<Vec<String>, String> {
    table::read(roster, roster_header).map(|(t, _)| t.headers)
}

/// Checks a roster against department lists.
pub fn check(
    roster: &[u8],
    lists: &[(ListKind, Vec<u8>)],
    options: &Options,
) -> Result<Report, String> {
    check_with_progress(roster, lists, options, &mut |_| {})
}

/// [`check`], reporting how far each step has got (the browser worker passes it to the
/// page, so the officer sees it move).
pub fn check_with_progress(
    roster: &[u8],
    lists: &[(ListKind, Vec<u8>)],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, String> {
    let (table, format) = table::read_with_progress(roster, roster_header, progress)?;
    let mut mapping = Mapping::auto(&table.headers);
    for (column, to) in &options.mapping {
        match to {
            MapTo::Index(i) => mapping.set(*column, Some(*i)),
            MapTo::Nothing => mapping.set(*column, None),
            MapTo::Header(h) => {
                if let Some(i) = table.headers.iter().position(|x| x.trim() == h.trim()) {
                    mapping.set(*column, Some(i));
                }
            }
        }
    }
    let missing = mapping.missing();
    let mut by_id = Lists::default();
    let mut list_counts = Vec::new();
    for (i, (kind, bytes)) in lists.iter().enumerate() {
        progress(Progress::Lists { done: i, of: lists.len() });
        let read = match kind {
            // Payment lists are numbered among themselves (发放名单1, 发放名单2 …).
            ListKind::Paid => {
                let n = lists[..=i].iter().filter(|(k, _)| *k == ListKind::Paid).count();
                read_paid_list(bytes, n, &mut by_id)
            }
            ListKind::Previous => read_previous(bytes, &mut by_id),
            _ => read_list(*kind, bytes, &mut by_id),
        };
        // With two lists of a kind, which one: 「第2个低保名单：…」.
        let nth = lists[..=i].iter().filter(|(k, _)| k == kind).count();
        let which = if lists.iter().filter(|(k, _)| k == kind).count() > 1 {
            format!("第{nth}个")
        } else {
            String::new()
        };
        let (rows, refused, first_refused) =
            read.map_err(|e| format!("{which}{}：{e}", kind.list_name()))?;
        list_counts.push(ListRead { kind: *kind, rows, refused, first_refused, changes: None });
    }
    // IDs seen more than once in the roster.
    let mut seen: HashMap<IdNumber, usize> = HashMap::new();
    let of = table.rows.len();
    let ids: Vec<Result<IdNumber, String>> = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if i % 5000 == 0 {
                progress(Progress::Matching { done: i, of });
            }
            let cell = |c: Column| mapping.get(c).and_then(|c| row.cells.get(c)).map_or("", |t| t);
            match id::parse(cell(Column::Id)) {
                // No ID number, but a 全国学籍号: for a student with a resident ID it is G and
                // the ID number.
                Err(empty) if cell(Column::Id).trim().is_empty() => {
                    let no = cell(Column::StudentNo).trim();
                    match no.strip_prefix(['G', 'g']).map(id::parse) {
                        Some(Ok(id)) => Ok(id),
                        Some(Err(e)) => Err(format!("{empty}；全国学籍号“{no}”中的{e}")),
                        None => Err(empty),
                    }
                }
                read => read,
            }
        })
        .collect();
    for id in ids.iter().flatten() {
        *seen.entry(id.clone()).or_default() += 1;
    }
    let mut run = Run {
        cache: Cache::new(),
        places: HashMap::new(),
        payers: HashMap::new(),
        mapping: &mapping,
        missing: &missing,
        lists: &by_id,
        as_of: options.as_of,
        aid_columns: columns::aid_columns(&table.headers, &mapping),
    };
    let total = table.rows.len();
    let headers = table.headers;
    let rows: Vec<RowResult> = table
        .rows
        .into_iter()
        .zip(ids)
        .enumerate()
        .map(|(i, (row, id))| {
            if i % 500 == 0 {
                progress(Progress::Checking { done: i, of: total });
            }
            let mut result = assess_row(&mut run, &row, &id);
            // The row's cells move into the result: the roster is held once.
            result.cells = row.cells;
            if let Ok(id) = &id {
                let times = seen.get(id).copied().unwrap_or(0);
                if times > 1 {
                    result.flag = result.flag.min(Flag::Double);
                    result.detail =
                        join(&format!("同一身份证号在名册中出现{times}次"), &result.detail);
                }
            }
            result.id = id.ok();
            result
        })
        .collect();
    progress(Progress::Checking { done: total, of: total });
    let mut rows = rows;
    if lists.iter().any(|(k, _)| *k == ListKind::Previous) {
        let changes = compare_with_previous(&mut rows, &by_id.previous);
        if let Some(read) = list_counts.iter_mut().find(|l| l.kind == ListKind::Previous) {
            read.changes = Some(changes);
        }
    }
    let counts =
        Flag::ALL.iter().map(|f| (*f, rows.iter().filter(|r| r.flag == *f).count())).collect();
    Ok(Report { headers, rows, format, mapping, lists: list_counts, counts })
}

fn join(first: &str, rest: &str) -> String {
    if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first}；{rest}")
    }
}

fn invalid(row: &table::Row, detail: String) -> RowResult {
    RowResult {
        line: row.line,
        cells: Vec::new(),
        flag: Flag::Invalid,
        detail,
        entitled: String::new(),
        id: None,
        changed: false,
    }
}

/// The programs a school's records track (paid to or for the student): cash and targeted
/// waivers. Universal provision (免学杂费 for all, textbooks, the meal, the green channel) is
/// not compared.
fn tracked(program: &str, form: Form, level: Option<Level>) -> bool {
    // Local programs run by a government (province, prefecture, county) are compared like
    // national ones; a foundation's or a school's are not the school's records to check.
    !matches!(level, Some(Level::Foundation | Level::School))
        && !matches!(
            program,
            "compulsory.tuition_waiver"
                | "compulsory.free_textbooks"
                | "compulsory.nutrition_meal"
                | "preschool.fee_waiver"
                | "higher.green_channel"
        )
        && matches!(form, Form::Cash | Form::Waiver)
}

/// Verdicts by the facts of a row: a roster has far fewer distinct cases than rows.
type Cache = HashMap<Facts, Result<(Flag, String, String), String>>;

/// What separates cells in a list-valued cell (家庭身份, 已享受资助项目).
const SEPARATORS: [char; 7] = ['、', ',', '，', ';', '；', '/', '|'];

/// Everything the assessment of a row depends on (and nothing else: not the name or ID).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Facts {
    stage: &'static str,
    grade: u8,
    hukou: u32,
    school: u32,
    area: Option<&'static str>,
    setting: Option<&'static str>,
    ownership: Option<&'static str>,
    boarding: Option<bool>,
    nutrition: Option<bool>,
    hardship: Option<&'static str>,
    disabled: bool,
    orphan: bool,
    admission_tier: Option<&'static str>,
    county_years: Option<u8>,
    mongolian: Option<bool>,
    statuses: Vec<(&'static str, Option<String>)>,
    paid: Vec<&'static str>,
}

impl Facts {
    /// The v1 case these facts describe.
    fn case(&self, as_of: Date) -> Value {
        let mut enrolment = Map::new();
        enrolment.insert("region".into(), json!(format!("{:06}", self.school)));
        for (key, value) in [
            ("setting", self.setting.map(Value::from)),
            ("ownership", self.ownership.map(Value::from)),
            ("boarding", self.boarding.map(Value::from)),
            ("nutrition_program", self.nutrition.map(Value::from)),
            ("mongolian_instruction", self.mongolian.map(Value::from)),
        ] {
            if let Some(v) = value {
                enrolment.insert(key.into(), v);
            }
        }
        let mut hukou = json!({ "region": format!("{:06}", self.hukou) });
        if let Some(a) = self.area {
            hukou["area"] = json!(a);
        }
        let statuses: Vec<Value> = self
            .statuses
            .iter()
            .map(|(kind, from)| match from {
                Some(f) => json!({ "kind": kind, "from": f }),
                None => json!({ "kind": kind }),
            })
            .collect();
        let mut student = json!({
            "stage": self.stage, "grade": self.grade, "enrolment": Value::Object(enrolment),
            "disabled": self.disabled, "orphan": self.orphan,
        });
        if let Some(h) = self.hardship {
            student["hardship"] = json!(h);
        }
        if let Some(t) = self.admission_tier {
            student["admission_tier"] = json!(t);
        }
        if let Some(n) = self.county_years {
            student["county_high_school_years"] = json!(n);
        }
        json!({
            "as_of": as_of.to_string(),
            "household": { "hukou": hukou, "statuses": statuses },
            "student": student,
        })
    }
}

/// What every row of one check shares: the verdicts and places read so far, the mapping, the
/// lists, the date.
struct Run<'a> {
    cache: Cache,
    /// Region cells as read (「岷县」 → 621126), so each distinct text is looked up once.
    places: HashMap<String, Result<u32, String>>,
    /// Paying places as payment lists write them.
    payers: HashMap<String, Option<u32>>,
    mapping: &'a Mapping,
    missing: &'a [Column],
    lists: &'a Lists,
    as_of: Date,
    /// Columns that each name an aid (寄宿生生活补助（元）, 营养餐): a cell with an amount or 是
    /// says it was paid. (index, the header.)
    aid_columns: Vec<(usize, String)>,
}

impl Run<'_> {
    fn place(&mut self, text: &str) -> Result<u32, String> {
        if let Some(r) = self.places.get(text) {
            return r.clone();
        }
        let r = columns::region(text);
        self.places.insert(text.to_string(), r.clone());
        r
    }

    fn payer(&mut self, text: &str) -> Option<u32> {
        if let Some(r) = self.payers.get(text) {
            return *r;
        }
        let r = payer_place(text);
        self.payers.insert(text.to_string(), r);
        r
    }
}

fn assess_row(run: &mut Run, row: &table::Row, id: &Result<IdNumber, String>) -> RowResult {
    let (mapping, missing, lists, as_of) = (run.mapping, run.missing, run.lists, run.as_of);
    if row.is_empty() {
        return invalid(row, "空行".to_string());
    }
    let cell = |c: Column| {
        mapping.get(c).and_then(|i| row.cells.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty())
    };
    // The totals line many rosters end with (「合计,10000人」): said as what it is.
    if cell(Column::Id).is_none()
        && row.cells.iter().any(|c| matches!(columns::clean(c).as_str(), "合计" | "总计" | "小计"))
    {
        return invalid(row, "合计行，不是学生".to_string());
    }
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|c| c.header()).collect();
        return invalid(row, format!("名册缺少必需的列：{}", names.join("、")));
    }
    let fail = |c: Column, why: String| invalid(row, format!("{}：{why}", c.header()));
    let id = match id {
        Ok(id) => id,
        Err(e) => return fail(Column::Id, e.clone()),
    };
    let Some((grade, grade_stage)) = cell(Column::Grade).and_then(columns::grade) else {
        return fail(
            Column::Grade,
            match cell(Column::Grade) {
                Some(text) => format!("无法识别“{text}”"),
                None => "没有填写".to_string(),
            },
        );
    };
    let stage = match (cell(Column::Stage).and_then(columns::stage), grade_stage) {
        // 学段 小学 with 七年级, 初中 with 高一: which is wrong is the officer's to say.
        (Some(s), Some(named)) if !columns::grade_fits(s, named) => {
            return fail(
                Column::Grade,
                format!(
                    "“{}”是{}的年级，与学段“{}”不一致",
                    cell(Column::Grade).unwrap_or(""),
                    zhuxue_engine::case::Stage::ALL
                        .iter()
                        .find(|(name, _, _)| *name == named)
                        .map_or(named, |(_, _, label)| label),
                    cell(Column::Stage).unwrap_or("")
                ),
            );
        }
        (Some(s), _) => s,
        (None, Some(s)) => s,
        (None, None) if mapping.get(Column::Stage).is_none() => {
            return fail(
                Column::Stage,
                format!(
                    "名册没有学段列，年级“{}”看不出学段（初一、七年级、小学三年级、高二 可以看出）：请加一列学段（小学、初中、高中 …）",
                    cell(Column::Grade).unwrap_or("")
                ),
            )
        }
        (None, None) => {
            return fail(
                Column::Stage,
                format!(
                "无法识别“{}”（填 学前、小学、初中、高中、中职、高职（专科）、本科、硕士 或 博士）",
                cell(Column::Stage).unwrap_or("")
            ),
            )
        }
    };
    let Some(hukou) = cell(Column::HukouRegion) else {
        return fail(
            Column::HukouRegion,
            "没有填写（写区县全称，如 甘肃省定西市岷县，或6位代码）".to_string(),
        );
    };
    let hukou = match run.place(hukou) {
        Ok(code) => code,
        Err(e) => return fail(Column::HukouRegion, e),
    };
    let school = match cell(Column::SchoolRegion).map(|t| run.place(t)) {
        Some(Ok(code)) => code,
        Some(Err(e)) => return fail(Column::SchoolRegion, e),
        None => hukou,
    };
    // A value the check cannot read is left unanswered and said in 说明 (never silently
    // dropped): if the rules need it, the row asks for it as well.
    let mut noted: Vec<String> = Vec::new();
    // Statuses: the roster's own 家庭身份 column and every list the ID is on.
    let mut f = Facts {
        stage,
        grade,
        hukou,
        school,
        area: read(cell, Column::HukouArea, columns::hukou_area, &mut noted),
        setting: read(cell, Column::Setting, columns::setting, &mut noted),
        ownership: read(cell, Column::Ownership, columns::ownership, &mut noted),
        boarding: None,
        nutrition: None,
        hardship: read(cell, Column::Hardship, columns::hardship, &mut noted),
        disabled: read(cell, Column::Disabled, columns::yes_no, &mut noted).unwrap_or(false),
        orphan: read(cell, Column::Orphan, columns::yes_no, &mut noted).unwrap_or(false),
        admission_tier: None,
        county_years: None,
        mongolian: None,
        statuses: Vec::new(),
        paid: Vec::new(),
    };
    let compulsory = matches!(stage, "primary" | "junior");
    if compulsory || matches!(stage, "senior" | "secondary_vocational") {
        f.boarding = read(cell, Column::Boarding, columns::boarding, &mut noted);
    }
    if compulsory {
        f.nutrition = read(cell, Column::NutritionProgram, columns::yes_no, &mut noted);
    }
    // The facts only local programs read: a cell that cannot be read is the row's error (a
    // guess would decide a 12,000 元 award), an empty one is left unanswered.
    if let Some(text) = cell(Column::AdmissionTier) {
        match columns::admission_tier(text) {
            Ok(t) => f.admission_tier = Some(t),
            Err(e) => return fail(Column::AdmissionTier, e),
        }
    }
    if let Some(text) = cell(Column::CountyHighSchoolYears) {
        match columns::years(text) {
            Ok(n) => f.county_years = Some(n),
            Err(e) => return fail(Column::CountyHighSchoolYears, e),
        }
    }
    if let Some(text) = cell(Column::MongolianInstruction) {
        match columns::mongolian(text) {
            Ok(b) => f.mongolian = Some(b),
            Err(e) => return fail(Column::MongolianInstruction, e),
        }
    }
    let mut categories: Vec<Listed> = Vec::new();
    if let Some(text) = cell(Column::Statuses) {
        for part in text.split(SEPARATORS) {
            match columns::category(part) {
                Ok(Some(c)) => {
                    categories.push(Listed { kind: c.kind, area: c.area, from: None, ended: None })
                }
                Ok(None) => {}
                Err(_) => return fail(Column::Statuses, format!("无法识别“{part}”")),
            }
        }
    }
    if let Some(found) = lists.by_id.get(id) {
        categories.extend(found.iter().cloned());
    }
    for Listed { kind, area, from, ended } in categories {
        // Ended on or before the date the policies are applied for (or on a day not given):
        // no status, and 说明 says why.
        match ended {
            Some(Some(day)) if day > as_of => {}
            Some(day) => {
                let label = status_label(kind);
                noted.push(match day {
                    Some(day) => {
                        format!("名单注明{label}已于 {day} 风险消除或不再享受政策，本次不计")
                    }
                    None => format!("名单注明{label}风险已消除或不享受政策，本次不计"),
                });
                continue;
            }
            None => {}
        }
        match kind {
            "disabled" => f.disabled = true,
            "orphan" => f.orphan = true,
            kind => {
                if f.area.is_none() {
                    f.area = area;
                }
                if !f.statuses.contains(&(kind, from.clone())) {
                    f.statuses.push((kind, from));
                }
            }
        }
    }
    // A 性别 the ID number contradicts: the number was likely typed in wrong (or is a
    // sibling's), and every match with the lists hangs on it.
    if let Some(text) = cell(Column::Gender) {
        let said = match columns::clean(text).as_str() {
            "男" | "男性" => Some(true),
            "女" | "女性" => Some(false),
            _ => None,
        };
        if let Some(male) = said.filter(|m| *m != id.male()) {
            let (said, digit) = if male { ("男", "女") } else { ("女", "男") };
            noted.push(format!(
                "性别“{said}”与身份证号不符（第17位表示{digit}），请核对身份证号是否录错"
            ));
        }
    }
    // A status recognised after the date the policies are applied for does not count yet: said,
    // so a 一致 or an 应助未助 is not a puzzle.
    let as_of_text = as_of.to_string();
    for (kind, from) in &f.statuses {
        let Some(from) = from.as_deref() else { continue };
        if from > as_of_text.as_str() && !as_of_text.starts_with(from) {
            let label = status_label(kind);
            noted.push(format!(
                "{label}认定日期 {from} 晚于政策计算日期 {as_of_text}，本次按未认定计算"
            ));
        }
    }
    // Aid paid, as the roster records it: named in one column, or a column per aid.
    let mut unknown_aid = Vec::new();
    for (i, header) in &run.aid_columns {
        let said = row.cells.get(*i).map_or("", |c| c.trim());
        if columns::says_paid(said) {
            if let Some(p) = columns::aid_program(header, stage) {
                if !f.paid.contains(&p) {
                    f.paid.push(p);
                }
            }
        }
    }
    if let Some(text) = cell(Column::AidPaid) {
        for part in text.split(SEPARATORS).map(str::trim).filter(|p| !p.is_empty()) {
            match columns::aid_program(part, stage) {
                Some(p) if !f.paid.contains(&p) => f.paid.push(p),
                Some(_) => {}
                None => unknown_aid.push(part.to_string()),
            }
        }
    }
    // Aid in payment lists: paid, so not missed; paid by two places, 重复资助. The roster's own
    // record is the school's, paid where the student is enrolled (学籍地).
    // The roster's record stands for the program's own payer: the 户籍地 for 雨露计划, the
    // school's place for the rest.
    let own = |p: &str| {
        let (code, which) = match zhuxue_engine::policy::program(p).map(|x| x.payer) {
            Some("hukou") => (hukou, "户籍地"),
            _ => (school, "就读学校所在地"),
        };
        let name = regions_name(code);
        Payer {
            code: Some(code),
            place: Some(name.clone()),
            label: format!("名册（{which} {name}）"),
        }
    };
    let mut twice = Vec::new();
    // Only a student on a payment list can have been paid by two places.
    if let Some(entries) = lists.paid.get(id) {
        let mut payers: Vec<(&'static str, Payer)> = f.paid.iter().map(|p| (*p, own(p))).collect();
        let term = as_of.term();
        for e in entries.iter().filter(|e| e.terms.as_ref().is_none_or(|t| t.contains(&term))) {
            let payer = Payer {
                code: e.place.as_deref().and_then(|t| run.payer(t)),
                place: e.place.clone(),
                label: match &e.place {
                    Some(text) => format!("发放名单{}（{text}）", e.list),
                    None => format!("发放名单{}", e.list),
                },
            };
            for part in e.programs.split(SEPARATORS).map(str::trim).filter(|p| !p.is_empty()) {
                match columns::aid_program(part, stage) {
                    Some(p) => {
                        if !f.paid.contains(&p) {
                            f.paid.push(p);
                        }
                        payers.push((p, payer.clone()));
                    }
                    None => unknown_aid.push(part.to_string()),
                }
            }
        }
        for (i, (p, a)) in payers.iter().enumerate() {
            if let Some((_, b)) = payers[..i].iter().find(|(q, b)| q == p && b.differs(a)) {
                let name = zhuxue_engine::policy::program(p).map_or(*p, |x| x.name);
                let finding = format!("“{name}”由两地发放：{}、{}", b.label, a.label);
                if !twice.contains(&finding) {
                    twice.push(finding);
                }
            }
        }
    }
    // Students of one school share most facts: each distinct set of facts is assessed and
    // compared once.
    let verdict = if let Some(v) = run.cache.get(&f) {
        v
    } else {
        let v = zhuxue_engine::Case::from_value(&f.case(as_of))
            .and_then(|c| zhuxue_engine::assess(&c))
            .map(|a| compare(&a, &f.paid))
            .map_err(|e| format!("无法评估：{}", e.message));
        run.cache.entry(f).or_insert(v)
    };
    let (flag, detail, entitled) = match verdict {
        Ok(v) => v.clone(),
        Err(message) => return invalid(row, message.clone()),
    };
    let mut result = RowResult {
        line: row.line,
        cells: Vec::new(),
        flag,
        detail,
        entitled,
        id: None,
        changed: false,
    };
    let mut add = |note: String, flag: Flag| {
        result.detail =
            if result.detail.is_empty() { note } else { format!("{}；{note}", result.detail) };
        result.flag = result.flag.min(flag);
    };
    for finding in twice {
        add(finding, Flag::Double);
    }
    if !unknown_aid.is_empty() {
        add(format!("未识别的资助项目名称：{}", unknown_aid.join("、")), Flag::Ok);
    }
    for note in noted {
        add(note, Flag::Ok);
    }
    // The birth date the ID carries should fit the stage: an ID of a parent, or a wrong stage,
    // attaches the aid to the wrong person.
    if let Some(birth) = id.birth_date() {
        let age = age_on(birth, as_of);
        let (min, max) = plausible_ages(stage);
        if age < min || age > max {
            add(
                format!(
                    "身份证号显示出生于 {birth}（{age} 岁），与学段不符（{min}—{max} 岁），请核对身份证号或学段"
                ),
                Flag::NeedsInfo,
            );
        }
    }
    // An aid the record names in a way the check cannot read may be the very aid it would call
    // missed: not a finding until the officer says.
    if !unknown_aid.is_empty() && result.flag == Flag::Missed {
        result.flag = Flag::NeedsInfo;
        result.detail.push_str("（若这就是上面未资助的项目，请按标准名称填写，见 docs/roster.md）");
    }
    result
}

/// A fact's cell read with `parse`; a value it cannot read is noted (with what the column
/// takes) and left unanswered.
fn read<'a, T>(
    cell: impl Fn(Column) -> Option<&'a str>,
    column: Column,
    parse: impl Fn(&str) -> Option<T>,
    notes: &mut Vec<String>,
) -> Option<T> {
    let text = cell(column)?;
    let value = parse(text);
    if value.is_none() {
        let takes = match column {
            Column::HukouArea if text.contains("居民") => {
                notes.push(format!("{}：“{text}”不分农村、城镇，按未填写处理", column.header()));
                return None;
            }
            Column::HukouArea => "农村 或 城镇",
            Column::Setting => "城区、县城 或 乡镇",
            Column::Ownership => "公办 或 民办",
            Column::Hardship => "特别困难、比较困难、一般困难 或 不困难",
            Column::Boarding => "是（寄宿、住校）或 否（走读）",
            _ => "是 或 否",
        };
        notes.push(format!("{}：无法识别“{text}”（填 {takes}），按未填写处理", column.header()));
    }
    value
}

fn regions_name(code: u32) -> String {
    zhuxue_engine::regions::lookup(code)
        .map_or_else(|| format!("{code:06}"), |r| r.name.to_string())
}

/// Whole years from `birth` to `on` (negative when born later).
fn age_on(birth: Date, on: Date) -> i32 {
    let years = i32::from(on.year()) - i32::from(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years - 1
    } else {
        years
    }
}

/// Ages a student of each stage may plausibly have (wide: repeaters, late entrants, adults
/// in vocational and higher education).
fn plausible_ages(stage: &str) -> (i32, i32) {
    match stage {
        "preschool" => (2, 8),
        "primary" => (5, 17),
        "junior" => (10, 20),
        "senior" => (12, 25),
        "secondary_vocational" => (12, 35),
        "higher_vocational" | "undergraduate" => (15, 55),
        _ => (18, 65),
    }
}

/// Compares the assessment with the aid the roster says was paid: the flag, the findings and
/// the programs the rules give.
fn compare(a: &Assessment, paid: &[&'static str]) -> (Flag, String, String) {
    let mut findings: Vec<(Flag, String)> = Vec::new();
    for p in paid {
        if let Some(n) = a.not_entitled.iter().find(|n| n.program == *p) {
            let why =
                n.criteria.iter().find(|c| c.met == Some(false)).map_or("", |c| c.text.as_ref());
            findings
                .push((Flag::PaidNotEntitled, format!("已资助“{}”，但不符合条件：{why}", n.name)));
        }
    }
    for (x, y) in [
        ("higher.national_scholarship", "higher.encouragement_scholarship"),
        ("higher.origin_loan", "higher.campus_loan"),
    ] {
        if paid.contains(&x) && paid.contains(&y) {
            let name = |id: &str| zhuxue_engine::policy::program(id).map_or("", |p| p.name);
            findings
                .push((Flag::Double, format!("同一学年不能同时获得“{}”和“{}”", name(x), name(y))));
        }
    }
    let mut entitled = Vec::new();
    for e in &a.entitlements {
        // A local program whose terms are not confirmed for this date (or that has an open
        // check): named with 「待确认」 so the officer can ask the program's office, never a
        // finding. A foundation's or a school's own program: named among what the student can
        // get, so the officer can point the family to it, but not the school's record to
        // compare.
        let conditional = e.outcome == Outcome::Conditional;
        let own = match e.level {
            Some(level @ (Level::Foundation | Level::School)) => Some(level),
            _ => None,
        };
        if e.level.is_some() && (own.is_some() || conditional) && e.outcome != Outcome::NeedsInfo {
            let mut notes = Vec::new();
            notes.extend(amount_text(e));
            if let Some(level) = own {
                notes.push(format!("{}项目，不比对", level.label()));
            }
            if conditional {
                notes.push("待确认".to_string());
            }
            entitled.push(format!("{}（{}）", e.name, notes.join("，")));
            continue;
        }
        if !tracked(e.program, e.form, e.level) {
            continue;
        }
        match e.outcome {
            Outcome::Eligible => {
                let amount = amount_text(e).map(|a| format!("（{a}）")).unwrap_or_default();
                entitled.push(format!("{}{amount}", e.name));
                if !paid.contains(&e.program) {
                    findings.push((
                        Flag::Missed,
                        format!("符合“{}”条件{amount}，但名册中未资助", e.name),
                    ));
                }
            }
            // A local program's missing fact (录取批次, 蒙古语授课 …): its column is optional
            // and most schools' rosters have none, so not a finding.
            Outcome::NeedsInfo if e.level.is_some() => {}
            Outcome::NeedsInfo => {
                let fields: Vec<&str> = e.needs.iter().map(|f| field_label(f)).collect();
                findings.push((
                    Flag::NeedsInfo,
                    format!("“{}”还需核实：{}", e.name, fields.join("、")),
                ));
            }
            Outcome::Conditional => {}
        }
    }
    findings.sort_by_key(|(f, _)| *f);
    (
        findings.first().map_or(Flag::Ok, |(f, _)| *f),
        findings.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("；"),
        entitled.join("、"),
    )
}

/// An entitlement's cash as the report writes it: 「每年1500元」, or 「一次性10000元」 for a
/// one-off award (its `annual_yuan` is the award, not a yearly sum).
fn amount_text(e: &zhuxue_engine::assessment::Entitlement) -> Option<String> {
    use zhuxue_engine::assessment::AmountKind;
    match (e.amount.kind, e.amount.yuan) {
        (AmountKind::CashOnce, Some(y)) if y > 0 => Some(format!("一次性{y}元")),
        _ if e.annual_yuan > 0 => Some(format!("每年{}元", e.annual_yuan)),
        _ => None,
    }
}

/// A case field named as the roster's column (or in plain words).
fn field_label(field: &str) -> &'static str {
    match field {
        "student.hardship" => "困难认定等级",
        "household.hukou.area" => "户籍类型（农村/城镇）",
        "student.enrolment.boarding" => "是否寄宿",
        "student.enrolment.setting" => "学校位置（城区/县城/乡镇）",
        "student.enrolment.ownership" => "学校性质",
        "student.enrolment.nutrition_program" => "是否营养改善计划学校",
        "student.enrolment.contiguous_poverty_area" => "学校所在县是否属原连片特困地区",
        "student.enrolment.major" => "专业类别",
        "student.enrolment.kindergarten" => "幼儿园类型",
        "student.enrolment.central_university" => "是否部属高校",
        "student.admission_tier" => "录取批次",
        "student.county_high_school_years" => "在本县高中就读年数",
        "student.enrolment.mongolian_instruction" => "是否蒙古语授课",
        _ => "其他信息",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_and_plausibility() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(age_on(d(2012, 3, 5), d(2025, 10, 10)), 13);
        assert_eq!(age_on(d(2012, 10, 11), d(2025, 10, 10)), 12);
        assert_eq!(age_on(d(2012, 10, 10), d(2025, 10, 10)), 13);
        assert_eq!(plausible_ages("junior"), (10, 20));
    }

    #[test]
    fn dates_in_officers_formats() {
        assert_eq!(parse_date("2023-05-10"), Date::new(2023, 5, 10));
        assert_eq!(parse_date("2023/5/10"), Date::new(2023, 5, 10));
        assert_eq!(parse_date("2023年5月10日"), Date::new(2023, 5, 10));
        assert_eq!(parse_date("20230510"), Date::new(2023, 5, 10));
        assert_eq!(parse_date("2023-02-30"), None);
        assert_eq!(parse_date("x"), None);
    }
}
