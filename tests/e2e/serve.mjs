// A static file server for dist/ on 127.0.0.1 (tests and benchmarks only). It behaves as a
// careful production host would: brotli when the browser accepts it; a strict
// Content-Security-Policy on every response (the app must work under it); file names with a
// content digest (zhuxue-web-<hex>.js) cached for a year, everything else revalidated by
// ETag (304 when unchanged). It logs every request so a test can check what was fetched when.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CSP } from '../../scripts/csp.mjs';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const compressed = new Map();

// What a portal or a careful host sends; the journeys run every page under it (with the
// style hash of csp.txt added when the build wrote one).
export { CSP };

// The policy a build asks for (scripts/postbuild.mjs writes it to csp.txt): CSP with the hash
// of the family page's inline styles.
export function policy(root) {
  const file = path.join(path.resolve(root), 'csp.txt');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : CSP;
}

export function serve(root, { port = 0, headers: extra = {} } = {}) {
  const log = [];
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const entry = { path: url.pathname, at: Date.now() };
    log.push(entry);
    res.on('finish', () => { entry.status = res.statusCode; });
    let file = path.resolve(base, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    const stat = fs.statSync(file);
    // Trunk names files with a 64-bit digest in hex, unpadded (up to 16 digits); ours have 16.
    const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file);
    const etag = `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`;
    const headers = {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': policy(base),
      etag,
      vary: 'accept-encoding',
      ...extra,
    };
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
    let body = fs.readFileSync(file);
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      const key = `${file}:${etag}`;
      if (!compressed.has(key)) compressed.set(key, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      body = compressed.get(key);
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
