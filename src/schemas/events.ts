/** Schemas of matching sessions: the session itself, its tables, attendees and interpreters. */
import { Type, type Static } from 'typebox';
import { Id, Line } from './common.ts';

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', 'x-message': 'must be a time of day such as 09:00', 'x-code': 'clock' });
export const Instant = Type.String({ format: 'date-time', description: 'An instant with its offset, e.g. 2026-12-08T09:00:00+08:00' });
const Language = Type.String({ format: 'language' });

const Day = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'A day in the event time zone, e.g. 2026-12-08' }),
    open: Clock,
    close: Clock,
    breaks: Type.Optional(Type.Array(Type.Object({ start: Clock, end: Clock }, { additionalProperties: false }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

const eventExample = {
  name: 'Japan–Mongolia IT Business Matching, Ulaanbaatar',
  city: 'Ulaanbaatar',
  timeZone: 'Asia/Ulaanbaatar',
  days: [{ date: '2026-12-08', open: '09:00', close: '17:00', breaks: [{ start: '12:00', end: '13:00' }] }],
  slotMinutes: 30,
  tables: ['A1', 'A2', 'A3'],
  allowOnline: true,
  requestTtlHours: 48,
  approvedPairsOnly: false,
};

const eventFields = {
  name: Line(200),
  city: Line(100),
  timeZone: Type.String({ format: 'time-zone' }),
  days: Type.Array(Day, { minItems: 1, maxItems: 14 }),
  slotMinutes: Type.Integer({ minimum: 10, maximum: 240 }),
  allowOnline: Type.Optional(Type.Boolean({ description: 'Online meetings between the cities (no table needed)' })),
  requestTtlHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720, description: 'Unanswered requests expire after this many hours' })),
  approvedPairsOnly: Type.Optional(Type.Boolean({ description: 'Organisations attending see only suggestions a matchmaker approved' })),
  programme: Type.Optional(Line(100, { description: 'The programme the session belongs to; outcome reports group sessions by it' })),
  followUpMonths: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 36 }), {
      maxItems: 4,
      uniqueItems: true,
      description: 'Months after each meeting when both sides are asked what came of it (default 3 and 6)',
    }),
  ),
  freezeMinutes: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 240,
      description: 'On the day, a re-plan neither moves nor fills a meeting starting within this many minutes (default 30)',
    }),
  ),
};

export const EventInput = Type.Object(
  { ...eventFields, tables: Type.Optional(Type.Array(Line(50), { maxItems: 1000, uniqueItems: true, description: 'Table names' })) },
  { additionalProperties: false, example: eventExample },
);
export type EventInput = Static<typeof EventInput>;

export const EventPatch = Type.Partial(Type.Object(eventFields), { additionalProperties: false, minProperties: 1, example: { requestTtlHours: 24 } });
export type EventPatch = Static<typeof EventPatch>;

export const TablesInput = Type.Object(
  { names: Type.Array(Line(50), { minItems: 1, maxItems: 1000, uniqueItems: true }) },
  { additionalProperties: false, example: { names: ['B1', 'B2'] } },
);

const Slot = Type.Object({
  index: Type.Integer(),
  start: Type.String(),
  end: Type.String(),
  local: Type.String({ description: 'Start in the event time zone' }),
});
export const Table = Type.Object({ id: Type.Integer(), name: Type.String() });

export const Event = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    city: Type.String(),
    timeZone: Type.String(),
    days: Type.Array(Day),
    slotMinutes: Type.Integer(),
    allowOnline: Type.Boolean(),
    requestTtlHours: Type.Integer(),
    approvedPairsOnly: Type.Boolean(),
    programme: Type.Union([Type.String(), Type.Null()]),
    followUpMonths: Type.Array(Type.Integer()),
    freezeMinutes: Type.Integer(),
    tables: Type.Array(Table),
    slots: Type.Array(Slot),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  {
    example: {
      id: 1,
      ...eventExample,
      programme: 'Mongolia IT Mission 2026',
      followUpMonths: [3, 6],
      freezeMinutes: 30,
      tables: [{ id: 1, name: 'A1' }],
      slots: [{ index: 0, start: '2026-12-08T01:00:00.000Z', end: '2026-12-08T01:30:00.000Z', local: '2026-12-08T09:00' }],
      createdAt: '2026-11-28T09:00:00.000Z',
      updatedAt: '2026-11-28T09:00:00.000Z',
    },
  },
);

