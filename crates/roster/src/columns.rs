//! The roster's columns: canonical names, the header names officers' files use for them, and
//! how each cell's text becomes a case value. Documented column by column in `docs/roster.md`.

use std::collections::HashMap;
use std::sync::OnceLock;

use zhuxue_engine::regions;

/// A column the check reads. `Column::ALL` is the canonical order of the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Id,
    StudentNo,
    Stage,
    Grade,
    HukouRegion,
    HukouArea,
    SchoolRegion,
    Setting,
    Ownership,
    Boarding,
    Hardship,
    Statuses,
    Disabled,
    Orphan,
    NutritionProgram,
    AdmissionTier,
    CountyHighSchoolYears,
    MongolianInstruction,
    AidPaid,
    Gender,
}

impl Column {
    pub const ALL: [Column; 21] = [
        Column::Name,
        Column::Id,
        Column::StudentNo,
        Column::Stage,
        Column::Grade,
        Column::HukouRegion,
        Column::HukouArea,
        Column::SchoolRegion,
        Column::Setting,
        Column::Ownership,
        Column::Boarding,
        Column::Hardship,
        Column::Statuses,
        Column::Disabled,
        Column::Orphan,
        Column::NutritionProgram,
        Column::AdmissionTier,
        Column::CountyHighSchoolYears,
        Column::MongolianInstruction,
        Column::AidPaid,
        Column::Gender,
    ];

    /// The canonical header (first) and the other names seen in officers' files.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["姓名", "学生姓名"],
            Column::Id => &[
                "身份证号",
                "身份证件号",
                "身份证号码",
                "证件号码",
                "公民身份号码",
                "身份证",
                "证件号",
            ],
            Column::StudentNo => &["学籍号", "学号", "全国学籍号"],
            Column::Stage => &["学段", "学习阶段"],
            Column::Grade => &["年级"],
            Column::HukouRegion => &["户籍地", "户籍所在地", "户籍所在区县", "户口所在地"],
            Column::HukouArea => &["户籍类型", "户口性质", "户籍性质"],
            Column::SchoolRegion => &["就读学校所在地", "学校所在地", "学校所在区县"],
            Column::Setting => &["学校位置", "学校所在地类型", "城乡类型"],
            Column::Ownership => &["学校性质", "办学性质"],
            Column::Boarding => &["是否寄宿", "就读方式", "是否住校"],
            Column::Hardship => &["困难认定等级", "资助等级", "认定等级", "困难等级"],
            Column::Statuses => &["家庭身份", "贫困类型", "资助对象类别", "困难类型"],
            Column::Disabled => &["是否残疾", "是否残疾生"],
            Column::Orphan => &["是否孤儿", "孤儿"],
            Column::NutritionProgram => &["是否营养改善计划学校", "营养改善计划"],
            // Read by local programs only (宁夏's 燕宝 and the seed county's awards, 内蒙古's
            // 蒙古语授课 allowance).
            Column::AdmissionTier => &["录取批次", "高考录取批次", "录取层次"],
            Column::CountyHighSchoolYears => {
                &["在本县高中就读年数", "本县高中就读年数", "县内高中就读年数", "在县高中就读年数"]
            }
            Column::MongolianInstruction => &["是否蒙古语授课", "蒙古语授课", "授课语言"],
            Column::AidPaid => &["已享受资助项目", "已享受资助", "已资助项目", "享受资助项目"],
            // Checked against the ID number (its 17th digit), never assessed.
            Column::Gender => &["性别", "学生性别"],
        }
    }

    pub fn header(self) -> &'static str {
        self.names()[0]
    }

    /// Columns without which no row can be assessed. (学段 is not one: a grade such as 初一,
    /// 七年级 or 小学三年级 names its stage, as the 学籍 system's exports write it; a row whose
    /// grade does not is said to need it.)
    pub fn required(self) -> bool {
        matches!(self, Column::Id | Column::Grade | Column::HukouRegion)
    }
}

/// Which table column (by index) each roster column is read from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping(pub HashMap<Column, usize>);

impl Mapping {
    /// Maps headers by name: exact names first, then a header that contains a name
    /// (「户籍所在地（区县）」).
    pub fn auto(headers: &[String]) -> Mapping {
        let norm: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
        let mut map = HashMap::new();
        for column in Column::ALL {
            let exact = norm.iter().position(|h| column.names().contains(&h.as_str()));
            // A student's name or ID is never read from a guardian's or the household head's
            // column (监护人身份证号, 户主姓名).
            let other = |h: &str| {
                matches!(column, Column::Id | Column::Name) && names_someone_else(h)
                    || column == Column::Id && !names_id(h)
            };
            let partial = || {
                norm.iter().position(|h| !other(h) && column.names().iter().any(|n| h.contains(n)))
            };
            if let Some(i) = exact.or_else(partial) {
                if !map.values().any(|v| *v == i) {
                    map.insert(column, i);
                }
            }
        }
        Mapping(map)
    }

