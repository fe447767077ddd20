import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export interface DatabaseOptions {
  /** A path, or `:memory:`; ignored when `db` is given. */
  path: string;
  /** An already-open database (a test that wants to look inside, or the seed script). */
  db?: Db;
}

export default fp(
  async function database(app: FastifyInstance, opts: DatabaseOptions) {
    const db = opts.db ?? openDatabase(opts.path);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      if (db.$client.open) db.$client.close();
    });
  },
  { name: 'database' },
);
