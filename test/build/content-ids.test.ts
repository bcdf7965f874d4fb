// The file name is the id, for FAQ answers and clients alike: a mismatch must stop Astro's own
// content sync (the first step of `astro build`) with a message that names the file. Runs on a copy
// of the project; the entries it breaks are whichever come first, so new content never breaks it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

let project: ProjectCopy;

before(() => {
  project = copyProject('content-ids');
});
after(() => project.remove());

/** The first file of a content folder, as [file name, id from the name]. */
function firstEntry(folder: string, ext: string): [string, string] {
  const file = readdirSync(join(project.dir, folder))
    .filter((f) => f.endsWith(ext))
    .sort()[0];
  assert.ok(file, `no ${ext} file in ${folder}`);
  return [file, file.slice(0, -ext.length)];
}

/** Runs `astro sync` with one change applied, then undoes the change. */
function syncWith(change: () => () => void): { status: number | null; output: string } {
  const undo = change();
  try {
    return project.astro(['sync']);
  } finally {
    undo();
  }
}

test('the untouched content syncs cleanly', () => {
  const { status, output } = project.astro(['sync']);
  assert.equal(status, 0, output);
});

test('a FAQ answer whose file name differs from its id fails and names the file', () => {
  const [file, id] = firstEntry('content/faq', '.mdx');
  const renamed = `${id}-renamed.mdx`;
  const from = join(project.dir, 'content/faq', file);
  const to = join(project.dir, 'content/faq', renamed);
  const { status, output } = syncWith(() => {
    renameSync(from, to);
    return () => renameSync(to, from);
  });
  assert.notEqual(status, 0, 'the sync should have failed');
  assert.ok(
    output.includes(`content/faq/${renamed} has id "${id}", but its file name says "${id}-renamed"`),
    `the error should name content/faq/${renamed} and both ids:\n${output}`,
  );
});

test('a client whose id differs from its file name fails and names the file', () => {
  const [file, id] = firstEntry('content/clients', '.yaml');
  const path = join(project.dir, 'content/clients', file);
  const original = readFileSync(path, 'utf8');
  assert.match(original, new RegExp(`^id: ${id}$`, 'm'), `${file} should start from a matching id`);
  const { status, output } = syncWith(() => {
    writeFileSync(path, original.replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${id}-other`));
    return () => writeFileSync(path, original);
  });
  assert.notEqual(status, 0, 'the sync should have failed');
  assert.ok(
    output.includes(`content/clients/${file} has id "${id}-other", but its file name says "${id}"`),
    `the error should name content/clients/${file} and both ids:\n${output}`,
  );
});
