//! Turns the policy data (TOML and CSV under `policy/`) into Rust statics at build time.
//!
//! Why: the data stays human-editable, while the Wasm bundle carries no TOML parser and pays
//! nothing at start-up to read it. The checks that the data is *sound* (sorted dates, every
//! value cited, every program known) run as ordinary tests in `tests/policy_data.rs`, so a bad
//! edit shows up as a named test failure; this script only rejects what it cannot parse.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[path = "build/overlay.rs"]
mod overlay;

#[derive(Deserialize)]
struct Meta {
    version: String,
    verified_on: String,
    coverage_from: String,
    coverage_citation: String,
    transition_from: String,
    transition_until: String,
    transition_citation: String,
    post_transition_citation: String,
    stale_after_days: i64,
}

#[derive(Deserialize)]
struct CitationFile {
    citation: Vec<Citation>,
}

/// The addresses of each source tag in SOURCES.md (`* S30 http://… (note)`): tag → URLs
/// (abbreviated ones, with `…`, left out).
fn source_addresses(path: &Path) -> Vec<(String, Vec<String>)> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("* S") else { continue };
        let tag: String = std::iter::once('S')
            .chain(rest.chars().take_while(|c| c.is_ascii_alphanumeric()))
            .collect();
        let urls = line
            .split_whitespace()
            .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
            .map(|w| w.trim_end_matches([';', ',', ')', '.']).to_string())
            .filter(|w| !w.contains('…'))
            .collect();
        out.push((tag, urls));
    }
    out
}

/// The addresses of the tags a citation's `source` names (`SOURCES.md S30, S30c`); a tag
/// SOURCES.md does not list fails the build.
fn addresses_of(id: &str, source: &str, sources: &[(String, Vec<String>)]) -> Vec<String> {
    let mut out = Vec::new();
    let bytes: Vec<char> = source.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if boundary && bytes[i] == 'S' && bytes.get(i + 1).is_some_and(char::is_ascii_digit) {
            let tag: String = bytes[i..].iter().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let urls = sources.iter().find(|(t, _)| *t == tag).unwrap_or_else(|| {
                panic!("citations.toml {id}: source tag {tag} is not in SOURCES.md")
            });
            out.extend(urls.1.iter().cloned());
            i += tag.len();
        } else {
            i += 1;
        }
    }
    out.dedup();
    out
}

#[derive(Deserialize)]
struct Citation {
    id: String,
    title: String,
    number: Option<String>,
    issuer: String,
    date: Option<String>,
    source: String,
    confirmed: bool,
    unverified: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize, Default)]
struct ParameterFile {
    #[serde(default)]
    parameter: Vec<Parameter>,
}

