// Runs jest with the arguments given, minus the bare `--` pnpm passes through
// (`pnpm test -- --json --outputFile=x` reaches us as `-- --json --outputFile=x`, and jest would
// read everything after `--` as test path patterns).
const { spawnSync } = require('node:child_process')

const args = process.argv.slice(2).filter((arg) => arg !== '--')
const jestBin = require.resolve('jest/bin/jest')
const result = spawnSync(process.execPath, [jestBin, ...args], { stdio: 'inherit' })
process.exit(result.status ?? 1)
