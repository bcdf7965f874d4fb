// The imports of an ES module, read with a real JavaScript parser (acorn).
import { parse as parseJs } from 'acorn';

export interface ModuleRefs {
  /** `import … from`, `export … from` and bare `import '…'` specifiers. */
  static: string[];
  /** `import('…')` specifiers written as literals. */
  dynamic: string[];
  /** Dynamic imports whose specifier is computed at run time (cannot be followed). */
  computed: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- walking acorn's untyped ESTree */
/** Static `import`/`export … from` and dynamic `import()` specifiers of an ES module. Throws on a syntax error. */
export function moduleRefs(source: string): ModuleRefs {
  const ast = parseJs(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const refs: ModuleRefs = { static: [], dynamic: [], computed: 0 };
  const literal = (node: any): string | undefined => {
    if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
    return undefined;
  };
  const visit = (node: any): void => {
    if (!node || typeof node.type !== 'string') return;
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportAllDeclaration' ||
        node.type === 'ExportNamedDeclaration') &&
      node.source
    ) {
      refs.static.push(node.source.value);
    } else if (node.type === 'ImportExpression') {
      const spec = literal(node.source);
      if (spec === undefined) refs.computed++;
      else refs.dynamic.push(spec);
    }
    for (const key of Object.keys(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === 'object') visit(child);
    }
  };
  visit(ast);
  return refs;
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */
