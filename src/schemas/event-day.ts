import { Type, type Static } from 'typebox';
import { Id, Line } from './common.ts';
import { Attendee, Event } from './events.ts';
import { Meeting } from './meetings.ts';

const SessionDate = Type.String({ format: 'date', description: 'A day of the session in its time zone (default: today there)' });
const CheckInStatus = Type.Union([Type.Literal('present'), Type.Literal('absent')]);

export const DayQuery = Type.Object({ date: Type.Optional(SessionDate) }, { additionalProperties: false });

export const CheckInInput = Type.Object(
  {
    code: Type.Optional(Line(20, { description: 'The code printed on the agenda (QR or text), with or without the dash, any case' })),
    attendeeId: Type.Optional(Id({ description: 'Or the attendee, picked from the list' })),
    status: CheckInStatus,
    date: Type.Optional(SessionDate),
  },
  { additionalProperties: false, example: { code: '7F3A-09C2', status: 'present' } },
);
export type CheckInInput = Static<typeof CheckInInput>;

const Notice = Type.Object(
  {
    type: Type.Union([Type.Literal('meeting.cancelled'), Type.Literal('meeting.booked')]),
    reason: Type.Union([Type.Literal('no-show'), Type.Literal('standby')]),
    meetingId: Type.Integer(),
    notify: Type.Array(Type.Integer(), { description: 'Attendees to tell' }),
  },
  { description: 'Who must hear of a change (the hook for messages and e-mail)' },
);

export const CheckInResult = Type.Object(
  {
    attendee: Attendee,
    date: Type.String(),
    status: CheckInStatus,
    at: Type.String(),
    cancelled: Type.Array(Meeting, { description: 'Meetings of that day cancelled because the person is absent' }),
    notices: Type.Array(Notice),
  },
  { example: { attendee: {}, date: '2026-12-08', status: 'present', at: '2026-12-08T00:55:00.000Z', cancelled: [], notices: [] } },
);

