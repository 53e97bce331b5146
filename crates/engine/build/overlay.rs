//! Local overlays (`policy/local/<province>/<region>-<name>.toml`): reading, checking and
//! turning them into Rust statics. Used by build.rs, and by `tests/overlay_errors.rs`, which
//! feeds it malformed files and checks that each error names the file and the line.
//!
//! The format is documented in `docs/adding-a-local-program.md`. Everything a file says is
//! checked here: an unknown key, an unknown fact or value, a region outside the registry or
//! outside the overlay's own region, an id that does not start with `local.<region>.`, a
//! citation that is not defined, a date that is not a date, amounts out of date order. The
//! error reads `path:line: message`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

/// One overlay file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub overlay: Header,
    #[serde(default)]
    pub citation: Vec<Citation>,
    #[serde(default)]
    pub program: Vec<Program>,
    #[serde(default)]
    pub parameter: Vec<Parameter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub region: Spanned<String>,
    pub level: Level,
    pub verified_on: Spanned<String>,
    /// Said in the assessment's scope notice (e.g. 「方案未载明县级资助项目」).
    pub note: Option<String>,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    Prefecture,
    County,
    School,
    Foundation,
}

impl Level {
    fn rust(self) -> &'static str {
        match self {
            Level::Province => "Level::Province",
            Level::Prefecture => "Level::Prefecture",
            Level::County => "Level::County",
            Level::School => "Level::School",
            Level::Foundation => "Level::Foundation",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub id: Spanned<String>,
    pub title: String,
    pub issuer: String,
    pub number: Option<String>,
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub addresses: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<String>,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Read in a retrieved source.
    Confirmed,
    /// From memory or inference; shown as unverified.
    Recalled,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: Spanned<String>,
    pub name: String,
    pub name_en: String,
    /// Other names officers write in a roster's 已享受资助项目 column (「基本生活保障」).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub level: Level,
    /// Code prefixes (2, 4 or 6 digits) of the places covered; the overlay's region when absent.
    pub regions: Option<Vec<Spanned<String>>>,
    /// How the covered places read in a criterion (「六盘山9县区」); their names when absent.
    pub regions_text: Option<String>,
    pub place: PlaceRule,
    pub stages: Vec<Stage>,
    pub grades: Option<Vec<u8>>,
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    /// The last day a source shows the program running; later dates are `conditional`.
    pub confirmed_until: Option<Spanned<String>>,
    pub citation: Spanned<String>,
    /// Who pays, in words (「天祝县财政」, 「宁夏燕宝慈善基金会」).
    pub payer: String,
    #[serde(default)]
    pub condition: Vec<Condition>,
    #[serde(default)]
    pub unknown: Vec<Unknown>,
    pub amount: Vec<Amount>,
    #[serde(default)]
    pub excludes: Vec<Spanned<String>>,
    pub stacking: Option<Stacking>,
    pub apply: Apply,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRule {
    Enrolment,
    Hukou,
    Either,
    Both,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Preschool,
    Primary,
    Junior,
    Senior,
    SecondaryVocational,
    HigherVocational,
    Undergraduate,
    Master,
    Doctoral,
}

impl Stage {
    fn rust(self) -> &'static str {
        match self {
            Stage::Preschool => "Stage::Preschool",
            Stage::Primary => "Stage::Primary",
            Stage::Junior => "Stage::Junior",
            Stage::Senior => "Stage::Senior",
            Stage::SecondaryVocational => "Stage::SecondaryVocational",
            Stage::HigherVocational => "Stage::HigherVocational",
            Stage::Undergraduate => "Stage::Undergraduate",
            Stage::Master => "Stage::Master",
            Stage::Doctoral => "Stage::Doctoral",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Stage::Preschool => "学前教育",
            Stage::Primary => "小学",
            Stage::Junior => "初中",
            Stage::Senior => "普通高中",
            Stage::SecondaryVocational => "中职",
            Stage::HigherVocational => "高职（专科）",
            Stage::Undergraduate => "本科",
            Stage::Master => "硕士研究生",
            Stage::Doctoral => "博士研究生",
        }
    }
}

/// The closed vocabulary of case facts a condition may test. Each fact is either a yes/no
/// (`is = true`), one of a set of values (`in = [...]`) or a number (`at_least = n`).
#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Boarding,
    HukouArea,
    Setting,
    Ownership,
    Kindergarten,
    Major,
    Hardship,
    Status,
    Disabled,
    Orphan,
    FullTime,
    FundedTeacherTrainee,
    MongolianInstruction,
    AdmissionTier,
    CountyHighSchoolYears,
}

