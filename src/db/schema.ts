import { sql } from 'drizzle-orm';
import type { ScoreWeights } from '../../matching/score.ts';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { EventDay } from '../../matching/schedule/slots.ts';
import { ORGANIZATION_KINDS, type LocalizedText, type OrganizationKind } from '../../matching/profile.ts';

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

export type TokenRole = 'matchmaker' | 'organization' | 'attendee';
export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganizationRow = typeof organizations.$inferInsert;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** A matching session: a city, a time zone, days with opening hours and breaks, a slot length. */
export const events = sqliteTable('events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  city: text('city').notNull(),
  timeZone: text('time_zone').notNull(),
  days: text('days', { mode: 'json' }).$type<EventDay[]>().notNull(),
  slotMinutes: integer('slot_minutes').notNull(),
  allowOnline: integer('allow_online', { mode: 'boolean' }).notNull().default(false),
  requestTtlHours: integer('request_ttl_hours').notNull().default(48),
  /** When set, organisations attending this event see only the pairs a matchmaker approved. */
  approvedPairsOnly: integer('approved_pairs_only', { mode: 'boolean' }).notNull().default(false),
  /** The programme the session belongs to (JICA business matching, Mongolia IT Mission…): reports group sessions by it. */
  programme: text('programme'),
  /** Months after each meeting when both sides are asked what came of it. */
  followUpMonths: text('follow_up_months', { mode: 'json' }).$type<number[]>().notNull().default(sql`'[3,6]'`),
  /** On the day, a re-plan neither moves nor fills a meeting that starts within this many minutes. */
  freezeMinutes: integer('freeze_minutes').notNull().default(30),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
});

export const eventTables = sqliteTable(
  'event_tables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('event_tables_name_unique').on(t.eventId, t.name)],
);

/** A person attending for an organisation. Availability: UTC intervals; empty means the whole event. */
export const attendees = sqliteTable(
  'attendees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The name in Latin letters, given or romanised, so the other side can read it aloud. */
    nameLatin: text('name_latin').notNull().default(''),
    email: text('email'),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    timeZone: text('time_zone').notNull(),
    online: integer('online', { mode: 'boolean' }).notNull().default(false),
    availability: text('availability', { mode: 'json' }).$type<IsoInterval[]>().notNull(),
    maxMeetings: integer('max_meetings').notNull().default(12),
    /** Slot starts (ISO, UTC) the person cannot attend after all (a talk, a flight); editable after registration. */
    unavailable: text('unavailable', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: text('created_at').notNull().default(now),
    /**
     * Set when a matchmaker removes the attendee. The row stays so that their cancelled meetings stay
     * in their partners' agendas (as CANCELLED, SEQUENCE + 1) instead of vanishing from calendars.
     */
    removedAt: text('removed_at'),
    /**
     * What a volunteer scans or types at the door (printed on the agenda as a QR code and as text):
     * eight hex digits, not a sign-in token. Rows from before check-in get one on first use.
     */
    checkInCode: text('check_in_code'),
  },
  (t) => [
    index('attendees_event_idx').on(t.eventId),
    index('attendees_org_idx').on(t.organizationId),
    uniqueIndex('attendees_check_in_code_unique').on(t.checkInCode),
  ],
);

