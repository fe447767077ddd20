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
    code: Type.Optional(
      Type.String({
        description:
          'What is wrong as a whole, for programs and translations: validation, not-found, forbidden, already-requested, already-meeting, person-taken, import-rows, invalid-encoding…',
      }),
    ),
    params: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'The numbers, names and times (UTC instants) its wording needs' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          row: Type.Optional(Type.Integer()),
          externalId: Type.Optional(Type.String()),
          code: Type.Optional(
            Type.String({
              description:
                'What is wrong, for programs and translations: required, unknown-field, format, enum, max-length, min-length, minimum, maximum, type, min-items, max-items, unique-items, text, blank, clock, phone, http-url, edge-spaces…',
            }),
          ),
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
      code: 'validation',
      params: { count: 1 },
      errors: [{ field: 'country', message: 'must be an ISO 3166-1 alpha-2 country code such as JP or MN' }],
    },
  },
);

export const ProblemRef = Type.Ref('Problem');

/** Problem responses by status, to spread into a route's `response` (served as application/problem+json). */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: STATUS_CODES[status] ?? 'Error', content: { 'application/problem+json': { schema: ProblemRef } } }]),
  );
}

const LOCALIZED_TEXT_MESSAGE = 'must be a text: a non-empty string, or an object with at least one of ja, mn, en';

/** A text as clients send it: a string (language detected) or `{ ja?, mn?, en? }`. */
export function TextInput(maxLength: number, { oneLine = false }: { oneLine?: boolean } = {}) {
  const version = (oneLine ? Line : Paragraph)(maxLength);
  return Type.Union(
    [
      version,
      Type.Object({ ja: Type.Optional(version), mn: Type.Optional(version), en: Type.Optional(version) }, { additionalProperties: false, minProperties: 1 }),
    ],
    { 'x-message': LOCALIZED_TEXT_MESSAGE, 'x-code': 'text' },
  );
}

/** A stored text: every language version it was given, keyed by ISO 639-1 code. */
export const LocalizedText = Type.Record(Type.String(), Type.String(), {
  description: 'The text in each language it was given, keyed by ISO 639-1 code (detected for plain strings)',
  example: { ja: '繊維', en: 'textiles' },
});

/**
 * Something a reader can see: zero-width spaces, joiners and other format characters (\p{C}) do not
 * count, so a name made only of them is blank.
 */
const VISIBLE = '[^\\s\\p{C}]';

/**
 * A one-line string with something visible in it. Line breaks and other control characters are
 * refused (format `line`): a name travels into calendar files, CSV cells and e-mail headers, where a
 * line break starts a new entry.
 */
export function Line(maxLength: number, options: Record<string, unknown> = {}) {
  return Type.String({ maxLength, format: 'line', pattern: VISIBLE, 'x-message': 'must not be blank', 'x-code': 'blank', ...options });
}

/** A text that may span lines (tabs and line breaks allowed, other control characters not). */
export function Paragraph(maxLength: number, options: Record<string, unknown> = {}) {
  return Type.String({ maxLength, format: 'text', pattern: VISIBLE, 'x-message': 'must not be blank', 'x-code': 'blank', ...options });
}

/**
 * The largest id or count a URL may carry: JavaScript numbers are exact up to 2^53 - 1, SQLite
 * integers up to 2^63 - 1; anything larger would be rounded or overflow, so it is refused (400).
 */
export const MAX_ID = 2 ** 31 - 1;
/** The largest `offset` a list takes (far beyond any list here, far below what overflows). */
export const MAX_OFFSET = 1_000_000_000;

export const Id = (options: Record<string, unknown> = {}) => Type.Integer({ minimum: 1, maximum: MAX_ID, ...options });

export const IdParams = Type.Object({ id: Id() });

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
};
