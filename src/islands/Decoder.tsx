/**
 * The error decoder: the reader pastes an error message (or a session log) and sees which known
 * errors it matches, best first, with the cause, the fix and a link. Everything happens in the page:
 * the pasted text is never sent, stored or put in the URL. The matcher (logic and data) loads after
 * the page's `load` event when the browser is idle, so the decoder then works offline.
 *
 * A class component without preact/hooks keeps the bundle small; the logic chunk and the data are
 * fetched once (same origin, no pasted text in the request).
 */
import { Component } from 'preact';
import type { ErrorMatch, Matcher, MatcherData } from '../lib/decoder/error-match.ts';
import type { SessionReading } from '../lib/decoder/session-log.ts';
import { splitCode } from '../lib/text/inline-code.ts';

type Logic = typeof import('./decoder-logic.ts');

export interface DecoderProps {
  /** URL of the matcher data (url('/errors/matcher.json')). */
  dataUrl: string;
  /** URL of /errors/ (error pages are <errorsUrl><id>/). */
  errorsUrl: string;
  /** Values the decision steps mention. */
  values: { smtpServer: string; smtpPort: number; imapServer: string; imapPort: number; implicitTlsPort: number };
  /** Links the decision steps offer. */
  links: { tls: string; password: string; timeout: string; all: string };
}

interface Loaded {
  logic: Logic;
  matcher: Matcher;
}

interface State {
  /** 'idle' before loading starts; 'ready' once logic and data are here; 'failed' if they could not load. */
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** Whether anything has been pasted or typed yet. */
  hasText: boolean;
  matches: ErrorMatch[];
  /** Where a pasted session log stopped (its texts already masked), or null for a plain message. */
  reading: SessionReading | null;
  /** True while the text waits for the matcher to load. */
  pending: boolean;
}

/** `code` spans as <code>, the rest as text (never HTML). */
const rich = (text: string) => splitCode(text).map((p) => (p.code ? <code>{p.text}</code> : p.text));

export default class Decoder extends Component<DecoderProps, State> {
  loaded: Promise<Loaded> | undefined;
  ready: Loaded | undefined;
  text = '';
  timer = 0;

  constructor(props: DecoderProps) {
    super(props);
    this.state = { status: 'idle', hasText: false, matches: [], reading: null, pending: false };
  }

