/**
 * Recognises an app-specific password typed where an address belongs, so the checker can say where
 * it goes without ever repeating it. The shape comes from the settings (`password.format`, such as
 * `xxxx-xxxx-xxxx-xxxx`) through the recogniser the decoder's masking uses too (text/app-password.ts).
 */
import type { Settings } from '../../schemas/settings.ts';
import { hasAppPasswordShape } from '../text/app-password.ts';

/**
 * True when `value` (or the part before its @) has the shape of an app-specific password.
 * Surrounding spaces are ignored. A format with no letter placeholder never matches.
 */
export function looksLikeAppPassword(value: string, settings: Pick<Settings, 'password'>): boolean {
  return hasAppPasswordShape(value, settings.password.format.value);
}
