import { randomUUID } from 'node:crypto';
import { covers } from '../../matching/schedule/intervals.ts';
import { interpreterCovers, shareLanguage } from '../../matching/meeting-rules.ts';
import { localTime, type Slot } from '../../matching/schedule/slots.ts';
import type { AttendeeRow, EventRow, InterpreterRow, MeetingRow } from '../db/schema.ts';
import { conflict, DomainError, invalid } from '../domain/errors.ts';
import { availabilityOf, eventSlots, iso, wholeEvent } from './model.ts';
import type { MeetingsRepository, NewMeeting } from './meetings-repository.ts';
import { silent, type EventNotices } from './notices.ts';
import { fitsPart, pairPart } from './rules.ts';

export interface BookingRequest {
  attendeeIds: [number, number];
  slotStart: number;
  tableId?: number | undefined;
  /** An interpreter; `null` for none (refused when the two share no language); absent: picked when needed. */
  interpreterId?: number | null | undefined;
  requestId?: number | null;
  source: 'manual' | 'scheduler';
  /** Set for a meeting booked from the standby list on the day. */
  dayReason?: 'standby';
}

export interface PlannedMeeting {
  pairKey: string;
  slotStart: number;
  attendeeIds: [number, number];
  tableId: number | null;
  interpreterId: number | null;
}

/** "ja–mn/ja–en": the language pairs two people without a common language would need, for messages. */
function needLabel(a: readonly string[], b: readonly string[]): string {
  return a.flatMap((la) => b.map((lb) => `${la}–${lb}`)).join('/');
}

/**
 * The booking rules, in one place for manual bookings, moves, the open-slot list and the scheduler's
 * plans: the slot is one of the event's; both people attend, are free and available then, and under
 * their meeting limit; a table is free (unless the meeting is online); two people without a common
 * language get an interpreter who covers their languages and is free. Every write runs in one
 * transaction whose unique indexes (a person's seat, a table, an interpreter, a pair) are the last
 * word: when two bookings race, the second fails and is explained as a conflict naming what clashed.
 */
