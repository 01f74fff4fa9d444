import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The root test runner calls `pnpm --filter @carecircle/console test --json --outputFile=<abs>` (jest's flags).
const script = resolve(__dirname, '../../scripts/test.mjs');
const { mapArgs } = (await import(/* @vite-ignore */ script)) as { mapArgs(argv: string[]): string[] };

describe('scripts/test.mjs', () => {
  it('maps jest-style --json --outputFile to vitest’s JSON reporter', () => {
    expect(mapArgs(['--json', '--outputFile=/tmp/x/console.json'])).toEqual(['--reporter=json', '--reporter=default', '--outputFile=/tmp/x/console.json']);
    expect(mapArgs(['--json', '--outputFile', '/tmp/y.json'])).toEqual(['--reporter=json', '--reporter=default', '--outputFile=/tmp/y.json']);
  });

  it('passes everything else through', () => {
    expect(mapArgs(['src/api.test.ts', '-t', 'refresh'])).toEqual(['src/api.test.ts', '-t', 'refresh']);
    expect(mapArgs([])).toEqual([]);
  });
});