enum Shape {
    Bool,
    OneOf(&'static [&'static str]),
    Number,
}

impl Fact {
    fn shape(self) -> Shape {
        match self {
            Fact::Boarding
            | Fact::Disabled
            | Fact::Orphan
            | Fact::FullTime
            | Fact::FundedTeacherTrainee
            | Fact::MongolianInstruction => Shape::Bool,
            Fact::HukouArea => Shape::OneOf(&["rural", "urban"]),
            Fact::Setting => Shape::OneOf(&["city", "county_town", "rural"]),
            Fact::Ownership => Shape::OneOf(&["public", "private"]),
            Fact::Kindergarten => Shape::OneOf(&["public", "inclusive_private", "other_private"]),
            Fact::Major => Shape::OneOf(&["agriculture", "arts_performance", "other"]),
            Fact::Hardship => Shape::OneOf(&["special", "relative", "general", "none"]),
            Fact::Status => Shape::OneOf(&[
                "registered_poor",
                "lifted_out",
                "monitored",
                "dibao",
                "tekun",
                "low_income",
                "martyr_family",
            ]),
            Fact::AdmissionTier => {
                Shape::OneOf(&["first_tier", "second_tier", "other_bachelor", "junior_college"])
            }
            Fact::CountyHighSchoolYears => Shape::Number,
        }
    }

    fn rust(self) -> &'static str {
        match self {
            Fact::Boarding => "Fact::Boarding",
            Fact::HukouArea => "Fact::HukouArea",
            Fact::Setting => "Fact::Setting",
            Fact::Ownership => "Fact::Ownership",
            Fact::Kindergarten => "Fact::Kindergarten",
            Fact::Major => "Fact::Major",
            Fact::Hardship => "Fact::Hardship",
            Fact::Status => "Fact::Status",
            Fact::Disabled => "Fact::Disabled",
            Fact::Orphan => "Fact::Orphan",
            Fact::FullTime => "Fact::FullTime",
            Fact::FundedTeacherTrainee => "Fact::FundedTeacherTrainee",
            Fact::MongolianInstruction => "Fact::MongolianInstruction",
            Fact::AdmissionTier => "Fact::AdmissionTier",
            Fact::CountyHighSchoolYears => "Fact::CountyHighSchoolYears",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub fact: Spanned<Fact>,
    pub is: Option<bool>,
    pub r#in: Option<Vec<String>>,
    pub at_least: Option<u8>,
    /// The criterion as the user reads it (「在校寄宿」).
    pub text: String,
    /// The document that sets this condition; the program's citation when absent.
    pub citation: Option<Spanned<String>>,
}

/// A check no case field settles (a merit ranking, a scope the source leaves open): the
/// program is `conditional` and the criterion says what is open.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unknown {
    pub text: String,
    pub citation: Option<Spanned<String>>,
}

#[derive(Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    CashPerYear,
    CashPerTerm,
    CashOnce,
    Waiver,
    InKind,
    LoanLimit,
}

impl AmountKind {
    fn rust(self) -> &'static str {
        match self {
            AmountKind::CashPerYear => "AmountKind::CashPerYear",
            AmountKind::CashPerTerm => "AmountKind::CashPerTerm",
            AmountKind::CashOnce => "AmountKind::CashOnce",
            AmountKind::Waiver => "AmountKind::Waiver",
            AmountKind::InKind => "AmountKind::InKind",
            AmountKind::LoanLimit => "AmountKind::LoanLimit",
        }
    }
}

