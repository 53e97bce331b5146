// zhuxue JS API (format v1): the student-aid rules engine, in the browser, with no server.
//
//   import { assess, validate, programs, rulesInfo, ZhuxueError } from './api/index.js';
//   const a = assess({ as_of: '2025-10-10', household: { … }, student: { … } });
//
// The module loads its WebAssembly (zhuxue_js_bg.wasm, beside this file) once, on import.
// Nothing is sent anywhere: the case is assessed in this page. Case and assessment follow
// docs/format.md and docs/schema/*.schema.json; index.d.ts types them.
import init, { assessJson, validateJson, programsJson, rulesInfoJson } from './zhuxue_js.js';

await init({ module_or_path: new URL('./zhuxue_js_bg.wasm', import.meta.url) });

/** A case the engine cannot assess: `field` (a JSON path, '' when the text is not JSON),
 *  `kind` (missing, invalid, contradiction, no_rule_in_force, unknown_field, syntax,
 *  encoding, too_large) and a Chinese `message` naming the field. */
export class ZhuxueError extends Error {
  constructor({ field, message, kind }) {
    super(message);
    this.name = 'ZhuxueError';
    this.field = field;
    this.kind = kind;
  }
}

// A case as the engine reads it: JSON text as given, anything else serialised.
function text(input) {
  if (typeof input === 'string') return input;
  let json;
  try {
    json = JSON.stringify(input);
  } catch (e) {
    throw new ZhuxueError({ field: '', kind: 'syntax', message: `案例无法转换为 JSON：${e.message}` });
  }
  if (json === undefined) throw new ZhuxueError({ field: '', kind: 'syntax', message: '没有提供案例' });
  return json;
}

/** Assesses a case (an object or JSON text). Returns the assessment as a plain object;
 *  throws ZhuxueError when the case cannot be assessed. */
export function assess(input) {
  const result = JSON.parse(assessJson(text(input)));
  if (result.error) throw new ZhuxueError(result.error);
  return result;
}

/** Checks a case without assessing it: `{ valid: true }` or
 *  `{ valid: false, error: ZhuxueError }`. Never throws for a bad case. */
export function validate(input) {
  let json;
  try {
    json = text(input);
  } catch (e) {
    return { valid: false, error: e };
  }
  const result = JSON.parse(validateJson(json));
  return result.valid ? { valid: true } : { valid: false, error: new ZhuxueError(result.error) };
}

/** Every program the rules know: id, name, name_en, dates in force, payer, how to apply and
 *  the documents behind it. */
export function programs() {
  return JSON.parse(programsJson());
}

/** The rules version, the day the figures were last verified, the first day covered, scope. */
export function rulesInfo() {
  return JSON.parse(rulesInfoJson());
}
