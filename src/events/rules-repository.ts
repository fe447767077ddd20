import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
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

    /** The part of the day of the latest request between two organisations at an event that asks for one. */
    requestPartBetween(eventId: number, orgA: number, orgB: number): PartOfDay {
      const row = db
        .select({ part: meetingRequests.part })
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
        .orderBy(desc(meetingRequests.id))
        .get();
      return row?.part ?? 'any';
    },

    setRequestPart: (id: number, part: PartOfDay): MeetingRequestRow | null =>
      db.update(meetingRequests).set({ part }).where(eq(meetingRequests.id, id)).returning().get() ?? null,

    setUnavailable: (attendeeId: number, unavailable: string[]): AttendeeRow | null =>
      db.update(attendees).set({ unavailable }).where(eq(attendees.id, attendeeId)).returning().get() ?? null,
  };
}

export type RulesRepository = ReturnType<typeof createRulesRepository>;