/// One dated amount. `yuan` absent: the figure is not known (then `unverified` says why).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub kind: AmountKind,
    pub yuan: Option<i64>,
    pub min_yuan: Option<i64>,
    pub max_yuan: Option<i64>,
    /// First day of the figure; absent when no source gives one (then it holds for the whole
    /// period of the program).
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    /// Only for these stages (e.g. 本科 40000, 专科 30000).
    pub stages: Option<Vec<Stage>>,
    /// Only for these admission tiers (一本 12000, 二本 10000).
    pub admission_tiers: Option<Vec<Spanned<String>>>,
    pub citation: Spanned<String>,
    pub verified_on: Spanned<String>,
    pub unverified: Option<String>,
    pub basis: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stacking {
    /// The rule in the document's words (「享受燕宝基金会资助的同时，可再享受一项资助」).
    pub text: String,
    pub citation: Spanned<String>,
    /// How many other programs may be received with this one (from `student.aid_received`).
    pub max_others: Option<u8>,
    /// The limit holds only for households with one of these statuses (建档立卡户).
    #[serde(default)]
    pub statuses: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    pub r#where: String,
    pub when: String,
    pub documents: Vec<String>,
}

/// A local value of a national program whose amount is set locally (普高免学杂费 in 宁夏:
/// 800 元/年).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub program: Spanned<String>,
    pub regions: Option<Vec<Spanned<String>>>,
    /// `payer` (default): the payer's place must be in the regions; `both`: the 户籍地 too
    /// (甘肃's preschool aid is for 甘肃户籍 children).
    #[serde(default)]
    pub place: ParamPlace,
    /// The form the local figure takes, when it differs from the national program's
    /// (甘肃 gives preschool aid as a 保教费 reduction: `waiver`).
    pub kind: Option<AmountKind>,
    pub yuan: i64,
    pub from: Spanned<String>,
    pub until: Option<Spanned<String>>,
    pub citation: Spanned<String>,
    pub verified_on: Spanned<String>,
    pub unverified: Option<String>,
    pub basis: Option<String>,
}

#[derive(Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ParamPlace {
    #[default]
    Payer,
    Both,
}

/// What the reader needs to know from outside the file.
pub struct Known<'a> {
    /// A region code (6 digits, `620000` for a province) is in the registry.
    pub region: &'a dyn Fn(u32) -> bool,
    /// Its full name, for criterion texts.
    pub region_name: &'a dyn Fn(u32) -> String,
    pub national_program: &'a dyn Fn(&str) -> bool,
    pub national_citation: &'a dyn Fn(&str) -> bool,
}

/// A checked overlay, ready to emit.
pub struct Overlay {
    pub path: String,
    pub file: File,
    pub region: u32,
    /// Line of each program's `id`, for the program index.
    pub lines: Vec<usize>,
    /// Citations this file uses that another overlay file defines: (id, line).
    pub deferred: Vec<(String, usize)>,
}

/// An error at a place in a file.
fn at(path: &str, text: &str, span: Range<usize>, message: impl std::fmt::Display) -> String {
    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
    format!("{path}:{line}: {message}")
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let n = |r: Range<usize>| s[r].parse::<u32>().ok();
    match (n(0..4), n(5..7), n(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
                2 => 28,
                _ => 0,
            };
            (1990..=2100).contains(&y) && d >= 1 && d <= days
        }
        _ => false,
    }
}

/// A 2-, 4- or 6-digit prefix as the registry code it names (`62` → 620000).
fn prefix_code(p: &str) -> Option<u32> {
    if !matches!(p.len(), 2 | 4 | 6) || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = p.parse().ok()?;
    Some(match p.len() {
        2 => n * 10_000,
        4 => n * 100,
        _ => n,
    })
}

