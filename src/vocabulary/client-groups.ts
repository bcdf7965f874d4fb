/**
 * The groups of the client index and of the checker's chooser, in this order, with their headings.
 * The one place that says how clients are grouped: the schema (src/schemas/client.ts) takes the
 * ids from here, /clients/ renders the headings, and chooserGroups() (src/lib/checker/checker-model.ts)
 * makes the chooser's <optgroup>s. Plain data, so the islands can use it without zod.
 */
export const CLIENT_GROUPS = [
  { id: 'apple', heading: 'Apple Mail on iPhone, iPad and Mac', section: 'Email apps' },
  { id: 'microsoft', heading: 'Outlook', section: 'Email apps' },
  { id: 'mozilla', heading: 'Thunderbird and Betterbird', section: 'Email apps' },
  { id: 'google', heading: 'Gmail', section: 'Email apps' },
  { id: 'desktop', heading: 'Other desktop email apps', section: 'Email apps' },
  { id: 'mobile', heading: 'Other phone and tablet email apps', section: 'Email apps' },
  { id: 'self-hosted', heading: 'Self-hosted apps', section: 'Apps, servers and devices that send mail' },
  { id: 'server', heading: 'Servers, NAS and firewalls', section: 'Apps, servers and devices that send mail' },
  {
    id: 'device',
    heading: 'Printers, scanners and other devices',
    section: 'Apps, servers and devices that send mail',
  },
  { id: 'library', heading: 'Libraries', section: 'Code and command line' },
  { id: 'framework', heading: 'Frameworks', section: 'Code and command line' },
  { id: 'command-line', heading: 'Command line', section: 'Code and command line' },
] as const;

/** The id of a group (the `group` field of a client entry). */
export type ClientGroupId = (typeof CLIENT_GROUPS)[number]['id'];
