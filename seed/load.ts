import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/client.ts';
import { createMeetingsRepository } from '../src/events/meetings-repository.ts';
import { createSessions } from '../src/events/sessions.ts';
import { createEventsRepository } from '../src/events/repository.ts';
import type { EventInput, InterpreterInput } from '../src/schemas/events.ts';
import { prepareImport, rowsFromJson } from '../src/organizations/import.ts';
import { createOrganizationsRepository } from '../src/organizations/repository.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export function demoOrganizations(): unknown {
  return JSON.parse(readFileSync(join(HERE, 'organizations.json'), 'utf8'));
}

/**
 * Loads the demo organisations into an empty database, through the same validation as an import.
 * Returns how many were loaded; 0 when the database already has organisations (never overwrite work).
 */
export function loadDemoData(db: Db, opts: { force?: boolean } = {}): number {
  const repo = createOrganizationsRepository(db);
  if (!opts.force && repo.count() > 0) return 0;
  const count = repo.upsertMany(prepareImport(rowsFromJson(demoOrganizations()))).length;
  loadDemoSessions(db);
  return count;
}

type DemoSession = EventInput & { hostCountry: string; interpreters: InterpreterInput[] };

/**
 * The two demo sessions (seed/sessions.json), once: in each, the host country's organisations attend
 * on site; of the visiting side, two in three travel and the rest join online from home, in their
 * own time zone. Attendees speak their organisation's meeting languages.
 */
export function loadDemoSessions(db: Db): void {
  const clock = () => new Date();
  const events = createEventsRepository(db, clock);
  const sessionRules = createSessions(events, createMeetingsRepository(db, clock), () => true);
  const sessions = JSON.parse(readFileSync(join(HERE, 'sessions.json'), 'utf8')) as DemoSession[];
  const organizations = createOrganizationsRepository(db).all();
  for (const { hostCountry, interpreters, ...input } of sessions) {
    if (events.list().some((e) => e.name === input.name)) continue;
    const event = sessionRules.create(input);
    for (const interpreter of interpreters) sessionRules.addInterpreter(event, interpreter);
    organizations.forEach((org, i) => {
      const visiting = org.country !== hostCountry;
      const online = visiting && i % 3 === 2;
      sessionRules.addAttendee(event, {
        organizationId: org.id,
        name: org.contactName ?? `Delegate of ${org.externalId}`,
        ...(org.contactEmail ? { email: org.contactEmail } : {}),
        languages: org.languages,
        timeZone: online ? (org.country === 'JP' ? 'Asia/Tokyo' : 'Asia/Ulaanbaatar') : event.timeZone,
        online,
        maxMeetings: 8,
      });
    });
  }
}

/**
 * Approves what a matchmaker would approve first in the demo: each organisation's two best pairs,
 * when they score at least `minScore`. Runs after the matching service has ranked the demo data.
 */
export async function approveDemoPairs(app: FastifyInstance, minScore = 0.05): Promise<number> {
  await app.matching.idle();
  const { rows } = app.matches.list({ limit: 100_000, offset: 0, minScore });
  const perOrg = new Map<number, number>();
  const count = (id: number) => perOrg.get(id) ?? 0;
  let approved = 0;
  for (const row of rows) {
    if (count(row.orgAId) >= 2 && count(row.orgBId) >= 2) continue;
    perOrg.set(row.orgAId, count(row.orgAId) + 1);
    perOrg.set(row.orgBId, count(row.orgBId) + 1);
    app.matches.decide(row.id, 'approved', 'Demo data: approved by the seed', 'seed', new Date().toISOString());
    approved++;
  }
  return approved;
}
