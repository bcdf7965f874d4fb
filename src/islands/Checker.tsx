/**
 * The checker: validates what the reader types and writes instructions for their program.
 * It imports only src/lib and types, so the bundle is Preact plus our own logic. Everything typed
 * stays in the page: no request carries it.
 *
 * The first view is server-rendered from the same model (src/lib/checker-model.ts). This component
 * and its logic load after the page (src/islands/start.ts), so they never weigh on the first view,
 * and once loaded they work offline. A class component: no preact/hooks in the bundle.
 *
 * State has one source of truth: the view (input, findings, client, instructions) is recomputed
 * from the latest state in setState's updater, never from a second copy kept in step.
 */
import { Component } from 'preact';
import type { Client } from '../schemas/client.ts';
import type { CheckInput, Field, Finding, SecurityChoice } from '../lib/checker/check.ts';
import {
  checkerData,
  checkerView,
  initialView,
  type CheckerProps,
  type CheckerView,
} from '../lib/checker/checker-model.ts';
import { mobileconfig } from '../lib/files/mobileconfig.ts';
import { url } from '../lib/site/urls.ts';
import { fetchJson } from './data.ts';

/** What the reader did before the island hydrated: applied once it has. */
export interface Pending {
  input: Partial<CheckInput>;
  /** The client chosen in the server-rendered chooser, when it differs from the initial one. */
  clientId?: string;
}

export interface IslandProps extends CheckerProps {
  pending?: Pending;
}

interface State extends CheckerView {
  /** The chooser's value: the client the reader asked for (its data may still be loading). */
  chosen: string;
  /** A chosen client whose data could not be fetched (offline): said in the live region. */
  unavailable: { id: string; name: string } | null;
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

export default class Checker extends Component<IslandProps, State> {
  timer = 0;

  constructor(props: IslandProps) {
    super(props);
    cache.set(props.initial.id, props.initial);
    this.state = {
      ...initialView(props.initial, props.settings),
      chosen: props.initial.id,
      unavailable: null,
      announced: [],
      live: false,
    };
  }

  /** Applies what the reader typed, re-checks and schedules the live region. */
  update(patch: Partial<CheckInput>) {
    this.setState((s, p) => checkerView({ ...s.input, ...patch }, s.client, p.settings, s));
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.setState((s) => ({ announced: s.result.findings })), 400);
  }

  /** Shows the chosen client's instructions; offline, says so and links to its own page. */
  async choose(id: string) {
    this.setState({ chosen: id });
    let client = cache.get(id);
    if (!client) {
      try {
        client = await fetchJson<Client>(checkerData.client(id));
        cache.set(id, client);
      } catch {
        const option = this.props.groups.flatMap((g) => g.options).find((o) => o.id === id);
        this.setState((s) => (s.chosen === id ? { unavailable: { id, name: option?.name ?? id } } : null));
        return;
      }
    }
    const loaded = client;
    // The reader may have chosen again while this one loaded: only the latest choice wins.
    this.setState((s, p) =>
      s.chosen === id ? { ...checkerView(s.input, loaded, p.settings, s), unavailable: null } : null,
    );
  }

  /** Builds the configuration profile with the reader's address, in the browser, and saves it. */
  download(address: string) {
    const xml = mobileconfig(this.props.settings, { address, uuid: () => crypto.randomUUID().toUpperCase() });
    const blob = URL.createObjectURL(new Blob([xml], { type: 'application/x-apple-aspen-config' }));
    const link = document.createElement('a');
    link.href = blob;
    link.download = 'icloud-mail.mobileconfig';
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(blob), 10_000);
  }

  override componentDidMount() {
    this.setState({ live: true });
    const { pending } = this.props;
    if (pending && Object.keys(pending.input).length > 0) this.update(pending.input);
    if (pending?.clientId && pending.clientId !== this.state.chosen) void this.choose(pending.clientId);
  }

  override componentWillUnmount() {
    window.clearTimeout(this.timer);
  }

  input(field: TextField, label: string, extra: Record<string, string | boolean>) {
    const findings = this.state.result.findings.filter((f) => f.field === field);
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
          value={this.state.input[field]}
          onInput={(e) => this.update({ [field]: e.currentTarget.value })}
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

  render(
    { settings, groups }: IslandProps,
    { input, result, client, instructions: ins, chosen, unavailable, announced, live }: State,
  ) {
    const secFindings = result.findings.filter((f) => f.field === 'security');
    return (
      <div class="checker">
        {/* Not a <form>: nothing is ever submitted, the checker answers as you type. */}
        <div class="checker-form" role="group" aria-label="Your settings">
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
              value={input.security}
              onChange={(e) => this.update({ security: e.currentTarget.value as SecurityChoice })}
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
            <select id="chk-client" value={chosen} onChange={(e) => void this.choose(e.currentTarget.value)}>
              {groups.map((g) => (
                <optgroup label={g.label}>
                  {g.options.map((o) => (
                    <option value={o.id}>{o.name}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>

        <div class="findings" role="status" aria-live="polite">
          <ul>
            {unavailable ? (
              <li class="finding warning">
                <strong>{unavailable.name}:</strong> its instructions could not be loaded, perhaps because the
                connection dropped. The instructions below are still for {client.name}.{' '}
                <a href={url(checkerData.page(unavailable.id))}>Open the {unavailable.name} page</a>
              </li>
            ) : null}
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
                    <a href={url(`/faq/#${f.faq}`)}>Why?</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>

        <p class="actions profile-download">
          iPhone, iPad or Mac:{' '}
          {live && result.address ? (
            <button type="button" onClick={() => this.download(result.address!)}>
              Download profile for {result.address}
            </button>
          ) : (
            <a href={url('/icloud-mail.mobileconfig')} download>
              Download the profile (it asks for your address)
            </a>
          )}{' '}
          <a href={url('/profile/')}>About profiles for iPhone, iPad and Mac</a>
        </p>
        <section class="instructions" aria-labelledby="chk-instr-title">
          <h3 id="chk-instr-title">
            {ins.name}: settings for {result.address ?? settings.placeholderAddress}
          </h3>
          {result.address === null ? (
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