export function createBooking(repo: MeetingsRepository, notices: EventNotices = silent) {
  function explainConflict(error: unknown, row: NewMeeting, seats: readonly number[]): never {
    const message = (error as Error).message ?? '';
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
    const slot = row.slotStart;
    const people = repo.presentAttendees(seats);
    if (message.includes('meetings.table_id')) {
      const name = row.tableId ? repo.table(row.tableId)?.name : undefined;
      throw conflict(`Table ${name} is already booked at ${slot}`, [
        { field: 'tableId', message: `table ${name} is taken at ${slot}`, code: 'table-taken', params: { table: name, start: slot } },
      ]);
    }
    if (message.includes('meetings.interpreter_id')) {
      const name = row.interpreterId ? repo.interpreter(row.interpreterId)?.name : undefined;
      throw conflict(`Interpreter ${name} is already booked at ${slot}`, [
        { field: 'interpreterId', message: `interpreter ${name} is taken at ${slot}`, code: 'interpreter-taken', params: { interpreter: name, start: slot } },
      ]);
    }
    if (message.includes('meeting_seats'))
      throw conflict(`One of ${people.map((p) => p.name).join(' and ')} already has a meeting at ${slot}`, [
        { field: 'attendeeIds', message: `already has a meeting at ${slot}`, code: 'person-taken', params: { start: slot } },
      ]);
    if (message.includes('org_low_id'))
      throw conflict('These two organisations already have a meeting at this event', [
        { field: 'attendeeIds', message: 'the organisations already meet at this event', code: 'already-meeting' },
      ]);
    throw error;
  }

  /** Checks a booking against the rules and fills in the table and interpreter. */
  function prepare(event: EventRow, req: BookingRequest, movingId: number | null): { row: NewMeeting; seats: [number, number] } {
    const slots = eventSlots(event);
    const slot = slots.find((s) => s.start === req.slotStart);
    if (!slot)
      throw invalid('That time is not a slot of this event', [
        {
          field: 'slotStart',
          message: `is not a slot start of event ${event.id} (see GET /api/events/${event.id})`,
          code: 'not-slot',
          params: Number.isFinite(req.slotStart) ? { start: new Date(req.slotStart).toISOString() } : {},
        },
      ]);
    const slotStart = iso(slot.start);
    const local = localTime(slot.start, event.timeZone);
    const people = repo.presentAttendees(req.attendeeIds);
    const [a, b] = req.attendeeIds.map((id) => people.find((p) => p.id === id));
    if (!a || !b || a.eventId !== event.id || b.eventId !== event.id)
      throw invalid('Both attendees must attend this event', [{ field: 'attendeeIds', message: 'must be two attendees of this event', code: 'not-attendees' }]);
    if (a.organizationId === b.organizationId)
      throw invalid('A meeting is between two organisations', [{ field: 'attendeeIds', message: 'are from the same organisation', code: 'same-organization' }]);

    const whole = wholeEvent(slots);
    for (const p of [a, b]) {
      if (!covers(availabilityOf(p.availability, whole), slot))
        throw conflict(`${p.name} is not available at ${local}`, [
          { field: 'slotStart', message: `${p.name} is not available`, code: 'not-available', params: { name: p.name, start: slotStart } },
        ]);
      if (p.unavailable.includes(slotStart))
        throw conflict(`${p.name} marked ${local} as unavailable`, [
          { field: 'slotStart', message: `${p.name} is unavailable then`, code: 'unavailable-slot', params: { name: p.name, start: slotStart } },
        ]);
      const taken = repo.seatsTaken(p.id);
      if (movingId === null && taken >= p.maxMeetings)
        throw conflict(`${p.name} already has ${taken} meetings, the most they take`, [
          { field: 'attendeeIds', message: `${p.name} is at their meeting limit`, code: 'meeting-limit', params: { name: p.name, limit: p.maxMeetings } },
        ]);
    }

    checkPairRules(event, a, b, req.requestId ?? null, slot, slotStart);

    const online = event.allowOnline && (a.online || b.online);
    const tableId = chooseTable(event, online, req.tableId, slotStart, local);
    const interpreterId = chooseInterpreter(event, a, b, req.interpreterId, slot, slotStart, local);
    const [orgLowId, orgHighId] = a.organizationId < b.organizationId ? [a.organizationId, b.organizationId] : [b.organizationId, a.organizationId];
    const row = {
      eventId: event.id,
      uid: `meeting-${randomUUID()}@musubi`,
      requestId: req.requestId ?? null,
      orgLowId,
      orgHighId,
      attendeeAId: a.id,
      attendeeBId: b.id,
      slotStart,
      slotEnd: iso(slot.end),
      tableId,
      interpreterId,
      online,
      source: req.source,
      status: 'scheduled' as const,
      ...(req.dayReason ? { dayReason: req.dayReason } : {}),
    };
    return { row, seats: [a.id, b.id] };
  }

  /** A vetoed pair never meets; a pair (or its request) kept to a part of the day meets then. */
  function checkPairRules(event: EventRow, a: AttendeeRow, b: AttendeeRow, requestId: number | null, slot: Slot, slotStart: string): void {
    const pair = repo.pairOf(a.organizationId, b.organizationId);
    if (pair?.rule === 'vetoed')
      throw conflict('A matchmaker vetoed this pair: they are never scheduled', [
        { field: 'attendeeIds', message: 'this pair is vetoed', code: 'pair-vetoed', params: { matchId: pair.id } },
      ]);
    const request = requestId ? repo.request(requestId) : null;
    // Without a request named, the latest open one between the two says what they asked for.
    const asked = request ?? repo.openRequestsBetween(event.id, a.organizationId, b.organizationId).sort((x, y) => y.id - x.id)[0];
    const part = pairPart(asked?.part, pair?.part);
    if (part !== 'any' && !fitsPart(event, slot, part))
      throw conflict(`This meeting is to be in the ${part}`, [
        { field: 'slotStart', message: `must be in the ${part}`, code: part === 'morning' ? 'morning-only' : 'afternoon-only', params: { start: slotStart } },
      ]);
  }

  function chooseTable(event: EventRow, online: boolean, wanted: number | undefined, slotStart: string, local: string): number | null {
    if (online) {
      if (wanted)
        throw invalid('An online meeting needs no table', [{ field: 'tableId', message: 'must be left out: the meeting is online', code: 'online-no-table' }]);
      return null;
    }
    if (wanted) {
      const table = repo.table(wanted);
      if (!table || table.eventId !== event.id)
        throw invalid('No such table at this event', [{ field: 'tableId', message: 'is not a table of this event', code: 'unknown-table' }]);
      return table.id;
    }
    const free = repo.tables(event.id).find((t) => repo.tableFree(t.id, slotStart));
    if (!free)
      throw conflict(`No table is free at ${local}`, [
        { field: 'tableId', message: `every table is taken at ${local}`, code: 'no-table', params: { start: slotStart } },
      ]);
    return free.id;
  }

  // The same language rules as the scheduler's, so a booking and a plan never disagree.
  function chooseInterpreter(
    event: EventRow,
    a: AttendeeRow,
    b: AttendeeRow,
    wanted: number | null | undefined,
    slot: { start: number; end: number },
    slotStart: string,
    local: string,
  ): number | null {
    const needsInterpreter = !shareLanguage(a.languages, b.languages);
    const languages = needLabel(a.languages, b.languages);
    const canInterpret = (i: InterpreterRow) => interpreterCovers(i.pairs, a.languages, b.languages);
    const whole = wholeEvent(eventSlots(event));
    // Taking the interpreter away from two people without a common language leaves a meeting nobody can hold.
    if (needsInterpreter && wanted === null)
      throw invalid('These two share no language: the meeting needs an interpreter', [
        {
          field: 'interpreterId',
          message: `must name an interpreter for ${languages}: they share no language`,
          code: 'interpreter-needed',
          params: { languages },
        },
      ]);
    if (wanted) {
      const interpreter = repo.interpreter(wanted);
      if (!interpreter || interpreter.eventId !== event.id)
        throw invalid('No such interpreter at this event', [
          { field: 'interpreterId', message: 'is not an interpreter of this event', code: 'unknown-interpreter' },
        ]);
      if (needsInterpreter && !canInterpret(interpreter))
        throw invalid(`${interpreter.name} does not interpret between their languages`, [
          { field: 'interpreterId', message: `does not cover ${languages}`, code: 'interpreter-languages', params: { name: interpreter.name, languages } },
        ]);
      if (!covers(availabilityOf(interpreter.availability, whole), slot))
        throw conflict(`${interpreter.name} is not available at ${local}`, [
          { field: 'interpreterId', message: 'is not available then', code: 'not-available', params: { name: interpreter.name, start: slotStart } },
        ]);
      return interpreter.id;
    }
    if (!needsInterpreter) return null;
    const free = repo
      .interpreters(event.id)
      .find((i) => canInterpret(i) && covers(availabilityOf(i.availability, whole), slot) && repo.interpreterFree(i.id, slotStart));
    if (!free)
      throw conflict(`No interpreter for ${languages} is free at ${local}`, [
        { field: 'interpreterId', message: `no ${languages} interpreter is free at ${local}`, code: 'no-interpreter', params: { languages, start: slotStart } },
      ]);
    return free.id;
  }

  return {
    /**
     * The slots where these two could meet now: both free and available, under their meeting limits,
     * with a table (unless online) and an interpreter when they need one. The same checks as a
     * booking, so a slot offered here is one a booking takes (unless someone else takes it first).
     */
    openSlots(event: EventRow, attendeeIds: [number, number]): { start: string; end: string; local: string }[] {
      const busy = repo.busySlots(attendeeIds);
      return eventSlots(event)
        .filter((slot) => {
          if (busy.has(iso(slot.start))) return false;
          try {
            prepare(event, { attendeeIds, slotStart: slot.start, source: 'manual' }, null);
            return true;
          } catch (error) {
            if (error instanceof DomainError) return false;
            throw error;
          }
        })
        .map((slot) => ({ start: iso(slot.start), end: iso(slot.end), local: localTime(slot.start, event.timeZone) }));
    },

    /** Books one meeting, or throws a domain error saying what is wrong or what conflicts. */
    book(event: EventRow, req: BookingRequest): MeetingRow {
      return repo.transaction(() => {
        const { row, seats } = prepare(event, req, null);
        let meeting: MeetingRow;
        try {
          meeting = repo.insertMeeting(row, seats);
        } catch (error) {
          explainConflict(error, row, seats);
        }
        notices.meetingChanged(meeting, 'booked');
        return meeting;
      });
    },

    /** Moves a meeting to another slot, table or interpreter; the calendar SEQUENCE goes up, the UID stays. */
    move(event: EventRow, meeting: MeetingRow, change: { slotStart?: number; tableId?: number; interpreterId?: number | null }): MeetingRow {
      if (meeting.status !== 'scheduled')
        throw conflict(`Meeting ${meeting.id} is cancelled`, [
          { field: 'id', message: 'is cancelled', code: 'meeting-cancelled', params: { meetingId: meeting.id } },
        ]);
      return repo.transaction(() => {
        repo.freeSeats(meeting.id);
        // Naming the slot it already has (a drag to another table of the same row) is not a new slot:
        // the meeting keeps its interpreter rather than competing with itself for one.
        const sameSlot = change.slotStart === undefined || change.slotStart === Date.parse(meeting.slotStart);
        // A meeting moved in time keeps its table when the table is free then (people find it where
        // they were told); only a taken table makes way for another, which the answer shows.
        const keepTable =
          meeting.tableId !== null && (sameSlot || (Number.isFinite(change.slotStart) && repo.tableFree(meeting.tableId, iso(change.slotStart!))));
        const { row, seats } = prepare(
          event,
          {
            attendeeIds: [meeting.attendeeAId, meeting.attendeeBId],
            slotStart: change.slotStart ?? Date.parse(meeting.slotStart),
            tableId: change.tableId ?? (keepTable ? (meeting.tableId ?? undefined) : undefined),
            interpreterId: change.interpreterId !== undefined ? change.interpreterId : sameSlot ? meeting.interpreterId : undefined,
            requestId: meeting.requestId,
            source: meeting.source,
          },
          meeting.id,
        );
        let moved: MeetingRow;
        try {
          const { uid: _uid, ...fields } = row;
          moved = repo.rewriteMeeting(meeting, fields, seats);
        } catch (error) {
          explainConflict(error, row, seats);
        }
        notices.meetingChanged(moved, 'moved', meeting);
        return moved;
      });
    },

    cancel(meeting: MeetingRow): MeetingRow {
      if (meeting.status !== 'scheduled')
        throw conflict(`Meeting ${meeting.id} is already cancelled`, [
          { field: 'id', message: 'is already cancelled', code: 'meeting-cancelled', params: { meetingId: meeting.id } },
        ]);
      return repo.transaction(() => {
        const cancelled = repo.cancelMeeting(meeting);
        notices.meetingChanged(cancelled, 'cancelled');
        return cancelled;
      });
    },

    /**
     * Removes an attendee from an event: their booked meetings are cancelled (SEQUENCE + 1, so their
     * partners' calendars drop them), their open requests withdrawn, their tokens deleted; the row
     * stays, marked removed, so the cancelled meetings keep their names. Null when there is no such
     * (present) attendee.
     */
    removeAttendee(id: number): { attendee: AttendeeRow; cancelled: MeetingRow[] } | null {
      return repo.transaction(() => {
        const attendee = repo.presentAttendees([id])[0];
        if (!attendee) return null;
        const cancelled = repo.scheduledOfAttendee(id).map((m) => repo.cancelMeeting(m));
        for (const m of cancelled) notices.meetingChanged(m, 'cancelled');
        repo.cancelRequestsFrom(id);
        repo.markAttendeeRemoved(id);
        return { attendee, cancelled };
      });
    },

    /**
     * Writes a scheduler plan in one transaction, each meeting through the same rules as a manual
     * booking. With `replan`, the scheduler's earlier meetings are first taken off the board (except
     * those in `replan.keep`: on the day, the ones already under way or about to start); a pair
     * placed again keeps its meeting row (same calendar UID, SEQUENCE + 1) and the rest stay
     * cancelled, so calendars update instead of collecting duplicates.
     */
    applyPlan(event: EventRow, placements: readonly PlannedMeeting[], replan: false | { keep: ReadonlySet<number> }) {
      return repo.transaction(() => {
        const previous = new Map<string, MeetingRow>();
        if (replan)
          for (const m of repo.scheduledOfEvent(event.id, 'scheduler'))
            if (!replan.keep.has(m.id)) previous.set(`${m.orgLowId}-${m.orgHighId}`, repo.cancelMeeting(m));
        const placed: MeetingRow[] = [];
        const failed: { pairKey: string; detail: string }[] = [];
        for (const p of placements) {
          try {
            // A savepoint per meeting: one that no longer fits is reported, the rest of the plan stands.
            placed.push(
              repo.transaction(() => {
                const old = previous.get(p.pairKey);
                const { row, seats } = prepare(
                  event,
                  { attendeeIds: p.attendeeIds, slotStart: p.slotStart, tableId: p.tableId ?? undefined, interpreterId: p.interpreterId, source: 'scheduler' },
                  old?.id ?? null,
                );
                return old ? repo.rewriteMeeting(old, { ...row, uid: old.uid, status: 'scheduled' }, seats) : repo.insertMeeting(row, seats);
              }),
            );
          } catch (error) {
            failed.push({ pairKey: p.pairKey, detail: (error as Error).message });
          }
        }
        return { placed, failed, dropped: [...previous.keys()].filter((k) => !placements.some((p) => p.pairKey === k)).length };
      });
    },
  };
}

export type Booking = ReturnType<typeof createBooking>;