    pub fn get(&self, column: Column) -> Option<usize> {
        self.0.get(&column).copied()
    }

    pub fn set(&mut self, column: Column, index: Option<usize>) {
        match index {
            Some(i) => self.0.insert(column, i),
            None => self.0.remove(&column),
        };
    }

    /// The required columns no header was found for (a 全国学籍号 column stands for the ID
    /// number's: G and the number).
    pub fn missing(&self) -> Vec<Column> {
        let has = |c: Column| {
            self.get(c).is_some() || c == Column::Id && self.get(Column::StudentNo).is_some()
        };
        Column::ALL.into_iter().filter(|c| c.required() && !has(*c)).collect()
    }
}

/// Header text as compared: no spaces, no asterisks (required-field marks), no brackets'
/// notes (「身份证号（必填）」 → 身份证号).
pub fn normalise_header(h: &str) -> String {
    let h: String =
        h.chars().filter(|c| !c.is_whitespace() && *c != '*' && *c != '\u{feff}').collect();
    match h.find(['（', '(']) {
        Some(i) if i > 0 => h[..i].to_string(),
        _ => h,
    }
}

/// Whether a header names an ID number's column: one of [`Column::Id`]'s names within it
/// (学生身份证号码), but not the kind of document or its dates (身份证件类型, 证件有效期).
pub fn names_id(header: &str) -> bool {
    !["类型", "类别", "种类", "有效期", "签发"].iter().any(|w| header.contains(w))
        && Column::Id.names().iter().any(|n| header.contains(n))
}

/// Whether a header names someone other than the student: 监护人身份证号, 户主姓名, 父亲姓名 …
pub fn names_someone_else(header: &str) -> bool {
    names_someone_outside_the_household(header)
        || ["家长", "父亲", "母亲", "户主", "配偶"].iter().any(|w| header.contains(w))
}

/// Whether a header names someone who need not live in the household: a guardian, a contact,
/// an agent (a department list's household row counts everyone else's number).
pub fn names_someone_outside_the_household(header: &str) -> bool {
    ["监护人", "联系人", "代理人", "经办人"].iter().any(|w| header.contains(w))
}

/// A cell's text as compared: trimmed, inner spaces removed.
pub(crate) fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// 学段 → engine stage id.
pub fn stage(text: &str) -> Option<&'static str> {
    let t = clean(text);
    Some(match t.as_str() {
        "学前" | "学前教育" | "幼儿园" | "preschool" => "preschool",
        "小学" | "普通小学" | "primary" => "primary",
        "初中" | "初级中学" | "普通初中" | "junior" => "junior",
        "高中" | "普通高中" | "普高" | "高级中学" | "senior" => "senior",
        "中职"
        | "中等职业教育"
        | "中等职业学校"
        | "中职学校"
        | "中专"
        | "中等专业学校"
        | "职业中专"
        | "职高"
        | "职业高中"
        | "技工学校"
        | "技工院校"
        | "技校"
        | "secondary_vocational" => "secondary_vocational",
        "高职" | "专科" | "大专" | "高职（专科）" | "高职高专" | "高等职业教育"
        | "higher_vocational" => "higher_vocational",
        "本科" | "undergraduate" => "undergraduate",
        "硕士" | "硕士研究生" | "master" => "master",
        "博士" | "博士研究生" | "doctoral" => "doctoral",
        _ => return None,
    })
}

