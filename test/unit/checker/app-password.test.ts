// An app-specific password typed into the address field: recognised from the format in the
// settings, answered with a fixed message, and never repeated anywhere in the checker's result.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadFixtureSettings } from '../../helpers/settings.ts';
import { looksLikeAppPassword } from '../../../src/lib/checker/app-password.ts';
import { appPasswordFinding } from '../../../src/lib/checker/check.ts';
import { check } from '../../../src/lib/checker/check.ts';
import type { Settings } from '../../../src/schemas/settings.ts';

const real = loadFixtureSettings();
/** The settings with another password format, so the rule is tested against its input, not today's value. */
const withFormat = (format: string): Settings => ({
  ...real,
  password: { ...real.password, format: { ...real.password.format, value: format } },
});
const dashed = withFormat('xxxx-xxxx-xxxx-xxxx');
const domain = real.domains.value[0] ?? 'example.org';

describe('looksLikeAppPassword', () => {
  const rows: Array<[string, boolean]> = [
    ['abcd-efgh-ijkl-mnop', true],
    ['ABCD-EFGH-IJKL-MNOP', true],
    ['  abcd-efgh-ijkl-mnop\t', true],
    ['abcd efgh ijkl mnop', true],
    [`abcd-efgh-ijkl-mnop@${domain}`, true],
    ['abcd-efgh-ijkl', false],
    ['abcd-efgh-ijkl-mnop-qrst', false],
    ['abcdefghijklmnop', false],
    ['abc1-efgh-ijkl-mnop', false],
    ['abcd--efgh-ijkl-mnop', false],
    [`emily@${domain}`, false],
    [`mary-jane@${domain}`, false],
    [`wxyz@abcd-efgh-ijkl-mnop.com`, false],
    ['', false],
  ];
  for (const [value, expected] of rows) {
    test(`${JSON.stringify(value)} → ${expected}`, () => {
      assert.equal(looksLikeAppPassword(value, dashed), expected);
    });
  }

  test('the shape comes from settings.password.format', () => {
    const six = withFormat('xxx.xxx');
    assert.equal(looksLikeAppPassword('abc.def', six), true);
    assert.equal(looksLikeAppPassword('abcXdef', six), false, 'the dot is literal, not "any character"');
    assert.equal(looksLikeAppPassword('abcd-efgh-ijkl-mnop', six), false);
    assert.equal(looksLikeAppPassword('anything', withFormat('not documented')), false);
  });
});

describe('the checker never repeats an app-specific password', () => {
  test('it is an error that links to the answer and gives no address for the instructions', () => {
    const result = check({ address: 'qwer-tyui-opas-dfgh', port: '', server: '', security: '' }, dashed);
    const address = result.findings.filter((f) => f.field === 'address');
    assert.equal(address.length, 1);
    assert.equal(address[0]?.severity, 'error');
    assert.equal(address[0]?.faq, 'app-specific-password');
    assert.match(address[0]?.message ?? '', /password field/);
    assert.equal(result.address, null);
  });

  test('the result is the same whatever the password: nothing of it can leak', () => {
    const letters = fc.stringMatching(/^[a-zA-Z]{4}$/);
    const password = fc
      .tuple(letters, letters, letters, letters, fc.constantFrom('-', ' '), fc.constantFrom('', `@${domain}`, '  '))
      .map(([a, b, c, d, sep, tail]) => [a, b, c, d].join(sep) + tail);
    const reference = check({ address: 'abcd-efgh-ijkl-mnop', port: '', server: '', security: '' }, dashed);
    fc.assert(
      fc.property(password, (p) => {
        const result = check({ address: p, port: '', server: '', security: '' }, dashed);
        assert.deepEqual(result, reference);
        const text = JSON.stringify(result).toLowerCase();
        assert.ok(!text.includes(p.trim().toLowerCase().slice(0, 9)));
      }),
    );
  });

  test('appPasswordFinding is null for an ordinary address', () => {
    assert.equal(appPasswordFinding(`emily@${domain}`, dashed), null);
  });
});
