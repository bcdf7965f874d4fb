// The real settings source, content/settings.yaml: it validates, and every fact says where it comes
// from and when it was checked. (The schema's error messages are tested on a fixture in test/unit.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSettings } from '../helpers/settings.ts';

test('content/settings.yaml is valid', () => {
  assert.doesNotThrow(() => loadSettings());
});

test('every fact carries an https source and a checked date', () => {
  const problems: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const obj = node as Record<string, unknown>;
    if ('value' in obj) {
      if (!/^https:\/\//.test(String(obj['source']))) problems.push(`${path}.source is ${String(obj['source'])}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(obj['checked']))) problems.push(`${path}.checked is ${String(obj['checked'])}`);
      return;
    }
    for (const [k, v] of Object.entries(obj)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(loadSettings(), '');
  assert.deepEqual(problems, []);
});
