// The connection test's only first-view script. The island is prepared and hydrated when the
// browser is idle after the page has loaded (the boundary every island uses); the address field
// appears then. Without JavaScript, or until then, the commands show the placeholder address. No
// focus can come earlier: the field is hidden until the island is live, so whenIdle alone is enough.
import { whenIdle } from '../shared/when-idle.ts';

const root = document.getElementById('connection-test');
if (root)
  whenIdle(() => {
    // A failed load leaves the page as it is: its commands are complete with the placeholder address.
    import('./hydrate.ts').then(({ start }) => start(root)).catch(() => undefined);
  });