/** Whether an attendee came, per session day (the day as a date in the session's zone). */
export const checkIns = sqliteTable(
  'check_ins',
  {
    attendeeId: integer('attendee_id')
      .notNull()
      .references(() => attendees.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    status: text('status').$type<CheckInStatus>().notNull(),
    at: text('at').notNull(),
    by: text('by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attendeeId, t.date] }),
    index('check_ins_event_idx').on(t.eventId, t.date),
    check('check_ins_status_check', sql`${t.status} in ('present', 'absent')`),
  ],
);
export type CheckInStatus = 'present' | 'absent';
export type CheckInRow = typeof checkIns.$inferSelect;

export const interpreters = sqliteTable(
  'interpreters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameLatin: text('name_latin').notNull().default(''),
    pairs: text('pairs', { mode: 'json' }).$type<[string, string][]>().notNull(),
    availability: text('availability', { mode: 'json' }).$type<IsoInterval[]>().notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('interpreters_event_idx').on(t.eventId)],
);

export const meetingRequests = sqliteTable(
  'meeting_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    fromAttendeeId: integer('from_attendee_id')
      .notNull()
      .references(() => attendees.id, { onDelete: 'cascade' }),
    toOrganizationId: integer('to_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    message: text('message'),
    /** The part of the day the asker wants the meeting in. */
    part: text('part').$type<PartOfDay>().notNull().default('any'),
    status: text('status').$type<RequestStatus>().notNull().default('requested'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    respondedAt: text('responded_at'),
    respondedBy: integer('responded_by').references(() => attendees.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('meeting_requests_event_idx').on(t.eventId),
    check('meeting_requests_status_check', sql`${t.status} in ('requested', 'accepted', 'declined', 'cancelled')`),
  ],
);

/**
 * Booked meetings. Double booking is prevented by the database, not only by checks in code: a
 * table and an interpreter have one scheduled meeting per slot (partial unique indexes), a person
 * has one seat per slot (meeting_seats), and a pair of organisations one meeting per event.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull().unique(),
    requestId: integer('request_id').references(() => meetingRequests.id, { onDelete: 'set null' }),
    orgLowId: integer('org_low_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    orgHighId: integer('org_high_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    attendeeAId: integer('attendee_a_id')
      .notNull()
      .references(() => attendees.id, { onDelete: 'cascade' }),
    attendeeBId: integer('attendee_b_id')
      .notNull()
      .references(() => attendees.id, { onDelete: 'cascade' }),
    slotStart: text('slot_start').notNull(),
    slotEnd: text('slot_end').notNull(),
    tableId: integer('table_id').references(() => eventTables.id, { onDelete: 'restrict' }),
    interpreterId: integer('interpreter_id').references(() => interpreters.id, { onDelete: 'restrict' }),
    online: integer('online', { mode: 'boolean' }).notNull().default(false),
    status: text('status').$type<MeetingStatus>().notNull().default('scheduled'),
    source: text('source').$type<'manual' | 'scheduler'>().notNull(),
    sequence: integer('sequence').notNull().default(0),
    // No CHECK on these two: adding one makes drizzle-kit rebuild the table with an INSERT that
    // selects the new columns from the old table, which fails; the domain writes only known values.
    /** Why it changed on the day: cancelled because someone was marked absent, or booked from the standby list. */
    dayReason: text('day_reason').$type<DayReason>(),
    /** Whether it took place, as marked by either side or the table host. */
    attendance: text('attendance').$type<AttendanceOutcome>(),
    /** Who did not come, when it was partly held or did not happen. */
    missingAttendeeIds: text('missing_attendee_ids', { mode: 'json' }).$type<number[]>(),
    attendanceAt: text('attendance_at'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('meetings_event_idx').on(t.eventId, t.slotStart),
    uniqueIndex('meetings_table_slot_unique').on(t.tableId, t.slotStart).where(sql`status = 'scheduled' and table_id is not null`),
    uniqueIndex('meetings_interpreter_slot_unique').on(t.interpreterId, t.slotStart).where(sql`status = 'scheduled' and interpreter_id is not null`),
    uniqueIndex('meetings_pair_unique').on(t.eventId, t.orgLowId, t.orgHighId).where(sql`status = 'scheduled'`),
    check('meetings_org_order_check', sql`${t.orgLowId} < ${t.orgHighId}`),
    check('meetings_status_check', sql`${t.status} in ('scheduled', 'cancelled')`),
  ],
);

/** One row per person per booked slot; the primary key is what makes a double booking impossible. */
export const meetingSeats = sqliteTable(
  'meeting_seats',
  {
    attendeeId: integer('attendee_id')
      .notNull()
      .references(() => attendees.id, { onDelete: 'cascade' }),
    slotStart: text('slot_start').notNull(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.attendeeId, t.slotStart] }), index('meeting_seats_meeting_idx').on(t.meetingId)],
);

export interface IsoInterval {
  start: string;
  end: string;
}
export type RequestStatus = 'requested' | 'accepted' | 'declined' | 'cancelled';
export type MeetingStatus = 'scheduled' | 'cancelled';
export type DayReason = 'no-show' | 'standby';
export type AttendanceOutcome = 'held' | 'partly' | 'not-held';
export type EventRow = typeof events.$inferSelect;
export type AttendeeRow = typeof attendees.$inferSelect;
export type InterpreterRow = typeof interpreters.$inferSelect;
export type MeetingRequestRow = typeof meetingRequests.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type EventTableRow = typeof eventTables.$inferSelect;

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

