import { DateTime } from 'luxon';
import type { FastifyInstance } from 'fastify';
import { mulberry32 } from '../matching/random.ts';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/client.ts';
import { attendees } from '../src/db/schema.ts';
import { loadDemoData } from '../seed/load.ts';

/**
 * `npm run simulate:day`: a simulated event day on the demo data, through the service's own routes.
 * The demo sessions are scheduled from the approved pairs (the seed's two best per organisation, or
 * `--approve N` best; `--limit N` caps everyone's meetings, so that some approved pairs stay on
 * standby), then on each day 10% of the attendees who have meetings that day do not come.
 * Two ways of finding out, each on a fresh database:
 *
 *   at check-in   everyone absent is marked 30 minutes before opening (the session's freeze is 30
 *                 minutes, so every slot of the day can still be re-filled);
 *   at the table  each absent person is marked 5 minutes into their first meeting, one after another
 *                 in time order (that meeting and any within the freeze are lost for good).
 *
 * After each marking the matchmaker applies every standby proposal. Meetings lost = meetings of
 * absent people cancelled; re-used = standby meetings booked into the freed slots. Several seeds
 * (which people are absent); the table prints each day and the total.
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SHARE = option('share', 0.1);
const SEEDS = option('seeds', 3);
const PER_ORG = option('approve', 2);
/** Meetings a person takes at most (the demo's 8 when not given): a lower cap leaves approved pairs unplaced, on standby. */
const LIMIT = option('limit', 0);
const TOKEN = 'simulate-day-matchmaker-token-000';

interface Row {
  scenario: string;
  session: string;
  day: string;
  attendees: number;
  meetings: number;
  absent: number;
  lost: number;
  reused: number;
}

async function freshApp(clock: { now: Date }): Promise<FastifyInstance> {
  const db = openDatabase(':memory:');
  loadDemoData(db);
  const app = await buildApp({ adminToken: TOKEN, db, now: () => clock.now, limits: { writesPerMinute: 1e9, failedSignInsPerMinute: 1e9 } });
  await app.matching.idle();
  if (LIMIT) app.db.update(attendees).set({ maxMeetings: LIMIT }).run();
  // What a matchmaker approves before the event: each organisation's PER_ORG best pairs.
  const perOrg = new Map<number, number>();
  const count = (id: number) => perOrg.get(id) ?? 0;
  for (const row of app.matches.list({ limit: 100_000, offset: 0, minScore: 0.05 }).rows) {
    if (count(row.orgAId) >= PER_ORG && count(row.orgBId) >= PER_ORG) continue;
    perOrg.set(row.orgAId, count(row.orgAId) + 1);
    perOrg.set(row.orgBId, count(row.orgBId) + 1);
    app.matches.decide(row.id, 'approved', 'simulation', 'simulation', clock.now.toISOString());
  }
  return app;
}

// biome-ignore lint/suspicious/noExplicitAny: a test reads answers of many shapes; each use names the fields it checks
async function call<T = any>(app: FastifyInstance, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await app.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

async function refill(app: FastifyInstance, eventId: number, date: string): Promise<number> {
  const preview = await call(app, 'GET', `/api/events/${eventId}/standby?date=${date}`);
  if (!preview.proposals.length) return 0;
  const applied = await call(app, 'POST', `/api/events/${eventId}/standby`, {
    date,
    proposals: preview.proposals.map((p: Record<string, unknown>) => ({
      attendeeIds: p.attendeeIds,
      slotStart: p.slotStart,
      tableId: p.tableId,
      interpreterId: p.interpreterId,
    })),
  });
  return applied.meetings.length;
}

async function simulate(scenario: 'at check-in' | 'at the table', seed: number): Promise<Row[]> {
  const clock = { now: new Date('2026-12-01T00:00:00Z') };
  const app = await freshApp(clock);
  const rows: Row[] = [];
  try {
    for (const event of (await call(app, 'GET', '/api/events')).items) {
      await call(app, 'POST', `/api/events/${event.id}/schedule`, {});
      const planned = (await call(app, 'GET', `/api/events/${event.id}/agenda`)).items as { id: number; start: string; attendees: { attendeeId: number }[] }[];
      for (const day of event.days as { date: string; open: string }[]) {
        const dateOf = (iso: string) => DateTime.fromISO(iso, { zone: event.timeZone }).toISODate();
        const today = planned.filter((m) => dateOf(m.start) === day.date);
        const people = [...new Set(today.flatMap((m) => m.attendees.map((a) => a.attendeeId)))].sort((a, b) => a - b);
        const random = mulberry32(seed * 1000 + event.id * 10 + rows.length);
        const absent = people
          .map((id) => ({ id, r: random() }))
          .sort((a, b) => a.r - b.r)
          .slice(0, Math.round(people.length * SHARE))
          .map((x) => x.id);
        const firstMeeting = (id: number) =>
          today
            .filter((m) => m.attendees.some((a) => a.attendeeId === id))
            .map((m) => m.start)
            .sort()[0]!;
        const opening = DateTime.fromISO(`${day.date}T${day.open}`, { zone: event.timeZone });
        let lost = 0;
        let reused = 0;
        const order = scenario === 'at check-in' ? absent : [...absent].sort((a, b) => firstMeeting(a).localeCompare(firstMeeting(b)));
        for (const id of order) {
          clock.now = scenario === 'at check-in' ? opening.minus({ minutes: 30 }).toJSDate() : new Date(Date.parse(firstMeeting(id)) + 5 * 60_000);
          const marked = await call(app, 'POST', `/api/events/${event.id}/check-ins`, { attendeeId: id, status: 'absent', date: day.date });
          lost += marked.cancelled.length;
          if (scenario === 'at the table') reused += await refill(app, event.id, day.date);
        }
        if (scenario === 'at check-in') reused += await refill(app, event.id, day.date);
        rows.push({ scenario, session: event.city, day: day.date, attendees: people.length, meetings: today.length, absent: absent.length, lost, reused });
      }
    }
  } finally {
    await app.close();
  }
  return rows;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
const all: Row[] = [];
for (const scenario of ['at check-in', 'at the table'] as const) {
  for (let seed = 1; seed <= SEEDS; seed++) all.push(...(await simulate(scenario, seed)));
}

console.log(
  `Simulated event day on the demo data: ${Math.round(SHARE * 100)} % no-shows, ${SEEDS} seeds, each organisation's ${PER_ORG} best pairs approved, at most ${LIMIT || "the demo's 8"} meetings a person (sums over the seeds)\n`,
);
console.log(
  '| found out | session, day | meetings planned | absent people | meetings lost | re-used from standby | lost for good | of planned, before → after |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---|');
const groups = new Map<string, Row[]>();
for (const r of all) groups.set(`${r.scenario}|${r.session}, ${r.day}`, [...(groups.get(`${r.scenario}|${r.session}, ${r.day}`) ?? []), r]);
const line = (label: string, rows: Row[]) => {
  const sum = (k: keyof Row) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const [scenario, where] = label.split('|');
  console.log(
    `| ${scenario} | ${where} | ${sum('meetings')} | ${sum('absent')} | ${sum('lost')} | ${sum('reused')} | ${sum('lost') - sum('reused')} | ${pct(sum('lost'), sum('meetings'))} → ${pct(sum('lost') - sum('reused'), sum('meetings'))} |`,
  );
};
for (const [label, rows] of groups) line(label, rows);
for (const scenario of ['at check-in', 'at the table'])
  line(
    `${scenario}|**all**`,
    all.filter((r) => r.scenario === scenario),
  );
