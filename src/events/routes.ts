import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../plugins/auth.ts';
import { Type } from 'typebox';
import type { AttendeeRow, EventRow, MeetingRequestRow, MeetingRow } from '../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../http/problem.ts';
import { localTime } from '../../matching/schedule/slots.ts';
import { IdParams, problems } from '../schemas/common.ts';
import {
  AgendaQuery, Attendee, AttendeeInput, AttendeeList, BookingInput, Event, EventInput, EventList, EventPatch, Figures,
  Interpreter, InterpreterInput, InterpreterList, Meeting, MeetingRequest, MovePatch, RequestAnswer, RequestInput, RequestList,
  OpenSlots, RequestQuery, ScheduleInput, ScheduleResult, TablesInput,
} from '../schemas/events.ts';
import { IssuedToken, TokenCreate } from '../schemas/tokens.ts';
import { tokenView } from '../tokens/routes.ts';
import { agendaCsv, agendaIcs, meetingView, type AgendaContext, type MeetingView } from './agenda.ts';
import { eventFigures } from './figures.ts';
import { organizationNames, requestView } from './meetings.ts';
import { assertDays, meetingsOffGrid, toEventView } from './model.ts';
import { describeUnplaced, scheduleInput } from './scheduling.ts';
import { scheduleMeetings } from '../../matching/schedule/scheduler.ts';
import { balanceInterpreters } from '../../matching/schedule/balance.ts';

const Table = Type.Object({ id: Type.Integer(), name: Type.String() }, { example: { id: 1, name: 'A1' } });

