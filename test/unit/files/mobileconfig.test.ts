// The Apple configuration profile: every variant parses as a plist with Python's plistlib (one
// process for all of them), has the keys Apple requires with the right types, holds the values of
// the settings source, never a password, and keeps its identifier while its UUIDs change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFixtureSettings } from '../../helpers/settings.ts';
import { repoRoot } from '../../helpers/root.ts';
import { MAIL_PAYLOAD_IDENTIFIER, PROFILE_IDENTIFIER, mobileconfig } from '../../../src/lib/files/mobileconfig.ts';
import { localPart } from '../../../src/lib/text/address.ts';

const s = loadFixtureSettings();

/** Deterministic lower-case UUIDs, so the test also sees them upper-cased. */
function counterUuid(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, 'a')}`;
}

const TRICKY = `o'brien&<x>"@icloud.com`;
const UNICODE = 'zoë.çağrı😀@icloud.com';

// Every plist value as { t: type, v: value }, so the test sees integers, booleans and strings apart.
const PARSE = String.raw`
import json, plistlib, sys
def tag(v):
    if isinstance(v, bool): return {"t": "bool", "v": v}
    if isinstance(v, int): return {"t": "integer", "v": v}
    if isinstance(v, str): return {"t": "string", "v": v}
    if isinstance(v, list): return {"t": "array", "v": [tag(x) for x in v]}
    if isinstance(v, dict): return {"t": "dict", "v": {k: tag(x) for k, x in v.items()}}
    return {"t": type(v).__name__, "v": None}
json.dump([tag(plistlib.loads(t.encode("utf-8"), fmt=plistlib.FMT_XML)) for t in json.load(sys.stdin)], sys.stdout, ensure_ascii=True)
`;

interface Tagged {
  t: string;
  v: unknown;
}
type Dict = Record<string, Tagged>;

function parseAll(texts: string[]): Tagged[] {
  const run = spawnSync('python3', ['-c', PARSE], { input: JSON.stringify(texts), encoding: 'utf8' });
  assert.equal(run.status, 0, `plistlib could not read a profile:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Tagged[];
}

function dict(value: Tagged | undefined): Dict {
  assert.equal(value?.t, 'dict');
  return value.v as Dict;
}

function payloads(profile: Dict): Dict[] {
  const content = profile['PayloadContent'];
  assert.equal(content?.t, 'array');
  return (content.v as Tagged[]).map(dict);
}

/** Every key of every dictionary, recursively. */
function allKeys(value: Tagged): string[] {
  if (value.t === 'dict') return Object.entries(value.v as Dict).flatMap(([k, v]) => [k, ...allKeys(v)]);
  if (value.t === 'array') return (value.v as Tagged[]).flatMap(allKeys);
  return [];
}

const texts = {
  plain: mobileconfig(s, { uuid: counterUuid() }),
  tricky: mobileconfig(s, { address: TRICKY, uuid: counterUuid() }),
  unicode: mobileconfig(s, { address: UNICODE, uuid: counterUuid() }),
  empty: mobileconfig(s, { address: '  ', uuid: counterUuid() }),
  control: mobileconfig(s, { address: 'bad\u0001name@icloud.com', uuid: counterUuid() }),
  random1: mobileconfig(s, { address: TRICKY, uuid: () => crypto.randomUUID() }),
  random2: mobileconfig(s, { address: TRICKY, uuid: () => crypto.randomUUID() }),
};
const names = Object.keys(texts) as (keyof typeof texts)[];
const results = parseAll(names.map((n) => texts[n]));
const parsed = Object.fromEntries(names.map((n, i) => [n, dict(results[i])])) as Record<keyof typeof texts, Dict>;

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const IDENTITY_KEYS = ['EmailAddress', 'IncomingMailServerUsername', 'OutgoingMailServerUsername'];

function expectTyped(d: Dict, key: string, t: string, v?: unknown): void {
  assert.equal(d[key]?.t, t, `${key} should be a ${t}`);
  if (v !== undefined) assert.deepEqual(d[key].v, v, `${key}`);
}

test('every profile starts with the XML declaration and the plist doctype', () => {
  for (const text of Object.values(texts)) {
    assert.match(
      text,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">\n<plist version="1\.0">/,
    );
  }
});

test('the top level has the required keys with the right types and values', () => {
  for (const profile of Object.values(parsed)) {
    expectTyped(profile, 'PayloadType', 'string', 'Configuration');
    expectTyped(profile, 'PayloadVersion', 'integer', 1);
    expectTyped(profile, 'PayloadIdentifier', 'string', PROFILE_IDENTIFIER);
    expectTyped(profile, 'PayloadUUID', 'string');
    assert.match(profile['PayloadUUID']!.v as string, UUID);
    expectTyped(profile, 'PayloadDisplayName', 'string', s.provider);
    expectTyped(profile, 'PayloadDescription', 'string');
    expectTyped(profile, 'PayloadContent', 'array');
    assert.equal(payloads(profile).length, 1);
  }
  assert.match(PROFILE_IDENTIFIER, /^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/, 'reverse-DNS');
  assert.ok(!PROFILE_IDENTIFIER.startsWith('com.apple.'));
});

test('the mail payload has the required keys, and its values equal the settings source', () => {
  for (const profile of Object.values(parsed)) {
    const [mail] = payloads(profile);
    assert.ok(mail);
    expectTyped(mail, 'PayloadType', 'string', 'com.apple.mail.managed');
    expectTyped(mail, 'PayloadVersion', 'integer', 1);
    expectTyped(mail, 'PayloadIdentifier', 'string', MAIL_PAYLOAD_IDENTIFIER);
    assert.notEqual(MAIL_PAYLOAD_IDENTIFIER, PROFILE_IDENTIFIER);
    expectTyped(mail, 'PayloadUUID', 'string');
    assert.match(mail['PayloadUUID']!.v as string, UUID);
    assert.notEqual(mail['PayloadUUID']!.v, profile['PayloadUUID']!.v);
    expectTyped(mail, 'PayloadDisplayName', 'string');
    expectTyped(mail, 'EmailAccountType', 'string', 'EmailTypeIMAP');
    expectTyped(mail, 'EmailAccountDescription', 'string', s.provider);
    expectTyped(mail, 'IncomingMailServerHostName', 'string', s.imap.server.value);
    expectTyped(mail, 'IncomingMailServerPortNumber', 'integer', s.imap.port.value);
    expectTyped(mail, 'IncomingMailServerUseSSL', 'bool', true);
    assert.equal(s.imap.authentication.value, 'password');
    expectTyped(mail, 'IncomingMailServerAuthentication', 'string', 'EmailAuthPassword');
    expectTyped(mail, 'OutgoingMailServerHostName', 'string', s.smtp.server.value);
    expectTyped(mail, 'OutgoingMailServerPortNumber', 'integer', s.smtp.port.value);
    expectTyped(mail, 'OutgoingMailServerUseSSL', 'bool', true);
    assert.equal(s.smtp.authentication.value, 'password');
    expectTyped(mail, 'OutgoingMailServerAuthentication', 'string', 'EmailAuthPassword');
    expectTyped(mail, 'OutgoingPasswordSameAsIncomingPassword', 'bool', true);
  }
});

test('no profile holds a password key', () => {
  for (const [name, profile] of Object.entries(parsed)) {
    const keys = allKeys({ t: 'dict', v: profile }).filter((k) => /password/i.test(k));
    assert.deepEqual(keys, ['OutgoingPasswordSameAsIncomingPassword'], name);
  }
  for (const text of Object.values(texts)) assert.doesNotMatch(text, /<key>(Incoming|Outgoing)Password<\/key>/);
});

test('without an address (or with a blank one) the address and both usernames are left for the device to ask', () => {
  for (const profile of [parsed.plain, parsed.empty]) {
    const [mail] = payloads(profile);
    for (const key of IDENTITY_KEYS) assert.ok(!(key in mail!), `${key} should be absent`);
  }
});

test('with an address: the address and the SMTP username are exactly what was typed, the IMAP username its name part', () => {
  for (const [profile, address, name] of [
    [parsed.tricky, TRICKY, `o'brien&<x>"`],
    [parsed.unicode, UNICODE, 'zoë.çağrı😀'],
    [parsed.random1, TRICKY, `o'brien&<x>"`],
  ] as const) {
    const [mail] = payloads(profile);
    assert.equal(s.smtp.username.value, 'full-address');
    expectTyped(mail!, 'EmailAddress', 'string', address);
    expectTyped(mail!, 'OutgoingMailServerUsername', 'string', address);
    expectTyped(mail!, 'IncomingMailServerUsername', 'string', name);
  }
});

