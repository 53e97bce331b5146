//! Engine benchmark: time per case on a realistic mix, and cases per second.
//!
//! Run with `cargo bench -p zhuxue-engine --bench engine`. Prints figures; asserts nothing
//! about speed (timing belongs in benchmarks, not tests). The mix is every case of the policy
//! test files, so it spans every stage, cross-province cases, refused cases and boundary
//! dates.

use std::hint::black_box;
use std::time::Instant;

use zhuxue_engine::Case;

#[path = "../tests/support/mod.rs"]
mod support;

/// Every case, or only the national ones (tests/cases/, not the local overlays' cases).
fn mix(national_only: bool) -> Vec<Case> {
    support::load_cases()
        .iter()
        .filter(|(file, _, _)| !national_only || !file.starts_with("policy/local/"))
        .filter_map(|(_, _, case)| Case::from_value(case).ok())
        .collect()
}

/// Median, min and max time per case over rounds of the whole mix (after a warm-up).
fn time(cases: &[Case]) -> (f64, f64, f64) {
    for c in cases {
        black_box(zhuxue_engine::assess(black_box(c)).ok());
    }
    let rounds = 41;
    let per_round = 200;
    let mut per_case_ns: Vec<f64> = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..per_round {
            for c in cases {
                black_box(zhuxue_engine::assess(black_box(c)).ok());
            }
        }
        per_case_ns.push(start.elapsed().as_nanos() as f64 / (per_round * cases.len()) as f64);
    }
    per_case_ns.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (per_case_ns[rounds / 2], per_case_ns[0], per_case_ns[rounds - 1])
}

fn main() {
    let cases = mix(false);
    let valid = cases.iter().filter(|c| zhuxue_engine::assess(c).is_ok()).count();
    println!(
        "engine benchmark: {} cases in the mix ({} assessable, {} refused)",
        cases.len(),
        valid,
        cases.len() - valid
    );
    let (median, min, max) = time(&cases);
    println!(
        "assess (validated case → assessment): median {:.2} µs/case, min {:.2} µs, max {:.2} µs, {:.0} cases/s",
        median / 1000.0,
        min / 1000.0,
        max / 1000.0,
        1e9 / median
    );
    let national = mix(true);
    let (median, min, _) = time(&national);
    println!(
        "assess, the {} national cases only (as before local programs): median {:.2} µs/case, min {:.2} µs",
        national.len(),
        median / 1000.0,
        min / 1000.0
    );

    // The JSON path the CLI and the JS API take: parse, validate, assess, serialise.
    let texts: Vec<String> = cases.iter().map(Case::to_json).collect();
    let start = Instant::now();
    let n = 20;
    let mut bytes = 0usize;
    for _ in 0..n {
        for t in &texts {
            bytes += match zhuxue_engine::assess_json(black_box(t)) {
                Ok(s) | Err(s) => s.len(),
            };
        }
    }
    let ns = start.elapsed().as_nanos() as f64 / (n * texts.len()) as f64;
    println!(
        "assess_json (JSON in → JSON out): {:.2} µs/case, {:.0} cases/s, {} bytes of output per case on average",
        ns / 1000.0,
        1e9 / ns,
        bytes / (n * texts.len())
    );
}
