// JavaScript through acorn (in process).
import * as acorn from 'acorn';
import type { Reader } from './tools.ts';
import { collect } from './walk.ts';

export const javascript: Reader = async (sources) =>
  Promise.resolve(
    sources.map((src) =>
      collect(acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'module' }), (n) =>
        n['type'] === 'Literal' && typeof n['value'] === 'string' ? n['value'] : undefined,
      ),
    ),
  );
