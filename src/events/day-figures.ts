import type { LocalizedText } from '../../matching/profile.ts';
import { localTime } from '../../matching/schedule/slots.ts';
import type { AttendeeRow, CheckInRow, EventRow, MeetingRow } from '../db/schema.ts';
import { localDate } from './check-in.ts';

interface Counts {
  held: number;
  partly: number;
  notHeld: number;
  unmarked: number;
}

const zero = (): Counts => ({ held: 0, partly: 0, notHeld: 0, unmarked: 0 });

/**
 * What the day's figures say: how many meetings were held, partly held or not, how many were lost
 * to no-shows and how many standby meetings replaced them, who did not come by side (the country of
 * their organisation), per local hour, and check-ins per day. Unmarked counts only meetings that
 * have started.
 */
export function attendanceFigures(
  event: EventRow,
  meetings: readonly MeetingRow[],
  checkIns: readonly CheckInRow[],
  people: readonly AttendeeRow[],
  organizations: Map<number, { name: LocalizedText; country: string }>,
  now: Date,
) {
  const total = zero();
  const hours = new Map<string, Counts & { noShow: number }>();
  const bySide: Record<string, number> = {};
  const countryOf = new Map(people.map((a) => [a.id, organizations.get(a.organizationId)?.country ?? '?']));
  const absentOn = new Set(checkIns.filter((c) => c.status === 'absent').map((c) => `${c.attendeeId}@${c.date}`));
  const missed = (attendeeId: number) => {
    const side = countryOf.get(attendeeId) ?? '?';
    bySide[side] = (bySide[side] ?? 0) + 1;
  };
  let noShowMeetings = 0;
  let standbyMeetings = 0;

  for (const m of meetings) {
    const hour = localTime(Date.parse(m.slotStart), event.timeZone).slice(0, 13);
    const slot = hours.get(hour) ?? { ...zero(), noShow: 0 };
    hours.set(hour, slot);
    if (m.status === 'cancelled') {
      if (m.dayReason !== 'no-show') continue;
      noShowMeetings++;
      slot.noShow++;
      const date = localDate(new Date(m.slotStart), event.timeZone);
      for (const id of [m.attendeeAId, m.attendeeBId]) if (absentOn.has(`${id}@${date}`)) missed(id);
      continue;
    }
    if (m.dayReason === 'standby') standbyMeetings++;
    const key =
      m.attendance === 'held'
        ? 'held'
        : m.attendance === 'partly'
          ? 'partly'
          : m.attendance === 'not-held'
            ? 'notHeld'
            : Date.parse(m.slotStart) <= now.getTime()
              ? 'unmarked'
              : null;
    if (!key) continue;
    total[key]++;
    slot[key]++;
    for (const id of m.missingAttendeeIds ?? []) missed(id);
  }

  const current = people.filter((a) => !a.removedAt).length;
  return {
    ...total,
    noShowMeetings,
    standbyMeetings,
    noShowsBySide: bySide,
    byHour: [...hours]
      .filter(([, c]) => c.held + c.partly + c.notHeld + c.unmarked + c.noShow > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([hour, c]) => ({ hour, ...c })),
    checkIns: event.days.map(({ date }) => {
      const marks = checkIns.filter((c) => c.date === date);
      const present = marks.filter((c) => c.status === 'present').length;
      const absent = marks.filter((c) => c.status === 'absent').length;
      return { date, present, absent, unknown: Math.max(0, current - present - absent) };
    }),
  };
}
