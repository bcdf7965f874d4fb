/**
 * The frontmatter text of a FAQ answer (question, short answer) with its `{path}` settings tokens
 * filled in, so a question can name a port without typing it. Every consumer (pages, JSON-LD,
 * meta description, the /faq/ index, links to an answer) reads the result, never the raw text.
 */
import { fillTemplate } from '../settings/template.ts';

export interface FaqText {
  question: string;
  short: string;
}

/**
 * Fills the tokens of both fields. An unknown path throws with the file and the field named, for
 * example `content/faq/port-465.mdx, question: Unknown setting path "smtp.prot". Valid paths: ...`.
 */
export function resolveFaqText<T extends FaqText>(data: T, settings: object, file: string): T {
  const fill = (field: keyof FaqText): string => {
    try {
      return fillTemplate(data[field], settings, { strict: true });
    } catch (error) {
      throw new Error(`${file}, ${field}: ${(error as Error).message}`, { cause: error });
    }
  };
  return { ...data, question: fill('question'), short: fill('short') };
}
