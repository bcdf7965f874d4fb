import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeSite, page } from './fixture.ts';
import { assetKind, openSite } from './site.ts';

const dir = writeSite({
  'index.html': page('<h1>home</h1>', '<link rel="canonical" href="https://mail.example.org/sub/">'),
  '404.html': page('<h1>not found</h1>'),
  'faq/index.html': page('<h1>faq</h1>'),
  'faq/port-587/index.html': page('<h1 id="q">q</h1>'),
  'smtp/index.html': page('<h1>smtp</h1>'),
  'old/index.html': '<meta http-equiv="refresh" content="0;url=/smtp/">',
  '_astro/a.js': 'export {}',
  'mail/config-v1.1.xml': '<x/>',
});

test('files and htmlFiles list the directory with forward slashes, sorted', () => {
  const site = openSite(dir, { base: '/' });
  assert.deepEqual(site.files(), [
    '404.html',
    '_astro/a.js',
    'faq/index.html',
    'faq/port-587/index.html',
    'index.html',
    'mail/config-v1.1.xml',
    'old/index.html',
    'smtp/index.html',
  ]);
  assert.deepEqual(site.htmlFiles(), [
    '404.html',
    'faq/index.html',
    'faq/port-587/index.html',
    'index.html',
    'old/index.html',
    'smtp/index.html',
  ]);
});

test('urlPathOf serves index.html as its directory, under the base', () => {
  const root = openSite(dir, { base: '/' });
  assert.equal(root.urlPathOf('index.html'), '/');
  assert.equal(root.urlPathOf('faq/port-587/index.html'), '/faq/port-587/');
  assert.equal(root.urlPathOf('404.html'), '/404.html');
  const sub = openSite(dir, { base: 'icloud-mail' });
  assert.equal(sub.base, '/icloud-mail/');
  assert.equal(sub.urlPathOf('index.html'), '/icloud-mail/');
  assert.equal(sub.urlPathOf('faq/index.html'), '/icloud-mail/faq/');
  assert.equal(sub.urlPathOf('mail/config-v1.1.xml'), '/icloud-mail/mail/config-v1.1.xml');
});

test('resolvePath at the root: files, directories without slash, missing, traversal', () => {
  const site = openSite(dir, { base: '/' });
  assert.deepEqual(site.resolvePath('/'), { kind: 'file', file: 'index.html' });
  assert.deepEqual(site.resolvePath('/faq/port-587/'), { kind: 'file', file: 'faq/port-587/index.html' });
  assert.deepEqual(site.resolvePath('/faq/port%2D587/'), { kind: 'file', file: 'faq/port-587/index.html' });
  assert.deepEqual(site.resolvePath('/faq'), { kind: 'directory', file: 'faq/index.html' });
  assert.deepEqual(site.resolvePath('/_astro/a.js'), { kind: 'file', file: '_astro/a.js' });
  assert.deepEqual(site.resolvePath('/nope/'), { kind: 'missing', file: 'nope/index.html' });
  assert.deepEqual(site.resolvePath('/faq/../index.html'), { kind: 'missing', file: 'faq/../index.html' });
  assert.equal(site.resolvePath('/%E0%A4%A').kind, 'missing');
});

test('resolvePath under a base path: the same files, and paths outside the base are reported', () => {
  const site = openSite(dir, { base: '/icloud-mail/' });
  assert.deepEqual(site.resolvePath('/icloud-mail/'), { kind: 'file', file: 'index.html' });
  assert.deepEqual(site.resolvePath('/icloud-mail'), { kind: 'directory', file: 'index.html' });
  assert.deepEqual(site.resolvePath('/icloud-mail/faq/'), { kind: 'file', file: 'faq/index.html' });
  assert.deepEqual(site.resolvePath('/faq/'), { kind: 'outside-base', file: '/faq/' });
  assert.deepEqual(site.resolvePath('/icloud-mailx/faq/'), { kind: 'outside-base', file: '/icloud-mailx/faq/' });
});

test('redirectTarget, origin and pageType read the pages', () => {
  const site = openSite(dir, { base: '/sub/' });
  assert.equal(site.redirectTarget('old/index.html'), '/smtp/');
  assert.equal(site.redirectTarget('smtp/index.html'), undefined);
  assert.equal(site.origin(), 'https://mail.example.org');
  assert.deepEqual(
    site.htmlFiles().map((f) => site.pageType(f)),
    ['404', '/faq/', '/faq/<id>/', '/', 'redirect', '/<page>/'],
  );
});

test('anchors and gzipSizeOf read a file once and agree with the file', () => {
  const site = openSite(dir);
  assert.deepEqual([...site.anchors('faq/port-587/index.html')], ['q']);
  assert.ok(site.gzipSizeOf('index.html') > 20);
});

test('assertBuilt names the missing index.html', () => {
  const empty = writeSite({ 'x.txt': '' });
  assert.throws(() => openSite(empty).assertBuilt(), /index\.html is missing\. Run `npm run build` first/);
  assert.doesNotThrow(() => openSite(dir).assertBuilt());
});

test('assetKind sorts files by extension', () => {
  assert.deepEqual(
    ['a.HTML', 'b.css', 'c.mjs', 'd.woff2', 'e.svg', 'f.json', 'g'].map(assetKind),
    ['html', 'css', 'js', 'font', 'image', 'other', 'other'],
  );
});
