/**
 * The connection test's commands, with the reader's address filled in. Rendered on the server with
 * the placeholder address (complete without JavaScript), hydrated after load when the browser is
 * idle (schedule.ts); the address field appears then. The view itself is src/lib/connection-test/view.ts. The address stays in the page: no request, URL or storage
 * carries it, and the page never asks for a password (the commands ask for it on the reader's machine).
 */
import { Component } from 'preact';
import type { Settings } from '../../schemas/settings.ts';
import { MAX_FIELD_LENGTH } from '../../lib/checker/check.ts';
import { addressFor, stepsFor, SYSTEMS } from '../../lib/connection-test/view.ts';

export interface ConnectionTestProps {
  /** Values only (src/lib/settings/browser-settings.ts), as fetched from the route table's browserSettings. */
  settings: Settings;
}

interface State {
  address: string;
  live: boolean;
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
            maxLength={MAX_FIELD_LENGTH}
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