/// Reads and checks one overlay file.
pub fn parse(path: &str, text: &str, known: &Known) -> Result<Overlay, String> {
    let file: File = toml::from_str(text).map_err(|e| match e.span() {
        Some(span) => at(path, text, span, e.message()),
        None => format!("{path}: {}", e.message()),
    })?;
    let err = |span: Range<usize>, m: String| at(path, text, span, m);

    // The region: a known code, at the level the header says, and the file named after it.
    let region_text = file.overlay.region.get_ref();
    let region = prefix_code(region_text)
        .filter(|c| (known.region)(*c))
        .ok_or_else(|| err(file.overlay.region.span(), format!("地区代码 {region_text:?} 不在行政区划代码表中（应为2、4或6位代码前缀，如 \"62\"、\"6230\"、\"620623\"）")))?;
    let expected_len = match file.overlay.level {
        Level::Province => 2,
        Level::Prefecture => 4,
        Level::County => 6,
        Level::School | Level::Foundation => {
            return Err(format!(
                "{path}:1: [overlay] 的 level 是文件所属的行政区（province、prefecture 或 county）；学校或基金会的项目写在所在地的文件里，项目的 level 写 school 或 foundation"
            ))
        }
    };
    if region_text.len() != expected_len {
        return Err(err(
            file.overlay.region.span(),
            format!(
                "level 与地区代码位数不符：省级用2位、市级4位、县级6位，这里是 {region_text:?}"
            ),
        ));
    }
    let stem = path.rsplit('/').next().unwrap_or(path);
    if !stem.starts_with(&format!("{region_text}-")) {
        return Err(format!("{path}:1: 文件名应以地区代码开头，如 {region_text}-地名.toml"));
    }
    let date_ok = |s: &Spanned<String>| -> Result<(), String> {
        if is_date(s.get_ref()) {
            Ok(())
        } else {
            Err(err(s.span(), format!("日期 {:?} 不是 YYYY-MM-DD 格式的有效日期", s.get_ref())))
        }
    };
    date_ok(&file.overlay.verified_on)?;

    // Citations: unique ids, valid dates.
    let mut cited: BTreeSet<String> = BTreeSet::new();
    for c in &file.citation {
        if !cited.insert(c.id.get_ref().clone()) || (known.national_citation)(c.id.get_ref()) {
            return Err(err(c.id.span(), format!("引用 {:?} 重复定义", c.id.get_ref())));
        }
        if let Some(d) = &c.date {
            date_ok(d)?;
        }
    }
    // A citation defined in another overlay file is checked once all are read (`check_all`).
    let deferred = std::cell::RefCell::new(Vec::new());
    let cite_ok = |c: &Spanned<String>| -> Result<(), String> {
        if !cited.contains(c.get_ref()) && !(known.national_citation)(c.get_ref()) {
            let line = text[..c.span().start].matches('\n').count() + 1;
            deferred.borrow_mut().push((c.get_ref().clone(), line));
        }
        Ok(())
    };
    let within = |p: &Spanned<String>| -> Result<(), String> {
        let code = prefix_code(p.get_ref()).filter(|c| (known.region)(*c));
        match code {
            None => Err(err(p.span(), format!("地区代码 {:?} 不在行政区划代码表中", p.get_ref()))),
            Some(_) if !p.get_ref().starts_with(region_text.as_str()) => Err(err(
                p.span(),
                format!("地区 {:?} 不在本文件的地区 {region_text} 之内", p.get_ref()),
            )),
            Some(_) => Ok(()),
        }
    };

    let mut lines = Vec::new();
    let mut ids = BTreeSet::new();
    for p in &file.program {
        let id = p.id.get_ref();
        let prefix = format!("local.{region_text}.");
        let name_ok = id.strip_prefix(&prefix).is_some_and(|n| {
            !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        });
        if !name_ok {
            return Err(err(
                p.id.span(),
                format!("项目编号 {id:?} 应为 {prefix}名称（名称只用小写字母、数字和下划线）"),
            ));
        }
        if !ids.insert(id.clone()) {
            return Err(err(p.id.span(), format!("项目编号 {id:?} 重复")));
        }
        lines.push(text[..p.id.span().start].matches('\n').count() + 1);
        for r in p.regions.iter().flatten() {
            within(r)?;
        }
        if p.stages.is_empty() {
            return Err(err(p.id.span(), format!("{id}：stages 不能为空")));
        }
        for d in [&p.from, &p.until, &p.confirmed_until].into_iter().flatten() {
            date_ok(d)?;
        }
        if let (Some(f), Some(u)) = (&p.from, &p.until) {
            if u.get_ref() <= f.get_ref() {
                return Err(err(u.span(), format!("{id}：until 应晚于 from")));
            }
        }
        cite_ok(&p.citation)?;
        for c in &p.condition {
            let fact = *c.fact.get_ref();
            let shape_error = |m: &str| Err(err(c.fact.span(), format!("{id}：{m}")));
            match fact.shape() {
                Shape::Bool if c.is.is_none() || c.r#in.is_some() || c.at_least.is_some() => {
                    return shape_error("这个条件是“是/否”，只写 is = true 或 is = false")
                }
                Shape::Number if c.at_least.is_none() || c.is.is_some() || c.r#in.is_some() => {
                    return shape_error("这个条件是数字，只写 at_least = 数字")
                }
                Shape::OneOf(allowed) => {
                    let Some(values) = c.r#in.as_ref().filter(|v| !v.is_empty()) else {
                        return shape_error(&format!(
                            "这个条件写 in = [...]，取值为：{}",
                            allowed.join("、")
                        ));
                    };
                    if c.is.is_some() || c.at_least.is_some() {
                        return shape_error("这个条件只写 in = [...]");
                    }
                    if let Some(bad) = values.iter().find(|v| !allowed.contains(&v.as_str())) {
                        return shape_error(&format!(
                            "取值 {bad:?} 无法识别，应为：{}",
                            allowed.join("、")
                        ));
                    }
                }
                _ => {}
            }
            if let Some(cite) = &c.citation {
                cite_ok(cite)?;
            }
        }
        for u in &p.unknown {
            if let Some(cite) = &u.citation {
                cite_ok(cite)?;
            }
        }
        if p.amount.is_empty() {
            return Err(err(p.id.span(), format!("{id}：至少要有一条 [[program.amount]]（金额未知时不写 yuan，并用 unverified 说明）")));
        }
        let mut previous: Option<&Spanned<String>> = None;
        for a in &p.amount {
            if let Some(f) = &a.from {
                date_ok(f)?;
            }
            date_ok(&a.verified_on)?;
            if let Some(u) = &a.until {
                date_ok(u)?;
            }
            cite_ok(&a.citation)?;
            let span = a.citation.span();
            if a.yuan.is_none() && a.unverified.is_none() {
                return Err(err(
                    span,
                    format!("{id}：没有金额（yuan）的条目要用 unverified 说明为什么不知道"),
                ));
            }
            if a.yuan.is_some_and(|y| y < 0) {
                return Err(err(span, format!("{id}：金额不能为负")));
            }
            if let Some(tiers) = &a.admission_tiers {
                let Shape::OneOf(allowed) = Fact::AdmissionTier.shape() else { unreachable!() };
                if let Some(bad) = tiers.iter().find(|t| !allowed.contains(&t.get_ref().as_str())) {
                    return Err(err(
                        bad.span(),
                        format!(
                            "录取批次 {:?} 无法识别，应为：{}",
                            bad.get_ref(),
                            allowed.join("、")
                        ),
                    ));
                }
            }
            if a.stages.is_none() && a.admission_tiers.is_none() {
                match (previous, &a.from) {
                    (Some(prev), Some(from)) if from.get_ref() <= prev.get_ref() => {
                        return Err(err(
                            from.span(),
                            format!("{id}：金额按 from 日期从早到晚排列"),
                        ));
                    }
                    (Some(_), None) => {
                        return Err(err(span, format!("{id}：只有第一条金额可以不写 from")));
                    }
                    _ => {}
                }
                previous = a.from.as_ref();
            }
        }
        for x in &p.excludes {
            if !x.get_ref().starts_with("local.") && !(known.national_program)(x.get_ref()) {
                return Err(err(x.span(), format!("excludes 中的项目 {:?} 不存在", x.get_ref())));
            }
        }
        if let Some(s) = &p.stacking {
            cite_ok(&s.citation)?;
            let Shape::OneOf(allowed) = Fact::Status.shape() else { unreachable!() };
            if let Some(bad) = s.statuses.iter().find(|v| !allowed.contains(&v.as_str())) {
                return Err(err(
                    s.citation.span(),
                    format!(
                        "stacking.statuses 中的 {bad:?} 无法识别，应为：{}",
                        allowed.join("、")
                    ),
                ));
            }
        }
    }
    for q in &file.parameter {
        if !(known.national_program)(q.program.get_ref()) {
            return Err(err(
                q.program.span(),
                format!(
                    "国家项目 {:?} 不存在（[[parameter]] 只给国家项目设地方标准）",
                    q.program.get_ref()
                ),
            ));
        }
        for r in q.regions.iter().flatten() {
            within(r)?;
        }
        date_ok(&q.from)?;
        date_ok(&q.verified_on)?;
        if let Some(u) = &q.until {
            date_ok(u)?;
        }
        cite_ok(&q.citation)?;
    }
    let deferred = deferred.into_inner();
    Ok(Overlay { path: path.to_string(), file, region, lines, deferred })
}

