// Whole journeys at phone size in real Chromium: each answers the questions as a family
// would, checks the exact amounts, payers and reasons shown, runs axe on every screen, and
// writes a screenshot to artifacts/. Also checks that nothing is fetched after load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, CSP, policy } from './serve.mjs';
import Ajv2020 from 'ajv/dist/2020.js';
import { launch, phone } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const artifacts = path.join(here, 'artifacts');
const axeSource = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
fs.mkdirSync(artifacts, { recursive: true });

let server, browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'build dist/ first (trunk build --release)');
  server = await serve(dist);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(hash = '') {
  const page = await phone(browser);
  page.logStart = server.log.length;
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) external.push(r.url()); });
  await page.goto(server.url + hash);
  await page.waitForSelector('main#main');
  // The service worker's first-visit cache fill (the app's own files) ends before it is
  // ready; from then on, nothing may be fetched.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  page.external = external;
  page.requestsAtLoad = server.log.length;
  return page;
}

async function axe(page, name) {
  // Evaluated through the debugging protocol: the page's CSP forbids inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${name}`);
  // And the strict Content-Security-Policy the test server sends was never violated.
  assert.deepEqual(await page.evaluate(() => window.__csp), [], `CSP violations on ${name}`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

// 下一步, then wait for the next step and past the double-tap guard (a second tap within
// 400 ms of a step change is ignored, as a finger's double tap must be).
const next = async (page) => {
  const before = await page.locator('.progress').innerText();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.waitForFunction((b) => document.querySelector('.progress')?.textContent !== b, before);
  await page.waitForTimeout(450);
};

// Ticks a radio or checkbox and waits until the re-rendered page shows it ticked.
async function choose(page, id) {
  await page.click(`#${id}`);
  await page.waitForFunction((id) => document.getElementById(id)?.checked === true, id);
}

async function pickRegion(page, prefix, query, fullName) {
  await page.fill(`#${prefix}-search`, query);
  await page.getByRole('button', { name: fullName, exact: true }).click();
  await page.waitForSelector(`text=✓ ${fullName}`);
}

// Answers every step. `s` holds the answers; each screen is checked with axe once per journey.
async function answer(page, s, name) {
  await page.fill('#as_of', s.asOf);
  await pickRegion(page, 'hukou', s.hukou[0], s.hukou[1]);
  await choose(page, `area-${s.area}`);
  await axe(page, `${name}: step 1`);
  await next(page);
  for (const [kind, from] of s.statuses || []) {
    await choose(page, `status-${kind}`);
    if (from) await page.fill(`#status-${kind}-from`, from);
  }
  await axe(page, `${name}: step 2`);
  await next(page);
  await choose(page, `stage-${s.stage}`);
  await choose(page, `grade-${s.grade}`);
  await next(page);
  if (s.enrol) {
    await page.uncheck('#same-as-hukou');
    await pickRegion(page, 'enrol', s.enrol[0], s.enrol[1]);
  }
  for (const id of s.school || []) await choose(page, id);
  await axe(page, `${name}: step 4`);
  await next(page);
  for (const id of s.more || []) await choose(page, id);
  await axe(page, `${name}: step 5`);
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.waitForSelector('.headline');
  await page.waitForTimeout(450); // past the double-tap guard
}

async function card(page, program) {
  return (await page.locator(`#p-${program.replace('.', '-')}`).innerText()).replace(/\s+/g, ' ');
}

// The roster template's text (without its byte-order mark).
function templateText() {
  return fs.readFileSync(path.resolve(here, '../../examples/roster/roster-template.csv'), 'utf8').replace(/^\uFEFF/, '');
}

// The roster template as Excel saves CSV on a Chinese Windows: GBK bytes.
function templateInGbk() {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gbk"))'], { input: templateText() });
}

// Chooses a roster and the example 低保 and 脱贫户 lists on the desk.
async function chooseDeskFiles(page, roster) {
  await page.setInputFiles('#desk-roster', roster);
  await page.waitForSelector(`text=✓ ${path.basename(roster)}`);
  await page.selectOption('#desk-list-kind', 'dibao');
  await page.setInputFiles('#desk-list', path.resolve(here, '../../examples/roster/dibao.csv'));
  await page.waitForSelector('text=✓ 低保：dibao.csv');
  await page.selectOption('#desk-list-kind', 'lifted_out');
  await page.setInputFiles('#desk-list', path.resolve(here, '../../examples/roster/lifted_out.csv'));
  await page.waitForSelector('text=✓ 脱贫户：lifted_out.csv');
}

// The desk's check with the files chosen, for 2025-10-10, until its summary is shown.
async function deskCheck(page) {
  await page.fill('#desk-as-of', '2025-10-10');
  await page.dispatchEvent('#desk-as-of', 'change');
  await page.click('#desk-start');
  await page.waitForSelector('#desk-summary');
}

test('rural 脱贫户 boarding junior pupil', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
    stage: 'junior', grade: 2, school: ['ownership-public', 'boarding-true', 'setting-rural'], more: ['hardship-special', 'disabled-false', 'orphan-false'],
  }, 'boarder');
  assert.equal(await page.locator('.headline').innerText(), '你的孩子本学年可以享受 4 项资助，其中现金每年约 1,500 元');
  // Meals and textbooks are valued apart from the cash, never added to it.
  assert.match(await page.locator('.summary-head').innerText(), /另免费享受：义务教育免学杂费、免费提供国家规定课程教科书、农村义务教育学生营养改善计划膳食补助（不发现金；实物折合每年约 1,180 元）。/);
  // What to do comes first, above the cards: where, when, what to bring; then what needs no
  // application.
  const todo = page.locator('section.todo');
  assert.equal(await todo.locator('.todo-list li').count(), 1);
  assert.equal((await todo.locator('.todo-list li').innerText()).replace(/\s+/g, ''),
    '家庭经济困难寄宿生生活补助：向就读学校（学籍所在学校）提出申请，学校认定后报县级教育、财政部门。每学年秋季学期认定，按学期发放。带：家庭经济困难学生认定申请表、户口簿、低保证、特困供养证、残疾证或脱贫户证明等（如有）。');
  assert.equal(await todo.locator('.todo-auto').innerText(), '不用申请，学校直接落实：义务教育免学杂费、免费提供国家规定课程教科书、农村义务教育学生营养改善计划膳食补助。');
  assert.ok(await page.evaluate(() => document.querySelector('section.todo').compareDocumentPosition(document.querySelector('.cards')) & Node.DOCUMENT_POSITION_FOLLOWING), 'the to-do list is above the cards');
  const boarding = await card(page, 'compulsory.boarding_allowance');
  assert.match(boarding, /家庭经济困难寄宿生生活补助/);
  assert.match(boarding, /每年 1,500 元/);
  assert.match(boarding, /由学籍地（甘肃省定西市岷县）发放/);
  // Tap the line to see the rule and the document behind it.
  await page.locator('#p-compulsory-boarding_allowance summary').click();
  const details = await card(page, 'compulsory.boarding_allowance');
  assert.match(details, /✓ 符合： 在校寄宿/);
  assert.match(details, /国发〔2015〕67号/);
  assert.match(details, /金额核实日期：2026-11-23/);
  // 岷县 is a sourced 片区 county and the school is rural: the meal is known without asking.
  const meal = await card(page, 'compulsory.nutrition_meal');
  assert.match(meal, /每天 5 元的餐食（全年折合约 1,000 元，不发现金）/);
  assert.equal(await page.locator('#nutrition_program-true').count(), 0);
  await axe(page, 'boarder: results');
  await shot(page, 'journey-1-boarder');
  // Nothing was fetched from anywhere after the page had loaded, and nothing left the host.
  assert.equal(server.log.length, page.requestsAtLoad);
  assert.deepEqual(page.external, []);
  // Every request of the visit found its file (a browser asks for /favicon.ico unless the
  // page names an icon).
  assert.deepEqual(server.log.slice(page.logStart).filter((l) => l.status !== 200 && l.status !== 304).map((l) => `${l.status} ${l.path}`), []);
});

test('student enrolled in another province: 学籍地 pays, 户籍地 fallback explained', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['安化', '湖南省益阳市安化县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
    stage: 'junior', grade: 1, enrol: ['天河', '广东省广州市天河区'], school: ['ownership-public', 'boarding-true', 'setting-city'], more: ['hardship-special'],
  }, 'cross-province');
  assert.match(await card(page, 'compulsory.boarding_allowance'), /由学籍地（广东省广州市天河区）发放/);
  const notice = await page.locator('.notice-crossprovince').innerText();
  assert.match(notice, /义务教育阶段资助由学籍地负责/);
  assert.match(notice, /户籍地（湖南省益阳市安化县）核实后兜底资助/);
  await shot(page, 'journey-2-cross-province');
  // The 户籍地 has verified nothing was received: the fallback applies to the allowance; the
  // school still waives fees and gives the textbooks.
  await page.locator('.case-summary button[aria-label*="户籍地是否已核实"]').click();
  await choose(page, 'out_of_province-true');
  await page.getByRole('button', { name: '返回结果' }).click();
  assert.match(await card(page, 'compulsory.boarding_allowance'), /由户籍地兜底（湖南省益阳市安化县）发放/);
  assert.match(await card(page, 'compulsory.free_textbooks'), /由学籍地（广东省广州市天河区）提供/);
  // A figure known only from one province's notice is labelled so, never as the family's own
  // rule, and marked where the amount is read.
  assert.match(await card(page, 'compulsory.free_textbooks'), /折合每年约 180 元（不发现金）（⚠ 未核实）/);
  await page.locator('#p-compulsory-free_textbooks summary').click();
  assert.match(await card(page, 'compulsory.free_textbooks'), /⚠ 该金额尚未与官方原文核对：全国标准未核实，参考云南省2016年标准/);
  await axe(page, 'cross-province: results');
  await shot(page, 'journey-2b-hukou-fallback');
  // Aid received is asked; received where the school is, the 户籍地 does not pay it again.
  await page.locator('.case-summary button[aria-label*="本学期已经领取的资助"]').click();
  await choose(page, 'aid-compulsory-boarding_allowance-440106');
  await page.getByRole('button', { name: '返回结果' }).click();
  assert.match(await card(page, 'compulsory.boarding_allowance'), /由学籍地（广东省广州市天河区）发放/);
  assert.match(await page.locator('.notice-contradiction').innerText(), /家庭经济困难寄宿生生活补助/);
  assert.match(await page.locator('.notice-doubleaid').innerText(), /户籍地（湖南省益阳市安化县）不得再兜底发放/);
  assert.match(await page.locator('.case-summary').innerText(), /家庭经济困难寄宿生生活补助（广东省广州市天河区）/);
  await axe(page, 'cross-province: aid received');
  await shot(page, 'journey-2c-received-elsewhere');
});

