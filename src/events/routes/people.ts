import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../domain/errors.ts';
import { principalOf } from '../../plugins/auth.ts';
import { scopeOf } from '../../policy.ts';
import { IdParams, problems } from '../../schemas/common.ts';
import { Attendee, AttendeeInput, AttendeeList, Interpreter, InterpreterInput, InterpreterList } from '../../schemas/events.ts';
import { IssuedToken, TokenCreate } from '../../schemas/tokens.ts';
import { tokenView } from '../../tokens/routes.ts';
import { lookups } from './shared.ts';

/** The people of a session: attendees (and their tokens) and interpreters. */
export default async function peopleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events, sessions, booking } = app;
  const { eventOr404, attendeeOr404 } = lookups(app);

  app.post(
    '/api/events/:id/attendees',
    {
      config: { access: 'own-attendee' },
      schema: {
        tags: ['events'],
        summary: 'Register a person attending for an organisation',
        params: IdParams,
        body: AttendeeInput,
        response: { 201: Attendee, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      // A name is romanised as it is stored: right after a start, wait for kuromoji here (TextTools.loaded).
      await app.texts.loaded();
      return reply.code(201).send(sessions.addAttendee(eventOr404(request.params.id), request.body));
    },
  );

  app.get(
    '/api/events/:id/attendees',
    {
      config: { access: 'any' },
      schema: {
        tags: ['events'],
        summary: 'Attendees of a session (an organisation sees its own)',
        params: IdParams,
        response: { 200: AttendeeList, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      return { items: events.attendees(event.id, scopeOf(principalOf(request)).organizationId) };
    },
  );

  app.delete(
    '/api/attendees/:id',
    {
      schema: {
        tags: ['events'],
        summary: 'Remove an attendee: their meetings are cancelled (partners’ calendars update), their open requests withdrawn, their tokens deleted',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Removed' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const removed = booking.removeAttendee(request.params.id) ?? notFound(`Attendee ${request.params.id}`).throw();
      app.audit.record(request, 'attendee.removed', 'attendee', removed.attendee.id, {
        eventId: removed.attendee.eventId,
        cancelledMeetings: removed.cancelled.map((m) => m.id),
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/attendees/:id/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Issue a token for an attendee (own agenda, own requests and meetings)',
        params: IdParams,
        body: TokenCreate,
        response: { 201: IssuedToken, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      const attendee = attendeeOr404(request.params.id);
      const { row, token } = app.tokens.issue('attendee', attendee.organizationId, request.body?.label ?? null, attendee.id);
      app.audit.record(request, 'token.issued', 'token', row.id, { role: 'attendee', attendeeId: attendee.id });
      return reply.code(201).send({ ...tokenView(row), token });
    },
  );

  app.post(
    '/api/events/:id/interpreters',
    {
      schema: {
        tags: ['events'],
        summary: 'Add an interpreter with their language pairs',
        params: IdParams,
        body: InterpreterInput,
        response: { 201: Interpreter, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request, reply) => {
      await app.texts.loaded();
      return reply.code(201).send(sessions.addInterpreter(eventOr404(request.params.id), request.body));
    },
  );

  app.get(
    '/api/events/:id/interpreters',
    {
      schema: { tags: ['events'], summary: 'Interpreters of a session', params: IdParams, response: { 200: InterpreterList, ...problems(400, 401, 403, 404) } },
    },
    async (request) => ({ items: events.interpreters(eventOr404(request.params.id).id) }),
  );
}
