/**
 * A YYYY-MM-DD date as readers see it, "30 November 2026": the same text on every machine and
 * time zone (no Date parsing, no locale). Pair it with <time datetime="YYYY-MM-DD">.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  const day = m ? Number(m[3]) : 0;
  if (!m || !month || day < 1 || day > 31) throw new Error(`Not a YYYY-MM-DD date: "${iso}".`);
  return `${day} ${month} ${m[1]}`;
}