test('中职 student with 雨露计划', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
    stage: 'secondary_vocational', grade: 2, enrol: ['城关', '甘肃省兰州市城关区'], school: ['ownership-public', 'major-other', 'full_time-true'], more: ['hardship-relative'],
  }, 'vocational');
  assert.equal(await page.locator('.headline').innerText(), '你的孩子本学年可以享受 3 项资助，其中现金每年约 5,300 元');
  const yulu = await card(page, 'yulu.vocational_subsidy');
  assert.match(yulu, /雨露计划职业教育补助/);
  assert.match(yulu, /每年 3,000 元/);
  assert.match(yulu, /由户籍地（甘肃省定西市岷县）发放/);
  // An unverified figure says so, and shows no 「金额核实日期」 as if it had been checked.
  await page.locator('#p-yulu-vocational_subsidy summary').click();
  const yuluOpen = await card(page, 'yulu.vocational_subsidy');
  assert.match(yuluOpen, /⚠ 该金额尚未与官方原文核对：起始日期按文件年份估计/);
  assert.doesNotMatch(yuluOpen, /金额核实日期/);
  assert.match(await card(page, 'vocational.national_grant'), /每年 2,300 元/);
  await axe(page, 'vocational: results');
  await shot(page, 'journey-3-vocational-yulu');
});

test('university freshman: grant, loan ceiling, freshman aid, no 励志', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-09-05', hukou: ['东乡', '甘肃省临夏回族自治州东乡族自治县'], area: 'rural', statuses: [['dibao', '2023-01-01']],
    stage: 'undergraduate', grade: 1, enrol: ['海淀', '北京市海淀区'], school: ['full_time-true'], more: ['hardship-special', 'veteran-false'],
  }, 'freshman');
  assert.equal(await page.locator('.headline').innerText(), '你的孩子本学年可以享受 3 项资助，其中现金每年约 3,700 元');
  assert.match(await page.locator('.summary-head').innerText(), /还可申请助学贷款，每年最高 20,000 元（须偿还）/);
  assert.match(await card(page, 'higher.national_grant'), /每年 3,700 元（按档次 2,500—5,000 元）/);
  assert.match(await card(page, 'higher.origin_loan'), /每年最高可贷 20,000 元.*在户籍地（甘肃省临夏回族自治州东乡族自治县）办理/);
  assert.match(await card(page, 'higher.freshman_travel'), /一次性 1,000 元/);
  const whyNot = await page.locator('#n-higher-encouragement_scholarship').innerText();
  assert.match(whyNot, /国家励志奖学金：仅限二年级以上学生申请，新生不能申请/);
  await axe(page, 'freshman: results');
  await shot(page, 'journey-4-freshman');
});

test('a why-not: urban pupil outside the four categories gets no non-boarder allowance', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['天河', '广东省广州市天河区'], area: 'urban', statuses: [],
    stage: 'primary', grade: 3, school: ['ownership-public', 'boarding-false', 'setting-city'], more: ['hardship-relative', 'disabled-false', 'orphan-false'],
  }, 'why-not');
  const why = await page.locator('#n-compulsory-nonboarding_allowance').innerText();
  assert.match(why, /不属于四类家庭经济困难学生/);
  // No cash: the headline never says 「0 元」; the free provision is named.
  assert.equal(await page.locator('.headline').innerText(), '你的孩子本学年可以享受 2 项资助（免费或实物，不发现金）');
  assert.match(await page.locator('.summary-head').innerText(), /另免费享受：义务教育免学杂费、免费提供国家规定课程教科书（不发现金；实物折合每年约 90 元）。/);
  assert.doesNotMatch(await page.locator('.headline').innerText(), /元/);
  // A city school is outside the national pilot but may be in a local one: asked, not refused.
  assert.match(await card(page, 'compulsory.nutrition_meal'), /需补充.*学校是否实施营养改善计划/);
  await page.locator('#p-compulsory-nutrition_meal summary').click();
  assert.match(await card(page, 'compulsory.nutrition_meal'), /国家试点不含县城和城区学校；请确认学校是否实施营养改善计划/);
  await page.click('#nutrition_program-false'); // answered inline; the card moves to the why-nots
  await page.waitForSelector('#n-compulsory-nutrition_meal');
  assert.match(await page.locator('#n-compulsory-nutrition_meal').innerText(), /学校未实施营养改善计划/);
  await shot(page, 'journey-5-why-not');
});

test('editing an answer keeps the others and returns to the results', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['dibao', '2022-01-01']],
    stage: 'junior', grade: 2, school: ['ownership-public', 'boarding-false', 'setting-county_town'], more: ['hardship-general'],
  }, 'edit');
  assert.match(await card(page, 'compulsory.nonboarding_allowance'), /每年 750 元/);
  await page.locator('.case-summary button[aria-label="修改 孩子现在读什么"]').click();
  await choose(page, 'stage-primary');
  await choose(page, 'grade-4');
  await page.getByRole('button', { name: '返回结果' }).click();
  assert.match(await card(page, 'compulsory.nonboarding_allowance'), /每年 625 元/);
  // The rule's arithmetic is with the amount, not a ✓ the family "meets".
  await page.locator('#p-compulsory-nonboarding_allowance summary').click();
  const nonboarding = await card(page, 'compulsory.nonboarding_allowance');
  assert.match(nonboarding, /金额计算：寄宿生标准（1250元）的50%/);
  assert.doesNotMatch(nonboarding, /✓[^✓]*补助标准为/);
  const summary = await page.locator('.case-summary').innerText();
  assert.match(summary, /甘肃省定西市岷县/);
  assert.match(summary, /最低生活保障家庭（低保）/);
  assert.match(summary, /县城/);
  await shot(page, 'journey-6-edit');
  // The answers survive a reload (kept on this device only), which returns to the results…
  await page.reload();
  await page.waitForSelector('.results .headline');
  assert.match(await page.locator('.case-summary').innerText(), /甘肃省定西市岷县/);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('zhuxue.answers.v1')).student.grade), 4);
  // …and one button forgets them, after asking where the user is.
  await page.getByRole('button', { name: '清除我的回答' }).click();
  await page.waitForSelector('#forget-ask');
  assert.equal(await page.locator('#forget-ask').innerText(), '确定要清除本机保存的全部回答吗？清除后不能恢复。');
  assert.ok(await page.locator('#forget-ask').isVisible());
  await shot(page, 'journey-6c-forget-ask');
  await page.click('#forget-no');
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('zhuxue.answers.v1')).student.grade), 4, 'not cleared');
  await page.getByRole('button', { name: '清除我的回答' }).click();
  await page.click('#forget-yes');
  await page.waitForSelector('text=回答已从本机清除。');
  // The confirmation is where the user now is: the top, with the focus on it.
  assert.equal(await page.evaluate(() => [window.scrollY, document.activeElement.id].join()), '0,forgotten');
  assert.equal(await page.evaluate(() => localStorage.getItem('zhuxue.answers.v1')), null);
  assert.equal(await page.locator('text=✓ 甘肃省定西市岷县').count(), 0);
});

