/**
 * The FAQ answers the decoder's "not recognised" steps link to, by id. Named here, not in the
 * island, so the build can check that each answer exists (src/data/faq.ts, like FaqLink).
 */
export const DECODER_FAQ = {
  tls: 'ssl-or-starttls',
  password: 'app-specific-password',
  timeout: 'timeout-587',
} as const;
