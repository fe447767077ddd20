import { balanceInterpreters } from '../../matching/schedule/balance.ts';
import { covers } from '../../matching/schedule/intervals.ts';
import { planSchedule } from '../../matching/schedule/exact.ts';
import type { FixedMeeting, ScheduleInput, SchedPair, Unplaced } from '../../matching/schedule/types.ts';
import type { AttendeeRow, EventRow, EventTableRow, InterpreterRow, MatchRow, MeetingRequestRow, MeetingRow } from '../db/schema.ts';
import type { Booking } from './booking.ts';
import type { EventsRepository } from './repository.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import { availabilityOf, eventSlots, wholeEvent } from './model.ts';
import { requestView } from './requests.ts';
import { pairPart, slotDays, slotParts } from './rules.ts';

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
  /** Pairs a matchmaker pinned (must meet, whatever their review status) or vetoed (never meet). */
  ruled?: Pick<MatchRow, 'orgAId' | 'orgBId' | 'score' | 'status' | 'part' | 'rule'>[];
}

/**
 * The scheduler's input for one event. Pairs are the approved and pinned pairs whose two
 * organisations both attend, at their match score, and the accepted requests at score 1: both sides
 * asked for those. The rules go with them: each slot's part of the day (by the session's own hours),
 * each attendee's unavailable slots, a pair's part of the day (the request's, else the review
 * queue's), pins and vetoes, and the pairs that met at an earlier session.
 */
export function scheduleInput(d: SchedulingData): ScheduleInput {
  const slots = eventSlots(d.event);
  const whole = wholeEvent(slots);
  const slotIds = (stored: AttendeeRow['availability']) => {
    const windows = availabilityOf(stored, whole);
    return slots.filter((s) => covers(windows, s)).map((s) => s.index);
  };
  const slotIndex = new Map(slots.map((s) => [new Date(s.start).toISOString(), s.index]));
  const attending = new Set(d.attendees.map((a) => a.organizationId));
  const pairs = new Map<string, SchedPair>();
  const orgOfAttendee = new Map(d.attendees.map((a) => [a.id, a.organizationId]));
  const rules = new Map((d.ruled ?? []).map((m) => [pairKey(m.orgAId, m.orgBId), m]));
  for (const m of d.approved) if (!rules.has(pairKey(m.orgAId, m.orgBId))) rules.set(pairKey(m.orgAId, m.orgBId), m);
  for (const r of d.accepted) {
    const from = orgOfAttendee.get(r.fromAttendeeId);
    if (from === undefined) continue;
    const key = pairKey(from, r.toOrganizationId);
    pairs.set(key, { key, orgA: from, orgB: r.toOrganizationId, score: 1, requested: true, part: pairPart(r.part, rules.get(key)?.part) });
  }
  const vetoes: [number, number][] = [];
  for (const [key, m] of rules) {
    if (m.rule === 'vetoed') vetoes.push([m.orgAId, m.orgBId]);
    const approved = m.rule === 'pinned' || m.status === 'approved';
    if (!approved || !attending.has(m.orgAId) || !attending.has(m.orgBId)) continue;
    const pinned = m.rule === 'pinned' ? { pinned: true } : {};
    const asked = pairs.get(key);
    if (asked) pairs.set(key, { ...asked, ...pinned });
    else pairs.set(key, { key, orgA: m.orgAId, orgB: m.orgBId, score: Math.max(m.score, 1e-4), part: m.part, ...pinned });
  }
  const fixed: FixedMeeting[] = d.kept.flatMap((m) => {
    const slotId = slotIndex.get(m.slotStart);
    if (slotId === undefined) return [];
    return [
      { pairKey: pairKey(m.orgLowId, m.orgHighId), slotId, attendeeIds: [m.attendeeAId, m.attendeeBId], tableId: m.tableId, interpreterId: m.interpreterId },
    ];
  });
  const days = slotDays(d.event);
  const parts = slotParts(d.event);
  return {
    // Breaks are counted per day of the session, in its own zone; mornings end at its lunch break.
    slots: slots.map((s) => ({ id: s.index, start: s.start, end: s.end, day: days[s.index]!, part: parts[s.index]! })),
    tables: d.tables.map((t) => ({ id: t.id })),
    interpreters: d.interpreters.map((i) => ({ id: i.id, pairs: i.pairs, available: slotIds(i.availability) })),
    attendees: d.attendees.map((a) => ({
      id: a.id,
      organizationId: a.organizationId,
      languages: a.languages,
      online: a.online,
      available: slotIds(a.availability),
      unavailable: a.unavailable.flatMap((start) => slotIndex.get(start) ?? []),
      maxMeetings: a.maxMeetings,
    })),
    pairs: [...pairs.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    fixed,
    allowOnline: d.event.allowOnline,
    vetoes,
    metBefore: d.metBefore ?? [],
  };
}

export function describeUnplaced(u: Unplaced, pinned = false): { organizations: number[]; reason: string; detail: string; pinned: boolean } {
  const [a, b] = u.pairKey.split('-').map(Number);
  return { organizations: [a!, b!], reason: u.reason, detail: u.detail, pinned };
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
  /** Pinned pairs: how many, and how many have a meeting now (the others are in `unplaced`, with the reason). */
  pinned: { total: number; placed: number };
  /** Pairs not proposed again because they met at an earlier session (nobody asked again). */
  metBefore: number;
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
    ruled: d.meetings.ruledPairs(),
  });
  const pinned = new Set(input.pairs.filter((p) => p.pinned).map((p) => p.key));
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
      ...plan.unplaced.map((u) => describeUnplaced(u, pinned.has(u.pairKey))),
      ...applied.failed.map((f) => ({
        ...describeUnplaced({ pairKey: f.pairKey, reason: 'no-common-slot', detail: f.detail }, pinned.has(f.pairKey)),
        reason: 'conflict',
      })),
    ],
    pinned: {
      total: pinned.size,
      placed: [...pinned].filter((k) => !plan.unplaced.some((u) => u.pairKey === k) && !applied.failed.some((f) => f.pairKey === k)).length,
    },
    metBefore: plan.unplaced.filter((u) => u.reason === 'met-before').length,
    meetingIds: applied.placed.map((m) => m.id),
  };
}