  override componentDidMount() {
    const start = () => {
      const idle = (window as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
        .requestIdleCallback;
      if (idle) idle(() => void this.load(), { timeout: 4000 });
      else window.setTimeout(() => void this.load(), 200);
    };
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  }

  override componentWillUnmount() {
    window.clearTimeout(this.timer);
  }

  /** Loads the logic chunk and the data once. The request carries nothing the reader typed. */
  load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      this.setState({ status: 'loading' });
      try {
        const [logic, data] = await Promise.all([
          import('./decoder-logic.ts'),
          fetch(this.props.dataUrl).then((r) => {
            if (!r.ok) throw new Error(`HTTP ${r.status}`);
            return r.json() as Promise<MatcherData>;
          }),
        ]);
        this.ready = { logic, matcher: logic.compile(data.entries) };
        this.setState({ status: 'ready' });
        document.getElementById('decoder')?.setAttribute('data-matcher', 'ready');
        if (this.text) this.decode();
        return this.ready;
      } catch (err) {
        this.loaded = undefined;
        this.setState({ status: 'failed', pending: false });
        throw err;
      }
    })();
    return this.loaded;
  }

  onInput = (e: Event) => {
    this.text = (e.currentTarget as HTMLTextAreaElement).value;
    window.clearTimeout(this.timer);
    // A short pause so a paste or a burst of typing is decoded once.
    this.timer = window.setTimeout(() => this.decode(), 120);
  };

  decode() {
    const text = this.text;
    if (!text.trim()) {
      this.setState({ hasText: false, matches: [], reading: null, pending: false });
      return;
    }
    if (!this.ready) {
      this.setState({ hasText: true, pending: true });
      this.load().catch(() => undefined);
      return;
    }
    const t0 = performance.now();
    const { logic, matcher } = this.ready;
    const v = this.props.values;
    const { reading, matches } = logic.decode(matcher, text, {
      smtp: { port: { value: v.smtpPort }, security: { value: 'STARTTLS' } },
      imap: { port: { value: v.imapPort } },
    });
    // How long matching took, for the tests and the curious (no text, only a number).
    document.getElementById('decoder')?.setAttribute('data-match-ms', (performance.now() - t0).toFixed(1));
    this.setState({ hasText: true, matches, reading, pending: false });
  }

  renderMatch(m: ErrorMatch, i: number) {
    const { entry } = m;
    const href = `${this.props.errorsUrl}${entry.id}/`;
    return (
      <li class="decoder-match" key={entry.id}>
        <h3 id={`decoded-${entry.id}`}>
          {i === 0 ? 'Best match: ' : ''}
          <a href={href}>{entry.title}</a>
        </h3>
        <p>
          <strong>Cause:</strong> {rich(entry.cause)}
        </p>
        <p>
          <strong>Fix:</strong>
        </p>
        <ol>
          {entry.fix.map((step) => (
            <li>{rich(step)}</li>
          ))}
        </ol>
        <p>
          <a href={href} aria-describedby={`decoded-${entry.id}`}>
            Full page for this error
          </a>
        </p>
      </li>
    );
  }

  renderReading(r: SessionReading) {
    const side = r.protocol === 'smtp' ? 'sending (SMTP)' : 'reading mail (IMAP)';
    return (
      <div class="decoder-reading">
        <h3>
          Session log, {side}: {r.stage.title}
        </h3>
        <p>{r.stage.explanation}</p>
        {r.lastReply && (
          <>
            <p>The server’s last reply (passwords hidden):</p>
            <pre tabindex={0}>
              <code>{r.lastReply}</code>
            </pre>
          </>
        )}
        {r.toolError && (
          <p>
            The program said: <code>{r.toolError}</code>
          </p>
        )}
      </div>
    );
  }

  renderUnknown(log = false) {
    const { values: v, links } = this.props;
    return (
      <div class="decoder-unknown">
        <p>
          <strong>Not recognised.</strong>{' '}
          {log
            ? 'The log contains none of the iCloud Mail error messages this page knows.'
            : 'This text does not match any of the iCloud Mail errors this page knows.'}{' '}
          These questions narrow it down:
        </p>
        <ol>
          <li>
            Does it fail when <em>sending</em> (SMTP, server {v.smtpServer}) or when <em>receiving</em> (IMAP, server{' '}
            {v.imapServer})?
          </li>
          <li>
            Which port is set? Sending uses {v.smtpPort} with STARTTLS ({v.implicitTlsPort} with SSL/TLS also works, but
            Apple does not document it); receiving uses {v.imapPort} with SSL/TLS. A mismatch gives TLS or timeout
            errors: <a href={links.tls}>SSL or STARTTLS?</a>
          </li>
          <li>
            What does the program say about TLS or SSL? Words like “handshake”, “certificate” or “version” point at the
            security setting; “login”, “password” or “authentication” point at the{' '}
            <a href={links.password}>app-specific password</a>; “timeout” or “connect” point at the{' '}
            <a href={links.timeout}>network</a>.
          </li>
        </ol>
        <p>
          Or look through <a href={links.all}>every known error by what goes wrong</a>.
        </p>
      </div>
    );
  }

  render() {
    const { status, hasText, matches, reading, pending } = this.state;
    let body;
    if (!hasText) body = <p class="muted">Results appear here as you paste or type.</p>;
    else if (pending || status === 'loading')
      body = <p>Loading the list of known errors… (your text stays in this page)</p>;
    else if (status === 'failed')
      body = (
        <p>
          The list of known errors could not be loaded. Reload the page, or{' '}
          <a href={this.props.links.all}>browse the errors by what goes wrong</a>.
        </p>
      );
    else if (matches.length === 0)
      body = reading ? (
        <>
          {this.renderReading(reading)}
          {reading.stoppedAt !== 'completed' && this.renderUnknown(true)}
        </>
      ) : (
        this.renderUnknown()
      );
    else
      body = (
        <>
          {reading && this.renderReading(reading)}
          <p>{matches.length === 1 ? '1 known error matches' : `${matches.length} known errors match`}, best first.</p>
          <ol class="decoder-matches">{matches.map((m, i) => this.renderMatch(m, i))}</ol>
        </>
      );
    return (
      <div class="decoder">
        <label for="decoder-input">Paste the error message or session log</label>
        <p id="decoder-hint" class="muted">
          It is read in this page only: nothing you paste is sent, saved or added to the address. Remove passwords
          before pasting a log.
        </p>
        <textarea
          id="decoder-input"
          rows={6}
          spellcheck={false}
          autocomplete="off"
          aria-describedby="decoder-hint"
          onInput={this.onInput}
        />
        <section class="decoder-results" aria-live="polite" aria-label="What the text matches">
          {body}
        </section>
      </div>
    );
  }
}
