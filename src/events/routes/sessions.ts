import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../domain/errors.ts';
import { IdParams, problems } from '../../schemas/common.ts';
import { Event, EventInput, EventList, EventPatch, TablesInput } from '../../schemas/events.ts';
import { toEventView } from '../model.ts';
import { lookups } from './shared.ts';

const Table = Type.Object({ id: Type.Integer(), name: Type.String() }, { example: { id: 1, name: 'A1' } });

/** Sessions: set up, list, read, change, delete; their tables. */
export default async function sessionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events, sessions } = app;
  const { eventOr404 } = lookups(app);

  app.post(
    '/api/events',
    {
      schema: { tags: ['events'], summary: 'Set up a matching session', body: EventInput, response: { 201: Event, ...problems(401, 403, 409, 413, 415, 422) } },
    },
    async (request, reply) => {
      const row = sessions.create(request.body);
      return reply
        .code(201)
        .header('location', `/api/events/${row.id}`)
        .send(toEventView(row, events.tables(row.id)));
    },
  );

  app.get(
    '/api/events',
    {
      config: { access: 'any' },
      schema: { tags: ['events'], summary: 'List matching sessions', response: { 200: EventList, ...problems(401) } },
    },
    async () => ({ items: events.list().map((e) => toEventView(e, events.tables(e.id))) }),
  );

  app.get(
    '/api/events/:id',
    {
      config: { access: 'any' },
      schema: {
        tags: ['events'],
        summary: 'A session with its tables and slots (UTC and local time)',
        params: IdParams,
        response: { 200: Event, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      return toEventView(event, events.tables(event.id));
    },
  );

  app.patch(
    '/api/events/:id',
    {
      schema: {
        tags: ['events'],
        summary: 'Change a session',
        description:
          'A change of days, slot length, time zone or online rule that would leave a booked meeting off the slot grid is refused (409, naming the meetings): move or cancel them first.',
        params: IdParams,
        body: EventPatch,
        response: { 200: Event, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const row = sessions.change(eventOr404(request.params.id), request.body);
      return toEventView(row, events.tables(row.id));
    },
  );

  app.delete(
    '/api/events/:id',
    {
      schema: {
        tags: ['events'],
        summary: 'Delete a session and everything in it',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!events.delete(request.params.id)) throw notFound(`Event ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/events/:id/tables',
    {
      schema: {
        tags: ['events'],
        summary: 'Add named tables',
        params: IdParams,
        body: TablesInput,
        response: {
          201: Type.Object({ items: Type.Array(Table) }, { example: { items: [{ id: 4, name: 'B1' }] } }),
          ...problems(400, 401, 403, 404, 409, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const tables = sessions.addTables(eventOr404(request.params.id), request.body.names);
      return reply.code(201).send({ items: tables.map((t) => ({ id: t.id, name: t.name })) });
    },
  );
}
