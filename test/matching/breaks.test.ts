import { describe, expect, it } from 'vitest';
import { dayBreaks } from '../../matching/schedule/breaks.ts';
import { sessionDays } from '../../matching/schedule/days.ts';

const HALF_HOUR = 30 * 60_000;
const at = (iso: string) => Date.parse(iso);
const slot = (id: number, start: number) => ({ id, start, end: start + HALF_HOUR });

describe('dayBreaks', () => {
  const busy = (slots: number[]) => (s: number) => slots.includes(s);

  it('counts one break per hole between meetings, however long the hole', () => {
    expect(dayBreaks(busy([0, 1, 3, 7]), 0, 7)).toEqual({ breaks: 2, idleMinutes: 4, meetings: 4 });
  });

  it('counts no break before the first meeting or after the last', () => {
    expect(dayBreaks(busy([2, 3, 4]), 0, 9)).toEqual({ breaks: 0, idleMinutes: 0, meetings: 3 });
    expect(dayBreaks(busy([]), 0, 9)).toEqual({ breaks: 0, idleMinutes: 0, meetings: 0 });
  });

  it('adds up idle minutes from the slots’ own lengths', () => {
    expect(dayBreaks(busy([0, 3]), 0, 3, [30, 30, 45, 30])).toEqual({ breaks: 1, idleMinutes: 75, meetings: 2 });
  });
});

describe('sessionDays', () => {
  it('cuts Ulaanbaatar’s two days at the night and each day at its lunch break', () => {
    // 09:00, 09:30, lunch, 13:00, 13:30 (UTC+8) on 8 and 9 December.
    const slots = ['2026-12-08', '2026-12-09'].flatMap((d, k) => [
      slot(4 * k + 1, at(`${d}T01:00:00Z`)),
      slot(4 * k + 2, at(`${d}T01:30:00Z`)),
      slot(4 * k + 3, at(`${d}T05:00:00Z`)),
      slot(4 * k + 4, at(`${d}T05:30:00Z`)),
    ]);
    const days = sessionDays(slots);
    expect([...days.day]).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect([...days.part]).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
    expect(days.labels).toEqual([0, 1]);
  });

  it('halves a day without a pause, and lets the slots say their own day and part', () => {
    const plain = [0, 1, 2, 3, 4].map((i) => slot(i + 1, at('2026-12-08T01:00:00Z') + i * HALF_HOUR));
    expect([...sessionDays(plain).part]).toEqual([0, 0, 0, 1, 1]);
    const told = plain.map((s) => ({ ...s, day: '2026-12-08', part: 'afternoon' as const }));
    const days = sessionDays(told);
    expect([...days.part]).toEqual([1, 1, 1, 1, 1]);
    expect(days.labels).toEqual(['2026-12-08']);
  });
});
