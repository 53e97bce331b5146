//! Property tests: generated cases and raw bytes never panic the engine, and the answers keep
//! their structural promises.

use proptest::prelude::*;
use serde_json::{json, Value};
use zhuxue_engine::assessment::{Form, Outcome};

const REGIONS: &[&str] = &[
    "430923", "430921", "440106", "540121", "632322", "623001", "320102", "110108", "510104",
    "653121", "520102", "621126", "620102", "622926", "441900", "429004", "999999", "620100",
    // Places with local overlays: 西吉, 银川兴庆, 天祝, 甘南合作, 阿拉善左旗, 姚安.
    "640422", "640104", "620623", "623001", "152921", "532325",
];
const STAGES: &[&str] = &[
    "preschool",
    "primary",
    "junior",
    "senior",
    "secondary_vocational",
    "higher_vocational",
    "undergraduate",
    "master",
    "doctoral",
];
const AID: &[&str] = &[
    "compulsory.boarding_allowance",
    "compulsory.nonboarding_allowance",
    "compulsory.tuition_waiver",
    "higher.national_scholarship",
    "higher.encouragement_scholarship",
    "higher.origin_loan",
    "higher.campus_loan",
    "local.64.yanbao_scholarship",
];
/// The optional fields whose absence means "not known" (not a default): dropping one may turn
/// an eligible answer into `needs_info`, never into `not_entitled`.
const UNKNOWABLE: &[&str] = &[
    "/household/hukou/area",
    "/student/hardship",
    "/student/birth_date",
    "/student/enrolment/ownership",
    "/student/enrolment/boarding",
    "/student/enrolment/setting",
    "/student/enrolment/kindergarten",
    "/student/enrolment/major",
    "/student/enrolment/nutrition_program",
    "/student/enrolment/contiguous_poverty_area",
    "/student/enrolment/central_university",
    "/student/enrolment/vocational_undergraduate",
    "/student/enrolment/mongolian_instruction",
    "/student/admission_tier",
    "/student/county_high_school_years",
    "/household/statuses/0/from",
    "/household/statuses/0/to",
    "/household/statuses/1/from",
    "/household/statuses/1/to",
];
const KINDS: &[&str] = &[
    "registered_poor",
    "lifted_out",
    "monitored",
    "dibao",
    "tekun",
    "low_income",
    "martyr_family",
];

