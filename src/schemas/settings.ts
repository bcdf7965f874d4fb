import { z } from 'astro/zod';
import { checkAppleSource, fact, provenanceShape } from './fact.ts';
import { httpsUrlSchema, isoDateSchema } from './common.ts';
import { SECURITY_MODES } from '../vocabulary/security.ts';

const hostname = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Expected a lower-case host name such as mail.example.com.',
  );
const port = z.int().min(1).max(65535);
const security = z.enum(SECURITY_MODES);
const authentication = z.enum(['password']);

/** One side of the connection (sending or receiving). */
const serverSchema = <U extends z.ZodType>(username: U) =>
  z.strictObject({
    /** Host name the program connects to. */
    server: fact(hostname),
    /** TCP port. */
    port: fact(port),
    /** STARTTLS (plain, then upgrade) or SSL/TLS (TLS from the first byte). */
    security: fact(security),
    /** How the program proves who it is. */
    authentication: fact(authentication),
    /** Which form of the address goes in the username field. */
    username: fact(username),
  });

/** A port people try instead of the documented one, with what is known of it. */
const otherPortSchema = z
  .strictObject({
    value: port,
    status: z.enum(['undocumented-works', 'not-documented', 'unconfirmed']),
    ...provenanceShape,
  })
  .superRefine(checkAppleSource);

/** A host name people type instead of the documented one, with why it is wrong. */
const wrongHostSchema = z
  .strictObject({
    value: hostname,
    status: z.enum(['obsolete', 'undocumented', 'wrong', 'inbound-mx']),
    ...provenanceShape,
  })
  .superRefine(checkAppleSource);

export const settingsSchema = z.strictObject({
  /** The service's name as pages print it. */
  provider: z.string().min(1),
  /** The address shown in instructions until the reader types theirs. */
  placeholderAddress: z.email(),
  /** Address domains that belong to iCloud Mail. */
  domains: fact(z.array(hostname).min(1)),
  /** Outgoing mail. SMTP always takes the full address. */
  smtp: serverSchema(z.literal('full-address')),
  /** Incoming mail. IMAP usually takes the name part, with the full address as fallback. */
  imap: serverSchema(z.literal('local-part-or-full-address')),
  /** Whether POP is offered (it is not). */
  pop: fact(z.boolean()),
  /** The app-specific password rule. */
  password: z.strictObject({
    kind: fact(z.literal('app-specific')),
    requiresTwoFactor: fact(z.boolean()),
    createAt: fact(httpsUrlSchema('The address')),
    section: fact(z.string().min(1)),
    item: fact(z.string().min(1)),
    maxActive: fact(z.int().positive()),
    revokedOnPasswordChange: fact(z.boolean()),
    format: fact(z.string().min(1)),
    requiredSince: fact(isoDateSchema),
  }),
  /** Apple's sending limits: current figures, plus the outdated ones people still quote. */
  limits: z.strictObject({
    messagesPerDay: fact(z.int().positive()),
    recipientsPerDay: fact(z.int().positive()),
    recipientsPerMessage: fact(z.int().positive()),
    messageSizeMB: fact(z.number().positive()),
    mailDropGB: fact(z.number().positive()),
    outdatedMessagesPerDay: fact(z.int().positive()),
    outdatedRecipientsPerMessage: fact(z.int().positive()),
  }),
  /** Sending ports other than the documented one, keyed by a stable name. */
  otherSmtpPorts: z.strictObject({
    implicitTls: otherPortSchema,
    plain: otherPortSchema,
    /** An alternative submission port some mail services offer; people try it when the documented one is blocked. */
    alternate: otherPortSchema,
  }),
  /** Receiving ports other than the documented one. */
  otherImapPorts: z.strictObject({ starttls: otherPortSchema }),
  /** Host names that are not the sending server, keyed by a stable name. */
  wrongHosts: z.record(z.string().regex(/^[a-zA-Z0-9]+$/), wrongHostSchema),
  /** Domains of other mail providers, used to spot an Apple Account email typed as a login. */
  otherProviderDomains: z.array(hostname),
  /** The Sign in with Apple relay domain. */
  relayDomain: fact(hostname),
});

/** The settings file: one entry, keyed by provider id. */
export const settingsFileSchema = z.strictObject({ icloud: settingsSchema });

export type Settings = z.infer<typeof settingsSchema>;
export type Security = z.infer<typeof security>;
export type Authentication = z.infer<typeof authentication>;
/** Which form of the address a side takes as its username. */
export type UsernameRule = Settings['smtp']['username']['value'] | Settings['imap']['username']['value'];
