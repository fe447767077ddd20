import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { attendees, matches, meetingRequests, type AttendeeRow, type MatchRow, type MeetingRequestRow, type PartOfDay } from '../db/schema.ts';

/**
 * The scheduling rules as stored: a pair's part of the day and its pin or veto (on the review
 * queue's row), a request's part of the day, an attendee's unavailable slots. Rows in, rows out; the
 * rules themselves are in rules.ts, booking.ts and availability.ts.
 */
export function createRulesRepository(db: Db) {
  const low = (a: number, b: number) => Math.min(a, b);
  const high = (a: number, b: number) => Math.max(a, b);
  return {
    /** The review queue's row for two organisations (either order), with its part and rule. */
    pairOf: (orgA: number, orgB: number): Pick<MatchRow, 'id' | 'part' | 'rule'> | null =>
      db
        .select({ id: matches.id, part: matches.part, rule: matches.rule })
        .from(matches)
        .where(and(eq(matches.orgAId, low(orgA, orgB)), eq(matches.orgBId, high(orgA, orgB))))
        .get() ?? null,

    /** Pairs with a pin or a veto, for the scheduler. */
    ruledPairs: (): Pick<MatchRow, 'orgAId' | 'orgBId' | 'score' | 'status' | 'part' | 'rule'>[] =>
      db
        .select({ orgAId: matches.orgAId, orgBId: matches.orgBId, score: matches.score, status: matches.status, part: matches.part, rule: matches.rule })
        .from(matches)
        .where(isNotNull(matches.rule))
        .all(),

    setRequestPart: (id: number, part: PartOfDay): MeetingRequestRow | null =>
      db.update(meetingRequests).set({ part }).where(eq(meetingRequests.id, id)).returning().get() ?? null,

    setUnavailable: (attendeeId: number, unavailable: string[]): AttendeeRow | null =>
      db.update(attendees).set({ unavailable }).where(eq(attendees.id, attendeeId)).returning().get() ?? null,
  };
}

export type RulesRepository = ReturnType<typeof createRulesRepository>;
