import { Type } from 'typebox';
import { MESSAGE_KINDS, type MessageKind, type MessageStatus } from '../db/schema.ts';
import { Id, Paging } from './common.ts';

const Kind = Type.Unsafe<MessageKind>(
  Type.Union(
    MESSAGE_KINDS.map((k) => Type.Literal(k)),
    { 'x-message': `must be one of: ${MESSAGE_KINDS.join(', ')}` },
  ),
);
const STATUSES: MessageStatus[] = ['pending', 'sent', 'failed', 'suppressed'];
const Status = Type.Unsafe<MessageStatus>(
  Type.Union(
    STATUSES.map((s) => Type.Literal(s)),
    { 'x-message': `must be one of: ${STATUSES.join(', ')}` },
  ),
);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** A link token from a message: 256 random bits in base64url. */
export const LinkParams = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$', 'x-message': 'is not a link token', 'x-code': 'link-token' }),
});

export const MessageQuery = Type.Object(
  { status: Type.Optional(Status), kind: Type.Optional(Kind), eventId: Type.Optional(Id()), ...Paging },
  { additionalProperties: false },
);

const summaryFields = {
  id: Type.Integer(),
  kind: Kind,
  status: Status,
  eventId: Type.Union([Type.Integer(), Type.Null()]),
  attendeeId: Type.Union([Type.Integer(), Type.Null()]),
  recipientEmail: Type.String(),
  recipientName: Type.String(),
  lang: Type.String(),
  subject: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Type.String(),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
};
const example = {
  id: 12,
  kind: 'meeting-booked',
  status: 'pending',
  eventId: 1,
  attendeeId: 5,
  recipientEmail: 'bat@cashmere.example.mn',
  recipientName: 'Батбаяр',
  lang: 'mn',
  subject: 'UB Matching: уулзалт товлогдлоо — Minato Apparel (中村 由美), 2026 оны 12-р сарын 10 09:00 (Asia/Ulaanbaatar)',
  attempts: 0,
  lastError: null,
  nextAttemptAt: '2026-12-01T00:00:00.000Z',
  createdAt: '2026-12-01T00:00:00.000Z',
  sentAt: null,
};

export const MessageList = Type.Object(
  {
    items: Type.Array(Type.Object(summaryFields)),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
    delivery: Type.Union([Type.Literal('smtp'), Type.Literal('outbox-only')], { description: 'outbox-only: no SMTP_URL, messages wait here to be read' }),
    counts: Type.Object({ pending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer(), suppressed: Type.Integer() }),
  },
  { example: { items: [example], total: 1, limit: 50, offset: 0, delivery: 'outbox-only', counts: { pending: 1, sent: 0, failed: 0, suppressed: 0 } } },
);

export const Message = Type.Object(
  {
    ...summaryFields,
    text: Type.String(),
    html: Type.String(),
    attachments: Type.Array(Type.Object({ filename: Type.String(), contentType: Type.String(), content: Type.String() })),
  },
  {
    example: {
      ...example,
      text: 'Сайн байна уу, Батбаяр…',
      html: '<!doctype html>…',
      attachments: [{ filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8', content: 'BEGIN:VCALENDAR…' }],
    },
  },
);

export const SignInLinksInput = Type.Object(
  {
    attendeeIds: Type.Optional(
      Type.Array(Id(), { minItems: 1, maxItems: 5000, uniqueItems: true, description: 'Whom to send to (default: every attendee of the session)' }),
    ),
  },
  { additionalProperties: false, example: { attendeeIds: [5, 6] } },
);

export const SignInLinksResult = Type.Object(
  {
    sent: Type.Array(Type.Object({ attendeeId: Type.Integer(), messageId: Type.Integer(), tokenId: Type.Integer() })),
    skipped: Type.Array(
      Type.Object({ attendeeId: Type.Integer(), name: Type.String(), reason: Type.Union([Type.Literal('no-email'), Type.Literal('opted-out')]) }),
    ),
  },
  { example: { sent: [{ attendeeId: 5, messageId: 31, tokenId: 12 }], skipped: [{ attendeeId: 6, name: 'Батбаяр', reason: 'no-email' }] } },
);

export const Unsubscribed = Type.Object(
  {
    category: Type.String({ description: 'The kind of message turned off: sign-in, requests, meetings, reminders, feedback, follow-ups' }),
    lang: Type.String(),
  },
  { example: { category: 'meetings', lang: 'mn' } },
);
