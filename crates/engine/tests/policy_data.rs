//! Checks on the policy data itself: a bad edit to `policy/` fails here with a named reason.

use zhuxue_engine::date::Date;
use zhuxue_engine::policy::{self, CITATIONS, META, PARAMETERS, PROGRAMS};
use zhuxue_engine::regions;

/// The v1 catalogue (docs/format.md). External portals rely on these ids.
/// Added since v1 (optional additions; ids never change): 中职国家奖学金, 校园地贷款, 研究生国家
/// 奖学金, 服兵役 and 基层就业 compensation.
const CATALOGUE: [&str; 26] = [
    "preschool.fee_waiver",
    "preschool.hardship_aid",
    "compulsory.tuition_waiver",
    "compulsory.free_textbooks",
    "compulsory.boarding_allowance",
    "compulsory.nonboarding_allowance",
    "compulsory.nutrition_meal",
    "senior.fee_waiver",
    "senior.national_grant",
    "vocational.tuition_waiver",
    "vocational.national_grant",
    "vocational.national_scholarship",
    "yulu.vocational_subsidy",
    "higher.national_grant",
    "higher.national_scholarship",
    "higher.encouragement_scholarship",
    "higher.origin_loan",
    "higher.campus_loan",
    "higher.freshman_travel",
    "higher.green_channel",
    "graduate.national_grant",
    "graduate.national_scholarship",
    "graduate.academic_scholarship",
    "military.tuition_compensation",
    "military.tuition_waiver",
    "grassroots.tuition_compensation",
];

#[test]
fn programs_are_exactly_the_v1_catalogue() {
    let ids: Vec<&str> = PROGRAMS.iter().map(|p| p.id).collect();
    assert_eq!(ids, CATALOGUE);
}

#[test]
fn every_citation_reference_resolves() {
    let mut refs: Vec<(String, &str)> = Vec::new();
    for p in PARAMETERS {
        for v in p.values {
            refs.push((format!("parameter {}", p.name), v.citation));
        }
    }
    for p in PROGRAMS {
        refs.push((format!("program {}", p.id), p.status_on_citation));
        refs.push((format!("program {}", p.id), p.citation));
        for c in p.citations {
            refs.push((format!("program {}", p.id), c));
        }
    }
    for l in [&policy::CONTIGUOUS_AREAS, &policy::POVERTY_COUNTIES_832] {
        refs.push((format!("list {}", l.id), l.citation));
    }
    for l in [&policy::SPECIAL_AREAS, &policy::CENTRAL_WESTERN_PROVINCES] {
        refs.push((format!("list {}", l.id), l.citation));
        for g in l.groups {
            refs.push((format!("list {} group {}", l.id, g.name), g.citation));
        }
    }
    for m in [META.coverage_citation, META.transition_citation, META.post_transition_citation] {
        refs.push(("meta".into(), m));
    }
    let missing: Vec<_> = refs.iter().filter(|(_, id)| policy::citation(id).is_none()).collect();
    assert!(missing.is_empty(), "unknown citation ids: {missing:?}");
}

#[test]
fn citations_are_unique_dated_and_described() {
    for (i, c) in CITATIONS.iter().enumerate() {
        assert!(c.date.is_none_or(|d| d.is_valid()), "{}: invalid date", c.id);
        // A date or number no source gave is never written as if known: an undated citation,
        // or an unconfirmed one, says what is unsure.
        if c.date.is_none() || !c.confirmed {
            assert!(c.unverified.is_some(), "{}: must say what is not verified", c.id);
        }
        assert!(!c.title.is_empty() && !c.issuer.is_empty() && !c.source.is_empty(), "{}", c.id);
        assert!(CITATIONS[..i].iter().all(|d| d.id != c.id), "duplicate citation {}", c.id);
        if !c.confirmed {
            assert!(c.note.is_some(), "{}: an unconfirmed citation must say what is unsure", c.id);
        }
    }
}

