// C# through tree-sitter-c-sharp (in process).
import { csharpString } from './escapes.ts';
import { treeSitterReader } from './tree-sitter.ts';

export const csharp = treeSitterReader('csharp', 'string_literal', csharpString);