export default async function eventRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const events = app.events;
  const meetings = app.meetings;

  const eventOr404 = (id: number): EventRow => events.get(id) ?? notFound(`Event ${id}`).throw();
  const attendeeOr404 = (id: number): AttendeeRow => events.attendee(id) ?? notFound(`Attendee ${id}`).throw();
  const requestOr404 = (id: number): MeetingRequestRow => meetings.request(id) ?? notFound(`Request ${id}`).throw();
  const meetingOr404 = (id: number): MeetingRow => meetings.meeting(id) ?? notFound(`Meeting ${id}`).throw();

  /** Matchmakers act for anyone; an organisation for its own people; an attendee for itself. */
  const mayActFor = (request: FastifyRequest, attendee: Pick<AttendeeRow, 'id' | 'organizationId'>) => {
    const p = principalOf(request);
    return p.role === 'matchmaker' || (p.role === 'organization' && p.organizationId === attendee.organizationId) || (p.role === 'attendee' && p.attendeeId === attendee.id);
  };
  const mayActForOrganization = (request: FastifyRequest, organizationId: number) => {
    const p = principalOf(request);
    return p.role === 'matchmaker' || p.organizationId === organizationId;
  };
  const requireActFor = (request: FastifyRequest, attendee: AttendeeRow) => {
    if (!mayActFor(request, attendee)) throw forbidden(`This token may not act for attendee ${attendee.id}`);
  };

  /** Names for agendas and figures; `people` narrows the attendees loaded (one meeting needs two). */
  const context = (event: EventRow, people?: readonly number[]): AgendaContext => {
    const attendees = people ? events.attendeesByIds(people) : events.attendees(event.id, undefined, { withRemoved: true });
    return {
      event,
      tables: new Map(events.tables(event.id).map((t) => [t.id, t])),
      interpreters: new Map(events.interpreters(event.id).map((i) => [i.id, i])),
      attendees: new Map(attendees.map((a) => [a.id, a])),
      organizationNames: organizationNames(app.db, [...new Set(attendees.map((a) => a.organizationId))]),
    };
  };
  /**
   * A change of days, slot length, zone or online rule must leave every booked meeting where it is:
   * refused (409, naming them) rather than leaving meetings off the slot grid, where new bookings
   * would overlap them and the scheduler would not see them. Move or cancel them first.
   */
  const assertMeetingsStay = (event: EventRow, next: EventRow) => {
    const booked = meetings.meetings(event.id).filter((m) => m.status === 'scheduled');
    const stranded = [
      ...meetingsOffGrid(booked, next).map((m) => ({ m, why: 'would no longer be on a slot' })),
      ...(next.allowOnline ? [] : booked.filter((m) => m.online).map((m) => ({ m, why: 'is online, which the session would no longer allow' }))),
    ];
    if (!stranded.length) return;
    throw conflict(
      `${stranded.length} booked meeting${stranded.length === 1 ? '' : 's'} would be stranded by this change; move or cancel ${stranded.length === 1 ? 'it' : 'them'} first`,
      stranded.map(({ m, why }) => ({ field: 'days', message: `meeting ${m.id} at ${localTime(Date.parse(m.slotStart), event.timeZone)} ${why}`, code: 'meeting-stranded', params: { meetingId: m.id, start: m.slotStart } })),
    );
  };
  const viewOne = (m: MeetingRow) => meetingView(m, context(eventOr404(m.eventId), [m.attendeeAId, m.attendeeBId]));
  const now = () => app.now();

  // ---- events -------------------------------------------------------------------------------
  app.post('/api/events', {
    schema: { tags: ['events'], summary: 'Set up a matching session', body: EventInput, response: { 201: Event, ...problems(401, 403, 409, 413, 415, 422) } },
  }, async (request, reply) => {
    assertDays(request.body.days, request.body.slotMinutes, request.body.timeZone);
    const row = events.create(request.body);
    return reply.code(201).header('location', `/api/events/${row.id}`).send(toEventView(row, events.tables(row.id)));
  });

  app.get('/api/events', {
    config: { access: 'any' },
    schema: { tags: ['events'], summary: 'List matching sessions', response: { 200: EventList, ...problems(401) } },
  }, async () => ({ items: events.list().map((e) => toEventView(e, events.tables(e.id))) }));

  app.get('/api/events/:id', {
    config: { access: 'any' },
    schema: { tags: ['events'], summary: 'A session with its tables and slots (UTC and local time)', params: IdParams, response: { 200: Event, ...problems(400, 401, 404) } },
  }, async (request) => {
    const event = eventOr404(request.params.id);
    return toEventView(event, events.tables(event.id));
  });

  app.patch('/api/events/:id', {
    schema: {
      tags: ['events'], summary: 'Change a session',
      description: 'A change of days, slot length, time zone or online rule that would leave a booked meeting off the slot grid is refused (409, naming the meetings): move or cancel them first.',
      params: IdParams, body: EventPatch, response: { 200: Event, ...problems(400, 401, 403, 404, 409, 415, 422) },
    },
  }, async (request) => {
    const event = eventOr404(request.params.id);
    const next = { ...event, ...request.body };
    assertDays(next.days, next.slotMinutes, next.timeZone);
    assertMeetingsStay(event, next);
    const row = events.update(event.id, request.body)!;
    return toEventView(row, events.tables(row.id));
  });

  app.delete('/api/events/:id', {
    schema: { tags: ['events'], summary: 'Delete a session and everything in it', params: IdParams, response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 403, 404) } },
  }, async (request, reply) => {
    if (!events.delete(request.params.id)) throw notFound(`Event ${request.params.id}`);
    return reply.code(204).send(null);
  });

  app.post('/api/events/:id/tables', {
    schema: { tags: ['events'], summary: 'Add named tables', params: IdParams, body: TablesInput, response: { 201: Type.Object({ items: Type.Array(Table) }, { example: { items: [{ id: 4, name: 'B1' }] } }), ...problems(400, 401, 403, 404, 409, 415, 422) } },
  }, async (request, reply) => {
    const event = eventOr404(request.params.id);
    return reply.code(201).send({ items: events.addTables(event.id, request.body.names).map((t) => ({ id: t.id, name: t.name })) });
  });

  // ---- attendees and interpreters -------------------------------------------------------------
  app.post('/api/events/:id/attendees', {
    config: { access: 'any' },
    schema: { tags: ['events'], summary: 'Register a person attending for an organisation', params: IdParams, body: AttendeeInput, response: { 201: Attendee, ...problems(400, 401, 403, 404, 415, 422) } },
  }, async (request, reply) => {
    const event = eventOr404(request.params.id);
    const p = principalOf(request);
    if (p.role === 'attendee' || (p.role === 'organization' && p.organizationId !== request.body.organizationId)) throw forbidden('Only a matchmaker or the organisation itself may register its attendees');
    if (!app.organizations.get(request.body.organizationId)) throw invalid('No such organisation', [{ field: 'organizationId', message: 'does not exist' }]);
    return reply.code(201).send(events.addAttendee(event, request.body));
  });

  app.get('/api/events/:id/attendees', {
    config: { access: 'any' },
    schema: { tags: ['events'], summary: 'Attendees of a session (an organisation sees its own)', params: IdParams, response: { 200: AttendeeList, ...problems(400, 401, 404) } },
  }, async (request) => {
    const event = eventOr404(request.params.id);
    const p = principalOf(request);
    return { items: events.attendees(event.id, p.role === 'matchmaker' ? undefined : p.organizationId) };
  });

  app.delete('/api/attendees/:id', {
    schema: {
      tags: ['events'], summary: 'Remove an attendee: their meetings are cancelled (partners’ calendars update), their open requests withdrawn, their tokens deleted',
      params: IdParams, response: { 204: Type.Null({ description: 'Removed' }), ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const removed = meetings.removeAttendee(request.params.id) ?? notFound(`Attendee ${request.params.id}`).throw();
    app.audit.record(request, 'attendee.removed', 'attendee', removed.attendee.id, { eventId: removed.attendee.eventId, cancelledMeetings: removed.cancelled.map((m) => m.id) });
    return reply.code(204).send(null);
  });

  app.post('/api/attendees/:id/tokens', {
    schema: { tags: ['tokens'], summary: 'Issue a token for an attendee (own agenda, own requests and meetings)', params: IdParams, body: TokenCreate, response: { 201: IssuedToken, ...problems(400, 401, 403, 404, 415, 422) } },
  }, async (request, reply) => {
    const attendee = attendeeOr404(request.params.id);
    const { row, token } = app.tokens.issue('attendee', attendee.organizationId, request.body?.label ?? null, attendee.id);
    app.audit.record(request, 'token.issued', 'token', row.id, { role: 'attendee', attendeeId: attendee.id });
    return reply.code(201).send({ ...tokenView(row), token });
  });

  app.post('/api/events/:id/interpreters', {
    schema: { tags: ['events'], summary: 'Add an interpreter with their language pairs', params: IdParams, body: InterpreterInput, response: { 201: Interpreter, ...problems(400, 401, 403, 404, 415, 422) } },
  }, async (request, reply) => {
    const event = eventOr404(request.params.id);
    return reply.code(201).send(events.addInterpreter(event.id, request.body));
  });

  app.get('/api/events/:id/interpreters', {
    schema: { tags: ['events'], summary: 'Interpreters of a session', params: IdParams, response: { 200: InterpreterList, ...problems(400, 401, 403, 404) } },
  }, async (request) => ({ items: events.interpreters(eventOr404(request.params.id).id) }));

  // ---- requests ------------------------------------------------------------------------------
  app.post('/api/events/:id/requests', {
    config: { access: 'any' },
    schema: { tags: ['meetings'], summary: 'Request a meeting with another organisation', params: IdParams, body: RequestInput, response: { 201: MeetingRequest, ...problems(400, 401, 403, 404, 409, 415, 422) } },
  }, async (request, reply) => {
    const event = eventOr404(request.params.id);
    const from = events.attendee(request.body.fromAttendeeId);
    if (!from || from.eventId !== event.id) throw invalid('The requester must attend this event', [{ field: 'fromAttendeeId', message: 'is not an attendee of this event' }]);
    requireActFor(request, from);
    return reply.code(201).send(meetings.createRequest(event, from, request.body.toOrganizationId, request.body.message, now()));
  });

  app.get('/api/events/:id/requests', {
    config: { access: 'any' },
    schema: { tags: ['meetings'], summary: 'Meeting requests (an organisation or attendee sees those of its organisation)', params: IdParams, querystring: RequestQuery, response: { 200: RequestList, ...problems(400, 401, 404) } },
  }, async (request) => {
    const event = eventOr404(request.params.id);
    const attendees = new Map(events.attendees(event.id, undefined, { withRemoved: true }).map((a) => [a.id, a]));
    const orgOf = (attendeeId: number) => attendees.get(attendeeId)?.organizationId;
    const p = principalOf(request);
    const page = meetings.requests(event.id)
      .map((r) => requestView(r, now()))
      .filter((r) => p.role === 'matchmaker' || r.toOrganizationId === p.organizationId || orgOf(r.fromAttendeeId) === p.organizationId)
      .filter((r) => !request.query.status || r.status === request.query.status)
      .slice(request.query.offset, request.query.offset + request.query.limit);
    const names = organizationNames(app.db, [...new Set(page.flatMap((r) => [r.toOrganizationId, orgOf(r.fromAttendeeId) ?? 0]))]);
    return {
      items: page.map((r) => {
        const organizationId = orgOf(r.fromAttendeeId) ?? 0;
        return { ...r, from: { name: attendees.get(r.fromAttendeeId)?.name ?? '', organizationId, organization: names.get(organizationId) ?? '' }, toOrganization: names.get(r.toOrganizationId) ?? '' };
      }),
    };
  });

  for (const answer of ['accept', 'decline'] as const) {
    app.post(`/api/requests/:id/${answer}`, {
      config: { access: 'any' },
      schema: { tags: ['meetings'], summary: `${answer === 'accept' ? 'Accept' : 'Decline'} a meeting request (the requested organisation)`, params: IdParams, body: Type.Optional(RequestAnswer), response: { 200: MeetingRequest, ...problems(400, 401, 403, 404, 409, 415, 422) } },
    }, async (request) => {
      const row = requestOr404(request.params.id);
      const p = principalOf(request);
      if (!mayActForOrganization(request, row.toOrganizationId)) throw forbidden('Only the requested organisation may answer');
      const responderId = request.body?.attendeeId ?? (p.role === 'attendee' ? p.attendeeId : events.attendees(row.eventId, row.toOrganizationId)[0]?.id);
      const responder = responderId ? events.attendee(responderId) : null;
      if (!responder) throw invalid('Nobody attends for the requested organisation', [{ field: 'attendeeId', message: 'no attendee to answer' }]);
      requireActFor(request, responder);
      const answered = meetings.answerRequest(row, answer === 'accept' ? 'accepted' : 'declined', responder, now());
      app.audit.record(request, `request.${answered.status}`, 'request', row.id, { respondedBy: responder.id });
      return requestView(answered, now());
    });
  }

  app.post('/api/requests/:id/cancel', {
    config: { access: 'any' },
    schema: { tags: ['meetings'], summary: 'Withdraw a request (its meeting, if booked, is cancelled)', params: IdParams, response: { 200: MeetingRequest, ...problems(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const row = requestOr404(request.params.id);
    requireActFor(request, attendeeOr404(row.fromAttendeeId));
    const cancelled = meetings.cancelRequest(row, now());
    app.audit.record(request, 'request.cancelled', 'request', row.id, {});
    return requestView(cancelled, now());
  });

  // ---- meetings ------------------------------------------------------------------------------
  app.post('/api/events/:id/meetings', {
    config: { access: 'any' },
    schema: {
      tags: ['meetings'],
      summary: 'Book a meeting into a slot (table and interpreter picked if not given)',
      description: 'Double bookings of a person, a table or an interpreter are refused by the database itself: the answer is 409 naming what conflicts.',
      params: IdParams, body: BookingInput, response: { 201: Meeting, ...problems(400, 401, 403, 404, 409, 415, 422) },
    },
  }, async (request, reply) => {
    const event = eventOr404(request.params.id);
    const body = request.body;
    let attendeeIds: [number, number];
    if (body.requestId) {
      const req = requestOr404(body.requestId);
      if (req.eventId !== event.id) throw invalid('That request belongs to another event', [{ field: 'requestId', message: 'is not a request of this event' }]);
      if (requestView(req, now()).status !== 'accepted') throw invalid('Only an accepted request can be booked', [{ field: 'requestId', message: `is ${requestView(req, now()).status}` }]);
      attendeeIds = [req.fromAttendeeId, req.respondedBy ?? 0];
    } else if (body.attendeeIds) {
      // Without an accepted request nobody asked the other side: only a matchmaker may do that.
      if (principalOf(request).role !== 'matchmaker') throw forbidden('Book from an accepted request (requestId); only a matchmaker may pair two attendees directly');
      attendeeIds = [body.attendeeIds[0]!, body.attendeeIds[1]!];
    } else {
      throw invalid('Say who meets', [{ field: 'requestId', message: 'give requestId or attendeeIds' }]);
    }
    const people = events.attendeesByIds(attendeeIds);
    if (principalOf(request).role !== 'matchmaker' && !people.some((a) => mayActFor(request, a))) throw forbidden('Only a matchmaker or one of the two sides may book this meeting');
    const row = meetings.book(event, { attendeeIds, slotStart: Date.parse(body.slotStart), tableId: body.tableId, interpreterId: body.interpreterId, requestId: body.requestId ?? null, source: 'manual' });
    app.audit.record(request, 'meeting.booked', 'meeting', row.id, { slotStart: row.slotStart, tableId: row.tableId, interpreterId: row.interpreterId, attendeeIds });
    return reply.code(201).header('location', `/api/meetings/${row.id}`).send(viewOne(row));
  });

  app.get('/api/requests/:id/slots', {
    config: { access: 'any' },
    schema: {
      tags: ['meetings'],
      summary: 'Slots where an accepted request can be booked now (both sides free, a table and an interpreter if needed)',
      params: IdParams,
      response: { 200: OpenSlots, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const req = requestOr404(request.params.id);
    const event = eventOr404(req.eventId);
    const requester = attendeeOr404(req.fromAttendeeId);
    if (!mayActForOrganization(request, requester.organizationId) && !mayActForOrganization(request, req.toOrganizationId)) throw forbidden('Only a matchmaker or one of the two sides may see this');
    const status = requestView(req, now()).status;
    if (status !== 'accepted') throw invalid('Only an accepted request can be booked', [{ field: 'id', message: `request ${req.id} is ${status}` }]);
    return { items: meetings.openSlots(event, [req.fromAttendeeId, req.respondedBy ?? 0]) };
  });

  app.get('/api/meetings/:id', {
    config: { access: 'any' },
    schema: { tags: ['meetings'], summary: 'One meeting', params: IdParams, response: { 200: Meeting, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const m = meetingOr404(request.params.id);
    if (!events.attendeesByIds([m.attendeeAId, m.attendeeBId]).some((a) => mayActFor(request, a))) throw forbidden('Not your meeting');
    return viewOne(m);
  });

  app.patch('/api/meetings/:id', {
    config: { access: 'any' },
    schema: { tags: ['meetings'], summary: 'Move a meeting to another slot, table or interpreter (same calendar UID, higher SEQUENCE)', params: IdParams, body: MovePatch, response: { 200: Meeting, ...problems(400, 401, 403, 404, 409, 415, 422) } },
  }, async (request) => {
    const m = meetingOr404(request.params.id);
    if (!events.attendeesByIds([m.attendeeAId, m.attendeeBId]).some((a) => mayActFor(request, a))) throw forbidden('Not your meeting');
    const { slotStart, tableId, interpreterId } = request.body;
    const moved = meetings.move(eventOr404(m.eventId), m, { ...(slotStart ? { slotStart: Date.parse(slotStart) } : {}), ...(tableId ? { tableId } : {}), ...(interpreterId !== undefined ? { interpreterId } : {}) });
    app.audit.record(request, 'meeting.moved', 'meeting', m.id, { from: { slotStart: m.slotStart, tableId: m.tableId, interpreterId: m.interpreterId }, to: { slotStart: moved.slotStart, tableId: moved.tableId, interpreterId: moved.interpreterId } });
    return viewOne(moved);
  });

  app.post('/api/meetings/:id/cancel', {
    config: { access: 'any' },
    schema: { tags: ['meetings'], summary: 'Cancel a meeting; its slot, table and interpreter are free again', params: IdParams, response: { 200: Meeting, ...problems(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const m = meetingOr404(request.params.id);
    if (!events.attendeesByIds([m.attendeeAId, m.attendeeBId]).some((a) => mayActFor(request, a))) throw forbidden('Not your meeting');
    const cancelled = meetings.cancel(m);
    app.audit.record(request, 'meeting.cancelled', 'meeting', m.id, { slotStart: m.slotStart });
    return viewOne(cancelled);
  });

  // ---- agendas and figures -------------------------------------------------------------------
  app.get('/api/events/:id/agenda', {
    config: { access: 'any' },
    schema: {
      tags: ['meetings'],
      summary: 'Agenda of an attendee, organisation, table or interpreter as JSON, CSV or iCalendar',
      description: 'iCalendar entries keep their UID and raise SEQUENCE on every change, so re-importing updates them; cancelled meetings are included as CANCELLED.',
      params: IdParams, querystring: AgendaQuery,
      response: {
        200: {
          description: 'The agenda',
          content: {
            'application/json': { schema: Type.Object({ items: Type.Array(Meeting) }, { example: { items: [] } }) },
            'text/csv': { schema: Type.String({ example: 'meeting,status,start (Asia/Ulaanbaatar),…' }) },
            'text/calendar': { schema: Type.String({ example: 'BEGIN:VCALENDAR…' }) },
          },
        },
        ...problems(400, 401, 403, 404),
      },
    },
  }, async (request, reply) => {
    const event = eventOr404(request.params.id);
    const q = request.query;
    const p = principalOf(request);
    const ctx = context(event);
    let reader = event.timeZone;
    let title = event.name;
    let keep: (m: MeetingView) => boolean;
    if (q.attendeeId) {
      const attendee = ctx.attendees.get(q.attendeeId) ?? notFound(`Attendee ${q.attendeeId} at this event`).throw();
      requireActFor(request, attendee);
      reader = attendee.timeZone;
      title = `${event.name} – ${attendee.name}`;
      keep = (m) => m.attendees.some((a) => a.attendeeId === attendee.id);
    } else if (q.organizationId) {
      if (!mayActForOrganization(request, q.organizationId) || p.role === 'attendee') throw forbidden('Not your organisation');
      title = `${event.name} – ${ctx.organizationNames.get(q.organizationId) ?? q.organizationId}`;
      keep = (m) => m.attendees.some((a) => a.organizationId === q.organizationId);
    } else {
      if (p.role !== 'matchmaker') throw forbidden('Only a matchmaker sees table, interpreter and whole-event agendas');
      if (q.tableId) keep = (m) => m.table?.id === q.tableId;
      else if (q.interpreterId) keep = (m) => m.interpreter?.id === q.interpreterId;
      else keep = () => true;
    }
    const items = meetings.meetings(event.id).map((m) => meetingView(m, ctx)).filter(keep);
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="agenda.csv"').send(agendaCsv(items, event, reader));
    if (q.format === 'ics') return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="agenda.ics"').send(agendaIcs(items, event, title));
    return { items: items.filter((m) => m.status === 'scheduled') };
  });

  app.get('/api/events/:id/figures', {
    schema: { tags: ['events'], summary: 'Figures for matchmakers: meetings per organisation, slot and table use, interpreter load, requests', params: IdParams, response: { 200: Figures, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const event = eventOr404(request.params.id);
    return eventFigures(event, context(event), meetings.meetings(event.id), meetings.requests(event.id).map((r) => requestView(r, now())));
  });

  app.post('/api/events/:id/schedule', {
    schema: {
      tags: ['meetings'],
      summary: 'Run the automatic scheduler over approved pairs and accepted requests',
      description:
        'Places meetings to maximise the total match score, every organisation that has a pair getting at least one meeting ' +
        'where possible; accepted requests count as score 1. Booked meetings are kept; with replan the scheduler’s own earlier ' +
        'meetings are planned again (same calendar UIDs where a pair is placed again). Every pair it could not place is listed with the reason.',
      params: IdParams,
      body: Type.Optional(ScheduleInput),
      response: { 200: ScheduleResult, ...problems(400, 401, 403, 404, 415, 422) },
    },
  }, async (request) => {
    const event = eventOr404(request.params.id);
    const replan = request.body?.replan ?? false;
    await app.matching.idle();
    const all = meetings.meetings(event.id).filter((m) => m.status === 'scheduled');
    const kept = replan ? all.filter((m) => m.source === 'manual') : all;
    const input = scheduleInput({
      event,
      tables: events.tables(event.id),
      interpreters: events.interpreters(event.id),
      attendees: events.attendees(event.id),
      approved: app.matches.list({ status: 'approved', limit: 1_000_000, offset: 0 }).rows,
      accepted: meetings.requests(event.id).filter((r) => requestView(r, now()).status === 'accepted'),
      kept,
    });
    const plan = scheduleMeetings(input);
    const startOf = new Map(input.slots.map((s) => [s.id, s.start]));
    const placements = balanceInterpreters(input, plan.placements);
    const applied = meetings.applyPlan(event, placements.map((p) => ({ ...p, slotStart: startOf.get(p.slotId)! })), replan);
    app.audit.record(request, 'schedule.run', 'event', event.id, { replan, placed: applied.placed.length, unplaced: plan.unplaced.length, meetings: applied.placed.map((m) => m.id) });
    return {
      placed: applied.placed.length,
      kept: kept.length,
      totalScore: Math.round(plan.totalScore * 1e4) / 1e4,
      unplaced: [
        ...plan.unplaced.map(describeUnplaced),
        ...applied.failed.map((f) => ({ ...describeUnplaced({ pairKey: f.pairKey, reason: 'no-common-slot', detail: f.detail }), reason: 'conflict' })),
      ],
    };
  });
}
