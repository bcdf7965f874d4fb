// msmtp configuration files: a port of msmtp's own reading (get_next_cmd and trim_string in conf.c,
// in process) and, for the interop run, `msmtp --pretend` itself, which prints the account it would
// use: both must see the same user, host and from (msmtp prints from with its patterns expanded).
import { agree, lines, run, tempFile, type Reader } from './tools.ts';

/**
 * Each command and its argument, as msmtp reads them: a leading and trailing blank is dropped, one
 * pair of surrounding double quotes is removed (nothing inside is unescaped), `#` starts a comment
 * line. In `from`, msmtp expands `%` followed by a letter (%U %H %C %M, and %F since 1.8.29): shown
 * here as `<expanded %X>` so a test sees that the value would change.
 */
export function msmtpArgs(src: string): [string, string][] {
  const out: [string, string][] = [];
  for (let line of src.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = line.replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const cmd = /^[^ \t]*/.exec(line)![0];
    let arg = line.slice(cmd.length).replace(/^[ \t]+|[ \t]+$/g, '');
    if (arg.length >= 2 && arg.startsWith('"') && arg.endsWith('"')) arg = arg.slice(1, -1);
    if (cmd === 'from') arg = arg.replace(/%([A-Za-z])/g, '<expanded %$1>');
    out.push([cmd, arg]);
  }
  return out;
}

export const msmtpPort: Reader = async (sources) =>
  Promise.resolve(sources.map((src) => msmtpArgs(src).map(([, arg]) => arg)));

/** What msmtp --pretend prints for the last account of a file: host, user and from, when set. */
export function msmtpPretend(src: string): Map<string, string> {
  const file = tempFile('msmtprc', src, 0o600);
  const accounts = msmtpArgs(src)
    .filter(([c]) => c === 'account')
    .map(([, a]) => a.split(':')[0]!.trim());
  const out = run('msmtp', ['-C', file, '-a', accounts.at(-1) ?? 'default', '--pretend']);
  return new Map(
    lines(out, /^(user|host|from) = ([^]*)$/)
      .filter((m) => m[2] !== '(not set)')
      .map((m) => [m[1]!, m[2]!]),
  );
}

export const msmtpWithProgram: Reader = async (sources) =>
  Promise.resolve(
    sources.map((src) => {
      const args = msmtpArgs(src);
      const real = msmtpPretend(src);
      // The last value of each command wins, as in msmtp. A from with a pattern is expanded by
      // msmtp to local names, so it cannot be compared (the quoting never writes one).
      const own = new Map(args.filter(([c]) => c === 'user' || c === 'host' || c === 'from'));
      const names = [...own.keys()].filter((c) => !own.get(c)!.includes('<expanded %')).sort();
      agree(
        'msmtp (conf.c port, msmtp --pretend)',
        names.map((c) => `${c} = ${own.get(c)}`),
        names.map((c) => `${c} = ${real.get(c) ?? '(not set)'}`),
        src,
      );
      return args.map(([, arg]) => arg);
    }),
  );
