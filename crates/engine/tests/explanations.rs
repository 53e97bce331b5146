//! Snapshot tests of the explanations: the text a family reads for a few whole cases. A change
//! of wording, amount or citation shows up as a reviewed diff in `tests/snapshots/`.

use std::fmt::Write as _;

use zhuxue_engine::assessment::Outcome;

fn render(case_json: &str) -> String {
    let case = zhuxue_engine::Case::from_json(case_json).unwrap();
    let a = zhuxue_engine::assess(&case).unwrap();
    let mut out = String::new();
    writeln!(out, "{} {:?} total={}", a.as_of, a.term, a.total_annual_yuan).unwrap();
    for e in &a.entitlements {
        let outcome = match e.outcome {
            Outcome::Eligible => "可以享受",
            Outcome::Conditional => "有条件",
            Outcome::NeedsInfo => "需补充信息",
        };
        writeln!(
            out,
            "[{outcome}] {} {} | amount {:?} {:?} ({:?}–{:?}) annual {} | payer {:?} {}",
            e.program,
            e.name,
            e.amount.kind,
            e.amount.yuan,
            e.amount.min_yuan,
            e.amount.max_yuan,
            e.annual_yuan,
            e.payer.basis,
            e.payer.name
        )
        .unwrap();
        for c in &e.criteria {
            let mark = match c.met {
                Some(true) => "✓",
                Some(false) => "✗",
                None => "?",
            };
            writeln!(out, "    {mark} {} [{}]", c.text, c.citations.join(", ")).unwrap();
        }
        let docs: Vec<String> = e
            .citations
            .iter()
            .map(|c| {
                format!("{}{}", c.title, c.number.map(|n| format!("（{n}）")).unwrap_or_default())
            })
            .collect();
        writeln!(out, "    依据：{}", docs.join("；")).unwrap();
        writeln!(out, "    申请：{} / {}", e.apply.where_, e.apply.when).unwrap();
    }
    for n in &a.not_entitled {
        if n.criteria.iter().any(|c| c.id == "stage") {
            continue;
        }
        let why: Vec<&str> =
            n.criteria.iter().filter(|c| c.met == Some(false)).map(|c| c.text.as_ref()).collect();
        writeln!(out, "[不能享受] {} {}: {}", n.program, n.name, why.join("；")).unwrap();
    }
    for n in &a.notices {
        writeln!(out, "(提示 {:?}) {}", n.kind, n.text).unwrap();
    }
    out
}

#[test]
fn rural_lifted_out_boarding_junior_pupil() {
    insta::assert_snapshot!(render(include_str!("../../../examples/junior-boarder-gansu.json")));
}

#[test]
fn cross_province_pupil_with_hukou_fallback() {
    insta::assert_snapshot!(render(include_str!("../../../examples/cross-province-fallback.json")));
}

#[test]
fn vocational_student_with_yulu_after_2025() {
    insta::assert_snapshot!(render(include_str!("../../../examples/vocational-yulu-2026.json")));
}

#[test]
fn university_freshman() {
    insta::assert_snapshot!(render(include_str!("../../../examples/university-freshman.json")));
}

#[test]
fn kindergarten_final_year() {
    insta::assert_snapshot!(render(include_str!("../../../examples/kindergarten-final-year.json")));
}
