/**
 * The diagnosis the decoder shows when no known error entry decides: who answered, the codes and
 * what they mean, the cause and fix for the family, and a second cause with how to tell them apart.
 * Only constants and the codes themselves are returned, never the pasted text.
 */
import { basicMeaning, enhancedMeaning, imapMeaning } from './codes.ts';
import { readProtocol, type Verdict } from './read.ts';
import type { Diagnosis, ProtocolSettings } from './types.ts';
import { describeWho } from './who.ts';
import { FAMILY_LINKS, FAMILY_TITLES, tellApart, wording } from './wording.ts';

const NOT_MAIL_SERVER = 'your program or its system';
/** Upper-cases the first letter, except in a name such as iCloud. */
const sentence = (t: string) => (/^i[A-Z]/.test(t) ? t : t.charAt(0).toUpperCase() + t.slice(1));
const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);

function codesOf(v: Verdict): Diagnosis['codes'] {
  const codes: Diagnosis['codes'] = {};
  if (v.reply?.code) codes.smtp = v.reply.code;
  if (v.reply?.enhanced) codes.enhanced = v.reply.enhanced;
  if (v.imap?.code) codes.imap = v.imap.code;
  if (v.imap?.status) codes.imapStatus = v.imap.status;
  if (v.clue) codes.evidence = v.clue.evidence;
  return codes;
}

function meaningOf(codes: Diagnosis['codes']): string[] {
  const out: string[] = [];
  const basic = codes.smtp ? basicMeaning(codes.smtp) : null;
  if (codes.smtp && basic) out.push(`${codes.smtp}: ${basic} (SMTP reply code).`);
  if (codes.enhanced)
    out.push(`${codes.enhanced}: ${enhancedMeaning(codes.enhanced)} (enhanced status code, RFC 3463).`);
  const imap = imapMeaning(codes.imap ?? null, codes.imapStatus ?? null);
  if (imap)
    out.push(`${[codes.imapStatus, codes.imap && `[${codes.imap}]`].filter(Boolean).join(' ')}: ${imap} (IMAP).`);
  if (codes.evidence) out.push(`“${codes.evidence}” is how the program or system reports it.`);
  return out;
}

function summaryOf(d: Pick<Diagnosis, 'whoText' | 'codes' | 'who'>, cause: string): string {
  const said = [d.codes.smtp, d.codes.enhanced, d.codes.imapStatus, d.codes.imap && `[${d.codes.imap}]`]
    .filter(Boolean)
    .join(' ');
  const who = sentence(d.whoText);
  if (said) return `${who} replied ${said}: ${lowerFirst(cause)}`;
  if (d.who === 'local') return `${sentence(NOT_MAIL_SERVER)} reported it: ${lowerFirst(cause)}`;
  return `${who}: ${lowerFirst(cause)}`;
}

/** The diagnosis for a text, or null when it is not about mail or nothing in it decides. */
export function diagnose(text: string, s?: ProtocolSettings): Diagnosis | null {
  const v = readProtocol(text, s);
  if (!v) return null;
  const w = wording(v.kind, s);
  const codes = codesOf(v);
  const whoText = describeWho(v.who, s);
  return {
    kind: v.kind,
    title: FAMILY_TITLES[v.kind],
    who: v.who,
    whoText,
    codes,
    meaning: meaningOf(codes),
    summary: summaryOf({ whoText, codes, who: v.who }, w.cause),
    cause: w.cause,
    fix: w.fix,
    alternative: v.alternative
      ? { kind: v.alternative, title: FAMILY_TITLES[v.alternative], tell: tellApart(v.kind, v.alternative) }
      : null,
    link: FAMILY_LINKS[v.kind] ?? null,
  };
}
