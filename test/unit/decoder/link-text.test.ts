// How errors are named on a program's page (src/lib/decoder/link-text.ts), on inline fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorLinkText, printedBy } from '../../../src/lib/decoder/link-text.ts';

const e = {
  title: '“535 …” or SMTPAuthenticationError',
  plainTitle: 'The login is refused when sending',
  examples: [{ program: 'Home Assistant (Python smtplib)' }],
};

test('another program’s page gets the neutral title; the printing program’s page keeps the quote', () => {
  assert.equal(errorLinkText(e, { name: 'Mozilla Thunderbird' }), e.plainTitle);
  assert.equal(errorLinkText(e, { name: 'Home Assistant' }), e.title);
  assert.equal(errorLinkText(e, { name: 'smtplib', aliases: ['Python smtplib'] }), e.title);
  assert.equal(errorLinkText(e), e.title);
  assert.equal(errorLinkText({ ...e, plainTitle: undefined }, { name: 'Thunderbird' }), e.title);
});

test('printedBy compares names loosely, in either direction, and ignores very short names', () => {
  assert.equal(printedBy('iOS Mail', { name: 'Mail on iPhone and iPad', aliases: ['iOS Mail'] }), true);
  assert.equal(printedBy('Mail', { name: 'Mail for Mac' }), true);
  assert.equal(printedBy('Nodemailer', { name: 'Go' }), false);
});