test('steps on a phone: a double tap skips nothing, each step starts at the top, Back and reload keep the place', async () => {
  const page = await open();
  await page.fill('#as_of', '2025-10-10');
  // The county search finds traditional characters and says when nothing matches.
  await page.fill('#hukou-search', '東鄉');
  await page.getByRole('button', { name: '甘肃省临夏回族自治州东乡族自治县', exact: true }).waitFor();
  await page.fill('#hukou-search', '火星县');
  assert.equal(await page.locator('#q-hukou .not-found').innerText(), '没有找到“火星县”。可以少写几个字（如只写“东乡”或拼音“dongxiang”），或在下面逐级选择。');
  await pickRegion(page, 'hukou', '岷县', '甘肃省定西市岷县');
  await choose(page, 'area-rural');
  // A 「?」 beside a term opens one sentence.
  await page.getByRole('group', { name: /户籍所在地/ }).locator('summary[aria-label="什么是户籍地？"]').click();
  assert.match(await page.locator('#q-hukou .term p').innerText(), /^户籍地是户口簿上登记的户口所在区县/);
  assert.equal(await page.evaluate(() => location.hash), '#step=home');
  // A quick double tap on 下一步: the second tap lands on step 2's 下一步 and is ignored, so
  // the household-status step is not skipped.
  await page.getByRole('button', { name: '下一步' }).dblclick();
  await page.waitForSelector('text=第 2 步，共 5 步');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.progress').innerText(), '第 2 步，共 5 步');
  assert.equal(await page.locator('#status-dibao').count(), 1, 'the household-status question is shown');
  // …and the second tap, landing on whatever step 2 shows there, changed no answer.
  assert.equal(await page.locator('#main input:checked').count(), 0, 'nothing ticked by the second tap');
  await page.waitForTimeout(450);
  await page.click('summary[aria-label="什么是“认定”？"]');
  assert.match(await page.locator('#q-statuses .term p').innerText(), /只是家里困难但没有登记的，不算/);
  assert.equal(await page.evaluate(() => [window.scrollY, location.hash].join()), '0,#step=family');
  await shot(page, 'journey-6b-step-2-top');
  // The phone's Back goes back one step, not out of the app; Forward returns.
  await page.goBack();
  await page.waitForSelector('text=第 1 步，共 5 步');
  assert.equal(await page.locator('#hukou-search').count() + await page.locator('text=✓ 甘肃省定西市岷县').count() > 0, true);
  await page.goForward();
  await page.waitForSelector('text=第 2 步，共 5 步');
  // Reload returns to the same step with the answers.
  await page.reload();
  await page.waitForSelector('text=第 2 步，共 5 步');
  await page.waitForTimeout(450);
  // A single tap: the new step starts at the top, its heading focused (a screen reader
  // reads it).
  await page.locator('#status-tekun').scrollIntoViewIfNeeded();
  await next(page);
  assert.equal(await page.evaluate(() => [window.scrollY, document.activeElement.id, document.activeElement.textContent].join()), '0,step-title,学生');
  await choose(page, 'stage-junior');
  await choose(page, 'grade-2');
  await next(page);
  // The school's place: the question first, then 「与户籍地相同」; unticked, the picker starts
  // empty (the 户籍地 is not copied unseen), with a hint for those who know only the school.
  assert.equal(await page.locator('#q-enrol-place legend').innerText(), '学籍所在地（学校所在区县）');
  assert.equal(await page.isChecked('#same-as-hukou'), true);
  await page.uncheck('#same-as-hukou');
  await page.waitForSelector('#enrol-search');
  assert.equal(await page.inputValue('#enrol-county'), '');
  assert.equal(await page.locator('#q-enrol .chosen').count(), 0);
  assert.match(await page.locator('#q-enrol .help').innerText(), /只知道学校名称/);
  await shot(page, 'journey-6d-school-place');
  await page.check('#same-as-hukou');
  await page.waitForTimeout(450);
  await next(page);
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.waitForSelector('.headline');
  assert.equal(await page.evaluate(() => [window.scrollY, document.activeElement.id].join()), '0,results-title');
  assert.equal(await page.evaluate(() => location.hash), '#step=results');
  await page.reload();
  await page.waitForSelector('.headline');
  // The statuses were never answered: 「未回答」, not 「无」. Answering 「以上都没有」 says 未认定.
  const statusRow = page.locator('.case-summary .row', { hasText: '家庭有以下哪些身份' });
  assert.match(await statusRow.innerText(), /未回答/);
  await page.locator('.case-summary button[aria-label*="家庭有以下哪些身份"]').click();
  await choose(page, 'status-none');
  await page.getByRole('button', { name: '返回结果' }).click();
  await page.waitForSelector('.headline');
  assert.match(await statusRow.innerText(), /以上都没有（未认定）/);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('zhuxue.answers.v1'))).household.statuses_checked, true);
  // Back from the results: the step last shown.
  await page.goBack();
  await page.waitForSelector('text=第 2 步，共 5 步');
  assert.deepEqual(page.external, []);
});

test('200 % text at 320 px: nothing is cut off or scrolls sideways, targets stay 44 px', async () => {
  const page = await open();
  await page.setViewportSize({ width: 320, height: 640 });
  // The user's text-size setting doubles the root font size; the page is sized in rem.
  // (Set through the CSSOM: the page's CSP forbids inline style sheets.)
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '34px', 'the body text follows the setting');
  const check = async (name) => {
    const r = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > w + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}`);
      const small = [...document.querySelectorAll('button, select, input:not([type=radio]):not([type=checkbox]), label.option')]
        .filter((e) => e.getClientRects().length && e.getBoundingClientRect().height < 44)
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}`);
      return { scroll: document.documentElement.scrollWidth - w, wide: wide.slice(0, 5), small: small.slice(0, 5) };
    });
    assert.deepEqual(r, { scroll: 0, wide: [], small: [] }, name);
  };
  await page.fill('#as_of', '2025-10-10');
  await pickRegion(page, 'hukou', '安化', '湖南省益阳市安化县');
  await choose(page, 'area-rural');
  await check('step 1');
  await next(page);
  await choose(page, 'status-lifted_out');
  await page.fill('#status-lifted_out-from', '2021-01-01');
  await check('step 2 with dates');
  await next(page);
  await choose(page, 'stage-junior');
  await choose(page, 'grade-2');
  await check('step 3');
  await next(page);
  await page.uncheck('#same-as-hukou');
  await pickRegion(page, 'enrol', '天河', '广东省广州市天河区');
  await check('step 4 with the school elsewhere');
  await next(page);
  await check('step 5');
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.waitForSelector('.headline');
  await check('results');
  await shot(page, 'journey-6e-200-percent');
});

test('status dates: a year is enough, the assumed day is said, unreadable text stays with a message', async () => {
  const page = await open();
  await page.fill('#as_of', '2025-03-10');
  await pickRegion(page, 'hukou', '安化', '湖南省益阳市安化县');
  await choose(page, 'area-rural');
  await next(page);
  await choose(page, 'status-dibao');
  // Text the app cannot read stays in the box, with a message naming it.
  await page.fill('#status-dibao-from', '去年');
  await page.press('#status-dibao-from', 'Tab');
  assert.equal(await page.locator('#status-dibao-from-error').innerText(), '无法识别“去年”：请写年份（2021）、年月（2021-06）或完整日期（2021-06-15）');
  assert.equal(await page.inputValue('#status-dibao-from'), '去年');
  await shot(page, 'journey-6f-status-unreadable');
  // 「2025年3月」 is read as the month.
  await page.fill('#status-dibao-from', '2025年3月');
  await page.press('#status-dibao-from', 'Tab');
  await page.waitForFunction(() => document.getElementById('status-dibao-from').value === '2025-03');
  assert.equal(await page.locator('#status-dibao-from-error').count(), 0);
  await next(page);
  await choose(page, 'stage-junior');
  await choose(page, 'grade-2');
  await next(page);
  await choose(page, 'boarding-false');
  await choose(page, 'setting-rural');
  await next(page);
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.waitForSelector('.headline');
  assert.match(await card(page, 'compulsory.nonboarding_allowance'), /每年 750 元/);
  assert.equal(await page.locator('.notice-dateassumed').innerText(),
    '只填到年份或月份的日期：「最低生活保障家庭」认定日期 2025年3月（按 2025-03-01 计算）；具体日期可能改变以下资助：家庭经济困难非寄宿生生活补助。请以证明上的日期为准。');
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('zhuxue.answers.v1'))).household.statuses[0].from, '2025-03');
  await shot(page, 'journey-6f-status-month');
});

test('a browser without WebAssembly or without JavaScript gets a message and where to ask, not a blank page', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(server.url);
  await page.waitForSelector('.fallback');
  assert.match(await page.locator('.fallback').innerText(), /这个浏览器太旧，无法运行本查询工具[\s\S]*学生资助管理中心/);
  assert.equal(await page.locator('#pre-hukou-search').count(), 0, 'no static question that cannot be used');
  await shot(page, 'journey-16-no-wasm');
  await context.close();
  const noJs = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(server.url);
  assert.match(await plain.locator('.fallback').innerText(), /本页需要开启 JavaScript 才能查询/);
  await plain.waitForFunction(() => getComputedStyle(document.getElementById('prerender')).display === 'none');
  assert.equal(await plain.locator('#pre-hukou-search').isVisible(), false, 'the static question is hidden without JavaScript');
  await noJs.close();
});

test('a host that sends the strict policy without the style hash: the page is still styled', async () => {
  // The family page's styles are inline (first paint one round trip sooner), allowed by the
  // hash in dist/csp.txt. Served under the bare policy, the inline styles are blocked and the
  // boot script loads the same stylesheet file.
  const bare = await serve(dist, { headers: { 'content-security-policy': CSP } });
  try {
    const page = await phone(browser);
    await page.goto(bare.url);
    await page.waitForSelector('main#main');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--styled').trim() === '1');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '17px');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('button')).minHeight), '48px');
    assert.ok(bare.log.some((l) => /^\/style-[0-9a-f]+\.css$/.test(l.path)), 'the stylesheet file was loaded');
    // Only the inline style was refused.
    assert.deepEqual([...new Set(await page.evaluate(() => window.__csp.map((v) => v.split(' ')[0])))], ['style-src-elem']);
    // The service worker kept the file it found downloaded: styled offline too.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.context().setOffline(true);
    await page.reload();
    await page.waitForSelector('main#main');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--styled').trim() === '1');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('button')).minHeight), '48px');
    await page.context().close();
  } finally {
    await bare.close();
  }
  // Under the build's own policy the file is never fetched (not even by the service worker).
  const page = await open();
  const visit = server.log.slice(page.logStart).map((l) => l.path);
  assert.ok(!visit.some((p) => /\/style-[0-9a-f]+\.css$/.test(p)), visit.join(' '));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await page.context().close();
});

