import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { backupDatabase } from '../db/backup.ts';

/**
 * `npm run backup -- <file>`: a consistent snapshot of the configured database, safe while the
 * service runs (SQLite online backup; WAL lets the service keep writing).
 */
const file = process.argv[2];
if (!file) {
  console.log('Usage: npm run backup -- <file>');
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(config.databasePath);
const { file: written, bytes } = await backupDatabase(db, file);
db.$client.close();
console.log(`Backed up ${config.databasePath} to ${written} (${bytes} bytes)`);
