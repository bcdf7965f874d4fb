// Go through tree-sitter-go (in process).
import { goString } from './escapes.ts';
import { treeSitterReader } from './tree-sitter.ts';

export const go = treeSitterReader('go', 'interpreted_string_literal', goString);
