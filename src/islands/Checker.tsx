/**
 * The checker: validates what the reader types and writes instructions for their program.
 * It receives the settings and client data as props and imports only src/lib and types, so the
 * bundle is Preact plus our own logic. Everything typed stays in the page: no request carries it.
 *
 * The page's JavaScript budget is 10 KiB gzip, Preact included, so: a class component (no
 * preact/hooks), and the first view (empty form, instructions with a placeholder address) is computed
 * at build time. The rules and the instruction builder load on demand when the reader focuses the form.
 */
import { Component } from 'preact';
import type { Settings } from '../schemas/settings.ts';
import type { Client } from '../schemas/client.ts';
import type { CheckResult, Field, Finding, SecurityChoice } from '../lib/check.ts';
import type { Instructions } from '../lib/instructions.ts';

type Logic = typeof import('./checker-logic.ts');
let logic: Promise<Logic> | undefined;
/** Loads the validation and instruction code once, on first use. */
const loadLogic = () => (logic ??= import('./checker-logic.ts'));

export interface ClientOption {
  id: string;
  name: string;
  kind: 'app' | 'code';
}

export interface CheckerProps {
  /** Values only (see src/lib/browser-settings.ts). */
  settings: Settings;
  clients: ClientOption[];
  /** The client shown first, with its full data so the first view needs no request. */
  initial: Client;
  /** Its instructions with the placeholder address, built at build time. */
  instructions: Instructions;
  /** The check of the empty form, built at build time. */
  result: CheckResult;
}

interface State {
  address: string;
  port: string;
  server: string;
  security: SecurityChoice;
  client: Client;
  instructions: Instructions;
  /** What the live region says: updated a moment after typing stops, not on every key. */
  announced: Finding[];
  /** True once hydrated in a browser. */
  live: boolean;
}

type TextField = 'address' | 'port' | 'server';

const SEVERITY = { error: 'Problem', warning: 'Warning', info: 'Note', ok: 'OK' } as const;
const FIELD_NAME = { address: 'Address', port: 'Port', server: 'Server', security: 'Security' } as const;
const FIELDS: Field[] = ['address', 'port', 'server', 'security'];
/** Client entries fetched on demand from /clients/<id>.json (same origin; the URL holds only the id). */
const cache = new Map<string, Client>();

/** Hidden until hydrated: without JavaScript a copy button would do nothing. */
const copyButton = (value: string, label: string, live: boolean) => (
  <button type="button" class="copy" data-copy={value} aria-label={`Copy ${label}`} hidden={!live}>
    Copy
  </button>
);

export default class Checker extends Component<CheckerProps, State> {
  timer = 0;
  result: CheckResult;
  /** The latest input, updated at once (Preact applies setState later, at render). */
  latest: State;

  constructor(props: CheckerProps) {
    super(props);
    cache.set(props.initial.id, props.initial);
    this.state = {
      address: '',
      port: String(props.settings.smtp.port.value),
      server: '',
      security: '',
      client: props.initial,
      instructions: props.instructions,
      announced: [],
      live: false,
    };
    this.result = props.result;
    this.latest = this.state;
  }

