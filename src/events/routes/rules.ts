import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { setPairRules } from '../../matches/pair-rules.ts';
import { actorOf } from '../../plugins/audit.ts';
import { IdParams, problems } from '../../schemas/common.ts';
import { MeetingRequest } from '../../schemas/meetings.ts';
import { PairRule, PairRulesInput, PartOfDay, RequestPartInput, UnavailableInput, UnavailableResult } from '../../schemas/rules.ts';
import { requestView } from '../requests.ts';
import { lookups } from './shared.ts';

const PairRulesResult = Type.Object(
  { id: Type.Integer(), status: Type.String(), part: PartOfDay, rule: PairRule },
  { example: { id: 12, status: 'approved', part: 'morning', rule: 'pinned' } },
);

/**
 * The scheduling rules of real events, obeyed by the scheduler and by manual booking: a pair's part
 * of the day, pin or veto (review queue, matchmakers); a request's part of the day (either side);
 * an attendee's unavailable slots (the attendee, their organisation, or a matchmaker).
 */
export default async function ruleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { requests, availability } = app;
  const { eventOr404, attendeeOr404, requestOr404 } = lookups(app);

  app.put(
    '/api/matches/:id/rules',
    {
      schema: {
        tags: ['matching'],
        summary: "Set a pair's part of the day, or pin it (must meet) or veto it (never scheduled, never suggested)",
        description:
          'Rules hold for every session. Pinning approves the pair; vetoing rejects it and is refused (409 vetoed-pair-meets) while the two have a booked meeting.',
        params: IdParams,
        body: PairRulesInput,
        response: { 200: PairRulesResult, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const row = setPairRules(app.matches, app.meetings, request.params.id, request.body, actorOf(request), app.now().toISOString());
      app.audit.record(request, 'pair.rules', 'match', row.id, { part: row.part, rule: row.rule, orgAId: row.orgAId, orgBId: row.orgBId });
      return { id: row.id, status: row.status, part: row.part, rule: row.rule };
    },
  );

  app.put(
    '/api/requests/:id/part',
    {
      config: { access: 'request-party' },
      schema: {
        tags: ['meetings'],
        summary: 'Set the part of the day an open request asks for (morning, afternoon or any)',
        description: "By the session's own hours. Refused (409 booked-outside-part) when its meeting is already booked in the other part.",
        params: IdParams,
        body: RequestPartInput,
        response: { 200: MeetingRequest, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const row = requestOr404(request.params.id);
      const changed = requests.setPart(eventOr404(row.eventId), row, request.body.part);
      app.audit.record(request, 'request.part', 'request', row.id, { part: changed.part });
      return requestView(changed, app.now());
    },
  );

  app.put(
    '/api/attendees/:id/unavailable',
    {
      config: { access: 'attendee-self' },
      schema: {
        tags: ['events'],
        summary: "Replace an attendee's unavailable slots (after registration too)",
        description:
          'Meetings already booked in a newly unavailable slot are not dropped silently: the change is refused (409 meetings-in-unavailable, listing them) unless cancelMeetings is true, which cancels them and tells both sides.',
        params: IdParams,
        body: UnavailableInput,
        response: { 200: UnavailableResult, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const attendee = attendeeOr404(request.params.id);
      const result = availability.setUnavailable(eventOr404(attendee.eventId), attendee, request.body.slots, request.body.cancelMeetings ?? false);
      app.audit.record(request, 'attendee.unavailable', 'attendee', attendee.id, {
        unavailable: result.attendee.unavailable,
        cancelledMeetings: result.cancelled.map((m) => m.id),
      });
      return { attendeeId: attendee.id, unavailable: result.attendee.unavailable, cancelled: result.cancelled.map((m) => m.id) };
    },
  );
}
