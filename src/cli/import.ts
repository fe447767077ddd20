import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { decodeBody, decodeSheet } from '../http/decode.ts';
import { DomainError } from '../domain/errors.ts';
import { readProfilesCsv } from '../organizations/csv.ts';
import { prepareImport, rowsFromJson } from '../organizations/import.ts';
import { createOrganizationsRepository } from '../organizations/repository.ts';

/**
 * `npm run import -- profiles.csv [--encoding shift_jis]`: the bulk import for files too large to
 * upload comfortably. Same rules as POST /api/organizations/import (every row validated first, all
 * or nothing), written straight into the configured database, with a progress bar.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  // Without --encoding a CSV is recognised as the import route does it: UTF-8, or Japanese Excel's Shift_JIS.
  options: { encoding: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const file = positionals[0];
if (values.help || !file) {
  console.log('Usage: npm run import -- <profiles.csv | profiles.json> [--encoding utf-8|shift_jis|utf-16le]');
  process.exit(file ? 0 : 2);
}

const config = loadConfig();
const bar = new cliProgress.SingleBar(
  { format: '{phase} |{bar}| {value}/{total} rows', hideCursor: true, clearOnComplete: false },
  cliProgress.Presets.shades_classic,
);

try {
  const isJson = extname(file).toLowerCase() === '.json';
  const declared = values.encoding ? `charset=${values.encoding}` : undefined;
  const sheet = isJson ? null : decodeSheet(readFileSync(file), declared);
  if (sheet?.recognised) console.log(`Read as ${sheet.encoding === 'shift_jis' ? 'Shift_JIS (Japanese Excel)' : sheet.encoding.toUpperCase()}.`);
  const text = sheet ? sheet.text : decodeBody(readFileSync(file), declared);
  const rows = isJson ? rowsFromJson(JSON.parse(text)) : readProfilesCsv(text);
  // Without a terminal the bar draws nothing; say the phases plainly (the crash test waits for them).
  const say = (phase: string) => process.stdout.isTTY || console.log(`${phase} ${rows.length} rows`);
  say('checking');
  bar.start(rows.length, 0, { phase: 'checking' });
  const profiles = prepareImport(rows, (n) => bar.update(n));
  bar.update(0, { phase: 'writing ' });
  say('writing');
  const db = openDatabase(config.databasePath);
  const items = createOrganizationsRepository(db).upsertMany(profiles, (n) => bar.update(n));
  bar.stop();
  db.$client.close();
  const created = items.filter((i) => i.status === 'created').length;
  console.log(`Imported ${items.length} profiles into ${config.databasePath}: ${created} created, ${items.length - created} updated.`);
} catch (error) {
  bar.stop();
  if (error instanceof DomainError) {
    console.error(`\n${error.message}`);
    if (error.errors?.length) console.table(error.errors.slice(0, 200));
    if ((error.errors?.length ?? 0) > 200) console.error(`… and ${error.errors!.length - 200} more problems`);
  } else {
    console.error(`\nImport failed: ${(error as Error).message}`);
  }
  process.exit(1);
}
