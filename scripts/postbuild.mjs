// After the Trunk builds (scripts/build.sh): makes the pages work under a strict
// Content-Security-Policy and offline.
//
// 1. Each page's inline boot script (Trunk writes one) moves into its own file,
//    boot-<digest>.js, with the service-worker client (static/sw-client.js) appended (and,
//    for the family page, static/embed-frame.js — what a portal's frame needs — put before
//    it, so its settings apply before the app draws); the
//    build fails if any inline script, <style> or style attribute is left, so the pages run
//    under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`. The app's JS and Wasm
//    downloads go through static/boot-retry.js: a dropped connection is said, with 「重试」.
// 2. The family page's stylesheet goes into the page (one round trip less before the first
//    paint), allowed by its hash: dist/csp.txt is the policy to send, with that hash; under a
//    policy without it the boot script loads the stylesheet file instead.
// 3. dist/sw.js is written from static/sw.js with the family app's files to cache and a
//    version digest over them (a changed file is a new version).
// Node's standard library only. Usage: node scripts/postbuild.mjs [DIST]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CSP } from './csp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const digest = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
const client = fs.readFileSync(path.join(root, 'static/sw-client.js'), 'utf8');
const frame = fs.readFileSync(path.join(root, 'static/embed-frame.js'), 'utf8');
const retry = fs.readFileSync(path.join(root, 'static/boot-retry.js'), 'utf8');

// What ships need not carry the sources' comments (2.6 KB brotli of the first visit): whole
// comment lines of our scripts, HTML comments, CSS comments. Only whole lines, so no string
// or regular expression is ever cut (none of these scripts has a line that starts with // in
// a string).
const stripJs = (code) => code.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
const stripHtml = (html) => html.replace(/<!--[\s\S]*?-->/g, '');
const stripCss = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '');

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}


// Puts the page's stylesheet into the page itself: the first screen is painted without
// waiting one more round trip for it (on a 150 ms link that is most of the first paint).
// The inline style is allowed by its hash, written with the policy to DIR/csp.txt for the
// host to send; a host that sends the policy without the hash blocks it, and the boot
// script then loads the same file instead (see page()). Returns [html, hash, css file].
function inlineStyle(html, file) {
  const link = /<link rel="stylesheet" href="\.\/(style-[0-9a-f]+\.css)"[^>]*\/?>/;
  const m = html.match(link);
  if (!m) fail(`${file}: no stylesheet link to inline`);
  const css = stripCss(fs.readFileSync(path.join(path.dirname(file), m[1]), 'utf8'));
  if (!css.includes('--styled: 1')) fail(`${m[1]}: the marker the fallback checks (:root { --styled: 1 }) is missing`);
  if (/<\/style/i.test(css)) fail(`${m[1]}: contains </style>`);
  const hash = `sha256-${crypto.createHash('sha256').update(css).digest('base64')}`;
  return [html.replace(link, () => `<style>${css}</style>`), hash, m[1]];
}

