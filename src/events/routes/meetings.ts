import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { invalid } from '../../domain/errors.ts';
import { IdParams, problems } from '../../schemas/common.ts';
import { BookingInput, Meeting, MovePatch } from '../../schemas/meetings.ts';
import { requestView } from '../requests.ts';
import { lookups } from './shared.ts';

/** Meetings: book into a slot, read, move, cancel. */
export default async function meetingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { booking } = app;
  const { eventOr404, requestOr404, meetingOr404, viewOne } = lookups(app);

  /** Who meets: the two sides of an accepted request, or (matchmakers only, see policy) two attendees. */
  const peopleOf = (eventId: number, body: { requestId?: number; attendeeIds?: number[] }): [number, number] => {
    if (body.requestId) {
      const req = requestOr404(body.requestId);
      if (req.eventId !== eventId)
        throw invalid('That request belongs to another event', [{ field: 'requestId', message: 'is not a request of this event', code: 'other-event' }]);
      const status = requestView(req, app.now()).status;
      if (status !== 'accepted')
        throw invalid('Only an accepted request can be booked', [
          { field: 'requestId', message: `is ${status}`, code: 'not-accepted', params: { requestId: req.id, status } },
        ]);
      return [req.fromAttendeeId, req.respondedBy ?? 0];
    }
    if (body.attendeeIds) return [body.attendeeIds[0]!, body.attendeeIds[1]!];
    throw invalid('Say who meets', [{ field: 'requestId', message: 'give requestId or attendeeIds', code: 'who-meets' }]);
  };

  app.post(
    '/api/events/:id/meetings',
    {
      config: { access: 'booking-party' },
      schema: {
        tags: ['meetings'],
        summary: 'Book a meeting into a slot (table and interpreter picked if not given)',
        description: 'Double bookings of a person, a table or an interpreter are refused by the database itself: the answer is 409 naming what conflicts.',
        params: IdParams,
        body: BookingInput,
        response: { 201: Meeting, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      const event = eventOr404(request.params.id);
      const { body } = request;
      const attendeeIds = peopleOf(event.id, body);
      const row = booking.book(event, {
        attendeeIds,
        slotStart: Date.parse(body.slotStart),
        tableId: body.tableId,
        interpreterId: body.interpreterId,
        requestId: body.requestId ?? null,
        source: 'manual',
      });
      app.audit.record(request, 'meeting.booked', 'meeting', row.id, {
        slotStart: row.slotStart,
        tableId: row.tableId,
        interpreterId: row.interpreterId,
        attendeeIds,
      });
      return reply.code(201).header('location', `/api/meetings/${row.id}`).send(viewOne(row));
    },
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { access: 'meeting-party' },
      schema: { tags: ['meetings'], summary: 'One meeting', params: IdParams, response: { 200: Meeting, ...problems(400, 401, 403, 404) } },
    },
    async (request) => viewOne(meetingOr404(request.params.id)),
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { access: 'meeting-party' },
      schema: {
        tags: ['meetings'],
        summary: 'Move a meeting to another slot, table or interpreter (same calendar UID, higher SEQUENCE)',
        params: IdParams,
        body: MovePatch,
        response: { 200: Meeting, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const m = meetingOr404(request.params.id);
      const { slotStart, tableId, interpreterId } = request.body;
      const moved = booking.move(eventOr404(m.eventId), m, {
        ...(slotStart ? { slotStart: Date.parse(slotStart) } : {}),
        ...(tableId ? { tableId } : {}),
        ...(interpreterId !== undefined ? { interpreterId } : {}),
      });
      app.audit.record(request, 'meeting.moved', 'meeting', m.id, {
        from: { slotStart: m.slotStart, tableId: m.tableId, interpreterId: m.interpreterId },
        to: { slotStart: moved.slotStart, tableId: moved.tableId, interpreterId: moved.interpreterId },
      });
      return viewOne(moved);
    },
  );

  app.post(
    '/api/meetings/:id/cancel',
    {
      config: { access: 'meeting-party' },
      schema: {
        tags: ['meetings'],
        summary: 'Cancel a meeting; its slot, table and interpreter are free again',
        params: IdParams,
        response: { 200: Meeting, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const m = meetingOr404(request.params.id);
      const cancelled = booking.cancel(m);
      app.audit.record(request, 'meeting.cancelled', 'meeting', m.id, { slotStart: m.slotStart });
      return viewOne(cancelled);
    },
  );
}
