// PHP through php-parser (in process, PHP 8 grammar, errors not suppressed).
import { Engine as PhpParser } from 'php-parser';
import type { Reader } from './tools.ts';
import { collect } from './walk.ts';

export const php: Reader = async (sources) => {
  const parser = new PhpParser({ parser: { php8: true, suppressErrors: false }, ast: { withPositions: false } });
  return Promise.resolve(
    sources.map((src) =>
      collect(parser.parseCode(src.startsWith('<?php') ? src : `<?php\n${src}`, 'snippet.php'), (n) =>
        n['kind'] === 'string' ? (n['value'] as string) : undefined,
      ),
    ),
  );
};