#[derive(Deserialize)]
struct Parameter {
    name: String,
    unit: String,
    description: String,
    values: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Value {
    from: String,
    until: Option<String>,
    value: i64,
    citation: String,
    verified_on: String,
    unverified: Option<String>,
}

#[derive(Deserialize)]
struct ProgramFile {
    program: Vec<Program>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Program {
    id: String,
    name: String,
    name_en: String,
    from: Option<String>,
    until: Option<String>,
    citation: String,
    citations: Vec<String>,
    payer: String,
    #[serde(default = "as_of")]
    status_on: String,
    status_on_citation: Option<String>,
    apply: Apply,
}

fn as_of() -> String {
    "as_of".to_string()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Apply {
    r#where: String,
    when: String,
    documents: Vec<String>,
}

/// A region list: groups of code prefixes in the TOML itself, or county rows in a CSV beside
/// it (`csv`, with the columns holding codes, the group name and the basis of each row).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct List {
    id: String,
    name: String,
    complete: bool,
    citation: String,
    verified_on: String,
    #[serde(default)]
    group: Vec<Group>,
    csv: Option<String>,
    #[serde(default)]
    code_columns: Vec<String>,
    group_column: Option<String>,
    basis_column: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    tag: String,
    name: String,
    prefixes: Vec<String>,
    citation: String,
}

fn main() {
    // The long texts no screen of the family app shows (each citation's `note` and `source`,
    // each parameter's `description`, each county-list row's basis) are left out of Wasm
    // builds — about 4 KB brotli of the first load — and kept everywhere else (CLI, tests), so
    // the assessment JSON there is complete. `ZHUXUE_TEXTS=1` keeps them in a Wasm build too
    // (a JS API that returns whole assessments). The fields stay, empty.
    println!("cargo:rerun-if-env-changed=ZHUXUE_TEXTS");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let texts = !wasm || std::env::var_os("ZHUXUE_TEXTS").is_some();
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("policy");
    println!("cargo:rerun-if-changed={}", root.display());
    let national = root.join("national");

    let mut out = String::new();
    out.push_str("// Generated by build.rs from policy/. Do not edit.\n");

    write_meta(&mut out, &national);
    write_citations(&mut out, &national, texts);
    write_parameters(&mut out, &national, texts);
    write_programs(&mut out, &national);
    write_lists(&mut out, &national, texts);
    write_regions(&mut out, &root);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("policy_data.rs"), out).unwrap();
    let local = write_local(&root, &national, texts);
    std::fs::write(out_dir.join("local_data.rs"), local).unwrap();
    policy_cases();
}

/// The local overlays (policy/local/<province>/<region>-<name>.toml, see build/overlay.rs):
/// every file read and checked; the first error stops the build with its file and line.
fn write_local(root: &Path, national: &Path, texts: bool) -> String {
    let csv = std::fs::read_to_string(root.join("regions/regions.csv")).unwrap();
    let names: BTreeMap<u32, String> = csv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut parts = l.splitn(3, ',');
            let code = parts.next()?.parse().ok()?;
            parts.next()?;
            Some((code, parts.next()?.to_string()))
        })
        .collect();
    let programs: ProgramFile = read_toml(&national.join("programs.toml"));
    let citations: CitationFile = read_toml(&national.join("citations.toml"));
    let region = |c: u32| names.contains_key(&c);
    let region_name = |c: u32| names.get(&c).cloned().unwrap_or_default();
    let national_program = |id: &str| programs.program.iter().any(|p| p.id == id);
    let national_citation = |id: &str| citations.citation.iter().any(|c| c.id == id);
    let known = overlay::Known {
        region: &region,
        region_name: &region_name,
        national_program: &national_program,
        national_citation: &national_citation,
    };
    let files = local_files(&root.join("local"), ".toml");
    let mut overlays = Vec::new();
    for file in files {
        let path = file.strip_prefix(root.parent().unwrap()).unwrap().display().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        match overlay::parse(&path, &text, &known) {
            Ok(o) => overlays.push(o),
            Err(e) => panic!("{e}"),
        }
    }
    if let Err(e) = overlay::check_all(&overlays) {
        panic!("{e}");
    }
    overlay::emit(&overlays, &known, texts)
}

/// A long text kept only where it is shown (see `main`).
fn keep(texts: bool, s: &str) -> String {
    if texts {
        s.to_string()
    } else {
        String::new()
    }
}

/// `META`: the rules version, coverage and the transition period (meta.toml).
fn write_meta(out: &mut String, national: &Path) {
    let meta: Meta = read_toml(&national.join("meta.toml"));
    writeln!(
        out,
        "pub static META: Meta = Meta {{ version: {:?}, verified_on: {}, coverage_from: {}, coverage_citation: {:?}, transition_from: {}, transition_until: {}, transition_citation: {:?}, post_transition_citation: {:?}, stale_after_days: {} }};",
        meta.version,
        date(&meta.verified_on),
        date(&meta.coverage_from),
        meta.coverage_citation,
        date(&meta.transition_from),
        date(&meta.transition_until),
        meta.transition_citation,
        meta.post_transition_citation,
        meta.stale_after_days
    )
    .unwrap();
}

/// `CITATIONS` (citations.toml), each with the addresses of its sources (SOURCES.md).
fn write_citations(out: &mut String, national: &Path, texts: bool) {
    let citations: CitationFile = read_toml(&national.join("citations.toml"));
    let sources = source_addresses(&national.join("SOURCES.md"));
    out.push_str("pub static CITATIONS: &[Citation] = &[\n");
    for c in &citations.citation {
        let addresses = addresses_of(&c.id, &c.source, &sources);
        writeln!(
            out,
            "    Citation {{ id: {:?}, title: {:?}, number: {:?}, issuer: {:?}, date: {}, source: {:?}, addresses: &{:?}, confirmed: {}, unverified: {:?}, note: {:?} }},",
            c.id,
            c.title,
            c.number,
            c.issuer,
            optional_date(c.date.as_deref()),
            keep(texts, &c.source),
            if texts { addresses } else { Vec::new() },
            c.confirmed,
            c.unverified,
            c.note.as_deref().filter(|_| texts)
        )
        .unwrap();
    }
    out.push_str("];\n");
}

