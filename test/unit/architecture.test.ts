// The shape of src/, read from the source files themselves: layers that import only downwards, no
// import cycle, islands that ship only Preact and our own logic, one idle scheduler, one route
// table, and small modules in src/lib. Each rule is checked on a small wrong tree too, so none can
// pass vacuously.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { repoDir } from '../helpers/root.ts';
import { routes } from '../../src/lib/site/routes.ts';

const SRC = join(repoDir, 'src');

/** Source files under a folder of src/, as paths relative to src/. */
function sources(dir = ''): string[] {
  return readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|astro)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => normalize(join(dir, f)))
    .sort();
}

interface Import {
  spec: string;
  /** Erased at build time (`import type`). */
  type: boolean;
}

/** The static imports of a file: `import … from`, `export … from` and side-effect `import '…'`. */
export function importsOf(text: string): Import[] {
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm))
    out.push({ spec: m[3]!, type: Boolean(m[2]) });
  return out;
}

/** The src/ file a relative specifier names, or null for a package or a virtual module. */
function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return normalize(join(dirname(from), spec));
}

/** The layer of a file: vocabulary 0, schemas 1, lib 2, data 3, everything that renders or runs 4. */
export function layerOf(file: string): number {
  const top = file.split(/[\\/]/)[0]!;
  return ({ vocabulary: 0, schemas: 1, lib: 2, data: 3 } as Record<string, number>)[top] ?? 4;
}

const files = sources();
const graph = new Map(
  files.map((f) => {
    const imports = importsOf(readFileSync(join(SRC, f), 'utf8'));
    return [f, imports.map((i) => ({ ...i, target: resolveSpec(f, i.spec) }))];
  }),
);

/** Imports that run from a lower layer to a higher one. */
export function upwardImports(g: Map<string, { target: string | null }[]>): string[] {
  const out: string[] = [];
  for (const [from, imports] of g)
    for (const { target } of imports) if (target && layerOf(target) > layerOf(from)) out.push(`${from} -> ${target}`);
  return out;
}

/** One cycle of the graph, as a list of files, or null. */
export function findCycle(g: Map<string, { target: string | null }[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const { target } of g.get(f) ?? []) {
      if (!target || !g.has(target)) continue;
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of g.keys()) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

describe('layers: vocabulary → schemas → lib → data → islands, components and pages', () => {
  test('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([from, imports]) =>
      imports
        .filter((i) => i.target && !graph.has(i.target) && !/\.(css|json|svg)$/.test(i.target))
        .map((i) => `${from}: ${i.spec}`),
    );
    assert.deepEqual(missing, []);
  });

  test('no import runs from a lower layer to a higher one', () => {
    assert.deepEqual(upwardImports(graph), []);
    // The rule sees an upward import when there is one.
    const wrong = new Map([['schemas/a.ts', [{ target: 'lib/b.ts' }]]]);
    assert.deepEqual(upwardImports(wrong), ['schemas/a.ts -> lib/b.ts']);
  });

  test('no import cycle', () => {
    assert.equal(findCycle(graph), null);
    const wrong = new Map([
      ['lib/a.ts', [{ target: 'lib/b.ts' }]],
      ['lib/b.ts', [{ target: 'lib/a.ts' }]],
    ]);
    assert.deepEqual(findCycle(wrong), ['lib/a.ts', 'lib/b.ts', 'lib/a.ts']);
  });

  test('the scan reads real imports (it would pass vacuously otherwise)', () => {
    const count = [...graph.values()].reduce((n, i) => n + i.filter((x) => x.target).length, 0);
    assert.ok(count > 150, `only ${count} relative imports found`);
  });
});

describe('islands', () => {
  test('the islands import at run time only preact, src/lib, src/vocabulary and each other (no zod, no schemas)', () => {
    const offenders = files
      .filter((f) => f.startsWith('islands'))
      .flatMap((f) =>
        graph
          .get(f)!
          .filter((i) => !i.type)
          .filter((i) => !(i.spec === 'preact' || (i.target && /^(lib|vocabulary|islands)[\\/]/.test(i.target))))
          .map((i) => `${f}: ${i.spec}`),
      );
    assert.deepEqual(offenders, []);
    assert.ok(files.some((f) => f.startsWith('islands') && graph.get(f)!.some((i) => i.spec === 'preact')));
  });

  test('src/lib and src/data import nothing from src/islands', () => {
    const offenders = [...graph].flatMap(([from, imports]) =>
      layerOf(from) <= 3 ? imports.filter((i) => i.target?.startsWith('islands')).map((i) => `${from}: ${i.spec}`) : [],
    );
    assert.deepEqual(offenders, []);
  });

  test('one file schedules island work when idle', () => {
    const scheduling = files.filter((f) => readFileSync(join(SRC, f), 'utf8').includes('requestIdleCallback'));
    assert.deepEqual(scheduling, [normalize('islands/shared/when-idle.ts')]);
  });

  test('every island folder has its component, its schedule step and its hydrate step', () => {
    for (const island of ['checker', 'decoder', 'connection-test']) {
      const names = readdirSync(join(SRC, 'islands', island));
      assert.ok(
        names.some((n) => n.endsWith('.tsx')),
        `${island}: component`,
      );
      for (const step of ['schedule.ts', 'hydrate.ts']) assert.ok(names.includes(step), `${island}: ${step}`);
    }
  });
});

/** The first path segments of the site, from the route table itself ('faq', 'errors', …). */
const SEGMENTS = [
  ...new Set(
    Object.values(routes)
      .map((make) => make('x').split(/[/#.]/)[1])
      .filter((s): s is string => Boolean(s) && s !== 'x'),
  ),
];

/** String literals in a file that are site paths ('/faq/…', `/errors/${id}/`), outside comments. */
export function sitePathStrings(text: string, segments: string[]): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const re = new RegExp(
    `(['"\`])/(?:${segments.map((s) => s.replace(/[.-]/g, '\\$&')).join('|')})(?:[/#.?'"\`$]|\\1)`,
    'g',
  );
  return [...code.matchAll(re)].map((m) => m[0]);
}

describe('one route table', () => {
  test('no site path is written as a string outside src/lib/site/routes.ts', () => {
    assert.ok(SEGMENTS.includes('faq') && SEGMENTS.includes('errors'), SEGMENTS.join());
    const offenders = files
      .filter((f) => f !== normalize('lib/site/routes.ts'))
      .flatMap((f) => sitePathStrings(readFileSync(join(SRC, f), 'utf8'), SEGMENTS).map((s) => `${f}: ${s}`));
    assert.deepEqual(offenders, []);
    // The scan finds a path written by hand.
    assert.deepEqual(sitePathStrings("const a = url(`/faq/${id}/`); // '/faq/' in a comment", SEGMENTS), ['`/faq/']);
    assert.deepEqual(sitePathStrings("href={url('/errors/')}", SEGMENTS), ["'/errors/"]);
  });
});

describe('src/lib stays in small modules', () => {
  test('no file in src/lib is over 400 lines', () => {
    const long = sources('lib')
      .map((f) => ({ f, lines: readFileSync(join(SRC, f), 'utf8').split('\n').length }))
      .filter((x) => x.lines > 400)
      .map((x) => `${x.f}: ${x.lines}`);
    assert.deepEqual(long, []);
  });

  test('src/lib is in feature folders, with no loose file at its top', () => {
    const loose = readdirSync(join(SRC, 'lib'), { withFileTypes: true }).filter((d) => d.isFile());
    assert.deepEqual(
      loose.map((d) => d.name),
      [],
    );
    assert.ok(relative(SRC, join(SRC, 'lib')) === 'lib');
  });
});
