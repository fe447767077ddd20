import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../matching/random.ts';
import { toLp } from '../../matching/schedule/lp.ts';
import { scheduleMeetings } from '../../matching/schedule/scheduler.ts';
import type { ScheduleInput, SchedSlot } from '../../matching/schedule/types.ts';
import { checkPlan, HALF_HOUR, jaMn, pair, person, randomSession, session, slots } from './schedule-fixtures.ts';

describe('scheduleMeetings', () => {
  it('gives the last table to the better pair and still holds the online meeting', () => {
    const result = scheduleMeetings(
      session({
        attendees: [
          person(11, 1, ['ja', 'en']),
          person(12, 2, ['mn', 'en']),
          person(13, 3, ['ja', 'en']),
          person(14, 4, ['mn', 'en']),
          person(15, 5, ['ja', 'en']),
          person(16, 6, ['mn', 'en'], { online: true }),
        ],
        pairs: [pair(1, 2, 0.5), pair(3, 4, 0.9), pair(5, 6, 0.3)],
      }),
    );
    expect(result.placements).toEqual([
      { pairKey: '3-4', slotId: 1, attendeeIds: [13, 14], tableId: 1, interpreterId: null, online: false },
      { pairKey: '5-6', slotId: 1, attendeeIds: [15, 16], tableId: null, interpreterId: null, online: true },
    ]);
    expect(result.unplaced).toEqual([{ pairKey: '1-2', reason: 'no-table', detail: 'Every table is taken in the 1 slot that would suit both attendees.' }]);
    expect(result.totalScore).toBeCloseTo(1.2, 9);
  });

  it('leaves a Japanese–Mongolian pair out when the only ja–mn interpreter is taken', () => {
    const result = scheduleMeetings(
      session({
        tables: [{ id: 1 }, { id: 2 }],
        interpreters: [jaMn(7, [1])],
        attendees: [person(21, 1, ['ja']), person(22, 2, ['mn']), person(23, 3, ['ja']), person(24, 4, ['mn'])],
        pairs: [pair(1, 2, 0.8), pair(3, 4, 0.6)],
      }),
    );
    expect(result.placements).toEqual([{ pairKey: '1-2', slotId: 1, attendeeIds: [21, 22], tableId: 1, interpreterId: 7, online: false }]);
    expect(result.unplaced).toEqual([
      { pairKey: '3-4', reason: 'no-interpreter', detail: 'Every interpreter for ja–mn is taken in the 1 slot that would suit both attendees.' },
    ]);
  });

  it('books no interpreter for people who share English or Japanese', () => {
    const result = scheduleMeetings(
      session({
        tables: [{ id: 1 }, { id: 2 }, { id: 3 }],
        interpreters: [jaMn(7, [1])],
        attendees: [
          person(31, 1, ['ja', 'en']),
          person(32, 2, ['mn', 'en']),
          person(33, 3, ['ja']),
          person(34, 4, ['mn']),
          person(35, 5, ['ja']),
          person(36, 6, ['mn', 'ja']),
        ],
        pairs: [pair(1, 2, 0.7), pair(3, 4, 0.6), pair(5, 6, 0.5)],
      }),
    );
    expect(result.placements).toEqual([
      { pairKey: '1-2', slotId: 1, attendeeIds: [31, 32], tableId: 1, interpreterId: null, online: false },
      { pairKey: '3-4', slotId: 1, attendeeIds: [33, 34], tableId: 2, interpreterId: 7, online: false },
      { pairKey: '5-6', slotId: 1, attendeeIds: [35, 36], tableId: 3, interpreterId: null, online: false },
    ]);
    expect(result.unplaced).toEqual([]);
  });

  it('keeps to the hours people, tables and interpreters are there', () => {
    const result = scheduleMeetings(
      session({
        slots: slots(4), // 09:00–11:00 in Ulaanbaatar
        tables: [{ id: 1, available: [4] }], // only from 10:30
        interpreters: [jaMn(8, [3, 4])], // only from 10:00
        attendees: [
          person(41, 1, ['en'], { available: [3, 4] }),
          person(42, 2, ['en']),
          person(43, 3, ['en'], { available: [1] }),
          person(44, 4, ['en'], { available: [2] }),
          person(45, 5, ['ja']),
          person(46, 6, ['mn'], { available: [1, 2] }),
        ],
        pairs: [pair(1, 2, 0.5), pair(3, 4, 0.9), pair(5, 6, 0.8)],
      }),
    );
    expect(result.placements).toEqual([{ pairKey: '1-2', slotId: 4, attendeeIds: [41, 42], tableId: 1, interpreterId: null, online: false }]);
    expect(result.unplaced).toEqual([
      { pairKey: '3-4', reason: 'no-common-slot', detail: 'The attendees have no available slot in common.' },
      { pairKey: '5-6', reason: 'no-interpreter', detail: 'No interpreter for ja–mn works in a slot both attendees can attend.' },
    ]);
  });

  it('gives an organisation with a single modest pair its meeting before a busy organisation gets a second', () => {
    // Two meetings fit (one table, two slots). The busy Japanese organisation 1 has two good pairs;
    // organisations 4 and 5 have only each other.
    const result = scheduleMeetings(
      session({
        slots: slots(2),
        allowOnline: false,
        attendees: [person(51, 1, ['en']), person(52, 2, ['en']), person(53, 3, ['en']), person(54, 4, ['en']), person(55, 5, ['en'])],
        pairs: [pair(1, 2, 0.9), pair(1, 3, 0.8), pair(4, 5, 0.2)],
      }),
    );
    expect(result.placements).toEqual([
      { pairKey: '1-2', slotId: 1, attendeeIds: [51, 52], tableId: 1, interpreterId: null, online: false },
      { pairKey: '4-5', slotId: 2, attendeeIds: [54, 55], tableId: 1, interpreterId: null, online: false },
    ]);
    expect(result.unplaced).toEqual([{ pairKey: '1-3', reason: 'no-table', detail: 'Every table is taken in the 1 slot that would suit both attendees.' }]);
    expect(result.totalScore).toBeCloseTo(1.1, 9);
  });

  it('stops at an attendee’s meeting limit, counting meetings booked by hand', () => {
    const attendees = [person(61, 1, ['en'], { maxMeetings: 2 }), person(62, 2, ['en']), person(63, 3, ['en']), person(64, 4, ['en']), person(65, 5, ['en'])];
    const pairs = [pair(1, 2, 0.9), pair(1, 3, 0.4), pair(1, 4, 0.7)];
    const input = session({ slots: slots(3), tables: [{ id: 1 }, { id: 2 }], attendees, pairs });

    const free = scheduleMeetings(input);
    expect(free.placements).toEqual([
      { pairKey: '1-4', slotId: 1, attendeeIds: [61, 64], tableId: 1, interpreterId: null, online: false },
      { pairKey: '1-2', slotId: 2, attendeeIds: [61, 62], tableId: 1, interpreterId: null, online: false },
    ]);
    expect(free.unplaced).toEqual([{ pairKey: '1-3', reason: 'meeting-limit', detail: 'The attendees are at their meeting limit (attendee 61 has 2 of 2).' }]);

    const booked = scheduleMeetings({ ...input, fixed: [{ pairKey: null, slotId: 1, attendeeIds: [61, 65], tableId: 1, interpreterId: null }] });
    expect(booked.placements).toEqual([{ pairKey: '1-2', slotId: 2, attendeeIds: [61, 62], tableId: 1, interpreterId: null, online: false }]);
    const limit = 'The attendees are at their meeting limit (attendee 61 has 2 of 2).';
    expect(booked.unplaced).toEqual([
      { pairKey: '1-3', reason: 'meeting-limit', detail: limit },
      { pairKey: '1-4', reason: 'meeting-limit', detail: limit },
    ]);
  });

  it('keeps a booked meeting and does not reuse its table or interpreter', () => {
    const input = session({
      slots: slots(2),
      interpreters: [jaMn(7, [1, 2])],
      attendees: [
        person(71, 1, ['ja']),
        person(72, 2, ['mn']),
        person(73, 3, ['ja']),
        person(74, 4, ['mn']),
        person(75, 5, ['ja', 'en']),
        person(76, 6, ['mn', 'en']),
      ],
      pairs: [pair(1, 2, 1), pair(3, 4, 0.9), pair(5, 6, 0.5)],
      fixed: [{ pairKey: '1-2', slotId: 1, attendeeIds: [71, 72], tableId: 1, interpreterId: 7 }],
    });
    const result = scheduleMeetings(input);
    expect(result.placements).toEqual([{ pairKey: '3-4', slotId: 2, attendeeIds: [73, 74], tableId: 1, interpreterId: 7, online: false }]);
    expect(result.unplaced).toEqual([{ pairKey: '5-6', reason: 'no-table', detail: 'Every table is taken in the 1 slot that would suit both attendees.' }]);
    expect(checkPlan(input, result)).toEqual([]);
  });

  it('says which organisation has nobody attending', () => {
    const result = scheduleMeetings(session({ attendees: [person(81, 1, ['ja'])], pairs: [pair(1, 9, 0.9)] }));
    expect(result.placements).toEqual([]);
    expect(result.unplaced).toEqual([{ pairKey: '1-9', reason: 'no-attendee', detail: 'Organisation 9 has no attendee.' }]);
  });

  it('plans the same session the same way every time', () => {
    expect(scheduleMeetings(randomSession(7))).toEqual(scheduleMeetings(randomSession(7)));
  });

  it('never double-books an attendee, table or interpreter in a 50-organisation session', () => {
    for (const seed of [1, 2, 3]) {
      const input = randomSession(seed);
      const result = scheduleMeetings(input);
      expect(checkPlan(input, result)).toEqual([]);
      expect(result.placements.length).toBeGreaterThan(20);
    }
  });
});

