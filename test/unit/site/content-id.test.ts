// src/lib/content-id.ts: the rule "the file name is the id", as the content collections apply it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileId, idFromFileName } from '../../../src/lib/site/content-id.ts';

describe('fileId', () => {
  const cases: [string, string][] = [
    ['port-465.mdx', 'port-465'],
    ['mutt.yaml', 'mutt'],
    ['dotnet-mailkit.yaml', 'dotnet-mailkit'],
    ['config-v1.1.yaml', 'config-v1.1'],
    ['nested/dir/x.mdx', 'x'],
    ['no-extension', 'no-extension'],
    ['.hidden', '.hidden'],
  ];
  for (const [entry, expected] of cases) test(`${entry} → ${expected}`, () => assert.equal(fileId(entry), expected));
});

describe('idFromFileName', () => {
  test('returns the id when it equals the file name', () => {
    assert.equal(idFromFileName('content/faq', 'port-465.mdx', { id: 'port-465' }), 'port-465');
    assert.equal(idFromFileName('content/clients/', 'mutt.yaml', { id: 'mutt', name: 'Mutt' }), 'mutt');
  });
  test('a different id names the file and both ids', () => {
    assert.throws(
      () => idFromFileName('content/faq', 'port-465.mdx', { id: 'port-587' }),
      (e: Error) =>
        e.message.startsWith('content/faq/port-465.mdx has id "port-587", but its file name says "port-465".'),
    );
  });
  test('an id that differs only in case or spacing is still a mismatch', () => {
    assert.throws(() => idFromFileName('content/clients', 'mutt.yaml', { id: 'Mutt' }), /content\/clients\/mutt\.yaml/);
    assert.throws(() => idFromFileName('content/clients', 'mutt.yaml', { id: 'mutt ' }), /has id "mutt "/);
  });
  test('a non-string id is a mismatch, shown as written', () => {
    assert.throws(() => idFromFileName('content/faq', '465.mdx', { id: 465 }), /content\/faq\/465\.mdx has id 465,/);
  });
  for (const data of [{}, { id: null }, { id: '' }]) {
    test(`a missing id (${JSON.stringify(data)}) names the file and the id to write`, () => {
      assert.throws(
        () => idFromFileName('content/faq', 'port-465.mdx', data),
        (e: Error) => e.message === 'content/faq/port-465.mdx has no id. Add `id: port-465`: the id is the file name.',
      );
    });
  }
});