/// Checks across files: program and citation ids unique, every citation defined somewhere,
/// `excludes` naming existing programs.
pub fn check_all(overlays: &[Overlay]) -> Result<(), String> {
    let mut citations = BTreeSet::new();
    for o in overlays {
        for c in &o.file.citation {
            if !citations.insert(c.id.get_ref().as_str()) {
                return Err(format!("{}: 引用 {:?} 在另一个文件中已定义", o.path, c.id.get_ref()));
            }
        }
    }
    for o in overlays {
        for (id, line) in &o.deferred {
            if !citations.contains(id.as_str()) {
                return Err(format!(
                    "{}:{line}: 引用 {id:?} 未定义（在本文件或另一个地方政策文件中写 [[citation]]）",
                    o.path
                ));
            }
        }
    }
    let mut ids = BTreeSet::new();
    for o in overlays {
        for (p, line) in o.file.program.iter().zip(&o.lines) {
            if !ids.insert(p.id.get_ref().as_str()) {
                return Err(format!(
                    "{}:{line}: 项目编号 {:?} 在另一个文件中已定义",
                    o.path,
                    p.id.get_ref()
                ));
            }
        }
    }
    for o in overlays {
        for p in &o.file.program {
            for x in &p.excludes {
                if x.get_ref().starts_with("local.") && !ids.contains(x.get_ref().as_str()) {
                    let line = o.lines[0];
                    return Err(format!(
                        "{}:{line}: excludes 中的项目 {:?} 不存在",
                        o.path,
                        x.get_ref()
                    ));
                }
            }
        }
    }
    Ok(())
}

