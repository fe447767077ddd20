import type { FollowUpRow, MeetingFeedbackRow, MeetingRow, MessageLinkRow } from '../db/schema.ts';
import { invalid, notFound, type FieldError } from '../domain/errors.ts';
import type { MeetingsRepository } from '../events/meetings-repository.ts';
import type { EventsRepository } from '../events/repository.ts';
import type { Outbox } from '../messages/outbox.ts';
import type { FeedbackInput, LinkAnswer } from '../schemas/outcomes.ts';
import type { OutcomesRepository } from './repository.ts';

export interface FeedbackDeps {
  outbox: Outbox;
  events: EventsRepository;
  meetings: MeetingsRepository;
  outcomes: OutcomesRepository;
  organizationName: (id: number) => Record<string, string>;
  now: () => Date;
}

type FeedbackAnswer = Pick<FeedbackInput, 'tookPlace' | 'interest' | 'cooperation' | 'nextSteps'>;

/** Interest and cooperation are asked of a meeting that took place; one that did not has neither. */
function checkFeedback(a: Partial<FeedbackAnswer>): FeedbackAnswer {
  const problems: FieldError[] = [];
  if (a.tookPlace === undefined) problems.push({ field: 'tookPlace', message: 'is required', code: 'required' });
  if (a.tookPlace) {
    if (!a.interest) problems.push({ field: 'interest', message: 'is required when the meeting took place', code: 'required' });
    if (!a.cooperation) problems.push({ field: 'cooperation', message: 'is required when the meeting took place', code: 'required' });
  }
  if (problems.length) throw invalid('The feedback is incomplete', problems);
  return {
    tookPlace: a.tookPlace!,
    ...(a.tookPlace ? { interest: a.interest, cooperation: a.cooperation } : {}),
    ...(a.nextSteps?.trim() ? { nextSteps: a.nextSteps.trim() } : {}),
  };
}

function checkFollowUp(a: LinkAnswer): Required<Pick<LinkAnswer, 'outcomes'>> & LinkAnswer {
  const problems: FieldError[] = [];
  const outcomes = a.outcomes ?? [];
  if (!outcomes.length) problems.push({ field: 'outcomes', message: 'is required', code: 'required' });
  if (outcomes.includes('nothing') && outcomes.length > 1)
    problems.push({ field: 'outcomes', message: '"nothing" cannot go with another outcome', code: 'nothing-and-more' });
  if ((a.investmentAmount !== undefined || a.investmentCurrency) && !outcomes.includes('investment'))
    problems.push({ field: 'investmentAmount', message: 'goes with the outcome "investment"', code: 'investment-only' });
  if (a.investmentAmount !== undefined && !a.investmentCurrency)
    problems.push({ field: 'investmentCurrency', message: 'is required with an amount', code: 'required' });
  if (problems.length) throw invalid('The follow-up answer is incomplete', problems);
  return { ...a, outcomes };
}

/**
 * Feedback after a meeting and follow-ups months later, from a link in a message (the link, scoped
 * to one person and one meeting, is the authorisation) or from the app (signed in, either side).
 */
