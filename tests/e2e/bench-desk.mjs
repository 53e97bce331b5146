// Desk benchmark: a generated 100,000-row roster (GBK CSV, and the same as XLSX) with a 低保
// list, checked in the officer desk in Chromium on this machine (no throttling): time from
// 「开始比对」 to the results table, the longest gap between progress updates, and the peak
// memory of Chromium's processes above their level before the check. Prints figures; the goals
// (≤ 3 s, progress at least every 250 ms, ≤ 200 MB) are printed beside them, not asserted.
// Run after scripts/build.sh and a release build of the CLI (it writes the XLSX).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const n = Number(process.env.ROWS || 100000);
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const id = (i) => {
  const base = `621126${2005 + (i % 15)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(i % 997).padStart(3, '0')}`;
  const sum = [...base].reduce((s, d, k) => s + Number(d) * W[k], 0);
  return base + '10X98765432'[sum % 11];
};
const stages = [['小学', '三年级'], ['初中', '初二'], ['高中', '高一'], ['中职', '二年级'], ['本科', '2']];
let roster = '姓名,身份证号,学籍号,学段,年级,户籍地,户籍类型,就读学校所在地,学校位置,学校性质,是否寄宿,困难认定等级,家庭身份,已享受资助项目\n';
let list = '姓名,身份证号,类别,认定日期\n';
for (let i = 0; i < n; i++) {
  const [stage, grade] = stages[i % 5];
  roster += `学生${i},${id(i)},G${String(i).padStart(12, '0')},${stage},${grade},甘肃省定西市岷县,农村,甘肃省兰州市城关区,城区,公办,${i % 3 ? '走读' : '寄宿'},${['特别困难', '比较困难', '一般困难', '不困难', ''][i % 5]},,${['寄宿生生活补助', '', '国家助学金', '非寄宿生生活补助', ''][i % 5]}\n`;
  if (i % 7 === 0) list += `家长${i},${id(i)},农村低保,2022-03-01\n`;
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuxue-desk-bench-'));
const utf8Path = path.join(dir, 'roster.csv');
fs.writeFileSync(utf8Path, roster);
const gbkPath = path.join(dir, 'roster-gbk.csv');
execFileSync('python3', ['-c', 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("gbk"))', utf8Path, gbkPath]);
const listPath = path.join(dir, 'dibao.csv');
fs.writeFileSync(listPath, list);
const xlsxPath = path.join(dir, 'roster.xlsx');
execFileSync(path.join(root, 'target/release/zhuxue'), ['roster', utf8Path, '--as-of', '2025-10-10', '-o', xlsxPath], { stdio: 'ignore' });

// Resident memory of all Chromium processes, in MB.
const chromiumRss = () => {
  const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss=']).toString();
  return out.split('\n').filter(Boolean).reduce((s, v) => s + Number(v), 0) / 1024;
};

const server = await serve(path.join(root, 'dist'));
const browser = await launch();
for (const [label, file] of [['GBK CSV', gbkPath], ['XLSX', xlsxPath]]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(server.url + 'desk/');
  await page.setInputFiles('#desk-roster', file);
  await page.waitForSelector('.chosen');
  await page.setInputFiles('#desk-list', listPath);
  await page.waitForSelector('.desk-lists li');
  await page.fill('#desk-as-of', '2025-10-10');
  await page.dispatchEvent('#desk-as-of', 'change');
  const baseline = chromiumRss();
  let peak = baseline;
  const sampler = setInterval(() => { peak = Math.max(peak, chromiumRss()); }, 100);
  // Progress updates, timed in the page: any change of the bar or its text (a stage change
  // that keeps the count, 「…：0 / 100000」 → 「…：0 / 100000」, changes only the text).
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const p = document.getElementById('desk-progress');
      const t = document.getElementById('desk-progress-text');
      if (p) window.__progress.push([performance.now(), t ? t.textContent : '']);
      // The results table's first appearance, timed in the page (not when Playwright sees it).
      if (!window.__done && document.querySelector('.desk-results tbody tr')) window.__done = performance.now();
    }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  });
  const t0 = await page.evaluate(() => performance.now());
  await page.click('#desk-start');
  await page.waitForSelector('.desk-results tbody tr', { timeout: 120000 });
  const t1 = await page.evaluate(() => window.__done);
  clearInterval(sampler);
  const stamps = await page.evaluate(() => window.__progress);
  const marks = [[t0, '（点击开始）'], ...stamps, [t1, '（结果表）']];
  const gaps = marks.map(([t], i) => (i ? t - marks[i - 1][0] : 0)).slice(1);
  const worst = gaps.indexOf(Math.max(...gaps));
  const where = `after «${marks[worst][1]}», before «${marks[worst + 1][1]}»`;
  const summary = await page.locator('#desk-summary').innerText();
  console.log(`desk ${label}, ${n} rows + a 低保 list: ${((t1 - t0) / 1000).toFixed(2)} s to the results table (goal ≤ 3 s); longest gap between screen updates ${Math.max(...gaps).toFixed(0)} ms (goal ≤ 250; ${where}); Chromium memory +${(peak - baseline).toFixed(0)} MB at peak (goal ≤ 200)\n  ${summary}`);
  await context.close();
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
