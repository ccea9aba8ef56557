// The table printed on stdout: every figure of results.json, targets beside the figures they judge.
import { WARM_RUNS, WARM_UP_RUNS } from './measure.js';

const MODEL = [
  'Minimum = Σ over phases of max(chain, lead + ceil(parallel / concurrency)) × latency. Phases run one after the other',
  '(plan: the lists, then the tag reads of the grants it acts on; apply: read, then changes). A paginated list is a',
  'chain of P rounds (lists of different kinds run side by side: chain = the longest); other calls run `concurrency` at a',
  'time, one round after the list that names them (lead). CPU, network and the emulator\'s own work count as free.',
];

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

function startupSection(startup) {
  const figure = (key) => startup.byNode.map((n) => n[key]?.medianMs ?? null);
  const rows = [
    ['node -e \'\' (the floor)', ...figure('bareNode')],
    ['licensectl --version', ...figure('version')],
    ['licensectl validate --dir examples/quickstart', ...figure('validate')],
    ['  the same, compile cache off (Node 22+)', ...figure('validateWithoutCompileCache')],
    ['licensectl plan --dir <copy of quickstart> (embedded)', ...figure('plan')],
  ];
  const headers = ['command', ...startup.byNode.map((n, i) => `${n.node}${i === 0 ? ' (bench)' : ''} ms`)];
  const runs = [...new Set(startup.byNode.map((n) => n.runs))].join(' or ');
  const missing = startup.notMeasured.map((line) => `\n  not measured: ${line}`).join('');
  return `Start-up: median of ${runs} runs (the bench's Node first), spawn to exit, on each Node version at hand${missing}\n${table(headers, rows)}`;
}

function planCostSection(pc) {
  const row = (label, c) => [label, c.resources, `${c.summary.update} upd / ${c.summary.noop} no-op`, c.medianMs, c.peakHeapMb];
  const sizes = `${pc.sizes.configurations} configurations, ${pc.sizes.shares} shares, ${pc.sizes.licenses} licenses, ${pc.sizes.grants} grants`;
  return [
    `Pure plan: computePlan (${sizes}); time median of ${pc.runs}; peak heap = most heap in use during a run − heap before it`,
    table(['live state', 'resources', 'plan', 'ms', 'peak MB'], [row('equal', pc.equal), row('10% changed', pc.changed)]),
  ].join('\n');
}

const opsOf = (byOperation) => Object.entries(byOperation).map(([op, s]) => `${op} ${s.calls}`).join(', ');
const phasesOf = (limit) => limit.phases.map((p) => `${p.name} ${p.rounds}`).join(' + ');

function scenarioSection(s) {
  // Only plans are compared with the baseline: both read the whole account; apply and the baseline itself are not.
  const speedup = (r) => (s.latencyMs > 0 ? `${(s.baseline.medianMs / r.wallMs).toFixed(1)}×` : null);
  const row = (label, r, calls, compare = true) => [
    label, calls, r.limit.concurrency, r.wallMs ?? r.medianMs, r.processMs ?? null, r.limit.minimumMs, phasesOf(r.limit), r.ratioToMinimum, compare ? speedup(r) : null,
  ];
  const rows = [
    row('apply (create all)', s.apply, s.apply.stats.calls, false),
    row('plan, no changes', s.planNoChanges, s.planNoChanges.stats.calls),
    row('plan, 10% changed', s.planChanged, s.planChanged.stats.calls),
    row('  in-process, no changes (warm)', s.inProcessNoChanges, s.inProcessNoChanges.stats.calls),
    row('  in-process, 10% changed (warm)', s.inProcessChanged, s.inProcessChanged.stats.calls),
    ...(s.report ? [row(`report, ${s.report.instances.toLocaleString('en-US')} instances`, s.report.report, s.report.report.stats.calls, false)] : []),
    row('baseline: read each resource', s.baseline, s.baseline.calls, false),
    row('baseline as a fresh process', s.baselineProcess, s.baselineProcess.calls, false),
  ];
  const processToProcess = (r) => `${r.processMs} ms vs baseline ${s.baselineProcess.processMs} ms (${(s.baselineProcess.processMs / r.processMs).toFixed(1)}×)`;
  const sizes = `${s.sizes.configurations} configurations, ${s.sizes.shares} shares, ${s.sizes.licenses} licenses, ${s.sizes.grants} grants`;
  return [
    `Scenario: ${sizes}; emulator serve, ${s.latencyMs} ms per call; CLI plans median of ${s.runs}; in-process plans and baseline warm (${WARM_UP_RUNS} untimed runs), median of ${WARM_RUNS}`,
    table(['run', 'calls', 'conc', 'ms', 'process ms', 'min ms', 'rounds', 'ms/min', 'vs baseline'], rows),
    `  plan, no changes:  ${opsOf(s.planNoChanges.stats.byOperation)}  → ${s.planNoChanges.summary}`,
    `  plan, 10% changed: ${opsOf(s.planChanged.stats.byOperation)}  → ${s.planChanged.summary} (mutated: ${opsOf(Object.fromEntries(Object.entries(s.mutation.byKind).map(([k, n]) => [k, { calls: n }])))})`,
    `  baseline:          ${opsOf(s.baseline.byOperation)}`,
    `  process to process (spawn to exit; the baseline process imports the SDK in ${s.baselineProcess.importMs} ms): plan, no changes ${processToProcess(s.planNoChanges)}; plan, 10% changed ${processToProcess(s.planChanged)}`,
    `  apply:             ${opsOf(s.apply.stats.byOperation)}`,
    ...(s.report ? reportLines(s.report, s.planNoChanges) : []),
  ].join('\n');
}

