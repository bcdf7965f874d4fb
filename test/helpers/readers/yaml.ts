// YAML through the `yaml` package (YAML 1.2, strict, in process) and, for the interop run, PyYAML
// too (YAML 1.1, as Home Assistant reads it): both must see the same strings.
import { parseDocument } from 'yaml';
import { pythonJobs } from './python.ts';
import { agree, type Reader } from './tools.ts';
import { strings } from './walk.ts';

/** `!secret name` reads as `SECRET:name`, as Home Assistant's loader would substitute it. */
export const yamlPackage: Reader = async (sources) =>
  Promise.resolve(
    sources.map((src) => {
      const doc = parseDocument(src, { customTags: [{ tag: '!secret', resolve: (s: string) => `SECRET:${s}` }] });
      if (doc.errors.length) throw new Error(`YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
      return strings(doc.toJS());
    }),
  );

export const yamlWithPyyaml: Reader = async (sources) => {
  const own = await yamlPackage(sources);
  const py = pythonJobs(sources.map((src) => ({ lang: 'yaml', src })));
  return own.map((list, i) => agree('YAML (yaml, PyYAML)', list, py[i]!, sources[i]!));
};
