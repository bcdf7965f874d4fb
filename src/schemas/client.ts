import { z } from 'astro/zod';
import { CLIENT_GROUPS, type ClientGroupId } from '../vocabulary/client-groups.ts';
import { securityChoiceValues } from '../vocabulary/security.ts';
import { httpsUrlSchema, isoDateSchema, slugSchema } from './common.ts';

/**
 * Templates: text with tokens in braces, filled by src/lib/checker/instructions.ts.
 *   {address}        the reader's address (or the placeholder address)
 *   {localpart}      the part of the address before the last '@' (the usual IMAP login)
 *   {domain}         the part of the address after the last '@' (a From domain field, as in Nextcloud)
 *   {smtp.server}    any settings path, read from content/settings.yaml (resolveSetting)
 * In a snippet, the address tokens must say how they are written, with filters applied left to right:
 *   |q       a complete literal of the snippet's language, quotes included ('you@…' in Python)
 *   |in      escaped for the inside of a literal the template already opened
 *   |url     percent-encoded for the user part of a URL (mutt's smtp_url)
 *   |login   refuses a ':' or surrounding whitespace (the user of a `user:password` pair)
 * `{{` writes a literal `{` (for code such as Go's `[]string{{to}`).
 */
const templateSchema = z.string().min(1, 'Write some text.');

/** A client id: lower-case words joined by hyphens, written in the entry and equal to the file name. */
export const clientIdSchema = slugSchema('A client id', 'thunderbird');

/** Where a program runs. */
export const platformSchema = z.enum(['macOS', 'iOS and iPadOS', 'Windows', 'Android', 'Web', 'Linux', 'any']);

/** Headings of the client index, in this order (CLIENT_GROUPS in src/vocabulary/client-groups.ts). */
export const clientGroupSchema = z.enum(CLIENT_GROUPS.map((g) => g.id) as [ClientGroupId, ...ClientGroupId[]]);

/** Languages and file formats a snippet can be written in; each has a quoting function in src/lib/checker/quote.ts. */
export const snippetLanguageSchema = z.enum([
  'shell',
  'python',
  'javascript',
  'php',
  'ruby',
  'go',
  'csharp',
  'java',
  'yaml',
  'compose',
  'dotenv',
  'properties',
  'gitconfig',
  'msmtp',
  'muttrc',
  'ini',
  'elixir',
  'rust',
  'powershell',
  'url',
]);

/** One field, checkbox or choice in a program's settings, as the reader meets it. */
export const clientFieldSchema = z.strictObject({
  /** Which part of the account it belongs to: sending, receiving, or the account itself. */
  section: z.enum(['outgoing', 'incoming', 'account']),
  /** The label exactly as the program shows it; neutral wording ("the outgoing port field") when not confirmed. */
  label: z.string().min(1),
  /** False when the facts mark the label UNCONFIRMED; the page then says the wording may differ. */
  labelConfirmed: z.boolean(),
  /**
   * Where the exact label comes from: the url of one of the entry's `sources` marked `primary`
   * (the vendor's documentation or the program's own strings). Required when labelConfirmed is
   * true, not allowed when it is false.
   */
  labelSource: httpsUrlSchema('The label source').optional(),
  /** enter: type or paste the value; choose: pick this option or checkbox state; describe: the value is said in words (passwords). */
  action: z.enum(['enter', 'choose', 'describe']),
  /** A template for "enter", the option text for "choose", a phrase for "describe". */
  value: templateSchema,
  /** A short remark shown beside the field (a template). */
  note: templateSchema.optional(),
});

/** A code or configuration example, filled with the reader's address. */
export const clientSnippetSchema = z.strictObject({
  /** The language or file format; decides how the address is quoted. */
  language: snippetLanguageSchema,
  /** The file it goes in, when there is a usual one (shown above the code). */
  filename: z.string().min(1).optional(),
  /** The code, with tokens; address tokens carry |q or |in. */
  template: templateSchema,
});

/** The security choices the checker offers (src/vocabulary/security.ts). */
export const securityChoiceSchema = z.enum(securityChoiceValues);

/**
 * A warning the checker shows for this program when the reader's security choice (and port) is one
 * that fails in it, said in the program's own words. Read by src/lib/checker/client-warnings.ts.
 */
export const clientWarningSchema = z.strictObject({
  /** The checker's security choices that trigger it. */
  security: z.array(securityChoiceSchema).min(1),
  /** Settings paths of ports, such as smtp.port: it fires only when the port in use is one of them. Omit for any port. */
  ports: z
    .array(z.string().regex(/^[A-Za-z]\w*(\.\w+)+$/, 'A settings path such as smtp.port.'))
    .min(1)
    .optional(),
  /** What the choice means in this program and what to set instead (a template). */
  message: templateSchema,
});

