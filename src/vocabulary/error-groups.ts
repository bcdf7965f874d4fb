/**
 * The groups of /errors/, in page order, each with its heading in the reader's words. The one place
 * that names them: the schema (src/schemas/error.ts) builds its enum from these ids, so an entry in a
 * group without a heading cannot exist, and a wrong `group` stops the build with the file's name.
 */
export const ERROR_GROUPS = [
  { id: 'tls-mode', title: 'Wrong security setting for the port (SSL/TLS or STARTTLS)' },
  { id: 'authentication', title: 'Password or username rejected' },
  { id: 'sender', title: 'The sender address is refused' },
  { id: 'limits', title: 'Sending limits and message size' },
  { id: 'network', title: 'No connection: timeouts, refusals, DNS' },
  { id: 'certificate', title: 'Certificate errors' },
  { id: 'inbound', title: 'Mail sent to an iCloud address bounces' },
  { id: 'delivery', title: 'Your message bounced: the recipient’s server refused it' },
  { id: 'imap', title: 'Reading mail over IMAP' },
  { id: 'other-tools', title: 'Tools that are not mail programs' },
] as const;

/** The id of a group (the `group` field of an error entry). */
export type ErrorGroupId = (typeof ERROR_GROUPS)[number]['id'];

/** The ids in page order, as a tuple for z.enum. */
export const errorGroupIds = ERROR_GROUPS.map((g) => g.id) as [ErrorGroupId, ...ErrorGroupId[]];
