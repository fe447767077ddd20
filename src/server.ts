import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { approveDemoPairs, loadDemoData } from '../seed/load.ts';
import { webBundle } from './web/bundle.ts';
import { ensureMatchmakerToken } from './tokens/matchmaker.ts';

/** Reads the configuration, opens the database, seeds it if asked, listens, and closes gracefully. */
const config = loadConfig();
// esbuild bundles the web app in its own process while this one opens the database and the app.
const bundling = webBundle();
const db = openDatabase(config.databasePath);
// Seeded before the app is built, so the matching index starts with the demo organisations.
const seeded = config.seed === 'demo' ? loadDemoData(db) : 0;
// Without MUSUBI_ADMIN_TOKEN, the matchmaker token is generated once and kept (hashed) in the database.
const generatedToken = config.adminToken ? null : ensureMatchmakerToken(db);
const app = await buildApp({
  ...(config.adminToken ? { adminToken: config.adminToken } : {}),
  db,
  logger: { level: config.logLevel },
  backupDir: config.backupDir,
  mail: {
    ...(config.mail.smtpUrl ? { smtpUrl: config.mail.smtpUrl } : {}),
    from: config.mail.from,
    publicUrl: config.mail.publicUrl,
    intervalMs: config.mail.intervalSeconds * 1000,
  },
});
if (seeded) {
  await app.ready();
  const approved = await approveDemoPairs(app);
  app.log.info(`Loaded the demo data: ${seeded} organisations, 2 sessions, ${approved} approved pairs`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: finishing open requests, then closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error(error);
        process.exit(1);
      },
    );
  });
}

// A broken web client fails the start, not the first visitor.
await bundling;
const address = await app.listen({ port: config.port, host: config.host });
if (generatedToken) {
  // Printed once, to the console only; the database keeps only its hash.
  console.log(`\nMatchmaker token (generated for this database; it stays valid across restarts, keep it safe):\n\n  ${generatedToken}\n`);
} else if (!config.adminToken) {
  console.log('Matchmaker token: the one printed when this database first started (kept hashed). Lost it? `npm run token:rotate` prints a new one.');
}
console.log(`Musubi is serving ${address}  (web app: ${address}/ · API docs: ${address}/docs)`);