/// `PARAMETERS` and one static per parameter: every other TOML file of national/.
fn write_parameters(out: &mut String, national: &Path, texts: bool) {
    // Every other TOML file in national/ holds parameters; collected in name order.
    let mut params: BTreeMap<String, Parameter> = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(national)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for file in files {
        let name = file.file_name().unwrap().to_str().unwrap();
        if matches!(name, "meta.toml" | "citations.toml" | "programs.toml") {
            continue;
        }
        let pf: ParameterFile = read_toml(&file);
        for p in pf.parameter {
            if params.contains_key(&p.name) {
                panic!("{}: parameter {} defined twice", file.display(), p.name);
            }
            params.insert(p.name.clone(), p);
        }
    }
    for p in params.values() {
        let ident = p.name.replace('.', "_").to_uppercase();
        writeln!(
            out,
            "pub static {ident}: Parameter = Parameter {{ name: {:?}, unit: {:?}, description: {:?}, values: &[",
            p.name,
            p.unit,
            keep(texts, &p.description)
        )
        .unwrap();
        for v in &p.values {
            writeln!(
                out,
                "    DatedValue {{ from: {}, until: {}, value: {}, citation: {:?}, verified_on: {}, unverified: {:?} }},",
                date(&v.from),
                v.until.as_deref().map_or("None".to_string(), |u| format!("Some({})", date(u))),
                v.value,
                v.citation,
                date(&v.verified_on),
                v.unverified
            )
            .unwrap();
        }
        out.push_str("] };\n");
    }
    out.push_str("pub static PARAMETERS: &[&Parameter] = &[\n");
    for p in params.values() {
        writeln!(out, "    &{},", p.name.replace('.', "_").to_uppercase()).unwrap();
    }
    out.push_str("];\n");
}

/// `PROGRAMS` (programs.toml) and `enum Program`.
fn write_programs(out: &mut String, national: &Path) {
    let programs: ProgramFile = read_toml(&national.join("programs.toml"));
    out.push_str("pub static PROGRAMS: &[ProgramInfo] = &[\n");
    for p in &programs.program {
        writeln!(
            out,
            "    ProgramInfo {{ id: {:?}, name: {:?}, name_en: {:?}, from: {}, until: {}, citation: {:?}, citations: &{:?}, payer: {:?}, status_on: {}, status_on_citation: {:?}, apply_where: {:?}, apply_when: {:?}, documents: &{:?} }},",
            p.id,
            p.name,
            p.name_en,
            optional_date(p.from.as_deref()),
            optional_date(p.until.as_deref()),
            p.citation,
            p.citations,
            p.payer,
            match p.status_on.as_str() {
                "as_of" => "StatusOn::AsOf",
                "term_start" => "StatusOn::TermStart",
                other => panic!("programs.toml {}: status_on {other:?} is not as_of or term_start", p.id),
            },
            p.status_on_citation.as_deref().unwrap_or("hunan-2020-speech"),
            p.apply.r#where,
            p.apply.when,
            p.apply.documents
        )
        .unwrap();
    }
    out.push_str("];\n");

    program_enum(out, &programs.program);
}

