import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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

export type TokenRole = 'matchmaker' | 'organization' | 'attendee';
export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganizationRow = typeof organizations.$inferInsert;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
