// Props that do not grow: with 35 more clients (65 instead of 30 today), the home page embeds no
// more data for the checker, loads the same first-view scripts, and the island fetches the same
// files. Only the chooser's <option>s grow. Builds a copy of the project with 35 generated clients
// and compares its home page with the real build in dist/ (run after `npm run build`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { openSite } from '../helpers/dist/site.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

const site = openSite();
const distDir = site.dir;

const EXTRA = 35;
let project: ProjectCopy | undefined;
let dir = '';

before(() => {
  site.assertBuilt();
  project = copyProject('checker-weight');
  dir = project.dir;
  // 35 more clients, copies of an existing entry under new ids and names, after every real one.
  const clients = join(dir, 'content/clients');
  const model = readdirSync(clients).find((f) => f.endsWith('.yaml'))!;
  const text = readFileSync(join(clients, model), 'utf8');
  for (let i = 1; i <= EXTRA; i++) {
    const id = `weight-test-${i}`;
    writeFileSync(
      join(clients, `${id}.yaml`),
      text
        .replace(/^id: .*$/m, `id: ${id}`)
        .replace(/^name: .*$/m, `name: Weight test client ${i}`)
        .replace(/^order: .*$/m, `order: ${100000 + i}`),
    );
  }
  const run = project.astro(['build']);
  assert.equal(run.status, 0, `build with ${EXTRA} more clients failed:
${run.output}`);
});
after(() => project?.remove());

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

interface Home {
  html: string;
  options: number;
  /** The page without the chooser's <option>s. */
  withoutOptions: string;
  dataBlocks: string[];
  scripts: Array<{ src: string; bytes: number }>;
  inlineScripts: string[];
  styles: string[];
}

function home(root: string): Home {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const doc = parse(html);
  const select = doc.querySelector('#chk-client');
  assert.ok(select, `${root}/index.html has no client chooser`);
  const scripts = doc.querySelectorAll('script');
  return {
    html,
    options: select.querySelectorAll('option').length,
    withoutOptions: html.replace(/<option\b[^>]*>[^<]*<\/option>/g, ''),
    dataBlocks: scripts.filter((s) => /json/.test(s.getAttribute('type') ?? '')).map((s) => s.rawText),
    scripts: scripts
      .filter((s) => s.hasAttribute('src'))
      .map((s) => {
        const src = s.getAttribute('src')!;
        return { src: src.replace(/\.[\w-]{8}\.js$/, '.js'), bytes: readFileSync(join(root, src)).length };
      }),
    inlineScripts: scripts.filter((s) => !s.hasAttribute('src') && !/json/.test(s.getAttribute('type') ?? '')).map((s) => s.rawText),
    styles: doc.querySelectorAll('style').map((s) => s.rawText),
  };
}

test(`with ${EXTRA} more clients the home page grows only by the chooser's options`, () => {
  const now = home(distDir);
  const more = home(join(dir, 'dist'));
  assert.equal(more.options, now.options + EXTRA, 'the generated clients are in the chooser');
  // No embedded data for the checker, whatever the count; JSON-LD (if any) is the same.
  assert.deepEqual(more.dataBlocks, now.dataBlocks);
  assert.ok(!/id="checker-props"/.test(more.html));
  // The same first-view code and styles.
  assert.deepEqual(more.scripts, now.scripts);
  assert.deepEqual(more.inlineScripts, now.inlineScripts);
  assert.deepEqual(more.styles, now.styles);
  // Without the options, the page is the same size gzipped (a client count in the text may differ by a digit).
  const rest = gz(more.withoutOptions) - gz(now.withoutOptions);
  assert.ok(Math.abs(rest) <= 8, `the home page without its options changed by ${rest} B gzip`);
  console.log(
    `home HTML gzip: ${gz(now.html)} B with ${now.options} clients, ${gz(more.html)} B with ${more.options} ` +
      `(+${gz(more.html) - gz(now.html)} B, all in the chooser's <option>s; ${rest} B elsewhere)`,
  );
});

test('the island fetches the same data whatever the number of clients', () => {
  const now = home(distDir);
  const initial = parse(now.html).querySelector('#chk-client option[selected]')?.getAttribute('value');
  assert.ok(initial, 'the chooser has a selected client');
  for (const file of ['checker/settings.json', `clients/${initial}.json`]) {
    assert.ok(existsSync(join(distDir, file)), `dist/${file} is missing`);
    assert.deepEqual(readFileSync(join(dir, 'dist', file)), readFileSync(join(distDir, file)), file);
  }
});
