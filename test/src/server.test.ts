import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'musubi-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `src/server.ts` as `npm start` does, on a free port; resolves once it is listening. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', DATABASE_PATH: join(dir, 'musubi.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Musubi is serving (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function health(url: string): Promise<{ status: string; organizations: number }> {
  return (await (await fetch(`${url}/health`)).json()) as { status: string; organizations: number };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start', () => {
  it('serves the docs and the demo data, prints a generated matchmaker token, and stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await start({});
    try {
      expect(await health(url)).toEqual({ status: 'ok', organizations: 90 });
      expect((await fetch(`${url}/docs/json`)).status).toBe(200);
      const token = /\n {2}(mm_\S+)\n/.exec(output())?.[1];
      expect(token).toBeDefined();
      const list = await fetch(`${url}/api/organizations?country=MN&limit=1`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await list.json()) as { total: number }).total).toBe(45);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('keeps the data across a restart without seeding it twice, and honours MUSUBI_ADMIN_TOKEN', async () => {
    const { child, url, output } = await start({ MUSUBI_ADMIN_TOKEN: 'a-configured-token-123' });
    try {
      expect((await health(url)).organizations).toBe(90);
      expect(output()).not.toContain('Matchmaker token for this run');
      const res = await fetch(`${url}/api/organizations?limit=1`, { headers: { authorization: 'Bearer a-configured-token-123' } });
      expect(res.status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('starts empty with MUSUBI_SEED=none', async () => {
    const { child, url } = await start({ MUSUBI_SEED: 'none', DATABASE_PATH: join(dir, 'empty.db') });
    try {
      expect((await health(url)).organizations).toBe(0);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });
});
