// The real snippets (content/clients/*.yaml), filled with tricky addresses, through the real
// programs of each language: python3, javac, bash, git, msmtp --pretend, mutt -Q, PyYAML,
// java.util.Properties (and the in-process parsers, which must agree with them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadClients } from '../helpers/clients.ts';
import { readers } from '../helpers/readers/index.ts';
import { curlConfig } from '../helpers/readers/curl-config.ts';
import { muttUrlUser } from '../helpers/readers/muttrc.ts';
import { PASSWORD_FROM_ENV, skipUnless } from '../helpers/readers/tools.ts';
import { loadSettings } from '../helpers/settings.ts';
import { snippetJobs, snippetParseTests } from '../helpers/snippets.ts';

const settings = loadSettings();
const jobs = snippetJobs(loadClients(), settings);
snippetParseTests(jobs, settings, 'full');

test(
  'mutt reads the user of smtp_url back as the whole address',
  { skip: skipUnless(readers.muttrc.tools) },
  async () => {
    const mutt = jobs.filter((j) => j.client.id === 'mutt');
    assert.ok(mutt.length > 0, 'the mutt entry has a snippet');
    const read = await readers.muttrc.full(mutt.map((j) => j.instructions.snippet!.code));
    mutt.forEach(({ address }, n) => {
      const url = read[n]!.find((v) => v.startsWith('smtp://'))!;
      assert.equal(muttUrlUser(url), address, url);
    });
  },
);

test(
  'curl gets the login on standard input, never on its command line',
  { skip: skipUnless(readers.shell.tools) },
  async () => {
    const curl = jobs.filter((j) => j.client.id === 'curl' && !j.instructions.warnings.length);
    assert.ok(curl.length > 0, 'the curl entry has a snippet that takes these addresses');
    const read = await readers.shell.full(curl.map((j) => j.instructions.snippet!.code));
    curl.forEach(({ address }, n) => {
      const values = read[n]!;
      const config = values.at(-1)!;
      const args = values.slice(0, -1);
      assert.deepEqual(
        args.slice(0, 2),
        ['--config', '-'],
        `curl reads its config from stdin: ${JSON.stringify(args)}`,
      );
      assert.equal(args[args.indexOf('--mail-from') + 1], address);
      assert.ok(!args.includes('--user') && !args.includes('-u'), 'no --user on the command line');
      assert.ok(!args.some((a) => a.includes(PASSWORD_FROM_ENV)), 'the password is in no argument');
      assert.deepEqual(curlConfig(config), [['user', `${address}:${PASSWORD_FROM_ENV}`]]);
    });
  },
);