fn date() -> impl Strategy<Value = String> {
    (2016u32..2029, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn opt<T: Strategy>(s: T) -> impl Strategy<Value = Option<T::Value>> {
    prop::option::of(s)
}

fn status() -> impl Strategy<Value = Value> {
    (prop::sample::select(KINDS), opt(date()), opt(date())).prop_map(|(kind, from, to)| {
        let (from, to) = match (from, to) {
            (Some(f), Some(t)) if t < f => (Some(t), Some(f)),
            other => other,
        };
        let mut s = json!({ "kind": kind });
        if let Some(f) = from {
            s["from"] = json!(f);
        }
        if let Some(t) = to {
            s["to"] = json!(t);
        }
        s
    })
}

prop_compose! {
    fn case()(
        as_of in date(),
        hukou in prop::sample::select(REGIONS),
        enrol in prop::sample::select(REGIONS),
        area in opt(prop::sample::select(&["rural", "urban"][..])),
        statuses in prop::collection::vec(status(), 0..4),
        stage in prop::sample::select(STAGES),
        grade in prop_oneof![4 => 1u8..4, 1 => 1u8..8],
        ownership in opt(prop::sample::select(&["public", "private"][..])),
        boarding in opt(any::<bool>()),
        setting in opt(prop::sample::select(&["city", "county_town", "rural"][..])),
        kindergarten in opt(prop::sample::select(&["public", "inclusive_private", "other_private"][..])),
        major in opt(prop::sample::select(&["agriculture", "arts_performance", "other"][..])),
        full_time in opt(any::<bool>()),
        nutrition in opt(any::<bool>()),
        hardship in opt(prop::sample::select(&["special", "relative", "general", "none"][..])),
        flags in prop::array::uniform8(any::<bool>()),
        checked in any::<bool>(),
        aid in prop::collection::vec((prop::sample::select(AID), prop::sample::select(REGIONS)), 0..3),
        more in prop::array::uniform3(opt(any::<bool>())),
        birth in opt(date()),
        tier in opt(prop::sample::select(&["first_tier", "second_tier", "other_bachelor", "junior_college"][..])),
        years in opt(0u8..7),
        mongolian in opt(any::<bool>()),
    ) -> Value {
        let mut enrolment = json!({ "region": enrol });
        for (k, v) in [("ownership", ownership.map(Value::from)), ("boarding", boarding.map(Value::from)),
                       ("setting", setting.map(Value::from)), ("kindergarten", kindergarten.map(Value::from)),
                       ("major", major.map(Value::from)), ("full_time", full_time.map(Value::from)),
                       ("nutrition_program", nutrition.map(Value::from)),
                       ("contiguous_poverty_area", more[0].map(Value::from)),
                       ("central_university", more[1].map(Value::from)),
                       ("vocational_undergraduate", more[2].map(Value::from)),
                       ("mongolian_instruction", mongolian.map(Value::from))] {
            if let Some(v) = v { enrolment[k] = v; }
        }
        let mut hukou_v = json!({ "region": hukou });
        if let Some(a) = area { hukou_v["area"] = json!(a); }
        let mut student = json!({
            "stage": stage, "grade": grade, "enrolment": enrolment,
            "disabled": flags[0], "orphan": flags[1], "veteran": flags[2],
            "funded_teacher_trainee": flags[3], "salaried": flags[4],
            "enlisting": flags[6], "grassroots_employment": flags[7],
            "out_of_province_checked": checked && hukou[..2] != enrol[..2],
            "aid_received": aid.iter().map(|(p, r)| json!({"program": p, "region": r})).collect::<Vec<_>>(),
        });
        if let Some(h) = hardship { student["hardship"] = json!(h); }
        if let Some(t) = tier { student["admission_tier"] = json!(t); }
        if let Some(y) = years { student["county_high_school_years"] = json!(y); }
        if let Some(b) = birth.filter(|b| *b <= as_of) { student["birth_date"] = json!(b); }
        json!({ "as_of": as_of, "household": { "hukou": hukou_v, "statuses": statuses }, "student": student })
    }
}

fn run(case: &Value) -> Result<zhuxue_engine::Assessment, zhuxue_engine::CaseError> {
    zhuxue_engine::Case::from_value(case).and_then(|c| zhuxue_engine::assess(&c))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// No generated case panics; every answer accounts for the whole national catalogue once,
    /// and for every local program of the student's places and stage once; every entitlement
    /// has a payer that is a real place and at least one citation.
    #[test]
    fn generated_cases_never_panic_and_answers_are_complete(case in case()) {
        if let Ok(a) = run(&case) {
            let mut ids: Vec<&str> = a.entitlements.iter().map(|e| e.program)
                .chain(a.not_entitled.iter().map(|n| n.program)).collect();
            let all = ids.len();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), all, "a program answered twice");
            let (hukou, enrol) = (a.places.hukou.region.0, a.places.enrolment.region.0);
            let stage = zhuxue_engine::Case::from_value(&case).unwrap().student.stage;
            let local = zhuxue_engine::local::covering(hukou, enrol)
                .flat_map(|o| o.programs.iter())
                .filter(|p| p.stages.contains(&stage))
                .count();
            prop_assert_eq!(ids.len(), zhuxue_engine::policy::PROGRAMS.len() + local);
            prop_assert_eq!(a.rules.overlays.len(), zhuxue_engine::local::covering(hukou, enrol).count());
            for e in &a.entitlements {
                prop_assert!(zhuxue_engine::regions::county(e.payer.region.0).is_some());
                prop_assert!(!e.payer.name.is_empty());
                prop_assert!(!e.citations.is_empty(), "{} has no citation", e.program);
                prop_assert!(e.criteria.iter().all(|c| !c.citations.is_empty()), "{} has an uncited criterion", e.program);
                prop_assert!(e.annual_yuan >= 0);
                if e.outcome == Outcome::NeedsInfo { prop_assert!(!e.needs.is_empty()); }
            }
            for n in &a.not_entitled {
                prop_assert!(n.criteria.iter().any(|c| c.met == Some(false)), "{} not entitled without a failing criterion", n.program);
            }
            let sum = |forms: &[Form]| -> i64 {
                a.entitlements.iter().filter(|e| e.outcome == Outcome::Eligible && forms.contains(&e.form)).map(|e| e.annual_yuan).sum()
            };
            prop_assert_eq!(sum(&[Form::Cash]), a.total_annual_yuan);
            let local_cash: i64 = a.entitlements.iter()
                .filter(|e| e.outcome == Outcome::Eligible && e.form == Form::Cash && e.level.is_some())
                .map(|e| e.annual_yuan).sum();
            prop_assert_eq!(local_cash, a.local_annual_yuan);
            // A local program is paid by a place it covers.
            for e in a.entitlements.iter().filter(|e| e.level.is_some()) {
                let p = zhuxue_engine::local::program(e.program).unwrap();
                prop_assert!(p.covers(e.payer.region.0), "{} paid by a place it does not cover", e.program);
                prop_assert!(e.payer.by.is_some());
            }
            prop_assert_eq!(sum(&[Form::InKind, Form::Waiver]), a.in_kind_annual_yuan);
            prop_assert!(a.entitlements.iter().all(|e| e.form != Form::Loan || e.annual_yuan == 0));
            // The nutrition meal is food: never in the cash total.
            prop_assert!(a.entitlements.iter().all(|e| e.program != "compulsory.nutrition_meal" || e.form == Form::InKind));
        }
    }

    /// Adding a hardship status never removes an entitlement, and never turns an eligible one
    /// into anything less.
    #[test]
    fn adding_a_hardship_status_never_removes_an_entitlement(case in case(), extra in status()) {
        let Ok(before) = run(&case) else { return Ok(()) };
        let mut more = case.clone();
        more["household"]["statuses"].as_array_mut().unwrap().push(extra);
        let after = run(&more).expect("a valid case with one more valid status stays valid");
        for e in &before.entitlements {
            let a = after.entitlements.iter().find(|x| x.program == e.program);
            prop_assert!(a.is_some(), "{} lost after adding a status", e.program);
            if e.outcome == Outcome::Eligible {
                prop_assert_eq!(a.unwrap().outcome, Outcome::Eligible, "{} downgraded", e.program);
            }
        }
    }

    /// A missing answer is never a denial: dropping an optional field whose absence means "not
    /// known" may turn `eligible` into `needs_info` (or `conditional`), never into
    /// `not_entitled`.
    #[test]
    fn a_missing_answer_never_becomes_a_denial(case in case(), path in prop::sample::select(UNKNOWABLE)) {
        let Ok(before) = run(&case) else { return Ok(()) };
        let mut dropped = case.clone();
        let (parent, key) = path.rsplit_once('/').unwrap();
        let Some(obj) = dropped.pointer_mut(parent).and_then(Value::as_object_mut) else { return Ok(()) };
        if obj.remove(key).is_none() { return Ok(()) }
        let Ok(after) = run(&dropped) else {
            // Dropping `from`/`to` can only widen a period; nothing else can make a case invalid.
            return Err(TestCaseError::fail(format!("dropping {path} made the case invalid")));
        };
        for e in before.entitlements.iter().filter(|e| e.outcome == Outcome::Eligible) {
            let denied = after.not_entitled.iter().find(|n| n.program == e.program);
            prop_assert!(denied.is_none(), "dropping {} denied {}: {:?}", path, e.program,
                denied.map(|n| n.criteria.iter().filter(|c| c.met == Some(false)).map(|c| c.text.to_string()).collect::<Vec<_>>()));
        }
    }

    /// Raw bytes never panic the byte entry point (encodings, BOMs, NULs, truncation).
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let out = match zhuxue_engine::assess_json_bytes(&bytes) { Ok(s) | Err(s) => s };
        prop_assert!(serde_json::from_str::<Value>(&out).is_ok());
    }

    /// Raw text never panics the JSON entry point; it answers with JSON either way.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        let out = match zhuxue_engine::assess_json(&text) { Ok(s) | Err(s) => s };
        prop_assert!(serde_json::from_str::<Value>(&out).is_ok());
    }

    /// Valid cases with one field replaced by an arbitrary JSON value never panic, and an error
    /// always names a field.
    #[test]
    fn mutated_cases_never_panic(case in case(), path in prop::sample::select(&[
        "/as_of", "/household", "/household/hukou/region", "/household/statuses", "/household/statuses/0",
        "/household/statuses/0/from", "/student/stage", "/student/grade", "/student/enrolment",
        "/student/enrolment/region", "/student/enrolment/boarding", "/student/hardship",
        "/student/aid_received", "/student/birth_date", "/student/enlisting",
        "/student/enrolment/central_university", "/student/aid_received/0/program", "/student/typo"][..]),
        replacement in prop_oneof![
            Just(Value::Null), any::<bool>().prop_map(Value::from), any::<i64>().prop_map(Value::from),
            ".{0,12}".prop_map(Value::from), Just(json!([])), Just(json!({})), Just(json!([1, "a", null])),
            Just(json!("2024-02-30")), Just(json!(1e300)), Just(json!(-1)), Just(json!(255)), Just(json!(256)),
        ]) {
        let mut mutated = case.clone();
        if let Some(slot) = mutated.pointer_mut(path) { *slot = replacement; }
        match run(&mutated) {
            Ok(_) => {}
            Err(e) => prop_assert!(!e.field.is_empty() && !e.message.is_empty()),
        }
    }
}

/// The generators must produce mostly assessable cases, or the properties above would pass
/// vacuously on errors. Checked on a fixed-seed sample.
#[test]
fn generated_cases_are_mostly_assessable() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = case();
    let (mut ok, mut eligible) = (0, 0);
    let n = 1000;
    for _ in 0..n {
        let case = strategy.new_tree(&mut runner).unwrap().current();
        if let Ok(a) = run(&case) {
            ok += 1;
            eligible += a.entitlements.iter().filter(|e| e.outcome == Outcome::Eligible).count();
        }
    }
    assert!(ok * 100 / n >= 50, "only {ok} of {n} generated cases were assessable");
    assert!(eligible >= ok, "generated cases rarely produce an eligible entitlement ({eligible})");
}
