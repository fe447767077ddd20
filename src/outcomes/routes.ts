import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../domain/errors.ts';
import { principalOf } from '../plugins/auth.ts';
import { IdParams, problems } from '../schemas/common.ts';
import { LinkParams } from '../schemas/messages.ts';
import { FeedbackInput, LinkAnswer, LinkForm, OutcomeReport, ReportQuery, Saved } from '../schemas/outcomes.ts';
import { Type } from 'typebox';

/** Feedback after a meeting and follow-ups months later: by the link in a message, or in the app. */
export default async function outcomeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Public: the link (256 random bits, one person, one meeting, one question) is the authorisation.
  const byLink = { config: { public: true } } as const;

  app.get(
    '/api/feedback/:token',
    {
      ...byLink,
      schema: {
        tags: ['outcomes'],
        summary: 'The feedback or follow-up form behind a link in a message (public: the link is the authorisation)',
        security: [],
        params: LinkParams,
        response: { 200: LinkForm, ...problems(400, 404) },
      },
    },
    async (request) => app.feedback.form(request.params.token),
  );

  app.put(
    '/api/feedback/:token',
    {
      ...byLink,
      schema: {
        tags: ['outcomes'],
        summary:
          'Answer the feedback (did it take place, interest, cooperation, what next) or the follow-up (negotiation, MoU, pilot, contract, investment, nothing)',
        description: 'Which one the link says. A second answer replaces the first.',
        security: [],
        params: LinkParams,
        body: LinkAnswer,
        response: { 200: Saved, ...problems(400, 404, 415, 422) },
      },
    },
    async (request) => ({ saved: true as const, answeredAt: app.feedback.answerByLink(request.params.token, request.body).answeredAt }),
  );

  app.get(
    '/api/outcomes',
    {
      schema: {
        tags: ['outcomes'],
        summary:
          'Outcome report of a session, of every session of a programme, or of all: the funnel, by country, kind, sector and SDG, who answered, per pair what happened',
        description: 'format=csv gives a spreadsheet for a donor report: table=pairs (per pair) or table=breakdown (the funnel by dimension).',
        querystring: ReportQuery,
        response: {
          200: {
            description: 'The report',
            content: {
              'application/json': { schema: OutcomeReport },
              'text/csv': { schema: Type.String({ example: 'organisation A,organisation B,fit,suggested,…' }) },
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { eventId, programme, format, table } = request.query;
      const scope = { ...(eventId !== undefined ? { eventId } : {}), ...(programme !== undefined ? { programme } : {}) };
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="musubi-outcomes-${table}.csv"`)
          .send(app.reports.csv(scope, table));
      return app.reports.report(scope);
    },
  );

  app.put(
    '/api/meetings/:id/feedback',
    {
      config: { access: 'meeting-side' },
      schema: {
        tags: ['outcomes'],
        summary: 'Feedback on a meeting from one side, in the app (a token answers for its own organisation)',
        params: IdParams,
        body: FeedbackInput,
        response: { 200: Saved, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const meeting = app.meetings.meeting(request.params.id) ?? notFound(`Meeting ${request.params.id}`).throw();
      const p = principalOf(request);
      const { organizationId, ...answer } = request.body;
      const saved = app.feedback.answerInApp(
        meeting,
        organizationId ?? (p.role === 'matchmaker' ? undefined : p.organizationId),
        p.role === 'attendee' ? p.attendeeId : null,
        answer,
      );
      return { saved: true as const, answeredAt: saved.answeredAt };
    },
  );
}