describe('toLp', () => {
  it('writes one binary per possible meeting and one interpreter row per slot', () => {
    const lp = toLp(
      session({
        interpreters: [jaMn(7, [1])],
        tables: [{ id: 1 }, { id: 2 }],
        attendees: [person(21, 1, ['ja']), person(22, 2, ['mn']), person(23, 3, ['ja']), person(24, 4, ['mn'])],
        pairs: [pair(1, 2, 0.8), pair(3, 4, 0.6)],
      }),
      { fairness: false },
    );
    expect(lp).toBe(
      [
        '\\ Musubi meeting schedule: exact model (matching/schedule/lp.ts)',
        'Maximize',
        ' obj: + 0.8 x0_0_0 + 0.6 x1_0_0',
        'Subject To',
        ' interp_s0_0: + x0_0_0 + x1_0_0 <= 1',
        'Binaries',
        ' x0_0_0 x1_0_0',
        'End',
        '',
      ].join('\n'),
    );
  });
});

/** 09:00–11:00 and 13:00–15:00 in Ulaanbaatar: four half-hour slots, lunch, four more. */
function dayWithLunch(): SchedSlot[] {
  const nine = Date.parse('2026-12-08T01:00:00Z');
  const one = Date.parse('2026-12-08T05:00:00Z');
  return [0, 1, 2, 3]
    .map((i) => ({ id: i + 1, start: nine + i * HALF_HOUR, end: nine + (i + 1) * HALF_HOUR }))
    .concat([0, 1, 2, 3].map((i) => ({ id: i + 5, start: one + i * HALF_HOUR, end: one + (i + 1) * HALF_HOUR })));
}