function reportLines(r, planNoChanges) {
  const sum = r.report.summary;
  const fleet = `${r.fleet.amis} AMIs associated by hand with the ${r.fleet.configurations} vCPU and Instance configurations (${r.fleet.hardLimited} hard-limited)`;
  return [
    `  report:            ${opsOf(r.report.stats.byOperation)}  → ${sum.configurationsInUse} configurations in use, ${sum.trackedResources} tracked resources, ${sum.overLimit} over / ${sum.nearLimit} near the count, ${sum.errors + sum.warnings} findings; ${fleet}`,
    `  plan, no changes, with the fleet: ${r.planNoChangesWithFleet.stats.calls} SDK calls (${planNoChanges.stats.calls} before it) → ${r.planNoChangesWithFleet.summary}`,
  ];
}

function embeddedWritesSection(w) {
  const rows = w.rows.map((r) => [r.creates, r.runs, r.wallMs, r.perCreateMs, r.stateMiB]);
  return [
    `Embedded apply of N LicenseConfiguration creates (fresh state file); ms a create = (wall − ${w.emptyApplyMs} ms of an apply with nothing to do) / N`,
    table(['creates', 'runs', 'wall ms (median)', 'ms a create', 'state MiB'], rows),
    `  the scenario's documents (${Object.entries(w.mixed.sizes).map(([k, n]) => `${n} ${k}`).join(', ')}) applied embedded: ${w.mixed.wallMs} ms (median of ${w.mixed.runs})`,
  ].join('\n');
}

function targetsSection(targets) {
  const rows = targets.map((t) => [t.name, t.value, t.target, t.met ? 'met' : 'MISSED']);
  return `Targets\n${table(['target', 'figure', 'target', ''], rows)}`;
}

/** The whole report as text. */
function fanoutSection(f, t) {
  const sizes = `${f.sizes.configurations} configurations, ${f.sizes.shares} shares, ${f.sizes.licenses} license, ${f.sizes.grants} grants`;
  const rows = [
    ['one target', 1, f.single.calls, f.single.wallMs, f.single.processMs, '1.0×'],
    [`${f.targets} targets, one process`, f.targets, f.fanout.calls, f.fanout.wallMs, f.fanout.processMs, `${f.fanout.toSingle}×`],
    [`${f.targets} single-target plans, one after the other`, f.targets, null, null, f.sequential.processMs, `${(f.sequential.processMs / f.single.processMs).toFixed(1)}×`],
  ];
  const ms = (r) => `${r.ms} ms`;
  const others = Object.keys(t.slowdownPercent).map((label) => `${label} ${ms(t.quiet[label])} → ${ms(t.throttled[label])} (${t.slowdownPercent[label] >= 0 ? '+' : ''}${t.slowdownPercent[label]}%)`).join(', ');
  const own = t.throttled[t.throttledTarget];
  return [
    `Fan-out: ${f.targets} targets × (${sizes}); emulator serve, ${f.latencyMs} ms per call; no-change plans, --concurrency ${f.concurrency}, median of 3 (the sequential run once)`,
    table(['run', 'targets', 'calls', 'ms', 'process ms', 'vs one'], rows),
    `  calls per target: ${f.fanout.callsPerTarget} in the ${f.targets}-target plan, ${f.single.calls} alone (${opsOf(f.single.byOperation)}); sequential plans ${f.sequential.callsPerTarget.min}–${f.sequential.callsPerTarget.max}`,
    `Throttled account: 3 targets, ${t.latencyMs} ms per call, account ${t.throttledAccount} (${t.throttledTarget}) answered 429 past ${t.throttleRps} calls a second; planUnits in process, warm, median of ${t.runs}`,
    `  other targets, quiet → throttled: ${others}; ${t.throttledTarget} itself ${ms(t.quiet[t.throttledTarget])} → ${ms(own)} (${own.attempts} attempts for ${own.calls} calls)`,
  ].join('\n');
}

export function renderReport(results) {
  const m = results.machine;
  return [
    `licensectl benchmarks — ${m.date}, node ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.platform}`,
    startupSection(results.startup),
    planCostSection(results.planCost),
    ...results.scenarios.map(scenarioSection),
    embeddedWritesSection(results.embeddedWrites),
    ...(results.fanout ? [fanoutSection(results.fanout, results.throttled)] : []),
    [
      'ms = the command\'s own wall time (--stats: from flags parsed to plan done, so loading YAML and the SDK included);',
      'process ms = spawn to exit; in-process = the live read and planning alone (planAgainst), warm, in the bench process.',
    ].join('\n'),
    MODEL.join('\n'),
    targetsSection(results.targets),
  ].join('\n\n');
}
