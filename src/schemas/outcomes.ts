import { Type, type Static } from 'typebox';
import { FOLLOW_UP_OUTCOMES, type Cooperation, type FollowUpOutcome, type Interest } from '../db/schema.ts';
import { Id, LocalizedText, Paragraph } from './common.ts';

const enumOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { 'x-message': `must be one of: ${values.join(', ')}`, description },
    ),
  );

const INTERESTS: Interest[] = ['none', 'some', 'strong'];
const COOPERATION: Cooperation[] = ['yes', 'maybe', 'no'];
const InterestT = enumOf(INTERESTS, 'Interest in the partner after the meeting');
const CooperationT = enumOf(COOPERATION, 'Whether cooperation is possible');
const Outcome = enumOf<FollowUpOutcome>(FOLLOW_UP_OUTCOMES, 'negotiation started, MoU, pilot, contract, investment, or nothing');

const feedbackFields = {
  tookPlace: Type.Boolean({ description: 'Did the meeting take place?' }),
  interest: Type.Optional(InterestT),
  cooperation: Type.Optional(CooperationT),
  nextSteps: Type.Optional(Paragraph(2000, { description: 'What next, in any language' })),
};

/** Feedback right after a meeting (one side). Interest and cooperation are asked when it took place. */
export const FeedbackInput = Type.Object(
  { ...feedbackFields, organizationId: Type.Optional(Id({ description: 'The side answering (matchmakers answering for one; tokens answer for their own)' })) },
  { additionalProperties: false, example: { tookPlace: true, interest: 'strong', cooperation: 'yes', nextSteps: 'Send samples of 2/26Nm yarn by January' } },
);
export type FeedbackInput = Static<typeof FeedbackInput>;

const followUpFields = {
  outcomes: Type.Array(Outcome, { minItems: 1, maxItems: 6, uniqueItems: true }),
  investmentAmount: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13, description: 'Optional, with investment' })),
  investmentCurrency: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', 'x-message': 'must be an ISO 4217 code such as JPY, MNT or USD', 'x-code': 'currency' }),
  ),
  note: Type.Optional(Paragraph(2000)),
};

/** What a link answers: the feedback form, or a follow-up months later (which one the link says). */
export const LinkAnswer = Type.Object(
  {
    tookPlace: Type.Optional(feedbackFields.tookPlace),
    interest: feedbackFields.interest,
    cooperation: feedbackFields.cooperation,
    nextSteps: feedbackFields.nextSteps,
    outcomes: Type.Optional(followUpFields.outcomes),
    investmentAmount: followUpFields.investmentAmount,
    investmentCurrency: followUpFields.investmentCurrency,
    note: followUpFields.note,
  },
  { additionalProperties: false, example: { tookPlace: true, interest: 'some', cooperation: 'maybe', nextSteps: 'Онлайнаар дахин уулзана' } },
);
export type LinkAnswer = Static<typeof LinkAnswer>;

const FeedbackAnswer = Type.Object({
  tookPlace: Type.Boolean(),
  interest: Type.Union([InterestT, Type.Null()]),
  cooperation: Type.Union([CooperationT, Type.Null()]),
  nextSteps: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.String(),
});
const FollowUpAnswer = Type.Object({
  outcomes: Type.Union([Type.Array(Outcome), Type.Null()]),
  investmentAmount: Type.Union([Type.Number(), Type.Null()]),
  investmentCurrency: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
});

/** What a feedback or follow-up page shows: the meeting as its reader knows it, and any answer given. */
export const LinkForm = Type.Object(
  {
    purpose: Type.Union([Type.Literal('feedback'), Type.Literal('follow-up')]),
    months: Type.Union([Type.Integer(), Type.Null()]),
    lang: Type.String({ description: 'The reader’s language, for the page' }),
    event: Type.String(),
    meeting: Type.Object({ id: Type.Integer(), start: Type.String(), timeZone: Type.String({ description: 'The reader’s zone' }) }),
    you: Type.Object({ name: Type.String(), organization: LocalizedText }),
    partner: Type.Object({ name: Type.String(), organization: LocalizedText }),
    feedback: Type.Union([FeedbackAnswer, Type.Null()]),
    followUp: Type.Union([FollowUpAnswer, Type.Null()]),
  },
  {
    example: {
      purpose: 'feedback',
      months: null,
      lang: 'mn',
      event: 'UB Matching',
      meeting: { id: 3, start: '2026-12-10T01:00:00.000Z', timeZone: 'Asia/Ulaanbaatar' },
      you: { name: 'Батбаяр', organization: { mn: 'Цагаан Сүрэг Ноолуур ХХК' } },
      partner: { name: '中村 由美', organization: { ja: '株式会社ミナトアパレル', en: 'Minato Apparel' } },
      feedback: null,
      followUp: null,
    },
  },
);