test('「大字」: larger text for older users, kept on the phone, nothing scrolls sideways', async () => {
  const page = await open();
  const size = () => page.evaluate(() => getComputedStyle(document.body).fontSize);
  assert.equal(await size(), '17px');
  await page.click('#large');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-large'));
  assert.equal(await size(), '23.375px');
  assert.equal(await page.getAttribute('#large', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await shot(page, 'journey-6g-large-text');
  await page.reload();
  await page.waitForSelector('#as_of');
  assert.equal(await size(), '23.375px', 'kept after a reload');
  await page.click('#large');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-large'));
  assert.equal(await size(), '17px');
});

test('share link round trip opens straight to the same results', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
    stage: 'senior', grade: 2, school: ['ownership-public'], more: ['hardship-special'],
  }, 'share');
  const headline = await page.locator('.headline').innerText();
  const link = await page.inputValue('#share-link');
  assert.match(link, /#case=%7B/);
  const other = await phone(browser);
  await other.goto(link);
  await other.waitForSelector('.headline');
  assert.equal(await other.locator('.headline').innerText(), headline);
  assert.match(await card(other, 'senior.national_grant'), /每年 2,300 元/);
  // Print view: every section open, A4 page.
  await other.emulateMedia({ media: 'print' });
  await other.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
  await other.pdf({ path: path.join(artifacts, 'journey-7-print.pdf'), format: 'A4' });
  await shot(other, 'journey-7-shared-print');
});

test('language switch: 繁體中文 and English', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
    stage: 'senior', grade: 1, school: ['ownership-public'], more: ['hardship-special'],
  }, 'lang');
  await page.selectOption('#lang', 'zh-Hant');
  assert.equal(await page.locator('.headline').innerText(), '你的孩子本學年可以享受 2 項資助，其中現金每年約 2,300 元');
  assert.match(await card(page, 'senior.national_grant'), /普通高中國家助學金/);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
  // Phrase-level conversion (複製, not 復制), and the title and the card toggle follow.
  assert.equal(await page.locator('.share button').first().innerText(), '複製');
  assert.equal(await page.title(), '助學 · 學生資助查詢');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.card summary'), '::after').content), '"▾ 依據與申請"');
  await axe(page, 'lang: zh-Hant');
  await page.selectOption('#lang', 'en');
  assert.equal(await page.title(), 'Zhuxue · Student aid finder');
  // The app's own separators are English; the policy texts inside stay Chinese.
  assert.match(await page.locator('.todo-list li', { hasText: 'National grant' }).innerText(), /^National grant for general senior high school students \(普通高中国家助学金\): 向就读高中提出申请/);
  assert.equal(await page.locator('.headline').innerText(), 'Your child can get 2 kinds of aid this school year, about ¥2,300 a year in cash');
  assert.match(await card(page, 'senior.national_grant'), /National grant for general senior high school students \(普通高中国家助学金\)/);
  assert.match(await page.locator('.results').innerText(), /Explanations of the rules and the policy documents are shown in Chinese/);
  // Place names get their pinyin beside the Chinese (the table is fetched now it is needed).
  await page.waitForFunction(() => /Min Xian, Dingxi Shi, Gansu Sheng/.test(document.getElementById('p-senior-national_grant')?.textContent || ''));
  assert.match(await card(page, 'senior.national_grant'), /Paid by the place of enrolment \(甘肃省定西市岷县 · Min Xian, Dingxi Shi, Gansu Sheng\)/);
  await axe(page, 'lang: en');
  await shot(page, 'journey-8-english');
});

test('county search in pinyin: dongxiang, Min Xian; the table is fetched only when letters are typed', async () => {
  const page = await open();
  const atLoad = server.log.slice(page.logStart, page.requestsAtLoad).map((l) => l.path);
  assert.ok(atLoad.includes('/') && !atLoad.includes('/pinyin/regions.txt'), `not fetched at load: ${atLoad}`);
  const before = server.log.length;
  await page.fill('#hukou-search', 'dongxiang');
  await page.getByRole('button', { name: '甘肃省临夏回族自治州东乡族自治县', exact: true }).waitFor();
  assert.deepEqual(server.log.slice(before).map((l) => l.path), ['/pinyin/regions.txt']);
  // Both 东乡 are offered (东乡区 in Jiangxi too), as for the search in characters.
  assert.equal(await page.getByRole('button', { name: '江西省抚州市东乡区', exact: true }).count(), 1);
  await page.fill('#hukou-search', 'Min Xian');
  await page.getByRole('button', { name: '甘肃省定西市岷县', exact: true }).click();
  await page.waitForSelector('text=✓ 甘肃省定西市岷县');
  await page.fill('#hukou-search', 'zzzq');
  await page.waitForSelector('.not-found');
  assert.match(await page.locator('.not-found').innerText(), /没有找到“zzzq”/);
  await axe(page, 'pinyin search');
  await shot(page, 'journey-6h-pinyin-search');
  await page.context().close();
});

test('an invalid answer gives a clear message naming the field', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['dibao', '2024-05-01']],
    stage: 'junior', grade: 1, school: ['boarding-false'], more: [],
  }, 'invalid');
  await page.locator('.case-summary button[aria-label*="家庭有以下哪些身份"]').click();
  await page.fill('#status-dibao-to', '2024-04-30');
  await page.getByRole('button', { name: '返回结果' }).click();
  // A sentence and a button to the one question; the engine's wording only behind 「详细信息」.
  assert.equal(await page.locator('.results .error p').first().innerText(), '有一个回答需要修改：家庭有以下哪些身份？（可多选；都没有请选最后一项）');
  assert.equal(await page.locator('.results .error .detail').isVisible(), false);
  await page.locator('.results .error summary').click();
  assert.equal(await page.locator('.results .error .detail').innerText(), 'household.statuses[0].to：结束日期 2024-04-30 早于开始日期 2024-05-01');
  // The question is right there to fix it, and nothing else was lost.
  assert.equal(await page.inputValue('#status-dibao-from'), '2024-05-01');
  await axe(page, 'invalid: message');
  await shot(page, 'journey-9-invalid');
});

test('keyboard only: the first screen can be answered without a pointer', async () => {
  const page = await open();
  // Skip past the language selector and the date to the county search.
  await page.focus('#hukou-search');
  await page.keyboard.type('东乡族');
  await page.waitForSelector('button.hit'); // the hits are rendered before Tab moves to them
  await page.keyboard.press('Tab'); // to the first hit
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(focused, '甘肃省临夏回族自治州东乡族自治县');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=✓ 甘肃省临夏回族自治州东乡族自治县');
  // Radio groups: focus the first option, Space ticks it, arrows move within the group.
  await page.focus('#area-rural');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('area-rural').checked);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.getElementById('area-urban').checked);
  // Tab reaches the Next button, Enter moves on.
  for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement.textContent)) !== '下一步'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '下一步');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=第 2 步，共 5 步');
  await shot(page, 'journey-10-keyboard');
});

test('a broken or hostile share link never breaks the page', async () => {
  // Not JSON at all: said so, and the questions start from the beginning.
  let page = await open('#case=%7Bnot-json');
  await page.waitForSelector('text=第 1 步，共 5 步');
  assert.match(await page.locator('.link-problem').innerText(), /链接无效或不完整/);
  assert.equal(await page.evaluate(() => location.hash), '#step=home', 'the case fragment is dropped');
  await axe(page, 'broken link');
  await shot(page, 'journey-11-broken-link');
  // 10,000 nested levels: refused before decoding, the page stays usable.
  page = await open(`#case=${'%5B'.repeat(10000)}${'%5D'.repeat(10000)}`);
  await page.waitForSelector('text=第 1 步，共 5 步');
  assert.match(await page.locator('.link-problem').innerText(), /链接无效或不完整/);
  // Valid JSON with values the engine refuses: those values are left out and named.
  const bad = { as_of: '2025-10-10', household: { hukou: { region: '999999' } }, student: { stage: 'junior', grade: 99 } };
  page = await open(`#case=${encodeURIComponent(JSON.stringify(bad))}`);
  await page.waitForSelector('.link-problem');
  assert.match(await page.locator('.link-problem').innerText(), /链接里有 2 项内容无法使用，已略去/);
  await page.locator('.link-problem summary').click();
  const details = await page.locator('.link-problem details').innerText();
  assert.match(details, /household\.hukou\.region：地区代码 999999 不在国家行政区划代码表/);
  assert.match(details, /student\.grade：年级应为1到20之间的整数/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('zhuxue.answers.v1')));
  assert.equal(stored.student.grade, undefined, 'a refused value is not stored');
  assert.equal(stored.household.hukou.region, undefined);
  assert.equal(stored.student.stage, 'junior');
});

test('a share link never silently replaces the answers stored on this phone', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
    stage: 'senior', grade: 2, school: ['ownership-public'], more: ['hardship-special'],
  }, 'mine');
  const mine = await page.locator('.headline').innerText();
  const shared = { as_of: '2025-10-10', household: { hukou: { region: '622926', area: 'rural' }, statuses: [] },
    student: { stage: 'undergraduate', grade: 2, hardship: 'relative', enrolment: {} } };
  const link = `${server.url}#case=${encodeURIComponent(JSON.stringify(shared))}`;
  // Opened as a link is: a new page load on the same phone (same storage).
  const tab = async () => {
    const p = await page.context().newPage();
    await p.goto(link);
    await p.waitForSelector('main#main');
    return p;
  };
  let other = await tab();
  await other.waitForSelector('.shared-choice');
  assert.match(await other.locator('.shared-choice').innerText(), /这是链接里的情况/);
  assert.match(await other.locator('.preview .headline').innerText(), /其中现金每年约 3,700 元/);
  const before = await other.evaluate(() => localStorage.getItem('zhuxue.answers.v1'));
  assert.equal(JSON.parse(before).student.stage, 'senior', 'not overwritten while the choice is open');
  await axe(other, 'shared choice');
  await shot(other, 'journey-12-shared-choice');
  // Keep mine: my results, the fragment gone, and a reload does not ask again.
  await other.click('#keep-mine');
  await other.waitForSelector('.results .headline');
  assert.equal(await other.locator('.headline').innerText(), mine);
  assert.equal(await other.evaluate(() => location.hash), '#step=results', 'the case fragment is dropped');
  await other.reload();
  await other.waitForSelector('main#main');
  assert.equal(await other.locator('.shared-choice').count(), 0);
  assert.equal(JSON.parse(await other.evaluate(() => localStorage.getItem('zhuxue.answers.v1'))).student.stage, 'senior');
  // The same link again, and this time take it.
  other = await tab();
  await other.waitForSelector('.shared-choice');
  await other.click('#take-shared');
  await other.waitForSelector('.results .headline');
  assert.match(await other.locator('.headline').innerText(), /其中现金每年约 3,700 元/);
  assert.equal(await other.evaluate(() => location.hash), '#step=results', 'the case fragment is dropped');
  assert.equal(JSON.parse(await other.evaluate(() => localStorage.getItem('zhuxue.answers.v1'))).student.stage, 'undergraduate');
});


