//! A long generated run through the JSON path: `N` case texts (realistic ones, ones with a
//! field changed to an odd value, and ones with their bytes damaged) go through
//! [`zhuxue_engine::assess_json_bytes`]; each answer is checked against the invariants the
//! property tests state. Prints the counts; exits 1 on any panic or violation.
//!
//! ```sh
//! cargo run --profile soak -p zhuxue-engine --example soak -- 10000000
//! ```
//!
//! The `soak` profile is the optimised build with overflow checks and debug assertions on, so
//! an arithmetic overflow anywhere is a panic, and a panic is counted, not hidden.

use std::panic;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use zhuxue_engine::assessment::{Form, Outcome};
use zhuxue_engine::{policy, Case};

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const REGIONS: &[&str] = &[
    "430923", "430921", "440106", "540121", "632322", "623001", "320102", "110108", "510104",
    "653121", "652901", "513422", "620622", "640323", "640422", "520102", "621126", "620102",
    "622926", "441900", "429004", "532325", "152921",
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
const KINDS: &[&str] = &[
    "registered_poor",
    "lifted_out",
    "monitored",
    "dibao",
    "tekun",
    "low_income",
    "martyr_family",
];
const PROGRAMS: &[&str] = &[
    "compulsory.boarding_allowance",
    "compulsory.nonboarding_allowance",
    "compulsory.tuition_waiver",
    "higher.national_scholarship",
    "higher.encouragement_scholarship",
    "higher.origin_loan",
    "higher.campus_loan",
    "yulu.vocational_subsidy",
];
const ODD: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "2.5",
    "1e400",
    "\"\"",
    "\"2024-02-30\"",
    "[]",
    "{}",
    "\"\\u202e\"",
    "99999999999999999999",
    "\"999999\"",
    "\"+620102\"",
    "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]",
];

fn date(r: &mut Rng) -> String {
    format!("{}-{:02}-{:02}", 2015 + r.below(15), 1 + r.below(12), 1 + r.below(28))
}

fn opt(keep: bool, key: &str, value: String, out: &mut Vec<String>) {
    if keep {
        out.push(format!("\"{key}\": {value}"));
    }
}

fn case_text(r: &mut Rng) -> String {
    let as_of = date(r);
    let hukou = r.pick(REGIONS);
    let enrol = if r.chance(70) { hukou } else { r.pick(REGIONS) };
    let mut statuses = Vec::new();
    for _ in 0..r.below(4) {
        let mut s = vec![format!("\"kind\": \"{}\"", r.pick(KINDS))];
        let (a, b) = (date(r), date(r));
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        opt(r.chance(60), "from", format!("\"{from}\""), &mut s);
        opt(r.chance(60), "to", format!("\"{to}\""), &mut s);
        statuses.push(format!("{{{}}}", s.join(", ")));
    }
    let mut hukou_f = vec![format!("\"region\": \"{hukou}\"")];
    opt(r.chance(60), "area", format!("\"{}\"", r.pick(&["rural", "urban"])), &mut hukou_f);
    let mut en = vec![format!("\"region\": \"{enrol}\"")];
    opt(r.chance(60), "ownership", format!("\"{}\"", r.pick(&["public", "private"])), &mut en);
    for key in [
        "boarding",
        "full_time",
        "nutrition_program",
        "contiguous_poverty_area",
        "central_university",
        "vocational_undergraduate",
    ] {
        opt(r.chance(60), key, r.chance(50).to_string(), &mut en);
    }
    opt(
        r.chance(60),
        "setting",
        format!("\"{}\"", r.pick(&["city", "county_town", "rural"])),
        &mut en,
    );
    opt(
        r.chance(60),
        "kindergarten",
        format!("\"{}\"", r.pick(&["public", "inclusive_private", "other_private"])),
        &mut en,
    );
    opt(
        r.chance(60),
        "major",
        format!("\"{}\"", r.pick(&["agriculture", "arts_performance", "other"])),
        &mut en,
    );
    let grades = if r.chance(90) { 3 } else { 8 };
    let mut st = vec![
        format!("\"stage\": \"{}\"", r.pick(STAGES)),
        format!("\"grade\": {}", 1 + r.below(grades)),
        format!("\"enrolment\": {{{}}}", en.join(", ")),
    ];
    for key in [
        "disabled",
        "orphan",
        "veteran",
        "funded_teacher_trainee",
        "salaried",
        "enlisting",
        "grassroots_employment",
    ] {
        if r.chance(15) {
            st.push(format!("\"{key}\": true"));
        }
    }
    if hukou[..2] != enrol[..2] && r.chance(30) {
        st.push("\"out_of_province_checked\": true".into());
    }
    opt(
        r.chance(60),
        "hardship",
        format!("\"{}\"", r.pick(&["special", "relative", "general", "none"])),
        &mut st,
    );
    if r.chance(20) {
        let aid: Vec<String> = (0..1 + r.below(3))
            .map(|_| {
                format!(
                    "{{\"program\": \"{}\", \"region\": \"{}\"}}",
                    r.pick(PROGRAMS),
                    r.pick(REGIONS)
                )
            })
            .collect();
        st.push(format!("\"aid_received\": [{}]", aid.join(", ")));
    }
    format!(
        "{{\"as_of\": \"{as_of}\", \"household\": {{\"hukou\": {{{}}}, \"statuses\": [{}]}}, \"student\": {{{}}}}}",
        hukou_f.join(", "),
        statuses.join(", "),
        st.join(", ")
    )
}

