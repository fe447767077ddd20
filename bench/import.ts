import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.ts';
import { generateProfiles } from './generate.ts';

/**
 * `npm run bench:import`: imports 10,000 generated profiles in ONE request to
 * POST /api/organizations/import (JSON, then CSV), into a real SQLite file, each in a fresh process
 * so that peak memory belongs to that run alone. Also times how long the matching index and the review
 * queue take to follow (they run after the answer). Prints a table; rerun it anywhere.
 */
const ROWS = Number(process.argv[3] ?? 10_000);

async function once(format: 'json' | 'csv'): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'musubi-bench-'));
  const app = await buildApp({ adminToken: 'bench-token-0123456789', databasePath: join(dir, 'bench.db') });
  const profiles = generateProfiles(ROWS);
  const payload = format === 'json' ? JSON.stringify(profiles) : toCsv(profiles);
  const rssBefore = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const res = await app.inject({
    method: 'POST',
    url: '/api/organizations/import',
    headers: { authorization: 'Bearer bench-token-0123456789', 'content-type': format === 'json' ? 'application/json' : 'text/csv' },
    payload,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (res.statusCode !== 200) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
  const created = res.json().created as number;
  // The answer comes once the rows are stored; the matching index and the review queue follow.
  await app.matching.idle();
  const rankedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    format,
    rows: created,
    'body MB': +(Buffer.byteLength(payload) / 1e6).toFixed(1),
    seconds: +seconds.toFixed(2),
    'rows/s': Math.round(created / seconds),
    'indexed and ranked after s': +rankedSeconds.toFixed(1),
    'RSS before MB': Math.round(rssBefore / 1e6),
    'peak RSS MB': Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
  };
}

function toCsv(profiles: Record<string, unknown>[]): string {
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const text = (t: unknown) => (typeof t === 'string' ? t : Object.values(t as object).join(' / '));
  const header = 'externalId,name,kind,country,city,employees,founded,languages,sectors,description,offers,needs,sdgs,contact_email';
  const lines = profiles.map((p) =>
    [
      p.externalId,
      text(p.name),
      p.kind,
      p.country,
      p.city,
      p.employees,
      p.founded,
      (p.languages as string[]).join(';'),
      (p.sectors as string[]).join(';'),
      text(p.description),
      (p.offers as unknown[]).map(text).join('\n'),
      (p.needs as unknown[]).map(text).join('\n'),
      (p.sdgs as number[]).join(';'),
      (p.contact as { email: string }).email,
    ]
      .map((v) => cell(String(v)))
      .join(','),
  );
  return `\uFEFF${header}\r\n${lines.join('\r\n')}\r\n`;
}

if (process.argv[2] === '--one') {
  const format = process.argv[4] as 'json' | 'csv';
  console.log(JSON.stringify(await once(format)));
} else {
  const self = fileURLToPath(import.meta.url);
  const rows = (['json', 'csv'] as const).map((format) =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', self, '--one', String(ROWS), format], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop()!,
    ),
  );
  console.log(`Bulk import of ${ROWS} generated profiles in one request (node ${process.version})`);
  console.table(rows);
}