export const MESSAGE_KINDS = [
  'sign-in',
  'request-received',
  'request-accepted',
  'request-declined',
  'request-expiring',
  'meeting-booked',
  'meeting-moved',
  'meeting-cancelled',
  'reminder',
  'feedback',
  'follow-up',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type MessageStatus = 'pending' | 'sent' | 'failed' | 'suppressed';
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Messages to send. A message is written here in the same transaction as the change that causes it
 * (nothing is sent for a change that rolled back, nothing is lost when the process dies), then
 * delivered by the sender, which claims rows with a lease (`lease_until`) so that a second process
 * could share the work. `idempotency_key` names the cause (e.g. `meeting-moved:12:3:seq4`): the same
 * cause never makes a second row, and its Message-ID is derived from it.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    kind: text('kind').$type<MessageKind>().notNull(),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
    attendeeId: integer('attendee_id').references(() => attendees.id, { onDelete: 'set null' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name').notNull(),
    lang: text('lang').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attachments: text('attachments', { mode: 'json' }).$type<MailAttachment[]>().notNull(),
    /** Where the one-click unsubscribe goes (also sent as List-Unsubscribe). */
    unsubscribeUrl: text('unsubscribe_url'),
    status: text('status').$type<MessageStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    lastError: text('last_error'),
    messageId: text('message_id').notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_event_idx').on(t.eventId),
    check('outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed', 'suppressed')`),
  ],
);
export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Links in messages that act without signing in: a one-click unsubscribe, a feedback or follow-up
 * form. The link carries 256 random bits; only their SHA-256 is kept. Each is scoped to one person
 * (an e-mail address, an attendee) and one purpose.
 */
export const messageLinks = sqliteTable('message_links', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose').$type<'unsubscribe' | 'feedback' | 'follow-up'>().notNull(),
  email: text('email').notNull(),
  /** For an unsubscribe: the kind of message it turns off. */
  category: text('category'),
  meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
  attendeeId: integer('attendee_id').references(() => attendees.id, { onDelete: 'cascade' }),
  organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
  months: integer('months'),
  lang: text('lang').notNull(),
  createdAt: text('created_at').notNull(),
});
export type MessageLinkRow = typeof messageLinks.$inferSelect;

/** Kinds of message a person turned off (by the link in one of them). */
export const messageOptOuts = sqliteTable(
  'message_opt_outs',
  {
    email: text('email').notNull(),
    category: text('category').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.category] })],
);

export type Interest = 'none' | 'some' | 'strong';
export type Cooperation = 'yes' | 'maybe' | 'no';

/** What one side of a meeting says right after it: did it take place, interest, cooperation, what next. */
export const meetingFeedback = sqliteTable(
  'meeting_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    attendeeId: integer('attendee_id').references(() => attendees.id, { onDelete: 'set null' }),
    tookPlace: integer('took_place', { mode: 'boolean' }).notNull(),
    interest: text('interest').$type<Interest>(),
    cooperation: text('cooperation').$type<Cooperation>(),
    nextSteps: text('next_steps'),
    via: text('via').$type<'link' | 'app'>().notNull(),
    answeredAt: text('answered_at').notNull(),
  },
  (t) => [
    uniqueIndex('meeting_feedback_side_unique').on(t.meetingId, t.organizationId),
    check('meeting_feedback_interest_check', sql`${t.interest} is null or ${t.interest} in ('none', 'some', 'strong')`),
    check('meeting_feedback_cooperation_check', sql`${t.cooperation} is null or ${t.cooperation} in ('yes', 'maybe', 'no')`),
  ],
);
export type MeetingFeedbackRow = typeof meetingFeedback.$inferSelect;

export const FOLLOW_UP_OUTCOMES = ['negotiation', 'mou', 'pilot', 'contract', 'investment', 'nothing'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * The follow-ups months after a meeting, one per side and month: created when the question is sent
 * (the unique index makes that happen once), answered by the link in it.
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    months: integer('months').notNull(),
    askedAt: text('asked_at').notNull(),
    answeredAt: text('answered_at'),
    outcomes: text('outcomes', { mode: 'json' }).$type<FollowUpOutcome[]>(),
    investmentAmount: real('investment_amount'),
    investmentCurrency: text('investment_currency'),
    note: text('note'),
  },
  (t) => [uniqueIndex('follow_ups_side_unique').on(t.meetingId, t.organizationId, t.months)],
);
export type FollowUpRow = typeof followUps.$inferSelect;
