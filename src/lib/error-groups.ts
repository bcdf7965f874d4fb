// The headings of /errors/, in page order: what goes wrong, in the reader's words.
import type { ErrorGroup } from '../schemas/error.ts';

export const errorGroups: { id: ErrorGroup; title: string }[] = [
  { id: 'tls-mode', title: 'Wrong security setting for the port (SSL/TLS or STARTTLS)' },
  { id: 'authentication', title: 'Password or username rejected' },
  { id: 'sender', title: 'The sender address is refused' },
  { id: 'limits', title: 'Sending limits and message size' },
  { id: 'network', title: 'No connection: timeouts, refusals, DNS' },
  { id: 'certificate', title: 'Certificate errors' },
  { id: 'inbound', title: 'Mail sent to an iCloud address bounces' },
  { id: 'delivery', title: "Your message bounced: the recipient's server refused it" },
  { id: 'imap', title: 'Reading mail over IMAP' },
  { id: 'other-tools', title: 'Tools that are not mail programs' },
];
