// End-to-end tests run against the built site (astro build + astro preview) in Debian's Chromium.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browser on these machines: use the system Chromium.
const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => typeof p === 'string' && p.length > 0,
);
const executablePath = candidates.find((p) => existsSync(p));
if (!executablePath) {
  throw new Error(
    'No Chromium found. Install it with `apt-get install -y chromium` (it lands at /usr/bin/chromium), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

// A port of its own, so a running `npm run preview` (4321) does not collide with the tests.
const port = Number(process.env['PREVIEW_PORT'] ?? 4391);
// The static-host server (test/perf/serve.ts --headers) listens on the next port.
const hostPort = port + 1;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
      ],
    },
  },
  projects: [
    { name: 'site', testIgnore: /static-host\.spec\.ts$/ },
    // dist/ served the way a static host serves it, with the headers of dist/_headers applied.
    { name: 'static-host', testMatch: /static-host\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${hostPort}` } },
  ],
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    {
      command: `node test/perf/serve.ts ${hostPort} dist --headers`,
      url: `http://127.0.0.1:${hostPort}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 30_000,
    },
  ],
});
