/** Tables of matching sessions: events, tables, attendees, check-ins, interpreters, requests, meetings and seats. */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { EventDay } from '../../../matching/schedule/slots.ts';
import { now, organizations, type PartOfDay } from './organizations.ts';

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
