// The example portal's own script: it opted in to summaries (data-summary="true") and shows
// the latest one under the calculator. It never sees the family's answers.
document.addEventListener('zhuxue-summary', function (e) {
  var s = e.detail;
  document.getElementById('portal-summary').textContent =
    '本次查询：可享受 ' + s.entitlements.length + ' 项资助，现金每年约 ' + s.total_annual_yuan + ' 元（规则版本 ' + s.rules_version + '）。';
});
