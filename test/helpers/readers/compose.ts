// A Compose file (docker-compose.yml): YAML, then Compose's interpolation of every string value
// ($$ is a literal $, ${VAR} and $VAR come from the environment). In process: the yaml package and
// a port of the interpolation rules of the Compose specification (interpolation.md). For the
// interop run, Debian's docker-compose too (`docker-compose config`, which prints the file with
// the variables filled in and every literal $ written again as $$): both must see the same strings.
import { parseDocument, type Document } from 'yaml';
import { PASSWORD_FROM_ENV, agree, run, tempFile, type Reader } from './tools.ts';
import { strings } from './walk.ts';

const ENV: Record<string, string> = { ICLOUD_APP_PASSWORD: PASSWORD_FROM_ENV };

/**
 * Compose's interpolation of one string: `$$` is `$`; `${NAME}`, `${NAME:-default}`, `${NAME-default}`
 * and `$NAME` are replaced from the environment (unset gives the default, or ''); a `$` followed by
 * anything else is an error, as in Compose ("Invalid interpolation format").
 */
export function interpolate(value: string, env: Record<string, string> = ENV): string {
  return value.replace(
    /\$(?:\$|\{([A-Za-z_]\w*)(?:(:?-)([^}]*))?\}|([A-Za-z_]\w*)|)/g,
    (all, braced?: string, op?: string, def?: string, bare?: string) => {
      if (all === '$$') return '$';
      const name = braced ?? bare;
      if (!name) throw new Error(`Compose: invalid interpolation format in ${JSON.stringify(value)}`);
      const v = env[name];
      if (op === ':-') return v ? v : (def ?? '');
      if (op === '-') return v ?? def ?? '';
      return v ?? '';
    },
  );
}

function parse(src: string): Document {
  const doc = parseDocument(src);
  if (doc.errors.length) throw new Error(`YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc;
}

/** Keys stay as written (Compose interpolates values only). */
function interpolated(node: unknown): unknown {
  if (typeof node === 'string') return interpolate(node);
  if (Array.isArray(node)) return node.map(interpolated);
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolated(v)]));
  return node;
}

export const composePort: Reader = async (sources) =>
  Promise.resolve(sources.map((src) => strings(interpolated(parse(src).toJS()))));

/**
 * docker-compose needs an image for each service, and a snippet shows only the part to add: one is
 * added as text under each service (two-space keys), so every scalar stays exactly as written.
 */
function runnable(src: string): string {
  return src.replace(/^( {2}[A-Za-z0-9_.-]+:[ \t]*\n)/gm, '$1    image: example\n');
}

/** Numbers and booleans as text: Compose hands environment values to the container as strings. */
const asStrings = (data: unknown): unknown =>
  JSON.parse(
    JSON.stringify(data, (_k, v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v)),
  );

export const composeWithProgram: Reader = async (sources) => {
  const own = await composePort(sources);
  return own.map((list, i) => {
    const out = run('docker-compose', ['-f', tempFile('docker-compose.yml', runnable(sources[i]!)), 'config']);
    const { services } = parse(out).toJS() as { services: Record<string, Record<string, unknown>> };
    const mine = Object.fromEntries(Object.entries(services).map(([name, { image: _image, ...rest }]) => [name, rest]));
    // `config` writes every literal $ of a value as $$ again; the container gets one.
    const seen = strings(asStrings({ services: mine })).map((s) => s.replace(/\$\$/g, '$'));
    const ownAsStrings = strings(asStrings(interpolated(parse(sources[i]!).toJS())));
    agree('Compose (port, docker-compose)', ownAsStrings, seen, sources[i]!);
    return list;
  });
};