#[test]
fn parameter_values_are_sorted_half_open_and_cited() {
    for p in PARAMETERS {
        assert!(!p.values.is_empty(), "{} has no values", p.name);
        for (i, v) in p.values.iter().enumerate() {
            assert!(v.from.is_valid(), "{}: invalid from date {}", p.name, v.from);
            assert!(v.verified_on.is_valid(), "{}: invalid verified_on", p.name);
            assert!(
                v.verified_on <= META.verified_on,
                "{}: verified_on {} is after the data's verified_on {}",
                p.name,
                v.verified_on,
                META.verified_on
            );
            if let Some(until) = v.until {
                assert!(until.is_valid() && until > v.from, "{}: until must follow from", p.name);
                assert_eq!(i, p.values.len() - 1, "{}: only the last value may end", p.name);
            }
            if i > 0 {
                assert!(
                    p.values[i - 1].from < v.from,
                    "{}: values must be sorted by strictly increasing date ({} then {})",
                    p.name,
                    p.values[i - 1].from,
                    v.from
                );
            }
            if matches!(p.unit, "yuan_per_year" | "yuan_per_day" | "yuan_once") {
                assert!(v.value > 0, "{}: money must be positive", p.name);
            }
        }
    }
}

#[test]
fn parameter_units_are_known() {
    for p in PARAMETERS {
        assert!(
            matches!(
                p.unit,
                "yuan_per_year"
                    | "yuan_per_day"
                    | "yuan_once"
                    | "days"
                    | "percent"
                    | "grade"
                    | "flag"
            ),
            "{}: unknown unit {}",
            p.name,
            p.unit
        );
    }
}

#[test]
fn programs_are_dated_and_have_apply_instructions() {
    for p in PROGRAMS {
        assert!(p.from.is_none_or(|f| f.is_valid()), "{}", p.id);
        assert!(p.until.is_none_or(|u| p.from.is_none_or(|f| u > f)), "{}", p.id);
        assert!(
            !p.name.is_empty() && !p.apply_where.is_empty() && !p.apply_when.is_empty(),
            "{}",
            p.id
        );
        assert!(matches!(p.payer, "enrolment" | "hukou" | "school"), "{}: payer {}", p.id, p.payer);
        assert!(!p.citations.is_empty(), "{}: no citations", p.id);
    }
}

#[test]
fn region_lists_name_real_regions() {
    for l in [&policy::SPECIAL_AREAS, &policy::CENTRAL_WESTERN_PROVINCES] {
        for g in l.groups {
            for p in g.prefixes {
                let code: u32 = format!("{p:0<6}").parse().unwrap();
                assert!(regions::lookup(code).is_some(), "{}: prefix {p} is not a region", l.id);
            }
        }
    }
    // 22 provinces of the freshman programme.
    let provinces: usize =
        policy::CENTRAL_WESTERN_PROVINCES.groups.iter().map(|g| g.prefixes.len()).sum();
    assert_eq!(provinces, 22);
}

#[test]
fn county_lists_hold_what_their_sources_say() {
    let l = &policy::POVERTY_COUNTIES_832;
    // 832 rows: 830 with today's code, 38 of them recoded since and kept under both codes.
    assert!(l.complete);
    assert_eq!(l.codes.len(), 868, "codes in the 832 list");
    let c = &policy::CONTIGUOUS_AREAS;
    assert!(!c.complete);
    let in_group = |name: &str| {
        c.codes
            .iter()
            .zip(c.group_index)
            .filter(|(_, &g)| c.groups[g as usize].name == name)
            .count()
    };
    // Codes per group: 74 Tibetan counties (6 recoded), 77 in 四省藏区 (4 recoded; 茫崖 and
    // 冷湖行委 were merged into one code, 632803), 24 in 南疆三地州.
    assert_eq!(in_group("西藏"), 80);
    assert_eq!(in_group("四省藏区"), 80);
    assert_eq!(in_group("新疆南疆三地州"), 24);
    // Every 片区 county is one of the 832.
    for code in c.codes {
        assert!(l.contains(*code), "片区 county {code} is not in the 832 list");
    }
    // Each row of the contiguous list carries the basis it is known on.
    assert!(c.groups.iter().all(|g| !g.basis.is_empty()));
}

