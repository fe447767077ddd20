import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../domain/errors.ts';
import { IdParams, problems } from '../../schemas/common.ts';
import { AgendaQuery, Figures, Meeting } from '../../schemas/meetings.ts';
import { agendaCsv, agendaIcs, meetingView, type MeetingView } from '../agenda.ts';
import { agendaLang } from '../agenda-words.ts';
import { eventFigures } from '../figures.ts';
import { requestView } from '../requests.ts';
import { idleByAttendee } from '../rules.ts';
import { Idle } from '../../schemas/rules.ts';
import { lookups } from './shared.ts';

/** Agendas (JSON, CSV, iCalendar) of an attendee, organisation, table, interpreter or session; figures. */
export default async function agendaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { meetings } = app;
  const { eventOr404, context } = lookups(app);

  app.get(
    '/api/events/:id/agenda',
    {
      config: { access: 'agenda-reader' },
      schema: {
        tags: ['meetings'],
        summary: 'Agenda of an attendee, organisation, table or interpreter as JSON, CSV or iCalendar',
        description:
          'iCalendar entries keep their UID and raise SEQUENCE on every change, so re-importing updates them; cancelled meetings are included as CANCELLED.',
        params: IdParams,
        querystring: AgendaQuery,
        response: {
          200: {
            description: 'The agenda',
            content: {
              'application/json': {
                schema: Type.Object(
                  { items: Type.Array(Meeting), idle: Type.Optional(Idle) },
                  { example: { items: [], idle: { breaks: 1, idleMinutes: 30, days: [{ day: '2026-12-08', meetings: 3, breaks: 1, idleMinutes: 30 }] } } },
                ),
              },
              'text/csv': { schema: Type.String({ example: 'meeting,status,start (Asia/Ulaanbaatar),…' }) },
              'text/calendar': { schema: Type.String({ example: 'BEGIN:VCALENDAR…' }) },
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const event = eventOr404(request.params.id);
      const q = request.query;
      const ctx = context(event);
      let reader = event.timeZone;
      let readerLanguages: string[] = [];
      let title = event.name;
      let keep: (m: MeetingView) => boolean;
      if (q.attendeeId) {
        const attendee = ctx.attendees.get(q.attendeeId) ?? notFound(`Attendee ${q.attendeeId} at this event`).throw();
        reader = attendee.timeZone;
        readerLanguages = attendee.languages;
        title = `${event.name} – ${attendee.name}`;
        keep = (m) => m.attendees.some((a) => a.attendeeId === attendee.id);
      } else if (q.organizationId) {
        title = `${event.name} – ${ctx.organizationNames.get(q.organizationId) ?? q.organizationId}`;
        keep = (m) => m.attendees.some((a) => a.organizationId === q.organizationId);
      } else if (q.tableId) keep = (m) => m.table?.id === q.tableId;
      else if (q.interpreterId) keep = (m) => m.interpreter?.id === q.interpreterId;
      else keep = () => true;
      const items = meetings
        .meetings(event.id)
        .map((m) => meetingView(m, ctx))
        .filter(keep);
      const lang = agendaLang(q.lang, readerLanguages);
      if (q.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="agenda.csv"')
          .send(agendaCsv(items, event, reader, lang));
      if (q.format === 'ics')
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'attachment; filename="agenda.ics"')
          .send(agendaIcs(items, event, title, lang));
      // An attendee's agenda says how idle their days are (breaks and idle minutes per day).
      const idle = q.attendeeId
        ? (idleByAttendee(event, meetings.scheduledOfAttendee(q.attendeeId)).get(q.attendeeId) ?? { breaks: 0, idleMinutes: 0, days: [] })
        : undefined;
      return { items: items.filter((m) => m.status === 'scheduled' || q.withCancelled), ...(idle ? { idle } : {}) };
    },
  );

  app.get(
    '/api/events/:id/figures',
    {
      schema: {
        tags: ['events'],
        summary: 'Figures for matchmakers: meetings per organisation, slot and table use, interpreter load, requests',
        params: IdParams,
        response: { 200: Figures, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      return eventFigures(
        event,
        context(event),
        meetings.meetings(event.id),
        meetings.requests(event.id).map((r) => requestView(r, app.now())),
      );
    },
  );
}