test('characters XML cannot carry are dropped instead of breaking the file', () => {
  const [mail] = payloads(parsed.control);
  expectTyped(mail!, 'EmailAddress', 'string', 'badname@icloud.com');
});

test('the identifiers stay the same across downloads while the UUIDs differ', () => {
  const a = parsed.random1;
  const b = parsed.random2;
  assert.equal(a['PayloadIdentifier']!.v, b['PayloadIdentifier']!.v);
  assert.equal(payloads(a)[0]!['PayloadIdentifier']!.v, payloads(b)[0]!['PayloadIdentifier']!.v);
  assert.notEqual(a['PayloadUUID']!.v, b['PayloadUUID']!.v);
  assert.notEqual(payloads(a)[0]!['PayloadUUID']!.v, payloads(b)[0]!['PayloadUUID']!.v);
  // The identifier does not depend on the address either.
  assert.equal(parsed.plain['PayloadIdentifier']!.v, a['PayloadIdentifier']!.v);
});

test('the function is pure: the same input and UUIDs give the same text', () => {
  assert.equal(mobileconfig(s, { address: TRICKY, uuid: counterUuid() }), texts.tricky);
});

test('localPart takes everything before the last @', () => {
  assert.equal(localPart('you@icloud.com'), 'you');
  assert.equal(localPart('"a@b"@icloud.com'), '"a@b"');
  assert.equal(localPart('no-at-sign'), 'no-at-sign');
});

test('the module can go into a browser bundle: no node: imports, no dependencies, and small', () => {
  const source = readFileSync(new URL('src/lib/files/mobileconfig.ts', repoRoot), 'utf8');
  const imports = [...source.matchAll(/^import\s+(type\s+)?.*?from\s+'([^']+)'/gm)].map((m) => ({
    type: Boolean(m[1]),
    from: m[2],
  }));
  // Runtime imports only of our own small, dependency-free modules.
  for (const i of imports)
    assert.ok(i.type || ['./xml.ts', '../text/address.ts'].includes(i.from!), `runtime import of ${i.from}`);
  const esbuild = fileURLToPath(new URL('node_modules/.bin/esbuild', repoRoot));
  const run = spawnSync(
    esbuild,
    ['--bundle', '--minify', '--platform=browser', '--format=esm', 'src/lib/files/mobileconfig.ts'],
    {
      cwd: fileURLToPath(repoRoot),
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /require\(|node:/);
  assert.ok(Buffer.byteLength(run.stdout) < 4096, `minified bundle is ${Buffer.byteLength(run.stdout)} bytes`);
});
