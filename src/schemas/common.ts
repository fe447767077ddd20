import { STATUS_CODES } from 'node:http';
import { Type } from 'typebox';

/** RFC 9457 problem details, as every error leaves the service. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          row: Type.Optional(Type.Integer()),
          externalId: Type.Optional(Type.String()),
          code: Type.Optional(Type.String({ description: 'What is wrong, for programs and translations: required, unknown-field, format, enum, max-length, min-length, minimum, maximum, type, min-items, max-items, unique-items, text, blank, clock, phone, http-url, edge-spaces…' })),
          params: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'What the message mentions: limit, format, values, type' })),
        }),
      ),
    ),
  },
  {
    $id: 'Problem',
    example: {
      type: 'urn:musubi:problem:validation',
      title: 'Invalid request',
      status: 422,
      detail: '1 field is invalid',
      instance: '/api/organizations',
      errors: [{ field: 'country', message: 'must be an ISO 3166-1 alpha-2 country code such as JP or MN' }],
    },
  },
);

export const ProblemRef = Type.Ref('Problem');

/** Problem responses by status, to spread into a route's `response` (served as application/problem+json). */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: STATUS_CODES[status] ?? 'Error', content: { 'application/problem+json': { schema: ProblemRef } } },
    ]),
  );
}

const LOCALIZED_TEXT_MESSAGE = 'must be a text: a non-empty string, or an object with at least one of ja, mn, en';

/** A text as clients send it: a string (language detected) or `{ ja?, mn?, en? }`. */
export function TextInput(maxLength: number) {
  const version = Type.String({ maxLength, pattern: '\\S', 'x-message': 'must not be blank', 'x-code': 'blank' });
  return Type.Union(
    [
      version,
      Type.Object(
        { ja: Type.Optional(version), mn: Type.Optional(version), en: Type.Optional(version) },
        { additionalProperties: false, minProperties: 1 },
      ),
    ],
    { 'x-message': LOCALIZED_TEXT_MESSAGE, 'x-code': 'text' },
  );
}

/** A stored text: every language version it was given, keyed by ISO 639-1 code. */
export const LocalizedText = Type.Record(Type.String(), Type.String(), {
  description: 'The text in each language it was given, keyed by ISO 639-1 code (detected for plain strings)',
  example: { ja: '繊維', en: 'textiles' },
});

/** A one-line string that must contain something besides spaces. */
export function Line(maxLength: number, options: Record<string, unknown> = {}) {
  return Type.String({ maxLength, pattern: '\\S', 'x-message': 'must not be blank', 'x-code': 'blank', ...options });
}

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};
