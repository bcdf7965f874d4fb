/**
 * Turns one client entry and the settings into the instructions a page or the checker shows:
 * fields, steps, gotchas and a snippet, filled with the reader's address. Pure and small: it ships
 * in the checker's browser bundle, so it imports only types from the schemas.
 *
 * Tokens (see src/schemas/client.ts): {address}, {localpart}, any settings path such as
 * {smtp.server}; in snippets the address tokens take |q (a whole literal of the snippet's language)
 * or |in (escaped inside a literal the template opened), after optional |url and |login.
 * `{{` writes a literal `{`. An unknown token or filter throws, so a typo cannot ship.
 */
import type { Client, SnippetLanguage } from '../../schemas/client.ts';
import type { Settings } from '../../schemas/settings.ts';
import { formatSetting, renderTemplate, resolveSetting } from '../settings/template.ts';
import { localPart } from '../text/address.ts';
import { QuoteError, quote, quoteInner, urlUserinfo, userForPair } from './quote.ts';
import { matchingWarnings, type Choice } from './client-warnings.ts';

/** One field as shown to the reader. Plain text throughout. */
export interface InstructionField {
  /** Which part of the account it belongs to. */
  section: 'outgoing' | 'incoming' | 'account';
  /** The label as the program shows it (neutral wording when labelConfirmed is false). */
  label: string;
  /** False when the label's wording is not confirmed; say so next to it. */
  labelConfirmed: boolean;
  /** What to type, the option to pick, or (for passwords) what goes there in words. */
  value: string;
  /** True for values the reader types or pastes (server, port, address): give them a copy button.
   *  False for options to pick and for values described in words. */
  copy: boolean;
  /** A short remark. */
  note?: string;
}

export interface Instructions {
  clientId: string;
  name: string;
  /** The menu path joined with ' > ', or null when unconfirmed or not applicable (code). */
  where: string | null;
  fields: InstructionField[];
  steps: string[];
  /** The code to paste, with the address quoted for its language. */
  snippet?: { language: string; filename?: string; code: string };
  gotchas: string[];
  /** Notices for the reader, such as an address the snippet's format cannot hold. Usually empty. */
  warnings: string[];
}

/** The address a template is filled with, and its name part. */
export interface Person {
  address: string;
  localpart: string;
}

function who(address: string): Person {
  return { address, localpart: localPart(address) };
}

/** Fills a template. With a language (snippets), address tokens must say how they are quoted. */
export function fill(template: string, settings: Settings, person: Person, language?: SnippetLanguage): string {
  return renderTemplate(template, ({ name, filters, raw: all }) => {
    const own = name === 'address' || name === 'localpart' || name === 'domain';
    let value =
      name === 'domain'
        ? person.address.slice(person.address.lastIndexOf('@') + 1)
        : own
          ? person[name as keyof Person]
          : formatSetting(resolveSetting(settings, name));
    let quoted = false;
    for (const filter of filters) {
      if (filter === 'url') value = urlUserinfo(value);
      else if (filter === 'login') value = userForPair(value);
      else if (language && (filter === 'q' || filter === 'in')) {
        value = filter === 'q' ? quote(language, value) : quoteInner(language, value);
        quoted = true;
      } else
        throw new Error(`Unknown filter "|${filter}" in ${all}${language ? '' : ' (|q and |in belong in snippets)'}.`);
    }
    if (own && language && !quoted)
      throw new Error(`${all} in a ${language} snippet needs |q or |in, so the address is quoted.`);
    return value;
  });
}

/** The instructions for one client. `address` null means: use the settings' placeholder address.
 *  With the reader's security and port `choice`, the client's own warnings for it are added. */
export function buildInstructions(
  client: Client,
  settings: Settings,
  address: string | null,
  choice?: Choice,
): Instructions {
  const placeholder = settings.placeholderAddress;
  const person = who(address ?? placeholder);
  const warnings: string[] = [];
  // A template the address cannot be written into (a QuoteError) is filled with the placeholder instead, and the reader is told.
  const render = (t: string, language?: SnippetLanguage) => {
    try {
      return fill(t, settings, person, language);
    } catch (e) {
      if (!(e instanceof QuoteError)) throw e;
      const warning = `${e.message} So the example uses ${placeholder}: check the address you typed, then put yours in by hand.`;
      if (!warnings.includes(warning)) warnings.push(warning);
      return fill(t, settings, who(placeholder), language);
    }
  };
  const out: Instructions = {
    clientId: client.id,
    name: client.name,
    where: client.menuPath ? client.menuPath.join(' > ') : null,
    fields: client.fields.map((f) => ({
      section: f.section,
      label: f.label,
      labelConfirmed: f.labelConfirmed,
      value: render(f.value),
      copy: f.action === 'enter',
      ...(f.note ? { note: render(f.note) } : {}),
    })),
    steps: client.steps.map((t) => render(t)),
    gotchas: client.gotchas.map((t) => render(t)),
    warnings,
  };
  if (choice) for (const t of matchingWarnings(client, settings, choice)) warnings.push(render(t));
  const s = client.snippet;
  if (s)
    out.snippet = {
      language: s.language,
      code: render(s.template, s.language),
      ...(s.filename ? { filename: s.filename } : {}),
    };
  return out;
}