export const CheckInList = Type.Object(
  {
    date: Type.String(),
    items: Type.Array(
      Type.Object({
        attendee: Attendee,
        organization: Type.String(),
        status: Type.Union([CheckInStatus, Type.Null()]),
        at: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { example: { date: '2026-12-08', items: [] } },
);

export const AttendanceInput = Type.Object(
  {
    outcome: Type.Union([Type.Literal('held'), Type.Literal('partly'), Type.Literal('not-held')], {
      description: 'held, partly held (late or left early), or did not happen',
    }),
    missingAttendeeIds: Type.Optional(Type.Array(Id(), { maxItems: 2, uniqueItems: true, description: 'Who was missing' })),
  },
  { additionalProperties: false, example: { outcome: 'not-held', missingAttendeeIds: [9] } },
);

const Counts = { held: Type.Integer(), partly: Type.Integer(), notHeld: Type.Integer(), unmarked: Type.Integer() };
export const AttendanceFigures = Type.Object(
  {
    ...Counts,
    noShowMeetings: Type.Integer({ description: 'Cancelled on the day because someone was marked absent' }),
    standbyMeetings: Type.Integer({ description: 'Booked from the standby list on the day' }),
    noShowsBySide: Type.Record(Type.String(), Type.Integer(), {
      description: 'Missing people (absent, or missing from a marked meeting) by the country of their organisation',
    }),
    byHour: Type.Array(Type.Object({ hour: Type.String({ description: 'Local hour, e.g. 2026-12-08T09' }), ...Counts, noShow: Type.Integer() })),
    checkIns: Type.Array(Type.Object({ date: Type.String(), present: Type.Integer(), absent: Type.Integer(), unknown: Type.Integer() })),
  },
  {
    example: {
      held: 40,
      partly: 3,
      notHeld: 2,
      unmarked: 10,
      noShowMeetings: 6,
      standbyMeetings: 4,
      noShowsBySide: { JP: 2, MN: 3 },
      byHour: [],
      checkIns: [],
    },
  },
);

const Proposal = Type.Object({
  attendeeIds: Type.Array(Type.Integer()),
  slotStart: Type.String(),
  slotEnd: Type.String(),
  local: Type.String(),
  tableId: Type.Union([Type.Integer(), Type.Null()]),
  interpreterId: Type.Union([Type.Integer(), Type.Null()]),
  online: Type.Boolean(),
  score: Type.Number(),
  replaces: Type.Integer({ description: 'The meeting lost to a no-show that it makes up for' }),
});

export const StandbyPreview = Type.Object(
  {
    date: Type.String(),
    frozenUntil: Type.String({ description: 'Nothing starting before this instant is changed' }),
    freed: Type.Array(Meeting, { description: 'Meetings of the day lost to no-shows' }),
    proposals: Type.Array(Proposal),
  },
  { example: { date: '2026-12-08', frozenUntil: '2026-12-08T02:30:00.000Z', freed: [], proposals: [] } },
);

export const StandbyApply = Type.Object(
  {
    date: Type.Optional(SessionDate),
    proposals: Type.Array(
      Type.Object(
        {
          attendeeIds: Type.Array(Id(), { minItems: 2, maxItems: 2, uniqueItems: true }),
          slotStart: Type.String({ format: 'date-time' }),
          tableId: Type.Optional(Type.Union([Id(), Type.Null()])),
          interpreterId: Type.Optional(Type.Union([Id(), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false, example: { proposals: [{ attendeeIds: [5, 12], slotStart: '2026-12-08T03:00:00.000Z', tableId: 3 }] } },
);

export const StandbyApplied = Type.Object({ meetings: Type.Array(Meeting), notices: Type.Array(Notice) }, { example: { meetings: [], notices: [] } });

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

export const SheetsQuery = Type.Object({ attendeeId: Type.Optional(Id()), organizationId: Type.Optional(Id()) }, { additionalProperties: false });

export const Sheets = Type.Object(
  {
    event: Event,
    generatedAt: Type.String(),
    attendees: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        latin: Nullable(Type.String()),
        organizationId: Type.Integer(),
        timeZone: Type.String(),
        languages: Type.Array(Type.String()),
        online: Type.Boolean(),
        checkInCode: Nullable(Type.String({ description: 'Only on the sheets of the person themselves (and for matchmakers)' })),
        qr: Nullable(Type.String({ description: 'The check-in code as a QR code: an SVG data URL' })),
      }),
    ),
    organizations: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.Record(Type.String(), Type.String()), latin: Nullable(Type.String()), country: Type.String() }),
    ),
    interpreters: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), latin: Nullable(Type.String()) })),
    meetings: Type.Array(
      Type.Object({
        id: Type.Integer(),
        start: Type.String(),
        end: Type.String(),
        tableId: Nullable(Type.Integer()),
        interpreterId: Nullable(Type.Integer()),
        online: Type.Boolean(),
        attendeeIds: Type.Array(Type.Integer()),
        status: Type.String(),
        dayReason: Type.Union([Type.String(), Type.Null()]),
        sequence: Type.Integer(),
        attendance: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    checkIns: Type.Array(Type.Object({ attendeeId: Type.Integer(), date: Type.String(), status: Type.String() })),
  },
  { example: { event: {}, generatedAt: '2026-12-08T00:30:00.000Z', attendees: [], organizations: [], interpreters: [], meetings: [], checkIns: [] } },
);

const SlotNow = Type.Union([Type.Object({ start: Type.String(), end: Type.String(), local: Type.String() }), Type.Null()]);
const Latin = Nullable(Type.String({ description: 'The name in Latin letters, when written in another script' }));
const LiveMeeting = Type.Union([
  Type.Object({
    id: Type.Integer(),
    start: Type.String(),
    local: Type.String(),
    online: Type.Boolean(),
    table: Nullable(Type.String()),
    interpreter: Type.Union([Type.Object({ name: Type.String(), latin: Latin }), Type.Null()]),
    attendance: Type.Union([Type.String(), Type.Null()]),
    people: Type.Array(
      Type.Object({
        attendeeId: Type.Integer(),
        name: Type.String(),
        latin: Latin,
        organization: Type.Record(Type.String(), Type.String()),
        organizationLatin: Latin,
        checkIn: Type.Union([CheckInStatus, Type.Null()]),
      }),
    ),
  }),
  Type.Null(),
]);

export const Live = Type.Object(
  {
    at: Type.String(),
    timeZone: Type.String(),
    date: Type.String(),
    current: SlotNow,
    next: SlotNow,
    tables: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), now: LiveMeeting, next: LiveMeeting })),
    interpreters: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), latin: Latin, now: LiveMeeting, next: LiveMeeting })),
    emptyTables: Type.Array(Type.String()),
    late: Type.Array(Type.Object({ attendeeId: Type.Integer(), name: Type.String(), latin: Latin, meetingId: Type.Integer(), table: Nullable(Type.String()) })),
  },
  {
    example: {
      at: '2026-12-08T02:05:00.000Z',
      timeZone: 'Asia/Ulaanbaatar',
      date: '2026-12-08',
      current: null,
      next: null,
      tables: [],
      interpreters: [],
      emptyTables: [],
      late: [],
    },
  },
);