fn date(s: &str) -> String {
    let n = |r: Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    format!("Date::ymd({}, {}, {})", n(0..4), n(5..7), n(8..10))
}

fn opt_date(s: &Option<Spanned<String>>) -> String {
    s.as_ref().map_or("None".to_string(), |d| format!("Some({})", date(d.get_ref())))
}

fn prefixes(o: &Overlay, regions: &Option<Vec<Spanned<String>>>) -> Vec<String> {
    match regions {
        Some(list) => list.iter().map(|r| r.get_ref().clone()).collect(),
        None => vec![o.file.overlay.region.get_ref().clone()],
    }
}

/// `OVERLAYS` and `LOCAL_CITATIONS`, in path order.
pub fn emit(overlays: &[Overlay], known: &Known, texts: bool) -> String {
    let mut out = String::from("// Generated by build.rs from policy/local/. Do not edit.\n");
    out.push_str("pub static LOCAL_CITATIONS: &[Citation] = &[\n");
    for o in overlays {
        for c in &o.file.citation {
            let confirmed = c.confidence == Confidence::Confirmed;
            writeln!(
                out,
                "    Citation {{ id: {:?}, title: {:?}, number: {:?}, issuer: {:?}, date: {}, source: {:?}, addresses: &{:?}, confirmed: {confirmed}, unverified: {:?}, note: {:?} }},",
                c.id.get_ref(),
                c.title,
                c.number,
                c.issuer,
                opt_date(&c.date),
                if texts { o.path.as_str() } else { "" },
                if texts { c.addresses.clone() } else { Vec::new() },
                (!confirmed).then_some("凭记忆或推断，未在检索到的来源中读到原文"),
                c.note.as_deref().filter(|_| texts),
            )
            .unwrap();
        }
    }
    out.push_str("];\n");
    out.push_str("pub static OVERLAYS: &[Overlay] = &[\n");
    for o in overlays {
        let h = &o.file.overlay;
        writeln!(
            out,
            "  Overlay {{ region: {}, level: {}, path: {:?}, verified_on: {}, note: {:?}, programs: &[",
            o.region,
            h.level.rust(),
            o.path,
            date(h.verified_on.get_ref()),
            h.note
        )
        .unwrap();
        for (p, line) in o.file.program.iter().zip(&o.lines) {
            emit_program(&mut out, o, p, *line, known);
        }
        out.push_str("  ], parameters: &[\n");
        for q in &o.file.parameter {
            writeln!(
                out,
                "    LocalParameter {{ program: {:?}, prefixes: &{:?}, hukou_too: {}, kind: {}, yuan: {}, from: {}, until: {}, citation: {:?}, verified_on: {}, unverified: {:?}, basis: {:?} }},",
                q.program.get_ref(),
                prefixes(o, &q.regions),
                q.place == ParamPlace::Both,
                q.kind.map_or("None".to_string(), |k| format!("Some({})", k.rust())),
                q.yuan,
                date(q.from.get_ref()),
                opt_date(&q.until),
                q.citation.get_ref(),
                date(q.verified_on.get_ref()),
                q.unverified,
                q.basis
            )
            .unwrap();
        }
        out.push_str("  ] },\n");
    }
    out.push_str("];\n");
    out
}

