// The real snippets (content/clients/*.yaml), filled with tricky addresses, through the parsers
// that run in Node. Languages with no such parser (Python, Java, shell, git config) and the real
// programs behind YAML, .properties, msmtp and mutt are covered by test/interop/snippets.test.ts.
import { loadClients } from '../helpers/clients.ts';
import { loadSettings } from '../helpers/settings.ts';
import { snippetJobs, snippetParseTests } from '../helpers/snippets.ts';

const settings = loadSettings();
snippetParseTests(snippetJobs(loadClients(), settings), settings, 'inProcess');
