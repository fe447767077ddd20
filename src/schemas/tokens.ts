import { Type } from 'typebox';
import { Id, Line } from './common.ts';

export const TokenCreate = Type.Object({ label: Type.Optional(Line(200)) }, { additionalProperties: false, example: { label: 'Sales team laptop' } });

const tokenFields = {
  id: Type.Integer(),
  role: Type.String(),
  organizationId: Type.Union([Type.Integer(), Type.Null()]),
  attendeeId: Type.Union([Type.Integer(), Type.Null()]),
  label: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};

const tokenExample = {
  id: 3,
  role: 'organization',
  organizationId: 42,
  attendeeId: null,
  label: 'Sales team laptop',
  createdAt: '2026-11-28T09:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

export const Token = Type.Object(tokenFields, { example: tokenExample });

export const IssuedToken = Type.Object(
  { ...tokenFields, token: Type.String({ description: 'The secret. Shown once; only its hash is stored.' }) },
  {
    example: { ...tokenExample, token: 'org_x0DnH3k6R1…' },
  },
);

export const TokenList = Type.Object({ items: Type.Array(Token) }, { example: { items: [tokenExample] } });

export const TokenQuery = Type.Object(
  {
    organizationId: Type.Optional(Id()),
    includeRevoked: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

export const Me = Type.Object(
  {
    role: Type.String(),
    organizationId: Type.Optional(Type.Integer()),
    attendeeId: Type.Optional(Type.Integer()),
    eventId: Type.Optional(Type.Integer({ description: 'For an attendee: the session they attend' })),
    name: Type.Optional(Type.String({ description: 'For an attendee: their name' })),
  },
  { example: { role: 'organization', organizationId: 42 } },
);