describe('scheduleMeetings: agendas without holes', () => {
  it('puts a busy buyer’s three meetings back to back instead of spreading them over the day', () => {
    const input = session({
      slots: slots(8),
      tables: [{ id: 1 }, { id: 2 }, { id: 3 }],
      attendees: [person(1, 1, ['en']), person(2, 2, ['en']), person(3, 3, ['en']), person(4, 4, ['en'])],
      pairs: [pair(1, 2, 0.9), pair(1, 3, 0.8), pair(1, 4, 0.7)],
    });
    const result = scheduleMeetings(input);
    const mine = result.placements
      .filter((p) => p.attendeeIds.includes(1))
      .map((p) => p.slotId)
      .sort();
    expect(mine).toHaveLength(3);
    expect(mine[2]! - mine[0]!).toBe(2);
    expect(result.breaks).toEqual({ total: 0, max: 0, min: 0 });
    expect(result.idle.find((x) => x.attendeeId === 1)).toEqual({
      attendeeId: 1,
      meetings: 3,
      breaks: 0,
      idleMinutes: 0,
      days: [{ day: 0, breaks: 0, idleMinutes: 0 }],
    });
    expect(checkPlan(input, result)).toEqual([]);
  });

  it('reports the idle time of a booked meeting that leaves a hole', () => {
    // Booked by hand at 09:00 and 10:30: one break of an hour for attendee 1.
    const input = session({
      slots: slots(4),
      tables: [{ id: 1 }, { id: 2 }],
      attendees: [person(1, 1, ['en']), person(2, 2, ['en']), person(3, 3, ['en'])],
      pairs: [],
      fixed: [
        { pairKey: null, slotId: 1, attendeeIds: [1, 2], tableId: 1, interpreterId: null },
        { pairKey: null, slotId: 4, attendeeIds: [1, 3], tableId: 1, interpreterId: null },
      ],
    });
    const result = scheduleMeetings(input);
    expect(result.idle.find((x) => x.attendeeId === 1)).toEqual({
      attendeeId: 1,
      meetings: 2,
      breaks: 1,
      idleMinutes: 60,
      days: [{ day: 0, breaks: 1, idleMinutes: 60 }],
    });
    expect(result.breaks).toEqual({ total: 1, max: 1, min: 0 });
  });
});

