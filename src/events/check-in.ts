import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { AttendanceOutcome, AttendeeRow, CheckInRow, CheckInStatus, EventRow, MeetingRow } from '../db/schema.ts';
import { conflict, invalid } from '../domain/errors.ts';
import type { DayNotice } from './day-notices.ts';
import { type EventNotices, silent } from './notices.ts';
import type { DayRepository } from './day-repository.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import type { EventsRepository } from './repository.ts';

/** A new check-in code: eight hex digits (no O or I to misread), shown as 7F3A-09C2. */
export function newCheckInCode(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** What a volunteer typed or a scanner read, as stored: hex digits only, upper case (dashes and spaces dropped). */
export function normalizeCode(typed: string): string {
  return typed.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export const showCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The session day an instant falls on, as a date in the session's zone. */
export function localDate(at: Date, timeZone: string): string {
  return DateTime.fromMillis(at.getTime(), { zone: timeZone }).toISODate()!;
}

/** A meeting on that session day (its start, read in the session's zone). */
export const onDay = (m: Pick<MeetingRow, 'slotStart'>, date: string, timeZone: string) => localDate(new Date(m.slotStart), timeZone) === date;

export interface CheckInView {
  attendee: AttendeeRow;
  status: CheckInStatus | null;
  at: string | null;
}

export interface MarkResult {
  attendee: AttendeeRow;
  checkIn: CheckInRow;
  /** Meetings cancelled because the person was marked absent. */
  cancelled: MeetingRow[];
  notices: DayNotice[];
}

/**
 * Check-in at the door and attendance of meetings. A person is present or absent per session day;
 * marking someone absent cancels their meetings of that day that have not ended (SEQUENCE + 1,
 * `dayReason: no-show`), so their partners' calendars and pages show the hole at once and the
 * standby list (standby.ts) can fill it. Marking them present again later restores nothing: the
 * partners may have been given other meetings meanwhile.
 */
export function createCheckIn(events: EventsRepository, meetings: MeetingsRepository, day: DayRepository, now: () => Date, tell: EventNotices = silent) {
  /** The day asked for, or today in the session's zone; it must be one of the session's days. */
  function sessionDay(event: EventRow, date: string | undefined): string {
    const wanted = date ?? localDate(now(), event.timeZone);
    if (!event.days.some((d) => d.date === wanted)) {
      throw invalid(`${wanted} is not a day of this session`, [
        {
          field: 'date',
          message: `is not a day of this session (${event.days.map((d) => d.date).join(', ')})`,
          code: 'not-a-session-day',
          params: { date: wanted },
        },
      ]);
    }
    return wanted;
  }

  function list(event: EventRow, date: string | undefined): { date: string; items: CheckInView[] } {
    const when = sessionDay(event, date);
    day.fillCheckInCodes(event.id);
    const marks = new Map(day.checkIns(event.id, when).map((c) => [c.attendeeId, c]));
    return {
      date: when,
      items: events
        .attendees(event.id)
        .map((attendee) => ({ attendee, status: marks.get(attendee.id)?.status ?? null, at: marks.get(attendee.id)?.at ?? null })),
    };
  }

  function mark(
    event: EventRow,
    input: { code?: string | undefined; attendeeId?: number | undefined; status: CheckInStatus; date?: string | undefined },
    by: string,
  ): MarkResult {
    const when = sessionDay(event, input.date);
    day.fillCheckInCodes(event.id);
    let attendee: AttendeeRow | null = null;
    if (input.code !== undefined) {
      attendee = day.attendeeByCode(event.id, normalizeCode(input.code));
      if (!attendee)
        throw invalid('No attendee of this session has that check-in code', [
          { field: 'code', message: 'is not the check-in code of an attendee of this session', code: 'unknown-code' },
        ]);
    } else if (input.attendeeId !== undefined) {
      attendee = events.attendee(input.attendeeId);
      if (!attendee || attendee.eventId !== event.id)
        throw invalid('Not an attendee of this session', [{ field: 'attendeeId', message: 'is not an attendee of this session' }]);
    } else {
      throw invalid('Say who: a check-in code or an attendee', [{ field: 'code', message: 'give code or attendeeId', code: 'required' }]);
    }
    const person = attendee;
    const at = now();
    return meetings.transaction(() => {
      const checkIn = day.setCheckIn({ attendeeId: person.id, eventId: event.id, date: when, status: input.status, at: at.toISOString(), by });
      const cancelled =
        input.status === 'absent'
          ? meetings
              .scheduledOfAttendee(person.id)
              .filter((m) => onDay(m, when, event.timeZone) && Date.parse(m.slotEnd) > at.getTime())
              .sort((a, b) => a.slotStart.localeCompare(b.slotStart))
              .map((m) => meetings.cancelMeeting(m, 'no-show'))
          : [];
      // Their partners hear it now, in their language (stored with the change or not at all).
      for (const m of cancelled) tell.noShow(m, person.id);
      const notices: DayNotice[] = cancelled.map((m) => ({
        type: 'meeting.cancelled',
        reason: 'no-show',
        meetingId: m.id,
        notify: [m.attendeeAId, m.attendeeBId].filter((id) => id !== person.id),
      }));
      return { attendee: person, checkIn, cancelled, notices };
    });
  }

  /**
   * Whether a meeting took place: held, partly held (someone came late or left), or not held; with
   * who was missing. Only once it has started, and not for a cancelled one.
   */
  function attendance(meeting: MeetingRow, outcome: AttendanceOutcome, missing: readonly number[]): MeetingRow {
    if (meeting.status !== 'scheduled')
      throw conflict(`Meeting ${meeting.id} was cancelled`, [{ field: 'outcome', message: 'the meeting was cancelled', code: 'meeting-cancelled' }]);
    const at = now();
    if (Date.parse(meeting.slotStart) > at.getTime())
      throw conflict(`Meeting ${meeting.id} has not started yet`, [
        { field: 'outcome', message: 'the meeting has not started yet', code: 'not-started', params: { start: meeting.slotStart } },
      ]);
    const sides = [meeting.attendeeAId, meeting.attendeeBId];
    const stranger = missing.findIndex((id) => !sides.includes(id));
    if (stranger >= 0)
      throw invalid('Only the two people of the meeting can be missing', [
        { field: `missingAttendeeIds.${stranger}`, message: 'is not one of the two people of this meeting' },
      ]);
    if (outcome === 'held' && missing.length)
      throw invalid('A meeting held in full has nobody missing', [{ field: 'missingAttendeeIds', message: 'must be empty when the meeting was held' }]);
    if (outcome === 'partly' && !missing.length)
      throw invalid('Say who was missing', [{ field: 'missingAttendeeIds', message: 'must name who was late or left early', code: 'required' }]);
    return day.markAttendance(meeting.id, outcome, [...new Set(missing)], at.toISOString())!;
  }

  return { sessionDay, list, mark, attendance };
}

export type CheckIn = ReturnType<typeof createCheckIn>;