/// 年级 → (grade, the stage it implies if the text names one: 初二 → junior 2). Grades are
/// also counted through the twelve school years, as most junior schools write them: 七年级 (or
/// 7) is 初一 … 九年级 初三, 十年级 高一 … 十二年级 高三.
pub fn grade(text: &str) -> Option<(u8, Option<&'static str>)> {
    let t = clean(text);
    // The stage written before the grade: 小学三年级, 初中一年级, 高中二年级, 幼儿园大班.
    for (prefix, stage) in [
        ("小学", "primary"),
        ("初中", "junior"),
        ("高中", "senior"),
        ("普通高中", "senior"),
        ("幼儿园", "preschool"),
    ] {
        if let Some((n, named)) = t.strip_prefix(prefix).and_then(grade) {
            return named.is_none_or(|s| s == stage).then_some((n, Some(stage)));
        }
    }
    let through = |n: u8| match n {
        7..=9 => (n - 6, Some("junior")),
        10..=12 => (n - 9, Some("senior")),
        n => (n, None),
    };
    let number = t.trim_end_matches("年级");
    if let Ok(n) = number.parse::<u8>() {
        return Some(through(n));
    }
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| (i / 3 + 1) as u8);
    // 一 … 九, 十, 十一, 十二.
    let numeral = |s: &str| -> Option<u8> {
        let mut cs = s.chars();
        match (cs.next()?, cs.next(), cs.next()) {
            ('十', None, _) => Some(10),
            ('十', Some(c), None) => digit(c).filter(|d| *d <= 2).map(|d| 10 + d),
            (c, None, _) => digit(c),
            _ => None,
        }
    };
    if let Some(n) = numeral(number).filter(|_| t.ends_with("年级")) {
        return Some(through(n));
    }
    // 初一, 高三, 大六: one to six after the stage's character.
    let digit = |c: char| digit(c).filter(|d| *d <= 6);
    let mut chars = t.chars();
    let first = chars.next()?;
    let rest: String = chars.collect();
    match (first, rest.as_str()) {
        ('小', "班") => Some((1, Some("preschool"))),
        ('中', "班") => Some((2, Some("preschool"))),
        ('大', "班") => Some((3, Some("preschool"))),
        ('初', r) => r.chars().next().and_then(digit).map(|n| (n, Some("junior"))),
        ('高', r) => r.chars().next().and_then(digit).map(|n| (n, Some("senior"))),
        ('大', r) => r.chars().next().and_then(digit).map(|n| (n, Some("undergraduate"))),
        _ => None,
    }
}

/// Whether the stage a grade names (初二 → junior) fits the 学段 given: a 中职 school's 高一
/// is its first year, a 专科's 大一 too.
pub fn grade_fits(stage: &str, named: &str) -> bool {
    stage == named
        || matches!(
            (named, stage),
            ("senior", "secondary_vocational") | ("undergraduate", "higher_vocational")
        )
}

/// 是/否 and the words officers use for them.
pub fn yes_no(text: &str) -> Option<bool> {
    match clean(text).as_str() {
        "是" | "Y" | "y" | "1" | "有" | "寄宿" | "住校" | "TRUE" | "true" => Some(true),
        "否" | "N" | "n" | "0" | "无" | "走读" | "非寄宿" | "FALSE" | "false" => Some(false),
        _ => None,
    }
}

/// 是否寄宿 / 就读方式: 是/否, and the words 学籍 exports use (住校, 住校生, 走读生, 通校 …).
pub fn boarding(text: &str) -> Option<bool> {
    match clean(text).as_str() {
        "住校生" | "寄宿生" | "住宿" | "住读" => Some(true),
        "走读生" | "非住校" | "非住校生" | "非寄宿生" | "通校" | "通校生" | "不住校" => {
            Some(false)
        }
        t => yes_no(t),
    }
}

/// 录取批次 → engine admission tier. Errs on text it cannot read (a merged 「本科批」 says
/// neither 一本 nor 二本: the officer fills in the batch or leaves the cell empty).
pub fn admission_tier(text: &str) -> Result<&'static str, String> {
    Ok(match clean(text).as_str() {
        "一本" | "本科一批" | "第一批本科" | "一批本科" | "本科第一批" | "first_tier" => {
            "first_tier"
        }
        "二本" | "本科二批" | "第二批本科" | "二批本科" | "本科第二批" | "second_tier" => {
            "second_tier"
        }
        "三本" | "本科三批" | "第三批本科" | "其他本科" | "other_bachelor" => {
            "other_bachelor"
        }
        "专科" | "高职专科" | "高职（专科）" | "专科批" | "高职" | "junior_college" => {
            "junior_college"
        }
        other => {
            return Err(format!(
                "无法识别“{other}”（填 本科一批、本科二批、其他本科 或 专科；不确定的留空）"
            ))
        }
    })
}

/// 在本县高中就读年数: 0–6, 「3」, 「3年」 or 「三年」.
pub fn years(text: &str) -> Result<u8, String> {
    let t = clean(text);
    let n = t.trim_end_matches('年');
    let n = match n {
        "零" => Some(0),
        _ => match "一二三四五六".find(n) {
            Some(i) if n.chars().count() == 1 => Some((i / 3 + 1) as u8),
            _ => n.parse::<u8>().ok(),
        },
    };
    match n {
        Some(n) if n <= 6 => Ok(n),
        _ => Err(format!("无法识别“{t}”（填 0 到 6 的整数年数）")),
    }
}

