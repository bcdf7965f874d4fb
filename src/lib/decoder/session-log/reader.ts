/**
 * Session logs: finding where an SMTP or IMAP session stopped.
 *
 * Reads transcripts printed by swaks, `openssl s_client` (with or without the typed lines echoed),
 * `curl -v`, `msmtp --debug`, `C:`/`S:` transcripts (our PowerShell test and many libraries) and
 * Python's smtplib debug output. Pure functions: no Astro, no Preact, no settings values typed here.
 *
 * Every pattern is anchored or linear (no nested quantifiers), and the text is read one line at a
 * time, so a megabyte of hostile input is handled in milliseconds.
 */
import {
  IMAP_CONT,
  IMAP_TAGGED,
  IMAP_UNTAGGED,
  SMTP_REPLY,
  endsInsideReply,
  looksServer,
  unquotePython,
} from './lines.ts';
import { maskLines } from './mask.ts';
import {
  CONNECTED,
  CUT_OFF,
  type Cmd,
  IMAP_CLIENT,
  IMAP_VERBS,
  MILESTONES,
  MUST_STARTTLS,
  NO_STARTTLS,
  OPENSSL,
  POWERSHELL,
  RANK,
  SMTP_CLIENT,
  SMTP_CLIENT_STRICT,
  TLS_STARTED,
  TOOL_ERROR,
  VERIFIED,
  causeOf,
  smtpCmd,
  stageText,
  toolStage,
} from './stages.ts';
import type { Milestone, SessionLogSettings, SessionReading, Stage, Tool } from './types.ts';

class Reader {
  smtp = 0;
  imap = 0;
  /** How many lines show this is a session log (two are enough). */
  evidence = 0;
  lastEvidence = -1;
  cur = 0;

  ev() {
    if (this.lastEvidence !== this.cur) {
      this.lastEvidence = this.cur;
      this.evidence++;
    }
  }
  tools = new Map<Tool, number>();
  reached = new Set<Milestone>();
  stage: Stage | null = null;
  /** Line of the server reply that shows the failure, or -1. */
  stopReply = -1;
  toolError = -1;
  /** Lines of the program's own failure messages (the first few). */
  hitLines: number[] = [];
  toolErrorSpecific = false;
  lastServer = -1;
  pending: Cmd[] = [];
  sawClient = false;
  inTls = false;
  inData = false;
  inAuth = false;
  offeredThisEhlo = false;
  afterAuth = 0;
  imapTags = new Map<string, string>();

  fail(stage: Stage, reply: number) {
    if (this.stage && RANK.indexOf(stage) < RANK.indexOf(this.stage)) return;
    this.stage = stage;
    if (reply >= 0) this.stopReply = reply;
  }

  progress(m: Milestone) {
    this.reached.add(m);
    if (this.stage === 'no-connection' && (m === 'connected' || m === 'greeting')) this.stage = null;
    if (this.stage === 'auth-rejected' && m === 'authenticated') this.stage = null;
  }

