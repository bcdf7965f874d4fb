// Draws a share card: satori lays out the element tree from src/lib/card.ts with Inter (from the
// @fontsource/inter package, read here at build time and never loaded by a page), resvg rasterises it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardText } from '../lib/site/card.ts';

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: Font[] | undefined;
function loadFonts(): Font[] {
  const file = (weight: 400 | 700) =>
    readFileSync(fileURLToPath(import.meta.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)));
  fonts ??= [400, 700].map((weight) => ({
    name: 'Inter',
    data: file(weight as 400 | 700),
    weight: weight as 400 | 700,
    style: 'normal' as const,
  }));
  return fonts;
}

/** The card as SVG. With `outlines: false` the text stays <text> elements (tests read the lines). */
export async function cardSvg(text: CardText, outlines = true): Promise<string> {
  // satori takes plain element objects as well as JSX.
  return satori(cardTree(text), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
    embedFont: outlines,
  });
}

/** The card as PNG. */
export async function cardPng(text: CardText): Promise<Buffer> {
  return new Resvg(await cardSvg(text)).render().asPng();
}
