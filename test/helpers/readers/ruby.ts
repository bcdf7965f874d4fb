// Ruby through Prism, Ruby's own parser, compiled to WebAssembly (in process).
import type { Reader } from './tools.ts';
import { collect } from './walk.ts';

let prism: ((src: string) => { value: unknown; errors: { message: string }[] }) | undefined;

export const ruby: Reader = async (sources) => {
  if (!prism) {
    const { loadPrism } = await import('@ruby/prism');
    prism = await loadPrism();
  }
  return sources.map((src) => {
    const result = prism!(src);
    if (result.errors.length) throw new Error(`Ruby syntax: ${result.errors.map((e) => e.message).join('; ')}`);
    return collect(result.value, (n) => {
      if (n.constructor?.name !== 'StringNode') return undefined;
      const u = n['unescaped'] as { value: string; validEncoding: boolean };
      if (!u.validEncoding) throw new Error('Ruby string with invalid encoding');
      return u.value;
    });
  });
};
