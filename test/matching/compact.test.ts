import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../matching/random.ts';
import { dayBreaks } from '../../matching/schedule/breaks.ts';
import { planSchedule } from '../../matching/schedule/exact.ts';
import { DayBreaks } from '../../matching/schedule/passes/day-breaks.ts';
import { buildProblem } from '../../matching/schedule/problem.ts';
import { scheduleMeetings } from '../../matching/schedule/scheduler.ts';
import type { ScheduleInput, SchedAttendee, SchedPair } from '../../matching/schedule/types.ts';
import { checkPlan, pair, person, randomSession, slots } from './schedule-fixtures.ts';

/** One day of `count` slots, nobody booked, `people` attendees of their own organisations. */
function emptyDay(count: number, people: number): ScheduleInput {
  return {
    slots: slots(count),
    tables: [],
    interpreters: [],
    attendees: Array.from({ length: people }, (_, i) => person(i + 1, i + 1, ['en'])),
    pairs: [],
    fixed: [],
    allowOnline: false,
  };
}

describe('the compacting pass’s break counts (day-breaks.ts)', () => {
  // 21 slots: bit masks; 40 slots: more than a 32-bit mask holds, so a scan of the day.
  for (const count of [21, 40]) {
    it(`agrees with breaks.ts on random agendas of ${count} slots, before and after two slots swap`, () => {
      const pr = buildProblem(emptyDay(count, 60));
      const S = pr.S;
      const random = mulberry32(count);
      const cell = new Int32Array(60 * S).fill(-1);
      for (let k = 0; k < cell.length; k++) if (random() < 0.3) cell[k] = random() < 0.1 ? -2 : k;
      const days = new DayBreaks(pr, cell);
      let total = 0;
      for (let a = 0; a < 60; a++) {
        const busy = (s: number) => cell[a * S + s] !== -1;
        const expected = dayBreaks(busy, 0, S - 1);
        expect([days.br[a], days.gaps[a]]).toEqual([expected.breaks, dayBreaks(busy, 0, S - 1, new Float64Array(S).fill(1)).idleMinutes]);
        total += expected.breaks;
        const s = Math.floor(random() * S);
        const t = Math.floor(random() * S);
        const swappedBusy = (u: number) => busy(u === s ? t : u === t ? s : u);
        const breaks = days.swapped(a, s, t);
        expect([breaks, days.idle]).toEqual([
          dayBreaks(swappedBusy, 0, S - 1).breaks,
          dayBreaks(swappedBusy, 0, S - 1, new Float64Array(S).fill(1)).idleMinutes,
        ]);
      }
      expect(days.totalBreaks).toBe(total);
      expect(days.bad.length).toBe(days.br.filter((b) => b > 0).length);
      expect(days.worst()).toBe(Math.max(...days.br));
    });
  }
});

/** The placements as comparable facts: which pair, which attendees. */
const meetings = (r: ReturnType<typeof scheduleMeetings>) => r.placements.map((m) => `${m.pairKey}:${m.attendeeIds.join('+')}`).sort();

describe('the compacting pass under the rules', () => {
  it('moves meetings only in time, never over the tables, and never adds a break, in tight sessions with parts of the day', () => {
    for (const seed of [1, 2, 3]) {
      const base = randomSession(seed);
      const random = mulberry32(seed);
      // Two or three tables a slot: the pass may overfill a slot on the way, never in its answer.
      const input: ScheduleInput = {
        ...base,
        slots: base.slots.map((s) => ({ ...s, part: s.id <= 4 ? 'morning' : 'afternoon' })),
        tables: [{ id: 1 }, { id: 2 }, { id: 3, available: [2, 3, 6, 7] }],
        pairs: base.pairs.map((p, k) => ({ ...p, part: (['any', 'any', 'morning', 'afternoon'] as const)[k % 4]! })),
        attendees: base.attendees.map((a) =>
          random() < 0.2 && !base.fixed.some((f) => f.attendeeIds.includes(a.id)) ? { ...a, unavailable: [1 + Math.floor(random() * 8)] } : a,
        ),
      };
      const loose = scheduleMeetings(input, { compactMoves: 0 });
      const compact = scheduleMeetings(input);
      expect(checkPlan(input, compact)).toEqual([]);
      expect(meetings(compact)).toEqual(meetings(loose));
      expect(compact.breaks.total).toBeLessThanOrEqual(loose.breaks.total);
      const part = new Map(input.pairs.map((p) => [p.key, p.part]));
      for (const m of compact.placements) {
        if (part.get(m.pairKey) === 'morning') expect(m.slotId).toBeLessThanOrEqual(4);
        if (part.get(m.pairKey) === 'afternoon') expect(m.slotId).toBeGreaterThan(4);
      }
      const onsite = new Map<number, number>();
      for (const m of compact.placements) if (m.tableId !== null) onsite.set(m.slotId, (onsite.get(m.slotId) ?? 0) + 1);
      for (const [slot, n] of onsite) expect(n).toBeLessThanOrEqual(input.tables.filter((t) => !t.available || t.available.includes(slot)).length);
    }
  });
});

