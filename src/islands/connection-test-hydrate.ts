// Hydrates the connection test that Astro rendered on the server, with the same props (JSON data block).
import { h, hydrate } from 'preact';
import ConnectionTest, { type ConnectionTestProps } from './ConnectionTest.tsx';

const root = document.getElementById('connection-test');
const data = document.getElementById('connection-test-props');
if (root && data?.textContent) {
  hydrate(h(ConnectionTest, JSON.parse(data.textContent) as ConnectionTestProps), root);
  root.dataset['ready'] = 'true';
}
