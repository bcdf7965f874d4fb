// The components MDX content may use without importing them (content/faq, content/pages), and `a`,
// which puts Markdown links to site paths under the base.
/* eslint-disable @typescript-eslint/no-unsafe-assignment -- typed lint cannot see inside .astro
   components; `astro check` types them. */
import Setting from './Setting.astro';
import Snippet from './Snippet.astro';
import FaqLink from './FaqLink.astro';
import SettingsTable from './SettingsTable.astro';
import SiteLink from './SiteLink.astro';

export const mdxComponents = { Setting, Snippet, FaqLink, SettingsTable, a: SiteLink };