/// 是否蒙古语授课: 是/否, or the language of instruction (蒙古语 / 汉语 / 国家通用语言).
pub fn mongolian(text: &str) -> Result<bool, String> {
    match clean(text).as_str() {
        "蒙古语" | "蒙语" | "蒙古语授课" | "蒙授" => Ok(true),
        "汉语" | "国家通用语言" | "汉语授课" | "汉授" | "国家通用语言授课" => {
            Ok(false)
        }
        t => yes_no(t).ok_or_else(|| format!("无法识别“{t}”（填 是 或 否）")),
    }
}

pub fn hukou_area(text: &str) -> Option<&'static str> {
    match clean(text).as_str() {
        "农村" | "农业" | "农业户口" | "农村户口" | "乡村" => Some("rural"),
        "城镇" | "非农业" | "非农业户口" | "城镇户口" | "城市" => Some("urban"),
        // As household registers write it: 农业家庭户口, 非农业家庭户口, 农业户.
        t if t.starts_with("非农") => Some("urban"),
        t if t.starts_with("农业") || t.starts_with("农村") => Some("rural"),
        _ => None,
    }
}

pub fn setting(text: &str) -> Option<&'static str> {
    match clean(text).as_str() {
        "城区" | "市区" | "城市" => Some("city"),
        "县城" | "县镇" => Some("county_town"),
        "乡镇" | "农村" | "乡村" | "乡镇及以下" | "村" => Some("rural"),
        _ => None,
    }
}

pub fn ownership(text: &str) -> Option<&'static str> {
    match clean(text).as_str() {
        "公办" => Some("public"),
        "民办" => Some("private"),
        _ => None,
    }
}

pub fn hardship(text: &str) -> Option<&'static str> {
    // 「特别困难（一档）」, 「家庭经济特别困难」, 「一般困难学生」: the level inside.
    let t = without_annotations(&clean(text));
    let t = t.strip_prefix("家庭经济").or_else(|| t.strip_prefix("经济")).unwrap_or(&t);
    let t = t.strip_suffix("学生").unwrap_or(t);
    match t {
        "特别困难" | "特困" | "一档" | "A" => Some("special"),
        "比较困难" | "困难" | "二档" | "B" => Some("relative"),
        "一般困难" | "三档" | "C" => Some("general"),
        "不困难" | "非困难" | "否" | "无" => Some("none"),
        _ => None,
    }
}

/// A category value of a department list or the roster's own 家庭身份 column → the status
/// kind it gives, `Ok(None)` for values that name a group without its status, `Err` for an
/// unknown value. 「脱贫户(不享受政策)」 and 「防返贫监测对象(风险已消除)」 are groups whose
/// members are *not* entitled as such.
pub fn category(text: &str) -> Result<Option<Category>, UnknownCategory> {
    let t = clean(text).replace('（', "(").replace('）', ")");
    if t.contains("不享受政策") || t.contains("风险已消除") || t.contains("已消除") {
        return Ok(None);
    }
    let kind = if t.contains("建档立卡") {
        Category { kind: "registered_poor", area: None }
    } else if t.contains("脱贫") {
        Category { kind: "lifted_out", area: None }
    } else if t.contains("监测")
        || t.contains("返贫")
        || t.contains("易致贫")
        || t.contains("突发严重困难")
    {
        // 防止返贫监测对象 and its three types (脱贫不稳定户 reads as 脱贫 above); from 2026
        // 「防止返贫致贫对象」.
        Category { kind: "monitored", area: None }
    } else if t.contains("低保") {
        let area = if t.contains("农村") {
            Some("rural")
        } else if t.contains("城镇") || t.contains("城市") {
            Some("urban")
        } else {
            None
        };
        Category { kind: "dibao", area }
    } else if t.contains("特困") {
        Category { kind: "tekun", area: t.contains("农村").then_some("rural") }
    } else if t.contains("低收入") {
        Category { kind: "low_income", area: None }
    } else if t.contains("烈士") || t.contains("优抚") {
        Category { kind: "martyr_family", area: None }
    } else if t.contains("孤儿") || t.contains("事实无人抚养") {
        Category { kind: "orphan", area: None }
    } else if t.contains("残疾") {
        Category { kind: "disabled", area: None }
    } else if t.is_empty() || t == "无" {
        return Ok(None);
    } else {
        return Err(UnknownCategory);
    };
    Ok(Some(kind))
}

