import { covers } from '../../matching/schedule/intervals.ts';
import type { FixedMeeting, ScheduleInput, SchedPair, Unplaced } from '../../matching/schedule/types.ts';
import type { AttendeeRow, EventRow, EventTableRow, InterpreterRow, MatchRow, MeetingRequestRow, MeetingRow } from '../db/schema.ts';
import { availabilityOf, eventSlots, wholeEvent } from './model.ts';

export const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

export interface SchedulingData {
  event: EventRow;
  tables: EventTableRow[];
  interpreters: InterpreterRow[];
  attendees: AttendeeRow[];
  /** Approved pairs from the review queue. */
  approved: MatchRow[];
  /** Accepted requests not yet booked. */
  accepted: MeetingRequestRow[];
  /** Scheduled meetings the plan must keep. */
  kept: MeetingRow[];
}

/**
 * The scheduler's input for one event. Pairs are the approved pairs whose two organisations both
 * attend, at their match score, and the accepted requests at score 1: both sides asked for those.
 */
export function scheduleInput(d: SchedulingData): ScheduleInput {
  const slots = eventSlots(d.event);
  const whole = wholeEvent(slots);
  const slotIds = (stored: AttendeeRow['availability']) => {
    const windows = availabilityOf(stored, whole);
    return slots.filter((s) => covers(windows, s)).map((s) => s.index);
  };
  const attending = new Set(d.attendees.map((a) => a.organizationId));
  const pairs = new Map<string, SchedPair>();
  const orgOfAttendee = new Map(d.attendees.map((a) => [a.id, a.organizationId]));
  for (const r of d.accepted) {
    const from = orgOfAttendee.get(r.fromAttendeeId);
    if (from === undefined) continue;
    pairs.set(pairKey(from, r.toOrganizationId), { key: pairKey(from, r.toOrganizationId), orgA: from, orgB: r.toOrganizationId, score: 1 });
  }
  for (const m of d.approved) {
    const key = pairKey(m.orgAId, m.orgBId);
    if (!pairs.has(key) && attending.has(m.orgAId) && attending.has(m.orgBId)) pairs.set(key, { key, orgA: m.orgAId, orgB: m.orgBId, score: Math.max(m.score, 1e-4) });
  }
  const slotIndex = new Map(slots.map((s) => [new Date(s.start).toISOString(), s.index]));
  const fixed: FixedMeeting[] = d.kept.flatMap((m) => {
    const slotId = slotIndex.get(m.slotStart);
    if (slotId === undefined) return [];
    return [{ pairKey: pairKey(m.orgLowId, m.orgHighId), slotId, attendeeIds: [m.attendeeAId, m.attendeeBId], tableId: m.tableId, interpreterId: m.interpreterId }];
  });
  return {
    slots: slots.map((s) => ({ id: s.index, start: s.start, end: s.end })),
    tables: d.tables.map((t) => ({ id: t.id })),
    interpreters: d.interpreters.map((i) => ({ id: i.id, pairs: i.pairs, available: slotIds(i.availability) })),
    attendees: d.attendees.map((a) => ({ id: a.id, organizationId: a.organizationId, languages: a.languages, online: a.online, available: slotIds(a.availability), maxMeetings: a.maxMeetings })),
    pairs: [...pairs.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    fixed,
    allowOnline: d.event.allowOnline,
  };
}

export function describeUnplaced(u: Unplaced) {
  const [a, b] = u.pairKey.split('-').map(Number);
  return { organizations: [a!, b!], reason: u.reason, detail: u.detail };
}
