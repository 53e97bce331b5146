// The JS API demo (demo.html): assess the case in the text box and show the entitlements.
import { assess, rulesInfo, ZhuxueError } from './index.js';

const example = {
  as_of: '2025-10-10',
  household: { hukou: { region: '621126', area: 'rural' }, statuses: [{ kind: 'lifted_out', from: '2021' }] },
  student: {
    stage: 'junior', grade: 2, hardship: 'special',
    enrolment: { region: '621126', ownership: 'public', boarding: true, setting: 'rural' },
  },
};

const $ = (id) => document.getElementById(id);
const cell = (row, text) => { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); };
const info = rulesInfo();
$('rules').textContent = `规则版本 ${info.version}，数据核实于 ${info.verified_on}`;
$('case').value = JSON.stringify(example, null, 2);
$('run').disabled = false;
$('run').addEventListener('click', () => {
  const out = $('out');
  out.textContent = '';
  try {
    const a = assess($('case').value);
    const p = document.createElement('p');
    p.id = 'total';
    p.textContent = `现金每年约 ${a.total_annual_yuan} 元，共 ${a.entitlements.length} 项`;
    const table = document.createElement('table');
    const head = table.insertRow();
    const forms = { cash: '现金', in_kind: '实物', waiver: '免除费用', loan: '贷款（上限）' };
    for (const h of ['项目', '结果', '形式', '每年折合（元）', '谁发放']) { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); }
    for (const e of a.entitlements) {
      const row = table.insertRow();
      cell(row, e.name);
      cell(row, e.outcome);
      cell(row, forms[e.form] || e.form);
      cell(row, String(e.annual_yuan));
      cell(row, e.payer.name);
    }
    out.append(p, table);
  } catch (e) {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = e instanceof ZhuxueError ? `${e.field || '案例'}：${e.message}` : String(e);
    out.append(p);
  }
});