export const Saved = Type.Object(
  { saved: Type.Literal(true), answeredAt: Type.String() },
  { example: { saved: true, answeredAt: '2026-12-10T03:00:00.000Z' } },
);

const stageFields = {
  suggested: Type.Integer(),
  requested: Type.Integer(),
  accepted: Type.Integer(),
  held: Type.Integer(),
  cooperation: Type.Integer({ description: 'held, and one side says cooperation is possible' }),
  agreement: Type.Integer({ description: 'MoU, pilot, contract or investment in a follow-up' }),
};
const Breakdown = Type.Array(Type.Object({ value: Type.String(), ...stageFields }));
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ReportQuery = Type.Object(
  {
    eventId: Type.Optional(Id({ description: 'One session' })),
    programme: Type.Optional(Type.String({ minLength: 1, maxLength: 100, format: 'line', description: 'Every session of a programme' })),
    format: Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' }),
    table: Type.Union([Type.Literal('pairs'), Type.Literal('breakdown')], {
      default: 'pairs',
      description: 'For CSV: per pair, or the funnel by country, kind, sector and SDG',
    }),
  },
  { additionalProperties: false },
);

export const OutcomeReport = Type.Object(
  {
    sessions: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), programme: NullableString })),
    funnel: Type.Object(stageFields),
    breakdown: Type.Object({ country: Breakdown, kind: Breakdown, sector: Breakdown, sdg: Breakdown }),
    responses: Type.Object({
      feedback: Type.Object({ asked: Type.Integer(), answered: Type.Integer() }),
      followUps: Type.Object({ asked: Type.Integer(), answered: Type.Integer() }),
      byOrganization: Type.Array(
        Type.Object({
          organizationId: Type.Integer(),
          name: Type.String(),
          feedbackAsked: Type.Integer(),
          feedbackAnswered: Type.Integer(),
          followUpsAsked: Type.Integer(),
          followUpsAnswered: Type.Integer(),
        }),
      ),
    }),
    pairs: Type.Array(
      Type.Object({
        orgAId: Type.Integer(),
        orgBId: Type.Integer(),
        a: Type.String(),
        b: Type.String(),
        score: Type.Union([Type.Number(), Type.Null()]),
        stages: Type.Object({
          suggested: Type.Boolean(),
          requested: Type.Boolean(),
          accepted: Type.Boolean(),
          held: Type.Boolean(),
          cooperation: Type.Boolean(),
          agreement: Type.Boolean(),
        }),
        meetings: Type.Array(Type.Object({ id: Type.Integer(), eventId: Type.Integer(), start: Type.String(), status: Type.String() })),
        feedback: Type.Array(
          Type.Object({
            organizationId: Type.Integer(),
            tookPlace: Type.Boolean(),
            interest: NullableString,
            cooperation: NullableString,
            nextSteps: NullableString,
          }),
        ),
        followUps: Type.Array(
          Type.Object({
            organizationId: Type.Integer(),
            months: Type.Integer(),
            outcomes: Type.Union([Type.Array(Type.String()), Type.Null()]),
            investmentAmount: Type.Union([Type.Number(), Type.Null()]),
            investmentCurrency: NullableString,
            note: NullableString,
          }),
        ),
      }),
    ),
  },
  {
    example: {
      sessions: [{ id: 1, name: 'UB Matching', programme: 'Mongolia IT Mission 2026' }],
      funnel: { suggested: 40, requested: 12, accepted: 9, held: 8, cooperation: 5, agreement: 2 },
      breakdown: {
        country: [{ value: 'JP', suggested: 40, requested: 12, accepted: 9, held: 8, cooperation: 5, agreement: 2 }],
        kind: [],
        sector: [],
        sdg: [],
      },
      responses: { feedback: { asked: 16, answered: 11 }, followUps: { asked: 16, answered: 6 }, byOrganization: [] },
      pairs: [],
    },
  },
);
