// Types of the zhuxue JS API, format v1 (docs/format.md, docs/schema/*.schema.json).
// Optional case fields may also be null (treated as absent). Fields may be added in later
// versions of v1; none is removed or renamed.

/** `YYYY-MM-DD` */
export type DateString = string;
/** A 6-digit GB/T 2260 county-level code, e.g. `"620102"`. */
export type RegionCode = string;
/** A program id, national (`"compulsory.boarding_allowance"`) or local (`"local.64.yanbao_scholarship"`); see `programs()`. */
export type ProgramId = string;

export type StatusKind = 'registered_poor' | 'lifted_out' | 'monitored' | 'dibao' | 'tekun' | 'low_income' | 'martyr_family';
export type Stage = 'preschool' | 'primary' | 'junior' | 'senior' | 'secondary_vocational' | 'higher_vocational' | 'undergraduate' | 'master' | 'doctoral';

export interface Case {
  as_of: DateString;
  household: {
    hukou: { region: RegionCode; area?: 'rural' | 'urban' | null };
    /** Each counts only inside its period; `from`/`to` may be `YYYY`, `YYYY-MM` or a full date. */
    statuses?: { kind: StatusKind; from?: string | null; to?: string | null }[] | null;
    statuses_checked?: boolean | null;
  };
  student: {
    stage: Stage;
    /** Year within the stage, from 1 (preschool: 1 小班 … 3 大班). */
    grade: number;
    enrolment: {
      region: RegionCode;
      ownership?: 'public' | 'private' | null;
      boarding?: boolean | null;
      setting?: 'city' | 'county_town' | 'rural' | null;
      kindergarten?: 'public' | 'inclusive_private' | 'other_private' | null;
      major?: 'agriculture' | 'arts_performance' | 'other' | null;
      full_time?: boolean | null;
      nutrition_program?: boolean | null;
      contiguous_poverty_area?: boolean | null;
      central_university?: boolean | null;
      vocational_undergraduate?: boolean | null;
      /** 蒙古语授课 (read by an Inner Mongolia local program). */
      mongolian_instruction?: boolean | null;
    };
    disabled?: boolean | null;
    orphan?: boolean | null;
    hardship?: 'special' | 'relative' | 'general' | 'none' | null;
    aid_received?: { program: ProgramId; region: RegionCode }[] | null;
    birth_date?: DateString | null;
    veteran?: boolean | null;
    funded_teacher_trainee?: boolean | null;
    salaried?: boolean | null;
    out_of_province_checked?: boolean | null;
    enlisting?: boolean | null;
    grassroots_employment?: boolean | null;
    /** 录取批次 of a university entrant (read by local entrance awards). */
    admission_tier?: 'first_tier' | 'second_tier' | 'other_bachelor' | 'junior_college' | null;
    /** Years at a senior high school of the 户籍 county, 0–6 (read by a local award). */
    county_high_school_years?: number | null;
  };
}

export interface Citation {
  id: string;
  title: string;
  number?: string;
  issuer: string;
  date?: DateString;
  source: string;
  /** Web addresses where the text was read (mostly reposts of the official text). */
  addresses?: string[];
  /** True when the content the rules rely on was read in a retrieved source. */
  confirmed: boolean;
  unverified?: string;
  note?: string;
}

export interface Criterion {
  id: string;
  /** true ✓, false ✗, null ? (the case does not say) */
  met: boolean | null;
  text: string;
  citations: string[];
}

export interface Amount {
  kind: 'cash_per_year' | 'cash_per_term' | 'cash_per_day' | 'cash_once' | 'waiver' | 'in_kind' | 'loan_limit';
  yuan?: number;
  min_yuan?: number;
  max_yuan?: number;
  days?: number;
  local?: true;
  /** Present when the figure is not yet checked against the official text: why. */
  unverified?: string;
  citation?: string;
  verified_on?: DateString;
  effective_from?: DateString;
  basis?: string;
}

export interface Entitlement {
  program: ProgramId;
  name: string;
  outcome: 'eligible' | 'conditional' | 'needs_info';
  form: 'cash' | 'in_kind' | 'waiver' | 'loan';
  amount: Amount;
  annual_yuan: number;
  payer: {
    region: RegionCode;
    basis: 'enrolment' | 'hukou' | 'hukou_fallback' | 'school';
    name: string;
    /** Who pays, in words, for a local program (天祝县财政, 宁夏燕宝慈善基金会). */
    by?: string;
  };
  criteria: Criterion[];
  citations: Citation[];
  apply: { where: string; when: string; documents: string[] };
  excludes: ProgramId[];
  needs?: string[];
  /** For a local program (`local.<region>.<name>`): who runs it. */
  level?: Level;
  /** A local rule on what else may be received with this aid. */
  stacking?: { text: string; citation: string };
}

export type Level = 'province' | 'prefecture' | 'county' | 'school' | 'foundation';

/** A jurisdiction whose local programs are encoded (policy/local/). */
export interface Overlay {
  region: RegionCode;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  verified_on: DateString;
  file: string;
  programs: number;
}

export interface RulesInfo {
  version: string;
  verified_on: DateString;
  coverage_from: DateString;
  scope: 'national' | 'national+local';
  /** In an assessment: the overlays applied to the case; from rulesInfo(): all built in. */
  overlays?: Overlay[];
}

export interface Assessment {
  as_of: DateString;
  term: { school_year: string; season: 'autumn' | 'spring' };
  rules: RulesInfo;
  entitlements: Entitlement[];
  not_entitled: { program: ProgramId; name: string; criteria: Criterion[]; level?: Level }[];
  notices: {
    kind: 'cross_province' | 'double_aid' | 'contradiction' | 'not_applicable' | 'future_status' | 'policy_continuation' | 'unverified' | 'stale_data' | 'date_assumed' | 'national_only' | 'scope';
    text: string;
    programs?: ProgramId[];
    field?: string;
  }[];
  total_annual_yuan: number;
  /** The part of total_annual_yuan paid by local programs; absent when none. */
  local_annual_yuan?: number;
  in_kind_annual_yuan: number;
  loan_annual_limit_yuan: number;
  places: { hukou: { region: RegionCode; name: string }; enrolment: { region: RegionCode; name: string } };
}

export interface Program {
  id: ProgramId;
  name: string;
  name_en: string;
  from: DateString | null;
  until: DateString | null;
  /** Who pays, by rule: the place of enrolment (学籍地), the hukou place (户籍地), the school. */
  payer: 'enrolment' | 'hukou' | 'school';
  apply: { where: string; when: string; documents: string[] };
  citations: Citation[];
  /** Local programs only: who runs it, the places it covers (code prefixes), who pays, its file. */
  level?: Level;
  regions?: string[];
  payer_by?: string;
  file?: string;
}

export type ErrorKind = 'syntax' | 'missing' | 'invalid' | 'contradiction' | 'no_rule_in_force' | 'unknown_field' | 'encoding' | 'too_large';

/** A case the engine cannot assess; `field` names the field (a JSON path). */
export class ZhuxueError extends Error {
  field: string;
  kind: ErrorKind;
}

/** Assesses a case (object or JSON text); throws ZhuxueError when it cannot be assessed. */
export function assess(input: Case | string): Assessment;
/** Checks a case without assessing it; never throws for a bad case. */
export function validate(input: Case | string): { valid: true } | { valid: false; error: ZhuxueError };
export function programs(): Program[];
export function rulesInfo(): RulesInfo;
