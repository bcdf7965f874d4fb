// Hydrates the decoder Astro rendered on the server. Its props travel as JSON in a non-executing
// <script type="application/json"> (strict CSP: no inline code).
import { h, hydrate } from 'preact';
import Decoder, { type DecoderProps } from './Decoder.tsx';

const root = document.getElementById('decoder');
const data = document.getElementById('decoder-props');
if (root && data?.textContent) {
  hydrate(h(Decoder, JSON.parse(data.textContent) as DecoderProps), root);
  root.dataset['ready'] = 'true';
}