/** A page or file that states the facts used in the entry. */
export const clientSourceSchema = z.strictObject({
  /** What the source is, as a link text. */
  title: z.string().min(1),
  /** Its address. */
  url: httpsUrlSchema(),
  /** True for a primary source: the vendor's own documentation or the program's own source strings. */
  primary: z.boolean().optional(),
});

/** One email program or code library (content/clients/<id>.yaml). */
export const clientSchema = z
  .strictObject({
    /** Stable id: the path of /clients/<id>/ and the file name. Never changes once published. */
    id: clientIdSchema,
    /** The name readers know it by. */
    name: z.string().min(1),
    /** Other names people know it by (a former name, the company, the package); the /clients/ filter matches them. */
    aliases: z.array(z.string().min(1)).optional(),
    /** One sentence on what the page covers, for the index and the meta description. */
    summary: z.string().min(20).max(200),
    /** app: a program with a settings screen; code: a library, framework, tool or config file. */
    kind: z.enum(['app', 'code']),
    /** The heading it is listed under on the index. */
    group: clientGroupSchema,
    /** Position on the index (lower first). */
    order: z.int().nonnegative(),
    /** Where it runs. */
    platforms: z.array(platformSchema).min(1),
    /** Which versions the labels were read from, when the facts say. */
    appliesTo: z.string().min(1).optional(),
    /** How sure the facts are of the labels and paths: high, medium or low. */
    confidence: z.enum(['high', 'medium', 'low']),
    /** Why the confidence is what it is, in one sentence. */
    confidenceNote: z.string().min(1).optional(),
    /** The menu path to the settings, one step per item; null when the path is unconfirmed or there is none (code). */
    menuPath: z.array(z.string().min(1)).min(1).nullable(),
    /** Neutral words for where the settings are, used when menuPath is null for an app. */
    menuHint: z.string().min(1).optional(),
    /** The fields to fill in, in the order the program shows them. */
    fields: z.array(clientFieldSchema),
    /** What to do, in order (templates). */
    steps: z.array(templateSchema).min(1),
    /** What trips people up with this program (templates). */
    gotchas: z.array(templateSchema),
    /** Warnings for security and port choices that fail in this program (shown by the checker). */
    warnings: z.array(clientWarningSchema).optional(),
    /** The code or configuration to paste; required for kind "code". */
    snippet: clientSnippetSchema.optional(),
    /** Where the labels, paths and option meanings come from. */
    sources: z.array(clientSourceSchema).min(1),
    /** The date someone last checked these instructions against their sources, YYYY-MM-DD. */
    checked: isoDateSchema,
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'code' && !c.snippet) {
      ctx.addIssue({ code: 'custom', path: ['snippet'], message: 'A code entry needs a snippet.' });
    }
    if (c.kind === 'app' && c.menuPath === null && !c.menuHint) {
      ctx.addIssue({
        code: 'custom',
        path: ['menuHint'],
        message: 'An app without a confirmed menu path needs a menuHint in neutral words.',
      });
    }
    const primary = new Set(c.sources.filter((s) => s.primary).map((s) => s.url));
    const listed = new Set(c.sources.map((s) => s.url));
    c.fields.forEach((f, i) => {
      if (f.labelConfirmed && !f.labelSource) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'labelSource'],
          message: `"${f.label}" is marked confirmed: give the url of the primary source that shows this label, or set labelConfirmed: false and use neutral words.`,
        });
      } else if (f.labelConfirmed && f.labelSource && !primary.has(f.labelSource)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'labelSource'],
          message: listed.has(f.labelSource)
            ? "The label source must be a primary source: mark that entry of sources with primary: true only if it is the vendor's documentation or the program's own strings."
            : "The label source must be the url of one of this entry's sources (marked primary: true).",
        });
      } else if (!f.labelConfirmed && f.labelSource) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'labelSource'],
          message: 'An unconfirmed label has no label source: remove it, or set labelConfirmed: true.',
        });
      }
      if (/password/i.test(f.label) && f.action === 'enter') {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'action'],
          message: 'A password is described in words ("describe"), never given a value to enter.',
        });
      }
    });
  });

export type ClientId = z.infer<typeof clientIdSchema>;
export type Platform = z.infer<typeof platformSchema>;
export type ClientGroup = z.infer<typeof clientGroupSchema>;
export type SnippetLanguage = z.infer<typeof snippetLanguageSchema>;
export type ClientField = z.infer<typeof clientFieldSchema>;
export type ClientSnippet = z.infer<typeof clientSnippetSchema>;
export type ClientSource = z.infer<typeof clientSourceSchema>;
export type ClientWarning = z.infer<typeof clientWarningSchema>;
export type SecurityChoiceValue = z.infer<typeof securityChoiceSchema>;
export type Client = z.infer<typeof clientSchema>;