test('officer desk: a GBK roster and two lists in, flags and exports out, nothing uploaded', async () => {
  // The roster as Excel saves CSV on a Chinese Windows: GBK.
  const gbkPath = path.join(artifacts, 'roster-gbk.csv');
  fs.writeFileSync(gbkPath, templateInGbk());
  // The family app fetches nothing of the desk (its own page, its own worker).
  const n0 = server.log.length;
  const family = await open();
  await family.waitForTimeout(500);
  assert.ok(!server.log.slice(n0).some((l) => l.path.startsWith('/desk')), 'the family page loads nothing of the desk');
  const page = await phone(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) external.push(r.url()); });
  const deskStart = server.log.length;
  await page.goto(server.url + 'desk/');
  await page.waitForSelector('#desk-roster');
  await page.waitForTimeout(300);
  assert.deepEqual(server.log.slice(deskStart).filter((l) => l.status !== 200 && l.status !== 304).map((l) => `${l.status} ${l.path}`), [], 'every file of the desk page was found');
  // The self-check runs the project's reference cases in this browser.
  await page.click('#desk-selfcheck');
  await page.waitForFunction(() => /参考案例 \d+ \/ \d+ 一致/.test(document.getElementById('desk-selfcheck-result')?.textContent || ''));
  const selfCheck = await page.locator('#desk-selfcheck-result').innerText();
  const [, passed, total] = selfCheck.match(/参考案例 (\d+) \/ (\d+) 一致/);
  assert.equal(passed, total, selfCheck);
  assert.ok(Number(total) >= 170, selfCheck);
  assert.match(selfCheck, /规则版本 2026\.11\.23/);
  await chooseDeskFiles(page, gbkPath);
  await page.fill('#desk-as-of', '2025-10-10');
  await page.dispatchEvent('#desk-as-of', 'change');
  await axe(page, 'desk: files chosen');
  await page.click('#desk-start');
  await page.waitForSelector('#desk-summary');
  assert.equal(await page.locator('#desk-summary').innerText(),
    '共 8 行：无法评估 1，重复资助 2，不符合条件却已资助 1，应助未助 1，待核实 1，一致 2');
  assert.match(await page.locator('.desk-done').innerText(), /CSV（GBK\/GB18030）/);
  // Every row is in the table; ID numbers are masked on screen.
  assert.equal(await page.locator('.desk-results tbody tr').count(), 8);
  await page.getByRole('button', { name: '应助未助 1' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.desk-results tbody tr').length === 1);
  const row = await page.locator('.desk-results tbody tr').innerText();
  assert.match(row, /李二/);
  assert.match(row, /621126\*{8}022X/);
  assert.match(row, /符合“家庭经济困难非寄宿生生活补助”条件（每年750元），但名册中未资助/);
  await axe(page, 'desk: results');
  await shot(page, 'journey-13-desk');
  // Exports: downloads made in the page (Blob URLs), with the date and rules version in the name.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#desk-export-xlsx')]);
  assert.equal(xlsx.suggestedFilename(), '比对结果-2025-10-10-规则2026.11.23.xlsx');
  await xlsx.saveAs(path.join(artifacts, 'desk-export.xlsx'));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#desk-export-csv')]);
  const csvPath = path.join(artifacts, 'desk-export.csv');
  await csv.saveAs(csvPath);
  const csvBytes = fs.readFileSync(csvPath);
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const lines = csvBytes.toString('utf8').slice(1).trim().split('\n');
  assert.equal(lines.length, 9);
  assert.match(lines[2], /^李二,62112620130918022X,.*,应助未助,/);
  // Only this page's own files were fetched; nothing left the host.
  assert.deepEqual(external, []);
  assert.ok(server.log.every((l) => !l.path.includes('?')), 'no request carried data');
  // 清除 drops everything from memory.
  await page.click('#desk-clear');
  assert.equal(await page.locator('.desk-results').count(), 0);
  assert.equal(await page.locator('#desk-summary').count(), 0);
  // The Excel template, downloadable from the page, is read the same way (no lists this time).
  const [template] = await Promise.all([page.waitForEvent('download'), page.click('a[href="roster-template.xlsx"]')]);
  const templatePath = path.join(artifacts, 'roster-template-downloaded.xlsx');
  await template.saveAs(templatePath);
  await page.setInputFiles('#desk-roster', templatePath);
  await page.waitForSelector('text=✓ roster-template-downloaded.xlsx');
  await deskCheck(page);
  assert.match(await page.locator('.desk-done').innerText(), /Excel（XLSX）/);
  // Without the lists, 李二 (低保 only by the list) is no longer 应助未助: 一致 3 instead of 2.
  assert.equal(await page.locator('#desk-summary').innerText(),
    '共 8 行：无法评估 1，重复资助 2，不符合条件却已资助 1，应助未助 0，待核实 1，一致 3');
  await shot(page, 'journey-13b-desk-xlsx');
  // Last term's check (the export above, with the lists) beside this term's (without them):
  // what changed is said, row by row and in all.
  await page.selectOption('#desk-list-kind', 'previous');
  await page.setInputFiles('#desk-list', path.join(artifacts, 'desk-export.xlsx'));
  await page.waitForSelector('text=✓ 上学期比对结果（本工具导出的，看本学期有何变化）：desk-export.xlsx');
  await deskCheck(page);
  assert.ok((await page.locator('.desk-done').innerText()).includes(
    'Excel（XLSX）；上学期比对结果 8 行（身份证号无效 1 行，如第 8 行：身份证号校验位错误（最后一位应为 5），请核对是否输错）：本学期新增享受资助 0 人，不再享受 1 人，上学期没有的学生 0 人，已不在名册 0 人'));
  assert.match((await page.locator('.desk-results tbody tr', { hasText: '李二' }).innerText()).replace(/\s+/g, ''),
    /与上学期相比：不再享受家庭经济困难非寄宿生生活补助/);
  // One more filter: the rows that changed.
  await page.getByRole('button', { name: '与上学期相比有变化 1' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.desk-results tbody tr').length === 1);
  assert.match(await page.locator('.desk-results tbody tr').innerText(), /李二/);
  await page.click('#desk-list-remove-0');
  // A roster whose ID header is unusual: every row 无法评估 until the officer says which column
  // it is; the choice is remembered on this computer (header names only).
  const oddPath = path.join(artifacts, 'roster-odd-header.csv');
  fs.writeFileSync(oddPath, templateText().replace('姓名,身份证号,', '姓名,号码,'));
  await page.click('#desk-clear');
  await page.setInputFiles('#desk-roster', oddPath);
  await page.waitForSelector('text=✓ roster-odd-header.csv');
  await deskCheck(page);
  assert.match(await page.locator('#desk-summary').innerText(), /无法评估 8/);
  assert.notEqual(await page.locator('details.desk-columns').getAttribute('open'), null, 'opened when a required column is missing');
  await page.selectOption('#desk-col-身份证号', '号码');
  await page.click('#desk-rerun');
  await page.waitForFunction(() => /无法评估 1，/.test(document.getElementById('desk-summary')?.textContent || ''));
  await axe(page, 'desk: columns');
  await shot(page, 'journey-13c-desk-columns');
  const remembered = await page.evaluate(() => localStorage.getItem('zhuxue.desk.columns.v1'));
  assert.equal(remembered, '身份证号\t号码');
  // A payment list from elsewhere (发放名单): 张一's allowance also paid by 漳县 is 重复资助, and
  // 李二's, recorded on the list, is no longer 应助未助.
  await page.click('#desk-clear');
  await page.setInputFiles('#desk-roster', gbkPath);
  await page.waitForSelector('text=✓ roster-gbk.csv');
  for (const [kind, file, label] of [['dibao', 'dibao.csv', '低保'], ['lifted_out', 'lifted_out.csv', '脱贫户'], ['paid', 'paid.csv', '资助发放名单（他处已发放的资助）']]) {
    await page.selectOption('#desk-list-kind', kind);
    await page.setInputFiles('#desk-list', path.resolve(here, '../../examples/roster/' + file));
    await page.waitForSelector(`text=✓ ${label}：${file}`);
  }
  await deskCheck(page);
  assert.equal(await page.locator('#desk-summary').innerText(),
    '共 8 行：无法评估 1，重复资助 3，不符合条件却已资助 1，应助未助 0，待核实 1，一致 2');
  const first = await page.locator('.desk-results tbody tr').first().innerText();
  assert.match(first, /张一/);
  assert.match(first, /“家庭经济困难寄宿生生活补助”由两地发放：名册（就读学校所在地 岷县）、发放名单1（甘肃省定西市漳县）/);
  await shot(page, 'journey-13d-desk-paid-list');
  assert.ok(!(await page.evaluate(() => JSON.stringify(localStorage))).includes('李二'), 'no roster data is stored');
});

test('officer desk: the roster and the lists dropped on the page together, each placed by its name', async () => {
  const gbk = templateInGbk();
  const b64 = (bytes) => Buffer.from(bytes).toString('base64');
  const files = [
    { name: '脱贫户名单.csv', b64: b64(fs.readFileSync(path.resolve(here, '../../examples/roster/lifted_out.csv'))) },
    { name: '2025秋季学生名册.csv', b64: b64(gbk) },
    { name: '农村低保数据库2025.csv', b64: b64(fs.readFileSync(path.resolve(here, '../../examples/roster/dibao.csv'))) },
  ];
  const page = await phone(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) external.push(r.url()); });
  await page.goto(server.url + 'desk/');
  await page.waitForSelector('#desk-roster');
  const url = page.url();
  // Dropped on the page's text (not on a file field): the page takes them, and stays.
  const drop = (list) => page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    const target = document.getElementById('desk-title');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    const marked = document.body.classList.contains('dragging');
    const taken = !target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return { marked, taken, still: document.body.classList.contains('dragging') };
  }, list);
  assert.deepEqual(await drop(files), { marked: true, taken: true, still: false });
  await page.waitForSelector('#desk-dropped');
  assert.equal(await page.locator('#desk-dropped').innerText(),
    '已放入 脱贫户：脱贫户名单.csv；名册：2025秋季学生名册.csv；低保：农村低保数据库2025.csv。类别按文件名判断，可在下面更改。');
  assert.equal(page.url(), url, 'the page was not replaced by a file');
  await page.waitForSelector('text=✓ 2025秋季学生名册.csv');
  assert.equal(await page.inputValue('#desk-list-kind-0'), 'lifted_out');
  assert.equal(await page.inputValue('#desk-list-kind-1'), 'dibao');
  await axe(page, 'desk: files dropped');
  await deskCheck(page);
  // The same answer as choosing the same files one by one (the desk journey above).
  assert.equal(await page.locator('#desk-summary').innerText(),
    '共 8 行：无法评估 1，重复资助 2，不符合条件却已资助 1，应助未助 1，待核实 1，一致 2');
  await shot(page, 'journey-13e-desk-dropped');
  // A list whose name says nothing goes in as the selected kind, said so, and can be changed
  // or removed; changing a list clears the old result.
  await drop([{ name: '名单1.csv', b64: files[2].b64 }]);
  await page.waitForFunction(() => /名单1\.csv（文件名看不出类别/.test(document.getElementById('desk-dropped')?.textContent || ''));
  assert.equal(await page.inputValue('#desk-list-kind-2'), 'dibao');
  await page.selectOption('#desk-list-kind-2', 'tekun');
  assert.ok(await page.locator('text=✓ 特困：名单1.csv').count() > 0);
  assert.equal(await page.locator('#desk-summary').count(), 0, 'the result of other lists is gone');
  await page.click('#desk-list-remove-2');
  assert.equal(await page.locator('.desk-lists li').count(), 2);
  assert.deepEqual(external, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no policy violation');
  await page.context().close();
});

