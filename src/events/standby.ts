import { localTime } from '../../matching/schedule/slots.ts';
import type { AttendeeRow, EventRow, MatchRow, MeetingRow } from '../db/schema.ts';
import { conflict, DomainError, invalid } from '../domain/errors.ts';
import type { Booking } from './booking.ts';
import { onDay } from './check-in.ts';
import type { DayNotice } from './day-notices.ts';
import type { DayRepository } from './day-repository.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import { eventSlots, iso } from './model.ts';
import { pairKey } from './planning.ts';
import { requestView } from './requests.ts';
import type { EventsRepository } from './repository.ts';

/** A replacement meeting for a slot a no-show freed, as the matchmaker sees it before applying it. */
export interface StandbyProposal {
  /** The partner left alone first, then the standby partner. */
  attendeeIds: [number, number];
  slotStart: string;
  slotEnd: string;
  local: string;
  tableId: number | null;
  interpreterId: number | null;
  online: boolean;
  /** 1 for an accepted request, else the approved pair's match score. */
  score: number;
  /** The meeting lost to a no-show that it makes up for (its slot, when free for both). */
  replaces: number;
}

export interface StandbyData {
  events: EventsRepository;
  meetings: MeetingsRepository;
  day: DayRepository;
  booking: Booking;
  /** Approved pairs from the review queue. */
  approvedPairs: () => MatchRow[];
  now: () => Date;
}

export interface ProposalInput {
  attendeeIds: number[];
  slotStart: string;
  tableId?: number | null | undefined;
  interpreterId?: number | null | undefined;
}

/** Thrown to roll back the trial bookings of a preview, carrying what they found. */
class Preview extends Error {
  constructor(readonly proposals: StandbyProposal[]) {
    super('preview');
  }
}

/**
 * Live re-planning with minimal change. When someone is marked absent their meetings of the day are
 * cancelled (check-in.ts); here each partner left alone is offered one standby meeting per meeting
 * lost: an approved pair or an accepted request of the partner's organisation that has no meeting
 * yet, best first, with someone of the other organisation who is not absent, in the freed slot if
 * both can meet then (else the first later slot of the day where they can), with a table and an
 * interpreter free. Every proposal is tried through the booking rules inside a transaction that
 * is rolled back, so a proposal is one a booking takes, and the proposals do not clash with each
 * other. Nothing else moves: untouched meetings keep their slot, table and SEQUENCE; and no slot that
 * starts within the session's `freezeMinutes` is filled (people need time to reach a table).
 */
