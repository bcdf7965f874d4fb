/**
 * Per-program warnings: which of a client's warnings (content/clients/<id>.yaml `warnings`) apply to
 * the security and port the reader chose in the checker. A warning lists the security choices that
 * fail in that program and, optionally, settings paths of the ports it applies to (smtp.port,
 * otherSmtpPorts.implicitTls, ...), so no port is typed in the entry. Pure: it ships in the checker.
 */
import type { Client } from '../../schemas/client.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { SecurityChoice } from '../../vocabulary/security.ts';
import { resolveSetting } from '../settings/template.ts';

/** What the reader chose: the security option ('' when not said) and the port in use. */
export interface Choice {
  security: SecurityChoice;
  port: number;
}

/** The message templates of the client's warnings that the choice triggers, in entry order. */
export function matchingWarnings(client: Pick<Client, 'warnings'>, settings: Settings, choice: Choice): string[] {
  if (!choice.security) return [];
  return (client.warnings ?? [])
    .filter(
      (w) =>
        w.security.includes(choice.security as Exclude<SecurityChoice, ''>) &&
        (!w.ports || w.ports.some((path) => Number(resolveSetting(settings, path)) === choice.port)),
    )
    .map((w) => w.message);
}
