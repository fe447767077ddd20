import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, meetingSlots, parseDzn, readInstance, toScheduleInput, variantOf } from '../../bench/b2b/instance.ts';
import { scheduleMeetings } from '../../matching/schedule/scheduler.ts';

const tiny = readFileSync(new URL('../fixtures/b2b/tiny.dzn', import.meta.url), 'utf8');

describe('the UdG B2B instances', () => {
  it('reads integers, 2-d arrays, arrays of sets and comments', () => {
    expect(parseDzn('n = 3; % three\nr = [|1, 2,1, \n|2, 3,3, |];\nf = [{0,17}, {0}];\nx = [0, 4];')).toEqual({
      n: 3,
      r: [
        [1, 2, 1],
        [2, 3, 3],
      ],
      f: [[0, 17], [0]],
      x: [0, 4],
    });
  });

  it('reads the other ways MiniZinc data may be written: ranges in sets, array1d and array2d', () => {
    expect(parseDzn('f = [{0, 2..4}, {}, {1..1}];\nx = array1d(1..3, [0, 5, 0]);\nr = array2d(1..2, 1..3, [1, 2, 3, 2, 3, 1]);')).toEqual({
      f: [[0, 2, 3, 4], [], [1]],
      x: [0, 5, 0],
      r: [
        [1, 2, 3],
        [2, 3, 1],
      ],
    });
    expect(() => parseDzn('x = [1, two];')).toThrow(/two/);
  });

  it('reads precedences and refuses a fixed slot outside the day', () => {
    expect(readInstance(`${tiny}\nprecedences = [{}, {1}, {}, {}, {}];`).precedences).toEqual([[], [1], [], [], []]);
    expect(readInstance(tiny).precedences).toEqual([[], [], [], [], []]);
    expect(() => readInstance(tiny.replace(/fixed = \[[^\]]*\]/, 'fixed = [0, 0, 0, 0, 9]'))).toThrow(/fixed/);
  });

  it('maps forbidden slots and fixed meetings onto the session', () => {
    const inst = readInstance(tiny);
    expect(inst.forbidden).toEqual([[], [1], [], []]);
    expect(inst.fixed).toEqual([0, 0, 0, 0, 2]);
    const input = toScheduleInput(inst);
    expect(input.attendees[1]!.unavailable).toEqual([1]);
    expect(input.fixed).toEqual([{ pairKey: 'm4', slotId: 2, attendeeIds: [3, 4], tableId: 1, interpreterId: null }]);
    expect(input.pairs.map((p) => p.part)).toEqual(['morning', 'any', 'afternoon', 'any', 'any']);
  });

  it('places every meeting of the tiny forum without breaking a rule or leaving a break', () => {
    const inst = readInstance(tiny);
    const slots = meetingSlots(inst, scheduleMeetings(toScheduleInput(inst)));
    const result = check(inst, slots);
    expect(result.violations).toEqual([]);
    expect(result.placed).toBe(5);
    expect(slots[0]).toBe(2); // morning, and business 2 cannot take slot 1
    expect(slots[4]).toBe(2); // fixed
    expect(result.breaks.reduce((x, y) => x + y, 0)).toBe(0);
  });

  it('finds the broken rules in a schedule from elsewhere', () => {
    const inst = readInstance(tiny);
    expect(check(inst, [1, 1, 1, 0, 3]).violations).toEqual([
      'business 2: forbidden slot 1',
      'business 1: two meetings in slot 1',
      'meeting 2: morning slot 1 for an afternoon meeting',
      'business 1: two meetings in slot 1',
      'meeting 4: fixed to 2, placed in 3',
      'slot 1: 3 meetings at 2 tables',
    ]);
  });

  it('makes variants with fixed meetings and forbidden slots that the first plan still fits, and schedules them within every rule', () => {
    const inst = readInstance(tiny);
    const first = meetingSlots(inst, scheduleMeetings(toScheduleInput(inst)));
    let fixed = 0;
    let forbidden = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const variant = variantOf(inst, first, seed);
      expect(variantOf(inst, first, seed)).toEqual(variant);
      expect(check(variant, first).violations).toEqual([]);
      fixed += variant.fixed.filter((slot, m) => slot && !inst.fixed[m]).length;
      forbidden += variant.forbidden.flat().length - inst.forbidden.flat().length;
      const slots = meetingSlots(variant, scheduleMeetings(toScheduleInput(variant)));
      const result = check(variant, slots);
      expect(result.violations).toEqual([]);
      expect(result.placed).toBe(inst.requested.length);
    }
    expect(fixed).toBeGreaterThan(0);
    expect(forbidden).toBeGreaterThan(0);
  });

  it('prints with --json only the schedules, each meeting by its 0-based index and its 1-based slot', () => {
    const fixture = fileURLToPath(new URL('../fixtures/b2b/tiny.dzn', import.meta.url));
    const script = fileURLToPath(new URL('../../bench/b2b.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--json', fixture], { encoding: 'utf8' });
    const parsed = JSON.parse(out) as { instance: string; schedule: [number, number][] }[];
    expect(parsed).toHaveLength(1);
    expect(Object.keys(parsed[0]!)).toEqual(['instance', 'schedule']);
    expect(parsed[0]!.instance).toBe('tiny.dzn');
    const inst = readInstance(tiny);
    const slots = inst.fixed.slice();
    for (const [m, slot] of parsed[0]!.schedule) slots[m] = slot;
    expect(parsed[0]!.schedule.map(([m]) => m)).toEqual([0, 1, 2, 3, 4]);
    expect(parsed[0]!.schedule).toContainEqual([4, 2]);
    expect(check(inst, slots).violations).toEqual([]);
  });
});
