/**
 * What the connection test shows: one section per operating system, the address its commands use,
 * and the steps with that address filled in. Pure, so the page renders the same view on the server
 * (with the placeholder address) as the island does in the browser.
 */
import type { Settings } from '../../schemas/settings.ts';
import { checkAddress } from '../checker/check.ts';
import { connectionTestSteps, endpoints, type Os, type Step } from './commands.ts';

export const SYSTEMS: readonly { os: Os; name: string; intro: string }[] = [
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

export interface CommandAddress {
  /** The address the commands use: the reader's, once it is valid, else the placeholder. */
  address: string;
  /** What to say about it, in the field's live message. */
  message: string;
  /** True when what was typed cannot be an address. */
  invalid: boolean;
}

/** The address to put in the commands, and what to say about it. */
export function addressFor(raw: string, settings: Settings): CommandAddress {
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

/** The steps for one system, with `address` filled in. */
export function stepsFor(os: Os, settings: Settings, address: string): Step[] {
  return connectionTestSteps(os, { ...endpoints(settings), address });
}
