import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  apiTokens,
  attendees,
  eventTables,
  interpreters,
  meetingRequests,
  meetings,
  meetingSeats,
  organizations,
  type AttendeeRow,
  type DayReason,
  type EventTableRow,
  type InterpreterRow,
  type MeetingRequestRow,
  type MeetingRow,
  type RequestStatus,
} from '../db/schema.ts';
import { createRulesRepository } from './rules-repository.ts';

export type NewMeeting = typeof meetings.$inferInsert;
export interface OrganizationLabel {
  name: Record<string, string>;
  nameLatin: string;
}
export type NewRequest = typeof meetingRequests.$inferInsert;

/**
 * Requests, meetings and seats as stored: reads return rows or nothing, writes return the rows they
 * wrote. The rules (who may meet when, with which table and interpreter) are in booking.ts and
 * requests.ts. A write that breaks a unique index (a double booking) throws SQLite's own error,
 * which booking.ts explains.
 */
export function createMeetingsRepository(db: Db, now: () => Date) {
  const stamp = () => now().toISOString();
  // Prepared once: every suggestions answer asks what stands between an organisation and its partners.
  const organizationId = sql.placeholder('organizationId');
  const scheduledForQuery = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.status, 'scheduled'), or(eq(meetings.orgLowId, organizationId), eq(meetings.orgHighId, organizationId))))
    .orderBy(asc(meetings.slotStart))
    .prepare();
  const openRequestsQuery = db
    .select()
    .from(meetingRequests)
    .innerJoin(attendees, eq(attendees.id, meetingRequests.fromAttendeeId))
    .where(
      and(
        inArray(meetingRequests.status, ['requested', 'accepted']),
        or(eq(attendees.organizationId, organizationId), eq(meetingRequests.toOrganizationId, organizationId)),
      ),
    )
    .prepare();

  const repo = {
    // The scheduling rules (parts of the day, pins and vetoes, unavailable slots) booking reads.
    ...createRulesRepository(db),

    /** Runs `work` in one transaction (nested calls become savepoints). */
    transaction: <T>(work: () => T): T => db.transaction(() => work()),

    request: (id: number): MeetingRequestRow | null => db.select().from(meetingRequests).where(eq(meetingRequests.id, id)).get() ?? null,
    requests: (eventId: number): MeetingRequestRow[] =>
      db.select().from(meetingRequests).where(eq(meetingRequests.eventId, eventId)).orderBy(asc(meetingRequests.id)).all(),

    /** Requested or accepted requests between two organisations at an event, either way round. */
    openRequestsBetween: (eventId: number, orgA: number, orgB: number): MeetingRequestRow[] =>
      db
        .select()
        .from(meetingRequests)
        .innerJoin(attendees, eq(attendees.id, meetingRequests.fromAttendeeId))
        .where(
          and(
            eq(meetingRequests.eventId, eventId),
            inArray(meetingRequests.status, ['requested', 'accepted']),
            or(
              and(eq(attendees.organizationId, orgA), eq(meetingRequests.toOrganizationId, orgB)),
              and(eq(attendees.organizationId, orgB), eq(meetingRequests.toOrganizationId, orgA)),
            ),
          ),
        )
        .all()
        .map((r) => r.meeting_requests),

    insertRequest: (values: NewRequest): MeetingRequestRow => db.insert(meetingRequests).values(values).returning().get(),

    /** Sets a request's status; with `from`, only while it still has that status (null if it moved on). */
    setRequestStatus(
      id: number,
      status: RequestStatus,
      fields: Partial<Pick<MeetingRequestRow, 'respondedAt' | 'respondedBy'>>,
      from?: RequestStatus,
    ): MeetingRequestRow | null {
      return (
        db
          .update(meetingRequests)
          .set({ status, ...fields })
          .where(and(eq(meetingRequests.id, id), from ? eq(meetingRequests.status, from) : undefined))
          .returning()
          .get() ?? null
      );
    },

    meeting: (id: number): MeetingRow | null => db.select().from(meetings).where(eq(meetings.id, id)).get() ?? null,
    meetings: (eventId: number): MeetingRow[] =>
      db.select().from(meetings).where(eq(meetings.eventId, eventId)).orderBy(asc(meetings.slotStart), asc(meetings.id)).all(),

    /** Booked (not cancelled) meetings of an organisation, at any event. */
    scheduledFor: (organizationId: number): MeetingRow[] => scheduledForQuery.all({ organizationId }),

    /** Booked meetings of an attendee. */
    scheduledOfAttendee: (attendeeId: number): MeetingRow[] =>
      db
        .select()
        .from(meetings)
        .where(and(eq(meetings.status, 'scheduled'), or(eq(meetings.attendeeAId, attendeeId), eq(meetings.attendeeBId, attendeeId))))
        .all(),

    /** Booked meetings of an event, of one source or all. */
    scheduledOfEvent: (eventId: number, source?: MeetingRow['source']): MeetingRow[] =>
      db
        .select()
        .from(meetings)
        .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled'), source ? eq(meetings.source, source) : undefined))
        .all(),

    /** Pairs of organisations (lower id first) that met (a meeting not cancelled) at another session before `before` (ISO). */
    metBefore: (eventId: number, before: string): [number, number][] =>
      db
        .selectDistinct({ a: meetings.orgLowId, b: meetings.orgHighId })
        .from(meetings)
        .where(and(sql`${meetings.eventId} <> ${eventId}`, eq(meetings.status, 'scheduled'), sql`${meetings.slotStart} < ${before}`))
        .all()
        .map((r) => [r.a, r.b] as [number, number]),

    /** Booked meetings made from a request. */
    scheduledOfRequest: (requestId: number): MeetingRow[] =>
      db
        .select()
        .from(meetings)
        .where(and(eq(meetings.requestId, requestId), eq(meetings.status, 'scheduled')))
        .all(),

    /** Present (not removed) attendees by id. */
    presentAttendees: (ids: readonly number[]): AttendeeRow[] =>
      ids.length
        ? db
            .select()
            .from(attendees)
            .where(and(inArray(attendees.id, [...ids]), isNull(attendees.removedAt)))
            .all()
        : [],
    hasPresentAttendee: (eventId: number, organizationId: number): boolean =>
      !!db
        .select({ id: attendees.id })
        .from(attendees)
        .where(and(eq(attendees.eventId, eventId), eq(attendees.organizationId, organizationId), isNull(attendees.removedAt)))
        .get(),

    table: (id: number): EventTableRow | null => db.select().from(eventTables).where(eq(eventTables.id, id)).get() ?? null,
    tables: (eventId: number): EventTableRow[] => db.select().from(eventTables).where(eq(eventTables.eventId, eventId)).orderBy(asc(eventTables.id)).all(),
    interpreter: (id: number): InterpreterRow | null => db.select().from(interpreters).where(eq(interpreters.id, id)).get() ?? null,
    interpreters: (eventId: number): InterpreterRow[] =>
      db.select().from(interpreters).where(eq(interpreters.eventId, eventId)).orderBy(asc(interpreters.id)).all(),

    /** Whether a table or an interpreter has no booked meeting at that slot. */
    tableFree: (tableId: number, slotStart: string) =>
      !db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.tableId, tableId), eq(meetings.slotStart, slotStart), eq(meetings.status, 'scheduled')))
        .get(),
    interpreterFree: (interpreterId: number, slotStart: string) =>
      !db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.interpreterId, interpreterId), eq(meetings.slotStart, slotStart), eq(meetings.status, 'scheduled')))
        .get(),

    seatsTaken: (attendeeId: number): number =>
      db.select({ n: sql<number>`count(*)` }).from(meetingSeats).where(eq(meetingSeats.attendeeId, attendeeId)).get()?.n ?? 0,
    /** Slot starts (ISO) where any of these attendees already sits. */
    busySlots: (attendeeIds: readonly number[]): Set<string> =>
      new Set(
        db
          .select({ slotStart: meetingSeats.slotStart })
          .from(meetingSeats)
          .where(inArray(meetingSeats.attendeeId, [...attendeeIds]))
          .all()
          .map((s) => s.slotStart),
      ),

    /** Inserts a meeting with its seats (the seats' primary key refuses a double booking). */
    insertMeeting(row: NewMeeting, seats: readonly number[]): MeetingRow {
      const meeting = db.insert(meetings).values(row).returning().get();
      db.insert(meetingSeats)
        .values(seats.map((attendeeId) => ({ attendeeId, slotStart: meeting.slotStart, meetingId: meeting.id })))
        .run();
      return meeting;
    },

    /** Rewrites a meeting (a move, or a re-plan of the same pair) with new seats; SEQUENCE goes up, the UID stays unless given. */
    rewriteMeeting(old: MeetingRow, fields: Omit<NewMeeting, 'uid'> & { uid?: string }, seats: readonly number[]): MeetingRow {
      db.delete(meetingSeats).where(eq(meetingSeats.meetingId, old.id)).run();
      const meeting = db
        .update(meetings)
        .set({ ...fields, sequence: old.sequence + 1, updatedAt: stamp() })
        .where(eq(meetings.id, old.id))
        .returning()
        .get()!;
      db.insert(meetingSeats)
        .values(seats.map((attendeeId) => ({ attendeeId, slotStart: meeting.slotStart, meetingId: meeting.id })))
        .run();
      return meeting;
    },

    /** Frees a meeting's seats (before it is moved). */
    freeSeats: (meetingId: number) => db.delete(meetingSeats).where(eq(meetingSeats.meetingId, meetingId)).run(),

    /** Cancels a meeting: seats freed, SEQUENCE + 1 so calendars drop it; `dayReason` says why when it happens on the day. */
    cancelMeeting(meeting: MeetingRow, dayReason?: DayReason): MeetingRow {
      db.delete(meetingSeats).where(eq(meetingSeats.meetingId, meeting.id)).run();
      return db
        .update(meetings)
        .set({ status: 'cancelled', sequence: meeting.sequence + 1, updatedAt: stamp(), ...(dayReason ? { dayReason } : {}) })
        .where(eq(meetings.id, meeting.id))
        .returning()
        .get()!;
    },

    /** Withdraws an attendee's open requests. */
    cancelRequestsFrom: (attendeeId: number) =>
      db
        .update(meetingRequests)
        .set({ status: 'cancelled', respondedAt: stamp() })
        .where(and(eq(meetingRequests.fromAttendeeId, attendeeId), inArray(meetingRequests.status, ['requested', 'accepted'])))
        .run(),

    /** Marks an attendee removed and deletes their tokens. */
    markAttendeeRemoved(attendeeId: number): void {
      db.delete(apiTokens).where(eq(apiTokens.attendeeId, attendeeId)).run();
      db.update(attendees).set({ removedAt: stamp() }).where(eq(attendees.id, attendeeId)).run();
    },

    organizationNames(ids: readonly number[]): Map<number, string> {
      if (!ids.length) return new Map();
      return new Map(
        db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, [...ids]))
          .all()
          .map((o) => [o.id, o.name.en ?? Object.values(o.name)[0] ?? '']),
      );
    },

    /** Organisations' names in every language they have, with their Latin form, for readers of any language. */
    organizationLabels(ids: readonly number[]): Map<number, OrganizationLabel> {
      if (!ids.length) return new Map();
      return new Map(
        db
          .select({ id: organizations.id, name: organizations.name, nameLatin: organizations.nameLatin })
          .from(organizations)
          .where(inArray(organizations.id, [...ids]))
          .all()
          .map((o) => [o.id, { name: o.name, nameLatin: o.nameLatin }]),
      );
    },

    /** Requested or accepted requests of an organisation (sent by its attendees or addressed to it), at every event. */
    openRequestsOf: (organizationId: number): (MeetingRequestRow & { fromOrganizationId: number })[] =>
      openRequestsQuery.all({ organizationId }).map((r) => ({ ...r.meeting_requests, fromOrganizationId: r.attendees.organizationId })),

    /** Booked meetings between two organisations at an event. */
    scheduledBetween: (eventId: number, orgA: number, orgB: number): MeetingRow[] =>
      db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.eventId, eventId),
            eq(meetings.status, 'scheduled'),
            eq(meetings.orgLowId, Math.min(orgA, orgB)),
            eq(meetings.orgHighId, Math.max(orgA, orgB)),
          ),
        )
        .all(),
  };
  return repo;
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>;
