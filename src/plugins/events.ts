import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createEventsRepository, type EventsRepository } from '../events/repository.ts';
import { createMeetingsRepository, type MeetingsRepository } from '../events/meetings.ts';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventsRepository;
    meetings: MeetingsRepository;
  }
}

export default fp(
  async function eventsPlugin(app: FastifyInstance) {
    app.decorate('events', createEventsRepository(app.db, app.now));
    app.decorate('meetings', createMeetingsRepository(app.db, app.now));
  },
  { name: 'events', dependencies: ['database'] },
);
