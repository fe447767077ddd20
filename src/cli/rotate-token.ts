import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { rotateMatchmakerToken } from '../tokens/matchmaker.ts';

/**
 * `npm run token:rotate`: a new matchmaker token for the configured database, printed once; the old
 * one stops working at once (also in a running service: tokens are checked against the database).
 */
const config = loadConfig();
const db = openDatabase(config.databasePath);
const { token, revoked } = rotateMatchmakerToken(db, new Date());
db.$client.close();
console.log(`New matchmaker token for ${config.databasePath}${revoked ? ` (${revoked} old one${revoked === 1 ? '' : 's'} revoked)` : ''}:\n\n  ${token}\n`);
if (config.adminToken) console.log('MUSUBI_ADMIN_TOKEN is also set and keeps working until you unset it.');
