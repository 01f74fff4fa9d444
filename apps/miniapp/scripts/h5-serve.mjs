// Serves dist/h5 the way the server will (static files at `/`), and forwards /api to API_TARGET
// when given (e.g. API_TARGET=http://127.0.0.1:3000). Usage: node scripts/h5-serve.mjs [port]
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5')
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain' }

export function startServer(port = 0, apiTarget = process.env.API_TARGET) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname.startsWith('/api/') || url.pathname === '/api') {
      if (!apiTarget) {
        res.writeHead(502, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ statusCode: 502, error: 'NO_API', message: '未配置 API_TARGET', requestId: '' }))
        return
      }
      const target = new URL(url.pathname + url.search, apiTarget)
      const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      })
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ statusCode: 502, error: 'BAD_GATEWAY', message: 'API 服务器不可用', requestId: '' }))
      })
      req.pipe(upstream)
      return
    }
    let file = path.join(root, decodeURIComponent(url.pathname))
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 5175))
  console.log(`dist/h5 on http://127.0.0.1:${server.address().port}` + (process.env.API_TARGET ? `, /api → ${process.env.API_TARGET}` : ''))
}
