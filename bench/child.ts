import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The matchmaker token of the benchmark services. */
export const BENCH_TOKEN = 'load-test-matchmaker-token-0123';

/** A process (TypeScript under tsx, or plain JavaScript) that prints one JSON line, or Musubi's greeting, once it listens. */
export interface Child {
  process: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the JSON line. */
  startedMs: number;
  stop(): Promise<void>;
  /** Resident memory now, from /proc (Linux). */
  rssMb(): number;
  /** CPU time the process has used so far (user + system, all its threads), from /proc (Linux). */
  cpuMs(): number;
  /** Sends `signal` and resolves with the next JSON line the process prints that starts with `key`. */
  ask<T>(signal: NodeJS.Signals, key: string): Promise<T>;
}

export function startChild(script: string, args: string[], env: Record<string, string> = {}): Promise<Child> {
  const t0 = performance.now();
  // TypeScript runs under tsx; plain JavaScript (scripts/start.mjs, which `npm start` runs) as it is.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  // BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the services a benchmark starts (not allowed in NODE_OPTIONS).
  const flags = process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...loader, ...flags, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /"url":"([^"]+)"/.exec(out)?.[1] ?? /Musubi is serving (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      child.stdout!.off('data', onData);
      let rest = '';
      const waiting: { key: string; resolve: (value: never) => void }[] = [];
      child.stdout!.on('data', (more: Buffer) => {
        const lines = (rest + more.toString()).split('\n');
        rest = lines.pop()!;
        for (const line of lines) {
          const i = waiting.findIndex((w) => line.startsWith(`{"${w.key}"`));
          if (i < 0) continue;
          const [w] = waiting.splice(i, 1);
          w!.resolve(JSON.parse(line) as never);
        }
      });
      resolve({
        process: child,
        url,
        startedMs: performance.now() - t0,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        cpuMs: () => {
          // Fields 14 and 15 of /proc/<pid>/stat (after the command's closing parenthesis: 12 and 13), in clock ticks of 10 ms.
          const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          return (Number(fields[11]) + Number(fields[12])) * 10;
        },
        ask: <T>(signal: NodeJS.Signals, key: string) =>
          new Promise<T>((answer) => {
            waiting.push({ key, resolve: answer as (value: never) => void });
            child.kill(signal);
          }),
        rssMb: () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024),
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${stderr.slice(-2000)}`)));
  });
}

export interface Health {
  status: string;
  organizations: number;
  matching: { indexed: number; total: number; analysing: number; ranking: number };
}

export async function health(url: string): Promise<Health> {
  return (await (await fetch(`${url}/health`)).json()) as Health;
}

/** Polls /health until `done` says so; returns the milliseconds waited. */
export async function waitFor(url: string, done: (h: Health) => boolean, everyMs = 50, timeoutMs = 3_600_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    try {
      if (done(await health(url))) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out waiting for the service');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
