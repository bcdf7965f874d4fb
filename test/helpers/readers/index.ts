// One reader per snippet language. `inProcess` runs only npm packages (hermetic: unit and content
// tests); `full` also runs the real programs named in `tools` (interop tests), and where both exist
// they must agree.
import type { SnippetLanguage } from '../../../src/schemas/client.ts';
import { csharp } from './csharp.ts';
import { dotenv } from './dotenv.ts';
import { gitconfig } from './gitconfig.ts';
import { go } from './go.ts';
import { java } from './java.ts';
import { javascript } from './javascript.ts';
import { msmtpPort, msmtpWithProgram } from './msmtp.ts';
import { muttrcPort, muttrcWithProgram } from './muttrc.ts';
import { php } from './php.ts';
import { propertiesPackage, propertiesWithJava } from './properties.ts';
import { python } from './python.ts';
import { ruby } from './ruby.ts';
import { shell } from './shell.ts';
import type { Reader, Tool } from './tools.ts';
import { yamlPackage, yamlWithPyyaml } from './yaml.ts';
import { composePort, composeWithProgram } from './compose.ts';
import { readElixir } from './elixir.ts';
import { iniPort, readIni } from './ini.ts';
import { readPowershell } from './powershell.ts';
import { readRust } from './rust.ts';
import { readUrl, urlWhatwg } from './url.ts';

export interface LanguageReader {
  /** A parser that runs inside Node (an npm package, or a port of the program's own reading code). */
  inProcess?: Reader;
  /** The real program too, where there is one; needs `tools`. */
  full: Reader;
  /** External programs `full` runs. */
  tools: Tool[];
}

const npmOnly = (reader: Reader): LanguageReader => ({ inProcess: reader, full: reader, tools: [] });

export const readers: Record<SnippetLanguage, LanguageReader> = {
  javascript: npmOnly(javascript),
  php: npmOnly(php),
  ruby: npmOnly(ruby),
  go: npmOnly(go),
  csharp: npmOnly(csharp),
  dotenv: npmOnly(dotenv),
  yaml: { inProcess: yamlPackage, full: yamlWithPyyaml, tools: ['python3', 'pyyaml'] },
  compose: { inProcess: composePort, full: composeWithProgram, tools: ['docker-compose'] },
  properties: { inProcess: propertiesPackage, full: propertiesWithJava, tools: ['java'] },
  msmtp: { inProcess: msmtpPort, full: msmtpWithProgram, tools: ['msmtp'] },
  muttrc: { inProcess: muttrcPort, full: muttrcWithProgram, tools: ['mutt'] },
  python: { full: python, tools: ['python3'] },
  java: { full: java, tools: ['java'] },
  shell: { full: shell, tools: ['bash'] },
  gitconfig: { full: gitconfig, tools: ['git'] },
  ini: { inProcess: iniPort, full: readIni, tools: ['python3'] },
  elixir: npmOnly(readElixir),
  rust: npmOnly(readRust),
  powershell: npmOnly(readPowershell),
  url: { inProcess: urlWhatwg, full: readUrl, tools: ['python3'] },
};
