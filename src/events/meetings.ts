import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { covers } from '../../matching/schedule/intervals.ts';
import { interpreterCovers, shareLanguage } from '../../matching/meeting-rules.ts';
import { localTime } from '../../matching/schedule/slots.ts';
import type { Db } from '../db/client.ts';
import {
  attendees, eventTables, interpreters, meetingRequests, meetings, meetingSeats, organizations,
  type AttendeeRow, type EventRow, type InterpreterRow, type MeetingRequestRow, type MeetingRow, type RequestStatus,
} from '../db/schema.ts';
import { conflict, HttpProblem, invalid } from '../http/problem.ts';
import { availabilityOf, eventSlots, iso } from './model.ts';

export interface BookingRequest {
  attendeeIds: [number, number];
  slotStart: number;
  tableId?: number | undefined;
  interpreterId?: number | null | undefined;
  requestId?: number | null;
  source: 'manual' | 'scheduler';
}

/** "ja–mn/ja–en": the language pairs two people without a common language would need, for messages. */
function needLabel(a: readonly string[], b: readonly string[]): string {
  return a.flatMap((la) => b.map((lb) => `${la}–${lb}`)).join('/');
}

export type RequestView = Omit<MeetingRequestRow, 'status'> & { status: RequestStatus | 'expired' };

/** A request that nobody answered in time stops blocking: it reads as expired from then on. */
export function requestView(row: MeetingRequestRow, now: Date): RequestView {
  return row.status === 'requested' && Date.parse(row.expiresAt) <= now.getTime() ? { ...row, status: 'expired' } : row;
}

/**
 * Meeting requests and bookings of an event. Every booking runs in one transaction whose unique
 * indexes (a person's seat, a table, an interpreter, a pair per slot) are the last word: when two
 * requests race for the same table, the second insert fails and is answered 409, naming the table.
 */
