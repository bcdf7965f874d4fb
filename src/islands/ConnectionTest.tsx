/**
 * The connection test's commands, with the reader's address filled in. Rendered on the server with
 * the placeholder address (complete without JavaScript), hydrated after load when the browser is
 * idle; the address field appears then. The address stays in the page: no request, URL or storage
 * carries it, and the page never asks for a password (the commands ask for it on the reader's machine).
 */
import { Component } from 'preact';
import type { Settings } from '../schemas/settings.ts';
import { checkAddress } from '../lib/checker/check.ts';
import { connectionTestSteps, endpoints, type Os, type Step } from '../lib/connection-test/commands.ts';

export interface ConnectionTestProps {
  /** Values only (see src/lib/browser-settings.ts). */
  settings: Settings;
}

interface State {
  address: string;
  live: boolean;
}

export const SYSTEMS: { os: Os; name: string; intro: string }[] = [
  {
    os: 'macos',
    name: 'macOS',
    intro:
      'Open Terminal and paste one step at a time. openssl, curl and nc come with macOS; swaks is a small extra tool (for example “brew install swaks”).',
  },
  {
    os: 'linux',
    name: 'Linux',
    intro:
      'Open a terminal running bash and paste one step at a time. You need openssl, curl and swaks (on Debian and Ubuntu: “sudo apt install openssl curl swaks”).',
  },
  {
    os: 'windows',
    name: 'Windows',
    intro:
      'Open PowerShell (not the old Command Prompt) and paste one step at a time. Everything used comes with Windows.',
  },
];

/** The address to put in the commands, and what to say about it. */
export function addressFor(raw: string, settings: Settings): { address: string; message: string; invalid: boolean } {
  const placeholder = settings.placeholderAddress;
  const v = raw.trim();
  if (!v)
    return {
      address: placeholder,
      message: `The commands use ${placeholder} until you type your address.`,
      invalid: false,
    };
  const error = checkAddress(raw, settings).find((f) => f.severity === 'error');
  if (error)
    return {
      address: placeholder,
      message: `${error.message}${error.fix ? ` ${error.fix}` : ''} The commands still use ${placeholder}.`,
      invalid: true,
    };
  return { address: v, message: 'The commands below now use your address.', invalid: false };
}

export function stepsFor(os: Os, settings: Settings, address: string): Step[] {
  return connectionTestSteps(os, { ...endpoints(settings), address });
}

export default class ConnectionTest extends Component<ConnectionTestProps, State> {
  constructor(props: ConnectionTestProps) {
    super(props);
    this.state = { address: '', live: false };
  }

  override componentDidMount() {
    // Anything typed before hydration finished is kept.
    const input = document.getElementById('ct-address') as HTMLInputElement | null;
    this.setState({ live: true, address: input?.value ?? '' });
  }

  onInput = (e: Event) => {
    this.setState({ address: (e.currentTarget as HTMLInputElement).value });
  };

  override render({ settings }: ConnectionTestProps, { address, live }: State) {
    const a = addressFor(address, settings);
    return (
      <div class="connection-test">
        <div class="ct-address" hidden={!live}>
          <label for="ct-address">Your iCloud Mail address, to fill in the commands</label>
          <input
            id="ct-address"
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={address}
            onInput={this.onInput}
            aria-invalid={a.invalid ? 'true' : undefined}
            aria-describedby="ct-address-msg"
          />
          <p id="ct-address-msg" role="status" aria-live="polite" class={a.invalid ? 'ct-error' : 'muted'}>
            {live ? a.message : ''}
          </p>
        </div>
        {SYSTEMS.map(({ os, name, intro }) => (
          <section key={os} aria-labelledby={`ct-${os}`}>
            <h2 id={`ct-${os}`}>{name}</h2>
            <p>{intro}</p>
            <ol class="ct-steps">
              {stepsFor(os, settings, a.address).map((s) => (
                <li key={s.id}>
                  <h3 id={`ct-${os}-${s.id}`}>{s.title}</h3>
                  <p>{s.why}</p>
                  <div class="ct-command">
                    <pre tabIndex={0} aria-labelledby={`ct-${os}-${s.id}`}>
                      <code>{s.command}</code>
                    </pre>
                    <button
                      type="button"
                      class="copy"
                      data-copy={s.command}
                      aria-describedby={`ct-${os}-${s.id}`}
                      hidden={!live}
                    >
                      Copy
                    </button>
                  </div>
                  <p>
                    <strong>Success looks like:</strong> {s.success}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    );
  }
}
