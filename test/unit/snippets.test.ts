// Every code and config snippet, filled with tricky addresses, must parse in its own language and
// give the address back unchanged among the string values the parser sees. Sources are batched per
// language so each external parser starts once (or once per file where the program needs a file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInstructions } from '../../src/lib/instructions.ts';
import type { SnippetLanguage } from '../../src/schemas/client.ts';
import { has, loadClients, muttUrlUser, readers } from '../helpers/clients.ts';
import { loadSettings } from '../helpers/settings.ts';
import { whatwgParts } from '../helpers/readers/url.ts';

const settings = loadSettings();
const [domain] = settings.domains.value;
const server = settings.smtp.server.value;

const ADDRESSES = [
  `emily.parker@${domain}`,
  `o'brien@${domain}`,
  `say"hi"@${domain}`,
  `back\\slash@${domain}`,
  `cost$5\`id\`$(id)@${domain}`,
  `100%U%25@${domain}`,
  `ünïcødé@${domain}`,
  `o'brien$x\\y@${domain}`,
  `#{x}\${y}{{z}}{smtp.server}@${domain}`,
  `a:b@${domain}`,
  `日本語😀@${domain}`,
  `tab\there@${domain}`,
  `two\\\\'quote@${domain}`,
];

/** Which clients must refuse which addresses (and fall back to the placeholder, with a warning). */
const REFUSES: Record<string, RegExp> = {
  laravel: /[\0-\x1f\x7f]|'.*["\\$`]|["\\$`].*'/, // the .env subset both dotenv readers share
  ...Object.fromEntries(
    ['authentik', 'mastodon', 'n8n', 'paperless-ngx', 'symfony-mailer', 'vaultwarden'].map((id) => [
      id,
      /[\0-\x1f\x7f]|'.*["\\$`]|["\\$`].*'/,
    ]),
  ),
  // go-ini: line breaks, %(key)s references; Grafana: ${VAR} and $__provider{…} expansion.
  ...Object.fromEntries(['forgejo', 'gitea', 'grafana'].map((id) => [id, /[\0-\x1f\x7f]|%\(|\$\{|\$__/])),
  msmtp: /[\0-\x1f\x7f]|%[UHCM]/, // msmtp expands %U %H %C %M in from
  curl: /:/, // curl --user splits at the first ':'
  postfix: /:/, // sasl_passwd splits user:password at the first ':'
};

const skip: Partial<Record<SnippetLanguage, string>> = {
  ...(has('java') ? {} : { java: 'java is not installed: no real Java parser' }),
  ...(has('git') ? {} : { gitconfig: 'git is not installed' }),
  ...(has('python3') ? {} : { python: 'python3 is not installed', yaml: 'python3 is not installed' }),
};

/** Values a program derives from the parsed strings: the user in mutt's smtp_url, the user of a
 *  `user:password` pair in curl's --user and in Postfix's sasl_passwd line. */
function derived(values: string[]): string[] {
  const out: string[] = [];
  values.forEach((v, i) => {
    if (/^smtps?:\/\//.test(v)) {
      const user = muttUrlUser(v);
      if (user !== null) out.push(user);
    }
    // URL settings (Apprise, s-nail mta=, Symfony's MAILER_DSN): the user and query values, decoded.
    const url = /^(?:mta=)?([a-z][a-z0-9+.-]*:\/\/.*)$/is.exec(v)?.[1];
    if (url) out.push(...whatwgParts(url));
    if (values[i - 1] === '--user') out.push(v.slice(0, v.indexOf(':')));
    const sasl = /^(\[[^\]]+\]:\d+)[ \t]+(.*?)\s*$/s.exec(v);
    if (sasl) out.push(sasl[2]!.slice(0, sasl[2]!.indexOf(':')));
  });
  return out;
}

const jobs = loadClients()
  .filter((c) => c.snippet)
  .flatMap((client) =>
    ADDRESSES.map((address) => {
      const i = buildInstructions(client, settings, address);
      return { client, address, i, language: client.snippet!.language };
    }),
  );

test('the snippets cover at least 17 entries and 10 languages', () => {
  const ids = new Set(jobs.map((j) => j.client.id));
  const languages = new Set(jobs.map((j) => j.language));
  assert.ok(ids.size >= 17, `${ids.size} snippets`);
  assert.ok(languages.size >= 10, [...languages].join(', '));
});

for (const language of [...new Set(jobs.map((j) => j.language))].sort()) {
  const mine = jobs.filter((j) => j.language === language);
  const names = [...new Set(mine.map((j) => j.client.id))].join(', ');
  test(
    `${language} (${names}): every snippet parses and holds the address unchanged`,
    { skip: skip[language] ?? false },
    async () => {
      const read = await readers[language](mine.map((j) => j.i.snippet!.code));
      mine.forEach(({ client, address, i }, n) => {
        const values = read[n]!;
        const all = values.concat(derived(values));
        const refused = REFUSES[client.id]?.test(address) ?? false;
        assert.equal(
          i.warnings.length > 0,
          refused,
          `${client.id} ${refused ? 'should refuse' : 'refused'} ${JSON.stringify(address)}: ${i.warnings.join(' ')}`,
        );
        const expected = refused ? settings.placeholderAddress : address;
        assert.ok(
          all.includes(expected),
          `${client.id}: ${JSON.stringify(expected)} not among ${JSON.stringify(all)}\n${i.snippet!.code}`,
        );
        assert.ok(
          all.some((v) => v.includes(server)),
          `${client.id}: the server is not in any parsed value`,
        );
      });
    },
  );
}

test('mutt reads the user of smtp_url back as the whole address', async () => {
  const mutt = jobs.filter((j) => j.client.id === 'mutt');
  const read = await readers.muttrc(mutt.map((j) => j.i.snippet!.code));
  mutt.forEach(({ address }, n) => {
    const url = read[n]!.find((v) => v.startsWith('smtp://'))!;
    assert.equal(muttUrlUser(url), address, url);
  });
});

test('shell snippets pass each address as one argument', async () => {
  const curl = jobs.filter((j) => j.client.id === 'curl' && !j.i.warnings.length);
  const read = await readers.shell(curl.map((j) => j.i.snippet!.code));
  curl.forEach(({ address }, n) => {
    const args = read[n]!;
    assert.equal(args[args.indexOf('--mail-from') + 1], address);
    assert.equal(args[args.indexOf('--user') + 1], `${address}:APP-PASSWORD-FROM-ENV`);
  });
});