export function createMeetingsRepository(db: Db) {
  const slotFree = (column: typeof meetings.tableId | typeof meetings.interpreterId, id: number, slotStart: string) =>
    !db.select({ id: meetings.id }).from(meetings).where(and(eq(column, id), eq(meetings.slotStart, slotStart), eq(meetings.status, 'scheduled'))).get();

  const seatsTaken = (attendeeId: number) =>
    db.select({ n: sql<number>`count(*)` }).from(meetingSeats).where(eq(meetingSeats.attendeeId, attendeeId)).get()?.n ?? 0;

  function explainConflict(error: unknown, context: { slot: string; tableName?: string; people: AttendeeRow[]; interpreterName?: string }): never {
    const message = (error as Error).message ?? '';
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
    if (message.includes('meetings.table_id')) throw conflict(`Table ${context.tableName} is already booked at ${context.slot}`, [{ field: 'tableId', message: `table ${context.tableName} is taken at ${context.slot}` }]);
    if (message.includes('meetings.interpreter_id')) throw conflict(`Interpreter ${context.interpreterName} is already booked at ${context.slot}`, [{ field: 'interpreterId', message: `interpreter ${context.interpreterName} is taken at ${context.slot}` }]);
    if (message.includes('meeting_seats')) throw conflict(`One of ${context.people.map((p) => p.name).join(' and ')} already has a meeting at ${context.slot}`, [{ field: 'attendeeIds', message: `already has a meeting at ${context.slot}` }]);
    if (message.includes('org_low_id')) throw conflict('These two organisations already have a meeting at this event', [{ field: 'attendeeIds', message: 'the organisations already meet at this event' }]);
    throw error;
  }

  const repo = {
    request: (id: number) => db.select().from(meetingRequests).where(eq(meetingRequests.id, id)).get() ?? null,
    requests: (eventId: number) => db.select().from(meetingRequests).where(eq(meetingRequests.eventId, eventId)).orderBy(asc(meetingRequests.id)).all(),

    createRequest(event: EventRow, from: AttendeeRow, toOrganizationId: number, message: string | undefined, now: Date): MeetingRequestRow {
      if (from.organizationId === toOrganizationId) throw invalid('An organisation cannot request a meeting with itself', [{ field: 'toOrganizationId', message: 'is the requester’s own organisation' }]);
      const targets = db.select({ id: attendees.id }).from(attendees).where(and(eq(attendees.eventId, event.id), eq(attendees.organizationId, toOrganizationId))).all();
      if (!targets.length) throw invalid('Nobody attends this event for that organisation', [{ field: 'toOrganizationId', message: 'has no attendee at this event' }]);
      return db.transaction((tx) => {
        const open = tx.select().from(meetingRequests)
          .innerJoin(attendees, eq(attendees.id, meetingRequests.fromAttendeeId))
          .where(and(eq(meetingRequests.eventId, event.id), inArray(meetingRequests.status, ['requested', 'accepted']),
            or(
              and(eq(attendees.organizationId, from.organizationId), eq(meetingRequests.toOrganizationId, toOrganizationId)),
              and(eq(attendees.organizationId, toOrganizationId), eq(meetingRequests.toOrganizationId, from.organizationId)),
            )))
          .all()
          .map((r) => requestView(r.meeting_requests, now))
          .find((r) => r.status !== 'expired');
        if (open) throw conflict(`Request ${open.id} between these organisations is already ${open.status}`, [{ field: 'toOrganizationId', message: `request ${open.id} is already ${open.status}` }]);
        return tx.insert(meetingRequests).values({
          eventId: event.id, fromAttendeeId: from.id, toOrganizationId, message: message ?? null, status: 'requested',
          createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + event.requestTtlHours * 3_600_000).toISOString(),
        }).returning().get();
      });
    },

    answerRequest(request: MeetingRequestRow, answer: 'accepted' | 'declined', responder: AttendeeRow, now: Date): MeetingRequestRow {
      const view = requestView(request, now);
      if (view.status !== 'requested') throw conflict(`Request ${request.id} is ${view.status} and can no longer be ${answer}`);
      if (responder.organizationId !== request.toOrganizationId || responder.eventId !== request.eventId) {
        throw invalid('Only an attendee of the requested organisation can answer', [{ field: 'attendeeId', message: 'does not attend for the requested organisation' }]);
      }
      return db.update(meetingRequests).set({ status: answer, respondedAt: now.toISOString(), respondedBy: responder.id })
        .where(and(eq(meetingRequests.id, request.id), eq(meetingRequests.status, 'requested'))).returning().get()!;
    },

    cancelRequest(request: MeetingRequestRow, now: Date): MeetingRequestRow {
      const view = requestView(request, now);
      if (view.status !== 'requested' && view.status !== 'accepted') throw conflict(`Request ${request.id} is ${view.status}`);
      return db.transaction((tx) => {
        for (const m of tx.select().from(meetings).where(and(eq(meetings.requestId, request.id), eq(meetings.status, 'scheduled'))).all()) {
          cancelIn(tx, m);
        }
        return tx.update(meetingRequests).set({ status: 'cancelled', respondedAt: now.toISOString() }).where(eq(meetingRequests.id, request.id)).returning().get()!;
      });
    },

    meeting: (id: number) => db.select().from(meetings).where(eq(meetings.id, id)).get() ?? null,
    meetings: (eventId: number) => db.select().from(meetings).where(eq(meetings.eventId, eventId)).orderBy(asc(meetings.slotStart), asc(meetings.id)).all(),

    /** Books one meeting; throws a 4xx problem saying what is wrong or what conflicts. */
    /**
     * The slots where these two could meet now: both free and available, under their meeting limits,
     * with a table (unless online) and an interpreter when they need one. The same checks as a
     * booking, so a slot offered here is one a booking takes (unless someone else takes it first).
     */
    openSlots(event: EventRow, attendeeIds: [number, number]): { start: string; end: string; local: string }[] {
      const busy = new Set(db.select({ slotStart: meetingSeats.slotStart }).from(meetingSeats).where(inArray(meetingSeats.attendeeId, attendeeIds)).all().map((s) => s.slotStart));
      return eventSlots(event).filter((slot) => {
        if (busy.has(iso(slot.start))) return false;
        try {
          prepare(event, { attendeeIds, slotStart: slot.start, source: 'manual' }, null);
          return true;
        } catch (error) {
          if (error instanceof HttpProblem) return false;
          throw error;
        }
      }).map((slot) => ({ start: iso(slot.start), end: iso(slot.end), local: localTime(slot.start, event.timeZone) }));
    },

    book(event: EventRow, req: BookingRequest): MeetingRow {
      return db.transaction((tx) => {
        const { row, seats } = prepare(event, req, null);
        try {
          const meeting = tx.insert(meetings).values(row).returning().get();
          tx.insert(meetingSeats).values(seats.map((attendeeId) => ({ attendeeId, slotStart: row.slotStart, meetingId: meeting.id }))).run();
          return meeting;
        } catch (error) {
          explainConflict(error, contextOf(row, seats));
        }
      });
    },

    /** Moves a meeting to another slot, table or interpreter; the calendar SEQUENCE goes up, the UID stays. */
    move(event: EventRow, meeting: MeetingRow, change: { slotStart?: number; tableId?: number; interpreterId?: number | null }): MeetingRow {
      if (meeting.status !== 'scheduled') throw conflict(`Meeting ${meeting.id} is cancelled`);
      return db.transaction((tx) => {
        tx.delete(meetingSeats).where(eq(meetingSeats.meetingId, meeting.id)).run();
        // Naming the slot it already has (a drag to another table of the same row) is not a new slot:
        // the meeting keeps its interpreter rather than competing with itself for one.
        const sameSlot = change.slotStart === undefined || change.slotStart === Date.parse(meeting.slotStart);
        const { row, seats } = prepare(event, {
          attendeeIds: [meeting.attendeeAId, meeting.attendeeBId],
          slotStart: change.slotStart ?? Date.parse(meeting.slotStart),
          tableId: change.tableId ?? (sameSlot ? meeting.tableId ?? undefined : undefined),
          interpreterId: change.interpreterId !== undefined ? change.interpreterId : sameSlot ? meeting.interpreterId : undefined,
          requestId: meeting.requestId,
          source: meeting.source,
        }, meeting.id);
        try {
          const { uid: _uid, ...fields } = row;
          const moved = tx.update(meetings).set({ ...fields, sequence: meeting.sequence + 1, updatedAt: new Date().toISOString() }).where(eq(meetings.id, meeting.id)).returning().get()!;
          tx.insert(meetingSeats).values(seats.map((attendeeId) => ({ attendeeId, slotStart: row.slotStart, meetingId: meeting.id }))).run();
          return moved;
        } catch (error) {
          explainConflict(error, contextOf(row, seats));
        }
      });
    },

    cancel(meeting: MeetingRow): MeetingRow {
      if (meeting.status !== 'scheduled') throw conflict(`Meeting ${meeting.id} is already cancelled`);
      return db.transaction((tx) => cancelIn(tx, meeting));
    },

    /**
     * Writes a scheduler plan in one transaction. With `replan`, the scheduler's earlier meetings are
     * first taken off the board; a pair placed again keeps its meeting row (same calendar UID, SEQUENCE
     * + 1) and the rest stay cancelled, so calendars update instead of collecting duplicates.
     */
    applyPlan(event: EventRow, placements: readonly { pairKey: string; slotStart: number; attendeeIds: [number, number]; tableId: number | null; interpreterId: number | null }[], replan: boolean) {
      return db.transaction((tx) => {
        const previous = new Map<string, MeetingRow>();
        if (replan) {
          for (const m of tx.select().from(meetings).where(and(eq(meetings.eventId, event.id), eq(meetings.status, 'scheduled'), eq(meetings.source, 'scheduler'))).all()) {
            previous.set(`${m.orgLowId}-${m.orgHighId}`, cancelIn(tx, m));
          }
        }
        const placed: MeetingRow[] = [];
        const failed: { pairKey: string; detail: string }[] = [];
        for (const p of placements) {
          try {
            // A savepoint per meeting: one that no longer fits is reported, the rest of the plan stands.
            placed.push(tx.transaction(() => {
              const { row, seats } = prepare(event, { attendeeIds: p.attendeeIds, slotStart: p.slotStart, tableId: p.tableId ?? undefined, interpreterId: p.interpreterId, source: 'scheduler' }, previous.get(p.pairKey)?.id ?? null);
              const old = previous.get(p.pairKey);
              const meeting = old
                ? tx.update(meetings).set({ ...row, uid: old.uid, status: 'scheduled', sequence: old.sequence + 1, updatedAt: new Date().toISOString() }).where(eq(meetings.id, old.id)).returning().get()!
                : tx.insert(meetings).values(row).returning().get();
              tx.insert(meetingSeats).values(seats.map((attendeeId) => ({ attendeeId, slotStart: row.slotStart, meetingId: meeting.id }))).run();
              return meeting;
            }));
          } catch (error) {
            failed.push({ pairKey: p.pairKey, detail: (error as Error).message });
          }
        }
        return { placed, failed, dropped: [...previous.keys()].filter((k) => !placements.some((p) => p.pairKey === k)).length };
      });
    },

    /** Drops the scheduler's own meetings of an event (before a re-plan); manual bookings stay. */
    cancelScheduled(eventId: number): number {
      return db.transaction((tx) => {
        const rows = tx.select().from(meetings).where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled'), eq(meetings.source, 'scheduler'))).all();
        for (const m of rows) cancelIn(tx, m);
        return rows.length;
      });
    },
  };

  type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

  function cancelIn(tx: Tx, meeting: MeetingRow): MeetingRow {
    tx.delete(meetingSeats).where(eq(meetingSeats.meetingId, meeting.id)).run();
    return tx.update(meetings).set({ status: 'cancelled', sequence: meeting.sequence + 1, updatedAt: new Date().toISOString() }).where(eq(meetings.id, meeting.id)).returning().get()!;
  }

  function contextOf(row: typeof meetings.$inferInsert, seats: number[]) {
    const people = db.select().from(attendees).where(inArray(attendees.id, seats)).all();
    const table = row.tableId ? db.select().from(eventTables).where(eq(eventTables.id, row.tableId)).get() : undefined;
    const interpreter = row.interpreterId ? db.select().from(interpreters).where(eq(interpreters.id, row.interpreterId)).get() : undefined;
    return { slot: row.slotStart, people, tableName: table?.name, interpreterName: interpreter?.name };
  }

  /** Checks a booking against the event's rules and fills in the table and interpreter. */
  function prepare(event: EventRow, req: BookingRequest, movingId: number | null) {
    const slot = eventSlots(event).find((s) => s.start === req.slotStart);
    if (!slot) throw invalid('That time is not a slot of this event', [{ field: 'slotStart', message: `is not a slot start of event ${event.id} (see GET /api/events/${event.id})` }]);
    const slotStart = iso(slot.start);
    const local = localTime(slot.start, event.timeZone);
    const people = db.select().from(attendees).where(inArray(attendees.id, req.attendeeIds)).all();
    const [a, b] = req.attendeeIds.map((id) => people.find((p) => p.id === id));
    if (!a || !b || a.eventId !== event.id || b.eventId !== event.id) throw invalid('Both attendees must attend this event', [{ field: 'attendeeIds', message: 'must be two attendees of this event' }]);
    if (a.organizationId === b.organizationId) throw invalid('A meeting is between two organisations', [{ field: 'attendeeIds', message: 'are from the same organisation' }]);

    const whole = { start: eventSlots(event)[0]!.start, end: eventSlots(event).at(-1)!.end };
    for (const p of [a, b]) {
      if (!covers(availabilityOf(p.availability, whole), slot)) throw conflict(`${p.name} is not available at ${local}`, [{ field: 'slotStart', message: `${p.name} is not available` }]);
      const taken = seatsTaken(p.id);
      if (movingId === null && taken >= p.maxMeetings) throw conflict(`${p.name} already has ${taken} meetings, the most they take`, [{ field: 'attendeeIds', message: `${p.name} is at their meeting limit` }]);
    }

    const online = event.allowOnline && (a.online || b.online);
    let tableId: number | null = null;
    if (online) {
      if (req.tableId) throw invalid('An online meeting needs no table', [{ field: 'tableId', message: 'must be left out: the meeting is online' }]);
    } else if (req.tableId) {
      const table = db.select().from(eventTables).where(eq(eventTables.id, req.tableId)).get();
      if (!table || table.eventId !== event.id) throw invalid('No such table at this event', [{ field: 'tableId', message: 'is not a table of this event' }]);
      tableId = table.id;
    } else {
      const free = db.select().from(eventTables).where(eq(eventTables.eventId, event.id)).orderBy(asc(eventTables.id)).all().find((t) => slotFree(meetings.tableId, t.id, slotStart));
      if (!free) throw conflict(`No table is free at ${local}`, [{ field: 'tableId', message: `every table is taken at ${local}` }]);
      tableId = free.id;
    }

    // The same language rules as the scheduler's, so a booking and a plan never disagree.
    const needsInterpreter = !shareLanguage(a.languages, b.languages);
    const canInterpret = (i: InterpreterRow) => interpreterCovers(i.pairs, a.languages, b.languages);
    let interpreterId: number | null = null;
    if (req.interpreterId) {
      const interpreter = db.select().from(interpreters).where(eq(interpreters.id, req.interpreterId)).get();
      if (!interpreter || interpreter.eventId !== event.id) throw invalid('No such interpreter at this event', [{ field: 'interpreterId', message: 'is not an interpreter of this event' }]);
      if (needsInterpreter && !canInterpret(interpreter)) throw invalid(`${interpreter.name} does not interpret between their languages`, [{ field: 'interpreterId', message: `does not cover ${needLabel(a.languages, b.languages)}` }]);
      if (!covers(availabilityOf(interpreter.availability, whole), slot)) throw conflict(`${interpreter.name} is not available at ${local}`, [{ field: 'interpreterId', message: 'is not available then' }]);
      interpreterId = interpreter.id;
    } else if (needsInterpreter && req.interpreterId !== null) {
      const candidates = db.select().from(interpreters).where(eq(interpreters.eventId, event.id)).orderBy(asc(interpreters.id)).all();
      const free = candidates.find((i) => canInterpret(i) && covers(availabilityOf(i.availability, whole), slot) && slotFree(meetings.interpreterId, i.id, slotStart));
      if (!free) throw conflict(`No interpreter for ${needLabel(a.languages, b.languages)} is free at ${local}`, [{ field: 'interpreterId', message: `no ${needLabel(a.languages, b.languages)} interpreter is free at ${local}` }]);
      interpreterId = free.id;
    }

    const [orgLowId, orgHighId] = a.organizationId < b.organizationId ? [a.organizationId, b.organizationId] : [b.organizationId, a.organizationId];
    const row = {
      eventId: event.id, uid: `meeting-${randomUUID()}@musubi`, requestId: req.requestId ?? null, orgLowId, orgHighId,
      attendeeAId: a.id, attendeeBId: b.id, slotStart, slotEnd: iso(slot.end), tableId, interpreterId, online, source: req.source, status: 'scheduled' as const,
    };
    return { row, seats: [a.id, b.id] };
  }

  return repo;
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>;

export function organizationNames(db: Db, ids: readonly number[]): Map<number, string> {
  if (!ids.length) return new Map();
  return new Map(db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...ids])).all()
    .map((o) => [o.id, o.name.en ?? Object.values(o.name)[0] ?? '']));
}

