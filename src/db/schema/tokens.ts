/** Bearer tokens of matchmakers, organisations and attendees. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { attendees } from './events.ts';
import { now, organizations } from './organizations.ts';

export type TokenRole = 'matchmaker' | 'organization' | 'attendee';

/**
 * Bearer tokens. Only a SHA-256 of the secret is kept: tokens are 256 random bits, so a fast hash is
 * enough and lets every request be checked with one indexed lookup. The matchmaker token from the
 * configuration is not stored here. `role` and the owner columns carry the full role model
 * (matchmaker, organisation, attendee) that later issues fill in.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    role: text('role').$type<TokenRole>().notNull(),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    // SQLite cannot add a column with ON DELETE CASCADE to an existing table; the attendees
    // repository deletes an attendee's tokens in the same transaction instead.
    attendeeId: integer('attendee_id').references(() => attendees.id),
    label: text('label'),
    createdAt: text('created_at').notNull().default(now),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [
    index('api_tokens_organization_idx').on(t.organizationId),
    check('api_tokens_role_check', sql`${t.role} in ('matchmaker', 'organization', 'attendee')`),
  ],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
