// Each quoting function against the real program of its language (python3's ast, javac's parser,
// bash, git config, msmtp --pretend, mutt -Q, PyYAML, java.util.Properties; see
// test/helpers/readers/index.ts): whatever it accepts must read back as exactly the input.
// test/unit/quote.test.ts does the same through the parsers that run in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as q from '../../src/lib/checker/quote.ts';
import type { SnippetLanguage } from '../../src/schemas/client.ts';
import { TRICKY, holds, wrap } from '../helpers/quote-cases.ts';
import { readers } from '../helpers/readers/index.ts';
import { skipUnless } from '../helpers/readers/tools.ts';

for (const language of Object.keys(wrap) as SnippetLanguage[]) {
  const reader = readers[language];
  if (reader.tools.length === 0) continue; // no external program: covered by the unit test alone
  test(
    `${language} (via ${reader.tools.join(', ')}): every accepted tricky string reads back exactly`,
    { skip: skipUnless(reader.tools) },
    async () => {
      const accepted = TRICKY.filter((s) => holds[language](s)).map((s) => ({ s, lit: q.quote(language, s) }));
      const values = await reader.full(accepted.map(({ lit }) => wrap[language](lit)));
      accepted.forEach(({ s, lit }, i) => {
        assert.ok(
          values[i]!.includes(s),
          `${language}: ${lit} read back as ${JSON.stringify(values[i])}, not ${JSON.stringify(s)}`,
        );
      });
    },
  );
}
