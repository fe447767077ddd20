import { STATUS_CODES } from 'node:http';
import type { FieldError } from '../domain/errors.ts';

/** A field at fault, as problems carry it (see domain/errors.ts). */
export type ProblemField = FieldError;

/**
 * A refusal of the HTTP layer itself (no or bad token, too many requests, a body that is not JSON):
 * the error handler sends it as `application/problem+json` (RFC 9457) with its status, a stable
 * `type` slug and the fields at fault. The service's own rules throw DomainError instead.
 */
export class HttpProblem extends Error {
  readonly statusCode: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: ProblemField[];
  /** The slug, for programs and translations. */
  readonly code: string;
  readonly params?: Record<string, unknown>;

  constructor(status: number, slug: string, detail: string, errors?: ProblemField[], title?: string, params?: Record<string, unknown>) {
    super(detail);
    this.statusCode = status;
    this.type = problemType(slug);
    this.code = slug;
    this.title = title ?? STATUS_CODES[status] ?? 'Error';
    if (errors) this.errors = errors;
    if (params) this.params = params;
  }

  /** For `value ?? notFound(...).throw()`. */
  throw(): never {
    throw this;
  }
}

export function problemType(slug: string): string {
  return `urn:musubi:problem:${slug}`;
}
