// `licensectl report --html FILE`: one self-contained page that reads as a dashboard — totals first, every license
// configuration's consumption as a bar against its count (over the count red, near it amber), a table per
// configuration, license entitlements and grants, what expires soon, the findings. Inline CSS and SVG only: nothing
// is fetched when it is opened, and it prints legibly (@media print). Every text is escaped.
import { plural } from '../util/words.js';
import { type ConfigurationReport, type LicenseReport, reportOfTarget, rulesText, type UsageLevel, type UsageReport, type UsageReportSet } from './usage-report.js';

const STYLE = `
:root { --over: #c62828; --near: #e08a00; --ok: #2e7d32; --none: #78909c; --line: #d7dde3; --muted: #5f6b76; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d252c; background: #f4f6f8; margin: 0; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; } h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 0 0 8px; } .meta, .note { color: var(--muted); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 10px; margin: 16px 0; }
.tile { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.tile b { display: block; font-size: 24px; } .tile span { color: var(--muted); font-size: 12px; }
.tile.over b { color: var(--over); } .tile.near b { color: var(--near); }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 12px; color: var(--muted); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.over td.name { border-left: 4px solid var(--over); } tr.near td.name { border-left: 4px solid var(--near); }
tr.over .used, tr.over .consumed { color: var(--over); font-weight: 700; } tr.near .used { color: var(--near); font-weight: 700; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 14px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px; break-inside: avoid; }
.card.over { border-top: 4px solid var(--over); } .card.near { border-top: 4px solid var(--near); }
.card table { margin-top: 8px; } .arn { font: 11px ui-monospace, monospace; color: var(--muted); word-break: break-all; }
.badge { display: inline-block; font-size: 11px; border-radius: 10px; padding: 0 8px; margin-left: 6px; background: #e8edf1; }
.badge.over { background: var(--over); color: #fff; } .badge.near { background: var(--near); color: #fff; }
svg.bar rect.track { fill: #e8edf1; } svg.bar rect.fill.ok { fill: var(--ok); } svg.bar rect.fill.near { fill: var(--near); }
svg.bar rect.fill.over { fill: var(--over); } svg.bar rect.fill.unlimited { fill: var(--none); } svg.bar line.limit { stroke: #1d252c; stroke-width: 2; }
ul.findings { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 10px 10px 32px; }
li.error { color: var(--over); } li.warning { color: #8a5300; } code { font-size: 12px; }
footer { color: var(--muted); font-size: 12px; padding: 24px; }
@page { margin: 14mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10pt; } header, main, footer { max-width: none; padding: 0; }
  .cards { display: block; } .card { margin-bottom: 10px; border-color: #999; } .tile { border-color: #999; }
  section { break-inside: auto; } h2 { break-after: avoid; } tr { break-inside: avoid; }
}`;

export function renderReportHtml(report: UsageReport): string {
  const { target } = report;
  return page(report.project, `<p class="meta">account ${esc(target.account)} · ${esc(target.region)} · ${esc(target.store)} · read ${esc(report.readAt)}</p>
${tiles(report)}`, sections(report, ''));
}

/** A project with targets: the totals of every target first, then one section per target, each as a single target's page. */
export function renderReportSetHtml(set: UsageReportSet): string {
  const failed = set.failures.length
    ? `\n<ul class="findings">\n${set.failures.map((f) => `<li class="error">target ${esc(f.label)} (account ${esc(f.account)}, ${esc(f.region)}) was not read: <code>${esc(f.error.code)}</code> ${esc(f.error.message)}</li>`).join('\n')}\n</ul>`
    : '';
  const head = `<p class="meta">${plural(set.targets.length, 'target')}${set.failures.length ? `, ${set.failures.length} not read` : ''} · read ${esc(set.readAt)}</p>
${tiles(set)}${failed}`;
  const body = set.targets.map((t) => {
    const report = reportOfTarget(set, t);
    return `<section class="target" id="target-${esc(t.label)}">
<h2>Target ${esc(t.label)}</h2>
<p class="meta">account ${esc(t.target.account)} · ${esc(t.target.region)} · ${esc(t.target.store)}</p>
${tiles(report)}
${sections(report, `${t.label}-`)}
</section>`;
  });
  return page(set.project, head, body.join('\n'));
}

function page(project: string, header: string, main: string): string {
  const title = `License usage — ${project}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
${header}
</header>
<main>
${main}
</main>
<footer>licensectl report of project ${esc(project)}. AWS keeps no history of usage: <code>licensectl report --snapshot DIR</code> keeps one.</footer>
</body>
</html>
`;
}