/// A category value the vocabulary does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCategory;

/// What a category value says: a household status kind (or `orphan` / `disabled`, which are
/// facts of the student) and, for 低保/特困, the area it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    pub kind: &'static str,
    pub area: Option<&'static str>,
}

/// A place as officers write it: a 6-digit code, a full name (甘肃省定西市岷县), or a county
/// name that is unique (岷县). Ambiguous names (城关区) are refused with the candidates.
pub fn region(text: &str) -> Result<u32, String> {
    let t = clean(text);
    if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        let code: u32 = t.parse().map_err(|_| "地区代码无效".to_string())?;
        return regions::county(code)
            .map(|r| r.code)
            .ok_or_else(|| format!("地区代码 {t} 不是区县级代码"));
    }
    let index = names();
    if let Some(code) = index.full.get(&t) {
        return Ok(*code);
    }
    match index.short.get(&t).map(Vec::as_slice) {
        Some([code]) => Ok(*code),
        Some(codes) if !codes.is_empty() => Err(format!(
            "“{t}”有{}个同名区县（如 {}），请写全称或6位代码",
            codes.len(),
            some_names(codes)
        )),
        _ => match address(&t).as_slice() {
            [code] => Ok(*code),
            [] => Err(format!("找不到区县“{t}”，请写全称（如 甘肃省定西市岷县）或6位代码")),
            codes => Err(format!(
                "“{t}”可以是{}个区县（如 {}），请写全称或6位代码",
                codes.len(),
                some_names(codes)
            )),
        },
    }
}

/// The first four of several candidate counties, by full name: 「西藏自治区拉萨市城关区、…」.
fn some_names(codes: &[u32]) -> String {
    codes.iter().take(4).map(|c| regions::full_name(*c)).collect::<Vec<_>>().join("、")
}

/// The counties an address can name, as 学籍 exports write 户口所在地: a county's name
/// preceded by nothing but its own province's and prefecture's names, each full or shortened
/// (甘肃省定西市岷县, 定西市岷县, 甘肃岷县, 临夏州东乡族自治县), followed by anything — the
/// township and the village (岷县梅川镇马莲村). Another province's or prefecture's name before
/// it rules a county out (甘肃省兰州市城关区 is not 拉萨's).
fn address(t: &str) -> Vec<u32> {
    let index = names();
    let mut found = Vec::new();
    for (at, c) in t.char_indices() {
        let Some(counties) = index.by_first.get(&c) else { continue };
        let (before, rest) = t.split_at(at);
        for (name, code) in counties {
            if rest.starts_with(name.as_str()) && leads_to(before, *code) && !found.contains(code) {
                found.push(*code);
            }
        }
        if !found.is_empty() {
            // The first place a county's name can start: later names are the township's.
            break;
        }
    }
    found
}

/// Whether `before` is the county's province and prefecture, each full, shortened, or left out.
fn leads_to(before: &str, county: u32) -> bool {
    let province = regions::lookup(regions::province_of(county) * 10_000).map_or("", |r| r.name);
    let prefecture_code = county / 100 * 100;
    let prefecture = regions::lookup(prefecture_code)
        .filter(|p| prefecture_code != county && !regions::is_placeholder(p.name))
        .map_or("", |r| r.name);
    // Every split of `before` into a province part and a prefecture part.
    before
        .char_indices()
        .map(|(i, _)| i)
        .chain([before.len()])
        .any(|i| shortened(&before[..i], province) && shortened(&before[i..], prefecture))
}

/// Whether `part` is `name`, nothing, or `name` shortened: its first two characters or more
/// (甘肃, 定西, 临夏回族), or an autonomous prefecture as people write it (临夏州, 甘南州).
fn shortened(part: &str, name: &str) -> bool {
    if part.is_empty() || part == name {
        return true;
    }
    if name.is_empty() {
        return false;
    }
    let n = part.chars().count();
    (n >= 2 && name.starts_with(part))
        || (n >= 3
            && name.ends_with("自治州")
            && part.strip_suffix('州').is_some_and(|p| name.starts_with(p)))
}

