// A tiny static server for dist/, close to what a static host does: gzip for text (level 9, so the
// bytes on the wire match the budget test's figures), `404.html` with status 404 for a missing path,
// a directory URL serves its index.html (a directory without the trailing slash is redirected to it,
// as trailingSlash 'always' expects), long cache lifetimes for hashed files under /_astro/.
//
// As a module: `const server = await serve({ root, port: 0 })` then `server.url`, `server.close()`.
// From the shell: `node test/perf/serve.ts [port] [root]` (defaults: 4322, dist/).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { headersForPath, parseHeadersFile } from '../helpers/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.mobileconfig': 'application/x-apple-aspen-config',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

/** Types worth compressing: text, and XML-ish formats such as SVG and Apple profiles. */
function compressible(type: string): boolean {
  return /^text\/|json|xml|javascript|svg|aspen-config/.test(type);
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  /** Bytes of the file. */
  raw: number;
  /** Bytes of the body as sent (gzip when the client accepted it). */
  sent: number;
  encoding: 'gzip' | 'identity';
}

export interface StaticServer {
  url: string;
  port: number;
  /** Every request served so far, in order (for measurements). */
  log: ServedRequest[];
  close(): Promise<void>;
}

export interface ServeOptions {
  root: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Extra response headers for a path, applied last (a static host's `_headers` file). */
  headers?: (pathname: string) => Map<string, string>;
}

export async function serve({
  root,
  host = '127.0.0.1',
  port = 0,
  headers: extra,
}: ServeOptions): Promise<StaticServer> {
  const base = resolve(root);
  const gzCache = new Map<string, { mtime: number; body: Buffer }>();
  const log: ServedRequest[] = [];

  const fileFor = (pathname: string): { file: string; redirect?: string } | undefined => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const full = resolve(join(base, decoded));
    if (full !== base && !full.startsWith(base + sep)) return undefined; // no path traversal
    if (!existsSync(full)) return undefined;
    const stat = statSync(full);
    if (stat.isFile()) return { file: full };
    if (stat.isDirectory() && existsSync(join(full, 'index.html'))) {
      return decoded.endsWith('/') ? { file: join(full, 'index.html') } : { file: '', redirect: `${pathname}/` };
    }
    return undefined;
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string, pathname: string): void => {
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const raw = readFileSync(file);
    const gzip = compressible(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    let body: Buffer = raw;
    if (gzip) {
      const mtime = statSync(file).mtimeMs;
      const cached = gzCache.get(file);
      if (cached && cached.mtime === mtime) body = cached.body;
      else {
        body = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
        gzCache.set(file, { mtime, body });
      }
    }
    const headers: Record<string, string | number> = {
      'content-type': type,
      'content-length': body.length,
      'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    for (const [name, value] of extra?.(pathname) ?? []) headers[name] = value;
    if (compressible(type)) headers['vary'] = 'accept-encoding';
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({
      method: req.method ?? 'GET',
      path: pathname,
      status,
      raw: raw.length,
      sent: body.length,
      encoding: gzip ? 'gzip' : 'identity',
    });
  };

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const found = fileFor(pathname);
    if (found?.redirect) {
      res.writeHead(301, { location: found.redirect, 'content-length': 0 }).end();
      log.push({ method: req.method, path: pathname, status: 301, raw: 0, sent: 0, encoding: 'identity' });
      return;
    }
    if (found) return send(req, res, 200, found.file, pathname);
    const notFound = join(base, '404.html');
    if (existsSync(notFound)) return send(req, res, 404, notFound, pathname);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
  });
  // Keep-alive connections would hold close() open: end idle ones when closing.
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    log,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

// Run directly: serve dist/ until interrupted; with --headers, apply its _headers file as a host would.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => a !== '--headers');
  const port = Number(args[0] ?? 4322);
  const root = args[1] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
  const rules = process.argv.includes('--headers')
    ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'))
    : null;
  const server = await serve({ root, port, ...(rules ? { headers: (p: string) => headersForPath(rules, p) } : {}) });
  console.log(`Serving ${root} at ${server.url}/ (Ctrl-C to stop)`);
}
