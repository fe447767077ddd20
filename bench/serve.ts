import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { BENCH_TOKEN } from './child.ts';

/**
 * The service (or a bare Fastify route) in a process of its own, for the load benchmarks: the load
 * generator must not share the event loop it measures. `node --import tsx bench/serve.ts <db | --bare>`
 * prints `{"url": …}` once listening and stops on SIGTERM.
 */
const target = process.argv[2];
if (target === '--bare') {
  const bare = Fastify();
  bare.get('/bare', async () => ({ hello: 'world' }));
  console.log(JSON.stringify({ url: await bare.listen({ port: 0, host: '127.0.0.1' }) }));
  process.on('SIGTERM', () => void bare.close().then(() => process.exit(0)));
} else if (target) {
  const app = await buildApp({ adminToken: BENCH_TOKEN, db: openDatabase(target), limits: { writesPerMinute: 10_000_000 } });
  console.log(JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) }));
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
