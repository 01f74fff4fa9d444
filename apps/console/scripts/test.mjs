#!/usr/bin/env node
// `pnpm test` for the console: vitest, accepting the jest-style flags the root runner passes
// (`--json --outputFile=<path>`), mapped to vitest's `--reporter=json --outputFile=<path>`.
// Every other argument goes through unchanged.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export function mapArgs(argv) {
  const out = [];
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--outputFile' && i + 1 < argv.length) out.push(`--outputFile=${argv[(i += 1)]}`);
    else out.push(a);
  }
  // With --json the JSON report goes to the file and the usual report to the terminal.
  if (json) out.unshift('--reporter=json', '--reporter=default');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const vitest = resolve(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const args = ['run', ...mapArgs(process.argv.slice(2))];
  const r = spawnSync(process.execPath, [vitest, ...args], { cwd: resolve(here, '..'), stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