fn emit_program(out: &mut String, o: &Overlay, p: &Program, line: usize, known: &Known) {
    let prefixes = prefixes(o, &p.regions);
    let regions_text = p.regions_text.clone().unwrap_or_else(|| {
        prefixes
            .iter()
            .filter_map(|r| prefix_code(r))
            .map(|c| (known.region_name)(c))
            .collect::<Vec<_>>()
            .join("、")
    });
    let mut stages = p.stages.clone();
    stages.sort();
    let stage_text =
        format!("适用学段：{}", stages.iter().map(|s| s.label()).collect::<Vec<_>>().join("、"));
    let mut citations: Vec<String> = vec![p.citation.get_ref().clone()];
    let mut add = |c: &str| {
        if !citations.iter().any(|x| x == c) {
            citations.push(c.to_string());
        }
    };
    for c in p.condition.iter().filter_map(|c| c.citation.as_ref()) {
        add(c.get_ref());
    }
    for a in &p.amount {
        add(a.citation.get_ref());
    }
    for c in p.unknown.iter().filter_map(|u| u.citation.as_ref()) {
        add(c.get_ref());
    }
    if let Some(s) = &p.stacking {
        add(s.citation.get_ref());
    }
    let payer_basis = match p.place {
        PlaceRule::Hukou => "hukou",
        _ => "enrolment",
    };
    writeln!(
        out,
        "    LocalProgram {{ info: ProgramInfo {{ id: {:?}, name: {:?}, name_en: {:?}, from: {}, until: {}, citation: {:?}, citations: &{:?}, payer: {:?}, status_on: StatusOn::AsOf, status_on_citation: {:?}, apply_where: {:?}, apply_when: {:?}, documents: &{:?} }},",
        p.id.get_ref(),
        p.name,
        p.name_en,
        opt_date(&p.from),
        opt_date(&p.until),
        p.citation.get_ref(),
        citations,
        payer_basis,
        p.citation.get_ref(),
        p.apply.r#where,
        p.apply.when,
        p.apply.documents
    )
    .unwrap();
    writeln!(
        out,
        "      level: {}, aliases: &{:?}, line: {line}, prefixes: &{:?}, regions_text: {:?}, place: PlaceRule::{}, stages: &[{}], stage_text: {:?}, grades: &{:?}, confirmed_until: {}, payer: {:?},",
        p.level.rust(),
        p.aliases,
        prefixes,
        regions_text,
        match p.place {
            PlaceRule::Enrolment => "Enrolment",
            PlaceRule::Hukou => "Hukou",
            PlaceRule::Either => "Either",
            PlaceRule::Both => "Both",
        },
        stages.iter().map(|s| s.rust()).collect::<Vec<_>>().join(", "),
        stage_text,
        p.grades.clone().unwrap_or_default(),
        opt_date(&p.confirmed_until),
        p.payer
    )
    .unwrap();
    out.push_str("      conditions: &[\n");
    for c in &p.condition {
        let test = match c.fact.get_ref().shape() {
            Shape::Bool => format!("Test::Is({})", c.is.unwrap_or(true)),
            Shape::Number => format!("Test::AtLeast({})", c.at_least.unwrap_or(0)),
            Shape::OneOf(_) => format!("Test::In(&{:?})", c.r#in.clone().unwrap_or_default()),
        };
        writeln!(
            out,
            "        Condition {{ fact: {}, test: {test}, text: {:?}, citation: {:?} }},",
            c.fact.get_ref().rust(),
            c.text,
            c.citation.as_ref().map_or(p.citation.get_ref(), |c| c.get_ref())
        )
        .unwrap();
    }
    out.push_str("      ], unknowns: &[\n");
    for u in &p.unknown {
        writeln!(
            out,
            "        ({:?}, {:?}),",
            u.text,
            u.citation.as_ref().map_or(p.citation.get_ref(), |c| c.get_ref())
        )
        .unwrap();
    }
    out.push_str("      ], amounts: &[\n");
    for a in &p.amount {
        let stages: Vec<&str> = a.stages.iter().flatten().map(|s| s.rust()).collect();
        let tiers: Vec<String> =
            a.admission_tiers.iter().flatten().map(|t| t.get_ref().clone()).collect();
        writeln!(
            out,
            "        LocalAmount {{ kind: {}, yuan: {:?}, min_yuan: {:?}, max_yuan: {:?}, from: {}, until: {}, stages: &[{}], admission_tiers: &{:?}, citation: {:?}, verified_on: {}, unverified: {:?}, basis: {:?} }},",
            a.kind.rust(),
            a.yuan,
            a.min_yuan,
            a.max_yuan,
            opt_date(&a.from),
            opt_date(&a.until),
            stages.join(", "),
            tiers,
            a.citation.get_ref(),
            date(a.verified_on.get_ref()),
            a.unverified,
            a.basis
        )
        .unwrap();
    }
    let excludes: Vec<String> = p.excludes.iter().map(|x| x.get_ref().clone()).collect();
    writeln!(
        out,
        "      ], excludes: &{:?}, stacking: {} }},",
        excludes,
        match &p.stacking {
            Some(s) => format!(
                "Some(Stacking {{ text: {:?}, citation: {:?}, max_others: {:?}, statuses: &{:?} }})",
                s.text,
                s.citation.get_ref(),
                s.max_others,
                s.statuses
            ),
            None => "None".to_string(),
        }
    )
    .unwrap();
}
