import { Type } from 'typebox';

/** Scheduling rules: parts of the day, pins and vetoes, unavailable slots. */

export const PartOfDay = Type.Union([Type.Literal('morning'), Type.Literal('afternoon'), Type.Literal('any')], {
  description: "By the session's own hours: the morning is every slot before the day's lunch break (or before the middle of its hours)",
  'x-message': 'must be one of: morning, afternoon, any',
});

export const PairRule = Type.Union([Type.Literal('pinned'), Type.Literal('vetoed'), Type.Null()], {
  description: 'pinned: must meet (placed before anything else, or reported with the reason); vetoed: never scheduled, never suggested; null: neither',
  'x-message': 'must be one of: pinned, vetoed, null',
});

export const PairRulesInput = Type.Object(
  {
    part: Type.Optional(PartOfDay),
    rule: Type.Optional(PairRule),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Pinning approves the pair; vetoing rejects it (and hides it from suggestions and, by default, from the queue)',
    example: { part: 'morning', rule: 'pinned' },
  },
);

export const RequestPartInput = Type.Object({ part: PartOfDay }, { additionalProperties: false, example: { part: 'afternoon' } });

export const UnavailableInput = Type.Object(
  {
    slots: Type.Array(Type.String({ format: 'date-time' }), {
      maxItems: 500,
      description: 'Slot starts (see GET /api/events/{id}) the person cannot attend; the list replaces the one stored',
    }),
    cancelMeetings: Type.Optional(
      Type.Boolean({
        description:
          'Cancel the meetings booked in those slots (both sides are told); without it such a change is refused (409 meetings-in-unavailable) with the meetings listed',
      }),
    ),
  },
  { additionalProperties: false, example: { slots: ['2026-12-08T14:00:00+08:00'], cancelMeetings: false } },
);

const DayIdle = Type.Object({ day: Type.String(), meetings: Type.Integer(), breaks: Type.Integer(), idleMinutes: Type.Integer() });

export const Idle = Type.Object(
  { breaks: Type.Integer(), idleMinutes: Type.Integer(), days: Type.Array(DayIdle) },
  { description: 'Idle gaps between consecutive meetings, per day (the session’s own pauses are no gap)' },
);

export const UnavailableResult = Type.Object(
  {
    attendeeId: Type.Integer(),
    unavailable: Type.Array(Type.String()),
    cancelled: Type.Array(Type.Integer(), { description: 'Meetings cancelled because they were in those slots' }),
  },
  { example: { attendeeId: 5, unavailable: ['2026-12-08T06:00:00.000Z'], cancelled: [] } },
);
