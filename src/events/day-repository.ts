import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../matching/profile.ts';
import type { Db } from '../db/client.ts';
import {
  attendees,
  checkIns,
  meetings,
  organizations,
  type AttendanceOutcome,
  type AttendeeRow,
  type CheckInRow,
  type CheckInStatus,
  type MeetingRow,
} from '../db/schema.ts';

/**
 * What the event day stores: check-ins per attendee and session day, check-in codes, attendance
 * marks on meetings. Returns rows or nothing; the rules are in check-in.ts and standby.ts.
 */
export function createDayRepository(db: Db) {
  return {
    checkIns: (eventId: number, date: string): CheckInRow[] =>
      db
        .select()
        .from(checkIns)
        .where(and(eq(checkIns.eventId, eventId), eq(checkIns.date, date)))
        .orderBy(asc(checkIns.at))
        .all(),
    /** Every check-in of a session, all days. */
    allCheckIns: (eventId: number): CheckInRow[] =>
      db.select().from(checkIns).where(eq(checkIns.eventId, eventId)).orderBy(asc(checkIns.date), asc(checkIns.at)).all(),

    /** Records (or changes) whether someone came that day. */
    setCheckIn(row: CheckInRow): CheckInRow {
      return db
        .insert(checkIns)
        .values(row)
        .onConflictDoUpdate({ target: [checkIns.attendeeId, checkIns.date], set: { status: row.status, at: row.at, by: row.by } })
        .returning()
        .get();
    },

    /** A present (not removed) attendee of the session by check-in code. */
    attendeeByCode: (eventId: number, code: string): AttendeeRow | null =>
      db
        .select()
        .from(attendees)
        .where(and(eq(attendees.eventId, eventId), eq(attendees.checkInCode, code), isNull(attendees.removedAt)))
        .get() ?? null,

    /**
     * Gives a check-in code to the session's attendees registered before codes existed: eight hex
     * digits from SQLite's own random source, in one statement.
     */
    fillCheckInCodes(eventId: number): void {
      db.update(attendees)
        .set({ checkInCode: sql`upper(hex(randomblob(4)))` })
        .where(and(eq(attendees.eventId, eventId), isNull(attendees.checkInCode)))
        .run();
    },

    markAttendance(meetingId: number, attendance: AttendanceOutcome, missing: number[], at: string): MeetingRow | null {
      return db.update(meetings).set({ attendance, missingAttendeeIds: missing, attendanceAt: at }).where(eq(meetings.id, meetingId)).returning().get() ?? null;
    },

    /** Organisations' names in every language they have, and their countries (for "by side" figures). */
    organizationLabels(ids: readonly number[]): Map<number, { name: LocalizedText; nameLatin: string; country: string }> {
      if (!ids.length) return new Map();
      return new Map(
        db
          .select({ id: organizations.id, name: organizations.name, nameLatin: organizations.nameLatin, country: organizations.country })
          .from(organizations)
          .where(inArray(organizations.id, [...ids]))
          .all()
          .map((o) => [o.id, { name: o.name, nameLatin: o.nameLatin, country: o.country }]),
      );
    },
  };
}

export type DayRepository = ReturnType<typeof createDayRepository>;
export type { CheckInStatus };
