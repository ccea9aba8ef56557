#!/usr/bin/env node
// The end of .ci/run's output: the results per Node.js version, then the line CI reads, "N passed, N failed".
// Input: vitest's JSON report (LICENSECTL_VITEST_JSON). Tests under a suite named "CLI on Node <version> …"
// (test/e2e/node-versions.test.ts) ran on that version's binary; every other test ran on the Node running
// vitest, which is this script's own. A missing or unreadable report (lint or the build failed before vitest
// ran) counts as nothing run: "0 passed, 0 failed".
//
//   node scripts/ci-summary.mjs REPORT.json
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OTHER_NODE = /^CLI on Node (\S+)(?: \((v[^)]+)\))?/;

function emptyGroup(label) {
  return { label, passed: 0, failed: 0, skipped: 0, reasons: [] };
}

/** Results grouped by the Node version they ran on; the machine's own first, then in the order they appear. */
export function groupByNode(report, machineVersion = process.version) {
  const machine = emptyGroup(`Node ${machineVersion} (this machine): the whole suite`);
  const others = new Map();
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      const match = OTHER_NODE.exec(test.ancestorTitles?.[0] ?? '');
      let group = machine;
      if (match) {
        const label = `Node ${match[1]}${match[2] ? ` (${match[2]})` : ''}: end-to-end CLI`;
        if (!others.has(match[1])) others.set(match[1], emptyGroup(label));
        group = others.get(match[1]);
      }
      if (test.status === 'passed') group.passed += 1;
      else if (test.status === 'failed') group.failed += 1;
      else {
        group.skipped += 1;
        if (match && test.title.startsWith('skipped: ')) group.reasons.push(test.title.slice('skipped: '.length));
      }
    }
  }
  return [machine, ...others.values()];
}

/** The lines .ci/run prints last; the very last is vitest's own totals. */
export function summaryLines(report, machineVersion = process.version) {
  const lines = groupByNode(report, machineVersion).map((g) => {
    const counts = `${g.passed} passed, ${g.failed} failed${g.skipped ? `, ${g.skipped} skipped` : ''}`;
    return `${g.label}: ${counts}${g.reasons.length ? ` (${g.reasons.join('; ')})` : ''}`;
  });
  return [...lines, `${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed`];
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of summaryLines(readReport(process.argv[2]))) console.log(line);
}
