// git config files through git itself (`git config --file … --list --null`): the values.
import { run, tempFile, type Reader } from './tools.ts';

export const gitconfig: Reader = async (sources) =>
  Promise.resolve(
    sources.map((src) => {
      const out = run('git', ['config', '--file', tempFile('snippet.gitconfig', src), '--list', '--null']);
      return out
        .split('\0')
        .slice(0, -1)
        .map((entry) => entry.slice(entry.indexOf('\n') + 1));
    }),
  );
