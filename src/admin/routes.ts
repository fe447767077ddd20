import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { backupDatabase } from '../db/backup.ts';
import { Id, Line, Paging, problems } from '../schemas/common.ts';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.Integer(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export default async function adminRoutes(fastify: FastifyInstance, opts: { backupDir: string }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit trail: who approved or rejected pairs, booked, moved or cancelled meetings, and when',
        querystring: Type.Object(
          {
            entity: Type.Optional(Line(50)),
            entityId: Type.Optional(Id()),
            action: Type.Optional(Line(50)),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
            offset: Paging.offset,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object(
            { items: Type.Array(AuditEntry) },
            {
              example: {
                items: [
                  {
                    id: 1,
                    at: '2026-12-08T02:00:00.000Z',
                    actor: 'matchmaker',
                    action: 'match.approved',
                    entity: 'match',
                    entityId: 12,
                    details: { note: 'Both confirmed' },
                  },
                ],
              },
            },
          ),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({ items: app.audit.list(request.query) }),
  );

  app.post(
    '/api/backups',
    {
      schema: {
        tags: ['admin'],
        summary: 'Write a consistent snapshot of the database while the service runs',
        description:
          'The snapshot goes to the backup folder the server was started with (BACKUP_DIR); the answer names the file, not where the server keeps it.',
        response: {
          201: Type.Object(
            { file: Type.String(), bytes: Type.Integer(), at: Type.String() },
            { example: { file: 'musubi-2026-12-08T02-00-00-000Z.db', bytes: 1_245_184, at: '2026-12-08T02:00:00.000Z' } },
          ),
          ...problems(401, 403),
        },
      },
    },
    async (request, reply) => {
      const at = app.now().toISOString();
      const result = await backupDatabase(app.db, join(opts.backupDir, `musubi-${at.replace(/[:.]/g, '-')}.db`));
      // The server's own paths are none of a client's business: the file name is enough to find it.
      const answer = { file: basename(result.file), bytes: result.bytes, at };
      app.audit.record(request, 'database.backup', 'database', null, answer);
      return reply.code(201).send(answer);
    },
  );
}
