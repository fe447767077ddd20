import { STATUS_CODES } from 'node:http';

export interface ProblemField {
  /** Dotted path of the field, e.g. `offers.1` or `contact.email`; empty for the whole value. */
  field: string;
  message: string;
  /** In bulk imports: the row, and its externalId when it has one. */
  row?: number;
  externalId?: string;
  /** What is wrong, in a word for programs and translations (see FieldProblem in validation.ts). */
  code?: string;
  /** The numbers or names the message mentions (limit, format, values, type). */
  params?: Record<string, unknown>;
}

/**
 * An error that is meant for the client: thrown anywhere in a request, the error handler sends it as
 * `application/problem+json` (RFC 9457) with its status, a stable `type` slug and the fields at fault.
 */
export class HttpProblem extends Error {
  readonly statusCode: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: ProblemField[];

  constructor(status: number, slug: string, detail: string, errors?: ProblemField[], title?: string) {
    super(detail);
    this.statusCode = status;
    this.type = problemType(slug);
    this.title = title ?? STATUS_CODES[status] ?? 'Error';
    if (errors) this.errors = errors;
  }

  /** For `value ?? notFound(...).throw()`. */
  throw(): never {
    throw this;
  }
}

export function problemType(slug: string): string {
  return `urn:musubi:problem:${slug}`;
}

export const notFound = (what: string) => new HttpProblem(404, 'not-found', `${what} does not exist`);
export const forbidden = (detail: string) => new HttpProblem(403, 'forbidden', detail);
export const conflict = (detail: string, errors?: ProblemField[]) => new HttpProblem(409, 'conflict', detail, errors);
export const invalid = (detail: string, errors: ProblemField[]) =>
  new HttpProblem(422, 'validation', detail, errors, 'Invalid request');