#[test]
fn programs_read_statuses_on_a_cited_day() {
    use zhuxue_engine::policy::StatusOn;
    for p in PROGRAMS {
        let expected =
            if p.id == "yulu.vocational_subsidy" { StatusOn::TermStart } else { StatusOn::AsOf };
        assert_eq!(p.status_on, expected, "{}", p.id);
    }
}

#[test]
fn values_change_on_the_dates_facts_md_records() {
    let at = |p: &policy::Parameter, d: &str| p.at(Date::parse(d).unwrap()).map(|v| v.value);
    // Boarding allowance 1000/1250 → 1250/1500 from spring 2024.
    assert_eq!(at(&policy::COMPULSORY_BOARDING_ALLOWANCE_PRIMARY, "2024-01-31"), Some(1000));
    assert_eq!(at(&policy::COMPULSORY_BOARDING_ALLOWANCE_PRIMARY, "2024-02-01"), Some(1250));
    assert_eq!(at(&policy::COMPULSORY_BOARDING_ALLOWANCE_JUNIOR, "2024-01-31"), Some(1250));
    assert_eq!(at(&policy::COMPULSORY_BOARDING_ALLOWANCE_JUNIOR, "2024-02-01"), Some(1500));
    // Nutrition 3 → 4 → 5 yuan a day.
    let n = &policy::COMPULSORY_NUTRITION_MEAL_PER_DAY;
    assert_eq!(at(n, "2011-10-31"), None);
    assert_eq!(at(n, "2011-11-01"), Some(3));
    assert_eq!(at(n, "2014-10-31"), Some(3));
    assert_eq!(at(n, "2014-11-01"), Some(4));
    assert_eq!(at(n, "2021-08-31"), Some(4));
    assert_eq!(at(n, "2021-09-01"), Some(5));
    // 普高/中职 grant 2000 → 2300 from spring 2025; 1500 → 2000 from spring 2015.
    assert_eq!(at(&policy::SENIOR_NATIONAL_GRANT_AVERAGE, "2025-01-31"), Some(2000));
    assert_eq!(at(&policy::SENIOR_NATIONAL_GRANT_AVERAGE, "2025-02-01"), Some(2300));
    assert_eq!(at(&policy::VOCATIONAL_NATIONAL_GRANT_AVERAGE, "2015-01-31"), Some(1500));
    assert_eq!(at(&policy::VOCATIONAL_NATIONAL_GRANT_AVERAGE, "2015-02-01"), Some(2000));
    assert_eq!(at(&policy::VOCATIONAL_NATIONAL_GRANT_AVERAGE, "2025-02-01"), Some(2300));
    // Loan caps 8000 → 12000 → 16000 → 20000 (研究生 12000 → … → 25000).
    let l = &policy::HIGHER_LOAN_LIMIT_UNDERGRADUATE;
    assert_eq!(at(l, "2014-08-31"), None);
    assert_eq!(at(l, "2014-09-01"), Some(8000));
    assert_eq!(at(l, "2021-09-01"), Some(12000));
    assert_eq!(at(l, "2023-09-01"), Some(16000));
    assert_eq!(at(l, "2024-09-01"), Some(20000));
    assert_eq!(at(&policy::HIGHER_LOAN_LIMIT_GRADUATE, "2024-09-01"), Some(25000));
    // 本专科国家助学金 3000 → 3300 → 3700; scholarships 8000 → 10000, 5000 → 6000.
    assert_eq!(at(&policy::HIGHER_NATIONAL_GRANT_AVERAGE, "2024-08-31"), Some(3300));
    assert_eq!(at(&policy::HIGHER_NATIONAL_GRANT_AVERAGE, "2024-09-01"), Some(3700));
    assert_eq!(at(&policy::HIGHER_NATIONAL_SCHOLARSHIP_AMOUNT, "2024-09-01"), Some(10000));
    assert_eq!(at(&policy::HIGHER_ENCOURAGEMENT_SCHOLARSHIP_AMOUNT, "2024-08-31"), Some(5000));
    // Veterans' grant for all veteran students: dated, not timeless.
    assert_eq!(at(&policy::HIGHER_NATIONAL_GRANT_VETERANS_ALL, "2019-08-31"), None);
    assert_eq!(at(&policy::HIGHER_NATIONAL_GRANT_VETERANS_ALL, "2019-09-01"), Some(1));
    // Postgraduate academic scholarship (central support): the 2025 raise starts in a term.
    let g = &policy::GRADUATE_ACADEMIC_SCHOLARSHIP_MASTER_CENTRAL;
    assert_eq!(at(g, "2025-08-31"), Some(8000));
    assert_eq!(at(g, "2025-09-01"), Some(10000));
    // 服兵役 and 基层就业 caps follow the loan caps.
    assert_eq!(at(&policy::MILITARY_CAP_UNDERGRADUATE, "2023-09-01"), Some(16000));
    assert_eq!(at(&policy::GRASSROOTS_CAP_GRADUATE, "2024-09-01"), Some(25000));
    // 雨露计划 3000 to 2025-12-31, then no value.
    assert_eq!(at(&policy::YULU_VOCATIONAL_SUBSIDY_PER_YEAR, "2025-12-31"), Some(3000));
    assert_eq!(at(&policy::YULU_VOCATIONAL_SUBSIDY_PER_YEAR, "2026-01-01"), None);
}

