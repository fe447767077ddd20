/**
 * Sessions and the outside check of every scheduler promise, shared by the scheduler's tests
 * (schedule.test.ts) and the compacting pass's (compact.test.ts).
 */
import { mulberry32 } from '../../matching/random.ts';
import type { FixedMeeting, ScheduleInput, ScheduleResult, SchedAttendee, SchedInterpreter, SchedPair, SchedSlot } from '../../matching/schedule/types.ts';

export const HALF_HOUR = 30 * 60_000;

/** Half-hour slots from 09:00 in Ulaanbaatar (Asia/Ulaanbaatar, UTC+8) on 8 December 2026. */
export function slots(count: number): SchedSlot[] {
  const nine = Date.parse('2026-12-08T01:00:00Z');
  return Array.from({ length: count }, (_, i) => ({ id: i + 1, start: nine + i * HALF_HOUR, end: nine + (i + 1) * HALF_HOUR }));
}

export function person(id: number, organizationId: number, languages: string[], more: Partial<SchedAttendee> = {}): SchedAttendee {
  return { id, organizationId, languages, online: false, available: [1, 2, 3, 4, 5, 6, 7, 8], maxMeetings: 8, ...more };
}

export function pair(orgA: number, orgB: number, score: number): SchedPair {
  return { key: `${orgA}-${orgB}`, orgA, orgB, score };
}

export const jaMn = (id: number, available: number[]): SchedInterpreter => ({ id, pairs: [['ja', 'mn']], available });

export function session(input: Partial<ScheduleInput> & Pick<ScheduleInput, 'attendees' | 'pairs'>): ScheduleInput {
  return { slots: slots(1), tables: [{ id: 1 }], interpreters: [], fixed: [], allowOnline: true, ...input };
}

/**
 * Every promise of the scheduler, checked from the outside: no attendee, table or interpreter twice
 * in a slot (fixed meetings included), availability, limits, languages, the online rule, each pair
 * once, and every pair either placed or explained.
 */
export function checkPlan(input: ScheduleInput, result: ScheduleResult): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  const take = (what: string) => {
    if (used.has(what)) problems.push(`double booking of ${what}`);
    used.add(what);
  };
  const attendees = new Map(input.attendees.map((a) => [a.id, a]));
  const interpreters = new Map(input.interpreters.map((i) => [i.id, i]));
  const tables = new Map(input.tables.map((t) => [t.id, t]));
  const pairs = new Map(input.pairs.map((p) => [p.key, p]));
  const meetings = new Map<number, number>();
  const count = (id: number) => meetings.set(id, (meetings.get(id) ?? 0) + 1);
  for (const f of input.fixed) {
    for (const id of f.attendeeIds) {
      take(`attendee ${id} in slot ${f.slotId}`);
      count(id);
    }
    if (f.tableId !== null) take(`table ${f.tableId} in slot ${f.slotId}`);
    if (f.interpreterId !== null) take(`interpreter ${f.interpreterId} in slot ${f.slotId}`);
  }
  const covers = (i: SchedInterpreter, a: string[], b: string[]) =>
    i.pairs.some(([x, y]) => (a.includes(x) && b.includes(y)) || (a.includes(y) && b.includes(x)));
  for (const m of result.placements) {
    const p = pairs.get(m.pairKey)!;
    const [a, b] = m.attendeeIds.map((id) => attendees.get(id)!) as [SchedAttendee, SchedAttendee];
    if (a.organizationId !== p.orgA || b.organizationId !== p.orgB) problems.push(`${m.pairKey}: wrong organisations`);
    for (const x of [a, b]) {
      if (!x.available.includes(m.slotId)) problems.push(`${m.pairKey}: attendee ${x.id} not available in slot ${m.slotId}`);
      take(`attendee ${x.id} in slot ${m.slotId}`);
      count(x.id);
    }
    const online = input.allowOnline && (a.online || b.online);
    if (m.online !== online) problems.push(`${m.pairKey}: online should be ${online}`);
    if (online !== (m.tableId === null)) problems.push(`${m.pairKey}: table ${m.tableId} for an ${online ? 'online' : 'onsite'} meeting`);
    if (m.tableId !== null) {
      const table = tables.get(m.tableId);
      if (!table || (table.available && !table.available.includes(m.slotId))) problems.push(`${m.pairKey}: table ${m.tableId} not open`);
      take(`table ${m.tableId} in slot ${m.slotId}`);
    }
    const shared = a.languages.some((l) => b.languages.includes(l));
    if (shared !== (m.interpreterId === null)) problems.push(`${m.pairKey}: interpreter ${m.interpreterId} with shared language ${shared}`);
    if (m.interpreterId !== null) {
      const i = interpreters.get(m.interpreterId)!;
      if (!i.available.includes(m.slotId) || !covers(i, a.languages, b.languages)) problems.push(`${m.pairKey}: interpreter ${i.id} cannot take it`);
      take(`interpreter ${m.interpreterId} in slot ${m.slotId}`);
    }
  }
  const placedFor = new Set(result.placements.flatMap((m) => m.attendeeIds));
  for (const [id, n] of meetings) if (placedFor.has(id) && n > attendees.get(id)!.maxMeetings) problems.push(`attendee ${id} has ${n} meetings`);
  const fixedKeys = new Set(input.fixed.map((f) => f.pairKey));
  const reported = [...result.placements.map((m) => m.pairKey), ...result.unplaced.map((u) => u.pairKey)];
  const expected = input.pairs.map((p) => p.key).filter((k) => !fixedKeys.has(k));
  if (reported.length !== new Set(reported).size) problems.push('a pair reported twice');
  if ([...reported].sort().join() !== [...expected].sort().join()) problems.push('placed and unplaced pairs do not add up to the pairs');
  const total = result.placements.reduce((s, m) => s + pairs.get(m.pairKey)!.score, 0);
  if (Math.abs(total - result.totalScore) > 1e-9) problems.push(`total score ${result.totalScore} is not ${total}`);
  return problems;
}