export function createStandby(d: StandbyData) {
  const frozenUntil = (event: EventRow) => d.now().getTime() + event.freezeMinutes * 60_000;

  /** Pairs of organisations that could still meet, by organisation, best first. */
  function standbyPairs(event: EventRow, people: readonly AttendeeRow[]): Map<number, { other: number; score: number }[]> {
    const orgOf = new Map(d.events.attendees(event.id, undefined, { withRemoved: true }).map((a) => [a.id, a.organizationId]));
    const attending = new Set(people.map((a) => a.organizationId));
    const scores = new Map<string, { a: number; b: number; score: number }>();
    const now = d.now();
    for (const r of d.meetings.requests(event.id)) {
      const from = orgOf.get(r.fromAttendeeId);
      if (from !== undefined && requestView(r, now).status === 'accepted')
        scores.set(pairKey(from, r.toOrganizationId), { a: from, b: r.toOrganizationId, score: 1 });
    }
    for (const m of d.approvedPairs())
      if (!scores.has(pairKey(m.orgAId, m.orgBId))) scores.set(pairKey(m.orgAId, m.orgBId), { a: m.orgAId, b: m.orgBId, score: m.score });
    const out = new Map<number, { other: number; score: number }[]>();
    for (const { a, b, score } of scores.values()) {
      if (!attending.has(a) || !attending.has(b)) continue;
      out.set(a, [...(out.get(a) ?? []), { other: b, score }]);
      out.set(b, [...(out.get(b) ?? []), { other: a, score }]);
    }
    for (const list of out.values()) list.sort((x, y) => y.score - x.score || x.other - y.other);
    return out;
  }

  function propose(event: EventRow, date: string): { date: string; frozenUntil: string; freed: MeetingRow[]; proposals: StandbyProposal[] } {
    const until = frozenUntil(event);
    const marks = d.day.checkIns(event.id, date);
    const absent = new Set(marks.filter((c) => c.status === 'absent').map((c) => c.attendeeId));
    const present = new Set(marks.filter((c) => c.status === 'present').map((c) => c.attendeeId));
    const people = d.events.attendees(event.id).filter((a) => !absent.has(a.id));
    // People who have checked in are asked first: they are in the room.
    const byOrg = new Map<number, AttendeeRow[]>();
    for (const a of [...people].sort((x, y) => Number(present.has(y.id)) - Number(present.has(x.id)) || x.id - y.id))
      byOrg.set(a.organizationId, [...(byOrg.get(a.organizationId) ?? []), a]);
    const today = d.meetings.meetings(event.id).filter((m) => onDay(m, date, event.timeZone));
    const freed = today.filter((m) => m.status === 'cancelled' && m.dayReason === 'no-show');
    // A partner is owed one standby meeting per meeting lost today, less those already booked.
    const owed = new Map<number, number>();
    for (const m of freed) for (const id of [m.attendeeAId, m.attendeeBId]) if (!absent.has(id)) owed.set(id, (owed.get(id) ?? 0) + 1);
    for (const m of today)
      if (m.status === 'scheduled' && m.dayReason === 'standby') for (const id of [m.attendeeAId, m.attendeeBId]) owed.set(id, (owed.get(id) ?? 0) - 1);
    const open = eventSlots(event)
      .filter((s) => s.start >= until && onDay({ slotStart: iso(s.start) }, date, event.timeZone))
      .map((s) => s.start);
    const pairs = standbyPairs(event, people);
    const proposals: StandbyProposal[] = [];
    try {
      d.meetings.transaction(() => {
        for (const m of freed) {
          for (const partner of people.filter((p) => p.id === m.attendeeAId || p.id === m.attendeeBId)) {
            if ((owed.get(partner.id) ?? 0) <= 0) continue;
            // The freed slot itself first; else the partner's other free slots of the day beyond the freeze.
            const start = Date.parse(m.slotStart);
            const slots = [...(start >= until ? [start] : []), ...open.filter((s) => s !== start)];
            const placed = tryPartner(event, m, partner, pairs.get(partner.organizationId) ?? [], byOrg, slots);
            if (!placed) continue;
            proposals.push(placed);
            owed.set(partner.id, (owed.get(partner.id) ?? 0) - 1);
            owed.set(placed.attendeeIds[1], (owed.get(placed.attendeeIds[1]) ?? 0) - 1);
          }
        }
        throw new Preview(proposals);
      });
    } catch (error) {
      if (!(error instanceof Preview)) throw error;
    }
    return { date, frozenUntil: new Date(until).toISOString(), freed, proposals };
  }

  /** Books the best standby meeting for a partner, freed slot first (inside the preview's transaction). */
  function tryPartner(
    event: EventRow,
    freed: MeetingRow,
    partner: AttendeeRow,
    candidates: readonly { other: number; score: number }[],
    byOrg: Map<number, AttendeeRow[]>,
    slots: readonly number[],
  ): StandbyProposal | null {
    for (const { other, score } of candidates) {
      for (const person of byOrg.get(other) ?? []) {
        for (const slotStart of slots) {
          try {
            const row = d.booking.book(event, { attendeeIds: [partner.id, person.id], slotStart, source: 'manual', dayReason: 'standby' });
            return {
              attendeeIds: [partner.id, person.id],
              slotStart: row.slotStart,
              slotEnd: row.slotEnd,
              local: localTime(Date.parse(row.slotStart), event.timeZone),
              tableId: row.tableId,
              interpreterId: row.interpreterId,
              online: row.online,
              score: Math.round(score * 1e4) / 1e4,
              replaces: freed.id,
            };
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
      }
    }
    return null;
  }

  /**
   * Books the proposals the matchmaker accepted, all or none: each through the booking rules, none in
   * a slot within the freeze, none with someone marked absent that day.
   */
  function apply(event: EventRow, date: string, items: readonly ProposalInput[]): { meetings: MeetingRow[]; notices: DayNotice[] } {
    const until = frozenUntil(event);
    const absent = new Set(
      d.day
        .checkIns(event.id, date)
        .filter((c) => c.status === 'absent')
        .map((c) => c.attendeeId),
    );
    const booked = d.meetings.transaction(() =>
      items.map((p, i) => {
        const start = Date.parse(p.slotStart);
        if (!onDay({ slotStart: new Date(start).toISOString() }, date, event.timeZone))
          throw invalid(`Proposal ${i + 1} is not on ${date}`, [
            { field: `proposals.${i}.slotStart`, message: `is not on ${date}`, code: 'not-that-day', params: { date } },
          ]);
        if (start < until)
          throw conflict(`Proposal ${i + 1} starts within ${event.freezeMinutes} minutes: too soon to change`, [
            {
              field: `proposals.${i}.slotStart`,
              message: `starts before ${new Date(until).toISOString()}`,
              code: 'frozen',
              params: { minutes: event.freezeMinutes },
            },
          ]);
        const gone = p.attendeeIds.findIndex((id) => absent.has(id));
        if (gone >= 0)
          throw invalid(`Proposal ${i + 1} names someone marked absent`, [
            { field: `proposals.${i}.attendeeIds.${gone}`, message: 'is marked absent today', code: 'absent' },
          ]);
        try {
          return d.booking.book(event, {
            attendeeIds: [p.attendeeIds[0]!, p.attendeeIds[1]!],
            slotStart: start,
            tableId: p.tableId ?? undefined,
            interpreterId: p.interpreterId ?? undefined,
            source: 'manual',
            dayReason: 'standby',
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          throw new DomainError(
            error.kind,
            `Proposal ${i + 1}: ${error.message}`,
            (error.errors ?? [{ field: '', message: error.message }]).map((f) => ({ ...f, field: `proposals.${i}${f.field ? `.${f.field}` : ''}` })),
          );
        }
      }),
    );
    return {
      meetings: booked,
      notices: booked.map((m) => ({ type: 'meeting.booked', reason: 'standby', meetingId: m.id, notify: [m.attendeeAId, m.attendeeBId] })),
    };
  }

  return { propose, apply };
}

export type Standby = ReturnType<typeof createStandby>;
