// Loads a tree-sitter grammar (a WebAssembly build shipped in its npm package) once, and parses
// source text with it; a parse with an ERROR or MISSING node throws with the text near it.
import { repoRoot } from '../root.ts';

export type TSNode = { type: string; text: string; hasError: boolean; isMissing: boolean; children: TSNode[] };
type Parser = { parse(s: string): { rootNode: TSNode } };
const parsers = new Map<string, Promise<Parser>>();

async function load(wasm: string): Promise<Parser> {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const p = new Parser();
  p.setLanguage(await Language.load(new URL(wasm, repoRoot).pathname));
  return p as unknown as Parser;
}

/** Every node of the tree, depth first. */
export function allNodes(n: TSNode, out: TSNode[] = []): TSNode[] {
  out.push(n);
  n.children.forEach((c) => allNodes(c, out));
  return out;
}

/** The nodes of `src` parsed with the grammar in `wasm` (a path from the repository root). */
export async function parseWith(wasm: string, language: string, src: string): Promise<TSNode[]> {
  if (!parsers.has(wasm)) parsers.set(wasm, load(wasm));
  const root = (await parsers.get(wasm)!).parse(src).rootNode;
  const all = allNodes(root);
  const bad = all.find((n) => n.type === 'ERROR' || n.isMissing);
  if (root.hasError || bad) throw new Error(`${language} syntax error near: ${bad?.text ?? '?'}\n${src}`);
  return all;
}