/// Replaces one value (after a `": "`) with an odd one.
fn mutate(r: &mut Rng, text: &str) -> String {
    let spots: Vec<usize> = text.match_indices("\": ").map(|(i, _)| i + 3).collect();
    let at = spots[r.below(spots.len())];
    let rest = &text[at..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    format!("{}{}{}", &text[..at], r.pick(ODD), &rest[end..])
}

/// Damages the bytes: truncation, a flipped byte, an inserted byte.
fn damage(r: &mut Rng, text: &str) -> Vec<u8> {
    let mut b = text.as_bytes().to_vec();
    let at = r.below(b.len());
    match r.below(3) {
        0 => b.truncate(at),
        1 => b[at] ^= 1 << r.below(8),
        _ => b.insert(at, r.next() as u8),
    }
    b
}

/// Checks one answer; returns a description of the first violation.
fn check(bytes: &[u8]) -> Result<bool, String> {
    let out = match zhuxue_engine::assess_json_bytes(bytes) {
        Ok(s) | Err(s) => s,
    };
    if serde_json::from_str::<serde_json::Value>(&out).is_err() {
        return Err(format!("output is not JSON: {out}"));
    }
    let Ok(case) = Case::from_bytes(bytes) else { return Ok(false) };
    let Ok(a) = zhuxue_engine::assess(&case) else { return Ok(false) };
    let answered = a.entitlements.len() + a.not_entitled.len();
    if answered != policy::PROGRAMS.len() {
        return Err(format!("{answered} programs answered"));
    }
    let mut cash = 0;
    let mut in_kind = 0;
    for e in &a.entitlements {
        if e.citations.is_empty() || e.criteria.iter().any(|c| c.citations.is_empty()) {
            return Err(format!("{}: uncited", e.program));
        }
        if e.payer.name.is_empty() || e.annual_yuan < 0 {
            return Err(format!("{}: payer or amount", e.program));
        }
        if e.outcome == Outcome::NeedsInfo && e.needs.is_empty() {
            return Err(format!("{}: needs_info without a field", e.program));
        }
        if e.outcome == Outcome::Eligible {
            match e.form {
                Form::Cash => cash += e.annual_yuan,
                Form::InKind | Form::Waiver => in_kind += e.annual_yuan,
                Form::Loan => {}
            }
        }
    }
    if cash != a.total_annual_yuan || in_kind != a.in_kind_annual_yuan {
        return Err("totals".into());
    }
    if a.not_entitled.iter().any(|n| !n.criteria.iter().any(|c| c.met == Some(false))) {
        return Err("not entitled without a failing criterion".into());
    }
    Ok(true)
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let threads = std::thread::available_parallelism().map_or(1, |p| p.get()) as u64;
    panic::set_hook(Box::new(|_| {})); // counted below, not printed a million times
    let (panics, violations, assessed) =
        (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let start = std::time::Instant::now();
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let (panics, violations, assessed) =
                (panics.clone(), violations.clone(), assessed.clone());
            std::thread::spawn(move || {
                let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (t + 1));
                let mut i = t;
                while i < n {
                    let text = case_text(&mut r);
                    let bytes = match r.below(10) {
                        0..=5 => text.into_bytes(),
                        6..=8 => mutate(&mut r, &text).into_bytes(),
                        _ => damage(&mut r, &text),
                    };
                    match panic::catch_unwind(|| check(&bytes)) {
                        Ok(Ok(true)) => {
                            assessed.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(Ok(false)) => {}
                        Ok(Err(why)) => {
                            if violations.fetch_add(1, Ordering::Relaxed) < 5 {
                                eprintln!(
                                    "violation: {why}\n  {}",
                                    String::from_utf8_lossy(&bytes)
                                );
                            }
                        }
                        Err(_) => {
                            if panics.fetch_add(1, Ordering::Relaxed) < 5 {
                                eprintln!("panic on: {}", String::from_utf8_lossy(&bytes));
                            }
                        }
                    }
                    i += threads;
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let (p, v, a) = (
        panics.load(Ordering::Relaxed),
        violations.load(Ordering::Relaxed),
        assessed.load(Ordering::Relaxed),
    );
    println!(
        "soak: {n} cases through the JSON path ({a} assessed, {} refused with an error), {threads} threads, {:.1} s: {p} panics, {v} invariant violations",
        n - a - p - v,
        start.elapsed().as_secs_f64()
    );
    if p + v > 0 {
        std::process::exit(1);
    }
}
