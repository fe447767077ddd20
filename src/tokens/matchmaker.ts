import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiTokens } from '../db/schema.ts';
import { createTokensRepository } from './repository.ts';

const LABEL = 'matchmaker (generated at first start)';

/**
 * The matchmaker token when none is configured: generated once, kept in the database as a hash like
 * every other token, so a restart keeps it and signed-in browsers stay signed in. Returns the secret
 * when it was generated now (to print once), null when one already exists.
 */
export function ensureMatchmakerToken(db: Db): string | null {
  const existing = db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.role, 'matchmaker'), isNull(apiTokens.revokedAt)))
    .get();
  if (existing) return null;
  return createTokensRepository(db).issue('matchmaker', null, LABEL).token;
}

/** Retires every stored matchmaker token and issues a new one (`npm run token:rotate`). */
export function rotateMatchmakerToken(db: Db, now: Date): { token: string; revoked: number } {
  // One connection, synchronous: the repository's insert runs inside this transaction.
  return db.transaction(() => {
    const revoked = db
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(apiTokens.role, 'matchmaker'), isNull(apiTokens.revokedAt)))
      .run().changes;
    const { token } = createTokensRepository(db).issue('matchmaker', null, LABEL);
    return { token, revoked };
  });
}
