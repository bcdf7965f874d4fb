// Prepares and hydrates the connection test Astro rendered on the server, with the browser settings
// every island gets (the route table's browserSettings). Loaded by schedule.ts. Its own imports are
// dynamic, so the first view's script holds no list of chunks to preload (and no preload helper).
export async function start(root: HTMLElement): Promise<void> {
  const [{ h, hydrate }, { default: ConnectionTest }, { isBrowserSettings }, { routes }, { fetchJson }] =
    await Promise.all([
      import('preact'),
      import('./ConnectionTest.tsx'),
      import('../../lib/settings/browser-settings.ts'),
      import('../../lib/site/routes.ts'),
      import('../shared/fetch-json.ts'),
    ]);
  const settings = await fetchJson(routes.browserSettings(), isBrowserSettings);
  root.dataset['prepared'] = 'true';
  hydrate(h(ConnectionTest, { settings }), root);
  root.dataset['ready'] = 'true';
}
