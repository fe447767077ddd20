import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/client.ts';
import { prepareImport, rowsFromJson } from '../src/organizations/import.ts';
import { createOrganizationsRepository } from '../src/organizations/repository.ts';
import { loadDemoData } from '../seed/load.ts';
import { BENCH_TOKEN, type Child, startChild, waitFor } from './child.ts';
import { generateProfiles } from './generate.ts';

/**
 * `npm run bench:load [-- --seconds 10 --connections 20 --orgs 2000 --import 10000 --rounds 3]`: the
 * service in a process of its own (bench/serve.ts) on a loopback port, with the demo data and `--orgs`
 * generated profiles, under autocannon from this process. One table, each row beside a bare Fastify
 * route measured in the same way on the same machine:
 *   - GET /api/organizations/{id}, GET /api/organizations/{id}/suggestions: each first asked once
 *     per organisation with empty caches, then warm in `--rounds` rounds of bare route, organisation,
 *     suggestions (`--seconds` in all for each), each beside the bare run of its round: the median
 *     round is shown with its bare run, every round's ratio in the note; suggestions also from a
 *     client that takes no gzip (every other request accepts it, as browsers and `fetch` do);
 *   - reads (both routes) while a `--import`-row import is stored, analysed and ranked;
 *   - a mixed load: reads, small imports, edits and new profiles; no 5xx and no lost write allowed;
 *     then the same with each organisation's reads and edits made with its own token (as at an
 *     event), the matchmaker's token for the rest.
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    orgs: { type: 'string', default: '2000' },
    import: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const importRows = Number(values.import);
/** What a browser (and `fetch`) sends with every request: the service gzips answers of 2 KB or more for it. */
const browser = { 'accept-encoding': 'gzip, deflate, br' };
const auth = { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json', ...browser };
const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'musubi-load-'));
const file = join(dir, 'load.db');
{
  const db = openDatabase(file);
  loadDemoData(db);
  const extra = generateProfiles(Number(values.orgs), 7).map((p) => ({ ...p, externalId: `gen-${p.externalId as string}` }));
  createOrganizationsRepository(db).upsertMany(prepareImport(rowsFromJson(extra)));
  db.$client.close();
}

const bare = await startChild(serve, ['--bare']);
const service = await startChild(serve, [file]);
// The first start analyses every profile (nothing is stored yet) and ranks them: wait for all of it.
await waitFor(service.url, (h) => h.status === 'ready' && h.matching.analysing === 0 && h.matching.ranking === 0, 200);
const ids = ((await (await fetch(`${service.url}/api/organizations?limit=500`, { headers: auth })).json()) as { items: { id: number }[] }).items.map(
  (i) => i.id,
);

let n = 0;
const nextId = () => ids[n++ % ids.length]!;
/** `cpuMs`: the server's CPU time during the run (all its threads), to tell a busy server from a busy load generator. */
type Run = { result: autocannon.Result; statuses: Map<number, number>; cpuMs: number };
const run = (server: Child, opts: autocannon.Options): Promise<Run> =>
  new Promise((resolve, reject) => {
    const statuses = new Map<number, number>();
    const cpu0 = server.cpuMs();
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve({ result, statuses, cpuMs: server.cpuMs() - cpu0 })));
    instance.on('response', (_client, statusCode) => statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1));
  });
const get = (path: () => string) => ({ method: 'GET' as const, headers: auth, setupRequest: (req: autocannon.Request) => ({ ...req, path: path() }) });
const orgRead = get(() => `/api/organizations/${nextId()}`);
const suggestionsRead = get(() => `/api/organizations/${nextId()}/suggestions`);
/** The same from a client that takes no gzip (autocannon's own default): 21 KB answers rather than 3.5 KB. */
const { 'accept-encoding': _, ...plainAuth } = auth;
const suggestionsPlain = { ...suggestionsRead, headers: plainAuth };

