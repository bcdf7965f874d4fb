// The settings schema, on the frozen copy in test/fixtures/: each kind of mistake fails with a
// message that names the field, so whoever edits content/settings.yaml knows exactly what to fix.
// (The real file is checked by test/content/settings.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFileSchema } from '../../../src/schemas/settings.ts';
import { formatIssues } from '../../../src/schemas/format-issues.ts';
import { fixtureSettingsFile, loadFixtureSettings, readRawSettings } from '../../helpers/settings.ts';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- each case breaks the raw, untyped YAML on purpose */
type Json = Record<string, any>;
const fresh = (): Json => structuredClone(readRawSettings(fixtureSettingsFile)) as Json;

function failure(mutate: (raw: Json) => void): string {
  const raw = fresh();
  mutate(raw);
  const result = settingsFileSchema.safeParse(raw);
  assert.equal(result.success, false, 'expected the broken source to be rejected');
  return formatIssues(result.error.issues, 'content/settings.yaml');
}

test('the fixture passes, so each failure below comes from its one mistake', () => {
  assert.doesNotThrow(() => loadFixtureSettings());
});

const cases: Array<[string, (raw: Json) => void, RegExp]> = [
  [
    'a missing field',
    (r) => {
      delete r['icloud'].smtp.server;
    },
    /icloud\.smtp\.server: /,
  ],
  [
    'a port that is text',
    (r) => {
      r['icloud'].smtp.port.value = '587abc';
    },
    /icloud\.smtp\.port\.value: /,
  ],
  [
    'a port out of range',
    (r) => {
      r['icloud'].imap.port.value = 70000;
    },
    /icloud\.imap\.port\.value: /,
  ],
  [
    'a port with a fraction',
    (r) => {
      r['icloud'].smtp.port.value = 587.5;
    },
    /icloud\.smtp\.port\.value: /,
  ],
  [
    'a host name with a space',
    (r) => {
      r['icloud'].smtp.server.value = 'smtp mail';
    },
    /icloud\.smtp\.server\.value: Expected a lower-case host name/,
  ],
  [
    'an unknown security mode',
    (r) => {
      r['icloud'].smtp.security.value = 'SSL';
    },
    /icloud\.smtp\.security\.value: /,
  ],
  [
    'a source that is not https',
    (r) => {
      r['icloud'].smtp.port.source = 'http://example.com';
    },
    /icloud\.smtp\.port\.source: /,
  ],
  [
    'a checked date in the wrong form',
    (r) => {
      r['icloud'].limits.messagesPerDay.checked = '25/11/2026';
    },
    /icloud\.limits\.messagesPerDay\.checked: Write the date as YYYY-MM-DD/,
  ],
  [
    'an unknown confidence',
    (r) => {
      r['icloud'].pop.confidence = 'sure';
    },
    /icloud\.pop\.confidence: /,
  ],
  [
    'an unexpected key (a typo)',
    (r) => {
      r['icloud'].smtp.prot = r['icloud'].smtp.port;
    },
    /icloud\.smtp: .*prot/,
  ],
  [
    'a negative limit',
    (r) => {
      r['icloud'].limits.recipientsPerMessage.value = -5;
    },
    /icloud\.limits\.recipientsPerMessage\.value: /,
  ],
  [
    'a wrong SMTP username rule',
    (r) => {
      r['icloud'].smtp.username.value = 'local-part';
    },
    /icloud\.smtp\.username\.value: /,
  ],
  [
    'an empty domain list',
    (r) => {
      r['icloud'].domains.value = [];
    },
    /icloud\.domains\.value: /,
  ],
  [
    'an invalid placeholder address',
    (r) => {
      r['icloud'].placeholderAddress = 'you';
    },
    /icloud\.placeholderAddress: /,
  ],
  [
    'a missing source',
    (r) => {
      delete r['icloud'].password.maxActive.source;
    },
    /icloud\.password\.maxActive\.source: /,
  ],
];

for (const [name, mutate, expected] of cases) {
  test(`the schema rejects ${name} and names the field`, () => {
    assert.match(failure(mutate), expected);
  });
}

test('several problems are all listed, one per line', () => {
  const message = failure((r) => {
    r['icloud'].smtp.port.value = 0;
    r['icloud'].imap.server.value = 'IMAP!';
  });
  assert.match(message, /\(2 problems\)/);
  assert.match(message, /icloud\.smtp\.port\.value/);
  assert.match(message, /icloud\.imap\.server\.value/);
});

for (const [name, path, source] of [
  [
    'a news site',
    ['password', 'requiredSince'],
    'https://www.macrumors.com/2017/05/16/third-party-apps-passwords-icloud-access/',
  ],
  ['a look-alike host', ['smtp', 'port'], 'https://support.apple.com.example.org/en-us/102525'],
  ['a wrong host in the list of wrong hosts', ['wrongHosts', 'mx01'], 'https://www.bentonow.com/smtp-errors/apple'],
  ['a port people try', ['otherSmtpPorts', 'plain'], 'https://github.com/glpi-project/glpi/issues/21311'],
] as const) {
  test(`the schema rejects "apple" on a fact that cites ${name}`, () => {
    const message = failure((r) => {
      let node = r['icloud'];
      for (const key of path) node = node[key];
      node.source = source;
      node.confidence = 'apple';
    });
    assert.match(
      message,
      new RegExp(`icloud\\.${path.join('\\.')}\\.confidence: "apple" needs a source on apple\\.com`),
    );
  });
}

test('the same fact with an honest confidence passes', () => {
  const raw = fresh();
  raw['icloud'].smtp.port.source = 'https://github.com/glpi-project/glpi/issues/21311';
  raw['icloud'].smtp.port.confidence = 'observed';
  assert.ok(settingsFileSchema.safeParse(raw).success);
});

test('a checked date that does not exist is rejected', () => {
  assert.match(
    failure((r) => {
      r['icloud'].smtp.port.checked = '2026-02-30';
    }),
    /icloud\.smtp\.port\.checked: This date does not exist\./,
  );
});
