// One client's data as JSON, fetched by the checker when the reader picks another program.
// Same origin, and the URL holds only the client id: nothing the reader typed.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getClients } from '../../data/clients.ts';

export const getStaticPaths = (async () => {
  return (await getClients()).map((client) => ({ params: { id: client.id }, props: { client } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['client']), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
