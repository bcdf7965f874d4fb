// Inputs shared by the quoting tests (test/unit/quote.test.ts, in process, and
// test/interop/quote.test.ts, through the real programs): tricky strings, what each format
// promises to hold, and a minimal source file around one literal per language.

import type { SnippetLanguage } from '../../src/schemas/client.ts';

export const TRICKY = [
  '',
  'you@icloud.com',
  "o'brien@icloud.com",
  'say "hi"@icloud.com',
  'back\\slash@icloud.com',
  'trailing\\',
  "o'brien$x\\y@icloud.com",
  '$HOME ${HOME} $(id) `id` #{x} #@x #$x',
  '%U %H %C %M %25 %s %%',
  '%F@icloud.com',
  '100% sure@icloud.com',
  'ünïcødé@ícloud.com',
  '日本語@例え.jp',
  'emoji 😀 and 👩‍👩‍👧@x',
  'tab\there',
  'new\nline',
  'cr\rx',
  'nul\0x',
  'del\x7f c1\x85 ls\u2028 ps\u2029 bom\ufeff',
  ' leading and trailing ',
  '# hash ; semi = eq : colon ! bang',
  '{address} {{x}} {smtp.server}',
  '\\u0041 \\x41 \\n \\101 \\t',
  "'",
  '"',
  '\\',
  '?#/@:[]!&()*+,=',
  'a'.repeat(300) + '@icloud.com',
];
export const LONE = ['\ud800x', 'x\udc00'];

/** For each language: does the format promise to hold this text? (false: it must refuse it.) */
export const holds: Record<SnippetLanguage, (s: string) => boolean> = {
  shell: (s) => !s.includes('\0'),
  python: () => true,
  javascript: () => true,
  php: () => true,
  ruby: () => true,
  go: () => true,
  csharp: () => true,
  java: () => true,
  yaml: () => true,
  compose: () => true,
  dotenv: (s) => !/[\0-\x1f\x7f]/.test(s) && !(s.includes("'") && /["\\$`]/.test(s)),
  properties: () => true,
  gitconfig: (s) => !/[\0-\x07\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(s),
  msmtp: (s) => s !== '' && !/[\0-\x1f\x7f]/.test(s) && !/%[A-Za-z]/.test(s) && Buffer.byteLength(s) <= 400,
  muttrc: (s) => !/[\0\n\r]/.test(s),
  ini: (s) => !/[\0-\x1f\x7f]/.test(s) && !/%\(|\$\{|\$__/.test(s),
  elixir: () => true,
  rust: () => true,
  powershell: (s) => !s.includes('\0'),
  url: () => true,
};

/** A minimal source file holding one literal, per language. */
export const wrap: Record<SnippetLanguage, (lit: string) => string> = {
  shell: (lit) => `emit ${lit}\n`,
  python: (lit) => `x = ${lit}\n`,
  javascript: (lit) => `x = ${lit};\n`,
  php: (lit) => `<?php $x = ${lit};\n`,
  ruby: (lit) => `x = ${lit}\n`,
  go: (lit) => `package main\n\nvar x = ${lit}\n`,
  csharp: (lit) => `var x = ${lit};\n`,
  java: (lit) => `class T { String x = ${lit}; }\n`,
  yaml: (lit) => `k: ${lit}\n`,
  compose: (lit) => `services:\n  t:\n    environment:\n      K: ${lit}\n`,
  dotenv: (lit) => `K=${lit}\n`,
  properties: (lit) => `k=${lit}\n`,
  gitconfig: (lit) => `[t]\n\tk = ${lit}\n`,
  msmtp: (lit) => `account t\nhost h\nuser ${lit}\n`,
  muttrc: (lit) => `set my_k = ${lit}\n`,
  ini: (lit) => `[mailer]\nUSER = ${lit}\n`,
  elixir: (lit) => `config :app, App.Mailer,\n  username: ${lit},\n  port: 1\n`,
  rust: (lit) => `fn main() {\n    let x = ${lit};\n}\n`,
  powershell: (lit) => `$x = ${lit}\nWrite-Output $x\n`,
  url: (lit) => `smtp://${lit}:pw@host.invalid:1/?from=${lit}\n`,
};