/// The region lists of national/lists/: code prefixes, or county rows from a CSV.
fn write_lists(out: &mut String, national: &Path, texts: bool) {
    let lists_dir = national.join("lists");
    let mut lists: Vec<PathBuf> = std::fs::read_dir(&lists_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    lists.sort();
    for file in lists {
        let l: List = read_toml(&file);
        match &l.csv {
            Some(csv) => county_list(out, &l, &lists_dir.join(csv), texts),
            None => prefix_list(out, &l, &file),
        }
    }
}

/// The region registry (regions/regions.csv).
fn write_regions(out: &mut String, root: &Path) {
    // Regions, packed for the Wasm bundle: one concatenated name string, the codes as the
    // differences between successive codes (sorted) in LEB128 bytes — 1.4 KB brotli against
    // 4.0 KB as u32s — and one byte each for level and name length. The engine unpacks them
    // once, on first use (regions.rs).
    let csv = std::fs::read_to_string(root.join("regions/regions.csv")).unwrap();
    let mut names = String::new();
    let mut codes = Vec::new();
    let mut levels = Vec::new();
    let mut lens = Vec::new();
    let mut previous = 0u32;
    for (i, line) in csv.lines().enumerate().skip(1) {
        let mut parts = line.splitn(3, ',');
        let (code, level, name) = (parts.next(), parts.next(), parts.next());
        let (Some(code), Some(level), Some(name)) = (code, level, name) else {
            panic!("regions.csv line {}: expected code,level,name", i + 1)
        };
        let code: u32 = code.parse().unwrap_or_else(|_| panic!("regions.csv line {}", i + 1));
        assert!(code > previous, "regions.csv line {}: codes must be sorted", i + 1);
        let mut delta = code - previous;
        previous = code;
        levels.push(match level {
            "province" => 0u8,
            "prefecture" => 1,
            "county" => 2,
            other => panic!("regions.csv line {}: unknown level {other}", i + 1),
        });
        lens.push(u8::try_from(name.len()).expect("region name under 256 bytes"));
        while delta >= 0x80 {
            codes.push((delta & 0x7f) as u8 | 0x80);
            delta >>= 7;
        }
        codes.push(delta as u8);
        names.push_str(name);
    }
    writeln!(out, "pub static REGION_NAMES: &str = {names:?};").unwrap();
    writeln!(out, "pub static REGION_CODE_DELTAS: &[u8] = &{codes:?};").unwrap();
    writeln!(out, "pub static REGION_LEVELS: &[u8] = &{levels:?};").unwrap();
    writeln!(out, "pub static REGION_NAME_LENS: &[u8] = &{lens:?};").unwrap();
}

fn prefix_list(out: &mut String, l: &List, file: &Path) {
    let ident = l.id.to_uppercase();
    writeln!(
        out,
        "pub static {ident}: RegionList = RegionList {{ id: {:?}, name: {:?}, complete: {}, citation: {:?}, verified_on: {}, groups: &[",
        l.id, l.name, l.complete, l.citation, date(&l.verified_on)
    )
    .unwrap();
    for g in &l.group {
        for p in &g.prefixes {
            assert!(
                matches!(p.len(), 2 | 4 | 6) && p.bytes().all(|b| b.is_ascii_digit()),
                "{}: prefix {p:?} must be 2, 4 or 6 digits",
                file.display()
            );
        }
        writeln!(
            out,
            "    RegionGroup {{ tag: {:?}, name: {:?}, prefixes: &{:?}, citation: {:?} }},",
            g.tag, g.name, g.prefixes, g.citation
        )
        .unwrap();
    }
    out.push_str("] };\n");
}

/// A county list from CSV rows: every code column of every row (today's code and the code as
/// listed), sorted for binary search, each with the index of its (group, basis).
fn county_list(out: &mut String, l: &List, csv: &Path, texts: bool) {
    let text = std::fs::read_to_string(csv)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", csv.display()));
    let mut rows = text.lines().map(split_csv_line);
    let header = rows.next().unwrap_or_default();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name}", csv.display()))
    };
    let code_columns: Vec<usize> = l.code_columns.iter().map(|c| column(c)).collect();
    let group_column = l.group_column.as_deref().map(column);
    let basis_column = l.basis_column.as_deref().map(column);
    let mut groups: Vec<(String, String)> = Vec::new();
    let mut counties: BTreeMap<u32, usize> = BTreeMap::new();
    for row in rows {
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).cloned().unwrap_or_default();
        let key = (cell(group_column), cell(basis_column));
        let index = groups.iter().position(|g| *g == key).unwrap_or_else(|| {
            groups.push(key);
            groups.len() - 1
        });
        for &c in &code_columns {
            let code = row.get(c).map(String::as_str).unwrap_or("");
            if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
                counties.entry(code.parse().unwrap()).or_insert(index);
            }
        }
    }
    let ident = l.id.to_uppercase();
    writeln!(
        out,
        "pub static {ident}: CountyList = CountyList {{ id: {:?}, name: {:?}, complete: {}, citation: {:?}, verified_on: {}, groups: &[",
        l.id, l.name, l.complete, l.citation, date(&l.verified_on)
    )
    .unwrap();
    for (name, basis) in &groups {
        let basis = if texts { basis.as_str() } else { "" };
        writeln!(out, "    CountyGroup {{ name: {name:?}, basis: {basis:?} }},").unwrap();
    }
    let codes: Vec<u32> = counties.keys().copied().collect();
    let index: Vec<u8> = counties.values().map(|&i| u8::try_from(i).unwrap()).collect();
    writeln!(out, "], codes: &{codes:?}, group_index: &{index:?} }};").unwrap();
}

/// One CSV line into cells: commas separate, double quotes enclose cells that hold commas.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

fn read_toml<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn optional_date(s: Option<&str>) -> String {
    s.map_or("None".to_string(), |d| format!("Some({})", date(d)))
}

/// `YYYY-MM-DD` to a `Date::ymd(..)` expression; the engine's own parser re-checks validity in
/// the data tests, this only rejects what is not shaped like a date.
fn date(s: &str) -> String {
    let parts: Vec<&str> = s.split('-').collect();
    assert!(
        parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2,
        "policy date {s:?} is not YYYY-MM-DD"
    );
    let n = |p: &str| p.parse::<u32>().unwrap_or_else(|_| panic!("policy date {s:?}"));
    format!("Date::ymd({}, {}, {})", n(parts[0]), n(parts[1]), n(parts[2]))
}