test('officer desk: the 学籍 system\'s .xls export is read as it is; a damaged one is said to be', async () => {
  const xls = path.resolve(here, '../../crates/roster/tests/data/roster-template.xls');
  const page = await phone(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url + 'desk/');
  await page.waitForSelector('#desk-roster');
  assert.match(await page.getAttribute('#desk-roster', 'accept'), /\.xls,/);
  await chooseDeskFiles(page, xls);
  await deskCheck(page);
  // The title row above the header is skipped, and the answers are the CSV template's.
  assert.equal(await page.locator('#desk-summary').innerText(),
    '共 8 行：无法评估 1，重复资助 2，不符合条件却已资助 1，应助未助 1，待核实 1，一致 2');
  assert.equal(await page.locator('.desk-results tbody tr').count(), 8);
  await axe(page, 'desk: an .xls roster');
  await shot(page, 'journey-13f-desk-xls');
  // The same file cut short (a download that stopped): a message with what to do, no table.
  const cut = path.join(artifacts, 'roster-cut.xls');
  fs.writeFileSync(cut, fs.readFileSync(xls).subarray(0, 3000));
  await page.setInputFiles('#desk-roster', cut);
  await page.waitForSelector('text=✓ roster-cut.xls');
  await page.click('#desk-start');
  await page.waitForSelector('.error[role="alert"]');
  assert.equal(await page.locator('.error[role="alert"]').innerText(),
    'Excel 文件（.xls）已损坏或不完整，读不出来：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV 后再选择');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no policy violation');
  await page.context().close();
});

test('officer one-form check: every question on one screen, a printable record with digest and QR, next student', async () => {
  const page = await phone(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url + 'desk/');
  await page.click('#tab-one');
  await page.waitForSelector('#as_of');
  await page.fill('#as_of', '2025-10-10');
  await page.dispatchEvent('#as_of', 'change');
  await pickRegion(page, 'hukou', '岷县', '甘肃省定西市岷县');
  await choose(page, 'area-rural');
  await choose(page, 'stage-junior');
  await choose(page, 'grade-2');
  await choose(page, 'boarding-true');
  await choose(page, 'setting-rural');
  await choose(page, 'hardship-special');
  await page.waitForSelector('.headline');
  assert.equal(await page.locator('.headline').innerText(), '该生本学年可以享受 4 项资助，其中现金每年约 1,500 元');
  // All the questions were on the one screen: no step navigation.
  assert.equal(await page.locator('text=第 2 步').count(), 0);
  const digest = await page.locator('#case-digest').innerText();
  assert.match(digest, /^[0-9a-f]{64}$/);
  assert.equal(await page.locator('.qr svg').count(), 1);
  await axe(page, 'one-form: result');
  await shot(page, 'journey-14-one-form');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: path.join(artifacts, 'journey-14-record.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  // The same case in the family app (the QR code's link) gives the same answer.
  // Next student: the school, the date and the county stay; the student and household go.
  await page.click('#next-student');
  await page.waitForFunction(() => !document.querySelector('.headline'));
  assert.equal(await page.inputValue('#as_of'), '2025-10-10');
  assert.ok(await page.locator('text=✓ 甘肃省定西市岷县').count() > 0);
  assert.equal(await page.isChecked('#grade-2'), false);
  assert.equal(await page.isChecked('#hardship-special'), false);
  assert.equal(await page.isChecked('#setting-rural'), true);
});

test('offline: after one visit the app opens and answers with the network off', async () => {
  const page = await open();
  // Every response carried the strict policy, and the service worker took the page over.
  const response = await page.request.get(server.url);
  const sent = response.headers()['content-security-policy'];
  assert.equal(sent, policy(dist));
  // The strict policy, with exactly one addition: the hash of the page's inline styles.
  const hash = sent.match(/ '(sha256-[A-Za-z0-9+/]{43}=)'/);
  assert.ok(hash, sent);
  assert.equal(sent.replace(hash[0], ''), CSP);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname).sort());
  assert.ok(cached.some((p) => p.endsWith('_bg.wasm')) && cached.includes('/index.html'), cached.join(' '));
  assert.ok(!cached.some((p) => p.startsWith('/desk')), 'the desk is not downloaded for a family');
  // The cache fill went through the HTTP cache: the Wasm was downloaded once, not twice.
  const visit = server.log.slice(page.logStart).map((l) => l.path);
  assert.equal(visit.filter((p) => p.endsWith('_bg.wasm')).length, 1, visit.join(' '));
  const served = server.log.length;
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('main#main');
  await answer(page, {
    asOf: '2025-10-10', hukou: ['岷县', '甘肃省定西市岷县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
    stage: 'junior', grade: 2, school: ['ownership-public', 'boarding-true', 'setting-rural'], more: ['hardship-special', 'disabled-false', 'orphan-false'],
  }, 'offline');
  assert.equal(await page.locator('.headline').innerText(), '你的孩子本学年可以享受 4 项资助，其中现金每年约 1,500 元');
  await shot(page, 'journey-17-offline');
  // A portal's query (?lang=…) is the same page offline.
  await page.goto(`${server.url}?from=portal#step=results`);
  await page.waitForSelector('.headline');
  // Only the browser's own check for a new sw.js may reach the host (Playwright's offline mode
  // does not cover it; on a phone with no signal it simply fails): no page file, no data.
  assert.deepEqual(server.log.slice(served).map((l) => l.path).filter((p) => p !== '/sw.js'), [], 'nothing was fetched with the network off');
  assert.deepEqual(page.external, []);
  await page.context().close();
});

