import { balanceInterpreters } from '../../matching/schedule/balance.ts';
import { covers } from '../../matching/schedule/intervals.ts';
import { planSchedule } from '../../matching/schedule/exact.ts';
import { localTime } from '../../matching/schedule/slots.ts';
import type { FixedMeeting, ScheduleInput, SchedPair, Unplaced } from '../../matching/schedule/types.ts';
import type { AttendeeRow, EventRow, EventTableRow, InterpreterRow, MatchRow, MeetingRequestRow, MeetingRow } from '../db/schema.ts';
import type { Booking } from './booking.ts';
import type { EventsRepository } from './repository.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import { availabilityOf, eventSlots, wholeEvent } from './model.ts';
import { requestView } from './requests.ts';

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
  /** Pairs of organisations that met at another session: not proposed again unless one side asked. */
  metBefore?: [number, number][];
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
    pairs.set(pairKey(from, r.toOrganizationId), { key: pairKey(from, r.toOrganizationId), orgA: from, orgB: r.toOrganizationId, score: 1, requested: true });
  }
  for (const m of d.approved) {
    const key = pairKey(m.orgAId, m.orgBId);
    if (!pairs.has(key) && attending.has(m.orgAId) && attending.has(m.orgBId))
      pairs.set(key, { key, orgA: m.orgAId, orgB: m.orgBId, score: Math.max(m.score, 1e-4) });
  }
  const slotIndex = new Map(slots.map((s) => [new Date(s.start).toISOString(), s.index]));
  const fixed: FixedMeeting[] = d.kept.flatMap((m) => {
    const slotId = slotIndex.get(m.slotStart);
    if (slotId === undefined) return [];
    return [
      { pairKey: pairKey(m.orgLowId, m.orgHighId), slotId, attendeeIds: [m.attendeeAId, m.attendeeBId], tableId: m.tableId, interpreterId: m.interpreterId },
    ];
  });
  return {
    // Breaks are counted per day of the session, in its own zone.
    slots: slots.map((s) => ({ id: s.index, start: s.start, end: s.end, day: localTime(s.start, d.event.timeZone).slice(0, 10) })),
    tables: d.tables.map((t) => ({ id: t.id })),
    interpreters: d.interpreters.map((i) => ({ id: i.id, pairs: i.pairs, available: slotIds(i.availability) })),
    attendees: d.attendees.map((a) => ({
      id: a.id,
      organizationId: a.organizationId,
      languages: a.languages,
      online: a.online,
      available: slotIds(a.availability),
      maxMeetings: a.maxMeetings,
    })),
    pairs: [...pairs.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    fixed,
    allowOnline: d.event.allowOnline,
    metBefore: d.metBefore ?? [],
  };
}

export function describeUnplaced(u: Unplaced): { organizations: number[]; reason: string; detail: string } {
  const [a, b] = u.pairKey.split('-').map(Number);
  return { organizations: [a!, b!], reason: u.reason, detail: u.detail };
}

export interface PlanResult {
  placed: number;
  kept: number;
  totalScore: number;
  /** How good the plan is: "optimal", or "within X% of the best possible" (HiGHS's proven bound). */
  quality: { summary: string; optimal: boolean; gap: number | null; method: 'exact' | 'heuristic' };
  /** Idle gaps between consecutive meetings of one attendee on one day. */
  breaks: { total: number; max: number; min: number };
  unplaced: ReturnType<typeof describeUnplaced>[];
  /** The meetings written, for the audit trail. */
  meetingIds: number[];
}

export interface PlanningData {
  events: Pick<EventsRepository, 'tables' | 'interpreters' | 'attendees'>;
  meetings: MeetingsRepository;
  booking: Booking;
  /** Approved pairs from the review queue. */
  approvedPairs: () => MatchRow[];
  now: () => Date;
  /** Seconds the exact solver may take after the heuristic (default 2). */
  timeLimitSeconds?: number;
}

/**
 * Plans a session: gathers its input (tables, interpreters, attendees, approved pairs, accepted
 * requests, the meetings to keep), runs the scheduler, spreads interpreting work, and writes the
 * plan through the booking rules. With `replan`, the scheduler's own earlier meetings are planned
 * again; manual bookings are always kept, and so is every meeting that has started or starts within
 * the session's `freezeMinutes` of now.
 */
export async function planSession(event: EventRow, replan: boolean, d: PlanningData): Promise<PlanResult> {
  const all = d.meetings.scheduledOfEvent(event.id);
  const now = d.now();
  // On the day, a re-plan moves nothing that has started or starts within the session's freeze.
  const frozenUntil = now.getTime() + event.freezeMinutes * 60_000;
  const kept = replan ? all.filter((m) => m.source === 'manual' || Date.parse(m.slotStart) < frozenUntil) : all;
  const input = scheduleInput({
    event,
    tables: d.events.tables(event.id),
    interpreters: d.events.interpreters(event.id),
    attendees: d.events.attendees(event.id),
    approved: d.approvedPairs(),
    accepted: d.meetings.requests(event.id).filter((r) => requestView(r, now).status === 'accepted'),
    kept,
    metBefore: d.meetings.metBefore(event.id, new Date(wholeEvent(eventSlots(event)).start).toISOString()),
  });
  // The heuristic, then HiGHS within the time budget: the plan comes with its distance to the best possible.
  const plan = await planSchedule(input, { timeLimitSeconds: d.timeLimitSeconds ?? 2 });
  const startOf = new Map(input.slots.map((s) => [s.id, s.start]));
  const placements = balanceInterpreters(input, plan.placements);
  const applied = d.booking.applyPlan(
    event,
    placements.map((p) => ({ ...p, slotStart: startOf.get(p.slotId)! })),
    replan && { keep: new Set(kept.map((m) => m.id)) },
  );
  return {
    placed: applied.placed.length,
    kept: kept.length,
    totalScore: Math.round(plan.totalScore * 1e4) / 1e4,
    quality: { summary: plan.quality.summary, optimal: plan.quality.optimal, gap: plan.quality.gap, method: plan.quality.method },
    breaks: plan.breaks,
    unplaced: [
      ...plan.unplaced.map(describeUnplaced),
      ...applied.failed.map((f) => ({ ...describeUnplaced({ pairKey: f.pairKey, reason: 'no-common-slot', detail: f.detail }), reason: 'conflict' })),
    ],
    meetingIds: applied.placed.map((m) => m.id),
  };
}
