// curl's config file syntax (`curl --config file`, or `--config -` for standard input), as
// parseconfig.c reads it: `name = value`, `name: value` or `name value`; a double-quoted value takes
// the escapes \\ \" \t \n \r \v (any other backslash drops the backslash); an unquoted value ends at
// the first blank. `#` starts a comment line.
export function curlConfig(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const name = /^[^ \t=:]+/.exec(line)?.[0] ?? '';
    let rest = line.slice(name.length).replace(/^[ \t]*[=:]?[ \t]*/, '');
    let value = '';
    if (rest.startsWith('"')) {
      rest = rest.slice(1);
      let i = 0;
      for (; i < rest.length && rest[i] !== '"'; i++) {
        if (rest[i] === '\\' && i + 1 < rest.length) {
          const e = rest[++i]!;
          value += { t: '\t', n: '\n', r: '\r', v: '\v' }[e] ?? e;
        } else value += rest[i];
      }
      if (i >= rest.length) throw new Error(`curl config: unclosed quote in ${JSON.stringify(raw)}`);
    } else value = /^[^ \t]*/.exec(rest)![0];
    out.push([name.replace(/^--/, ''), value]);
  }
  return out;
}