export const EventList = Type.Object({ items: Type.Array(Event) }, { example: { items: [] } });

const IntervalInput = Type.Object({ start: Instant, end: Instant }, { additionalProperties: false });

export const AttendeeInput = Type.Object(
  {
    organizationId: Id(),
    name: Line(200),
    nameLatin: Type.Optional(Line(200, { description: 'The name in Latin letters; romanised from the name when left out' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    languages: Type.Array(Language, { minItems: 1, maxItems: 10, uniqueItems: true, description: 'Languages this person can hold a meeting in' }),
    timeZone: Type.Optional(Type.String({ format: 'time-zone', description: "Where the person is (default: the event's zone)" })),
    online: Type.Optional(Type.Boolean({ description: 'Joins online from elsewhere (e.g. from Tokyo to an Ulaanbaatar session)' })),
    availability: Type.Optional(Type.Array(IntervalInput, { maxItems: 50, description: 'Windows when free; none means the whole event' })),
    maxMeetings: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  {
    additionalProperties: false,
    example: {
      organizationId: 1,
      name: 'Yumi Nakamura',
      email: 'y.nakamura@minato-apparel.example.jp',
      languages: ['ja'],
      timeZone: 'Asia/Tokyo',
      online: true,
      availability: [{ start: '2026-12-08T10:00:00+09:00', end: '2026-12-08T12:00:00+09:00' }],
      maxMeetings: 8,
    },
  },
);
export type AttendeeInput = Static<typeof AttendeeInput>;

export const Attendee = Type.Object(
  {
    id: Type.Integer(),
    eventId: Type.Integer(),
    organizationId: Type.Integer(),
    name: Type.String(),
    nameLatin: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    languages: Type.Array(Type.String()),
    timeZone: Type.String(),
    online: Type.Boolean(),
    availability: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })),
    maxMeetings: Type.Integer(),
    unavailable: Type.Optional(Type.Array(Type.String(), { description: 'Slot starts (UTC) the person cannot attend' })),
    createdAt: Type.String(),
    checkInCode: Type.Union([Type.String(), Type.Null()], { description: 'What a volunteer scans or types at the door (not a sign-in token)' }),
  },
  {
    example: {
      id: 5,
      eventId: 1,
      organizationId: 1,
      name: 'Yumi Nakamura',
      nameLatin: 'Yumi Nakamura',
      email: null,
      languages: ['ja'],
      timeZone: 'Asia/Tokyo',
      online: true,
      availability: [],
      maxMeetings: 8,
      createdAt: '2026-11-28T09:00:00.000Z',
      checkInCode: '7F3A09C2',
    },
  },
);
export const AttendeeList = Type.Object({ items: Type.Array(Attendee) }, { example: { items: [] } });

export const InterpreterInput = Type.Object(
  {
    name: Line(200),
    nameLatin: Type.Optional(Line(200, { description: 'The name in Latin letters; romanised from the name when left out' })),
    pairs: Type.Array(Type.Array(Language, { minItems: 2, maxItems: 2 }), { minItems: 1, maxItems: 10, description: 'Language pairs, e.g. [["ja","mn"]]' }),
    availability: Type.Optional(Type.Array(IntervalInput, { maxItems: 50 })),
  },
  {
    additionalProperties: false,
    example: {
      name: 'Oyuna B.',
      pairs: [
        ['ja', 'mn'],
        ['mn', 'en'],
      ],
    },
  },
);
export type InterpreterInput = Static<typeof InterpreterInput>;

export const Interpreter = Type.Object(
  {
    id: Type.Integer(),
    eventId: Type.Integer(),
    name: Type.String(),
    nameLatin: Type.String(),
    pairs: Type.Array(Type.Array(Type.String())),
    availability: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })),
    createdAt: Type.String(),
  },
  { example: { id: 2, eventId: 1, name: 'Oyuna B.', nameLatin: 'Oyuna B.', pairs: [['ja', 'mn']], availability: [], createdAt: '2026-11-28T09:00:00.000Z' } },
);
export const InterpreterList = Type.Object({ items: Type.Array(Interpreter) }, { example: { items: [] } });
