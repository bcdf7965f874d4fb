// Hydrates the checker that Astro rendered on the server. Its props travel as JSON in a
// non-executing <script type="application/json">, so no inline code is needed (strict CSP) and no
// framework loader beyond Preact itself is shipped.
import { h, hydrate } from 'preact';
import Checker, { type CheckerProps } from './Checker.tsx';

const root = document.getElementById('checker');
const data = document.getElementById('checker-props');
if (root && data?.textContent) {
  hydrate(h(Checker, JSON.parse(data.textContent) as CheckerProps), root);
  root.dataset['ready'] = 'true';
}