  info(t: string, i: number, prefix: string) {
    // Test-NetConnection's report, and the lines our PowerShell steps print.
    if (POWERSHELL.test(t)) {
      this.tools.set('powershell', (this.tools.get('powershell') ?? 0) + 1);
      this.ev();
    }
    if (OPENSSL.test(t)) {
      this.tools.set('openssl', (this.tools.get('openssl') ?? 0) + 1);
      this.ev();
    }
    if (CONNECTED.test(prefix + t) || CONNECTED.test(t)) {
      this.progress('connected');
      this.ev();
    }
    if (TLS_STARTED.test(prefix + t) || TLS_STARTED.test(t)) {
      this.progress('connected');
      this.progress('tls');
      this.inTls = true;
      this.ev();
    }
    if (VERIFIED.test(prefix + t) || VERIFIED.test(t)) this.progress('certificate-verified');
    // openssl goes on after a certificate it could not verify (an antivirus or proxy that
    // intercepts the connection shows its own): the code says it was not trusted.
    const verify = /^Verify return code: (\d+)/.exec(t);
    if (verify && verify[1] !== '0') {
      if (this.hitLines.length < 20) this.hitLines.push(this.cur);
      if (this.toolError < 0) this.toolError = i;
      this.fail('tls-failed', -1);
    }
    if (/imaps?:\/\//i.test(t)) this.imap++;
    if (/smtps?:\/\//i.test(t)) this.smtp++;
    const isErr =
      TOOL_ERROR.test(prefix + t) ||
      TOOL_ERROR.test(t) ||
      prefix === '<** ' ||
      prefix === '<~* ' ||
      /\] (?:ERROR|FATAL) /.test(prefix);
    // openssl prints "verify error" and goes on; only a failed handshake stops it.
    if (/^verify error:/.test(t)) return;
    // openssl's "Didn't find STARTTLS…" is a warning, not an error line, and it may come first (stderr).
    if (!isErr && prefix !== '* ' && !NO_STARTTLS.test(t)) return;
    let hit = toolStage(t);
    // Once the server has greeted, a dropped connection says nothing about reaching it.
    if (hit === 'no-connection' && this.reached.has('greeting')) hit = null;
    if (hit) {
      if (this.hitLines.length < 20) this.hitLines.push(this.cur);
      this.ev();
      if (isErr && (!this.toolErrorSpecific || this.toolError < 0)) {
        this.toolError = i;
        this.toolErrorSpecific = true;
      }
      this.fail(hit, -1);
    } else if (isErr && this.toolError < 0) this.toolError = i;
  }

  smtpReply(code: string, t: string, i: number) {
    this.smtp++;
    this.progress('connected');
    const n = Number(code);
    const ok = n < 400;
    // PHPMailer's 'html' output joins the lines of a reply: `250-a250-STARTTLS250 b`.
    const final = !t.startsWith(`${code}-`) || t.includes(`${code} `, 4);
    if (/\d{3}[ -]STARTTLS(?![A-Za-z])/i.test(t)) {
      this.progress('starttls-offered');
      this.offeredThisEhlo = true;
    }
    if (!final) return;
    if (MUST_STARTTLS.test(t)) {
      this.pending.shift();
      this.fail('starttls-not-used', i);
      return;
    }
    let c: Cmd | undefined;
    if (code === '334') return; // AUTH goes on
    if (!this.sawClient) {
      // openssl fed from a pipe shows only the replies: tell the command from the reply.
      if ((code === '220' || n >= 500) && !this.reached.has('greeting')) c = undefined;
      else if (code === '235' || code === '535' || code === '534' || code === '454') c = 'auth';
      else if (code === '354') c = 'data';
      else if (code === '221') c = 'quit';
      else if (this.reached.has('authenticated')) c = (['mail', 'rcpt', 'dot'] as const)[Math.min(this.afterAuth, 2)];
      else c = /STARTTLS|^250 /i.test(t) ? 'ehlo' : 'other';
    } else c = this.pending.shift();
    if (c === undefined) {
      if (code === '220') this.progress('greeting');
      else if (n >= 500 && !this.reached.has('greeting')) this.fail('session-refused', i);
      else if (!ok) this.judgeByText(t, i);
      return;
    }
    switch (c) {
      case 'ehlo':
        if (n >= 500) this.fail('session-refused', i);
        else if (ok && !this.inTls && !this.offeredThisEhlo) this.fail('no-starttls-offered', i);
        this.offeredThisEhlo = false;
        break;
      case 'starttls':
        if (ok) {
          this.inTls = true;
          this.progress('tls');
        } else this.fail('no-starttls-offered', i);
        break;
      case 'auth':
        this.inAuth = false;
        if (code === '235') {
          this.progress('authenticated');
          this.afterAuth = 0;
        } else if (!ok) this.fail('auth-rejected', i);
        break;
      case 'mail':
        this.afterAuth = 1;
        if (ok) this.progress('mail-from-accepted');
        else this.fail('mail-from-rejected', i);
        break;
      case 'rcpt':
        this.afterAuth = 2;
        if (ok) this.progress('rcpt-accepted');
        else this.fail('rcpt-rejected', i);
        break;
      case 'data':
        // The next final reply answers the end of the message (curl never prints the lone ".").
        if (code === '354') this.pending.unshift('dot');
        else {
          this.inData = false;
          if (!ok) this.fail('message-rejected', i);
        }
        break;
      case 'dot':
        if (ok) this.progress('message-accepted');
        else this.fail('message-rejected', i);
        break;
      default:
        if (!ok) this.judgeByText(t, i);
    }
  }

  judgeByText(t: string, i: number) {
    if (/\b5\.7\.8\b|^535|authentication/i.test(t)) this.fail('auth-rejected', i);
    else if (/from address|sender/i.test(t)) this.fail('mail-from-rejected', i);
    else if (/recipient|\b5\.1\.1\b/i.test(t)) this.fail('rcpt-rejected', i);
  }

  imapReply(t: string, i: number) {
    this.imap++;
    this.progress('connected');
    if (/^\* (?:OK|PREAUTH)\b/i.test(t)) this.progress('greeting');
    if (/^\* CAPABILITY\b.{0,2000}\bSTARTTLS\b/i.test(t) || /\[CAPABILITY [^\]]{0,2000}\bSTARTTLS\b/i.test(t))
      this.progress('starttls-offered');
    if (/^\* BYE\b/i.test(t) && !this.reached.has('greeting')) this.fail('no-connection', i);
    const m = IMAP_TAGGED.exec(t);
    if (!m) return;
    const verb = this.imapTags.get(m[1] ?? '') ?? (/AUTHENTICATIONFAILED|LOGIN|AUTHENTICATE/i.test(t) ? 'LOGIN' : '');
    if (verb === 'LOGIN' || verb === 'AUTHENTICATE') {
      this.inAuth = false;
      if (m[2] === 'OK') this.progress('authenticated');
      else if (MUST_STARTTLS.test(t)) this.fail('starttls-not-used', i);
      else this.fail('auth-rejected', i);
    } else if (verb === 'STARTTLS' && m[2] === 'OK') {
      this.inTls = true;
      this.progress('tls');
    } else if (m[2] !== 'OK' && MUST_STARTTLS.test(t)) this.fail('starttls-not-used', i);
  }

  smtpClient(verb: string, t: string) {
    this.sawClient = true;
    this.smtp++;
    this.ev();
    const c = smtpCmd(verb);
    if ((c === 'auth' || c === 'mail') && !this.inTls && this.reached.has('starttls-offered'))
      this.fail('starttls-not-used', -1);
    if (c === 'auth') this.inAuth = !/^\s*AUTH\s+\S+\s+\S/i.test(t) || /^\s*AUTH\s+LOGIN\b/i.test(t);
    if (c === 'data') this.inData = true;
    this.pending.push(c);
  }

  imapClient(tag: string, verb: string) {
    this.sawClient = true;
    this.imap++;
    this.ev();
    const v = verb.toUpperCase();
    this.imapTags.set(tag, v);
    if ((v === 'LOGIN' || v === 'AUTHENTICATE') && !this.inTls && this.reached.has('starttls-offered'))
      this.fail('starttls-not-used', -1);
    if (v === 'LOGIN' || v === 'AUTHENTICATE') this.inAuth = true;
  }
}

/**
 * Reads an SMTP or IMAP session log: where it stopped and why. Null when the text does not look
 * like a session log (for example a single error message). Every returned string is masked.
 */
export function readSessionLog(text: string, settings?: SessionLogSettings): SessionReading | null {
  const { lines, masked } = maskLines(text);
  const r = new Reader();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    r.cur = i;
    let body = line.tool === 'python' ? unquotePython(line.body) : line.body;
    if (body.length > 4000) body = body.slice(0, 4000);
    const t = body.trim();
    if (!t) continue;
    if (line.tool !== 'unknown') r.tools.set(line.tool, (r.tools.get(line.tool) ?? 0) + 1);
    if (line.tls && !r.inTls) {
      r.inTls = true;
      r.progress('tls');
    }
    if (settings && /^RemotePort\s*:\s*(\d+)/.exec(t)?.[1] === String(settings.imap.port.value)) r.imap += 2;
    const server = line.dir === 'server' || (line.dir === 'unknown' && looksServer(body));
    if (server) {
      const code = SMTP_REPLY.exec(t)?.[1];
      const imap = !code && (IMAP_UNTAGGED.test(t) || IMAP_CONT.test(t) || IMAP_TAGGED.test(t));
      if (code || imap) {
        r.lastServer = i;
        r.ev();
      }
      if (code) r.smtpReply(code, t, i);
      else if (imap) r.imapReply(t, i);
      else r.info(t, i, line.prefix);
      continue;
    }
    if (line.dir === 'client' || line.dir === 'unknown') {
      if (r.inData) {
        if (t === '.') r.inData = false;
        continue;
      }
      const strict = line.dir === 'unknown' ? SMTP_CLIENT_STRICT.exec(body) : null;
      const sv = line.dir === 'unknown' ? strict : SMTP_CLIENT.exec(body);
      const verb = strict ? (strict[1] ?? strict[2] ?? strict[3] ?? strict[4] ?? '') : (sv?.[1] ?? '');
      const iv = sv ? null : IMAP_CLIENT.exec(body);
      if (sv && (!r.inAuth || line.dir === 'unknown')) {
        r.smtpClient(verb, body);
        continue;
      }
      if (iv && IMAP_VERBS.has((iv[2] ?? '').toUpperCase()) && !r.inAuth) {
        r.imapClient(iv[1] ?? '', iv[2] ?? '');
        continue;
      }
      if (line.dir === 'client' || r.inAuth) continue; // AUTH continuations and other client lines
    }
    r.info(t, i, line.prefix);
  }

