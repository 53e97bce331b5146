// After the Trunk builds (scripts/build.sh): makes the pages work under a strict
// Content-Security-Policy and offline.
//
// 1. Each page's inline boot script (Trunk writes one) moves into its own file,
//    boot-<digest>.js, with the service-worker client (static/sw-client.js) appended (and,
//    for the family page, static/embed-frame.js — what a portal's frame needs — put before
//    it, so its settings apply before the app draws); the
//    build fails if any inline script, <style> or style attribute is left, so the pages run
//    under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// 2. dist/sw.js is written from static/sw.js with the family app's files to cache and a
//    version digest over them (a changed file is a new version).
// Node's standard library only. Usage: node scripts/postbuild.mjs [DIST]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const digest = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
const client = fs.readFileSync(path.join(root, 'static/sw-client.js'), 'utf8');
const frame = fs.readFileSync(path.join(root, 'static/embed-frame.js'), 'utf8');

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

// Moves the inline module script of DIR/index.html into a file; returns the page's files.
function page(dir, swUrl, extra = '') {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const m = html.match(inline);
  if (m) {
    // The frame script first: a portal's compact and accent settings apply before the app
    // draws (Trunk's code awaits the Wasm); the service-worker client after, so the cache fill
    // does not compete with the app's own download.
    const boot = `${extra}\n${m[1].trim()}\n\nconst SW_URL = ${JSON.stringify(swUrl)};\n${client}`;
    const name = `boot-${digest(boot)}.js`;
    for (const old of fs.readdirSync(dir).filter((f) => /^boot-[0-9a-f]+\.js$/.test(f))) fs.rmSync(path.join(dir, old));
    fs.writeFileSync(path.join(dir, name), boot);
    html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
    fs.writeFileSync(file, html);
  } else if (!/<script type="module" src="\.\/boot-[0-9a-f]+\.js"><\/script>/.test(html)) {
    fail(`${file}: no boot script found`);
  }
  for (const tag of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    if (!/\bsrc=/.test(tag[0]) || tag[1].trim()) fail(`${file}: inline script left: ${tag[0].slice(0, 80)}`);
  }
  if (/<style\b/.test(html)) fail(`${file}: inline <style> left (use data-trunk rel="css")`);
  if (/\sstyle=/.test(html.replace(/<noscript>[\s\S]*?<\/noscript>/g, ''))) fail(`${file}: style attribute left`);
  // The files the page loads: its scripts, styles, preloads, and the files they name.
  const refs = [...html.matchAll(/\b(?:src|href)="\.?\/?([^"#?:]+)"/g)].map((r) => r[1]);
  return ['index.html', ...new Set(refs)].filter((f) => fs.existsSync(path.join(dir, f)));
}

const family = page(dist, './sw.js', frame);
if (fs.existsSync(path.join(dist, 'desk/index.html'))) page(path.join(dist, 'desk'), '../sw.js');

// The family app's files are cached on the first visit; the desk's only when opened.
const precache = family.map((f) => `./${f}`);
const template = fs.readFileSync(path.join(root, 'static/sw.js'), 'utf8');
const hash = crypto.createHash('sha256').update(template);
for (const f of family) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(precache));
if (sw.includes('__')) fail('static/sw.js: a placeholder was not filled');
fs.writeFileSync(path.join(dist, 'sw.js'), sw);
console.log(`postbuild: boot scripts out of line; sw.js version ${version}, caches ${precache.join(' ')}`);
