import { describe, expect, it } from 'vitest';
import { balanceInterpreters } from '../../matching/schedule/balance.ts';
import type { Placement, ScheduleInput } from '../../matching/schedule/types.ts';

const slot = (id: number) => ({ id, start: Date.parse('2026-12-08T01:00:00Z') + id * 1_800_000, end: Date.parse('2026-12-08T01:30:00Z') + id * 1_800_000 });

describe('balanceInterpreters', () => {
  it('spreads ja–mn meetings over the interpreters who can take them, keeping the specialist for the odd pair', () => {
    const input: ScheduleInput = {
      slots: [slot(0), slot(1), slot(2), slot(3)],
      tables: [{ id: 1 }, { id: 2 }],
      interpreters: [
        { id: 10, pairs: [['ja', 'mn']], available: [0, 1, 2, 3] },
        {
          id: 11,
          pairs: [
            ['ja', 'mn'],
            ['ja', 'en'],
          ],
          available: [0, 1, 2, 3],
        },
        { id: 12, pairs: [['mn', 'en']], available: [0, 1, 2, 3] },
      ],
      attendees: [
        { id: 1, organizationId: 1, languages: ['ja'], online: false, available: [0, 1, 2, 3], maxMeetings: 8 },
        { id: 2, organizationId: 2, languages: ['mn'], online: false, available: [0, 1, 2, 3], maxMeetings: 8 },
        { id: 3, organizationId: 3, languages: ['ja'], online: false, available: [0, 1, 2, 3], maxMeetings: 8 },
        { id: 4, organizationId: 4, languages: ['en'], online: false, available: [0, 1, 2, 3], maxMeetings: 8 },
      ],
      pairs: [],
      fixed: [],
      allowOnline: false,
    };
    // The plan gave interpreter 10 every ja–mn meeting; in slot 3, ja–en needs 11.
    const plan: Placement[] = [0, 1, 2].map((s) => ({
      pairKey: `p${s}`,
      slotId: s,
      attendeeIds: [s % 2 ? 3 : 1, 2],
      tableId: 1,
      interpreterId: 10,
      online: false,
    }));
    plan.push({ pairKey: 'p3', slotId: 3, attendeeIds: [1, 2], tableId: 1, interpreterId: 10, online: false });
    plan.push({ pairKey: 'p4', slotId: 3, attendeeIds: [3, 4], tableId: 2, interpreterId: 11, online: false });
    const balanced = balanceInterpreters(input, plan);
    expect(balanced.map((p) => [p.pairKey, p.interpreterId])).toEqual([
      ['p0', 10],
      ['p1', 11],
      ['p2', 10],
      ['p3', 10],
      ['p4', 11],
    ]);
    // Nothing else changes.
    expect(balanced.map(({ interpreterId: _, ...rest }) => rest)).toEqual(plan.map(({ interpreterId: _, ...rest }) => rest));
  });
});
