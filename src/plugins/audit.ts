import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { auditLog, type AuditRow } from '../db/schema.ts';

export interface AuditQuery {
  entity?: string;
  entityId?: number;
  action?: string;
  limit: number;
  offset: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: {
      /** Records what the caller of `request` did. */
      record(request: FastifyRequest, action: string, entity: string, entityId: number | null, details?: Record<string, unknown>): void;
      list(query: AuditQuery): AuditRow[];
    };
  }
}

/** The actor as it appears in the trail: a role and, for tokens, which one. */
export function actorOf(request: FastifyRequest): string {
  const p = request.principal;
  if (!p) return 'anonymous';
  if (p.role === 'matchmaker') return 'matchmaker';
  return p.role === 'organization' ? `organization:${p.organizationId} (token ${p.tokenId})` : `attendee:${p.attendeeId} (token ${p.tokenId})`;
}

export default fp(
  async function audit(app: FastifyInstance) {
    app.decorate('audit', {
      record(request, action, entity, entityId, details = {}) {
        app.db
          .insert(auditLog)
          .values({ at: app.now().toISOString(), actor: actorOf(request), action, entity, entityId, details })
          .run();
      },
      list(query) {
        const where: SQL[] = [];
        if (query.entity) where.push(eq(auditLog.entity, query.entity));
        if (query.entityId !== undefined) where.push(eq(auditLog.entityId, query.entityId));
        if (query.action) where.push(eq(auditLog.action, query.action));
        return app.db
          .select()
          .from(auditLog)
          .where(and(...where))
          .orderBy(desc(auditLog.id))
          .limit(query.limit)
          .offset(query.offset)
          .all();
      },
    });
  },
  { name: 'audit', dependencies: ['database'] },
);
