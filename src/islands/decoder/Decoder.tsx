/**
 * The error decoder: the reader pastes an error message (or a session log) and sees which known
 * errors it matches, best first, with the cause, the fix and a link. Everything happens in the page:
 * the pasted text is never sent, stored or put in the URL. The matcher (logic and data) is loaded
 * with the island when the browser is idle after the page has loaded (schedule.ts, hydrate.ts), so
 * the decoder then works offline.
 *
 * A class component without preact/hooks keeps the bundle small.
 */
import { Component } from 'preact';
import type { Settings } from '../../schemas/settings.ts';
import type { ErrorMatch, Matcher } from '../../lib/decoder/error-match.ts';
import type { Decoded } from '../../lib/decoder/decode.ts';
import type { SessionReading } from '../../lib/decoder/session-log.ts';
import type { Diagnosis } from '../../lib/decoder/protocol/types.ts';
import { DECODER_FAQ } from '../../lib/decoder/links.ts';
import { ERRORS_TOC, routes } from '../../lib/site/routes.ts';
import { url } from '../../lib/site/urls.ts';
import { splitCode } from '../../lib/text/inline-code.ts';

/** The matcher and the function that reads a paste, once loaded (hydrate.ts). */
export interface DecoderLogic {
  matcher: Matcher;
  decode: (matcher: Matcher, text: string, settings: Settings) => Decoded;
}

export interface DecoderProps {
  /** The browser settings (values only), the same object every island gets. */
  settings: Settings;
  /** The loaded logic; absent on the server, where the form renders without it. */
  logic?: DecoderLogic;
}

interface State {
  /** Whether anything has been pasted or typed yet. */
  hasText: boolean;
  matches: ErrorMatch[];
  /** Where a pasted session log stopped (its texts already masked), or null for a plain message. */
  reading: SessionReading | null;
  /** What the protocol codes in the text say, or null. */
  diagnosis: Diagnosis | null;
  /** KiB read from each end of a long paste, or null when all of it was read. */
  cutKiB: number | null;
}

/** `code` spans as <code>, the rest as text (never HTML). */
const rich = (text: string) => splitCode(text).map((p) => (p.code ? <code>{p.text}</code> : p.text));

export default class Decoder extends Component<DecoderProps, State> {
  text = '';
  timer = 0;

  constructor(props: DecoderProps) {
    super(props);
    this.state = { hasText: false, matches: [], reading: null, diagnosis: null, cutKiB: null };
  }

  override componentDidMount() {
    // Anything pasted before hydration is read now.
    const input = document.getElementById('decoder-input') as HTMLTextAreaElement | null;
    this.text = input?.value ?? '';
    if (this.text) this.decode();
  }

  override componentWillUnmount() {
    window.clearTimeout(this.timer);
  }

  onInput = (e: Event) => {
    this.text = (e.currentTarget as HTMLTextAreaElement).value;
    window.clearTimeout(this.timer);
    // A short pause so a paste or a burst of typing is decoded once.
    this.timer = window.setTimeout(() => this.decode(), 120);
  };

  decode() {
    const { logic, settings } = this.props;
    const text = this.text;
    if (!text.trim() || !logic) {
      this.setState({ hasText: Boolean(text.trim()), matches: [], reading: null, diagnosis: null, cutKiB: null });
      return;
    }
    const t0 = performance.now();
    const { reading, matches, diagnosis, cutKiB } = logic.decode(logic.matcher, text, settings);
    // How long matching took, for the tests and the curious (no text, only a number).
    document.getElementById('decoder')?.setAttribute('data-match-ms', (performance.now() - t0).toFixed(1));
    this.setState({ hasText: true, matches, reading, diagnosis, cutKiB });
  }

  renderMatch(m: ErrorMatch, i: number) {
    const { entry } = m;
    const href = url(routes.error(entry.id));
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

  /** Who answered and what the codes mean; with `full`, the cause, the fix and the link too. */
  renderDiagnosis(d: Diagnosis, full: boolean) {
    const href = d.link
      ? url(d.link.kind === 'error' ? routes.error(d.link.id) : routes.faq(d.link.id))
      : url(routes.errorsAt(ERRORS_TOC));
    return (
      <div class="decoder-diagnosis">
        <h3 id="decoded-protocol">{full ? `Read from the protocol: ${d.title}` : 'What the codes say'}</h3>
        <p>
          <strong>Who answered:</strong> {d.whoText}.
        </p>
        {d.meaning.length > 0 && (
          <ul>
            {d.meaning.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        )}
        {full && (
          <>
            <p>{rich(d.summary)}</p>
            <p>
              <strong>Fix:</strong>
            </p>
            <ol>
              {d.fix.map((step) => (
                <li>{rich(step)}</li>
              ))}
            </ol>
            {d.alternative && (
              <p>
                <strong>Another cause fits:</strong> {d.alternative.title}. {d.alternative.tell}
              </p>
            )}
            <p>
              <a href={href} aria-describedby="decoded-protocol">
                {d.link ? 'More on this error' : 'Every known error by what goes wrong'}
              </a>
            </p>
          </>
        )}
      </div>
    );
  }

  renderUnknown(log = false) {
    const s = this.props.settings;
    const faq = (id: string) => url(routes.faq(id));
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
            Does it fail when <em>sending</em> (SMTP, server {s.smtp.server.value}) or when <em>receiving</em> (IMAP,
            server {s.imap.server.value})?
          </li>
          <li>
            Which port is set? Sending uses {s.smtp.port.value} with {s.smtp.security.value} (
            {s.otherSmtpPorts.implicitTls.value} with SSL/TLS also works, but Apple does not document it); receiving
            uses {s.imap.port.value} with {s.imap.security.value}. A mismatch gives TLS or timeout errors:{' '}
            <a href={faq(DECODER_FAQ.tls)}>SSL or STARTTLS?</a>
          </li>
          <li>
            What does the program say about TLS or SSL? Words like “handshake”, “certificate” or “version” point at the
            security setting; “login”, “password” or “authentication” point at the{' '}
            <a href={faq(DECODER_FAQ.password)}>app-specific password</a>; “timeout” or “connect” point at the{' '}
            <a href={faq(DECODER_FAQ.timeout)}>network</a>.
          </li>
        </ol>
        <p>
          Or look through <a href={url(routes.errorsAt(ERRORS_TOC))}>every known error by what goes wrong</a>.
        </p>
      </div>
    );
  }

  render() {
    const { hasText, matches, reading, diagnosis, cutKiB } = this.state;
    let body;
    if (!hasText) body = <p class="muted">Results appear here as you paste or type.</p>;
    else if (matches.length === 0 && diagnosis)
      body = (
        <>
          {reading && this.renderReading(reading)}
          {this.renderDiagnosis(diagnosis, true)}
        </>
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
          {diagnosis && this.renderDiagnosis(diagnosis, false)}
        </>
      );
    const cut = hasText && cutKiB !== null && (
      <p class="muted">The text is long: only the first and last {cutKiB} KiB were read.</p>
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
          {cut}
          {body}
        </section>
      </div>
    );
  }
}