function tiles(report: Pick<UsageReport, 'summary' | 'policies'>): string {
  const { summary } = report;
  return `<div class="tiles">
${tile(summary.configurations, 'license configurations')}${tile(summary.overLimit, 'over the count', summary.overLimit ? 'over' : '')}${tile(summary.nearLimit, 'near the count', summary.nearLimit ? 'near' : '')}
${tile(summary.licenses, 'licenses')}${tile(summary.grants, 'grants')}${tile(summary.expiring, `expiring within ${report.policies.expiryWarningDays} days`, summary.expiring ? 'near' : '')}${tile(summary.errors + summary.warnings, 'findings', summary.errors ? 'over' : summary.warnings ? 'near' : '')}
</div>`;
}

/** The sections of one account's report; `prefix` keeps their ids apart when several targets share the page. */
function sections(report: UsageReport, prefix: string): string {
  return `<section id="${esc(prefix)}configurations">
<h2>License configurations</h2>
${overview(report)}
<p class="note">Bars: consumed against the count (the black line); red over the count, amber at ${report.policies.minHeadroomPercent === null ? '90% or more' : `90% or more or under the policy's ${report.policies.minHeadroomPercent}% headroom`}.</p>
<div class="cards">
${report.configurations.map(card).join('\n')}
</div>
</section>
${licenses(report.licenses, prefix)}
${expiring(report, prefix)}
<section id="${esc(prefix)}findings">
<h2>Findings</h2>
${report.findings.length === 0 ? '<p class="note">None.</p>' : `<ul class="findings">\n${report.findings.map((f) => `<li class="${f.severity}"><code>${esc(f.code)}</code> ${esc(f.message)}</li>`).join('\n')}\n</ul>`}
</section>`;
}

function overview(report: UsageReport): string {
  if (report.configurations.length === 0) return '<p class="note">No license configurations in the account.</p>';
  const rows = report.configurations.map((c) => `<tr class="${c.level}" data-name="${esc(c.name)}" data-arn="${esc(c.arn)}">`
    + `<td class="name">${esc(c.name)}${c.managed ? '' : '<span class="badge">unmanaged</span>'}</td><td>${esc(c.countingType)}</td>`
    + `<td>${bar(c.consumed, c.licenseCount, c.level, 220)}</td><td class="num consumed">${c.consumed}</td><td class="num count">${num(c.licenseCount)}</td>`
    + `<td class="num headroom">${num(c.headroom)}</td><td class="num used">${c.usedPercent === null ? '—' : `${c.usedPercent}%`}</td>`
    + `<td>${c.hardLimit ? 'hard' : 'soft'}</td><td>${esc(c.status)}</td><td>${esc(c.expiry?.slice(0, 10) ?? '—')}</td></tr>`);
  return `<table class="overview">
<thead><tr><th>Configuration</th><th>Counting</th><th>Consumption</th><th class="num">Consumed</th><th class="num">Count</th><th class="num">Headroom</th><th class="num">Used</th><th>Limit</th><th>Status</th><th>Expires</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function card(c: ConfigurationReport): string {
  const badge = c.level === 'over' ? '<span class="badge over">over the count</span>' : c.level === 'near' ? '<span class="badge near">near the count</span>' : '';
  const facts: [string, string][] = [
    ['Consumed', `${c.consumed} of ${num(c.licenseCount)} ${esc(c.countingType)} licenses${c.usedPercent === null ? '' : ` (${c.usedPercent}%)`}`],
    ['Headroom', num(c.headroom)], ['Limit', c.hardLimit ? 'hard: launches past the count are refused' : 'soft: launches past the count are flagged'],
    ['Rules', esc(rulesText(c.rules) || '—')], ['Status', esc(c.status)], ['Expires', esc(c.expiry?.slice(0, 10) ?? '—')],
    ['Owner account', esc(c.ownerAccount)],
  ];
  const byType = c.consumedByType.length || c.associatedByType.length ? subTable(['Resource type', 'Consumed', 'Associated'], [...new Set([...c.consumedByType, ...c.associatedByType].map((r) => r.resourceType))].sort()
    .map((t) => [esc(t), String(c.consumedByType.find((r) => r.resourceType === t)?.count ?? 0), String(c.associatedByType.find((r) => r.resourceType === t)?.count ?? 0)])) : '';
  const byAccount = c.byAccount.length ? subTable(['Account', 'Consumed', 'Resources'], c.byAccount.map((a) => [esc(a.account), String(a.consumed), String(a.resources)])) : '';
  const top = c.topResources.length
    ? `<h3>${c.topResources.length < c.trackedResources ? `Top ${c.topResources.length} of ${plural(c.trackedResources, 'tracked resource')}` : plural(c.trackedResources, 'tracked resource')}</h3>`
      + subTable(['Resource', 'Type', 'Account', 'Consumed'], c.topResources.map((r) => [`<span class="arn">${esc(r.arn)}</span>`, esc(r.resourceType), esc(r.account), String(r.consumed)]))
    : '';
  return `<article class="card ${c.level}" data-name="${esc(c.name)}">
<h3>${esc(c.name)}${c.managed ? '' : '<span class="badge">unmanaged</span>'}${badge}</h3>
<div class="arn">${esc(c.arn)}</div>
${bar(c.consumed, c.licenseCount, c.level, 480)}
${subTable(['', ''], facts.map(([k, v]) => [k, v]), false)}
${byType}${byAccount}${top}
</article>`;
}

function licenses(list: readonly LicenseReport[], prefix: string): string {
  if (list.length === 0) return '';
  const one = (l: LicenseReport) => {
    const entitlements = subTable(['Entitlement', 'Usage', 'Used', 'Max'], l.entitlements.map((e) => [
      esc(e.name), bar(e.consumed, e.maxCount, e.level, 200), String(e.consumed), e.maxCount === null ? `no maximum (${esc(e.unit)})` : String(e.maxCount),
    ]));
    const grants = l.grants.length
      ? subTable(['Grantee', 'Status', 'Grant'], l.grants.map((g) => [esc(g.principal), esc(g.status), esc(g.name)]))
      : '<p class="note">No grants.</p>';
    return `<article class="card ${l.entitlements.some((e) => e.level === 'over') ? 'over' : ''}" data-name="${esc(l.name)}">
<h3>${esc(l.name)}${l.managed ? '' : '<span class="badge">unmanaged</span>'}</h3>
<div class="arn">${esc(l.arn)}</div>
<p>${esc(l.productName)} · ${esc(l.status)} · ${l.validUntil ? `valid until ${esc(l.validUntil.slice(0, 10))}` : 'no end date'}</p>
${entitlements}
${grants}
</article>`;
  };
  return `<section id="${esc(prefix)}licenses">
<h2>Licenses</h2>
<p class="note">AWS reports a license's usage as a whole, not per grantee: grants are listed with their status only.</p>
<div class="cards">
${list.map(one).join('\n')}
</div>
</section>`;
}

function expiring(report: UsageReport, prefix: string): string {
  if (report.policies.expiryWarningDays === 0) return '';
  const rows = report.expiring.map((e) => [esc(e.kind), esc(e.name), esc(e.expiry.slice(0, 10)), e.days < 0 ? `expired ${plural(-e.days, 'day')} ago` : `in ${plural(e.days, 'day')}`]);
  return `<section id="${esc(prefix)}expiring">
<h2>Expiring within ${plural(report.policies.expiryWarningDays, 'day')}</h2>
${rows.length ? subTable(['Kind', 'Name', 'Date', 'When'], rows) : '<p class="note">Nothing.</p>'}
</section>`;
}

/** Consumption as a bar: the fill is `consumed`, the black line the maximum; the scale stretches to fit an overage. */
function bar(consumed: number, max: number | null, level: UsageLevel, width: number): string {
  const scale = Math.max(max ?? 0, consumed, 1);
  const fill = Math.round((consumed / scale) * width * 10) / 10;
  const limit = max === null ? '' : `<line class="limit" x1="${round((max / scale) * width)}" y1="0" x2="${round((max / scale) * width)}" y2="14"/>`;
  const label = max === null ? `${consumed} consumed, no count` : `${consumed} of ${max} consumed`;
  return `<svg class="bar" width="${width}" height="14" viewBox="0 0 ${width} 14" role="img" aria-label="${label}"><rect class="track" x="0" y="2" width="${width}" height="10" rx="3"/>`
    + `<rect class="fill ${level}" x="0" y="2" width="${fill}" height="10" rx="3"/>${limit}</svg>`;
}

/** A table of already escaped cells; numbers right-aligned when they are. */
function subTable(headers: readonly string[], rows: readonly (readonly string[])[], head = true): string {
  const td = (cell: string) => `<td${/^-?\d{1,9}(\.\d+)?%?$/.test(cell) ? ' class="num"' : ''}>${cell}</td>`;
  return `<table>${head ? `<thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>` : ''}<tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody></table>`;
}

function tile(value: number, label: string, level = ''): string {
  return `<div class="tile${level ? ` ${level}` : ''}"><b>${value}</b><span>${esc(label)}</span></div>`;
}

function num(n: number | null): string {
  return n === null ? '—' : String(n);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Text for HTML, in an element or a quoted attribute. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
