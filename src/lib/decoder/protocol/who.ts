/**
 * Who answered, from the host names the text carries and the settings: iCloud's sending server,
 * iCloud's inbound MX (the `inbound-mx` hosts among the settings' wrong hosts, and their numbered
 * siblings), iCloud's IMAP server, Apple's relay, the recipient's server named in a bounce, or a
 * server the text does not name. Host names always come from the settings, never from here.
 */
import type { ProtocolSettings, Who } from './types.ts';

/** The inbound MX host names in the settings. */
export function inboundHosts(s: ProtocolSettings | undefined): string[] {
  return Object.values(s?.wrongHosts ?? {})
    .filter((h) => h.status === 'inbound-mx')
    .map((h) => h.value.toLowerCase());
}

/** Whether `host` is one of iCloud's inbound MX hosts: a listed one, or `mx<digits>.` under the same domain. */
export function isInboundHost(host: string, s: ProtocolSettings | undefined): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return inboundHosts(s).some((mx) => {
    if (h === mx) return true;
    const domain = mx.slice(mx.indexOf('.') + 1);
    return h.endsWith(`.${domain}`) && /^mx\d{0,3}$/.test(h.slice(0, -domain.length - 1));
  });
}

/** Whether the lower-case text names an inbound MX host anywhere. */
export function namesInbound(lower: string, s: ProtocolSettings | undefined): boolean {
  const domains = new Set(inboundHosts(s).map((mx) => mx.slice(mx.indexOf('.') + 1)));
  for (const domain of domains) {
    for (let i = lower.indexOf(domain); i > 0; i = lower.indexOf(domain, i + 1)) {
      const label = /mx\d{0,3}\.$/.exec(lower.slice(Math.max(0, i - 7), i));
      if (label && !/[a-z0-9-]/.test(lower[i - label[0].length - 1] ?? ' ')) return true;
    }
  }
  return false;
}

export interface WhoInput {
  lower: string;
  bounce: boolean;
  remoteHost: string | null;
  side: 'smtp' | 'imap' | null;
  /** Whether a server replied at all (an SMTP or IMAP code); else the program or system speaks. */
  serverReplied: boolean;
}

/** Who answered. */
export function whoAnswered(x: WhoInput, s: ProtocolSettings | undefined): Who {
  const names = (v: string | undefined) => Boolean(v && x.lower.includes(v.toLowerCase()));
  if (x.remoteHost && isInboundHost(x.remoteHost, s)) return 'icloud-inbound';
  if (x.remoteHost && x.bounce) return 'recipient-server';
  if (names(s?.relayDomain?.value) && x.serverReplied) return 'relay';
  if (namesInbound(x.lower, s) && x.serverReplied) return 'icloud-inbound';
  if (x.bounce && x.serverReplied) return 'recipient-server';
  if (!x.serverReplied) return 'local';
  if (x.side === 'imap') return names(s?.imap.server?.value) ? 'icloud-imap' : 'imap-server';
  return names(s?.smtp.server?.value) ? 'icloud-smtp' : 'smtp-server';
}

/** Who answered, in words (server names from the settings only, never from the pasted text). */
export function describeWho(who: Who, s: ProtocolSettings | undefined): string {
  const smtp = s?.smtp.server?.value;
  const imap = s?.imap.server?.value;
  switch (who) {
    case 'icloud-smtp':
      return `iCloud’s sending server${smtp ? ` (${smtp})` : ''}`;
    case 'icloud-inbound':
      return 'iCloud’s inbound mail server (the one that receives mail for iCloud addresses)';
    case 'icloud-imap':
      return `iCloud’s IMAP server${imap ? ` (${imap})` : ''}`;
    case 'recipient-server':
      return 'the recipient’s mail server, quoted in a bounce';
    case 'relay':
      return 'Apple’s relay for private addresses';
    case 'smtp-server':
      return 'the SMTP server your program talked to';
    case 'imap-server':
      return 'the IMAP server your program talked to';
    default:
      return 'your program or its system (the text holds no reply from a mail server)';
  }
}
