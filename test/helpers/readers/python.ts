// Python, and YAML as PyYAML reads it, through python3 itself: one process for a batch of sources.
import { run, type Reader } from './tools.ts';

const PROGRAM = String.raw`
import ast, json, sys
def strings(o, out):
    if isinstance(o, str): out.append(o)
    elif isinstance(o, dict):
        for k, v in o.items(): strings(k, out); strings(v, out)
    elif isinstance(o, list):
        for x in o: strings(x, out)
    return out
jobs = json.load(sys.stdin)
if any(job['lang'] == 'yaml' for job in jobs):
    import yaml
    class Loader(yaml.SafeLoader): pass
    Loader.add_constructor('!secret', lambda loader, node: 'SECRET:' + loader.construct_scalar(node))
res = []
for job in jobs:
    try:
        if job['lang'] == 'python':
            res.append({'ok': [n.value for n in ast.walk(ast.parse(job['src'])) if isinstance(n, ast.Constant) and isinstance(n.value, str)]})
        else:
            res.append({'ok': strings(yaml.load(job['src'], Loader=Loader), [])})
    except Exception as e:
        res.append({'error': repr(e)})
sys.stdout.write(json.dumps(res))
`;

/** Every string python3 sees in each source: `ast` constants for Python, PyYAML values for YAML. */
export function pythonJobs(jobs: { lang: 'python' | 'yaml'; src: string }[]): string[][] {
  if (!jobs.length) return [];
  const results = JSON.parse(run('python3', ['-c', PROGRAM], JSON.stringify(jobs))) as {
    ok?: string[];
    error?: string;
  }[];
  return results.map((r, i) => {
    if (r.error !== undefined)
      throw new Error(`python3 could not read ${jobs[i]!.lang} source: ${r.error}\n${jobs[i]!.src}`);
    return r.ok ?? [];
  });
}

export const python: Reader = async (sources) =>
  Promise.resolve(pythonJobs(sources.map((src) => ({ lang: 'python', src }))));
