import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moduleRefs } from './modules.ts';

test('moduleRefs lists static imports and re-exports', () => {
  const src = `import a from './a.js'; import './side.js'; export { b } from "/b.js"; export * from './c.js';
    const x = 1; export { x };`;
  assert.deepEqual(moduleRefs(src), { static: ['./a.js', './side.js', '/b.js', './c.js'], dynamic: [], computed: 0 });
});

test('moduleRefs lists literal dynamic imports apart and counts computed ones', () => {
  const src = 'const m = () => import("./lazy.js"); import(`./t.js`); const n = "x"; import(n); import(`./${n}.js`);';
  assert.deepEqual(moduleRefs(src), { static: [], dynamic: ['./lazy.js', './t.js'], computed: 2 });
});

test('moduleRefs does not mistake strings or comments for imports', () => {
  assert.deepEqual(moduleRefs('const s = "import x from \'./no.js\'"; // import("./no2.js")'), {
    static: [],
    dynamic: [],
    computed: 0,
  });
});

test('moduleRefs throws on a syntax error', () => {
  assert.throws(() => moduleRefs('import { from "./x.js"'), SyntaxError);
});
