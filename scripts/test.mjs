#!/usr/bin/env node
// `pnpm test`: type-checks every package, then runs each package's jest suites (unit, integration
// against the machine's MariaDB + Redis, end-to-end in Chromium) and prints the totals last,
// alone on a line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = resolve(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const SUITES = [
  { name: 'shared', pkg: '@carecircle/shared' },
  { name: 'server', pkg: '@carecircle/server' },
  { name: 'miniapp', pkg: '@carecircle/miniapp' },
  { name: 'console', pkg: '@carecircle/console' },
  { name: 'e2e', pkg: '@carecircle/e2e', before: [['@carecircle/server', 'build'], ['@carecircle/miniapp', 'build:h5'], ['@carecircle/console', 'build']] },
];
const only = process.argv.slice(2);

function step(title, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const r = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' });
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return r.status === 0;
}

function exists(pkg) {
  const dir = { '@carecircle/shared': 'packages/shared', '@carecircle/server': 'apps/server', '@carecircle/miniapp': 'apps/miniapp', '@carecircle/console': 'apps/console', '@carecircle/e2e': 'tests' }[pkg];
  return existsSync(resolve(root, dir, 'package.json'));
}

let passed = 0;
let failed = 0;
let broken = false;

if (only.length === 0) {
  if (!step('构建 packages/shared', ['--filter', '@carecircle/shared', 'build'])) broken = true;
  if (!step('类型检查 (tsc --noEmit, 所有包)', ['-r', '--workspace-concurrency=1', 'typecheck'])) {
    broken = true;
    failed += 1;
  }
}

for (const suite of SUITES) {
  if (only.length && !only.includes(suite.name)) continue;
  if (!exists(suite.pkg)) continue;
  let ready = true;
  for (const [pkg, script] of suite.before ?? []) ready = step(`${pkg} ${script}`, ['--filter', pkg, script]) && ready;
  const out = resolve(results, `${suite.name}.json`);
  if (ready) step(`测试 ${suite.name}`, ['--filter', suite.pkg, 'test', '--json', `--outputFile=${out}`]);
  if (!existsSync(out)) {
    process.stdout.write(`✗ ${suite.name}: no results (the runner or its build failed)\n`);
    broken = true;
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that failed to load has no failed tests but is a failure all the same.
  const brokenSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed'));
  if (brokenSuites.length) {
    broken = true;
    failed += brokenSuites.length;
    for (const s of brokenSuites) process.stdout.write(`✗ ${s.name}: ${String(s.message).split('\n').slice(0, 3).join(' ')}\n`);
  }
  process.stdout.write(`  ${suite.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed\n`);
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || broken ? 1 : 0);
