#!/usr/bin/env node
// `pnpm start`: builds what is missing, migrates, seeds an empty database with the demo district,
// then runs API + worker in one process and prints the URL and the dev logins.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';

function run(title, cmd, args, opts = {}) {
  process.stdout.write(`▶ ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    process.stderr.write(`✗ ${title} failed (exit ${r.status})\n`);
    process.exit(r.status ?? 1);
  }
}

run('构建共享包 packages/shared', 'pnpm', ['--filter', '@carecircle/shared', 'build']);
run('构建服务端 apps/server', 'pnpm', ['--filter', '@carecircle/server', 'build']);
if (!existsSync(resolve(root, 'apps/miniapp/dist/h5/index.html')) || process.env.REBUILD_H5 === '1') {
  run('构建 H5 小程序 apps/miniapp (首次约 15 秒)', 'pnpm', ['--filter', '@carecircle/miniapp', 'build:h5']);
}
if (existsSync(resolve(root, 'apps/console/package.json')) && !existsSync(resolve(root, 'apps/console/dist/index.html'))) {
  run('构建运营后台 apps/console', 'pnpm', ['--filter', '@carecircle/console', 'build']);
}
// Migrates, and seeds only when the demo district is not there yet; prints the dev logins.
run('数据库迁移与演示数据', 'pnpm', ['--silent', '--filter', '@carecircle/server', 'seed']);

const server = spawn('node', ['dist/src/main.js'], {
  cwd: resolve(root, 'apps/server'),
  stdio: 'inherit',
  env: { ...process.env, ROLE: process.env.ROLE ?? 'all', PORT: port, WECHAT_MODE: process.env.WECHAT_MODE ?? 'dev' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const deadline = Date.now() + 60_000;
const poll = async () => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    if (res.ok) {
      process.stdout.write(
        `\n  CareCircle 已启动\n  · H5 小程序:  http://127.0.0.1:${port}/\n  · 运营后台:    http://127.0.0.1:${port}/console/\n  · 接口文档:    http://127.0.0.1:${port}/api/docs\n  · 健康检查:    http://127.0.0.1:${port}/health\n  开发模式登录：在 H5 登录页选择上面列出的演示账号（dev:<名字>）。按 Ctrl+C 停止。\n\n`,
      );
      return;
    }
  } catch {
    /* not up yet */
  }
  if (Date.now() < deadline) setTimeout(poll, 500);
};
setTimeout(poll, 1000);
