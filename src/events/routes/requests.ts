import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid } from '../../domain/errors.ts';
import { principalOf } from '../../plugins/auth.ts';
import { IdParams, problems } from '../../schemas/common.ts';
import { MeetingRequest, OpenSlots, RequestAnswer, RequestInput, RequestList, RequestQuery } from '../../schemas/meetings.ts';
import { requestView } from '../requests.ts';
import { lookups } from './shared.ts';

/** Meeting requests: ask, list, accept or decline, withdraw; the slots an accepted one can take. */
export default async function requestRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events, meetings, requests, booking } = app;
  const { eventOr404, attendeeOr404, requestOr404 } = lookups(app);
  const now = () => app.now();

  app.post(
    '/api/events/:id/requests',
    {
      config: { access: 'request-maker' },
      schema: {
        tags: ['meetings'],
        summary: 'Request a meeting with another organisation',
        params: IdParams,
        body: RequestInput,
        response: { 201: MeetingRequest, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      const event = eventOr404(request.params.id);
      const from = events.attendee(request.body.fromAttendeeId);
      if (!from || from.eventId !== event.id)
        throw invalid('The requester must attend this event', [{ field: 'fromAttendeeId', message: 'is not an attendee of this event', code: 'not-attendee' }]);
      return reply.code(201).send(requests.create(event, from, request.body.toOrganizationId, request.body.message, request.body.part));
    },
  );

  app.get(
    '/api/events/:id/requests',
    {
      config: { access: 'any' },
      schema: {
        tags: ['meetings'],
        summary: 'Meeting requests (an organisation or attendee sees those of its organisation)',
        params: IdParams,
        querystring: RequestQuery,
        response: { 200: RequestList, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const attendees = new Map(events.attendees(event.id, undefined, { withRemoved: true }).map((a) => [a.id, a]));
      const orgOf = (attendeeId: number) => attendees.get(attendeeId)?.organizationId;
      const p = principalOf(request);
      const page = meetings
        .requests(event.id)
        .map((r) => requestView(r, now()))
        .filter((r) => p.role === 'matchmaker' || r.toOrganizationId === p.organizationId || orgOf(r.fromAttendeeId) === p.organizationId)
        .filter((r) => !request.query.status || r.status === request.query.status)
        .slice(request.query.offset, request.query.offset + request.query.limit);
      const ids = [...new Set(page.flatMap((r) => [r.toOrganizationId, orgOf(r.fromAttendeeId) ?? 0]))];
      const names = meetings.organizationNames(ids);
      const labels = meetings.organizationLabels(ids);
      return {
        items: page.map((r) => {
          const organizationId = orgOf(r.fromAttendeeId) ?? 0;
          const asker = attendees.get(r.fromAttendeeId);
          return {
            ...r,
            from: {
              name: asker?.name ?? '',
              nameLatin: asker?.nameLatin ?? '',
              organizationId,
              organization: names.get(organizationId) ?? '',
              organizationName: labels.get(organizationId)?.name ?? {},
              organizationLatin: labels.get(organizationId)?.nameLatin ?? '',
            },
            toOrganization: names.get(r.toOrganizationId) ?? '',
            toOrganizationName: labels.get(r.toOrganizationId)?.name ?? {},
            toOrganizationLatin: labels.get(r.toOrganizationId)?.nameLatin ?? '',
          };
        }),
      };
    },
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/api/requests/:id/${answer}`,
      {
        config: { access: 'request-recipient' },
        schema: {
          tags: ['meetings'],
          summary: `${answer === 'accept' ? 'Accept' : 'Decline'} a meeting request (the requested organisation)`,
          params: IdParams,
          body: Type.Optional(RequestAnswer),
          response: { 200: MeetingRequest, ...problems(400, 401, 403, 404, 409, 415, 422) },
        },
      },
      async (request) => {
        const row = requestOr404(request.params.id);
        const p = principalOf(request);
        // Who answers: the attendee named, else the caller if an attendee, else the organisation's first.
        const responderId = request.body?.attendeeId ?? (p.role === 'attendee' ? p.attendeeId : events.attendees(row.eventId, row.toOrganizationId)[0]?.id);
        const responder = responderId ? events.attendee(responderId) : null;
        if (!responder)
          throw invalid('Nobody attends for the requested organisation', [
            { field: 'attendeeId', message: 'no attendee to answer', code: 'no-attendee', params: { organizationId: row.toOrganizationId } },
          ]);
        const answered = requests.answer(row, answer === 'accept' ? 'accepted' : 'declined', responder);
        app.audit.record(request, `request.${answered.status}`, 'request', row.id, { respondedBy: responder.id });
        return requestView(answered, now());
      },
    );
  }

  app.post(
    '/api/requests/:id/cancel',
    {
      config: { access: 'request-sender' },
      schema: {
        tags: ['meetings'],
        summary: 'Withdraw a request (its meeting, if booked, is cancelled)',
        params: IdParams,
        response: { 200: MeetingRequest, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const cancelled = requests.cancel(requestOr404(request.params.id));
      app.audit.record(request, 'request.cancelled', 'request', cancelled.id, {});
      return requestView(cancelled, now());
    },
  );

  app.get(
    '/api/requests/:id/slots',
    {
      config: { access: 'request-party' },
      schema: {
        tags: ['meetings'],
        summary: 'Slots where an accepted request can be booked now (both sides free, a table and an interpreter if needed)',
        params: IdParams,
        response: { 200: OpenSlots, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const req = requestOr404(request.params.id);
      const event = eventOr404(req.eventId);
      attendeeOr404(req.fromAttendeeId);
      const status = requestView(req, now()).status;
      if (status !== 'accepted')
        throw invalid('Only an accepted request can be booked', [
          { field: 'id', message: `request ${req.id} is ${status}`, code: 'not-accepted', params: { requestId: req.id, status } },
        ]);
      return { items: booking.openSlots(event, [req.fromAttendeeId, req.respondedBy ?? 0]) };
    },
  );
}
