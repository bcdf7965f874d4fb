/**
 * Session logs: masking secrets and finding where an SMTP or IMAP session stopped.
 *
 * Reads transcripts printed by swaks, `openssl s_client` (with or without the typed lines echoed),
 * `curl -v`, `msmtp --debug`, `C:`/`S:` transcripts (our PowerShell test and many libraries) and
 * Python's smtplib debug output. Pure functions: no Astro, no Preact, no settings values typed here.
 *
 * Every pattern is anchored or linear (no nested quantifiers), and the text is read one line at a
 * time, so a megabyte of hostile input is handled in milliseconds.
 */

export type Stage =
  | 'no-connection'
  | 'no-starttls-offered'
  | 'starttls-not-used'
  | 'tls-failed'
  | 'auth-rejected'
  | 'mail-from-rejected'
  | 'rcpt-rejected'
  | 'message-rejected'
  | 'completed';

/** Steps a session got through, in order. */
export type Milestone =
  | 'connected'
  | 'greeting'
  | 'starttls-offered'
  | 'tls'
  | 'certificate-verified'
  | 'authenticated'
  | 'mail-from-accepted'
  | 'rcpt-accepted'
  | 'message-accepted';

export type Tool = 'swaks' | 'openssl' | 'curl' | 'msmtp' | 'transcript' | 'python' | 'powershell' | 'unknown';

export interface SessionReading {
  protocol: 'smtp' | 'imap';
  stoppedAt: Stage;
  stage: { title: string; explanation: string };
  /** The server's reply at the point the session stopped (or its last reply), masked; null if none. */
  lastReply: string | null;
  /** The whole log with secrets masked. */
  masked: string;
  /** The program that printed the log, as far as it can be told. */
  tool: Tool;
  /** The steps that succeeded, in order. */
  reached: Milestone[];
  /** The program's own error line (for example `curl: (67) Login denied`), masked; null if none. */
  toolError: string | null;
}

/** Ports, for explanations that name them; optional (the browser settings object has this shape). */
export interface SessionLogSettings {
  smtp: { port: { value: number }; security: { value: string } };
  imap: { port: { value: number } };
}

/** What replaces a secret. */
export const HIDDEN = '[hidden]';

// ---------------------------------------------------------------------------------------------
// Lines and their direction

type Dir = 'client' | 'server' | 'info' | 'unknown';

interface Line {
  /** Everything before the body (the tool's direction marker), kept as printed. */
  prefix: string;
  body: string;
  dir: Dir;
  tool: Tool;
  /** swaks marks lines sent or received inside TLS with '~'. */
  tls: boolean;
}

