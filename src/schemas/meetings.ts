/** Schemas of requests, meetings, agendas, the scheduler's run and the session's figures. */
import { Type, type Static } from 'typebox';
import { Id, LocalizedText, Paging } from './common.ts';
import { Idle, PartOfDay } from './rules.ts';
import { Instant, Table } from './events.ts';

export const RequestInput = Type.Object(
  {
    fromAttendeeId: Id(),
    toOrganizationId: Id(),
    message: Type.Optional(Type.String({ maxLength: 2000 })),
    part: Type.Optional(PartOfDay),
  },
  { additionalProperties: false, example: { fromAttendeeId: 5, toOrganizationId: 57, message: 'We would like to discuss cashmere yarn supply.' } },
);
export const RequestAnswer = Type.Object(
  { attendeeId: Type.Optional(Id({ description: 'Who answers for the organisation (default: its first attendee)' })) },
  { additionalProperties: false, example: { attendeeId: 9 } },
);
export const MeetingRequest = Type.Object(
  {
    id: Type.Integer(),
    eventId: Type.Integer(),
    fromAttendeeId: Type.Integer(),
    toOrganizationId: Type.Integer(),
    message: Type.Union([Type.String(), Type.Null()]),
    part: Type.Optional(PartOfDay),
    status: Type.String({ description: 'requested, accepted, declined, cancelled or expired' }),
    createdAt: Type.String(),
    expiresAt: Type.String(),
    respondedAt: Type.Union([Type.String(), Type.Null()]),
    respondedBy: Type.Union([Type.Integer(), Type.Null()]),
    from: Type.Optional(
      Type.Object(
        {
          name: Type.String(),
          nameLatin: Type.Optional(Type.String()),
          organizationId: Type.Integer(),
          organization: Type.String(),
          organizationName: Type.Optional(LocalizedText),
          organizationLatin: Type.Optional(Type.String()),
        },
        { description: 'In lists: who asked, and for which organisation' },
      ),
    ),
    toOrganization: Type.Optional(Type.String({ description: 'In lists: the name of the organisation asked' })),
    toOrganizationName: Type.Optional(LocalizedText),
    toOrganizationLatin: Type.Optional(Type.String()),
  },
  {
    example: {
      id: 3,
      eventId: 1,
      fromAttendeeId: 5,
      toOrganizationId: 57,
      message: null,
      status: 'requested',
      createdAt: '2026-11-28T09:00:00.000Z',
      expiresAt: '2026-11-30T09:00:00.000Z',
      respondedAt: null,
      respondedBy: null,
    },
  },
);
export const RequestList = Type.Object({ items: Type.Array(MeetingRequest) }, { example: { items: [] } });
export const RequestQuery = Type.Object(
  { status: Type.Optional(Type.Union(['requested', 'accepted', 'declined', 'cancelled', 'expired'].map((s) => Type.Literal(s)))), ...Paging },
  { additionalProperties: false },
);

export const BookingInput = Type.Object(
  {
    requestId: Type.Optional(Id({ description: 'An accepted request; or give attendeeIds' })),
    attendeeIds: Type.Optional(Type.Array(Id(), { minItems: 2, maxItems: 2, uniqueItems: true })),
    slotStart: Instant,
    tableId: Type.Optional(Id({ description: 'Default: the first free table (none for an online meeting)' })),
    interpreterId: Type.Optional(Id({ description: 'Default: the first free interpreter for their languages, when they share none' })),
  },
  { additionalProperties: false, example: { requestId: 3, slotStart: '2026-12-08T10:00:00+08:00' } },
);
export type BookingInput = Static<typeof BookingInput>;