// Trunk's boot code imports the app's JS glue and starts the Wasm; both downloads are made to
// go through `retrying` (static/boot-retry.js). The glue becomes a dynamic import so that its
// failure can be caught too (a retry asks again with ?retry=N: a failed module fetch may be
// remembered under its address).
function downloads(code, file) {
  const importLine = /^import init, \* as bindings from '(\.\/[^']+\.js)';$/m;
  const initLine = /^const wasm = await init\((\{ module_or_path: '[^']+' \})\);$/m;
  if (!importLine.test(code) || !initLine.test(code)) fail(`${file}: Trunk's boot code changed; update downloads() in scripts/postbuild.mjs`);
  return code
    .replace(importLine, (_, glue) => `const bindings = await retrying((n) => import(n ? ${JSON.stringify(glue)} + '?retry=' + n : ${JSON.stringify(glue)}));\nconst init = bindings.default;`)
    .replace(initLine, (_, options) => `const wasm = await retrying(() => init(${options}));`);
}

// Moves the inline module script of DIR/index.html into a file; returns the page's files.
function page(dir, swUrl, extra = '', style = null) {
  const file = path.join(dir, 'index.html');
  let html = stripHtml(fs.readFileSync(file, 'utf8'));
  if (style) {
    const [inlined, hash, css] = inlineStyle(html, file);
    html = inlined;
    style.hash = hash;
    style.file = css;
    // Before anything else in the boot script: a host whose policy lacks the hash blocked the
    // inline style; the same styles then come from the file (allowed by 'self').
    extra = `// The page's styles are inline (allowed by their hash, csp.txt); if the host's policy
// blocked them, load the same file instead.
if (getComputedStyle(document.documentElement).getPropertyValue('--styled').trim() !== '1') {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = ${JSON.stringify(`./${css}`)};
  document.head.appendChild(link);
}
${extra}`;
  }
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const m = html.match(inline);
  if (m) {
    // The frame script first: a portal's compact and accent settings apply before the app
    // draws (Trunk's code awaits the Wasm); the service-worker client after, so the cache fill
    // does not compete with the app's own download.
    const boot = stripJs(`${extra}\n${retry}\n${downloads(m[1].trim(), file)}\n\nconst SW_URL = ${JSON.stringify(swUrl)};\n${client}`);
    const name = `boot-${digest(boot)}.js`;
    for (const old of fs.readdirSync(dir).filter((f) => /^boot-[0-9a-f]+\.js$/.test(f))) fs.rmSync(path.join(dir, old));
    fs.writeFileSync(path.join(dir, name), boot);
    html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
  } else if (!/<script type="module" src="\.\/boot-[0-9a-f]+\.js"><\/script>/.test(html)) {
    fail(`${file}: no boot script found`);
  }
  for (const tag of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    if (!/\bsrc=/.test(tag[0]) || tag[1].trim()) fail(`${file}: inline script left: ${tag[0].slice(0, 80)}`);
  }
  const styles = html.match(/<style\b/g) || [];
  if (styles.length > (style ? 1 : 0)) fail(`${file}: inline <style> left (use data-trunk rel="css")`);
  if (/\sstyle=/.test(html.replace(/<noscript>[\s\S]*?<\/noscript>/g, ''))) fail(`${file}: style attribute left`);
  fs.writeFileSync(file, html);
  // The files the page loads: its scripts, styles, preloads, and the files they name.
  const refs = [...html.matchAll(/\b(?:src|href)="\.?\/?([^"#?:]+)"/g)].map((r) => r[1]);
  return ['index.html', ...new Set(refs)].filter((f) => fs.existsSync(path.join(dir, f)));
}

for (const f of ['embed.js', 'nowasm.js', 'desk/nowasm.js']) {
  const p = path.join(dist, f);
  if (fs.existsSync(p)) fs.writeFileSync(p, stripJs(fs.readFileSync(p, 'utf8')));
}
const style = {};
const family = page(dist, './sw.js', frame, style);
if (fs.existsSync(path.join(dist, 'desk/index.html'))) page(path.join(dist, 'desk'), '../sw.js');
const csp = CSP.replace("style-src 'self'", `style-src 'self' '${style.hash}'`);
fs.writeFileSync(path.join(dist, 'csp.txt'), `${csp}\n`);

// The family app's files are cached on the first visit (the stylesheet file only if the page
// had to load it); the desk's only when opened.
const precache = family.map((f) => `./${f}`);
const optional = [`./${style.file}`];
const template = fs.readFileSync(path.join(root, 'static/sw.js'), 'utf8');
const hash = crypto.createHash('sha256').update(template);
for (const f of [...family, style.file]) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
const sw = stripJs(template)
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(precache))
  .replace('__OPTIONAL__', JSON.stringify(optional));
if (sw.includes('__')) fail('static/sw.js: a placeholder was not filled');
fs.writeFileSync(path.join(dist, 'sw.js'), sw);
console.log(`postbuild: styles inline (${style.hash}, policy in csp.txt), boot scripts out of line; sw.js version ${version}, caches ${precache.join(' ')}`);