const rows: Record<string, string | number>[] = [];
let bareRps = 0;
const add = (name: string, { result, statuses, cpuMs }: Run, extra: Record<string, string | number> = {}) => {
  // Answers over the run's own length (autocannon's average is per whole second: wrong for runs shorter than a few seconds).
  const rps = result.requests.total / result.duration;
  if (name.startsWith('bare')) bareRps = rps;
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0);
  rows.push({
    run: name,
    'req/s': Math.round(rps),
    'vs bare': bareRps ? `${Math.round((rps / bareRps) * 100)} %` : '-',
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    // Server CPU per answer (µs) and its share of one core: near 100 % the server is the limit, well under it the load generator is.
    'server µs/req': Math.round((cpuMs * 1000) / Math.max(1, result.requests.total)),
    'server CPU': `${Math.round((cpuMs / (result.duration * 1000)) * 100)} %`,
    errors: result.errors + fivexx,
    responses: [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${s}×${c}`)
      .join(' '),
    ...extra,
  });
};

// Each read first once per organisation, caches empty (what the first visitors after a start or a
// write see), then for the run's length (what everyone refreshing sees).
const firstAsked = (path: typeof orgRead) => run(service, { url: service.url, connections, amount: ids.length, requests: [path] });
n = 0;
const orgFirst = await firstAsked(orgRead);
n = 0;
const suggestionsFirst = await firstAsked(suggestionsRead);
// The warm reads beside the bare route in rounds (bare, organisation, suggestions; `--rounds` of
// them, `--seconds` in all for each): this machine's speed drifts by a third over minutes, so each
// ratio is taken against the bare route measured a moment before, and the median round is reported.
const rounds = Number(values.rounds);
const warm = { bare: [] as Run[], org: [] as Run[], suggestions: [] as Run[], plain: [] as Run[] };
// The bare route gets the very requests the service gets (a browser's headers and a token, which it
// ignores), so that the ratio compares the routes, not how many header lines each side parses.
const bareRun = (duration: number) => run(bare, { url: `${bare.url}/bare`, connections, duration, headers: auth });
await bareRun(1); // its JIT warmed as the service's is
for (let round = 0; round < rounds; round++) {
  const duration = seconds / rounds;
  warm.bare.push(await bareRun(duration));
  warm.org.push(await run(service, { url: service.url, connections, duration, requests: [orgRead] }));
  warm.suggestions.push(await run(service, { url: service.url, connections, duration, requests: [suggestionsRead] }));
  warm.plain.push(await run(service, { url: service.url, connections, duration, requests: [suggestionsPlain] }));
}
await bare.stop();
const perSecond = (r: Run) => r.result.requests.total / r.result.duration;
/** The round whose ratio to its own bare run is the median one, and every round's ratio. */
const medianRound = (runs: Run[]) => {
  const ratios = runs.map((r, i) => perSecond(r) / perSecond(warm.bare[i]!));
  const order = ratios.map((_, i) => i).sort((a, b) => ratios[a]! - ratios[b]!);
  const i = order[Math.floor(order.length / 2)]!;
  return { i, note: `rounds: ${ratios.map((x) => `${Math.round(x * 100)} %`).join(', ')}` };
};
for (const [name, runs] of [
  ['GET /api/organizations/{id}', warm.org],
  ['GET /api/organizations/{id}/suggestions', warm.suggestions],
  ['GET /api/organizations/{id}/suggestions, no Accept-Encoding', warm.plain],
] as const) {
  const { i, note } = medianRound(runs);
  add('bare Fastify JSON route', warm.bare[i]!, { note: `the bare run of the median round below` });
  add(name, runs[i]!, { note });
}
add(`GET /api/organizations/{id}, each of ${ids.length} asked once`, orgFirst);
add(`GET /api/organizations/{id}/suggestions, each of ${ids.length} asked once`, suggestionsFirst);

// Reads while a large import is stored, analysed (worker thread) and ranked (time slices).
{
  const body = JSON.stringify(generateProfiles(importRows, 99).map((p) => ({ ...p, externalId: `big-${p.externalId as string}` })));
  const reads = run(service, { url: service.url, connections, duration: Math.max(seconds, 20), requests: [orgRead, suggestionsRead] });
  await new Promise((r) => setTimeout(r, 1_000));
  const t0 = performance.now();
  const answer = await fetch(`${service.url}/api/organizations/import`, { method: 'POST', headers: auth, body });
  const storedS = (performance.now() - t0) / 1000;
  if (answer.status !== 200) throw new Error(`import answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
  const indexedS = storedS + (await waitFor(service.url, (h) => h.matching.analysing === 0, 100)) / 1000;
  const readsDone = await reads;
  add(`reads during a ${importRows}-row import`, readsDone, { note: `import answered in ${storedS.toFixed(1)} s, indexed after ${indexedS.toFixed(1)} s` });
  await waitFor(service.url, (h) => h.matching.analysing === 0 && h.matching.ranking === 0, 200);
}

// Mixed: reads, 20-row imports, edits and new profiles, all at once.
const profile = (externalId: string) => ({
  externalId,
  name: `Load test ${externalId}`,
  kind: 'startup',
  country: n % 2 ? 'JP' : 'MN',
  city: 'Ulaanbaatar',
  languages: ['en'],
  description: 'Load test organisation offering software development',
  offers: ['Offshore software development'],
  needs: ['Japanese clients'],
});
let batches = 0;
const check = openDatabase(file);
const count = (prefix: string) => (check.$client.prepare('select count(*) n from organizations where external_id like ?').get(`${prefix}%`) as { n: number }).n;
let lost = 0;

/**
 * Reads, edits, new profiles and 20-row imports at once. `asOrganization(id)` is the header an
 * organisation's own read or edit goes with: the matchmaker's token, or the organisation's own (as
 * at an event, where each organisation edits its profile and refreshes its suggestions).
 */
async function mixedRun(name: string, tag: string, asOrganization: (id: number) => Record<string, string>) {
  const acknowledged = { created: 0, imported: 0 };
  const own = (path: (id: number) => string, extra: Partial<autocannon.Request> = {}) => ({
    method: 'GET' as const,
    setupRequest: (req: autocannon.Request) => {
      const id = nextId();
      return { ...req, ...extra, path: path(id), headers: { ...asOrganization(id), 'content-type': 'application/json', ...browser } };
    },
  });
  await service.ask('SIGUSR2', 'timings'); // from here on: this run's
  const result = await run(service, {
    url: service.url,
    connections,
    duration: seconds,
    requests: [
      own((id) => `/api/organizations/${id}`),
      own((id) => `/api/organizations/${id}/suggestions`),
      get(() => '/api/organizations?limit=20'),
      get(() => '/api/matches?limit=20'),
      {
        method: 'POST',
        path: '/api/organizations',
        headers: auth,
        setupRequest: (req) => ({ ...req, body: JSON.stringify(profile(`${tag}load-${n++}`)) }),
        onResponse: (status) => void (status === 201 && acknowledged.created++),
      },
      {
        method: 'PATCH',
        setupRequest: (req) => {
          const id = nextId();
          return {
            ...req,
            path: `/api/organizations/${id}`,
            headers: { ...asOrganization(id), 'content-type': 'application/json', ...browser },
            body: JSON.stringify({ city: `City ${n++}` }),
          };
        },
      },
      {
        method: 'POST',
        path: '/api/organizations/import',
        headers: auth,
        setupRequest: (req) => {
          const batch = batches++;
          return { ...req, body: JSON.stringify(Array.from({ length: 20 }, (_, i) => profile(`${tag}imp-${batch}-${i}`))) };
        },
        onResponse: (status) => {
          if (status === 200) acknowledged.imported += 20;
        },
      },
    ],
  });
  const timed = await service.ask<{ timings: Record<string, number[]>; loopDelayMs: Record<string, number> }>('SIGUSR2', 'timings');
  await waitFor(service.url, (h) => h.matching.analysing === 0 && h.matching.ranking === 0, 200);
  const stored = { created: count(`${tag}load-`), imported: count(`${tag}imp-`) };
  // Requests still in flight when autocannon stops may be stored without being counted: more is fine, less is lost.
  lost += Math.max(0, acknowledged.created - stored.created) + Math.max(0, acknowledged.imported - stored.imported);
  add(name, result, {
    note: `${acknowledged.created} created → ${stored.created} stored; ${acknowledged.imported} rows imported → ${stored.imported} stored`,
  });
  return timed;
}

const mixedTimed = await mixedRun('mixed: reads, edits, new profiles, 20-row imports', 'a-', () => auth);
// The same, each organisation's reads and edits with its own token (the matchmaker's for the rest).
const tokens = new Map<number, string>();
for (const id of ids) {
  const issued = await fetch(`${service.url}/api/organizations/${id}/tokens`, { method: 'POST', headers: auth, body: '{}' });
  tokens.set(id, ((await issued.json()) as { token: string }).token);
}
const ownTimed = await mixedRun('mixed, organisations with their own tokens', 'b-', (id) => ({ authorization: `Bearer ${tokens.get(id)!}` }));
const indexedAll = (
  check.$client
    .prepare('select count(*) n from organizations o left join organization_features f on f.organization_id = o.id where f.texts_hash is null')
    .get() as { n: number }
).n;
check.$client.close();

console.log(
  `Service under load on http loopback, ${connections} connections, autocannon in another process (node ${process.version}, ${ids.length}+ organisations)`,
);
console.table(rows);
console.log(`Organisations never analysed after the mixed runs: ${indexedAll}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
for (const [name, { timings, loopDelayMs }] of [
  ['The mixed run', mixedTimed],
  ['The mixed run with organisation tokens', ownTimed],
] as const) {
  console.log(
    `${name}, route by route, as the service timed it (from when it read the request to the response's end, ms); ` +
      `the event loop ran late by p50 ${loopDelayMs.p50!.toFixed(1)} ms, p99 ${loopDelayMs.p99!.toFixed(1)} ms, max ${loopDelayMs.max!.toFixed(1)} ms:`,
  );
  console.table(
    Object.entries(timings)
      .filter(([route]) => !route.endsWith(' /health'))
      .map(([route, ms]) => {
        const sorted = ms.sort((a, b) => a - b);
        return { route, answers: ms.length, p50: Math.round(pct(sorted, 0.5)), p99: Math.round(pct(sorted, 0.99)), max: Math.round(sorted.at(-1) ?? 0) };
      }),
  );
}
await service.stop();
rmSync(dir, { recursive: true, force: true });
const fivexx = rows.reduce((a, r) => a + Number(r.errors), 0);
if (fivexx > 0 || lost !== 0 || indexedAll !== 0) {
  console.error(fivexx ? `${fivexx} errors or 5xx` : lost ? `lost writes: ${lost}` : `${indexedAll} organisations were never analysed`);
  process.exit(1);
}
