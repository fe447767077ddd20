import { describe, expect, it } from 'vitest';
import { intersect, merge, subtract, covers } from '../../matching/schedule/intervals.ts';
import { generateSlots, localTime, zonedTime } from '../../matching/schedule/slots.ts';

const t = (s: string) => Date.parse(s);
const isoSlots = (slots: { start: number; end: number }[]) => slots.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);

describe('interval algebra', () => {
  it('merges, intersects and subtracts half-open intervals', () => {
    expect(
      merge([
        { start: 5, end: 8 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 6, end: 6 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 8 },
    ]);
    expect(
      intersect(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 4 },
          { start: 8, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 2, end: 4 },
      { start: 8, end: 10 },
    ]);
    expect(
      subtract(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 4 },
          { start: 9, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 9 },
    ]);
    expect(covers([{ start: 0, end: 10 }], { start: 2, end: 10 })).toBe(true);
    expect(
      covers(
        [
          { start: 0, end: 5 },
          { start: 5, end: 10 },
        ],
        { start: 4, end: 6 },
      ),
    ).toBe(false);
  });
});

describe('slots', () => {
  it('cuts an Ulaanbaatar day into 30-minute slots around the lunch break, in UTC', () => {
    const slots = generateSlots([{ date: '2026-12-08', open: '09:00', close: '12:00', breaks: [{ start: '10:00', end: '10:45' }] }], 'Asia/Ulaanbaatar', 30);
    expect(isoSlots(slots)).toEqual([
      ['2026-12-08T01:00:00.000Z', '2026-12-08T01:30:00.000Z'],
      ['2026-12-08T01:30:00.000Z', '2026-12-08T02:00:00.000Z'],
      // 10:45–11:45 local; the 15 minutes before noon are too short for a meeting.
      ['2026-12-08T02:45:00.000Z', '2026-12-08T03:15:00.000Z'],
      ['2026-12-08T03:15:00.000Z', '2026-12-08T03:45:00.000Z'],
    ]);
    expect(slots.map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });

  it('puts the same wall-clock hours of a Tokyo day one hour earlier in UTC', () => {
    const tokyo = generateSlots([{ date: '2026-12-10', open: '09:00', close: '10:00' }], 'Asia/Tokyo', 20);
    expect(isoSlots(tokyo)).toEqual([
      ['2026-12-10T00:00:00.000Z', '2026-12-10T00:20:00.000Z'],
      ['2026-12-10T00:20:00.000Z', '2026-12-10T00:40:00.000Z'],
      ['2026-12-10T00:40:00.000Z', '2026-12-10T01:00:00.000Z'],
    ]);
    expect(zonedTime('2026-12-10', '09:00', 'Asia/Ulaanbaatar') - zonedTime('2026-12-10', '09:00', 'Asia/Tokyo')).toBe(3_600_000);
  });

  it('shows an instant in each city', () => {
    expect(localTime(t('2026-12-08T01:00:00Z'), 'Asia/Ulaanbaatar')).toBe('2026-12-08T09:00');
    expect(localTime(t('2026-12-08T01:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-08T10:00');
  });

  it('numbers slots across several days in order', () => {
    const slots = generateSlots(
      [
        { date: '2026-12-09', open: '09:00', close: '10:00' },
        { date: '2026-12-08', open: '16:00', close: '17:00' },
      ],
      'Asia/Ulaanbaatar',
      60,
    );
    expect(isoSlots(slots)).toEqual([
      ['2026-12-08T08:00:00.000Z', '2026-12-08T09:00:00.000Z'],
      ['2026-12-09T01:00:00.000Z', '2026-12-09T02:00:00.000Z'],
    ]);
  });
});
