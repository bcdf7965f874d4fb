// General rules a mail admin applies, each on a synthetic text of the same form as a real one (the
// real ones are in the decoder's dev set, not here): what a code, a response, a runtime's error
// name or a program's own message means. Addresses and hosts are invented.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtureSettings } from '../../../helpers/settings.ts';
import { aboutOtherService } from '../../../../src/lib/decoder/protocol/read.ts';

const s = loadFixtureSettings();

describe('texts about another service', () => {
  test('a web server’s or a database’s error is not about mail, even with "mail" in a name', () => {
    assert.ok(aboutOtherService('webmail_1 | connect() failed (111: Connection refused) while connecting to upstream'));
    assert.ok(aboutOtherService('mailer db: SQLSTATE[HY000] [2002] Connection refused'));
    assert.ok(aboutOtherService('could not connect to server: Connection refused on port 6379', s));
  });

  test('a mail protocol word or a mail port keeps a text about mail; line numbers are not ports', () => {
    assert.ok(!aboutOtherService('smtp upstream: connection refused'));
    assert.ok(!aboutOtherService('connect to mail.b.example port 993: Connection refused, database', s));
    assert.ok(!aboutOtherService('at events.js:72 connection refused'));
  });
});
