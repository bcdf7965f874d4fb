// Every code and config snippet, filled with tricky addresses, must parse in its own language and
// give the address back unchanged among the string values the parser sees. Shared by
// test/content/snippets.test.ts (parsers that run in Node) and test/interop/snippets.test.ts (the
// real programs). Sources are batched per language so each external parser starts once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildInstructions, type Instructions } from '../../src/lib/checker/instructions.ts';
import type { Client, SnippetLanguage } from '../../src/schemas/client.ts';
import type { Settings } from '../../src/schemas/settings.ts';
import { readers } from './readers/index.ts';
import { muttUrlUser } from './readers/muttrc.ts';
import { whatwgParts } from './readers/url.ts';
import { curlConfig } from './readers/curl-config.ts';
import { skipUnless } from './readers/tools.ts';

export function trickyAddresses(domain: string): string[] {
  return [
    `emily.parker@${domain}`,
    `o'brien@${domain}`,
    `say"hi"@${domain}`,
    `back\\slash@${domain}`,
    `cost$5\`id\`$(id)@${domain}`,
    `100%U%25@${domain}`,
    `%F@${domain}`,
    `ünïcødé@${domain}`,
    `o'brien$x\\y@${domain}`,
    `#{x}\${y}{{z}}{smtp.server}@${domain}`,
    `a:b@${domain}`,
    `日本語😀@${domain}`,
    `tab\there@${domain}`,
    `two\\\\'quote@${domain}`,
  ];
}

/** Which clients must refuse which addresses (and fall back to the placeholder, with a warning). */
export const REFUSES: Record<string, RegExp> = {
  laravel: /[\0-\x1f\x7f]|'.*["\\$`]|["\\$`].*'/, // the .env subset both dotenv readers share
  msmtp: /[\0-\x1f\x7f]|%[A-Za-z]/, // msmtp expands %U %H %C %M (and %F since 1.8.29) in from
  curl: /:/, // curl --user splits at the first ':'
  postfix: /:/, // sasl_passwd splits user:password at the first ':'
  ...Object.fromEntries(
    ['authentik', 'mastodon', 'n8n', 'paperless-ngx', 'symfony-mailer', 'vaultwarden'].map((id) => [
      id,
      /[\0-\x1f\x7f]|'.*["\\$`]|["\\$`].*'/,
    ]),
  ),
  // go-ini: line breaks, %(key)s references; Grafana: ${VAR} and $__provider{…} expansion.
  ...Object.fromEntries(['forgejo', 'gitea', 'grafana'].map((id) => [id, /[\0-\x1f\x7f]|%\(|\$\{|\$__/])),
};

/** Values a program derives from the parsed strings: the user in mutt's smtp_url (and the decoded
 *  parts of any other URL), the user of a
 *  `user:password` pair in curl's --user (on the command line or in a --config file) and in
 *  Postfix's sasl_passwd line. */
export function derived(values: string[]): string[] {
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
    if (/^\s*user\s*[=:\s]/m.test(v) && values.slice(0, i).includes('--config')) {
      for (const [name, value] of curlConfig(v)) if (name === 'user') out.push(value.slice(0, value.indexOf(':')));
    }
    const sasl = /^(\[[^\]]+\]:\d+)[ \t]+(.*?)\s*$/s.exec(v);
    if (sasl) out.push(sasl[2]!.slice(0, sasl[2]!.indexOf(':')));
  });
  return out;
}

export interface SnippetJob {
  client: Client;
  address: string;
  instructions: Instructions;
  language: SnippetLanguage;
}

/** Every snippet of `clients`, filled with each tricky address. */
export function snippetJobs(clients: Client[], settings: Settings): SnippetJob[] {
  const domain = settings.domains.value[0] ?? 'example.com';
  return clients
    .filter((c) => c.snippet)
    .flatMap((client) =>
      trickyAddresses(domain).map((address) => ({
        client,
        address,
        instructions: buildInstructions(client, settings, address),
        language: client.snippet!.language,
      })),
    );
}

/**
 * One test per language: every snippet parses and holds the address (or, where the format cannot
 * hold it, the placeholder with a warning) and the server. `mode` picks the in-process parsers
 * (languages without one are left to the interop run) or the real programs.
 */
export function snippetParseTests(jobs: SnippetJob[], settings: Settings, mode: 'inProcess' | 'full'): void {
  const server = settings.smtp.server.value;
  for (const language of [...new Set(jobs.map((j) => j.language))].sort()) {
    const reader = readers[language];
    const read = mode === 'full' ? reader.full : reader.inProcess;
    if (!read) continue;
    const mine = jobs.filter((j) => j.language === language);
    const names = [...new Set(mine.map((j) => j.client.id))].join(', ');
    const via = mode === 'full' && reader.tools.length ? ` (via ${reader.tools.join(', ')})` : '';
    test(
      `${language} (${names})${via}: every snippet parses and holds the address unchanged`,
      { skip: mode === 'full' ? skipUnless(reader.tools) : false },
      async () => {
        const values = await read(mine.map((j) => j.instructions.snippet!.code));
        mine.forEach(({ client, address, instructions }, n) => {
          const all = values[n]!.concat(derived(values[n]!));
          const refused = REFUSES[client.id]?.test(address) ?? false;
          assert.equal(
            instructions.warnings.length > 0,
            refused,
            `${client.id} ${refused ? 'should refuse' : 'refused'} ${JSON.stringify(address)}: ${instructions.warnings.join(' ')}`,
          );
          const expected = refused ? settings.placeholderAddress : address;
          assert.ok(
            all.includes(expected),
            `${client.id}: ${JSON.stringify(expected)} not among ${JSON.stringify(all)}\n${instructions.snippet!.code}`,
          );
          assert.ok(
            all.some((v) => v.includes(server)),
            `${client.id}: the server is not in any parsed value`,
          );
        });
      },
    );
  }
}