describe('the compacting pass’s stop when it stalls (compactStall)', () => {
  it('stops early without losing a rule, and with the default stop finds as few breaks as without any', () => {
    let cut = 0;
    for (const input of [smallForum(1), smallForum(2), randomSession(1), randomSession(2)]) {
      const never = scheduleMeetings(input, { compactStall: Number.POSITIVE_INFINITY });
      const early = scheduleMeetings(input, { compactStall: 0 });
      const standard = scheduleMeetings(input);
      for (const result of [never, early, standard]) {
        expect(checkPlan(input, result)).toEqual([]);
        expect(meetings(result)).toEqual(meetings(never));
      }
      expect(standard.breaks).toEqual(never.breaks);
      expect(early.breaks.total).toBeGreaterThanOrEqual(never.breaks.total);
      if (early.breaks.total > never.breaks.total) cut++;
    }
    // A stop after the first move that finds nothing better leaves breaks a longer search removes.
    expect(cut).toBeGreaterThan(0);
  });
});

/**
 * A small forum in the UdG benchmark's manner: every requested meeting can be placed, some in the
 * morning or the afternoon only, few tables; so the exact minimum of breaks is the second model's.
 */
function smallForum(seed: number): ScheduleInput {
  const random = mulberry32(seed);
  const attendees: SchedAttendee[] = Array.from({ length: 8 }, (_, i) => person(i + 1, i + 1, ['en'], { available: [1, 2, 3, 4, 5, 6, 7, 8] }));
  const pairs: SchedPair[] = [];
  const keys = new Set<string>();
  while (pairs.length < 12) {
    const a = 1 + Math.floor(random() * 8);
    const b = 1 + Math.floor(random() * 8);
    if (a === b || keys.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
    keys.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
    pairs.push({ ...pair(a, b, 1), part: (['any', 'any', 'morning', 'afternoon'] as const)[Math.floor(random() * 4)]! });
  }
  return {
    slots: slots(8).map((s) => ({ ...s, part: s.id <= 4 ? 'morning' : 'afternoon' })),
    tables: [{ id: 1 }, { id: 2 }, { id: 3 }],
    interpreters: [],
    attendees,
    pairs,
    fixed: [],
    allowOnline: false,
  };
}

describe('the compacting pass against the exact minimum of breaks', () => {
  it('reaches the minimum HiGHS proves on the model of lp.ts, on small forums', async () => {
    let compared = 0;
    let withBreaks = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const input = smallForum(seed);
      const heuristic = scheduleMeetings(input);
      const exact = await planSchedule(input, { timeLimitSeconds: 20 });
      expect(exact.quality).toMatchObject({ optimal: true, breaksOptimal: true });
      if (heuristic.unplaced.length > 0) continue;
      expect(exact.placements).toHaveLength(input.pairs.length);
      expect(heuristic.breaks.total).toBe(exact.breaks.total);
      compared++;
      withBreaks += exact.breaks.total > 0 ? 1 : 0;
    }
    expect(compared).toBeGreaterThanOrEqual(4);
    // Not only forums where nobody need wait: some minima are above zero.
    expect(withBreaks).toBeGreaterThan(0);
  }, 120_000);
});
