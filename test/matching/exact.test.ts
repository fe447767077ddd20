import { describe, expect, it } from 'vitest';
import highsImport from 'highs';
import { planSchedule } from '../../matching/schedule/exact.ts';
import { buildLp } from '../../matching/schedule/lp.ts';
import type { ScheduleInput, SchedAttendee, SchedPair } from '../../matching/schedule/types.ts';

const HALF_HOUR = 30 * 60_000;
const nine = Date.parse('2026-12-08T01:00:00Z'); // 09:00 in Ulaanbaatar
const slots = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, start: nine + i * HALF_HOUR, end: nine + (i + 1) * HALF_HOUR }));
const person = (id: number, org: number, more: Partial<SchedAttendee> = {}): SchedAttendee => ({
  id,
  organizationId: org,
  languages: ['en'],
  online: false,
  available: [1, 2, 3, 4, 5],
  maxMeetings: 5,
  ...more,
});
const pair = (a: number, b: number, score: number, more: Partial<SchedPair> = {}): SchedPair => ({ key: `${a}-${b}`, orgA: a, orgB: b, score, ...more });

type Loader = typeof highsImport.default;
const loader: Loader = (highsImport as unknown as { default?: Loader }).default ?? (highsImport as unknown as Loader);

/** Solves LP text with HiGHS: status, objective and the variables at 1. */
async function solveLp(text: string) {
  const highs = await loader();
  const r = highs.solve(text, { time_limit: 10 });
  return {
    status: r.Status,
    objective: r.ObjectiveValue,
    ones: Object.entries(r.Columns)
      .filter(([, c]) => 'Primal' in c && c.Primal > 0.5)
      .map(([name]) => name)
      .sort(),
  };
}

/**
 * Attendee 1 is booked by hand at 09:00 and 11:00 (slots 1 and 5) and has one more meeting to
 * place: at 10:00 (slot 3) it leaves two breaks, in slot 2 or 4 one.
 */
const holes: ScheduleInput = {
  slots: slots(5),
  tables: [{ id: 1 }, { id: 2 }],
  interpreters: [],
  attendees: [person(1, 1), person(2, 2), person(3, 3), person(4, 4, { available: [3, 4] })],
  pairs: [pair(1, 4, 0.5)],
  fixed: [
    { pairKey: null, slotId: 1, attendeeIds: [1, 2], tableId: 1, interpreterId: null },
    { pairKey: null, slotId: 5, attendeeIds: [1, 3], tableId: 1, interpreterId: null },
  ],
  allowOnline: false,
};

describe('the exact model with breaks, solved by HiGHS', () => {
  it('counts the breaks of each possible slot exactly', async () => {
    const first = await solveLp(buildLp(holes).text);
    expect(first.status).toBe('Optimal');
    // Organisation 4 met (weight 2: more than all scores together) and the pair's score.
    expect(first.objective).toBeCloseTo(2.5, 9);
    const second = await solveLp(buildLp(holes, { breaks: { keepObjective: 2.5 - 1e-6 } }).text);
    expect(second.status).toBe('Optimal');
    // Slot 4 (index 3) leaves one break (slots 2–3 empty); slot 3 would leave two.
    expect(second.objective).toBeCloseTo(1, 9);
    expect(second.ones.filter((v) => v.startsWith('x'))).toEqual(['x0_0_3']);
  });

  it('places every pin it can, before organisations and score', async () => {
    const input: ScheduleInput = {
      slots: slots(1),
      tables: [{ id: 1 }],
      interpreters: [],
      attendees: [person(1, 1), person(2, 2), person(3, 3), person(4, 4)],
      pairs: [pair(1, 2, 0.9), pair(3, 4, 0.1, { pinned: true })],
      fixed: [],
      allowOnline: false,
    };
    const solved = await solveLp(buildLp(input).text);
    expect(solved.ones.filter((v) => v.startsWith('x'))).toEqual(['x1_0_0']);
  });
});

describe('planSchedule', () => {
  it('proves a small Ulaanbaatar session optimal, breaks included', async () => {
    const result = await planSchedule(holes, { timeLimitSeconds: 10 });
    expect(result.placements.map((p) => [p.pairKey, p.slotId])).toEqual([['1-4', 4]]);
    expect(result.quality).toMatchObject({ optimal: true, breaksOptimal: true, gap: 0, summary: 'optimal' });
    expect(result.breaks.total).toBe(1);
  });

  it('proves that three organisations meeting each other cannot do with less than one break', async () => {
    const input: ScheduleInput = { ...holes, fixed: [], pairs: [pair(1, 2, 0.9), pair(1, 3, 0.4), pair(2, 3, 0.7)] };
    const result = await planSchedule(input, { timeLimitSeconds: 10 });
    expect(result.placements).toHaveLength(3);
    expect(result.quality.optimal).toBe(true);
    expect(result.quality).toMatchObject({ breaksOptimal: true, summary: 'optimal' });
    // Whatever the order, one of the three meets in the first and the third of three slots.
    expect(result.breaks.total).toBe(1);
  });
});
