// A static file server for dist/ on 127.0.0.1 (tests and benchmarks only). It serves brotli
// when the browser accepts it, as a production host would, and logs every request so a test
// can check that nothing is fetched after the page has loaded.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const compressed = new Map();

export function serve(root, { port = 0 } = {}) {
  const log = [];
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    log.push({ path: url.pathname, at: Date.now() });
    let file = path.resolve(base, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    const headers = { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    let body = fs.readFileSync(file);
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      if (!compressed.has(file)) compressed.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      body = compressed.get(file);
      headers['content-encoding'] = 'br';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ url: `http://127.0.0.1:${port}/`, log, close: () => new Promise((r) => server.close(r)) });
  }));
}

// `node serve.mjs DIR PORT`: serve a directory until stopped (scripts/serve.sh).
if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const s = await serve(dir, { port: Number(port) });
  console.log(`serving ${path.resolve(dir)} at ${s.url} (officer desk: ${s.url}desk/)`);
}
