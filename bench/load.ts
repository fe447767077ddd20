import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { approveDemoPairs, loadDemoData } from '../seed/load.ts';

/**
 * `npm run bench:load [-- --seconds 30]`: the service on a real port (loopback only) with the demo
 * data, under autocannon: mixed reads and writes for N seconds, then the suggestions route alone
 * beside a bare Fastify JSON route. Checks that nothing answered 5xx and that every write that was
 * acknowledged is in the database. Prints tables; rerun anywhere.
 */
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, connections: { type: 'string', default: '20' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const TOKEN = 'load-test-matchmaker-token-0123';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

const dir = mkdtempSync(join(tmpdir(), 'musubi-load-'));
const db = openDatabase(join(dir, 'load.db'));
loadDemoData(db);
const app = await buildApp({ adminToken: TOKEN, db, limits: { writesPerMinute: 1_000_000 } });
await approveDemoPairs(app);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify();
bare.get('/bare', async () => ({ hello: 'world' }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

const ids = (db.$client.prepare('select id from organizations order by id').all() as { id: number }[]).map((r) => r.id);
let n = 0;
const statuses = new Map<string, number>();
const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (client, statusCode) => {
      const key = `${statusCode}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      void client;
    });
  });

const profile = (externalId: string) => JSON.stringify({
  externalId, name: `Load test ${externalId}`, kind: 'startup', country: n % 2 ? 'JP' : 'MN', city: 'Ulaanbaatar', languages: ['en'],
  description: 'Load test organisation offering software development', offers: ['Offshore software development'], needs: ['Japanese clients'],
});

const mixed = await run({
  url,
  connections,
  duration: seconds,
  requests: [
    { method: 'GET', path: '/api/organizations?limit=20', headers: auth },
    { method: 'GET', path: '/api/matches?limit=20', headers: auth },
    { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/organizations/${ids[n++ % ids.length]}/suggestions` }), headers: auth },
    { method: 'POST', path: '/api/organizations', headers: auth, setupRequest: (req) => ({ ...req, body: profile(`load-${n++}`) }) },
    { method: 'PATCH', headers: auth, setupRequest: (req) => ({ ...req, path: `/api/organizations/${ids[n % ids.length]}`, body: JSON.stringify({ city: `City ${n++}` }) }) },
  ],
});
const mixedStatuses = new Map(statuses);
await app.matching.idle();
const stored = (db.$client.prepare("select count(*) n from organizations where external_id like 'load-%'").get() as { n: number }).n;
const created = mixedStatuses.get('201') ?? 0;

statuses.clear();
const suggestions = await run({ url, connections, duration: Math.max(5, seconds / 3), requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/organizations/${ids[n++ % ids.length]}/suggestions` }), headers: auth }] });
const bareRun = await run({ url: `${bareUrl}/bare`, connections, duration: Math.max(5, seconds / 3) });

const fivexx = [...mixedStatuses].filter(([s]) => s.startsWith('5')).reduce((a, [, c]) => a + c, 0);
console.log(`Load on http loopback, ${connections} connections (node ${process.version})`);
console.table([{ run: `mixed reads and writes, ${seconds} s`, 'req/s': Math.round(mixed.requests.average), 'p99 ms': mixed.latency.p99, responses: [...mixedStatuses].map(([s, c]) => `${s}×${c}`).join(' '), '5xx': fivexx, 'writes acknowledged (POST 201)': created, 'of them in the database': stored }]);
console.table([
  { route: 'GET /api/organizations/{id}/suggestions', 'req/s': Math.round(suggestions.requests.average), 'p50 ms': suggestions.latency.p50, 'p99 ms': suggestions.latency.p99, non2xx: suggestions.non2xx },
  { route: 'bare Fastify JSON route', 'req/s': Math.round(bareRun.requests.average), 'p50 ms': bareRun.latency.p50, 'p99 ms': bareRun.latency.p99, non2xx: bareRun.non2xx },
]);
await bare.close();
await app.close();
rmSync(dir, { recursive: true, force: true });
if (fivexx > 0 || stored !== created) {
  console.error(fivexx ? `${fivexx} responses were 5xx` : `lost writes: ${created} acknowledged, ${stored} stored`);
  process.exit(1);
}
