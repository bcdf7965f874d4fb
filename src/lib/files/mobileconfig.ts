/**
 * An Apple configuration profile (.mobileconfig) that adds an iCloud Mail account (IMAP + SMTP)
 * to Mail on iPhone, iPad and Mac: one com.apple.mail.managed payload, unsigned, and never a
 * password. Built from the settings source; pure, no dependencies and no node: imports, so the
 * checker can build a personalised copy in the browser (it reads only values, not provenance).
 */
import type { Authentication, Security, Settings, UsernameRule } from '../../schemas/settings.ts';
import { escapeXml } from './xml.ts';
import { localPart } from '../text/address.ts';

/**
 * Fixed across downloads and builds, and independent of the address: installing a newer copy
 * replaces the earlier one instead of adding a second account.
 */
export const PROFILE_IDENTIFIER = 'org.example.icloud-mail.profile';
/** The mail payload's identifier, unique within the profile. */
export const MAIL_PAYLOAD_IDENTIFIER = `${PROFILE_IDENTIFIER}.mail`;

export interface MobileconfigOptions {
  /** The reader's address. Without it the profile leaves address and usernames for the device to ask. */
  address?: string | undefined;
  /** A random UUID per call (crypto.randomUUID in callers); injected so tests are deterministic. */
  uuid: () => string;
}

/**
 * The profile has no separate STARTTLS key: "use SSL" means an encrypted connection, and Apple's
 * own Mail upgrades with STARTTLS on the sending port (an inference from how Mail stores iCloud;
 * Apple does not document it for profiles). Both modes therefore set it.
 */
export function useSsl(security: Security): boolean {
  switch (security) {
    case 'SSL/TLS':
    case 'STARTTLS':
      return true;
    default: {
      const unknown: never = security;
      throw new Error(`No profile setting for security "${String(unknown)}".`);
    }
  }
}

/** A password login is EmailAuthPassword. */
export function authenticationKey(authentication: Authentication): 'EmailAuthPassword' {
  switch (authentication) {
    case 'password':
      return 'EmailAuthPassword';
    default: {
      const unknown: never = authentication;
      throw new Error(`No profile authentication for "${String(unknown)}".`);
    }
  }
}

/**
 * The username a rule gives for an address. Where the name part is usual and the full address the
 * fallback (IMAP: Apple says it is "usually the name part"), the profile gives the name part; if
 * the server refuses it, the reader can type the full address in Mail's account settings.
 */
export function usernameFor(rule: UsernameRule, address: string): string {
  switch (rule) {
    case 'full-address':
      return address;
    case 'local-part-or-full-address':
      return localPart(address);
    default: {
      const unknown: never = rule;
      throw new Error(`No username for the rule "${String(unknown)}".`);
    }
  }
}

type PlistValue = string | number | boolean | readonly PlistValue[] | { readonly [key: string]: PlistValue };

function plist(value: PlistValue, indent: string): string {
  if (typeof value === 'string') return `<string>${escapeXml(value)}</string>`;
  if (typeof value === 'boolean') return value ? '<true/>' : '<false/>';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`Only integers are written, not ${value}.`);
    return `<integer>${value}</integer>`;
  }
  const inner = `${indent}\t`;
  if (Array.isArray(value)) {
    return `<array>\n${value.map((v: PlistValue) => `${inner}${plist(v, inner)}\n`).join('')}${indent}</array>`;
  }
  const entries = Object.entries(value).map(
    ([k, v]) => `${inner}<key>${escapeXml(k)}</key>\n${inner}${plist(v, inner)}\n`,
  );
  return `<dict>\n${entries.join('')}${indent}</dict>`;
}

/** The .mobileconfig XML plist. */
export function mobileconfig(settings: Settings, options: MobileconfigOptions): string {
  const { imap, smtp, provider } = settings;
  const address = options.address?.trim() ? options.address : undefined;
  const uuid = () => options.uuid().toUpperCase();

  // With an address: SMTP takes the full address, IMAP the name part (see usernameFor). Without
  // one, the address and both usernames are left out so the device asks for them.
  const identity: Record<string, string> = address
    ? {
        EmailAddress: address,
        IncomingMailServerUsername: usernameFor(imap.username.value, address),
        OutgoingMailServerUsername: usernameFor(smtp.username.value, address),
      }
    : {};

  const mail = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: MAIL_PAYLOAD_IDENTIFIER,
    PayloadUUID: uuid(),
    PayloadDisplayName: `${provider} account`,
    EmailAccountType: 'EmailTypeIMAP',
    EmailAccountDescription: provider,
    ...identity,
    IncomingMailServerHostName: imap.server.value,
    IncomingMailServerPortNumber: imap.port.value,
    IncomingMailServerUseSSL: useSsl(imap.security.value),
    IncomingMailServerAuthentication: authenticationKey(imap.authentication.value),
    OutgoingMailServerHostName: smtp.server.value,
    OutgoingMailServerPortNumber: smtp.port.value,
    OutgoingMailServerUseSSL: useSsl(smtp.security.value),
    OutgoingMailServerAuthentication: authenticationKey(smtp.authentication.value),
    // The device asks once for the app-specific password and uses it for sending too. No password
    // key is ever written: Apple allows one only in encrypted profiles, and this one is not.
    OutgoingPasswordSameAsIncomingPassword: true,
  };

  const profile = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: PROFILE_IDENTIFIER,
    PayloadUUID: uuid(),
    PayloadDisplayName: provider,
    PayloadDescription: `Adds your ${provider} account (IMAP and SMTP) to Mail. It holds no password: when you install it, type an app-specific password.`,
    PayloadContent: [mail],
  };

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plist(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}
