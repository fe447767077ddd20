import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createBooking, type Booking } from '../events/booking.ts';
import { createMeetingsRepository, type MeetingsRepository } from '../events/meetings-repository.ts';
import { createEventsRepository, type EventsRepository } from '../events/repository.ts';
import { createRequests, type Requests } from '../events/requests.ts';
import { createSessions, type Sessions } from '../events/sessions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventsRepository;
    meetings: MeetingsRepository;
    sessions: Sessions;
    booking: Booking;
    requests: Requests;
  }
}

/** Sessions, requests and bookings: the repositories and the domain modules built on them. */
export default fp(
  async function eventsPlugin(app: FastifyInstance) {
    const events = createEventsRepository(app.db, app.now);
    const meetings = createMeetingsRepository(app.db, app.now);
    app.decorate('events', events);
    app.decorate('meetings', meetings);
    events.fillLatinNames(app.romanize.text);
    app.decorate('sessions', createSessions(events, meetings, (id) => app.organizations.get(id) !== null, app.romanize.text));
    // Their rules tell the people concerned through the outbox, inside the same transaction.
    app.decorate('booking', createBooking(meetings, app.messages.notices));
    app.decorate('requests', createRequests(meetings, app.now, app.messages.notices));
  },
  { name: 'events', dependencies: ['database', 'organizations', 'messages'] },
);
