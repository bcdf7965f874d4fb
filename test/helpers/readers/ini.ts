// INI as Gitea, Forgejo and Grafana read it: they use go-ini (gopkg.in/ini.v1). goIniValues() ports
// go-ini's parser.go (readKeyName, readValue) for `key = value` lines: a value that starts with
// """ or ` runs to the last """ or ` of the line, taken as is; otherwise ';' or '#' starts a comment
// and one pair of surrounding quotes is removed. Python's configparser (no interpolation, '=' as the
// only delimiter) reads the same file as a second, independent check of its sections and keys.
import { spawnSync } from 'node:child_process';

/** go-ini's readValue for the text after the '=' (continuation lines are off, as in Gitea). */
export function goIniValue(rest: string): string {
  let line = rest.replace(/^\s+/u, '');
  if (line === '') return '';
  const q = line.length > 3 && line.startsWith('"""') ? '"""' : line.startsWith('`') ? '`' : '';
  if (q) {
    const pos = line.slice(q.length).lastIndexOf(q);
    if (pos < 0) throw new Error(`go-ini: unclosed ${q} (multi-line values are not used here): ${line}`);
    return line.slice(q.length, q.length + pos);
  }
  line = line.trim();
  const i = line.search(/[#;]/);
  if (i > -1) line = line.slice(0, i).trim();
  const surrounded = (c: string) =>
    line.length >= 2 && line[0] === c && line.at(-1) === c && line.indexOf(c, 1) === line.length - 1;
  if (surrounded("'") || surrounded('"')) line = line.slice(1, -1);
  return line;
}

/** [section, key, value] for each key line, as go-ini reads them; refuses what go-ini or Grafana would rewrite. */
export function goIniValues(src: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  let section = 'DEFAULT';
  for (const raw of src.split('\n')) {
    const line = raw.replace(/^\s+/u, '');
    if (line === '' || line[0] === '#' || line[0] === ';') continue;
    if (line[0] === '[') {
      const close = line.lastIndexOf(']');
      if (close < 0) throw new Error(`go-ini: unclosed section: ${line}`);
      section = line.slice(1, close);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`go-ini: no '=' in: ${line}`);
    const value = goIniValue(line.slice(eq + 1));
    if (/%\(/.test(value)) throw new Error(`go-ini would expand a %(key)s reference in: ${value}`);
    if (/\$(\{|__)/.test(value)) throw new Error(`Grafana would expand a variable in: ${value}`);
    out.push([section, line.slice(0, eq).trim(), value]);
  }
  return out;
}

const PYTHON = String.raw`
import configparser, json, sys
out = []
for src in json.load(sys.stdin):
    c = configparser.ConfigParser(interpolation=None, delimiters=('=',), comment_prefixes=('#', ';'), strict=True)
    c.optionxform = str
    c.read_string(src)
    out.append([[s, k, v] for s in c.sections() for k, v in c.items(s, raw=True)])
sys.stdout.write(json.dumps(out))
`;

/** The raw values configparser sees, with go-ini's quotes taken off the same way. */
function viaConfigparser(sources: string[]): [string, string, string][][] {
  const r = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`configparser could not read the INI: ${r.stderr}`);
  return JSON.parse(r.stdout) as [string, string, string][][];
}

/** go-ini's reading alone (in process). */
export const iniPort = (sources: string[]): Promise<string[][]> =>
  Promise.resolve(sources.map((src) => goIniValues(src).map(([, , v]) => v)));

/** go-ini's reading, checked against Python's configparser (needs python3). */
export function readIni(sources: string[]): Promise<string[][]> {
  const py = viaConfigparser(sources);
  const out = sources.map((src, n) => {
    const go = goIniValues(src);
    const keys = (x: [string, string, string][]) => JSON.stringify(x.map(([s, k]) => `${s}.${k}`).sort());
    if (keys(go) !== keys(py[n]!))
      throw new Error(`go-ini and configparser see different keys:\n${keys(go)}\n${keys(py[n]!)}`);
    for (const [s, k, raw] of py[n]!) {
      const mine = go.find(([gs, gk]) => gs === s && gk === k)![2];
      if (goIniValue(raw) !== mine)
        throw new Error(
          `${s}.${k}: configparser's raw value ${JSON.stringify(raw)} does not unquote to ${JSON.stringify(mine)}`,
        );
    }
    return go.map(([, , v]) => v);
  });
  return Promise.resolve(out);
}
