//! A malformed local overlay fails the build with its file and line: the reader build.rs uses
//! (`build/overlay.rs`), fed broken files. Each test states the exact `path:line: message`.

#[allow(dead_code)]
#[path = "../build/overlay.rs"]
mod overlay;

const PATH: &str = "policy/local/62-甘肃/620623-天祝藏族自治县.toml";

/// A small valid overlay; each test breaks one line of it.
const GOOD: &str = r#"[overlay]
region = "620623"
level = "county"
verified_on = "2026-11-23"

[[citation]]
id = "tianzhu-test"
title = "天祝测试来源"
issuer = "天祝县"
confidence = "confirmed"

[[program]]
id = "local.620623.senior_boarding"
name = "天祝县高中寄宿生生活补助"
name_en = "Tianzhu boarders"
level = "county"
place = "enrolment"
stages = ["senior"]
from = "2012-02-01"
citation = "tianzhu-test"
payer = "天祝县财政"
apply = { where = "学校", when = "每学期", documents = [] }

[[program.condition]]
fact = "boarding"
is = true
text = "在校寄宿"

[[program.amount]]
kind = "cash_per_year"
yuan = 1000
from = "2012-02-01"
citation = "tianzhu-test"
verified_on = "2026-11-23"
"#;

fn known_region(code: u32) -> bool {
    matches!(code, 620000 | 620600 | 620623 | 620602 | 640000)
}
fn region_name(code: u32) -> String {
    match code {
        620623 => "天祝藏族自治县".into(),
        _ => code.to_string(),
    }
}
fn national_program(id: &str) -> bool {
    id == "senior.fee_waiver"
}
fn national_citation(id: &str) -> bool {
    id == "hunan-2020-speech"
}

fn parse(text: &str) -> Result<overlay::Overlay, String> {
    let known = overlay::Known {
        region: &known_region,
        region_name: &region_name,
        national_program: &national_program,
        national_citation: &national_citation,
    };
    overlay::parse(PATH, text, &known)
}

fn error(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "the test's text {from:?} is not in GOOD");
    match parse(&GOOD.replacen(from, to, 1)) {
        Ok(_) => panic!("{to:?} was accepted"),
        Err(e) => e,
    }
}

#[test]
fn the_good_file_is_read() {
    let o = parse(GOOD).unwrap();
    assert_eq!(o.region, 620623);
    assert_eq!(o.lines, vec![13]);
    let known = overlay::Known {
        region: &known_region,
        region_name: &region_name,
        national_program: &national_program,
        national_citation: &national_citation,
    };
    let rust = overlay::emit(&[o], &known, true);
    assert!(rust.contains(r#"id: "local.620623.senior_boarding""#), "{rust}");
    assert!(rust.contains("fact: Fact::Boarding, test: Test::Is(true)"), "{rust}");
}

#[test]
fn an_unknown_key_names_its_line() {
    let e = error("payer = \"天祝县财政\"", "payer = \"天祝县财政\"\npayr = \"x\"");
    assert!(e.starts_with(&format!("{PATH}:22: ")), "{e}");
    assert!(e.contains("unknown field `payr`"), "{e}");
}

#[test]
fn an_unknown_fact_names_its_line() {
    let e = error("fact = \"boarding\"", "fact = \"boarder\"");
    assert!(e.starts_with(&format!("{PATH}:25: ")), "{e}");
    assert!(e.contains("unknown variant `boarder`"), "{e}");
}

#[test]
fn a_value_outside_the_vocabulary_is_refused() {
    let e =
        error("fact = \"boarding\"\nis = true", "fact = \"hukou_area\"\nin = [\"countryside\"]");
    assert_eq!(
        e,
        format!("{PATH}:25: local.620623.senior_boarding：取值 \"countryside\" 无法识别，应为：rural、urban")
    );
}

#[test]
fn a_condition_of_the_wrong_shape_is_refused() {
    let e = error("is = true", "at_least = 1");
    assert_eq!(
        e,
        format!("{PATH}:25: local.620623.senior_boarding：这个条件是“是/否”，只写 is = true 或 is = false")
    );
}

#[test]
fn a_region_outside_the_file_is_refused() {
    let e = error("level = \"county\"\nplace", "level = \"county\"\nregions = [\"640000\"]\nplace");
    assert_eq!(e, format!("{PATH}:17: 地区 \"640000\" 不在本文件的地区 620623 之内"));
    let e = error("level = \"county\"\nplace", "level = \"county\"\nregions = [\"629999\"]\nplace");
    assert_eq!(e, format!("{PATH}:17: 地区代码 \"629999\" 不在行政区划代码表中"));
}

#[test]
fn an_id_outside_the_files_region_is_refused() {
    let e = error("local.620623.senior_boarding", "local.64.senior_boarding");
    assert_eq!(
        e,
        format!("{PATH}:13: 项目编号 \"local.64.senior_boarding\" 应为 local.620623.名称（名称只用小写字母、数字和下划线）")
    );
}

#[test]
fn a_bad_date_names_its_line() {
    let e = error("from = \"2012-02-01\"\ncitation", "from = \"2012-02-30\"\ncitation");
    assert_eq!(e, format!("{PATH}:19: 日期 \"2012-02-30\" 不是 YYYY-MM-DD 格式的有效日期"));
}

#[test]
fn the_header_must_match_the_file_name_and_level() {
    let e = error("level = \"county\"\nverified_on", "level = \"province\"\nverified_on");
    assert!(e.starts_with(&format!("{PATH}:2: level 与地区代码位数不符")), "{e}");
    let e = error("region = \"620623\"", "region = \"620602\"");
    assert_eq!(e, format!("{PATH}:1: 文件名应以地区代码开头，如 620602-地名.toml"));
}

#[test]
fn a_missing_amount_reason_is_refused() {
    let e = error("yuan = 1000\n", "");
    assert_eq!(
        e,
        format!("{PATH}:32: local.620623.senior_boarding：没有金额（yuan）的条目要用 unverified 说明为什么不知道")
    );
}

#[test]
fn a_citation_defined_nowhere_fails_across_files() {
    let o = parse(&GOOD.replacen(
        "citation = \"tianzhu-test\"\npayer",
        "citation = \"tianzhu-typo\"\npayer",
        1,
    ))
    .unwrap();
    let e = overlay::check_all(&[o]).unwrap_err();
    assert_eq!(
        e,
        format!("{PATH}:20: 引用 \"tianzhu-typo\" 未定义（在本文件或另一个地方政策文件中写 [[citation]]）")
    );
}

#[test]
fn a_program_id_used_twice_across_files_fails() {
    let a = parse(GOOD).unwrap();
    let b = parse(&GOOD.replace("tianzhu-test", "tianzhu-other")).unwrap();
    let e = overlay::check_all(&[a, b]).unwrap_err();
    assert!(e.starts_with(&format!("{PATH}:")), "{e}");
    assert!(e.contains("在另一个文件中已定义"), "{e}");
}