test('a new version waits for the user: 「政策数据已更新，点此刷新」, answers kept', async () => {
  // A copy of the built app, so that a new version can be published under the page.
  const dir = fs.mkdtempSync(path.join(artifacts, 'update-'));
  fs.cpSync(dist, dir, { recursive: true, filter: (f) => !f.includes(`${path.sep}desk`) });
  const host = await serve(dir);
  const page = await phone(browser);
  try {
    await page.goto(host.url);
    await page.waitForSelector('main#main');
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await pickRegion(page, 'hukou', '岷县', '甘肃省定西市岷县');
    // Another page of the same site (a portal hosting the app at its root) is never cached.
    fs.writeFileSync(path.join(dir, 'news.html'), '<!doctype html><title>news</title>');
    await page.evaluate(async () => { await fetch('news.html'); await fetch('news.html'); });
    assert.equal(host.log.filter((l) => l.path === '/news.html').length, 2, 'both went to the host');
    assert.ok(!(await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => r.url))).some((u) => u.endsWith('news.html')));
    const before = await page.evaluate(async () => caches.keys());
    // The host publishes a new version (new rules would change sw.js's digest).
    const swPath = path.join(dir, 'sw.js');
    fs.writeFileSync(swPath, fs.readFileSync(swPath, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.reload();
    await page.waitForSelector('#sw-update button');
    // The page was not switched under the user: the new version waits, the old one serves.
    assert.ok(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null));
    assert.ok((await page.evaluate(async () => caches.keys())).includes(before[0]));
    assert.equal(await page.locator('#sw-update button').innerText(), '政策数据已更新，点此刷新');
    await axe(page, 'update offered');
    await shot(page, 'journey-18-update');
    // Tapping it activates the new version and reloads the page (wait for that reload, not
    // only for the new cache, so that the checks below see the reloaded page).
    await Promise.all([page.waitForEvent('load'), page.click('#sw-update button')]);
    await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old[0]), before);
    await page.waitForSelector('main#main');
    await page.waitForSelector('text=✓ 甘肃省定西市岷县');
    assert.equal(await page.locator('#sw-update button').count(), 0, 'the reloaded page offers nothing');
  } finally {
    await page.context().close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('JS API: assess, validate, programs and rulesInfo from a page, shapes as the JSON Schemas say', async () => {
  const page = await phone(browser);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${server.url}api/demo.html`);
  // The demo page (under the strict CSP) loads the module and assesses its example case.
  await page.waitForSelector('#run:not([disabled])');
  await page.click('#run');
  assert.equal(await page.locator('#total').innerText(), '现金每年约 1500 元，共 4 项');
  await axe(page, 'api demo');
  await shot(page, 'journey-19-api-demo');
  const got = await page.evaluate(async () => {
    const api = await import('./index.js');
    const base = {
      as_of: '2025-10-10',
      household: { hukou: { region: '621126', area: 'rural' }, statuses: [{ kind: 'lifted_out', from: '2021' }] },
      student: { stage: 'junior', grade: 2, hardship: 'special', enrolment: { region: '621126', ownership: 'public', boarding: true, setting: 'rural' } },
    };
    const a = api.assess(base);
    const fromText = api.assess(JSON.stringify(base));
    let thrown;
    try { api.assess({ ...base, student: { ...base.student, grade: 9 } }); } catch (e) {
      thrown = { isError: e instanceof Error, isZhuxue: e instanceof api.ZhuxueError, name: e.name, field: e.field, kind: e.kind, message: e.message };
    }
    const invalid = api.validate({ ...base, student: { ...base.student, hardshp: 'special' } });
    let cyclic = {}; cyclic.self = cyclic;
    return {
      a, same: JSON.stringify(a) === JSON.stringify(fromText), thrown,
      valid: api.validate(base),
      invalid: { valid: invalid.valid, field: invalid.error.field, kind: invalid.error.kind, message: invalid.error.message },
      cyclic: api.validate(cyclic).error.kind,
      programs: api.programs(), info: api.rulesInfo(),
    };
  });
  const schemaDir = path.resolve(here, '../../docs/schema');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const assessmentOk = ajv.validate(JSON.parse(fs.readFileSync(path.join(schemaDir, 'assessment.schema.json'), 'utf8')), got.a);
  assert.ok(assessmentOk, JSON.stringify(ajv.errors));
  assert.equal(got.a.total_annual_yuan, 1500);
  const boarding = got.a.entitlements.find((e) => e.program === 'compulsory.boarding_allowance');
  assert.deepEqual([boarding.outcome, boarding.annual_yuan, boarding.payer.basis, boarding.payer.name], ['eligible', 1500, 'enrolment', '甘肃省定西市岷县']);
  assert.ok(got.same, 'a case as text gives the same assessment');
  assert.deepEqual(got.thrown, { isError: true, isZhuxue: true, name: 'ZhuxueError', field: 'student.grade', kind: 'invalid', message: 'student.grade：初中没有9年级（最高4年级）' });
  assert.deepEqual(got.valid, { valid: true });
  assert.deepEqual(got.invalid, { valid: false, field: 'student.hardshp', kind: 'unknown_field', message: '未知字段 student.hardshp，是否想写 student.hardship？' });
  assert.equal(got.cyclic, 'syntax');
  assert.equal(got.programs.filter((p) => !p.id.startsWith('local.')).length, 26);
  assert.equal(got.programs.filter((p) => p.id.startsWith('local.')).length, 21);
  assert.ok(got.programs.some((p) => p.id === 'yulu.vocational_subsidy' && p.payer === 'hukou'));
  assert.ok(got.programs.some((p) => p.id === 'local.64.yanbao_scholarship' && p.level === 'foundation' && p.payer_by === '宁夏燕宝慈善基金会'));
  assert.equal(got.info.scope, 'national+local');
  assert.ok(got.info.overlays.some((o) => o.region === '620623' && o.name === '甘肃省武威市天祝藏族自治县'));
  // The case (岷县) is in Gansu: the assessment lists the Gansu overlay it applied.
  assert.deepEqual(got.a.rules.overlays.map((o) => o.region), ['620000']);
  assert.match(got.info.version, /^\d{4}\.\d{2}\.\d{2}$/);
  await page.context().close();
});

test('portal: one-line embed on another origin fits its content, applies options, tells the portal only height and the opted-in summary', async () => {
  // The example portal, served from a second origin with a portal's own strict CSP that
  // allows the calculator's origin.
  const dir = fs.mkdtempSync(path.join(artifacts, 'portal-'));
  for (const f of ['portal.html', 'portal.css', 'portal.js']) {
    const text = fs.readFileSync(path.resolve(here, '../../examples', f), 'utf8');
    fs.writeFileSync(path.join(dir, f), text.replaceAll('http://127.0.0.1:8080/', server.url));
  }
  const app = new URL(server.url).origin;
  const portal = await serve(dir, { headers: { 'content-security-policy': `default-src 'self'; script-src 'self' ${app}; frame-src ${app}; style-src 'self'` } });
  const page = await phone(browser);
  try {
    await page.addInitScript(() => {
      window.__messages = [];
      addEventListener('message', (e) => window.__messages.push({ origin: e.origin, type: e.data && e.data.type }));
    });
    await page.goto(`${portal.url}portal.html`);
    const frameEl = page.locator('iframe.zhuxue-frame');
    await frameEl.waitFor();
    assert.equal(await frameEl.getAttribute('title'), '学生资助查询');
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForSelector('main#main');
    // Sized to its content: the frame is as tall as the page inside it (no inner scrollbar).
    const fits = async () => {
      const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
      return Math.abs(inner - outer) <= 1;
    };
    await page.waitForFunction(() => document.querySelector('iframe.zhuxue-frame').style.height !== '40rem')
      .catch(async (e) => { throw new Error(`no height from the frame; messages: ${JSON.stringify(await page.evaluate(() => window.__messages))}; ${e.message}`); });
    assert.ok(await fits(), 'the frame fits its content');
    // Options: 户籍 preset to 临夏州 (the picker starts there), compact (no title), accent colour.
    assert.equal(await frame.locator('#hukou-province').inputValue(), '620000');
    assert.equal(await frame.locator('#hukou-prefecture').inputValue(), '622900');
    assert.equal(await frame.locator('header.top h1').evaluate((h) => h.getBoundingClientRect().height <= 1), true);
    assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#8a1c1c');
    await shot(page, 'journey-20-portal');
    await answer(frame, {
      asOf: '2025-10-10', hukou: ['东乡', '甘肃省临夏回族自治州东乡族自治县'], area: 'rural', statuses: [['lifted_out', '2021-01-01']],
      stage: 'junior', grade: 2, school: ['ownership-public', 'boarding-true', 'setting-rural'], more: ['hardship-special', 'disabled-false', 'orphan-false'],
    }, 'portal');
    // The portal opted in to summaries: its own script shows the total; the frame still fits.
    await page.waitForSelector('#portal-summary:not(:empty)');
    assert.match(await page.locator('#portal-summary').innerText(), /^本次查询：可享受 4 项资助，现金每年约 1500 元（规则版本 \d{4}\.\d{2}\.\d{2}）。$/);
    await page.waitForFunction(() => Math.abs(document.querySelector('iframe.zhuxue-frame').getBoundingClientRect().height
      - Number.parseFloat(document.querySelector('iframe.zhuxue-frame').style.height)) < 1);
    assert.ok(await fits(), 'the frame fits the results');
    await shot(page, 'journey-20-portal-results');
    // Nothing reached the portal's page but height, scroll-to-top and the summary, all from the
    // calculator's origin; the portal's host saw only its own three files (and the browser's favicon request).
    const messages = await page.evaluate(() => window.__messages);
    assert.ok(messages.length > 0);
    assert.deepEqual([...new Set(messages.map((m) => m.origin))], [app]);
    assert.deepEqual([...new Set(messages.map((m) => m.type))].sort(), ['zhuxue:height', 'zhuxue:summary', 'zhuxue:top']);
    assert.deepEqual([...new Set(portal.log.map((l) => l.path))].filter((p) => p !== '/favicon.ico').sort(), ['/portal.css', '/portal.html', '/portal.js']);
    // A message from anywhere else is ignored: the frame keeps its height.
    const before = await frameEl.evaluate((f) => f.style.height);
    await page.evaluate(() => window.postMessage({ type: 'zhuxue:height', height: 5 }, '*'));
    await page.waitForTimeout(100);
    assert.equal(await frameEl.evaluate((f) => f.style.height), before);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'the portal CSP was never violated');
  } finally {
    await page.context().close();
    await portal.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('plain iframe or link with settings in the address: language, county preset, compact, accent', async () => {
  const page = await phone(browser);
  await page.goto(`${server.url}?lang=en&region=622926&as_of=2025-10-10&compact=1&accent=b00000`);
  await page.waitForSelector('main#main');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.locator('main').innerText(), /Household registration/);
  await page.waitForSelector('text=✓ 甘肃省临夏回族自治州东乡族自治县');
  assert.equal(await page.inputValue('#as_of'), '2025-10-10');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#b00000');
  // Stored answers win over a preset: a reload with another region keeps 东乡.
  await page.goto(`${server.url}?region=110101`);
  await page.waitForSelector('text=✓ 甘肃省临夏回族自治州东乡族自治县');
  await axe(page, 'address settings');
  await page.context().close();
});

test('西吉 freshman: the 燕宝 scholarship and the county award, with their level and payer, asked only there', async () => {
  const page = await open();
  await answer(page, {
    asOf: '2018-09-05', hukou: ['西吉', '宁夏回族自治区固原市西吉县'], area: 'rural', statuses: [['registered_poor', '2016-04-01']],
    stage: 'undergraduate', grade: 1, enrol: ['兴庆', '宁夏回族自治区银川市兴庆区'], school: ['full_time-true'],
    more: ['hardship-special', 'veteran-false', 'admission_tier-second_tier', 'county_high_school_years-3'],
  }, 'xiji');
  const local = (program) => page.locator(`#p-${program.replaceAll('.', '-')}`).innerText().then((t) => t.replace(/\s+/g, ' '));
  // The headline counts the local scholarship and says how much of the cash is local.
  const head = await page.locator('.summary-head').innerText();
  assert.match(head, /其中现金每年约 7,000 元/);
  assert.match(head, /其中地方资助（省、县、基金会）每年约 4,000 元。/);
  const yanbao = await local('local.64.yanbao_scholarship');
  assert.match(yanbao, /燕宝奖学金（本科，宁夏六盘山9县区） 地方·基金会 每年 4,000 元/);
  assert.match(yanbao, /由宁夏燕宝慈善基金会发放（户籍地：宁夏回族自治区固原市西吉县）/);
  await page.locator('#p-local-64-yanbao_scholarship summary').click();
  const open_ = await local('local.64.yanbao_scholarship');
  assert.match(open_, /✓ 符合： 考上二本及以上（一本或二本批次录取）（本案：二本（本科二批））/);
  assert.match(open_, /（宁夏某县方案）对建档立卡户考入大学学生，享受燕宝基金会资助的同时，可再享受一项资助/);
  assert.match(open_, /《燕宝慈善基金会第二期捐资助学项目（人民政协报报道）》，人民政协报，2017-09-20/);
  assert.match(open_, /《教育精准扶贫督导工作方案（宁夏某县，县名未写明）》，宁夏某县（有60个扶贫重点村）/);
  // The seed county's award: conditional, because the plan does not name its county.
  const award = await local('local.64.county_entrance_award');
  assert.match(award, /县高级中学考入一本、二本大学生奖励（宁夏某县） 地方·县级 有条件 一次性 10,000 元/);
  // The answer covers Ningxia's programs and says which places have none encoded.
  assert.match(await page.locator('.national-only').innerText(), /本结果包含：国家资助政策；宁夏回族自治区（8项地方政策、1项国家政策的地方标准）。尚未录入地方政策：户籍地的固原市、西吉县，学籍地的银川市、兴庆区/);
  await axe(page, 'xiji: results');
  await shot(page, 'journey-xiji-local');
  // 燕宝 is offered among the aid already received (its 「燕宝 + 一项」 rule reads it): with
  // two more aids recorded, the rule is said to be exceeded.
  await page.locator('.case-summary button[aria-label*="本学期已经领取的资助"]').click();
  await choose(page, 'aid-local-64-yanbao_scholarship-640422');
  await choose(page, 'aid-higher-national_grant-640104');
  await choose(page, 'aid-higher-national_scholarship-640104');
  await page.getByRole('button', { name: '返回结果' }).click();
  await page.waitForSelector('.notice-doubleaid');
  assert.match(await page.locator('.notice-doubleaid').innerText(), /已享受燕宝奖学金（本科，宁夏六盘山9县区），另外还享受2项资助，超过规定（（宁夏某县方案）对建档立卡户考入大学学生，享受燕宝基金会资助的同时，可再享受一项资助）/);
  await page.locator('.case-summary button[aria-label*="本学期已经领取的资助"]').click();
  await page.click('#aid-higher-national_scholarship-640104');
  await page.waitForFunction(() => document.getElementById('aid-higher-national_scholarship-640104')?.checked === false);
  await page.getByRole('button', { name: '返回结果' }).click();
  await page.waitForSelector('.headline');
  assert.equal(await page.locator('.notice-doubleaid').count(), 0, '燕宝 plus one more is within the rule');
  // An 银川 freshman is not asked the admission batch, and is not told about 燕宝 at all.
  await page.locator('.case-summary button[aria-label*="户籍"]').first().click();
  await pickRegion(page, 'hukou', '兴庆', '宁夏回族自治区银川市兴庆区');
  await page.getByRole('button', { name: '返回结果' }).click();
  await page.waitForSelector('.headline');
  assert.equal(await page.locator('#p-local-64-yanbao_scholarship').count(), 0);
  assert.equal(await page.locator('#n-local-64-yanbao_scholarship').count(), 0, 'another place\'s program is not a why-not');
  assert.match(await local('local.64.county_entrance_award'), /有条件/);
  // In Gansu no local program reads the admission batch: the question is not asked.
  await page.locator('.case-summary button[aria-label*="户籍"]').first().click();
  await pickRegion(page, 'hukou', '岷县', '甘肃省定西市岷县');
  await page.getByRole('button', { name: '返回结果' }).click();
  await page.waitForSelector('.headline');
  assert.equal(await page.locator('.case-summary').innerText().then((t) => t.includes('高考录取批次')), false);
});

test('the signal drops while the app downloads: said on the first screen, 重试 brings it, nothing entered is lost', async () => {
  const page = await phone(browser);
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) external.push(r.url()); });
  // The Wasm fails (the preload and the app's own fetch) until the signal is back.
  let failures = 0;
  let healthy = false;
  await page.route(/_bg\.wasm$/, async (route) => {
    if (healthy) return route.continue();
    failures += 1;
    return route.abort('internetdisconnected');
  });
  await page.goto(server.url);
  await page.fill('#pre-as_of', '2025-10-10');
  await page.selectOption('#pre-hukou-province', '620000');
  await page.check('#pre-area-rural');
  await page.fill('#pre-hukou-search', '东乡');
  await page.waitForSelector('#load-failed');
  assert.equal(await page.locator('#load-failed p').innerText(), '网络不好，查询工具没有下载完。已填写的内容不会丢失。');
  assert.equal(await page.locator('#load-failed').getAttribute('role'), 'alert');
  assert.equal(await page.locator('.prerender .loading').count(), 0, 'no 「正在加载」 beside it');
  assert.equal(await page.inputValue('#pre-hukou-search'), '东乡');
  assert.equal(await page.locator('main#main').count(), 0, 'the app has not started');
  await axe(page, 'download failed');
  await shot(page, 'journey-load-failed');
  // Still no signal: trying again says so again, and keeps the answers.
  const before = failures;
  await page.click('#load-retry');
  await page.waitForFunction((n) => document.querySelector('#load-retry') && !document.querySelector('#load-retry').disabled, before);
  assert.ok(failures > before, 'the retry asked the network again');
  assert.equal(await page.inputValue('#pre-as_of'), '2025-10-10');
  // The signal is back.
  healthy = true;
  await page.click('#load-retry');
  await page.waitForSelector('main#main');
  await page.waitForSelector('#hukou-search');
  assert.equal(await page.locator('#load-failed').count(), 0, 'the message is gone with the static screen');
  assert.equal(await page.inputValue('#hukou-search'), '东乡');
  assert.equal(await page.inputValue('#as_of'), '2025-10-10');
  assert.ok(await page.isChecked('#area-rural'));
  await page.waitForSelector('button.hit');
  assert.match(await page.locator('button.hit').first().innerText(), /甘肃省临夏回族自治州东乡族自治县/);
  assert.deepEqual(external, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no policy violation');
  await page.context().close();
});

