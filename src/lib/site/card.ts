/**
 * Share cards: the 1200×630 image that chats and forums show for a shared link. This module holds
 * the pure parts (where a page's card lives, what it says, its layout as a satori element tree);
 * src/integrations/site-files.ts renders the PNGs at build time from the built pages.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Lines a title may take before it ends with an ellipsis, and lines for the short answer. */
export const TITLE_LINES = 4;
export const NOTE_LINES = 3;
const PAD_X = 72;

/** A page's card path, relative to the site's base: '/faq/port-465/' → 'og/faq/port-465.png'. */
export function cardPath(pagePath: string): string {
  const name = pagePath
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.html$/, '')
    .replace(/[^a-z0-9/_-]/gi, '-');
  return `og/${name || 'index'}.png`;
}

export interface CardText {
  /** The page's title: the question, the error, "Set up iCloud Mail in Grafana". */
  title: string;
  /** A line under the title (FAQ answers: the short answer). */
  note?: string | undefined;
  /** The site's name, shown at the top. */
  site: string;
}

/** The text a card shows, as one sentence for og:image:alt. */
export function cardAlt({ title, note }: Omit<CardText, 'site'>): string {
  return note ? `${title}: ${note}` : title;
}

/** A satori element: what React.createElement would build, as plain data. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardNode | CardNode[] };
}

const node = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']) => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/** Larger type for short titles, smaller for long ones, so a 120-character question still fits. */
export function titleSize(title: string): number {
  if (title.length <= 40) return 68;
  if (title.length <= 80) return 58;
  return 50;
}

/** The card's layout. Long text wraps between words and ends with an ellipsis past its lines. */
export function cardTree({ title, note, site }: CardText): CardNode {
  const size = titleSize(title);
  // An explicit width: satori lets a block's text run into the parent's right padding otherwise.
  const clamp = (lines: number) => ({
    display: 'block',
    width: CARD_WIDTH - 2 * PAD_X,
    lineClamp: lines,
    overflow: 'hidden',
  });
  return node(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      padding: `64px ${PAD_X}px`,
      background: '#ffffff',
      color: '#16181d',
      fontFamily: 'Inter',
      borderTop: '16px solid #0b57d0',
    },
    [
      node('div', { fontSize: 30, fontWeight: 700, color: '#0b57d0', marginBottom: 36 }, site),
      node('div', { fontSize: size, fontWeight: 700, lineHeight: 1.18, ...clamp(TITLE_LINES) }, title),
      ...(note
        ? [node('div', { fontSize: 32, lineHeight: 1.35, color: '#4b5160', marginTop: 28, ...clamp(NOTE_LINES) }, note)]
        : []),
    ],
  );
}
