// Go and C# through tree-sitter grammars (WebAssembly builds from npm, in process). The parse must
// have no error or missing node; string literals are then decoded by each language's escape rules
// (./escapes.ts).
import type { Reader } from './tools.ts';

type Node = { type: string; text: string; hasError: boolean; isMissing: boolean; children: Node[] };
type Parser = { parse(s: string): { rootNode: Node } };
const grammarFiles = {
  go: 'tree-sitter-go/tree-sitter-go.wasm',
  csharp: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
} as const;
const parsers = new Map<keyof typeof grammarFiles, Parser>();

async function parserFor(language: keyof typeof grammarFiles): Promise<Parser> {
  let parser = parsers.get(language);
  if (!parser) {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const p = new Parser();
    p.setLanguage(
      await Language.load(new URL(`../../../node_modules/${grammarFiles[language]}`, import.meta.url).pathname),
    );
    parser = p as unknown as Parser;
    parsers.set(language, parser);
  }
  return parser;
}

function nodes(n: Node, out: Node[] = []): Node[] {
  out.push(n);
  n.children.forEach((c) => nodes(c, out));
  return out;
}

/** A reader that returns the decoded text of every `literal` node of a tree-sitter parse. */
export function treeSitterReader(
  language: keyof typeof grammarFiles,
  literal: string,
  decode: (s: string) => string,
): Reader {
  return async (sources) => {
    const parser = await parserFor(language);
    return sources.map((src) => {
      const root = parser.parse(src).rootNode;
      const all = nodes(root);
      const bad = all.find((n) => n.type === 'ERROR' || n.isMissing);
      if (root.hasError || bad) throw new Error(`${language} syntax error near: ${bad?.text ?? '?'}`);
      return all.filter((n) => n.type === literal).map((n) => decode(n.text));
    });
  };
}
