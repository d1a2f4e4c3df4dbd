// A tiny static server for the built page: serves dist/ under a sub-path (e.g. /nianbao/) on 127.0.0.1,
// on a free port, and records every request it receives. Used by the end-to-end test.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root` at `http://127.0.0.1:<free port><base>`; `types` overrides content types by
 * extension (e.g. a server that does not know .wasm). Returns { url, requests, close }, where `requests`
 * lists every request path received, in order.
 */
export async function serve(root, base = '/nianbao/', types = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let relative;
    try {
      relative = decodeURIComponent(pathname.slice(base.length)) || 'index.html';
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? path.join(file, 'index.html') : file;
      const body = await readFile(target);
      const extension = path.extname(target);
      const type = types[extension] ?? TYPES[extension] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
