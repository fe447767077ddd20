import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';
import { HttpProblem, problemType, type ProblemField } from '../http/problem.ts';
import { fieldProblems } from '../validation.ts';

/**
 * The one error shape: everything that goes wrong leaves as `application/problem+json`.
 * Fastify's own errors (bad JSON, body too large, wrong content type) are mapped to their status;
 * anything unexpected is logged and answered with a bare 500 that leaks nothing.
 */
export default fp(
  async function errors(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError | HttpProblem | DomainError, request, reply) => {
      if (error instanceof HttpProblem) {
        if (error.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="musubi"');
        return sendProblem(reply, request, error.statusCode, {
          type: error.type,
          title: error.title,
          detail: error.message,
          errors: error.errors,
          code: error.code,
          params: error.params,
        });
      }
      if (error instanceof DomainError) {
        const { status, slug, title } = DOMAIN_STATUS[error.kind];
        return sendProblem(reply, request, status, {
          type: problemType(error.slug ?? slug),
          title,
          detail: error.message,
          errors: error.errors,
          code: error.code ?? sharedCode(error.errors) ?? error.slug ?? slug,
          params: error.params ?? (error.errors?.length === 1 ? error.errors[0]!.params : undefined),
        });
      }
      if (error.validation) {
        const context = error.validationContext ?? 'body';
        const fields = fieldProblems(error.validation as never, context === 'body' ? '' : context);
        // A body that parses but says the wrong things is 422; a malformed query or path is 400.
        const status = context === 'body' ? 422 : 400;
        return sendProblem(reply, request, status, {
          type: problemType('validation'),
          title: 'Invalid request',
          detail: `${fields.length} field${fields.length === 1 ? ' is' : 's are'} invalid`,
          errors: fields,
          code: 'validation',
          params: { count: fields.length },
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        return sendProblem(reply, request, 500, {
          type: problemType('internal'),
          title: 'Internal Server Error',
          detail: 'Something went wrong on our side; the request was not applied.',
          code: 'internal',
        });
      }
      return sendProblem(reply, request, status, {
        type: problemType(slugFor(error.code)),
        title: titleFor(status),
        detail: error.message,
        code: slugFor(error.code),
      });
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, request, 404, {
        type: problemType('not-found'),
        title: 'Not Found',
        detail: `No route ${request.method} ${request.url.split('?')[0]}`,
        code: 'no-route',
      }),
    );
  },
  { name: 'errors' },
);

/** How each kind of domain error leaves: the one place that gives the service's rules an HTTP status. */
const DOMAIN_STATUS: Record<DomainErrorKind, { status: number; slug: string; title: string }> = {
  malformed: { status: 400, slug: 'bad-request', title: 'Bad Request' },
  invalid: { status: 422, slug: 'validation', title: 'Invalid request' },
  forbidden: { status: 403, slug: 'forbidden', title: 'Forbidden' },
  'not-found': { status: 404, slug: 'not-found', title: 'Not Found' },
  conflict: { status: 409, slug: 'conflict', title: 'Conflict' },
};

function slugFor(code: string | undefined): string {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body-too-large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported-media-type';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'bad-content-length';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'empty-body';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case undefined:
      return 'malformed-body';
    default:
      return 'bad-request';
  }
}

function titleFor(status: number): string {
  switch (status) {
    case 413:
      return 'Payload Too Large';
    case 415:
      return 'Unsupported Media Type';
    case 429:
      return 'Too Many Requests';
    default:
      return 'Bad Request';
  }
}

interface ProblemBody {
  type: string;
  title: string;
  detail?: string;
  errors?: ProblemField[];
  /** What is wrong, in a word the web app words in the reader's language (see src/web/client/i18n.ts). */
  code: string;
  params?: Record<string, unknown> | undefined;
}

/** The one code every field problem shares, if they share one. */
function sharedCode(errors: readonly ProblemField[] | undefined): string | undefined {
  const codes = new Set(errors?.map((e) => e.code));
  return codes.size === 1 ? [...codes][0] : undefined;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, body: ProblemBody) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...body, params: body.params ?? {}, status, instance: request.url.split('?')[0] });
}