const SWAKS = /^(?: -> | ~> |\*\*> |\*~> | {2}> |<- {2}|<~ {2}|<\*\* |<~\* |< {3}|=== |\*\*\* )/;
const MSMTP = /^(?:--> |<-- )/;
const CURL = /^(?:> |< |\* |\{ \[|\} \[)/;
const IMAP_UNTAGGED_RESPONSE =
  /^(?:OK|NO|BAD|BYE|PREAUTH|CAPABILITY|FLAGS|LIST|LSUB|STATUS|SEARCH|ENABLED|ID|NAMESPACE|\d+ (?:EXISTS|RECENT|EXPUNGE|FETCH))\b/;
const TRANSCRIPT = /^(?:C|S|Client|Server): ?/;
const PYTHON = /^(?:send|reply): /;

/** First characters of every direction marker: any other line is unprefixed. */
const MARKER_START = new Set([' ', '*', '<', '=', '-', '>', '{', '}', 'C', 'S', 's', 'r']);

function classify(raw: string): Line {
  if (!MARKER_START.has(raw.charAt(0))) return { prefix: '', body: raw, dir: 'unknown', tool: 'unknown', tls: false };
  let m = SWAKS.exec(raw);
  if (m) {
    const p = m[0];
    const dir: Dir = p.includes('>') ? 'client' : p.startsWith('<') ? 'server' : 'info';
    return { prefix: p, body: raw.slice(p.length), dir, tool: 'swaks', tls: p.includes('~') };
  }
  m = MSMTP.exec(raw);
  if (m) {
    const p = m[0];
    return { prefix: p, body: raw.slice(4), dir: p === '--> ' ? 'client' : 'server', tool: 'msmtp', tls: false };
  }
  m = CURL.exec(raw);
  // An untagged IMAP response ("* OK", "* 3 EXISTS") starts like a curl info line.
  if (m && !(m[0] === '* ' && IMAP_UNTAGGED_RESPONSE.test(raw.slice(2)))) {
    const p = m[0];
    const dir: Dir = p === '> ' ? 'client' : p === '< ' ? 'server' : 'info';
    return { prefix: p, body: raw.slice(p.length), dir, tool: 'curl', tls: false };
  }
  m = TRANSCRIPT.exec(raw);
  if (m) {
    const p = m[0];
    return {
      prefix: p,
      body: raw.slice(p.length),
      dir: p.startsWith('C') ? 'client' : 'server',
      tool: 'transcript',
      tls: false,
    };
  }
  m = PYTHON.exec(raw);
  if (m) {
    const p = m[0];
    return {
      prefix: p,
      body: raw.slice(p.length),
      dir: p === 'send: ' ? 'client' : 'server',
      tool: 'python',
      tls: false,
    };
  }
  return { prefix: '', body: raw, dir: 'unknown', tool: 'unknown', tls: false };
}

// Python prints `send: 'AUTH PLAIN ...\r\n'` and `reply: b'235 ...'`: look inside the quotes.
function unquotePython(body: string): string {
  const m = /^b?'([^']*)/.exec(body);
  return m ? (m[1] ?? '').replace(/\\r\\n$/, '') : body.replace(/^retcode \(\d+\); Msg: b?'?/, '');
}

const SMTP_REPLY = /^([2-5]\d\d)(?:[ -]|$)/;
const IMAP_UNTAGGED = /^\* /;
const IMAP_CONT = /^\+(?: |$)/;
const IMAP_TAGGED = /^([A-Za-z0-9.]{1,20}) (OK|NO|BAD)(?: |$)/;

/** Does an unprefixed line look like something a server sends? */
function looksServer(body: string): boolean {
  return SMTP_REPLY.test(body) || IMAP_UNTAGGED.test(body) || IMAP_CONT.test(body) || IMAP_TAGGED.test(body);
}

// ---------------------------------------------------------------------------------------------
// Masking

/** A server's reply during a login: a status code, an IMAP continuation or a tagged or untagged status. */
const AUTH_REPLY =
  /^(?:[2-5]\d\d(?:[ -]|$)|\+(?: |$)|\* (?:OK|NO|BAD|BYE|CAPABILITY)\b|[A-Za-z0-9.]{1,20} (?:OK|NO|BAD)\b)/;
const APP_PASSWORD = /[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}/g;
const SMTP_AUTH = /^(\s*AUTH\s+[A-Za-z0-9_-]+)(\s*)(.*)$/i;
const IMAP_AUTH = /^(\s*[A-Za-z0-9.]{1,20}\s+)(LOGIN|AUTHENTICATE)(?=\s|$)(.*)$/i;
const IMAP_AUTH_MECH = /^(\s+\S+)(.*)$/;
const BASE64_LINE = /^\s*[A-Za-z0-9+/]{4,}={0,2}\s*$/;
const VERBS = new Set([
  'QUIT', 'DATA', 'RSET', 'NOOP', 'HELP', 'EHLO', 'HELO', 'TURN', 'VRFY', 'EXPN', 'DONE', 'STARTTLS',
  'LOGOUT', 'CAPABILITY', 'IDLE', 'CLOSE', 'CHECK', 'CLOSED', 'RENEGOTIATING',
]); // prettier-ignore
/** Credentials typed on a pasted command line or in a config file. */
const CREDENTIAL_OPTIONS: RegExp[] = [
  /(--auth-password[= ]|(?:^|\s)-ap\s+|(?:^|\s)-pass\s+(?:pass:)?|--password[= ]|(?:^|\s)-Password\s+)(\S+)/gi,
  /((?:^|\s)(?:--user|-u)[= ]\s*['"]?[^:\s'"]*:)([^\s'"]+)/g,
  /(^\s*password\s+)(\S.*)$/gim,
  /(\bpassword\s*[:=]\s*)(\S+)/gi,
];

const MAYBE_CREDENTIAL = /pass|-u|-ap/i;

function maskCredentialsInText(s: string): string {
  let out = s.length >= 19 && s.includes('-') ? s.replace(APP_PASSWORD, HIDDEN) : s;
  if (!MAYBE_CREDENTIAL.test(out)) return out;
  for (const re of CREDENTIAL_OPTIONS)
    out = out.replace(re, (_m, a: string, b: string) => (b === HIDDEN ? a + b : a + HIDDEN));
  return out;
}

interface MaskState {
  /** Inside an SMTP AUTH exchange: client lines are secrets until a reply other than 334. */
  smtpAuth: boolean;
  /** Inside an IMAP LOGIN/AUTHENTICATE: client lines are secrets until a tagged reply. */
  imapAuth: boolean;
  /** Inside DATA (after 354, until a lone "."). */
  data: boolean;
}

/** Masks one line's body, updating the state. */
function maskBody(line: Line, st: MaskState): string {
  const body = line.tool === 'python' ? unquotePython(line.body) : line.body;
  // During a login, whatever is not plainly a server reply is treated as a secret, whatever its
  // prefix: a password typed into openssl can start with "< " or "* " like another tool's marker.
  if ((st.smtpAuth || st.imapAuth) && line.dir !== 'client' && !AUTH_REPLY.test(body))
    return body.trim() ? HIDDEN : body;
  const fromServer = line.dir === 'server' || (line.dir === 'unknown' && looksServer(body));
  if (line.dir === 'info') return line.body;
  if (fromServer) {
    const code = SMTP_REPLY.exec(body)?.[1];
    if (st.smtpAuth && code && code !== '334') st.smtpAuth = false;
    if (st.imapAuth && IMAP_TAGGED.test(body)) st.imapAuth = false;
    if (code === '354') st.data = true;
    return line.body;
  }
  // A client line, or an unprefixed line that is not a server reply (openssl s_client echoes).
  const auth = SMTP_AUTH.exec(body);
  if (auth) {
    st.smtpAuth = true;
    return auth[3] ? `${auth[1] ?? ''}${auth[2] ?? ''}${HIDDEN}` : line.body;
  }
  const imap = IMAP_AUTH.exec(body);
  if (imap) {
    st.imapAuth = true;
    const rest = imap[3] ?? '';
    if (imap[2]?.toUpperCase() === 'LOGIN') return `${imap[1] ?? ''}${imap[2]}${rest.trim() ? ` ${HIDDEN}` : ''}`;
    const mech = IMAP_AUTH_MECH.exec(rest);
    return `${imap[1] ?? ''}${imap[2]}${mech ? (mech[1] ?? '') + (mech[2]?.trim() ? ` ${HIDDEN}` : '') : rest}`;
  }
  if (st.smtpAuth || st.imapAuth) return body.trim() ? HIDDEN : line.body;
  if (BASE64_LINE.test(body) && !VERBS.has(body.trim().toUpperCase())) return HIDDEN;
  return line.body;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function maskLines(text: string): { lines: Line[]; masked: string[] } {
  const raw = splitLines(text);
  const st: MaskState = { smtpAuth: false, imapAuth: false, data: false };
  const lines: Line[] = [];
  const masked: string[] = [];
  for (const r of raw) {
    const line = classify(r);
    lines.push(line);
    masked.push(maskCredentialsInText(line.prefix + maskBody(line, st)));
  }
  return { lines, masked };
}

/**
 * The text with its secrets replaced by [hidden]: the base64 after AUTH PLAIN (on the same line or
 * the client's next line), every client line answering a 334 prompt after AUTH, IMAP LOGIN arguments
 * and AUTHENTICATE continuations, lone base64 lines sent by the client, passwords on pasted command
 * lines, and anything shaped like an app-specific password (xxxx-xxxx-xxxx-xxxx).
 * Line endings are kept as '\n'.
 */
export function maskSecrets(text: string): string {
  return maskLines(text).masked.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Reading the session

const CONNECT_FAIL =
  /Error connecting to|connect:errno=|Connection refused|Failed to connect|Couldn't connect|Could not resolve host|cannot connect to|cannot locate host|Name or service not known|nodename nor servname|getaddrinfo|BIO_lookup|gethostbyname|No such host is known|Network is unreachable|No route to host|timed out|Timeout|closed connection unexpectedly|Greeting never received|Connection reset|TcpTestSucceeded\s*:\s*False|Name resolution of .{0,300} failed|TCP connect to .{0,300} failed|curl: \((?:6|7|28)\)/i;
const TLS_FAIL =
  /wrong version number|WRONG_VERSION_NUMBER|SSL routines|handshake failure|TLS startup failed|STARTTLS attempted but failed|TLS handshake failed|certificate verify failed|SSL certificate problem|certificate verification failed|unable to get local issuer certificate|unable to verify the first certificate|unexpected packet format|remote certificate is invalid|AuthenticationException|TLS negotiation failed|curl: \((?:35|60)\)/i;
const NO_STARTTLS =
  /Didn't find STARTTLS in server response|STARTTLS not supported|does not support TLS via the STARTTLS|TLS not available|STARTTLS extension not supported|not advertised|did not advertise STARTTLS|curl: \(64\)/i;
const AUTH_FAIL =
  /No authentication type succeeded|authentication failed|Login denied|curl: \(67\)|AUTHENTICATIONFAILED|AUTHENTICATE failed|LOGIN failed|Authentication unsuccessful|Invalid credentials/i;
const MAIL_FAIL = /MAIL failed|envelope from address .{0,300} not accepted|sender address .{0,300} not accepted/i;
const RCPT_FAIL = /RCPT failed|recipient address .{0,300} not accepted|No recipients were accepted/i;
const DATA_FAIL = /DATA failed|did not accept the mail|message was not accepted/i;
const MUST_STARTTLS = /Must issue a STARTTLS|STARTTLS command first|Encryption required|PRIVACYREQUIRED|LOGINDISABLED/i;
/** A line a program prints when something failed. */
const TOOL_ERROR =
  /^(?:connect:errno=|curl: \(\d+\)|msmtp: |\*\*\* |swaks: |[0-9A-F]{6,}:error:|\d+:error:|error:|[A-Za-z.]*Exception|WARNING: |TcpTestSucceeded\s*:\s*False|TLS: failed)/;
const TLS_STARTED =
  /^(?:=== TLS started|\* SSL connection using|TLS session parameters|New, TLSv|Protocol version: TLS|TLS: (?:TLSv|SslProtocols|Tls))/;
const VERIFIED =
  /^(?:Verify return code: 0 \(ok\)|Verification: OK|\* {1,2}SSL certificate verify ok|TLS: [^,]{0,40}, certificate OK|TLS certificate information)/;
const CONNECTED =
  /^(?:=== Connected to|\* Connected to|CONNECTED\(|CONNECTION ESTABLISHED|TcpTestSucceeded\s*:\s*True|TCP: connected)/;
const OPENSSL =
  /^(?:connect:errno=|[0-9A-F]{6,}:error:|CONNECTED\(|CONNECTION ESTABLISHED|depth=\d|verify (?:return|error)|Certificate chain|Server certificate|SSL handshake has read|Verify return code|Verification(?: error)?:|Peer certificate|New, (?:TLSv|\(NONE\)))/;
const POWERSHELL =
  /^(?:ComputerName|RemoteAddress|RemotePort|InterfaceAlias|SourceAddress|PingSucceeded|TcpTestSucceeded)\s*:|^(?:TCP|TLS): /;
const SMTP_CLIENT = /^\s*(EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|QUIT|RSET|NOOP|VRFY|HELP)\b/i;
/** The same, for lines without a direction marker (config dumps say "auth = on"). */
const SMTP_CLIENT_STRICT =
  /^\s*(?:(EHLO|HELO) \S+\s*$|(STARTTLS|DATA|QUIT|RSET|NOOP)\s*$|(AUTH) [A-Za-z0-9_-]+(?: \S+)?\s*$|(MAIL FROM|RCPT TO):)/i;
const IMAP_CLIENT = /^\s*([A-Za-z0-9.]{1,20})\s+([A-Za-z]+)\b/;
const IMAP_VERBS = new Set([
  'LOGIN', 'AUTHENTICATE', 'CAPABILITY', 'SELECT', 'EXAMINE', 'LIST', 'LSUB', 'FETCH', 'LOGOUT',
  'NOOP', 'STARTTLS', 'UID', 'IDLE', 'STATUS', 'SEARCH', 'ID', 'ENABLE', 'APPEND', 'NAMESPACE',
]); // prettier-ignore

/** Which failure wins when a log shows several: the later step, except that a login refused because
 * TLS was never started is about TLS, not the password. */
const RANK: Stage[] = [
  'no-connection',
  'tls-failed', // openssl goes on after "Didn't find STARTTLS" and then fails the handshake
  'no-starttls-offered',
  'auth-rejected',
  'starttls-not-used',
  'mail-from-rejected',
  'rcpt-rejected',
  'message-rejected',
  'completed',
];
const MILESTONES: Milestone[] = [
  'connected',
  'greeting',
  'starttls-offered',
  'tls',
  'certificate-verified',
  'authenticated',
  'mail-from-accepted',
  'rcpt-accepted',
  'message-accepted',
];

type Cmd = 'ehlo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'dot' | 'quit' | 'other';

function smtpCmd(verb: string): Cmd {
  const v = verb.toUpperCase();
  if (v === 'EHLO' || v === 'HELO') return 'ehlo';
  if (v === 'STARTTLS') return 'starttls';
  if (v === 'AUTH') return 'auth';
  if (v.startsWith('MAIL')) return 'mail';
  if (v.startsWith('RCPT')) return 'rcpt';
  if (v === 'DATA') return 'data';
  if (v === 'QUIT') return 'quit';
  return 'other';
}

/** The failure a program's own message names, if any. */
function toolStage(t: string): Stage | null {
  if (NO_STARTTLS.test(t)) return 'no-starttls-offered';
  if (MUST_STARTTLS.test(t)) return 'starttls-not-used';
  if (TLS_FAIL.test(t)) return 'tls-failed';
  if (AUTH_FAIL.test(t)) return 'auth-rejected';
  if (MAIL_FAIL.test(t)) return 'mail-from-rejected';
  if (RCPT_FAIL.test(t)) return 'rcpt-rejected';
  if (DATA_FAIL.test(t)) return 'message-rejected';
  if (CONNECT_FAIL.test(t)) return 'no-connection';
  return null;
}

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
    if (/imaps?:\/\//i.test(t)) this.imap++;
    if (/smtps?:\/\//i.test(t)) this.smtp++;
    const isErr = TOOL_ERROR.test(prefix + t) || TOOL_ERROR.test(t) || prefix === '<** ' || prefix === '<~* ';
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
    const final = !t.startsWith(`${code}-`);
    if (/^\d{3}[ -]STARTTLS\b/i.test(t)) {
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
      if (code === '220' && !this.reached.has('greeting')) c = undefined;
      else if (code === '235' || code === '535' || code === '534' || code === '454') c = 'auth';
      else if (code === '354') c = 'data';
      else if (code === '221') c = 'quit';
      else if (this.reached.has('authenticated')) c = (['mail', 'rcpt', 'dot'] as const)[Math.min(this.afterAuth, 2)];
      else c = /STARTTLS|^250 /i.test(t) ? 'ehlo' : 'other';
    } else c = this.pending.shift();
    if (c === undefined) {
      if (code === '220') this.progress('greeting');
      else if (!ok) this.judgeByText(t, i);
      return;
    }
    switch (c) {
      case 'ehlo':
        if (ok && !this.inTls && !this.offeredThisEhlo) this.fail('no-starttls-offered', i);
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
  const replyAt = r.stage && r.stopReply >= 0 ? r.stopReply : r.lastServer;
  const strip = (i: number) => {
    const m = masked[i] ?? '';
    const p = lines[i]?.prefix ?? '';
    const body = m.startsWith(p) ? m.slice(p.length) : m;
    return (lines[i]?.tool === 'python' ? unquotePython(body) : body).trim();
  };
  return {
    protocol,
    stoppedAt,
    stage: stageText(
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
    ),
    lastReply: replyAt >= 0 ? strip(replyAt) : null,
    masked: masked.join('\n'),
    tool,
    reached,
    toolError: r.toolError >= 0 ? strip(r.toolError) : null,
  };
}

/** What the failing lines say more precisely, for the explanation. */
type Cause = 'dns' | 'refused' | 'no-greeting' | 'timeout' | 'version' | 'certificate' | 'name-mismatch' | null;

function causeOf(stage: Stage, text: string, reached: Set<Milestone>): Cause {
  if (stage === 'no-connection') {
    if (
      /Could not resolve|Name or service not known|nodename nor servname|BIO_lookup|gethostbyname|No such host|Name resolution of|cannot locate host/i.test(
        text,
      )
    )
      return 'dns';
    if (/refused/i.test(text)) return 'refused';
    if (reached.has('connected') && !reached.has('greeting')) return 'no-greeting';
    return 'timeout';
  }
  if (stage === 'tls-failed') {
    if (
      /wrong version number|WRONG_VERSION_NUMBER|unexpected packet format|packet length too long|unknown protocol/i.test(
        text,
      )
    )
      return 'version';
    if (
      /hostname mismatch|does not match|doesn't match|no alternative certificate subject name|RemoteCertificateNameMismatch/i.test(
        text,
      )
    )
      return 'name-mismatch';
    if (/certif/i.test(text)) return 'certificate';
  }
  return null;
}

function stageText(
  stage: Stage,
  protocol: 'smtp' | 'imap',
  reached: Milestone[],
  s?: SessionLogSettings,
  cause: Cause = null,
): {
  title: string;
  explanation: string;
} {
  const smtpPort = s ? ` port ${s.smtp.port.value}` : ' the sending port';
  const imapPort = s ? ` port ${s.imap.port.value}` : ' the IMAP port';
  const port = protocol === 'smtp' ? smtpPort : imapPort;
  switch (stage) {
    case 'no-connection': {
      const why =
        cause === 'dns'
          ? 'The server name did not resolve to an address. Check the name for typos (a wrong or outdated server name is common), then check that this computer can look up names at all (other websites, a VPN or a filtering DNS).'
          : cause === 'refused'
            ? `The connection was refused: nothing answered on${port} at that address, or a firewall rejected it. Check the port and the server name.`
            : cause === 'no-greeting'
              ? 'The connection opened but the server never sent its greeting. This is what happens when a program waits for plain text on a port that expects TLS from the first byte (choose SSL/TLS for that port), or when something in between holds the connection.'
              : `No answer came back in time on${port}. A firewall, antivirus, VPN or the network (some public and mobile networks block mail ports) may be blocking it; try another network.`;
      return { title: 'The connection never started', explanation: why };
    }
    case 'no-starttls-offered':
      return {
        title: 'The server did not offer STARTTLS',
        explanation:
          'The server answered EHLO without STARTTLS in its list, so the connection could not be encrypted. iCloud’s sending server always offers it: something between you and the server (an antivirus, a proxy or a network that intercepts mail) is answering instead, or this is not the right server.',
      };
    case 'starttls-not-used':
      return {
        title: 'The program did not start TLS',
        explanation: `The session went on without encryption, and the server refuses to log in or send before STARTTLS. Set the security of the connection to STARTTLS (sometimes called TLS) on${smtpPort}.`,
      };
    case 'tls-failed':
      return {
        title: 'The encrypted connection failed',
        explanation:
          cause === 'version'
            ? `The two sides disagree about when TLS starts (“wrong version number”): the program started TLS at once on a port where the server first talks in plain text and switches with STARTTLS. On${smtpPort}, choose STARTTLS, not SSL/TLS.`
            : cause === 'name-mismatch'
              ? 'The certificate is not for the server name the program used. Check the server name: a wrong or outdated name, or a proxy in between, gives this error.'
              : cause === 'certificate'
                ? 'The certificate was not trusted. This happens when something in between (an antivirus that scans mail, a company proxy) presents its own certificate, or when the computer’s list of trusted authorities or its clock is out of date.'
                : 'The TLS handshake failed. Either the two sides disagree about when TLS starts (SSL/TLS chosen on a STARTTLS port, or the reverse), or the certificate was not accepted.',
      };
    case 'auth-rejected':
      return {
        title: 'The login was refused',
        explanation:
          'The server rejected the username or password. Log in with your full iCloud Mail address and an app-specific password (not your Apple Account password); if you changed your Apple Account password, make a new app-specific password.',
      };
    case 'mail-from-rejected':
      return {
        title: 'The sender address was refused',
        explanation:
          'The login worked, but the server refused the From (MAIL FROM) address. Send from your iCloud Mail address or one of its aliases; an address at another provider, or one that is not yours, is refused.',
      };
    case 'rcpt-rejected':
      return {
        title: 'A recipient was refused',
        explanation:
          'The server refused a recipient address. Check the address for typos; if the reply mentions a limit, you may have reached the daily sending limit.',
      };
    case 'message-rejected':
      return {
        title: 'The message was refused',
        explanation:
          'The server accepted the sender and recipients but refused the message itself: it may be too large, or look like spam, or the account may have reached a sending limit. The server’s reply says which.',
      };
    case 'completed': {
      const last = reached.at(-1);
      const how =
        last === 'message-accepted'
          ? 'The server accepted the message.'
          : last === 'authenticated'
            ? 'The login worked; the log ends there.'
            : last === 'certificate-verified' || last === 'tls'
              ? 'The encrypted connection worked; the log ends there.'
              : reached.length
                ? 'The log ends without an error.'
                : 'The log shows no error.';
      return {
        title: 'No error in this session',
        explanation: `${how} If your program still fails, compare its settings with this session, or paste its own error message.`,
      };
    }
  }
}
