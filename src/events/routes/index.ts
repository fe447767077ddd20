import type { FastifyInstance } from 'fastify';
import agendaRoutes from './agendas.ts';
import attendanceRoutes from './attendance.ts';
import checkInRoutes from './check-in.ts';
import liveRoutes from './live.ts';
import meetingRoutes from './meetings.ts';
import peopleRoutes from './people.ts';
import planningRoutes from './planning.ts';
import requestRoutes from './requests.ts';
import ruleRoutes from './rules.ts';
import sessionRoutes from './sessions.ts';
import sheetsRoutes from './sheets.ts';
import standbyRoutes from './standby.ts';

/** The routes of matching sessions, one file per resource. */
export default async function eventRoutes(app: FastifyInstance) {
  await app.register(sessionRoutes);
  await app.register(peopleRoutes);
  await app.register(requestRoutes);
  await app.register(ruleRoutes);
  await app.register(meetingRoutes);
  await app.register(agendaRoutes);
  await app.register(planningRoutes);
  await app.register(checkInRoutes);
  await app.register(attendanceRoutes);
  await app.register(standbyRoutes);
  await app.register(sheetsRoutes);
  await app.register(liveRoutes);
}
