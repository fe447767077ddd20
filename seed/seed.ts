import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { loadDemoData } from './load.ts';

/** `npm run seed`: loads (or refreshes, by externalId) the demo data into the configured database. */
const config = loadConfig();
const db = openDatabase(config.databasePath);
const count = loadDemoData(db, { force: true });
db.$client.close();
console.log(`Demo data: ${count} organisations loaded into ${config.databasePath}`);