struct Names {
    full: HashMap<String, u32>,
    short: HashMap<String, Vec<u32>>,
    /// Every county's own name, by its first character (for addresses).
    by_first: HashMap<char, Vec<(String, u32)>>,
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut full = HashMap::new();
        let mut short: HashMap<String, Vec<u32>> = HashMap::new();
        let mut by_first: HashMap<char, Vec<(String, u32)>> = HashMap::new();
        for county in regions::counties() {
            full.insert(regions::full_name(county.code), county.code);
            short.entry(county.name.to_string()).or_default().push(county.code);
            if let Some(c) = county.name.chars().next() {
                by_first.entry(c).or_default().push((county.name.to_string(), county.code));
            }
        }
        Names { full, short, by_first }
    })
}

/// Aid names as officers write them → program ids, by stage (国家助学金 is a different program
/// in each stage).
pub fn aid_program(text: &str, stage: &str) -> Option<&'static str> {
    let t = clean(text);
    named_aid(&t, stage).or_else(|| {
        // The name with what officers add to it: an amount or a tier in brackets
        // (国家助学金（一档）, 寄宿生生活补助（1500元）) or after it (寄宿生补助1500元).
        let bare = without_annotations(&t);
        (bare != t && !bare.is_empty()).then(|| named_aid(&bare, stage)).flatten()
    })
}

/// The columns that each name an aid, in a roster that records aid a column per program
/// (寄宿生生活补助（元）, 营养餐, 国家助学金金额): every header no other column took that names
/// an aid for some stage. (index, header.)
pub fn aid_columns(headers: &[String], mapping: &Mapping) -> Vec<(usize, String)> {
    headers
        .iter()
        .enumerate()
        .filter(|(i, _)| !mapping.0.values().any(|v| v == i))
        .filter_map(|(i, h)| {
            let h = clean(h);
            let name = h.strip_suffix("金额").or(h.strip_suffix("标准")).unwrap_or(&h).to_string();
            let named = |(stage, _, _): &(&str, _, _)| aid_program(&name, stage).is_some();
            zhuxue_engine::case::Stage::ALL.iter().any(named).then_some((i, name))
        })
        .collect()
}

/// Whether an aid column's cell says the aid was paid: an amount above zero, 是, 有, √ or
/// 已发放 (not 0, 否, 无, a dash or nothing).
pub fn says_paid(cell: &str) -> bool {
    let t = clean(cell);
    match t.as_str() {
        "" | "否" | "无" | "-" | "—" | "/" | "／" | "未享受" | "未发放" | "×" => false,
        "是" | "有" | "√" | "✓" | "已享受" | "已发放" | "已发" | "享受" => true,
        // An amount and nothing else (1,500.00, ￥750, 750元), not zero.
        _ => without_annotations(&t).is_empty() && t.chars().any(|c| matches!(c, '1'..='9')),
    }
}

/// An aid name without bracketed notes and a trailing amount: 「寄宿生补助1500元」 →
/// 「寄宿生补助」, 「国家助学金（一档）」 → 「国家助学金」.
fn without_annotations(t: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in t.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let out = out.trim_end_matches(['元', '块']);
    let out = out.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    out.trim_end_matches(['¥', '￥', '：', ':']).to_string()
}

