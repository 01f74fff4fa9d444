// The real CareCircle server for the screenshot scripts, started the way tests/e2e/support/server.ts
// does it: the built server (apps/server/dist, API + worker, ROLE=all) serving this app's dist/h5 at
// `/`, on a throwaway MariaDB database and Redis prefix seeded with the demo district. stop() shuts
// it down and drops both. Nothing here answers for the server: every /api call reaches the real one.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const serverDir = path.join(repoRoot, 'apps/server')
const h5Dir = path.join(repoRoot, 'apps/miniapp/dist/h5')

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

// Runs in apps/server (whose dependencies mysql2 and ioredis it uses): drops the database and the keys.
const DROP = `
import { createConnection } from 'mysql2/promise'
import { Redis } from 'ioredis'
const [dbName, prefix] = process.argv.slice(1)
const env = process.env
const conn = await createConnection({ host: env.DB_HOST ?? '127.0.0.1', port: Number(env.DB_PORT ?? 3306), user: env.DB_USER ?? 'root', password: env.DB_PASSWORD ?? '' })
await conn.query('DROP DATABASE IF EXISTS \`' + dbName + '\`')
await conn.end()
const redis = new Redis({ host: env.REDIS_HOST ?? '127.0.0.1', port: Number(env.REDIS_PORT ?? 6379), db: Number(env.REDIS_DB ?? 0) })
let cursor = '0'
do {
  const [next, keys] = await redis.scan(cursor, 'MATCH', prefix + ':*', 'COUNT', 500)
  if (keys.length) await redis.del(...keys)
  cursor = next
} while (cursor !== '0')
await redis.quit()
`

function dropData(env) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', DROP, env.DB_NAME, env.REDIS_PREFIX], { cwd: serverDir, env, encoding: 'utf8' })
  if (r.status !== 0) console.error(`could not drop ${env.DB_NAME} / ${env.REDIS_PREFIX}:*: ${r.stderr}`)
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** @returns {Promise<{ baseUrl: string, logPath: string, stop(): Promise<void> }>} */
export async function startRealServer({ label = 'shots', logDir = '/tmp' } = {}) {
  for (const [file, build] of [
    [path.join(serverDir, 'dist/src/main.js'), 'pnpm --filter @carecircle/server build'],
    [path.join(h5Dir, 'index.html'), 'pnpm --filter @carecircle/miniapp build:h5'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`${build}\` first`)
  }
  const suffix = randomBytes(4).toString('hex')
  const port = await freePort()
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    WECHAT_MODE: 'dev',
    ROLE: 'all',
    PORT: String(port),
    HOST: '127.0.0.1',
    DB_NAME: `cc_${label}_${suffix}`,
    REDIS_PREFIX: `cc_${label}_${suffix}`,
    LOG_LEVEL: 'warn',
    H5_DIST_DIR: h5Dir,
  }
  const logPath = path.join(logDir, `carecircle-${label}-server.log`)
  const log = fs.openSync(logPath, 'w')
  let child
  try {
    const seed = spawnSync('pnpm', ['--silent', '--filter', '@carecircle/server', 'seed'], { cwd: repoRoot, env, encoding: 'utf8' })
    if (seed.status !== 0) throw new Error(`seed failed (${seed.status}):\n${seed.stderr || seed.stdout}`)
    child = spawn(process.execPath, ['dist/src/main.js'], { cwd: serverDir, env, stdio: ['ignore', log, log] })
    const baseUrl = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 30_000
    for (;;) {
      try {
        if ((await fetch(`${baseUrl}/health`)).ok) break
      } catch {
        // starting
      }
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${logPath}`)
      if (Date.now() > deadline) throw new Error(`server did not become healthy within 30 s; see ${logPath}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    const running = child
    return {
      baseUrl,
      logPath,
      async stop() {
        await stopChild(running)
        fs.closeSync(log)
        dropData(env)
      },
    }
  } catch (err) {
    if (child) await stopChild(child)
    fs.closeSync(log)
    dropData(env)
    throw err
  }
}
