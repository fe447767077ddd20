import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createAvailability, type Availability } from '../events/availability.ts';
import { createBooking, type Booking } from '../events/booking.ts';
import { createCheckIn, type CheckIn } from '../events/check-in.ts';
import { createDayRepository, type DayRepository } from '../events/day-repository.ts';
import { createStandby, type Standby } from '../events/standby.ts';
import { cachedRelations } from '../events/relations-cache.ts';
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
    availability: Availability;
    requests: Requests;
    day: DayRepository;
    checkIn: CheckIn;
    standby: Standby;
  }
}

/** Sessions, requests, bookings and the event day: the repositories and the domain modules built on them. */
export default fp(
  async function eventsPlugin(app: FastifyInstance) {
    const events = createEventsRepository(app.db, app.now);
    const meetings = createMeetingsRepository(app.db, app.now);
    app.decorate('events', events);
    app.decorate('meetings', meetings);
    events.fillLatinNames(app.romanize.text);
    app.decorate(
      'sessions',
      createSessions(events, meetings, (id) => app.organizations.get(id) !== null, app.romanize.text),
    );
    // Their rules tell the people concerned through the outbox, inside the same transaction.
    const booking = createBooking(meetings, app.messages.notices);
    app.decorate('booking', booking);
    app.decorate('availability', createAvailability(meetings, app.messages.notices));
    const requests = createRequests(meetings, app.now, app.messages.notices);
    // Asked by every suggestions answer: kept per organisation until a write or an expiry changes it.
    app.decorate('requests', { ...requests, relationsOf: cachedRelations(app.db, app.now, requests.relationsUntil) });
    const day = createDayRepository(app.db);
    app.decorate('day', day);
    app.decorate('checkIn', createCheckIn(events, meetings, day, app.now, app.messages.notices));
    app.decorate(
      'standby',
      createStandby({
        events,
        meetings,
        day,
        booking,
        now: app.now,
        // The review queue as it stands when a proposal is made.
        approvedPairs: () => app.matches.list({ status: 'approved', limit: 1_000_000, offset: 0 }).rows,
      }),
    );
  },
  { name: 'events', dependencies: ['database', 'organizations', 'messages'] },
);
