import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, problems } from '../../schemas/common.ts';
import { Sheets, SheetsQuery } from '../../schemas/event-day.ts';
import { sheetsData } from '../sheets.ts';
import { lookups } from './shared.ts';

/** What the printed sheets show: agendas with QR check-in codes, table and interpreter sheets, the grid, the check-in list. */
export default async function sheetsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events, meetings, day } = app;
  const { eventOr404 } = lookups(app);

  app.get(
    '/api/events/:id/sheets',
    {
      config: { access: 'agenda-reader' },
      schema: {
        tags: ['event day'],
        summary: 'Data for the printed sheets (an attendee’s or organisation’s agenda; everything for matchmakers)',
        description:
          'Names come with a Latin form for readers of the other script; check-in codes (and their QR codes) only for the people whose sheets these are.',
        params: IdParams,
        querystring: SheetsQuery,
        response: { 200: Sheets, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      day.fillCheckInCodes(event.id);
      const attendees = events.attendees(event.id, undefined, { withRemoved: true });
      return sheetsData({
        event,
        tables: events.tables(event.id),
        interpreters: events.interpreters(event.id),
        attendees,
        organizations: day.organizationLabels([...new Set(attendees.map((a) => a.organizationId))]),
        meetings: meetings.meetings(event.id),
        checkIns: day.allCheckIns(event.id),
        scope: request.query,
        now: app.now(),
      });
    },
  );
}