describe('scheduleMeetings: rules from real events', () => {
  const four = () => [person(1, 1, ['en'], { available: [1, 2, 3, 4, 5, 6, 7, 8] }), person(2, 2, ['en']), person(3, 3, ['en']), person(4, 4, ['en'])];

  it('holds a meeting asked for the afternoon after lunch, and one for the morning before it', () => {
    const input = session({
      slots: dayWithLunch(),
      tables: [{ id: 1 }],
      attendees: four(),
      pairs: [
        { ...pair(1, 2, 0.9), part: 'afternoon' },
        { ...pair(3, 4, 0.5), part: 'morning' },
      ],
    });
    const result = scheduleMeetings(input);
    const slotOf = Object.fromEntries(result.placements.map((p) => [p.pairKey, p.slotId]));
    expect(slotOf['1-2']).toBeGreaterThanOrEqual(5);
    expect(slotOf['3-4']).toBeLessThanOrEqual(4);
    expect(checkPlan(input, result)).toEqual([]);
  });

  it('says when no slot is left in the part of the day asked for', () => {
    const result = scheduleMeetings(
      session({
        slots: dayWithLunch(),
        attendees: [person(1, 1, ['en'], { available: [1, 2] }), person(2, 2, ['en'])],
        pairs: [{ ...pair(1, 2, 0.9), part: 'afternoon' }],
      }),
    );
    expect(result.unplaced).toEqual([{ pairKey: '1-2', reason: 'no-common-slot', detail: 'The attendees have no available slot in common in the afternoon.' }]);
  });

  it('keeps off the slots an attendee cannot attend after all', () => {
    const input = session({ slots: slots(3), attendees: [person(1, 1, ['en'], { unavailable: [1, 2] }), person(2, 2, ['en'])], pairs: [pair(1, 2, 0.9)] });
    expect(scheduleMeetings(input).placements.map((p) => p.slotId)).toEqual([3]);
  });

  it('places a pinned pair before a better-scoring one, and never a vetoed pair', () => {
    const input = session({
      slots: slots(1),
      tables: [{ id: 1 }],
      attendees: four(),
      pairs: [pair(1, 2, 0.9), { ...pair(3, 4, 0.1), pinned: true }, pair(1, 4, 1)],
      vetoes: [[4, 1]],
    });
    const result = scheduleMeetings(input);
    expect(result.placements.map((p) => p.pairKey)).toEqual(['3-4']);
    expect(result.unplaced).toEqual([
      { pairKey: '1-2', reason: 'no-table', detail: 'Every table is taken in the 1 slot that would suit both attendees.' },
      { pairKey: '1-4', reason: 'vetoed', detail: 'Organisations 1 and 4 are never to be put together.' },
    ]);
  });

  it('reports a pin it cannot place with the reason', () => {
    const result = scheduleMeetings(session({ attendees: [person(1, 1, ['ja']), person(2, 2, ['mn'])], pairs: [{ ...pair(1, 2, 0.5), pinned: true }] }));
    expect(result.unplaced).toEqual([
      { pairKey: '1-2', reason: 'no-interpreter', detail: 'No interpreter for ja–mn works in a slot both attendees can attend.' },
    ]);
  });

  it('does not propose again a pair that met in Tokyo, unless one side asked', () => {
    const input = session({
      slots: slots(2),
      tables: [{ id: 1 }, { id: 2 }],
      attendees: four(),
      pairs: [pair(1, 2, 0.9), { ...pair(3, 4, 0.4), requested: true }],
      metBefore: [
        [2, 1],
        [3, 4],
      ],
    });
    const result = scheduleMeetings(input);
    expect(result.placements.map((p) => p.pairKey)).toEqual(['3-4']);
    expect(result.unplaced).toEqual([
      { pairKey: '1-2', reason: 'met-before', detail: 'Organisations 1 and 2 met at an earlier session and neither asked to meet again.' },
    ]);
  });

  it('never double-books and obeys every rule in a 50-organisation session with pins, vetoes, parts of the day and lost slots', () => {
    for (const seed of [4, 5]) {
      const base = randomSession(seed);
      const random = mulberry32(seed);
      const pairs = base.pairs.map((p, k) => ({
        ...p,
        part: (['any', 'morning', 'afternoon'] as const)[k % 3]!,
        pinned: k % 17 === 1,
        requested: k % 5 === 0,
      }));
      const vetoes: [number, number][] = pairs.filter((_, k) => k % 11 === 3).map((p) => [p.orgB, p.orgA]);
      const metBefore: [number, number][] = pairs.filter((_, k) => k % 7 === 2).map((p) => [p.orgA, p.orgB]);
      const attendees = base.attendees.map((a) => (random() < 0.3 ? { ...a, unavailable: [1 + Math.floor(random() * 8)] } : a));
      const fixedIds = new Set(base.fixed.flatMap((f) => f.attendeeIds));
      for (const a of attendees) if (fixedIds.has(a.id)) delete a.unavailable;
      const input: ScheduleInput = {
        ...base,
        slots: base.slots.map((s) => ({ ...s, part: s.id <= 4 ? 'morning' : 'afternoon' })),
        attendees,
        pairs,
        vetoes,
        metBefore,
      };
      const result = scheduleMeetings(input);
      expect(checkPlan(input, result)).toEqual([]);
      const byKey = new Map(pairs.map((p) => [p.key, p]));
      const att = new Map(attendees.map((a) => [a.id, a]));
      const orgs = (xs: [number, number][]) => new Set(xs.map(([x, y]) => [x, y].sort((u, v) => u - v).join('-')));
      const vetoed = orgs(vetoes);
      const met = orgs(metBefore);
      for (const m of result.placements) {
        const p = byKey.get(m.pairKey)!;
        if (p.part === 'morning') expect(m.slotId).toBeLessThanOrEqual(4);
        if (p.part === 'afternoon') expect(m.slotId).toBeGreaterThan(4);
        for (const id of m.attendeeIds) expect(att.get(id)!.unavailable ?? []).not.toContain(m.slotId);
        const orgKey = [p.orgA, p.orgB].sort((u, v) => u - v).join('-');
        expect(vetoed.has(orgKey)).toBe(false);
        if (met.has(orgKey)) expect(p.requested).toBe(true);
      }
      const placed = new Set(result.placements.map((m) => m.pairKey));
      for (const p of pairs) if (p.pinned && !placed.has(p.key)) expect(result.unplaced.find((u) => u.pairKey === p.key)).toBeDefined();
    }
  });
});