  const toolCount = [...r.tools.entries()].filter(([k]) => k !== 'openssl').reduce((a, [, n]) => a + n, 0);
  const isLog = r.evidence >= 2 && (toolCount >= 2 || (r.tools.get('openssl') ?? 0) >= 1 || r.smtp + r.imap >= 2);
  if (!isLog) return null;

  const protocol: 'smtp' | 'imap' = r.imap > r.smtp ? 'imap' : 'smtp';
  let tool: Tool = 'unknown';
  let best = 0;
  for (const [k, n] of r.tools)
    if (n > best) {
      best = n;
      tool = k;
    }
  const stoppedAt: Stage = r.stage ?? 'completed';
  if (stoppedAt === 'tls-failed' || stoppedAt === 'no-connection' || stoppedAt === 'no-starttls-offered') {
    r.reached.delete('tls');
    r.reached.delete('certificate-verified');
  }
  const reached = MILESTONES.filter((m) => r.reached.has(m));
  const cutOff = endsInsideReply(lines);
  const replyAt = r.stage && r.stopReply >= 0 ? r.stopReply : r.lastServer;
  const strip = (i: number) => {
    const m = masked[i] ?? '';
    const p = lines[i]?.prefix ?? '';
    const body = m.startsWith(p) ? m.slice(p.length) : m;
    return (lines[i]?.tool === 'python' ? unquotePython(body) : body).trim();
  };
  const stage = stageText(
    stoppedAt,
    protocol,
    reached,
    settings,
    causeOf(
      stoppedAt,
      [r.toolError, r.stopReply, r.lastServer, ...r.hitLines]
        .map((i) => (i >= 0 ? (lines[i]?.body ?? '') : ''))
        .join('\n'),
      r.reached,
    ),
  );
  if (cutOff) stage.explanation += ` ${CUT_OFF}`;
  return {
    protocol,
    stoppedAt,
    stage,
    lastReply: replyAt >= 0 ? strip(replyAt) : null,
    masked: masked.join('\n'),
    tool,
    reached,
    toolError: r.toolError >= 0 ? strip(r.toolError) : null,
    cutOff,
  };
}