/** A Tokyo-style session of 50 organisations, some with two attendees, some online, some booked by hand. */
export function randomSession(seed: number): ScheduleInput {
  const random = mulberry32(seed);
  const attendees: SchedAttendee[] = [];
  for (let org = 1; org <= 50; org++) {
    const japanese = org <= 25;
    for (let k = 0; k < (random() < 0.3 ? 2 : 1); k++) {
      const r = random();
      const languages = japanese ? (r < 0.7 ? ['ja'] : ['ja', 'en']) : r < 0.5 ? ['mn'] : r < 0.8 ? ['mn', 'en'] : ['mn', 'ja'];
      const from = random() < 0.2 ? 1 + Math.floor(random() * 4) : 1;
      const available = [1, 2, 3, 4, 5, 6, 7, 8].filter((s) => s >= from && s < from + (from > 1 ? 4 : 8));
      attendees.push(person(attendees.length + 1, org, languages, { online: random() < 0.15, available, maxMeetings: 2 + Math.floor(random() * 4) }));
    }
  }
  const pairs: SchedPair[] = [];
  const keys = new Set<string>();
  while (pairs.length < 120) {
    const p = pair(1 + Math.floor(random() * 25), 26 + Math.floor(random() * 25), Math.round(random() * 1000) / 1000 || 0.001);
    if (keys.has(p.key)) continue;
    keys.add(p.key);
    pairs.push(p);
  }
  const first = (org: number) => attendees.find((a) => a.organizationId === org)!.id;
  const fixed: FixedMeeting[] = [
    { pairKey: pairs[0]!.key, slotId: 4, attendeeIds: [first(pairs[0]!.orgA), first(pairs[0]!.orgB)], tableId: 2, interpreterId: 1 },
    { pairKey: null, slotId: 5, attendeeIds: [first(3), first(30)], tableId: 1, interpreterId: null },
  ];
  for (const f of fixed) for (const id of f.attendeeIds) attendees.find((a) => a.id === id)!.available = [1, 2, 3, 4, 5, 6, 7, 8];
  return {
    slots: slots(8),
    tables: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5, available: [1, 2, 3, 4] }, { id: 6, available: [5, 6, 7, 8] }],
    interpreters: [
      jaMn(1, [1, 2, 3, 4, 5, 6, 7, 8]),
      {
        id: 2,
        pairs: [
          ['ja', 'mn'],
          ['mn', 'en'],
        ],
        available: [1, 2, 3, 4],
      },
      { id: 3, pairs: [['ja', 'en']], available: [5, 6, 7, 8] },
    ],
    attendees,
    pairs,
    fixed,
    allowOnline: true,
  };
}
