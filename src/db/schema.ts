import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { LocalizedText, OrganizationKind } from '../../matching/profile.ts';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    externalId: text('external_id').notNull().unique(),
    name: text('name', { mode: 'json' }).$type<LocalizedText>().notNull(),
    kind: text('kind').$type<OrganizationKind>().notNull(),
    country: text('country').notNull(),
    city: text('city').notNull(),
    website: text('website'),
    employees: integer('employees'),
    founded: integer('founded'),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    sectors: text('sectors', { mode: 'json' }).$type<string[]>().notNull(),
    description: text('description', { mode: 'json' }).$type<LocalizedText>().notNull(),
    offers: text('offers', { mode: 'json' }).$type<LocalizedText[]>().notNull(),
    needs: text('needs', { mode: 'json' }).$type<LocalizedText[]>().notNull(),
    sdgs: text('sdgs', { mode: 'json' }).$type<number[]>().notNull(),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** Languages the profile's texts are written in (derived on write, for filtering). */
    textLanguages: text('text_languages', { mode: 'json' }).$type<string[]>().notNull(),
    /** Lower-cased, NFC text of every searchable field: the free-text query runs LIKE over it. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('organizations_country_idx').on(t.country),
    index('organizations_kind_idx').on(t.kind),
    check('organizations_kind_check', sql`${t.kind} in ('company', 'startup', 'ngo', 'education')`),
  ],
);

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

/**
 * Ranked pairs under review. Each pair is stored once, with `orgAId < orgBId`; its score is the
 * engine's and is refreshed on every re-rank, while status and note are the matchmaker's and are
 * never touched by re-ranking or re-imports. Reasons are not stored: they are computed when shown.
 */
export const matches = sqliteTable(
  'matches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgAId: integer('org_a_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    orgBId: integer('org_b_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    signals: text('signals', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    status: text('status').$type<MatchStatus>().notNull().default('pending'),
    note: text('note'),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    rankedAt: text('ranked_at').notNull().default(now),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('matches_pair_unique').on(t.orgAId, t.orgBId),
    index('matches_b_idx').on(t.orgBId),
    index('matches_score_idx').on(t.score),
    check('matches_order_check', sql`${t.orgAId} < ${t.orgBId}`),
    check('matches_status_check', sql`${t.status} in ('pending', 'approved', 'rejected')`),
  ],
);

export type MatchStatus = 'pending' | 'approved' | 'rejected';
export type MatchRow = typeof matches.$inferSelect;

export type TokenRole = 'matchmaker' | 'organization' | 'attendee';
export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganizationRow = typeof organizations.$inferInsert;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
