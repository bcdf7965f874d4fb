/**
 * The checker's pieces as small function components without hooks: each renders from its props
 * alone, on the server and in the browser alike. The state lives in Checker.tsx.
 */
import type { ComponentChildren } from 'preact';
import type { Client } from '../../schemas/client.ts';
import type { Settings } from '../../schemas/settings.ts';
import { MAX_FIELD_LENGTH, type Field, type Finding } from '../../lib/checker/check.ts';
import type { ChooserGroup } from '../../lib/checker/checker-model.ts';
import type { Instructions as Built } from '../../lib/checker/instructions.ts';
import { routes } from '../../lib/site/routes.ts';
import { url } from '../../lib/site/urls.ts';
import { SECURITY_CHOICES, type SecurityChoice } from '../../vocabulary/security.ts';

const SEVERITY = { error: 'Problem', warning: 'Warning', info: 'Note', ok: 'OK' } as const;
const FIELD_NAME = { address: 'Address', port: 'Port', server: 'Server', security: 'Security' } as const;
const FIELDS: Field[] = ['address', 'port', 'server', 'security'];

/** The text a field's screen-reader message says: its findings, less the OK ones. */
const messageOf = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity !== 'ok')
    .map((f) => f.message)
    .join(' ');
const invalid = (findings: Finding[]) => (findings.some((f) => f.severity === 'error') ? 'true' : undefined);

/** Hidden until hydrated: without JavaScript a copy button would do nothing. */
export function CopyButton({ value, label, live }: { value: string; label: string; live: boolean }) {
  return (
    <button type="button" class="copy" data-copy={value} aria-label={`Copy ${label}`} hidden={!live}>
      Copy
    </button>
  );
}

interface TextFieldProps {
  field: 'address' | 'port' | 'server';
  label: string;
  value: string;
  findings: Finding[];
  onInput: (value: string) => void;
  extra: Record<string, string | boolean>;
}

export function TextField({ field, label, value, findings, onInput, extra }: TextFieldProps) {
  return (
    <div class="field">
      <label for={`chk-${field}`}>{label}</label>
      <input
        id={`chk-${field}`}
        type="text"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        maxLength={MAX_FIELD_LENGTH}
        aria-invalid={invalid(findings)}
        aria-describedby={`chk-${field}-msg`}
        {...extra}
      />
      <p id={`chk-${field}-msg`} class="sr-only">
        {messageOf(findings)}
      </p>
    </div>
  );
}

interface SecurityFieldProps {
  value: SecurityChoice;
  findings: Finding[];
  onChange: (value: SecurityChoice) => void;
}

export function SecurityField({ value, findings, onChange }: SecurityFieldProps) {
  return (
    <div class="field">
      <label for="chk-security">Security you chose (optional)</label>
      <select
        id="chk-security"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value as SecurityChoice)}
        aria-invalid={invalid(findings)}
        aria-describedby="chk-security-msg"
      >
        <option value="">Not sure / not set</option>
        {SECURITY_CHOICES.map((c) => (
          <option value={c.value}>{c.label}</option>
        ))}
      </select>
      <p id="chk-security-msg" class="sr-only">
        {messageOf(findings)}
      </p>
    </div>
  );
}

interface ClientFieldProps {
  groups: ChooserGroup[];
  chosen: string;
  onChange: (id: string) => void;
}

export function ClientField({ groups, chosen, onChange }: ClientFieldProps) {
  return (
    <div class="field">
      <label for="chk-client">Your email app or client</label>
      <select id="chk-client" value={chosen} onChange={(e) => onChange(e.currentTarget.value)}>
        {groups.map((g) => (
          <optgroup label={g.label}>
            {g.options.map((o) => (
              <option value={o.id}>{o.name}</option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

interface FindingsProps {
  announced: Finding[];
  /** A chosen client whose data could not be fetched, and the client whose instructions still show. */
  unavailable: { id: string; name: string } | null;
  shown: string;
}

/** The live region: what the checker says, in field order. */
export function Findings({ announced, unavailable, shown }: FindingsProps) {
  return (
    <div class="findings" role="status" aria-live="polite">
      <ul>
        {unavailable ? (
          <li class="finding warning">
            <strong>{unavailable.name}:</strong> its instructions could not be loaded, perhaps because the connection
            dropped. The instructions below are still for {shown}.{' '}
            <a href={url(routes.client(unavailable.id))}>Open the {unavailable.name} page</a>
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
                <a href={url(routes.faqAnchor(f.faq))}>Why?</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ProfileDownloadProps {
  live: boolean;
  address: string | null;
  onDownload: (address: string) => void;
}

export function ProfileDownload({ live, address, onDownload }: ProfileDownloadProps) {
  return (
    <p class="actions profile-download">
      iPhone, iPad or Mac:{' '}
      {live && address ? (
        <button type="button" onClick={() => onDownload(address)}>
          Download profile for {address}
        </button>
      ) : (
        <a href={url(routes.profileFile())} download>
          Download the profile (it asks for your address)
        </a>
      )}{' '}
      <a href={url(routes.page('profile'))}>About profiles for iPhone, iPad and Mac</a>
    </p>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <>
      <h4>{title}</h4>
      {children}
    </>
  );
}

interface InstructionsProps {
  ins: Built;
  client: Client;
  settings: Settings;
  address: string | null;
  live: boolean;
}

/** The steps for the chosen program, with the reader's address (or the placeholder) filled in. */
export function Instructions({ ins, client, settings, address, live }: InstructionsProps) {
  return (
    <section class="instructions" aria-labelledby="chk-instr-title">
      <h3 id="chk-instr-title">
        {ins.name}: settings for {address ?? settings.placeholderAddress}
      </h3>
      {address === null ? (
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
                {f.copy ? <CopyButton value={f.value} label={f.label} live={live} /> : null}
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
            <CopyButton value={ins.snippet.code} label={`${ins.name} snippet`} live={live} />
          </figcaption>
          <pre tabIndex={0}>
            <code>{ins.snippet.code}</code>
          </pre>
        </figure>
      ) : null}
      {ins.gotchas.length ? (
        <Section title="Watch out for">
          <ul>
            {ins.gotchas.map((g) => (
              <li>{g}</li>
            ))}
          </ul>
        </Section>
      ) : null}
    </section>
  );
}