#[test]
fn meta_dates_are_consistent() {
    assert!(META.coverage_from.is_valid() && META.verified_on.is_valid());
    assert!(META.transition_from < META.transition_until);
    assert_eq!(META.transition_until, Date::new(2026, 1, 1).unwrap());
}

#[test]
fn region_registry_is_complete_enough_to_name_places() {
    assert_eq!(regions::counts(), (31, 339, 2978));
    assert_eq!(regions::full_name(622926), "甘肃省临夏回族自治州东乡族自治县");
}

/// Every citation says where its text was read inside the repository — tags of
/// `policy/national/SOURCES.md` (resolved to their web addresses) or a repository file — and
/// nothing points outside it.
#[test]
fn citation_sources_stand_alone() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for c in zhuxue_engine::policy::CITATIONS {
        assert!(
            !c.source.contains("facts.md") && !c.source.contains("shared/"),
            "{}: {}",
            c.id,
            c.source
        );
        if c.source.starts_with("SOURCES.md") {
            assert!(
                !c.addresses.is_empty() || c.source.contains("S37") || c.source.contains("S16c"),
                "{}: no address for {}",
                c.id,
                c.source
            );
            assert!(
                c.addresses.iter().all(|a| a.starts_with("http")),
                "{}: {:?}",
                c.id,
                c.addresses
            );
        }
        if let Some(file) = c
            .source
            .split('（')
            .next()
            .filter(|f| f.starts_with("docs/") || f.starts_with("policy/"))
        {
            let path = if file.starts_with("policy/") {
                root.join("crates/engine").join(file)
            } else {
                root.join(file)
            };
            assert!(path.exists(), "{}: {} is not in the repository", c.id, file);
        }
    }
    let guofa = zhuxue_engine::policy::citation("guofa-2015-67").unwrap();
    assert_eq!(guofa.source, "SOURCES.md S30, S30c");
    assert_eq!(
        guofa.addresses,
        [
            "http://sport555.cn/jiaoyu/news/471909.html",
            "https://soolun.net/periodical/86c9a8fbb28338c1a32f6a9d9d63c7eb.html"
        ]
    );
}
