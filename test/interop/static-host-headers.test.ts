// The nginx and Caddy snippets README shows, run in the real servers on 127.0.0.1: each serves a
// small site and answers every kind of path (page, nested page, hashed asset, profile) with exactly
// the headers the rules give it, the same ones dist/_headers gives a Netlify or Cloudflare host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headerRules, headersFor, nginxParts, toCaddy } from '../../src/lib/files/headers.ts';

const rules = headerRules('/', ['icloud-mail.mobileconfig']);
// Debian puts nginx in /usr/sbin, which a non-login PATH may lack.
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const paths = ['/', '/faq/', '/faq/port-465/', '/_astro/app.abc123.js', '/icloud-mail.mobileconfig'];

/** In CI a missing program fails the test by name; elsewhere the test is skipped with the reason. */
function tool(name: string, versionArgs: string[]): string | undefined {
  const found = spawnSync(name, versionArgs, { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    const why = `${name} is not installed (apt-get install ${name.endsWith('nginx') ? 'nginx-light' : name})`;
    if (process.env['CI']) assert.fail(`${why}: CI needs it for this test.`);
    return why;
  }
  return undefined;
}

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headers-site-'));
  // nginx's workers drop root: they must be able to read the site.
  chmodSync(dir, 0o755);
  for (const p of ['index.html', 'faq/index.html', 'faq/port-465/index.html']) {
    mkdirSync(join(dir, 'site', p, '..'), { recursive: true });
    writeFileSync(join(dir, 'site', p), '<!doctype html><title>t</title>');
  }
  mkdirSync(join(dir, 'site/_astro'));
  writeFileSync(join(dir, 'site/_astro/app.abc123.js'), 'export {};');
  writeFileSync(join(dir, 'site/icloud-mail.mobileconfig'), '<?xml version="1.0"?><plist/>');
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function until(url: string, server: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`The server exited: ${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`The server did not answer at ${url}: ${log()}`);
}

async function check(base: string) {
  for (const path of paths) {
    const response = await fetch(base + path);
    assert.equal(response.status, 200, path);
    for (const [name, value] of headersFor(rules, path)) {
      const got = response.headers.get(name);
      // A server may add a charset or its own defaults; the value the rule gives must be what is sent.
      assert.equal(got, value, `${path}: ${name}`);
    }
  }
}

test('nginx applies the snippet: every path gets exactly its headers', async (t) => {
  const missing = tool(NGINX, ['-v']);
  if (missing) return t.skip(missing);
  const dir = site();
  const port = await freePort();
  const { common, server } = nginxParts(rules, join(dir, 'site-headers.conf'));
  writeFileSync(join(dir, 'site-headers.conf'), common);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http {
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/site;
${server}
  }
}
`,
  );
  let log = '';
  const nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr.on('data', (d) => (log += String(d)));
  try {
    await until(`http://127.0.0.1:${port}/`, nginx, () => log);
    await check(`http://127.0.0.1:${port}`);
  } finally {
    nginx.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Caddy applies the snippet: every path gets exactly its headers', async (t) => {
  const missing = tool('caddy', ['version']);
  if (missing) return t.skip(missing);
  const dir = site();
  const port = await freePort();
  writeFileSync(
    join(dir, 'Caddyfile'),
    `{
  admin off
  auto_https off
  storage file_system ${dir}/data
}
http://127.0.0.1:${port} {
  root * ${dir}/site
${toCaddy(rules)}
}
`,
  );
  let log = '';
  const caddy = spawn('caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  });
  caddy.stderr.on('data', (d) => (log += String(d)));
  try {
    await until(`http://127.0.0.1:${port}/`, caddy, () => log);
    await check(`http://127.0.0.1:${port}`);
  } finally {
    caddy.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
