import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'musubi-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the service as `npm start` does (scripts/start.mjs: the bundle, built when stale), on a free port; resolves once it is listening. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
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
      expect(await health(url)).toMatchObject({ status: 'ready', organizations: 90 });
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
      expect(output()).not.toContain('Matchmaker token (generated');
      const res = await fetch(`${url}/api/organizations?limit=1`, { headers: { authorization: 'Bearer a-configured-token-123' } });
      expect(res.status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('keeps the generated matchmaker token across restarts (stored hashed), and `npm run token:rotate` replaces it', async () => {
    const env = { MUSUBI_SEED: 'none', DATABASE_PATH: join(dir, 'token.db') };
    const first = await start(env);
    const token = /\n {2}(mm_\S+)\n/.exec(first.output())?.[1];
    expect(await stop(first.child)).toBe(0);
    expect(token).toBeDefined();
    const again = await start(env);
    try {
      expect(again.output()).not.toContain(token);
      expect(again.output()).toContain('npm run token:rotate');
      expect((await fetch(`${again.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      const rotated = await new Promise<string>((resolve) => {
        let out = '';
        const cli = spawn(process.execPath, ['--import', 'tsx', 'src/cli/rotate-token.ts'], { env: { ...process.env, ...env } });
        cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        cli.on('exit', () => resolve(out));
      });
      const fresh = /\n {2}(mm_\S+)\n/.exec(rotated)?.[1];
      expect(fresh).toBeDefined();
      expect((await fetch(`${again.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect((await fetch(`${again.url}/api/me`, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
    } finally {
      expect(await stop(again.child)).toBe(0);
    }
    // Two starts of the service and a command-line run: more than the default 20 s on a busy machine.
  }, 60_000);

  it('stops `npm start` with SIGTERM: the server goes too and the port is free', async () => {
    const child = spawn('npm', ['start'], {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', MUSUBI_SEED: 'none', DATABASE_PATH: join(dir, 'npm.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Musubi is serving (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await expect
      .poll(
        () =>
          fetch(`${url}/health`).then(
            () => 'open',
            () => 'closed',
          ),
        { timeout: 10_000 },
      )
      .toBe('closed');
  }, 60_000);

  it('starts empty with MUSUBI_SEED=none', async () => {
    const { child, url } = await start({ MUSUBI_SEED: 'none', DATABASE_PATH: join(dir, 'empty.db') });
    try {
      expect((await health(url)).organizations).toBe(0);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });
});