  /** Stores the input, then re-checks, rebuilds the instructions and schedules the live region. */
  async update(patch: Partial<State>) {
    this.latest = { ...this.latest, ...patch };
    this.setState(patch);
    const { check, buildInstructions } = await loadLogic();
    // Input may have moved on while the code loaded: always work from the latest.
    const s = this.latest;
    const before = this.result.address;
    this.result = check(
      { address: s.address, port: s.port, server: s.server, security: s.security },
      this.props.settings,
    );
    const rebuild = patch.client || this.result.address !== before;
    this.setState(
      rebuild ? { instructions: buildInstructions(s.client, this.props.settings, this.result.address) } : {},
    );
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.setState({ announced: this.result.findings }), 400);
  }

  async choose(id: string) {
    let client = cache.get(id);
    if (!client) {
      try {
        const response = await fetch(`/clients/${encodeURIComponent(id)}.json`);
        if (!response.ok) throw new Error(String(response.status));
        client = (await response.json()) as Client;
        cache.set(id, client);
      } catch {
        // Offline or blocked: the client's own page has the same instructions as plain HTML.
        window.location.assign(`/clients/${encodeURIComponent(id)}/`);
        return;
      }
    }
    void this.update({ client });
  }

  /** Builds the configuration profile with the reader's address, in the browser, and saves it. */
  async download(address: string) {
    const { mobileconfig } = await loadLogic();
    const xml = mobileconfig(this.props.settings, { address, uuid: () => crypto.randomUUID().toUpperCase() });
    const url = URL.createObjectURL(new Blob([xml], { type: 'application/x-apple-aspen-config' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'icloud-mail.mobileconfig';
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  override componentDidMount() {
    this.setState({ live: true });
  }

  override componentWillUnmount() {
    window.clearTimeout(this.timer);
  }

  input(field: TextField, label: string, extra: Record<string, string | boolean>) {
    const findings = this.result.findings.filter((f) => f.field === field);
    const message = findings
      .filter((f) => f.severity !== 'ok')
      .map((f) => f.message)
      .join(' ');
    return (
      <div class="field">
        <label for={`chk-${field}`}>{label}</label>
        <input
          id={`chk-${field}`}
          type="text"
          value={this.state[field]}
          onInput={(e) => void this.update({ [field]: e.currentTarget.value })}
          aria-invalid={findings.some((f) => f.severity === 'error') ? 'true' : undefined}
          aria-describedby={`chk-${field}-msg`}
          {...extra}
        />
        <p id={`chk-${field}-msg`} class="sr-only">
          {message}
        </p>
      </div>
    );
  }

  render({ settings, clients }: CheckerProps, { client, security, instructions: ins, announced, live }: State) {
    const secFindings = this.result.findings.filter((f) => f.field === 'security');
    const group = (kind: 'app' | 'code', label: string) => (
      <optgroup label={label}>
        {clients
          .filter((c) => c.kind === kind)
          .map((c) => (
            <option value={c.id}>{c.name}</option>
          ))}
      </optgroup>
    );
    return (
      <div class="checker">
        {/* Not a <form>: nothing is ever submitted, the checker answers as you type. */}
        <div class="checker-form" role="group" aria-label="Your settings" onFocusIn={() => void loadLogic()}>
          {this.input('address', 'Your iCloud Mail email address', {
            inputMode: 'email',
            spellcheck: false,
            autocapitalize: 'off',
            placeholder: settings.placeholderAddress,
          })}
          {this.input('port', 'Outgoing port', { inputMode: 'numeric' })}
          {this.input('server', 'Outgoing server (optional)', { spellcheck: false, autocapitalize: 'off' })}
          <div class="field">
            <label for="chk-security">Security you chose (optional)</label>
            <select
              id="chk-security"
              value={security}
              onChange={(e) => void this.update({ security: e.currentTarget.value as SecurityChoice })}
              aria-invalid={secFindings.some((f) => f.severity === 'error') ? 'true' : undefined}
              aria-describedby="chk-security-msg"
            >
              <option value="">Not sure / not set</option>
              <option value="STARTTLS">STARTTLS</option>
              <option value="SSL/TLS">SSL/TLS</option>
              <option value="none">None</option>
            </select>
            <p id="chk-security-msg" class="sr-only">
              {secFindings
                .filter((f) => f.severity !== 'ok')
                .map((f) => f.message)
                .join(' ')}
            </p>
          </div>
          <div class="field">
            <label for="chk-client">Your email app or client</label>
            <select id="chk-client" value={client.id} onChange={(e) => void this.choose(e.currentTarget.value)}>
              {group('app', 'Email apps')}
              {group('code', 'Code and configuration')}
            </select>
          </div>
        </div>

        <div class="findings" role="status" aria-live="polite">
          <ul>
            {FIELDS.flatMap((field) => announced.filter((f) => f.field === field)).map((f) => (
              <li class={`finding ${f.severity}`}>
                <strong>
                  {FIELD_NAME[f.field]}, {SEVERITY[f.severity].toLowerCase()}:
                </strong>{' '}
                {f.message}
                {f.fix ? ` ${f.fix}` : null}
                {f.faq ? (
                  <>
                    {' '}
                    <a href={`/faq/#${f.faq}`}>Why?</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>

        <p class="actions profile-download">
          iPhone, iPad or Mac:{' '}
          {live && this.result.address ? (
            <button type="button" onClick={() => void this.download(this.result.address!)}>
              Download profile for {this.result.address}
            </button>
          ) : (
            <a href="/icloud-mail.mobileconfig" download>
              Download the profile (it asks for your address)
            </a>
          )}{' '}
          <a href="/profile/">About profiles for iPhone, iPad and Mac</a>
        </p>
        <section class="instructions" aria-labelledby="chk-instr-title">
          <h3 id="chk-instr-title">
            {ins.name}: settings for {this.result.address ?? settings.placeholderAddress}
          </h3>
          {this.result.address === null ? (
            <p class="muted">Until the address above is valid, the instructions use {settings.placeholderAddress}.</p>
          ) : null}
          {ins.warnings.map((w) => (
            <p class="finding warning">{w}</p>
          ))}
          {ins.where ? (
            <p>
              Where: <strong>{ins.where}</strong>
            </p>
          ) : client.menuHint ? (
            <p>Where: {client.menuHint} (the exact menu wording is not confirmed).</p>
          ) : null}
          {ins.fields.length ? (
            <dl class="kv fields">
              {ins.fields.map((f) => (
                <>
                  <dt>
                    {f.label}
                    {f.labelConfirmed ? null : <span class="badge">wording may differ</span>}
                  </dt>
                  <dd>
                    <span class="val">{f.value}</span>
                    {f.copy ? copyButton(f.value, f.label, live) : null}
                    {f.note ? <span class="muted">{f.note}</span> : null}
                  </dd>
                </>
              ))}
            </dl>
          ) : null}
          <ol>
            {ins.steps.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
          {ins.snippet ? (
            <figure class="snippet">
              <figcaption>
                <span>{ins.snippet.filename ?? ins.snippet.language}</span>
                {copyButton(ins.snippet.code, `${ins.name} snippet`, live)}
              </figcaption>
              <pre tabIndex={0}>
                <code>{ins.snippet.code}</code>
              </pre>
            </figure>
          ) : null}
          {ins.gotchas.length ? (
            <>
              <h4>Watch out for</h4>
              <ul>
                {ins.gotchas.map((g) => (
                  <li>{g}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
    );
  }
}