export const MovePatch = Type.Object(
  {
    slotStart: Type.Optional(Instant),
    tableId: Type.Optional(Id()),
    interpreterId: Type.Optional(Type.Union([Id(), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1, example: { slotStart: '2026-12-08T14:00:00+08:00' } },
);
export type MovePatch = Static<typeof MovePatch>;

const Person = Type.Object({
  attendeeId: Type.Integer(),
  name: Type.String(),
  nameLatin: Type.String({ description: 'The name in Latin letters' }),
  organizationId: Type.Integer(),
  organization: Type.String({ description: 'The organisation’s name (English when it has one)' }),
  organizationName: LocalizedText,
  organizationLatin: Type.String({ description: 'The organisation’s name in Latin letters' }),
});
export const Meeting = Type.Object(
  {
    id: Type.Integer(),
    eventId: Type.Integer(),
    uid: Type.String(),
    status: Type.String(),
    source: Type.String(),
    sequence: Type.Integer(),
    start: Type.String(),
    end: Type.String(),
    localStart: Type.String({ description: 'In the event time zone' }),
    online: Type.Boolean(),
    table: Type.Union([Table, Type.Null()]),
    interpreter: Type.Union([
      Type.Object({ id: Type.Integer(), name: Type.String(), nameLatin: Type.String({ description: 'The name in Latin letters' }) }),
      Type.Null(),
    ]),
    attendees: Type.Array(Person),
    requestId: Type.Union([Type.Integer(), Type.Null()]),
    dayReason: Type.Union([Type.Literal('no-show'), Type.Literal('standby'), Type.Null()], {
      description: 'Changed on the day: cancelled because someone was marked absent, or booked from the standby list',
    }),
    attendance: Type.Union([Type.Literal('held'), Type.Literal('partly'), Type.Literal('not-held'), Type.Null()], {
      description: 'Whether it took place, once marked',
    }),
    missingAttendeeIds: Type.Array(Type.Integer(), { description: 'Who did not come (partly held or not held)' }),
  },
  {
    example: {
      id: 7,
      eventId: 1,
      uid: 'meeting-7f3c…@musubi',
      status: 'scheduled',
      source: 'manual',
      sequence: 0,
      start: '2026-12-08T02:00:00.000Z',
      end: '2026-12-08T02:30:00.000Z',
      localStart: '2026-12-08T10:00',
      online: false,
      table: { id: 1, name: 'A1' },
      interpreter: { id: 2, name: 'Оюунаа Б.', nameLatin: 'Oyuunaa B.' },
      attendees: [
        {
          attendeeId: 5,
          name: 'Yumi Nakamura',
          nameLatin: 'Yumi Nakamura',
          organizationId: 1,
          organization: '株式会社ミナトアパレル',
          organizationName: { ja: '株式会社ミナトアパレル' },
          organizationLatin: 'Kabushikigaisha Minatoapareru',
        },
        {
          attendeeId: 9,
          name: 'Батбаяр',
          nameLatin: 'Batbayar',
          organizationId: 57,
          organization: 'Цагаан Сүрэг Ноолуур ХХК',
          organizationName: { mn: 'Цагаан Сүрэг Ноолуур ХХК' },
          organizationLatin: 'Tsagaan Süreg Nooluur KHKHK',
        },
      ],
      requestId: 3,
      dayReason: null,
      attendance: null,
      missingAttendeeIds: [],
    },
  },
);

export const OpenSlots = Type.Object(
  { items: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), local: Type.String({ description: 'Start in the event time zone' }) })) },
  { example: { items: [{ start: '2026-12-08T02:00:00.000Z', end: '2026-12-08T02:30:00.000Z', local: '2026-12-08T10:00' }] } },
);

