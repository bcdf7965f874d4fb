// General rules of the third round, each on a synthetic text of the same form as a real one (the real
// ones are in the decoder's dev set, not here). Addresses and hosts are invented.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixtureSettings } from '../../../helpers/settings.ts';
import { diagnose } from '../../../../src/lib/decoder/protocol/diagnose.ts';
import { aboutOtherService } from '../../../../src/lib/decoder/protocol/read.ts';

const s = loadFixtureSettings();
const kind = (t: string) => diagnose(t, s)?.kind ?? null;

describe('not mail, and what is not a port', () => {
  test('a web address with its port, or a request sent to one, is an HTTP service', () => {
    const t =
      'login failed: Invalid email/password (ConnectTimeout sending request https://api.example.net:8443/v1/auth)';
    assert.ok(aboutOtherService(t, s));
    assert.ok(aboutOtherService('AuthError: bad password (request to https://id.example.com/signin failed)', s));
    assert.ok(aboutOtherService('httpx.ReadTimeout: The read operation timed out', s));
  });

  test('a bounce that links to a help page stays mail', () => {
    const t =
      'host mx.b.example[192.0.2.9] said: 550 5.7.1 Blocked - see https://postmaster.b.example/x (in reply to RCPT TO command)';
    assert.ok(!aboutOtherService(t, s));
    assert.equal(kind(t), 'remote-refused-sender');
  });

  test('a source file and line is not a port: an OpenSSL error from a C file still reads', () => {
    const t = 'Error: error:1408F10B:SSL routines:ssl3_get_record:wrong version number:ssl/record/ssl3_record.c:331:';
    assert.equal(kind(t), 'tls-mode');
  });
});