/// The policy cases (`tests/cases/*.toml`, with comments) as JSON for the one harness in
/// `src/reference.rs` (`cases.rs`: the files, compiled in, so the desk's self-check runs them
/// too) and one named test per case (`case_tests.rs`, included by `tests/policy_cases.rs`, so
/// `cargo test -p zhuxue-engine --test policy_cases compulsory_07` runs one boundary case).
/// TOML has no null: the string "<absent>" stands for it. A file that is not valid TOML fails
/// the build with its name and line.
fn policy_cases() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = manifest.join("tests/cases");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    // (name shown in messages, file, stem of the test names): tests/cases/*.toml, then each
    // local overlay's cases beside it (policy/local/<province>/<region>-<name>.cases.toml).
    let mut sources: Vec<(String, PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let stem = name.trim_end_matches(".toml").to_string();
            (name, p, stem)
        })
        .collect();
    sources.sort();
    for file in local_files(&manifest.join("policy/local"), ".cases.toml") {
        let name = file.strip_prefix(&manifest).unwrap().display().to_string();
        let region =
            file.file_name().unwrap().to_string_lossy().split('-').next().unwrap_or("").to_string();
        sources.push((name, file, format!("local_{region}")));
    }
    let mut files = String::from(
        "// Generated by build.rs from tests/cases/*.toml and policy/local/. Do not edit.\n",
    );
    writeln!(files, "pub const FILES: [(&str, &str); {}] = [", sources.len()).unwrap();
    let mut tests = String::from(
        "// Generated by build.rs from tests/cases/*.toml and policy/local/. Do not edit.\n",
    );
    for (name, path, stem) in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = to_json(value);
        let json_path = out_dir.join(format!("case_{stem}.json"));
        std::fs::write(&json_path, json.to_string()).unwrap();
        writeln!(files, "    ({name:?}, include_str!({:?})),", json_path.display().to_string())
            .unwrap();
        for (i, test) in
            json["tests"].as_array().map(Vec::as_slice).unwrap_or(&[]).iter().enumerate()
        {
            let title = test["name"].as_str().unwrap_or("");
            let slug = slug(title);
            writeln!(
                tests,
                "/// {title}\n#[test]\nfn {stem}_{:02}_{slug}() {{\n    run_case({name:?}, {i});\n}}\n",
                i + 1
            )
            .unwrap();
        }
    }
    files.push_str("];\n");
    std::fs::write(out_dir.join("cases.rs"), files).unwrap();
    std::fs::write(out_dir.join("case_tests.rs"), tests).unwrap();
}

/// The files under policy/local/<province>/ whose names end with `suffix`, in path order.
fn local_files(local: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(local)
        .map(|d| d.map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    dirs.sort();
    let mut files = Vec::new();
    for dir in dirs {
        let mut in_dir: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(suffix))
            .filter(|p| suffix != ".toml" || !p.to_string_lossy().ends_with(".cases.toml"))
            .collect();
        in_dir.sort();
        files.extend(in_dir);
    }
    files
}

fn to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) if s == "<absent>" => J::Null,
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// A test name as part of a Rust identifier: ASCII letters and digits, `_` between words.
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
        if out.len() >= 48 {
            break;
        }
    }
    out.trim_end_matches('_').to_string()
}

/// `enum Program`, one variant per catalogue entry in programs.toml order (the index into
/// `PROGRAMS`), so the rules name programs by variant, never by a string a typo could break.
fn program_enum(out: &mut String, programs: &[Program]) {
    let variant = |id: &str| -> String {
        id.split(['.', '_'])
            .map(|w| {
                let mut c = w.chars();
                c.next().map_or(String::new(), |f| f.to_ascii_uppercase().to_string() + c.as_str())
            })
            .collect()
    };
    out.push_str("/// Every program of the national catalogue (generated from programs.toml).\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Program {\n");
    for p in programs {
        writeln!(out, "    /// `{}` {}\n    {},", p.id, p.name, variant(&p.id)).unwrap();
    }
    out.push_str("}\n\nimpl Program {\n");
    writeln!(out, "    pub const ALL: [Program; {}] = [", programs.len()).unwrap();
    for p in programs {
        writeln!(out, "        Program::{},", variant(&p.id)).unwrap();
    }
    out.push_str("    ];\n}\n");
}
