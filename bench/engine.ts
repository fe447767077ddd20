import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MatchingEngine, loadMatchingToolkit } from '../matching/index.ts';
import { syntheticProfiles } from './synthetic.ts';

/**
 * `npm run bench:engine`: the matching engine's speed and memory on synthetic profiles
 * (bench/synthetic.ts), each size in a fresh process so that RSS belongs to that run alone.
 * Prints one table; anyone can rerun it.
 */
async function run(size: number, rankAll: boolean) {
  const toolkit = await loadMatchingToolkit();
  const profiles = syntheticProfiles(size);
  const engine = new MatchingEngine(toolkit);

  const cpuStart = process.cpuUsage();
  const t0 = performance.now();
  engine.upsert(profiles);
  const indexSeconds = (performance.now() - t0) / 1000;
  const indexCpu = (process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1e6;

  const sample = Array.from({ length: 200 }, (_, i) => profiles[(i * 7919) % profiles.length]!.id);
  const time = (reasons: boolean) => {
    const ms = sample.map((id) => {
      const s = performance.now();
      engine.suggest(id, { limit: 10, reasons });
      return performance.now() - s;
    });
    ms.sort((a, b) => a - b);
    return { median: ms[ms.length >> 1]!, p95: ms[Math.floor(ms.length * 0.95)]! };
  };
  time(true); // warm up
  const plain = time(false);
  const explained = time(true);

  let top20Seconds: number | null = null;
  if (rankAll) {
    const s = performance.now();
    for (const p of profiles) engine.suggest(p.id, { limit: 20, reasons: false });
    top20Seconds = (performance.now() - s) / 1000;
  }
  global.gc?.();
  return {
    profiles: size,
    'index s': +indexSeconds.toFixed(1),
    'index profiles/s (1 core)': Math.round(size / indexCpu),
    'suggest median ms': +plain.median.toFixed(2),
    'p95 ms': +plain.p95.toFixed(2),
    'with reasons median ms': +explained.median.toFixed(2),
    'top 20 for all s': top20Seconds === null ? '-' : +top20Seconds.toFixed(1),
    'RSS MB (kuromoji incl.)': Math.round(process.memoryUsage().rss / 1e6),
  };
}

const args = process.argv.slice(2);
if (args[0] === '--one') {
  console.log(JSON.stringify(await run(Number(args[1]), args[2] === 'rank')));
} else {
  const sizes = args.length ? args.map(Number) : [1_000, 10_000, 100_000];
  const self = fileURLToPath(import.meta.url);
  const rows = sizes.map((size) => {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', self, '--one', String(size), size <= 10_000 ? 'rank' : ''],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    return JSON.parse(out.trim().split('\n').pop()!);
  });
  console.log(`Matching engine on synthetic mixed-language profiles (node ${process.version}, one process per size)`);
  console.table(rows);
}
