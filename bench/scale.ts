import { mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startChild, waitFor, health, type Child } from './child.ts';
import { syntheticProfiles } from './synthetic.ts';

/**
 * `npm run bench:scale [-- --sizes 10000,100000 --rank-wait 300]`: for each size, a fresh database
 * filled through the running service (what `npm start` runs: scripts/start.mjs, in a process of its own) with
 * generated mixed-language profiles (bench/synthetic.ts: ja / mn / en sentences from the lexicon's
 * terms, Zipf-skewed), imported 20,000 rows a request; then the service is stopped and started
 * again. Prints one row per size: import time (stored, analysed, ranked), restart time to
 * listening and to ready (suggestions served), RSS, and the suggestions route's latency in the
 * restarted service. Ranking a large import can outlast `--rank-wait` seconds: the row says how
 * many organisations were still waiting, and the restarted service goes on ranking them.
 * `--db file.db` measures only a restart of the service on an existing database; `--keep DIR` keeps
 * each size's database as DIR/scale-<size>.db for it.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    'rank-wait': { type: 'string', default: '300' },
    seconds: { type: 'string', default: '10' },
    /** Measure only a restart on this existing database (kept as it is). */
    db: { type: 'string' },
    /** Keep each size's database in this directory rather than delete it. */
    keep: { type: 'string' },
  },
});
const TOKEN = 'scale-bench-matchmaker-token-0123';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
// What `npm start` runs: the service's bundle, rebuilt first when a source changed.
const server = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));
const rows: Record<string, string | number>[] = [];

/** The restart: from spawning the process to listening, and to the index being ready; then suggestions under load. */
async function restart(start: () => Promise<Child>): Promise<Record<string, string | number>> {
  const service = await start();
  const listeningMs = service.startedMs;
  const readyMs = listeningMs + (await waitFor(service.url, (h) => h.status === 'ready', 20));
  const rssReady = service.rssMb();
  const { organizations: size, matching } = await health(service.url);
  const ids = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7919) % size));
  let n = 0;
  const load = await autocannon({
    url: service.url,
    connections: 10,
    duration: Number(values.seconds),
    requests: [{ method: 'GET', headers: auth, setupRequest: (req) => ({ ...req, path: `/api/organizations/${ids[n++ % ids.length]}/suggestions` }) }],
  });
  const rssAfterLoad = service.rssMb();
  await service.stop();
  return {
    'restart: listening s': +(listeningMs / 1000).toFixed(2),
    'ready s': +(readyMs / 1000).toFixed(2),
    'RSS at ready MB': rssReady,
    'ranking backlog at ready': matching.ranking,
    'suggestions req/s': Math.round(load.requests.average),
    'p50 ms': load.latency.p50,
    'p99 ms': load.latency.p99,
    errors: load.errors + load.non2xx,
    'RSS after load MB': rssAfterLoad,
  };
}

const env = (path: string) => ({ DATABASE_PATH: path, MUSUBI_SEED: 'none', MUSUBI_ADMIN_TOKEN: TOKEN, PORT: '0', LOG_LEVEL: 'warn' });

if (values.db) {
  const path = values.db;
  rows.push({ organisations: path, ...(await restart(() => startChild(server, [], env(path)))) });
}

for (const size of values.db ? [] : values.sizes.split(',').map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), 'musubi-scale-'));
  const path = join(dir, 'scale.db');
  const start = () => startChild(server, [], env(path));

  const service: Child = await start();
  const t0 = performance.now();
  const profiles = syntheticProfiles(size).map(({ id: _id, ...p }) => p);
  for (let i = 0; i < profiles.length; i += 20_000) {
    const res = await fetch(`${service.url}/api/organizations/import`, { method: 'POST', headers: auth, body: JSON.stringify(profiles.slice(i, i + 20_000)) });
    if (res.status !== 200) throw new Error(`import answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  const storedS = (performance.now() - t0) / 1000;
  await waitFor(service.url, (h) => h.matching.analysing === 0 && h.matching.indexed === size, 500);
  const analysedS = (performance.now() - t0) / 1000;
  let rankedS: string | number = '-';
  try {
    await waitFor(service.url, (h) => h.matching.ranking === 0, 1000, Number(values['rank-wait']) * 1000);
    rankedS = +((performance.now() - t0) / 1000).toFixed(1);
  } catch {
    rankedS = `> ${values['rank-wait']} s (${(await health(service.url)).matching.ranking} left)`;
  }
  const rssAfterImport = service.rssMb();
  await service.stop();
  const restarted = await restart(start);
  const dbMb = Math.round(statSync(path).size / 1e6);
  // The database with what lies beside it (the index snapshot, `scale.db.index`).
  if (values.keep) for (const f of readdirSync(dir)) renameSync(join(dir, f), join(values.keep, f.replace('scale.db', `scale-${size}.db`)));
  rmSync(dir, { recursive: true, force: true });
  rows.push({
    organisations: size,
    'import: stored s': +storedS.toFixed(1),
    'analysed s': +analysedS.toFixed(1),
    'ranked s': rankedS,
    'RSS after import MB': rssAfterImport,
    'DB MB': dbMb,
    ...restarted,
  });
  console.error(JSON.stringify(rows[rows.length - 1]));
}

console.log(`Musubi at scale: generated mixed-language profiles, imported through the service, then a restart (node ${process.version}, one machine)`);
console.table(rows);
