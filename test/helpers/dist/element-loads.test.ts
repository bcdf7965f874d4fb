import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elementLoads, isExecutableScript, type Load } from './element-loads.ts';
import { parseHtml } from './html.ts';

const loads = (html: string): Load[] => parseHtml(html).querySelectorAll('*').flatMap(elementLoads);

test('links: stylesheets are followed, icons and preloads fetched, preconnect only connects', () => {
  assert.deepEqual(
    loads(
      '<link rel="stylesheet" href="/a.css"><link rel="Icon" href="/i.svg"><link rel="preload" as="font" href="/f.woff2">' +
        '<link rel="preconnect" href="https://x.example"><link rel="canonical" href="/c/"><link rel="stylesheet">',
    ),
    [
      { kind: 'request', url: '/a.css', via: '<link rel=stylesheet>', firstView: true, follow: 'css' },
      { kind: 'request', url: '/i.svg', via: '<link rel=icon>', firstView: true },
      { kind: 'request', url: '/f.woff2', via: '<link rel=preload>', firstView: true, font: true },
      { kind: 'connect', url: 'https://x.example', via: '<link rel=preconnect>' },
    ],
  );
});

test('scripts: module sources are followed; inline code is JS; JSON blocks are data', () => {
  assert.deepEqual(
    loads(
      '<script type="module" src="/m.js"></script><script src="/c.js"></script><script type="application/json" src="/no.json"></script>' +
        '<script>a()</script><script type="module">import "/x.js"</script><script type="application/json" id="d">{}</script>',
    ),
    [
      { kind: 'request', url: '/m.js', via: '<script src>', firstView: true, follow: 'module' },
      { kind: 'request', url: '/c.js', via: '<script src>', firstView: true },
      { kind: 'inline-script', text: 'a()', module: false },
      { kind: 'inline-script', text: 'import "/x.js"', module: true },
      { kind: 'data-script', id: 'd', text: '{}' },
    ],
  );
});

test('media and forms: what loads now, what loads later', () => {
  assert.deepEqual(
    loads(
      '<img srcset="/1.png 1x, /2.png 2x" alt=""><video poster="/p.png"><source src="/v.webm"></video>' +
        '<form action="/send/"></form><input type="image" src="/b.png" alt="b"><input src="/not.png"><p style="background:url(/s.png)"></p>',
    ).map((l) => (l.kind === 'request' ? `${l.firstView ? 'now' : 'later'} ${l.url} ${l.via}` : `${l.kind} ${'via' in l ? l.via : ''}`)),
    [
      'now /1.png <img srcset>',
      'later /2.png <img srcset>',
      'now /p.png <video poster>',
      'later /v.webm <source src>',
      'later /send/ <form action>',
      'now /b.png <input type=image src>',
      'inline-style style attribute on <p>',
    ],
  );
});

test('isExecutableScript: classic and module scripts run, data blocks and import maps do not', () => {
  for (const t of [undefined, '', 'module', 'text/javascript', ' Application/JavaScript ']) assert.equal(isExecutableScript(t), true, t);
  for (const t of ['application/json', 'application/ld+json', 'importmap', 'text/plain']) assert.equal(isExecutableScript(t), false, t);
});
