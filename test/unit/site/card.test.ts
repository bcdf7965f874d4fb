// Share cards: where each page's card lives, what it says, and that long titles wrap between words
// and end with an ellipsis rather than being cut. The layout is read from satori's own output (text
// kept as <text> elements, one per word, each with its line's y).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CARD_HEIGHT, CARD_WIDTH, TITLE_LINES, cardAlt, cardPath } from '../../../src/lib/site/card.ts';
import { cardPng, cardSvg } from '../../../src/integrations/card-render.ts';

const site = 'iCloud Mail Settings';

/** The words of the text drawn at the title's size, grouped by line. */
async function titleLines(title: string): Promise<string[]> {
  const svg = await cardSvg({ title, site }, false);
  const words = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)]
    .filter((m) => Number(m[3]) >= 50)
    .map((m) => ({ y: Number(m[2]), text: m[4]!.replace(/&amp;/g, '&') }));
  const lines = new Map<number, string>();
  for (const w of words) lines.set(w.y, (lines.get(w.y) ?? '') + w.text);
  return [...lines.values()].map((l) => l.trim());
}

test('card paths follow the page path', () => {
  assert.equal(cardPath('/'), 'og/index.png');
  assert.equal(cardPath('/faq/port-465/'), 'og/faq/port-465.png');
  assert.equal(cardPath('/clients/'), 'og/clients.png');
  assert.equal(cardPath('/404.html'), 'og/404.png');
  assert.equal(cardPath('/a b/'), 'og/a-b.png');
});

test('the alt text says what the card shows', () => {
  assert.equal(cardAlt({ title: 'Why?' }), 'Why?');
  assert.equal(cardAlt({ title: 'Why?', note: 'Because.' }), 'Why?: Because.');
});

test('a 120-character title wraps between words and shows every word', async () => {
  const title =
    'Why does my printer say wrong version number when it sends mail through iCloud on the submission port with TLS ticked on';
  assert.equal(title.length, 120);
  const lines = await titleLines(title);
  assert.ok(lines.length > 1 && lines.length <= TITLE_LINES, lines.join(' | '));
  assert.equal(lines.join(' '), title);
});

test('a title too long for the card ends with an ellipsis, and earlier lines hold whole words', async () => {
  const title = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
  const lines = await titleLines(title);
  assert.equal(lines.length, TITLE_LINES);
  assert.match(lines.at(-1)!, /…$/);
  const words = new Set(title.split(' '));
  for (const line of lines.slice(0, -1)) for (const w of line.split(' ')) assert.ok(words.has(w), `cut word "${w}"`);
});

test('a card is a 1200×630 PNG under 100 KiB, and different text makes a different card', async () => {
  const a = await cardPng({ title: 'Can I use port 25?', note: 'No: use the submission port.', site });
  const b = await cardPng({ title: 'Why is my login refused?', note: 'Use an app-specific password.', site });
  for (const png of [a, b]) {
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), CARD_WIDTH);
    assert.equal(png.readUInt32BE(20), CARD_HEIGHT);
    assert.ok(png.length < 100 * 1024, `${png.length} bytes`);
  }
  assert.notDeepEqual(a, b);
});
