// The one template grammar (src/lib/settings/template.ts): tokens, filters, the `{{` escape, stray
// braces, and filling from settings, on inline fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate, hasStrayBrace, parseTemplate, renderTemplate } from '../../../src/lib/settings/template.ts';

const settings = { smtp: { port: { value: 2500 }, server: { value: 'smtp.example.net' } }, names: ['a', 'b'] };

test('text and tokens come out in order, with filters', () => {
  assert.deepEqual(parseTemplate('x {smtp.port} y {address|q|in}'), [
    'x ',
    { name: 'smtp.port', filters: [], raw: '{smtp.port}' },
    ' y ',
    { name: 'address', filters: ['q', 'in'], raw: '{address|q|in}' },
  ]);
});

test('{{ is a literal brace, and a brace that opens no token stays text', () => {
  assert.deepEqual(parseTemplate('[]string{{to}'), ['[]string{to}']);
  assert.deepEqual(parseTemplate('{ "a": 1 }'), ['{ "a": 1 }']);
  assert.equal(
    renderTemplate('{{x} {y}', (t) => t.name.toUpperCase()),
    '{x} Y',
  );
});

test('a stray brace is found; tokens and {{ are not stray', () => {
  assert.equal(hasStrayBrace('port {smtp port}'), true);
  assert.equal(hasStrayBrace('port {smtp.port} and {{'), false);
});

test('fillTemplate fills settings paths and refuses filters and, when strict, stray braces', () => {
  assert.equal(fillTemplate('{smtp.server}:{smtp.port} ({names})', settings), 'smtp.example.net:2500 (a and b)');
  assert.throws(() => fillTemplate('{smtp.port|q}', settings), /filters such as \|q belong in client snippets/);
  assert.equal(fillTemplate('a { b', settings), 'a { b');
  assert.throws(() => fillTemplate('a { b', settings, { strict: true }), /must open a settings path/);
  assert.throws(() => fillTemplate('{smtp.prot}', settings), /Unknown setting path "smtp\.prot"/);
});
