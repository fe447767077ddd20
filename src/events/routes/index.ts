import type { FastifyInstance } from 'fastify';
import agendaRoutes from './agendas.ts';
import meetingRoutes from './meetings.ts';
import peopleRoutes from './people.ts';
import planningRoutes from './planning.ts';
import requestRoutes from './requests.ts';
import sessionRoutes from './sessions.ts';

/** The routes of matching sessions, one file per resource. */
export default async function eventRoutes(app: FastifyInstance) {
  await app.register(sessionRoutes);
  await app.register(peopleRoutes);
  await app.register(requestRoutes);
  await app.register(meetingRoutes);
  await app.register(agendaRoutes);
  await app.register(planningRoutes);
}
