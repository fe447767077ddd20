import { hash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { ANY_ROW, type TableWatch, watchTables } from '../db/table-watch.ts';
import { apiTokens, type ApiTokenRow, type TokenRole } from '../db/schema.ts';

export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** 256 random bits; the prefix tells a reader (and a secret scanner) what kind of token it is. */
function newSecret(role: TokenRole): string {
  const prefix = role === 'organization' ? 'org' : role === 'attendee' ? 'att' : 'mm';
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export interface IssuedToken {
  row: ApiTokenRow;
  /** The secret itself: returned once, never stored. */
  token: string;
}

/** Signed-in callers' tokens kept in memory: one sign-in per request otherwise costs a query. */
const TOKENS_KEPT = 10_000;

export function createTokensRepository(db: Db) {
  // Live tokens by hash, each dropped by any write to its row through this connection (a revocation,
  // the once-a-minute `touch`, a raw SQL change: temporary triggers), so none outlives its row.
  // Watched from the first sign-in on (scripts that only issue a token add no triggers).
  const live = new Map<string, ApiTokenRow>();
  const hashOfRow = new Map<number, string>();
  let watch: TableWatch | null = null;
  const forget = (id: number) => {
    if (id === ANY_ROW) {
      live.clear();
      hashOfRow.clear();
      return;
    }
    const hash = hashOfRow.get(id);
    if (hash === undefined) return;
    hashOfRow.delete(id);
    live.delete(hash);
  };
  return {
    issue(role: TokenRole, organizationId: number | null, label: string | null, attendeeId: number | null = null): IssuedToken {
      const token = newSecret(role);
      const row = db
        .insert(apiTokens)
        .values({ tokenHash: hashToken(token), role, organizationId, attendeeId, label })
        .returning()
        .get();
      return { row, token };
    },

    /** The live token whose secret has this hash (`hashToken`), or null (unknown or revoked). */
    findActive(hash: string): ApiTokenRow | null {
      watch ??= watchTables(db, ['api_tokens'], (_table, id) => forget(id));
      // Another process may have revoked a token (its writes fire no trigger here).
      watch.sync();
      const kept = live.get(hash);
      if (kept) return kept;
      const row = db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
        .get();
      if (!row) return null;
      if (live.size >= TOKENS_KEPT) {
        const [oldHash, oldRow] = live.entries().next().value!;
        live.delete(oldHash);
        hashOfRow.delete(oldRow.id);
      }
      live.set(hash, row);
      hashOfRow.set(row.id, hash);
      return row;
    },

    touch(id: number, at: string): void {
      db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run();
    },

    list(filter: { organizationId?: number; includeRevoked?: boolean } = {}): ApiTokenRow[] {
      const conditions = [];
      if (filter.organizationId !== undefined) conditions.push(eq(apiTokens.organizationId, filter.organizationId));
      if (!filter.includeRevoked) conditions.push(isNull(apiTokens.revokedAt));
      return db
        .select()
        .from(apiTokens)
        .where(and(...conditions))
        .orderBy(desc(apiTokens.id))
        .all();
    },

    /** Revokes a token; null when there is no such token. Revoking twice keeps the first time. */
    revoke(id: number, at: string): ApiTokenRow | null {
      const existing = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
      if (!existing) return null;
      if (existing.revokedAt) return existing;
      return db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)).returning().get() ?? null;
    },
  };
}

export type TokensRepository = ReturnType<typeof createTokensRepository>;
