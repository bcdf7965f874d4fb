// The Thunderbird autoconfig file: well-formed XML (read back with Python's XML parser, not with
// our own code) whose every value equals the settings source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { loadFixtureSettings } from '../../helpers/settings.ts';
import {
  authenticationMethod,
  autoconfigXml,
  socketType,
  usernamePlaceholder,
} from '../../../src/lib/files/autoconfig.ts';
import type { Settings } from '../../../src/schemas/settings.ts';

const s = loadFixtureSettings();
const SITE = 'https://icloud-mail.example.org';

interface Server {
  type: string | null;
  hostname: string;
  port: string;
  socketType: string;
  username: string;
  authentication: string;
}
interface Parsed {
  root: string;
  version: string | null;
  providers: number;
  id: string | null;
  domains: string[];
  displayName: string;
  displayShortName: string;
  incoming: Server[];
  outgoing: Server[];
  documentation: { url: string | null; descr: { lang: string | null; text: string }[] }[];
}

// Parses each XML text with xml.etree in one Python process and returns the parts Thunderbird reads.
const PARSE = String.raw`
import json, sys
import xml.etree.ElementTree as ET
def server(el):
    out = {"type": el.get("type")}
    for k in ("hostname", "port", "socketType", "username", "authentication"):
        out[k] = el.findtext(k)
    return out
results = []
for text in json.load(sys.stdin):
    root = ET.fromstring(text.encode("utf-8"))
    providers = root.findall("emailProvider")
    p = providers[0]
    results.append({
        "root": root.tag, "version": root.get("version"), "providers": len(providers), "id": p.get("id"),
        "domains": [d.text for d in p.findall("domain")],
        "displayName": p.findtext("displayName"), "displayShortName": p.findtext("displayShortName"),
        "incoming": [server(e) for e in p.findall("incomingServer")],
        "outgoing": [server(e) for e in p.findall("outgoingServer")],
        "documentation": [{"url": d.get("url"), "descr": [{"lang": x.get("lang"), "text": x.text} for x in d.findall("descr")]} for d in p.findall("documentation")],
    })
json.dump(results, sys.stdout)
`;

function parseAll(texts: string[]): Parsed[] {
  const run = spawnSync('python3', ['-c', PARSE], { input: JSON.stringify(texts), encoding: 'utf8' });
  assert.equal(run.status, 0, `python3 could not parse the XML:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Parsed[];
}

// A copy of the settings with markup characters in the provider name and a source URL with a query.
const tricky: Settings = {
  ...s,
  provider: `Mail <&> "quoted" 'single'`,
  smtp: { ...s.smtp, server: { ...s.smtp.server, source: 'https://support.example.com/page?a=1&b=<2>' } },
};

const [real, odd, based] = parseAll([
  autoconfigXml(s, `${SITE}/smtp/`),
  autoconfigXml(tricky, `${SITE}/smtp/`),
  autoconfigXml(s, 'https://example.org/docs/mail/smtp/'),
]);

test('the file is a clientConfig 1.1 with one provider whose id is the first domain', () => {
  assert.equal(real!.root, 'clientConfig');
  assert.equal(real!.version, '1.1');
  assert.equal(real!.providers, 1);
  assert.equal(real!.id, s.domains.value[0]);
});

test('every address domain from the source is listed, in order', () => {
  assert.deepEqual(real!.domains, s.domains.value);
});

test('the names come from the source', () => {
  assert.equal(real!.displayName, s.provider);
  assert.equal(real!.displayShortName, s.provider);
});

test('the incoming server is IMAP with the values from the source', () => {
  assert.equal(real!.incoming.length, 1);
  assert.deepEqual(real!.incoming[0], {
    type: 'imap',
    hostname: s.imap.server.value,
    port: String(s.imap.port.value),
    socketType: s.imap.security.value === 'SSL/TLS' ? 'SSL' : 'STARTTLS',
    username: '%EMAILLOCALPART%',
    authentication: 'password-cleartext',
  });
});

test('the outgoing server is SMTP with the values from the source', () => {
  assert.equal(real!.outgoing.length, 1);
  assert.deepEqual(real!.outgoing[0], {
    type: 'smtp',
    hostname: s.smtp.server.value,
    port: String(s.smtp.port.value),
    socketType: s.smtp.security.value === 'SSL/TLS' ? 'SSL' : 'STARTTLS',
    username: '%EMAILADDRESS%',
    authentication: 'password-cleartext',
  });
});

test("the documentation links are the absolute SMTP page of the site and Apple's page, each with an English description", () => {
  assert.deepEqual(
    real!.documentation.map((d) => d.url),
    [`${SITE}/smtp/`, s.smtp.server.source],
  );
  for (const d of real!.documentation) {
    assert.equal(d.descr.length, 1);
    assert.equal(d.descr[0]!.lang, 'en');
    assert.ok(d.descr[0]!.text.includes(s.provider), `${d.descr[0]!.text} names ${s.provider}`);
  }
});

test('the documentation link is the URL given, under any base path', () => {
  assert.equal(based!.documentation[0]!.url, 'https://example.org/docs/mail/smtp/');
  assert.equal(odd!.documentation[0]!.url, `${SITE}/smtp/`);
});

test('markup characters in text and attributes are escaped and read back unchanged', () => {
  assert.equal(odd!.displayName, tricky.provider);
  assert.equal(odd!.documentation[1]!.url, tricky.smtp.server.source);
  assert.ok(odd!.documentation[1]!.descr[0]!.text.includes(tricky.provider));
});

test('each security mode maps to its socketType, authentication and username rules to their keywords', () => {
  assert.equal(socketType('SSL/TLS'), 'SSL');
  assert.equal(socketType('STARTTLS'), 'STARTTLS');
  assert.equal(authenticationMethod('password'), 'password-cleartext');
  assert.equal(usernamePlaceholder('full-address'), '%EMAILADDRESS%');
  assert.equal(usernamePlaceholder('local-part-or-full-address'), '%EMAILLOCALPART%');
  assert.throws(() => socketType('TLS' as never), /socketType/);
});

test('the function is pure: the same input gives the same text', () => {
  assert.equal(autoconfigXml(s, `${SITE}/smtp/`), autoconfigXml(s, `${SITE}/smtp/`));
});
