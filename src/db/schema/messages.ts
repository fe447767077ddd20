/** Tables of messages (outbox, links, opt-outs) and outcomes (feedback, follow-ups). */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organizations } from './organizations.ts';
import { attendees, events, meetings } from './events.ts';
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
