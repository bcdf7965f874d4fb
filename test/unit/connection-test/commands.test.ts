// The connection test's command builder: steps for each system, values from the settings, commands
// that parse (bash -n; PowerShell through the tree-sitter grammar, since pwsh is not packaged for
// Debian) with tricky addresses, and no password anywhere on a command line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { Parser, Language } from 'web-tree-sitter';
import { connectionTestSteps, endpoints, psQuote, type Os } from '../../../src/lib/connection-test/commands.ts';
import { loadFixtureSettings } from '../../helpers/settings.ts';
import { repoRoot } from '../../helpers/root.ts';

const settings = loadFixtureSettings();
const ends = endpoints(settings);
const TRICKY = [
  settings.placeholderAddress,
  "o'neil@icloud.com",
  'o’neil‘s@me.com',
  'a$b`c@icloud.com',
  '"quoted name"@icloud.com',
  'x!y#z%&*+/=?^{|}~@mac.com',
  'back\\slash@icloud.com',
];

type TSNode = { type: string; text: string; hasError: boolean; isMissing: boolean; children: TSNode[] };
await Parser.init();
const ps = new Parser();
ps.setLanguage(
  await Language.load(new URL('node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', repoRoot).pathname),
);
const nodes = (n: TSNode, out: TSNode[] = []): TSNode[] => {
  out.push(n);
  n.children.forEach((c) => nodes(c, out));
  return out;
};
const psTree = (src: string) => ps.parse(src)!.rootNode as unknown as TSNode;
/** Values of the single-quoted (verbatim) strings in a PowerShell script. */
const verbatimStrings = (src: string) =>
  nodes(psTree(src))
    .filter((n) => n.type === 'string_literal' && /^['‘’‚‛]/.test(n.text))
    .map((n) => n.text.slice(1, -1).replace(/(['‘’‚‛])\1/g, '$1'));

describe('connectionTestSteps', () => {
  for (const os of ['macos', 'linux', 'windows'] as Os[])
    test(`${os}: the steps, in order, with the servers and ports from the settings`, () => {
      const steps = connectionTestSteps(os, { ...ends, address: settings.placeholderAddress });
      const ids = steps.map((s) => s.id);
      assert.deepEqual(
        ids,
        os === 'windows'
          ? ['dns', 'tcp-smtp', 'tcp-imap', 'starttls', 'imap-tls', 'auth']
          : ['dns', 'tcp-smtp', 'tcp-imap', 'starttls', 'imap-tls', 'auth', 'send'],
      );
      const all = steps.map((s) => s.command).join('\n');
      for (const v of [settings.smtp.server.value, settings.imap.server.value]) assert.ok(all.includes(v), v);
      assert.ok(steps.find((s) => s.id === 'tcp-smtp')!.command.includes(String(settings.smtp.port.value)));
      assert.ok(steps.find((s) => s.id === 'tcp-imap')!.command.includes(String(settings.imap.port.value)));
      for (const s of steps) {
        assert.ok(s.title && s.why && s.success.length > 10, s.id);
        assert.equal(s.optional, s.id === 'auth' || s.id === 'send');
        assert.equal(s.language, os === 'windows' ? 'powershell' : 'bash');
      }
      // The password is asked for on the machine, never passed as an argument.
      const auth = steps.find((s) => s.id === 'auth')!.command;
      if (os === 'windows') assert.match(auth, /Read-Host -AsSecureString/);
      else {
        assert.match(auth, /read -rs SWAKS_OPT_auth_password/);
        assert.match(auth, /--auth-hide-password/);
        assert.match(auth, /unset SWAKS_OPT_auth_password/);
      }
      assert.ok(!/--auth-password|--user\s|-u\s|-Password\s/.test(all));
    });

  test('the STARTTLS step checks the certificate and, on Linux, the name', () => {
    const linux = connectionTestSteps('linux', { ...ends, address: 'a@icloud.com' }).find((s) => s.id === 'starttls')!;
    assert.match(linux.command, /-starttls smtp/);
    assert.match(linux.command, /-verify_return_error/);
    assert.match(linux.command, new RegExp(`-verify_hostname ${settings.smtp.server.value.replace(/\./g, '\\.')}`));
    const local = connectionTestSteps('linux', {
      smtp: { host: '127.0.0.1', port: 2525 },
      imap: { host: '127.0.0.1', port: 9993 },
      address: 'a@icloud.com',
    }).find((s) => s.id === 'starttls')!;
    assert.match(local.command, /-verify_ip 127\.0\.0\.1/);
  });

  test('bad input is refused with a clear message', () => {
    const base = { ...ends, address: 'a@icloud.com' };
    assert.throws(
      () => connectionTestSteps('linux', { ...base, smtp: { host: 'x; rm -rf /', port: 587 } }),
      /Not a host name/,
    );
    assert.throws(() => connectionTestSteps('linux', { ...base, imap: { host: 'a.b', port: 70000 } }), /Not a port/);
    assert.throws(() => connectionTestSteps('windows', { ...base, address: 'a\n@icloud.com' }), /line breaks/);
  });
});

describe('the commands parse with any address', () => {
  const address = fc.oneof(
    fc.constantFrom(...TRICKY),
    fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), fc.constantFrom('icloud.com', 'me.com'))
      .filter(([l]) => !/[\0\r\n]/.test(l))
      .map(([l, d]) => `${l}@${d}`),
  );

  test('bash -n, macOS and Linux', () => {
    const parses = (src: string) => spawnSync('bash', ['-n'], { input: src, encoding: 'utf8' });
    for (const os of ['macos', 'linux'] as const) {
      // Each step on its own for the tricky addresses...
      for (const a of TRICKY)
        for (const s of connectionTestSteps(os, { ...ends, address: a })) {
          const r = parses(s.command);
          assert.equal(r.status, 0, `${os} ${s.id} ${JSON.stringify(a)}: ${r.stderr}`);
        }
      // ...and all steps of one address per bash process for random ones (the machine is shared).
      for (const a of fc.sample(address, 15)) {
        const src = connectionTestSteps(os, { ...ends, address: a })
          .map((s, i) => `step_${i}() {\n${s.command}\n}`)
          .join('\n');
        const r = parses(src);
        assert.equal(r.status, 0, `${os} ${JSON.stringify(a)}: ${r.stderr}`);
      }
    }
  });

  test('the address reaches the shell unchanged', () => {
    for (const a of TRICKY) {
      const s = connectionTestSteps('linux', { ...ends, address: a }).find((x) => x.id === 'auth')!;
      // Replace swaks by a printer of its arguments: the --auth-user value must be the address.
      const r = spawnSync(
        'bash',
        [
          '-c',
          `swaks() { while [ $# -gt 0 ]; do [ "$1" = --auth-user ] && printf '%s' "$2"; shift; done; }\n${s.command}`,
        ],
        {
          input: 'x\n',
          encoding: 'utf8',
        },
      );
      assert.equal(r.stdout.replace(/^App-specific password \(not shown\): \n?/, ''), a);
    }
  });

  test('PowerShell: the grammar parses every step without error, and the address decodes back', () => {
    fc.assert(
      fc.property(address, (a) => {
        for (const s of connectionTestSteps('windows', { ...ends, address: a })) {
          const tree = psTree(s.command);
          const bad = nodes(tree).filter((n) => n.type === 'ERROR' || n.isMissing);
          assert.equal(bad.length, 0, `${s.id}: ${bad.map((n) => n.text).join(' | ')}`);
          if (s.id === 'starttls' || s.id === 'auth') assert.ok(verbatimStrings(s.command).includes(a), s.id);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('the PowerShell check can fail: naive quoting or a missing brace is an error', () => {
    assert.ok(psTree("$address = 'o'neil@icloud.com'\n& { $x = 1").hasError);
    assert.ok(psTree('& { $a = 1 ').hasError);
    assert.ok(!psTree(`$address = ${psQuote("o'neil@icloud.com")}`).hasError);
  });

  test('PowerShell uses only known cmdlets and .NET types', () => {
    const all = connectionTestSteps('windows', { ...ends, address: 'a@icloud.com' })
      .map((s) => s.command)
      .join('\n');
    const cmdlets = new Set(all.match(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b/g));
    assert.deepEqual([...cmdlets].sort(), ['Read-Host', 'Resolve-DnsName', 'Test-NetConnection']);
    const types = new Set([...all.matchAll(/\[([A-Za-z.]+)\]::/g)].map((m) => m[1]));
    assert.deepEqual([...types].sort(), [
      'Convert',
      'System.IO.StreamReader',
      'System.IO.StreamWriter',
      'System.Net.NetworkCredential',
      'System.Net.Security.SslStream',
      'System.Net.Sockets.TcpClient',
      'System.Text.Encoding',
    ]);
  });
});
