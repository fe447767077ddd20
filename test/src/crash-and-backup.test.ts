import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/client.ts';
import { generateProfiles } from '../../bench/generate.ts';
import { admin, ADMIN_TOKEN, profile } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'musubi-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = (path: string) => {
  const db = openDatabase(path);
  const n = (db.$client.prepare('select count(*) n from organizations').get() as { n: number }).n;
  db.$client.close();
  return n;
};

/** Runs the command-line import; with `killAfter`, SIGKILLs it that many ms after it starts writing. */
function runImport(file: string, database: string, killAfter?: number): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], { env: { ...process.env, DATABASE_PATH: database } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfter !== undefined && output.includes('writing')) setTimeout(() => child.kill('SIGKILL'), killAfter);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('crash safety', () => {
  it('leaves all or none of a 10,000-row import when the process is killed mid-write, and restarts cleanly', async () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(generateProfiles(10_000)));
    const database = join(dir, 'crash.db');
    const outcomes: number[] = [];
    for (const killAfter of [5, 150, 400]) {
      const run = await runImport(file, database, killAfter);
      const n = count(database);
      expect([0, 10_000], `killed ${killAfter} ms into writing (${run.signal ?? run.code})`).toContain(n);
      if (run.signal === 'SIGKILL') outcomes.push(n);
      if (n === 10_000) break;
    }
    // At least one kill landed inside the write transaction and left nothing behind.
    expect(outcomes).toContain(0);
    const finished = await runImport(file, database);
    expect(finished.code, finished.output).toBe(0);
    expect(count(database)).toBe(10_000);
    const check = openDatabase(database);
    expect(check.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    check.$client.close();
  }, 120_000);
});

describe('backups', () => {
  it('writes a consistent snapshot while the service runs, and restoring it gives back the same data', async () => {
    const live = join(dir, 'live.db');
    const app = await buildApp({ analysis: 'inline', adminToken: ADMIN_TOKEN, db: openDatabase(live), backupDir: join(dir, 'backups') });
    const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      app.inject({ method, url, headers: admin, ...(payload ? { payload: payload as object } : {}) });
    await call('POST', '/api/organizations/import', [profile({ externalId: 'b-1' }), profile({ externalId: 'b-2', country: 'JP', name: 'サクラ' })]);
    const backup = await call('POST', '/api/backups');
    expect(backup.statusCode, backup.body).toBe(201);
    const { file: name, bytes } = backup.json();
    expect(bytes).toBeGreaterThan(0);
    // The answer names the file, not the server's folders.
    expect(name).toMatch(/^musubi-[0-9TZ-]+\.db$/);
    const file = join(dir, 'backups', name);

    // A write after the snapshot is not in it.
    await call('POST', '/api/organizations', profile({ externalId: 'b-3' }));
    const before = (await call('GET', '/api/organizations')).json().items.filter((o: { externalId: string }) => o.externalId !== 'b-3');
    await app.close();

    const restored = await buildApp({ analysis: 'inline', adminToken: ADMIN_TOKEN, db: openDatabase(file) });
    const after = (await restored.inject({ method: 'GET', url: '/api/organizations', headers: admin })).json().items;
    expect(after).toEqual(before);
    const trail = (await restored.inject({ method: 'GET', url: '/api/audit?action=organizations.imported', headers: admin })).json().items;
    expect(trail).toHaveLength(1);
    await restored.close();
  });

  it('backs up from the command line', async () => {
    const source = join(dir, 'cli-source.db');
    const db = openDatabase(source);
    db.$client
      .prepare(
        "insert into organizations (external_id, name, kind, country, city, languages, sectors, description, offers, needs, sdgs, text_languages, search_text) values ('x', '{}', 'company', 'JP', 'Tokyo', '[]', '[]', '{}', '[]', '[]', '[]', '[]', '')",
      )
      .run();
    db.$client.close();
    const target = join(dir, 'cli-backup.db');
    const code = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', target], { env: { ...process.env, DATABASE_PATH: source } }).on('exit', resolve);
    });
    expect(code).toBe(0);
    expect(count(target)).toBe(1);
  });
});
