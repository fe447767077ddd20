/**
 * What the service's own rules refuse, said without HTTP: repositories return rows or nothing,
 * domain code (booking, planning, imports) throws these, and one place (plugins/errors.ts) turns
 * them into application/problem+json with a status by kind.
 */
export type DomainErrorKind = 'malformed' | 'invalid' | 'forbidden' | 'not-found' | 'conflict';

/** A field at fault. */
export interface FieldError {
  /** Dotted path of the field, e.g. `offers.1` or `contact.email`; empty for the whole value. */
  field: string;
  message: string;
  /** In bulk imports: the row, and its externalId when it has one. */
  row?: number;
  externalId?: string;
  /** What is wrong, in a word for programs and translations (required, format, meeting-stranded…). */
  code?: string;
  /** The numbers or names the message mentions (limit, format, values, type, meetingId…). */
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly errors?: FieldError[],
    /** A more precise name than the kind's, for the problem's `type` (e.g. `malformed-csv`). */
    readonly slug?: string,
    /** What is wrong as a whole, for programs and translations (default: the one code its errors share, else the slug). */
    readonly code?: string,
    /** The numbers and names the problem's wording needs (counts, times, names). */
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** For `value ?? notFound(...).throw()`. */
  throw(): never {
    throw this;
  }
}

export const invalid = (detail: string, errors: FieldError[], code?: string, params?: Record<string, unknown>) =>
  new DomainError('invalid', detail, errors, undefined, code, params);
export const conflict = (detail: string, errors?: FieldError[], code?: string, params?: Record<string, unknown>) =>
  new DomainError('conflict', detail, errors, undefined, code, params);
export const notFound = (what: string) => new DomainError('not-found', `${what} does not exist`, undefined, undefined, 'not-found', { what });
export const forbidden = (detail: string) => new DomainError('forbidden', detail);
export const malformed = (slug: string, detail: string, errors?: FieldError[]) => new DomainError('malformed', detail, errors, slug);
