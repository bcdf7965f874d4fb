/**
 * The checker: validates what the reader types and writes instructions for their program.
 * It imports only src/lib and types, so the bundle is Preact plus our own logic. Everything typed
 * stays in the page: no request carries it.
 *
 * The first view is server-rendered from the same model (src/lib/checker/checker-model.ts). This
 * component and its logic load after the page (schedule.ts), so they never weigh on the first view,
 * and once loaded they work offline. A class component holds the state; the pieces it renders are
 * small function components without hooks (parts.tsx), so no preact/hooks is in the bundle.
 *
 * State has one source of truth: the view (input, findings, client, instructions) is recomputed
 * from the latest state in setState's updater, never from a second copy kept in step.
 */
import { Component } from 'preact';
import type { Client } from '../../schemas/client.ts';
import type { CheckInput, Finding } from '../../lib/checker/check.ts';
import {
  checkerView,
  initialView,
  isClientData,
  profileApplies,
  type CheckerProps,
  type CheckerView,
} from '../../lib/checker/checker-model.ts';
import { mobileconfig } from '../../lib/files/mobileconfig.ts';
import { routes } from '../../lib/site/routes.ts';
import { fetchJson } from '../shared/fetch-json.ts';
import { ClientField, Findings, Instructions, ProfileDownload, SecurityField, TextField } from './parts.tsx';

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

/** Client entries fetched on demand from /clients/<id>.json (same origin; the URL holds only the id). */
const cache = new Map<string, Client>();

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
        client = await fetchJson(routes.clientData(id), isClientData);
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

  render(
    { settings, groups, stepsFirst }: IslandProps,
    { input, result, client, instructions: ins, chosen, unavailable, announced, live }: State,
  ) {
    const of = (field: Finding['field']) => result.findings.filter((f) => f.field === field);
    const form = (
      // Not a <form>: nothing is ever submitted, the checker answers as you type.
      <div class="checker-form" role="group" aria-label="Your settings">
        <TextField
          field="address"
          label="Your iCloud Mail email address"
          value={input.address}
          findings={of('address')}
          onInput={(address) => this.update({ address })}
          extra={{
            inputMode: 'email',
            spellcheck: false,
            autocapitalize: 'off',
            placeholder: settings.placeholderAddress,
          }}
        />
        <TextField
          field="port"
          label="Outgoing port"
          value={input.port}
          findings={of('port')}
          onInput={(port) => this.update({ port })}
          extra={{ inputMode: 'numeric' }}
        />
        <TextField
          field="server"
          label="Outgoing server (optional)"
          value={input.server}
          findings={of('server')}
          onInput={(server) => this.update({ server })}
          extra={{ spellcheck: false, autocapitalize: 'off' }}
        />
        <SecurityField
          value={input.security}
          findings={of('security')}
          onChange={(security) => this.update({ security })}
        />
        <ClientField groups={groups} chosen={chosen} onChange={(id) => void this.choose(id)} />
      </div>
    );
    const steps = <Instructions ins={ins} client={client} settings={settings} address={result.address} live={live} />;
    return (
      <div class="checker">
        {stepsFirst ? steps : null}
        {form}
        <Findings announced={announced} unavailable={unavailable} shown={client.name} />
        {profileApplies(client) ? (
          <ProfileDownload live={live} address={result.address} onDownload={(a) => this.download(a)} />
        ) : null}
        {stepsFirst ? null : steps}
      </div>
    );
  }
}