export const ScheduleInput = Type.Object(
  { replan: Type.Optional(Type.Boolean({ description: 'Drop meetings the scheduler made before and plan again; manual bookings always stay' })) },
  { additionalProperties: false, example: { replan: false } },
);
export const ScheduleResult = Type.Object(
  {
    placed: Type.Integer(),
    kept: Type.Integer(),
    totalScore: Type.Number(),
    quality: Type.Object({
      summary: Type.String({ description: '"optimal", or "within X% of the best possible"' }),
      optimal: Type.Boolean(),
      gap: Type.Union([Type.Number(), Type.Null()]),
      method: Type.String({ description: 'exact (the solver’s plan) or heuristic' }),
    }),
    breaks: Type.Object(
      { total: Type.Integer(), max: Type.Integer(), min: Type.Integer() },
      { description: 'Idle gaps between consecutive meetings of one attendee on one day' },
    ),
    unplaced: Type.Array(
      Type.Object({
        organizations: Type.Array(Type.Integer()),
        reason: Type.String({ description: 'no-attendee, no-common-slot, no-table, no-interpreter, meeting-limit, vetoed, met-before, conflict' }),
        detail: Type.String(),
        pinned: Type.Optional(Type.Boolean({ description: 'A pinned pair (must meet) that could not be placed' })),
      }),
    ),
    pinned: Type.Optional(Type.Object({ total: Type.Integer(), placed: Type.Integer() }, { description: 'Pinned pairs and how many have a meeting' })),
    metBefore: Type.Optional(Type.Integer({ description: 'Pairs not proposed again: they met at an earlier session and nobody asked again' })),
  },
  {
    example: {
      placed: 41,
      kept: 3,
      totalScore: 12.8,
      quality: { summary: 'within 0.3% of the best possible', optimal: false, gap: 0.003, method: 'exact' },
      breaks: { total: 4, max: 1, min: 0 },
      unplaced: [{ organizations: [4, 61], reason: 'no-interpreter', detail: 'no ja–mn interpreter free when both are', pinned: false }],
      pinned: { total: 2, placed: 2 },
      metBefore: 1,
    },
  },
);

export const AgendaQuery = Type.Object(
  {
    attendeeId: Type.Optional(Id()),
    organizationId: Type.Optional(Id()),
    tableId: Type.Optional(Id()),
    interpreterId: Type.Optional(Id()),
    format: Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('ics')], { default: 'json' }),
    lang: Type.Optional(
      Type.Union([Type.Literal('ja'), Type.Literal('mn'), Type.Literal('en')], {
        description: "Language of CSV headers and calendar texts (default: the attendee's first meeting language Musubi writes, else en)",
      }),
    ),
    withCancelled: Type.Optional(Type.Boolean({ description: 'JSON only: include cancelled meetings (they say why in dayReason)' })),
  },
  { additionalProperties: false },
);
export type AgendaQuery = Static<typeof AgendaQuery>;

export const Figures = Type.Object(
  {
    organizations: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), attendees: Type.Integer(), meetings: Type.Integer() })),
    withoutMeetings: Type.Array(Type.Integer()),
    slots: Type.Array(
      Type.Object({ start: Type.String(), local: Type.String(), meetings: Type.Integer(), tablesUsed: Type.Integer(), online: Type.Integer() }),
    ),
    tableUse: Type.Number({ description: 'Share of table-slots in use' }),
    interpreters: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), nameLatin: Type.String(), meetings: Type.Integer() })),
    meetingsNeedingInterpreter: Type.Integer(),
    idle: Type.Optional(
      Type.Object(
        {
          breaks: Type.Integer(),
          idleMinutes: Type.Integer(),
          attendees: Type.Array(Type.Object({ attendeeId: Type.Integer(), name: Type.String(), ...Idle.properties })),
        },
        { description: 'Idle gaps between consecutive meetings per attendee per day (most breaks first)' },
      ),
    ),
    requests: Type.Object({
      requested: Type.Integer(),
      accepted: Type.Integer(),
      declined: Type.Integer(),
      cancelled: Type.Integer(),
      expired: Type.Integer(),
    }),
  },
  {
    example: {
      organizations: [],
      withoutMeetings: [],
      slots: [],
      tableUse: 0.42,
      interpreters: [],
      meetingsNeedingInterpreter: 3,
      requests: { requested: 2, accepted: 5, declined: 1, cancelled: 0, expired: 1 },
    },
  },
);
