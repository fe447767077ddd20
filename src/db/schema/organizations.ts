/** Tables of organisations, pairs and their ranking (features, fitted weights), the audit trail. */
import { sql } from 'drizzle-orm';
import type { ScoreWeights } from '../../../matching/score.ts';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ORGANIZATION_KINDS, type LocalizedText, type OrganizationKind } from '../../../matching/profile.ts';

/** Timestamps default to the database's clock in ISO 8601 (UTC, milliseconds). */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

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
    /** The name in Latin letters (romanised from the original unless the organisation wrote its own). */
    nameLatin: text('name_latin').notNull().default(''),
    /** Whether `nameLatin` was written by the organisation (kept) rather than generated (follows the name). */
    nameLatinEdited: integer('name_latin_edited', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('organizations_country_idx').on(t.country),
    index('organizations_kind_idx').on(t.kind),
    check('organizations_kind_check', sql`${t.kind} in (${sql.raw(ORGANIZATION_KINDS.map((k) => `'${k}'`).join(', '))})`),
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
    orgAId: integer('org_a_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    orgBId: integer('org_b_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    signals: text('signals', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    status: text('status').$type<MatchStatus>().notNull().default('pending'),
    note: text('note'),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    /** "This meeting in the morning": the part of the day the scheduler and booking keep the pair to. */
    part: text('part').$type<PartOfDay>().notNull().default('any'),
    /** A matchmaker's scheduling rule: must meet (pinned) or never (vetoed); kept through re-ranking. */
    rule: text('rule').$type<PairRule>(),
    rankedAt: text('ranked_at').notNull().default(now),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('matches_pair_unique').on(t.orgAId, t.orgBId),
    index('matches_b_idx').on(t.orgBId),
    index('matches_score_idx').on(t.score),
    // The review queue leaves vetoed pairs out: its total is every pair less the (few) vetoed ones.
    index('matches_rule_idx').on(t.rule),
    check('matches_order_check', sql`${t.orgAId} < ${t.orgBId}`),
    check('matches_status_check', sql`${t.status} in ('pending', 'approved', 'rejected')`),
  ],
);

/**
 * What the matching index needs of each profile, so that a restart does not analyse texts again:
 * the analysed features (terms and concepts with counts and where each was first seen), and a hash
 * of the texts and of the analysis code they came from. A row whose hash no longer matches its
 * organisation (texts edited behind the service's back, or the text analysis changed) is analysed
 * again. `rankedHash` is the hash the organisation's pairs were last ranked with: when it differs,
 * its pairs are re-ranked after a restart (a ranking cut short by a crash is finished).
 */
export const organizationFeatures = sqliteTable('organization_features', {
  organizationId: integer('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  textsHash: text('texts_hash').notNull(),
  features: text('features').notNull(),
  rankedHash: text('ranked_hash'),
});
export type OrganizationFeaturesRow = typeof organizationFeatures.$inferSelect;

/**
 * Weights of the matching score fitted on decisions (matchmakers' approve / reject in the review
 * queue, and what meetings led to), with how well they and the weights in use at the time rank the
 * held-out (latest) decisions. A fit is adopted only when it ranked them better; the adopted row
 * (adoptedAt set, retiredAt not) is what the engine scores with, none means the defaults. Adopting
 * another, or resetting to the defaults, retires it. Rows are kept: the history of what was used.
 */
export const matchingWeights = sqliteTable('matching_weights', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  weights: text('weights', { mode: 'json' }).$type<ScoreWeights>().notNull(),
  /** The weights in use when fitted: the start of the fit and what it was judged against. */
  startWeights: text('start_weights', { mode: 'json' }).$type<ScoreWeights>().notNull(),
  /** Concept-group weights, when they were fitted too (not yet: null). */
  groups: text('groups', { mode: 'json' }).$type<Record<string, number>>(),
  /** Decisions used: from the review queue, from outcome labels; fitted on `train`, judged on `test`. */
  fromReview: integer('from_review').notNull(),
  fromOutcomes: integer('from_outcomes').notNull(),
  train: integer('train').notNull(),
  test: integer('test').notNull(),
  /** Decision time of the first held-out decision: fitted on what came before. */
  splitAt: text('split_at'),
  /** Held-out pairwise accuracy (0–1, null when the held-out part has no approved or no rejected decision). */
  heldOutStart: real('held_out_start'),
  heldOutFitted: real('held_out_fitted'),
  heldOutDefaults: real('held_out_defaults'),
  better: integer('better', { mode: 'boolean' }).notNull(),
  fittedAt: text('fitted_at').notNull(),
  fittedBy: text('fitted_by').notNull(),
  adoptedAt: text('adopted_at'),
  adoptedBy: text('adopted_by'),
  retiredAt: text('retired_at'),
  retiredBy: text('retired_by'),
});
export type MatchingWeightsRow = typeof matchingWeights.$inferSelect;

export type MatchStatus = 'pending' | 'approved' | 'rejected';
/** Morning or afternoon by the session's own hours (its lunch break, or the middle of its day), or either. */
export type PartOfDay = 'morning' | 'afternoon' | 'any';
export type PairRule = 'pinned' | 'vetoed';
export type MatchRow = typeof matches.$inferSelect;

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganizationRow = typeof organizations.$inferInsert;

/** Who changed what, when: decisions on pairs, bookings, moves, cancellations, scheduler runs, tokens. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);
export type AuditRow = typeof auditLog.$inferSelect;