export function createFeedback(d: FeedbackDeps) {
  const stamp = () => d.now().toISOString();

  function linkOr404(token: string): MessageLinkRow & { meetingId: number; organizationId: number } {
    const link = d.outbox.link(token);
    if (!link || (link.purpose !== 'feedback' && link.purpose !== 'follow-up') || !link.meetingId || !link.organizationId) throw notFound('This link');
    return link as MessageLinkRow & { meetingId: number; organizationId: number };
  }

  function save(
    meeting: MeetingRow,
    organizationId: number,
    attendeeId: number | null,
    answer: Partial<FeedbackAnswer>,
    via: 'link' | 'app',
  ): MeetingFeedbackRow {
    const checked = checkFeedback(answer);
    return d.outcomes.saveFeedback({
      meetingId: meeting.id,
      organizationId,
      attendeeId,
      via,
      answeredAt: stamp(),
      tookPlace: checked.tookPlace,
      interest: checked.interest ?? null,
      cooperation: checked.cooperation ?? null,
      nextSteps: checked.nextSteps ?? null,
    });
  }

  return {
    /** What the page behind a link shows. */
    form(token: string) {
      const link = linkOr404(token);
      const meeting = d.meetings.meeting(link.meetingId) ?? notFound('This meeting').throw();
      const event = d.events.get(meeting.eventId) ?? notFound('This session').throw();
      const people = d.events.attendeesByIds([meeting.attendeeAId, meeting.attendeeBId]);
      const you = people.find((p) => p.organizationId === link.organizationId);
      const partner = people.find((p) => p.organizationId !== link.organizationId);
      const feedback = d.outcomes.feedback(meeting.id, link.organizationId);
      const followUp: FollowUpRow | null = link.months ? d.outcomes.followUp(meeting.id, link.organizationId, link.months) : null;
      return {
        purpose: link.purpose as 'feedback' | 'follow-up',
        months: link.months,
        lang: link.lang,
        event: event.name,
        meeting: { id: meeting.id, start: meeting.slotStart, timeZone: you?.timeZone ?? event.timeZone },
        you: { name: you?.name ?? '', organization: d.organizationName(link.organizationId) },
        partner: { name: partner?.name ?? '', organization: partner ? d.organizationName(partner.organizationId) : {} },
        feedback: feedback && {
          tookPlace: feedback.tookPlace,
          interest: feedback.interest,
          cooperation: feedback.cooperation,
          nextSteps: feedback.nextSteps,
          answeredAt: feedback.answeredAt,
        },
        followUp: followUp && {
          outcomes: followUp.outcomes,
          investmentAmount: followUp.investmentAmount,
          investmentCurrency: followUp.investmentCurrency,
          note: followUp.note,
          answeredAt: followUp.answeredAt,
        },
      };
    },

    /** Answers by a link: the feedback form or the follow-up, as the link says. A second answer replaces the first. */
    answerByLink(token: string, answer: LinkAnswer): { answeredAt: string } {
      const link = linkOr404(token);
      const meeting = d.meetings.meeting(link.meetingId) ?? notFound('This meeting').throw();
      if (link.purpose === 'feedback') return save(meeting, link.organizationId, link.attendeeId, answer, 'link');
      const checked = checkFollowUp(answer);
      const row = d.outcomes.followUp(meeting.id, link.organizationId, link.months ?? 0) ?? notFound('This follow-up').throw();
      const saved = d.outcomes.answerFollowUp(row.id, {
        outcomes: checked.outcomes,
        investmentAmount: checked.investmentAmount ?? null,
        investmentCurrency: checked.investmentCurrency ?? null,
        note: checked.note?.trim() || null,
        answeredAt: stamp(),
      });
      return { answeredAt: saved!.answeredAt! };
    },

    /** Answers in the app for one side of a meeting (a token answers for its own organisation). */
    answerInApp(meeting: MeetingRow, side: number | undefined, attendeeId: number | null, answer: FeedbackInput): MeetingFeedbackRow {
      if (side === undefined) throw invalid('Say which side answers', [{ field: 'organizationId', message: 'is required for a matchmaker', code: 'required' }]);
      if (side !== meeting.orgLowId && side !== meeting.orgHighId)
        throw invalid('That organisation is not in this meeting', [{ field: 'organizationId', message: 'is not one of the two sides', code: 'not-a-side' }]);
      if (meeting.status !== 'scheduled') throw invalid('This meeting was cancelled', [{ field: 'id', message: 'is a cancelled meeting', code: 'cancelled' }]);
      if (Date.parse(meeting.slotStart) > d.now().getTime())
        throw invalid('This meeting has not started yet', [
          { field: 'id', message: 'the meeting has not started yet', code: 'not-started', params: { start: meeting.slotStart } },
        ]);
      return save(meeting, side, attendeeId, answer, 'app');
    },
  };
}

export type Feedback = ReturnType<typeof createFeedback>;