test('the first question can be answered before the app arrives, and the app keeps what was entered', async () => {
  const page = await phone(browser);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('#pre-hukou-search', { state: 'visible' });
  assert.equal(await page.locator('main#main').count(), 0, 'the app has not started yet');
  await axe(page, 'static first question');
  await shot(page, 'journey-static-first-question');
  await page.fill('#pre-as_of', '2025-10-10');
  await page.selectOption('#pre-hukou-province', '620000');
  await page.check('#pre-area-rural');
  await page.fill('#pre-hukou-search', '东乡');
  release();
  await page.waitForSelector('main#main');
  await page.waitForSelector('#hukou-search');
  assert.equal(await page.locator('#prerender').count(), 0, 'the static screen is gone');
  assert.equal(await page.inputValue('#hukou-search'), '东乡');
  assert.equal(await page.inputValue('#as_of'), '2025-10-10');
  assert.equal(await page.inputValue('#hukou-province'), '620000');
  assert.ok(await page.isChecked('#area-rural'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'hukou-search', 'the focus follows');
  // The typed name is searched at once: 甘肃 chosen, its 东乡 first.
  await page.waitForSelector('button.hit');
  assert.match(await page.locator('button.hit').first().innerText(), /甘肃省临夏回族自治州东乡族自治县/);
  await page.locator('button.hit').first().click();
  await page.waitForSelector('text=✓ 甘肃省临夏回族自治州东乡族自治县');
  await axe(page, 'static first question, taken over');
  await page.context().close();
});
