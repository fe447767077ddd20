import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { followUps, meetingFeedback, type FollowUpRow, type MeetingFeedbackRow } from '../db/schema.ts';

export type NewFeedback = Omit<typeof meetingFeedback.$inferInsert, 'id'>;
export type FollowUpAnswer = Pick<FollowUpRow, 'outcomes' | 'investmentAmount' | 'investmentCurrency' | 'note' | 'answeredAt'>;

/** Feedback and follow-up answers as stored: rows in, rows out. */
export function createOutcomesRepository(db: Db) {
  return {
    /** One side's feedback on a meeting; a second answer replaces the first. */
    saveFeedback(values: NewFeedback): MeetingFeedbackRow {
      const { meetingId: _m, organizationId: _o, ...changes } = values;
      return db
        .insert(meetingFeedback)
        .values(values)
        .onConflictDoUpdate({ target: [meetingFeedback.meetingId, meetingFeedback.organizationId], set: changes })
        .returning()
        .get();
    },
    feedback: (meetingId: number, organizationId: number): MeetingFeedbackRow | null =>
      db
        .select()
        .from(meetingFeedback)
        .where(and(eq(meetingFeedback.meetingId, meetingId), eq(meetingFeedback.organizationId, organizationId)))
        .get() ?? null,
    feedbackOf: (meetingIds: readonly number[]): MeetingFeedbackRow[] =>
      meetingIds.length
        ? db
            .select()
            .from(meetingFeedback)
            .where(inArray(meetingFeedback.meetingId, [...meetingIds]))
            .all()
        : [],

    /** Notes that a follow-up was asked; null when it already was (the unique index decides, once). */
    askFollowUp(meetingId: number, organizationId: number, months: number, askedAt: string): FollowUpRow | null {
      return db.insert(followUps).values({ meetingId, organizationId, months, askedAt }).onConflictDoNothing().returning().get() ?? null;
    },
    followUp: (meetingId: number, organizationId: number, months: number): FollowUpRow | null =>
      db
        .select()
        .from(followUps)
        .where(and(eq(followUps.meetingId, meetingId), eq(followUps.organizationId, organizationId), eq(followUps.months, months)))
        .get() ?? null,
    answerFollowUp(id: number, answer: FollowUpAnswer): FollowUpRow | null {
      return db.update(followUps).set(answer).where(eq(followUps.id, id)).returning().get() ?? null;
    },
    followUpsOf: (meetingIds: readonly number[]): FollowUpRow[] =>
      meetingIds.length
        ? db
            .select()
            .from(followUps)
            .where(inArray(followUps.meetingId, [...meetingIds]))
            .all()
        : [],
  };
}

export type OutcomesRepository = ReturnType<typeof createOutcomesRepository>;
