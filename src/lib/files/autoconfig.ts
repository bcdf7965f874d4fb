/**
 * The Thunderbird autoconfig file (clientConfig version 1.1) for iCloud Mail, built from the
 * settings source. Thunderbird already knows iCloud through its own provider database (ISPDB);
 * this file is for reference and for anyone who hosts autoconfig themselves.
 * Format: Thunderbird's autoconfig file format definition (socketType, authentication and the
 * %EMAILADDRESS% / %EMAILLOCALPART% placeholders).
 */
import type { Authentication, Security, Settings, UsernameRule } from '../../schemas/settings.ts';
import { escapeXml } from './xml.ts';

/** The socketType values Thunderbird's parser accepts. */
export type SocketType = 'plain' | 'SSL' | 'STARTTLS';

/** SSL/TLS (TLS from the first byte) is "SSL" in autoconfig; STARTTLS keeps its name. */
export function socketType(security: Security): SocketType {
  switch (security) {
    case 'SSL/TLS':
      return 'SSL';
    case 'STARTTLS':
      return 'STARTTLS';
    default: {
      const unknown: never = security;
      throw new Error(`No autoconfig socketType for security "${String(unknown)}".`);
    }
  }
}

/** A plain password inside the TLS connection is "password-cleartext" (AUTH PLAIN, LOGIN). */
export function authenticationMethod(authentication: Authentication): 'password-cleartext' {
  switch (authentication) {
    case 'password':
      return 'password-cleartext';
    default: {
      const unknown: never = authentication;
      throw new Error(`No autoconfig authentication for "${String(unknown)}".`);
    }
  }
}

/**
 * The placeholder Thunderbird replaces with the reader's address. Where the name part is usual
 * and the full address the fallback, the file gives the name part (as the ISPDB entry does).
 */
export function usernamePlaceholder(rule: UsernameRule): '%EMAILADDRESS%' | '%EMAILLOCALPART%' {
  switch (rule) {
    case 'full-address':
      return '%EMAILADDRESS%';
    case 'local-part-or-full-address':
      return '%EMAILLOCALPART%';
    default: {
      const unknown: never = rule;
      throw new Error(`No autoconfig username for "${String(unknown)}".`);
    }
  }
}

type Server = Settings['smtp'] | Settings['imap'];

function serverXml(tag: 'incomingServer' | 'outgoingServer', type: 'imap' | 'smtp', server: Server): string[] {
  return [
    `    <${tag} type="${type}">`,
    `      <hostname>${escapeXml(server.server.value)}</hostname>`,
    `      <port>${server.port.value}</port>`,
    `      <socketType>${socketType(server.security.value)}</socketType>`,
    `      <username>${usernamePlaceholder(server.username.value)}</username>`,
    `      <authentication>${authenticationMethod(server.authentication.value)}</authentication>`,
    `    </${tag}>`,
  ];
}

function documentationXml(url: string, description: string): string[] {
  return [
    `    <documentation url="${escapeXml(url)}">`,
    `      <descr lang="en">${escapeXml(description)}</descr>`,
    '    </documentation>',
  ];
}

/**
 * The clientConfig XML. `docUrl` is the absolute URL of this site's SMTP page (the caller makes it
 * with absoluteUrl(routes.page('smtp'), site)); the documentation links point at it and at Apple's
 * settings page from the source.
 */
export function autoconfigXml(settings: Settings, docUrl: string): string {
  const domains = settings.domains.value;
  const id = domains[0];
  if (id === undefined) throw new Error('The settings source lists no address domain.');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Built from the settings source of this site. Thunderbird already knows this provider',
    '     through its own database; this copy is for reference and for hosting autoconfig yourself. -->',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${escapeXml(id)}">`,
    ...domains.map((domain) => `    <domain>${escapeXml(domain)}</domain>`),
    `    <displayName>${escapeXml(settings.provider)}</displayName>`,
    `    <displayShortName>${escapeXml(settings.provider)}</displayShortName>`,
    ...serverXml('incomingServer', 'imap', settings.imap),
    ...serverXml('outgoingServer', 'smtp', settings.smtp),
    ...documentationXml(docUrl, `${settings.provider} SMTP and IMAP settings, with fixes for common errors`),
    ...documentationXml(settings.smtp.server.source, `Apple: ${settings.provider} settings for other email apps`),
    '  </emailProvider>',
    '</clientConfig>',
    '',
  ].join('\n');
}
