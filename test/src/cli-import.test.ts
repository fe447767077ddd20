import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'musubi-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'externalId,name,kind,country,city,languages,description,offers,needs\n';

async function importFile(file: string, options: string[] = []) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file, ...options], {
      env: { ...process.env, DATABASE_PATH: join(dir, 'cli.db') },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const count = () => {
  const db = openDatabase(join(dir, 'cli.db'));
  const n = (db.$client.prepare('select count(*) n from organizations').get() as { n: number }).n;
  db.$client.close();
  return n;
};

describe('npm run import', () => {
  it('imports a CSV file into the configured database', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(file, `${HEADER}jp-1,サクラ,company,JP,Tokyo,ja,繊維商社,販路,カシミヤ糸\nmn-1,Хөх Тэнгэр ХХК,company,MN,Ulaanbaatar,mn,Ноолуур,Утас,Түнш\n`);
    const { code, out } = await importFile(file);
    expect(code, out).toBe(0);
    expect(out).toContain('Imported 2 profiles');
    expect(count()).toBe(2);
  });

  it('prints every problem, exits 1 and stores nothing when a row is wrong', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${HEADER}jp-2,Ume,company,JP,Tokyo,ja,x,,\njp-3,Momo,bank,JP,Tokyo,ja,x,,\n`);
    const { code, out } = await importFile(file);
    expect(code).toBe(1);
    expect(out).toContain('1 of 2 rows have problems; nothing was imported');
    expect(out).toContain('must be one of: company, startup, ngo, education');
    expect(count()).toBe(2);
  });

  it('recognises a Shift_JIS CSV from Japanese Excel without --encoding, and says so', async () => {
    const file = join(import.meta.dirname, '..', 'fixtures', 'encodings', 'profiles-shift_jis.csv');
    const { code, out } = await importFile(file);
    expect(code, out).toBe(0);
    expect(out).toContain('Read as Shift_JIS (Japanese Excel).');
    expect(out).toContain('Imported 2 profiles');
    expect(count()).toBe(4);
    // Declared otherwise, the bytes are refused.
    const declared = await importFile(file, ['--encoding', 'utf-8']);
    expect(declared.code).toBe(1);
    expect(declared.out).toMatch(/not valid UTF-8/);
  });
});
