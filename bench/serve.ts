import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { BENCH_TOKEN } from './child.ts';

/**
 * The service (or a bare Fastify route) in a process of its own, for the load benchmarks: the load
 * generator must not share the event loop it measures. `node --import tsx bench/serve.ts <db | --bare>`
 * prints `{"url": …}` once listening and stops on SIGTERM. On SIGUSR2 the service prints one JSON line,
 * `{"timings": {"GET /api/…": [ms, …]}, "loopDelayMs": {p50, p99, max}}`: how long each route took in the service (from the request's
 * arrival to the response's end) and how late the event loop ran, since the last SIGUSR2, so a benchmark can say which requests make its p99.
 * Nothing is timed before the first SIGUSR2 (its line is empty).
 */
const target = process.argv[2];
if (target === '--bare') {
  const bare = Fastify();
  bare.get('/bare', async () => ({ hello: 'world' }));
  console.log(JSON.stringify({ url: await bare.listen({ port: 0, host: '127.0.0.1' }) }));
  process.on('SIGTERM', () => void bare.close().then(() => process.exit(0)));
} else if (target) {
  const app = await buildApp({ adminToken: BENCH_TOKEN, db: openDatabase(target), limits: { writesPerMinute: 10_000_000 } });
  // Timed through Node's HTTP diagnostics channels, subscribed at the first SIGUSR2 only: the runs
  // before it (the warm reads measured against the bare route) carry no benchmark hook.
  let timings = new Map<string, number[]>();
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  const arrived = new WeakMap<object, number>();
  const onStart = (message: unknown) => arrived.set((message as { request: object }).request, performance.now());
  const onFinish = (message: unknown) => {
    const request = (message as { request: IncomingMessage }).request;
    const t0 = arrived.get(request);
    if (t0 === undefined) return;
    // The route of the URL: its numeric segments are the routes' ids (`:id`).
    const key = `${request.method} ${request.url!.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
    const list = timings.get(key) ?? [];
    if (!list.length) timings.set(key, list);
    list.push(performance.now() - t0);
  };
  let timing = false;
  process.on('SIGUSR2', () => {
    if (timing) {
      const lag = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
      console.log(JSON.stringify({ timings: Object.fromEntries(timings), loopDelayMs: lag }));
    } else {
      timing = true;
      subscribe('http.server.request.start', onStart);
      subscribe('http.server.response.finish', onFinish);
      loopDelay.enable();
      console.log(JSON.stringify({ timings: {}, loopDelayMs: {} }));
    }
    timings = new Map();
    loopDelay.reset();
  });
  console.log(JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) }));
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