fn named_aid(t: &str, stage: &str) -> Option<&'static str> {
    let by_stage = |pre: &'static str,
                    voc: &'static str,
                    high: &'static str,
                    grad: &'static str| match stage {
        "senior" => Some(pre),
        "secondary_vocational" => Some(voc),
        "higher_vocational" | "undergraduate" => Some(high),
        "master" | "doctoral" => Some(grad),
        _ => None,
    };
    if let Some(p) = zhuxue_engine::policy::PROGRAMS.iter().find(|p| p.name == t || p.id == t) {
        return Some(p.id);
    }
    // A local program by its name, id or one of the names its overlay lists.
    if let Some((_, p)) = zhuxue_engine::local::programs().find(|(_, p)| {
        p.stages.iter().any(|s| s.name() == stage)
            && (p.info.name == t || p.info.id == t || p.aliases.contains(&t))
    }) {
        return Some(p.info.id);
    }
    match t {
        "寄宿生生活补助" | "寄宿生补助" | "寄宿生生活费补助" => {
            Some("compulsory.boarding_allowance")
        }
        "非寄宿生生活补助" | "非寄宿生补助" => {
            Some("compulsory.nonboarding_allowance")
        }
        "营养餐" | "营养改善计划" | "学生营养餐" => Some("compulsory.nutrition_meal"),
        "学前资助" | "幼儿资助" | "学前教育资助" => Some("preschool.hardship_aid"),
        "雨露计划" => Some("yulu.vocational_subsidy"),
        "免学杂费" => match stage {
            "senior" => Some("senior.fee_waiver"),
            "primary" | "junior" => Some("compulsory.tuition_waiver"),
            _ => None,
        },
        "免学费" => match stage {
            "secondary_vocational" => Some("vocational.tuition_waiver"),
            "senior" => Some("senior.fee_waiver"),
            _ => None,
        },
        "国家助学金" | "助学金" => by_stage(
            "senior.national_grant",
            "vocational.national_grant",
            "higher.national_grant",
            "graduate.national_grant",
        ),
        "国家奖学金" | "国奖" => by_stage(
            "",
            "vocational.national_scholarship",
            "higher.national_scholarship",
            "graduate.national_scholarship",
        )
        .filter(|p| !p.is_empty()),
        "国家励志奖学金" | "励志奖学金" => Some("higher.encouragement_scholarship"),
        "生源地贷款" | "生源地信用助学贷款" => Some("higher.origin_loan"),
        "校园地贷款" | "校园地国家助学贷款" => Some("higher.campus_loan"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_by_name() {
        let headers: Vec<String> =
            ["序号", "学生姓名", "身份证件号 ", "学段", "年级", "户籍所在地（区县）", "*资助等级"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        let m = Mapping::auto(&headers);
        assert_eq!(m.get(Column::Name), Some(1));
        assert_eq!(m.get(Column::Id), Some(2));
        assert_eq!(m.get(Column::HukouRegion), Some(5));
        assert_eq!(m.get(Column::Hardship), Some(6));
        assert_eq!(m.get(Column::AidPaid), None);
        assert!(m.missing().is_empty());
        // The 学籍 system's pair: the kind of document, then its number; a bare 身份证 or
        // 证件号; a guardian's number before the student's.
        let id_at = |h: &[&str]| {
            Mapping::auto(&h.iter().map(|s| s.to_string()).collect::<Vec<_>>()).get(Column::Id)
        };
        assert_eq!(id_at(&["姓名", "学生身份证件类型", "学生身份证件号码"]), Some(2));
        assert_eq!(id_at(&["姓名", "身份证"]), Some(1));
        assert_eq!(id_at(&["证件类型", "证件号", "证件有效期"]), Some(1));
        assert_eq!(id_at(&["监护人身份证号", "学生身份证号"]), Some(1));
        assert_eq!(id_at(&["监护人身份证号", "证件类型"]), None);
        assert!(names_id("成员1身份证号码") && !names_id("身份证件类型") && !names_id("姓名"));
    }

    #[test]
    fn values_are_read_as_officers_write_them() {
        assert_eq!(stage("初中"), Some("junior"));
        assert_eq!(stage("职高"), Some("secondary_vocational"));
        assert_eq!(grade("初二"), Some((2, Some("junior"))));
        assert_eq!(grade("三年级"), Some((3, None)));
        assert_eq!(grade("大班"), Some((3, Some("preschool"))));
        assert_eq!(grade("2"), Some((2, None)));
        // Counted through the twelve school years.
        assert_eq!(grade("七年级"), Some((1, Some("junior"))));
        assert_eq!(grade("八年级"), Some((2, Some("junior"))));
        assert_eq!(grade("九 年级"), Some((3, Some("junior"))));
        assert_eq!(grade("9"), Some((3, Some("junior"))));
        assert_eq!(grade("7年级"), Some((1, Some("junior"))));
        assert_eq!(grade("十年级"), Some((1, Some("senior"))));
        assert_eq!(grade("十二年级"), Some((3, Some("senior"))));
        assert_eq!(grade("六年级"), Some((6, None)));
        assert_eq!(grade("十三年级"), None);
        assert_eq!(grade("二十年级"), None);
        assert_eq!(grade("年级"), None);
        assert_eq!(grade("初二年级"), Some((2, Some("junior"))));
        assert_eq!(grade("高一年级"), Some((1, Some("senior"))));
        assert!(grade_fits("junior", "junior") && grade_fits("secondary_vocational", "senior"));
        assert!(!grade_fits("primary", "junior") && !grade_fits("junior", "senior"));
        assert_eq!(yes_no("住校"), Some(true));
        assert_eq!(yes_no("走读"), Some(false));
        assert_eq!(region("621126"), Ok(621126));
        assert_eq!(region("甘肃省定西市岷县"), Ok(621126));
        assert_eq!(region("岷县"), Ok(621126));
        assert!(region("城关区").unwrap_err().contains("同名区县"));
        assert!(region("不存在县").is_err());
        assert!(region("620100").is_err());
        assert_eq!(stage("高级中学"), Some("senior"));
        assert_eq!(stage("职业高中"), Some("secondary_vocational"));
        assert_eq!(stage("中等职业学校"), Some("secondary_vocational"));
        assert_eq!(stage("技工院校"), Some("secondary_vocational"));
        assert_eq!(hardship("特别困难（一档）"), Some("special"));
        assert_eq!(hardship("家庭经济特别困难"), Some("special"));
        assert_eq!(hardship("一般困难学生"), Some("general"));
        assert_eq!(hardship("困难户"), None);
        assert_eq!(hukou_area("农业家庭户口"), Some("rural"));
        assert_eq!(hukou_area("非农业家庭户口"), Some("urban"));
        assert_eq!(hukou_area("居民户口"), None);
        assert_eq!(boarding("住校生"), Some(true));
        assert_eq!(boarding("走读生"), Some(false));
        assert_eq!(boarding("通校"), Some(false));
        assert_eq!(boarding("是"), Some(true));
        assert_eq!(setting("镇区"), None);
        // Addresses as 学籍 exports write 户口所在地.
        assert_eq!(region("甘肃省定西市岷县梅川镇马莲村"), Ok(621126));
        assert_eq!(region("定西市岷县"), Ok(621126));
        assert_eq!(region("甘肃岷县"), Ok(621126));
        assert_eq!(region("岷县梅川镇"), Ok(621126));
        assert_eq!(region("甘肃 定西 岷县 梅川镇"), Ok(621126));
        assert_eq!(region("临夏州东乡族自治县锁南镇"), Ok(622926));
        assert_eq!(
            region("临夏回族自治州东乡县"),
            Err("找不到区县“临夏回族自治州东乡县”，请写全称（如 甘肃省定西市岷县）或6位代码".into())
        );
        // The province or prefecture before the name decides between namesakes…
        assert_eq!(region("甘肃省兰州市城关区"), Ok(620102));
        assert_eq!(region("兰州市城关区"), Ok(620102));
        assert_eq!(region("兰州城关区酒泉路"), Ok(620102));
        // …and a wrong one rules the county out; without one a namesake stays ambiguous.
        assert!(region("西藏自治区兰州市城关区").is_err());
        assert!(
            region("城关区东岗街道").unwrap_err().contains("可以是2个区县"),
            "{:?}",
            region("城关区东岗街道")
        );
        // A village alone names no county.
        assert!(region("梅川镇马莲村").is_err());
    }

    #[test]
    fn categories_that_name_a_group_without_its_status_count_for_nothing() {
        assert_eq!(category("脱贫户(继续享受政策)").unwrap().map(|c| c.kind), Some("lifted_out"));
        assert_eq!(category("脱贫户（不享受政策）"), Ok(None));
        assert_eq!(
            category("防返贫监测对象(风险未消除)").unwrap().map(|c| c.kind),
            Some("monitored")
        );
        assert_eq!(category("防返贫监测对象(风险已消除)"), Ok(None));
        assert_eq!(category("农村低保"), Ok(Some(Category { kind: "dibao", area: Some("rural") })));
        assert_eq!(category("城镇低保"), Ok(Some(Category { kind: "dibao", area: Some("urban") })));
        assert_eq!(category("持证残疾人").unwrap().map(|c| c.kind), Some("disabled"));
        assert_eq!(category("孤儿及事实无人抚养儿童").unwrap().map(|c| c.kind), Some("orphan"));
        assert!(category("外星人").is_err());
        // The monitored households' types, and their name from 2026.
        for monitored in ["边缘易致贫户", "突发严重困难户", "防止返贫致贫对象", "防返贫监测户"]
        {
            assert_eq!(
                category(monitored).unwrap().map(|c| c.kind),
                Some("monitored"),
                "{monitored}"
            );
        }
        assert_eq!(category("脱贫不稳定户").unwrap().map(|c| c.kind), Some("lifted_out"));
    }

    #[test]
    fn aid_names_depend_on_the_stage() {
        assert_eq!(aid_program("国家助学金", "senior"), Some("senior.national_grant"));
        assert_eq!(aid_program("国家助学金", "undergraduate"), Some("higher.national_grant"));
        assert_eq!(aid_program("寄宿生生活补助", "junior"), Some("compulsory.boarding_allowance"));
        assert_eq!(
            aid_program("家庭经济困难寄宿生生活补助", "junior"),
            Some("compulsory.boarding_allowance")
        );
        assert_eq!(aid_program("国家奖学金", "senior"), None);
    }
}
