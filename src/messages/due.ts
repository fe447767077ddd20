import { DateTime } from 'luxon';
import type { Db } from '../db/client.ts';
import type { AttendeeRow, EventRow, MeetingRow } from '../db/schema.ts';
import { agendaContext, agendaIcs, meetingView } from '../events/agenda.ts';
import type { MeetingsRepository } from '../events/meetings-repository.ts';
import { requestView } from '../events/requests.ts';
import type { EventsRepository } from '../events/repository.ts';
import type { OutcomesRepository } from '../outcomes/repository.ts';
import { formatWhen } from './composer.ts';
import type { Messages } from './notifier.ts';
import type { Outbox } from './outbox.ts';

const HOUR = 3_600_000;
/** Feedback is asked within this long after a meeting; older meetings (before messages existed) are left alone. */
const FEEDBACK_WINDOW = 14 * 24 * HOUR;
/** A follow-up not sent within this long after its date (the service was down for weeks) is skipped. */
const FOLLOW_UP_WINDOW = 30 * 24 * HOUR;

export interface DueDeps {
  db: Db;
  events: EventsRepository;
  meetings: MeetingsRepository;
  outbox: Outbox;
  outcomes: OutcomesRepository;
  messages: Messages;
}

export interface DueRound {
  reminders: number;
  expiring: number;
  feedback: number;
  followUps: number;
}

/**
 * Messages that fall due with time rather than with a change: requests about to expire, the
 * reminder the day before, feedback after each meeting, follow-ups months later. Nothing is kept in
 * memory: each round reads the database, and each message's idempotency key (and, for follow-ups,
 * a unique row) makes a second round, or a second process, add nothing. Each message is written in
 * its own transaction with whatever it records.
 */
export function createDuePlanner(d: DueDeps, now: () => Date) {
  const { events, meetings, outbox, messages } = d;
  const tx = <T>(work: () => T): T => d.db.transaction(() => work());

  function expiringRequests(event: EventRow, at: Date): number {
    let n = 0;
    for (const row of meetings.requests(event.id)) {
      const view = requestView(row, at);
      if (view.status !== 'requested') continue;
      const left = Date.parse(row.expiresAt) - at.getTime();
      // Warn within the last 12 hours, or the last quarter of a short deadline (not at once).
      if (left > Math.min(12 * HOUR, (Date.parse(row.expiresAt) - Date.parse(row.createdAt)) / 4)) continue;
      const from = events.attendeesByIds([row.fromAttendeeId])[0];
      if (!from) continue;
      for (const r of messages.organizationRecipients(event, row.toOrganizationId)) {
        const key = `request-expiring:${row.id}:${messages.who(r)}`;
        if (outbox.has(key)) continue;
        if (
          tx(() =>
            messages.send(r, {
              key,
              kind: 'request-expiring',
              eventId: event.id,
              actionUrl: messages.appUrl(),
              vars: {
                event: event.name,
                partner: messages.partnerLabel(from, from.organizationId, r.lang),
                when: formatWhen(row.expiresAt, r.timeZone, r.lang),
              },
            }),
          )
        )
          n++;
      }
    }
    return n;
  }

  function reminders(event: EventRow, booked: MeetingRow[], at: Date): number {
    let n = 0;
    const people = new Map<number, MeetingRow[]>();
    for (const m of booked) for (const id of [m.attendeeAId, m.attendeeBId]) people.set(id, [...(people.get(id) ?? []), m]);
    for (const [attendeeId, mine] of people) {
      const first = Math.min(...mine.map((m) => Date.parse(m.slotStart)));
      if (at.getTime() < first - 24 * HOUR || at.getTime() >= first) continue;
      const attendee = events.attendee(attendeeId);
      const r = attendee ? messages.attendeeRecipient(attendee) : null;
      const key = `reminder:${event.id}:${attendeeId}`;
      if (!r || outbox.has(key)) continue;
      const ctx = agendaContext(events, meetings, event);
      const sorted = [...mine].sort((a, b) => a.slotStart.localeCompare(b.slotStart));
      const list = sorted.map((m) => {
        const partner = ctx.attendees.get(m.attendeeAId === attendeeId ? m.attendeeBId : m.attendeeAId);
        const where = messages.place(event, m, r.lang);
        return [
          formatWhen(m.slotStart, r.timeZone, r.lang).replace(/ \(.*\)$/, ''),
          partner ? messages.partnerLabel(partner, partner.organizationId, r.lang) : '',
          where.place,
          where.interpreter,
        ]
          .filter(Boolean)
          .join(' — ');
      });
      const all = meetings
        .meetings(event.id)
        .filter((m) => m.attendeeAId === attendeeId || m.attendeeBId === attendeeId)
        .map((m) => meetingView(m, ctx));
      const attachments = [
        { filename: 'agenda.ics', contentType: 'text/calendar; charset=utf-8', content: agendaIcs(all, event, `${event.name} – ${r.name}`) },
      ];
      if (
        tx(() =>
          messages.send(r, {
            key,
            kind: 'reminder',
            eventId: event.id,
            actionUrl: messages.appUrl(),
            list,
            attachments,
            vars: { event: event.name, count: mine.length, zone: r.timeZone },
          }),
        )
      )
        n++;
    }
    return n;
  }

  function sides(m: MeetingRow): { person: AttendeeRow; partner: AttendeeRow | undefined }[] {
    const people = events.attendeesByIds([m.attendeeAId, m.attendeeBId]);
    return people.map((person) => ({ person, partner: people.find((p) => p.id !== person.id) }));
  }

  function feedbackRequests(event: EventRow, booked: MeetingRow[], at: Date): number {
    let n = 0;
    for (const m of booked) {
      const end = Date.parse(m.slotEnd);
      if (end > at.getTime() || at.getTime() - end > FEEDBACK_WINDOW) continue;
      for (const { person, partner } of sides(m)) {
        const r = messages.attendeeRecipient(person);
        const key = `feedback:${m.id}:${person.id}`;
        if (!r || outbox.has(key)) continue;
        const sent = tx(() => {
          const token = outbox.createLink({
            purpose: 'feedback',
            email: r.email,
            meetingId: m.id,
            attendeeId: person.id,
            organizationId: person.organizationId,
            lang: r.lang,
          });
          return messages.send(r, {
            key,
            kind: 'feedback',
            eventId: event.id,
            actionUrl: messages.appUrl(`feedback/${token}`),
            vars: {
              event: event.name,
              partner: partner ? messages.partnerLabel(partner, partner.organizationId, r.lang) : '',
              when: formatWhen(m.slotStart, r.timeZone, r.lang),
            },
          });
        });
        if (sent) n++;
      }
    }
    return n;
  }

  function followUps(event: EventRow, booked: MeetingRow[], at: Date): number {
    let n = 0;
    for (const m of booked) {
      for (const months of event.followUpMonths) {
        const due = DateTime.fromISO(m.slotEnd, { zone: event.timeZone }).plus({ months }).toMillis();
        if (at.getTime() < due || at.getTime() - due > FOLLOW_UP_WINDOW) continue;
        for (const { person, partner } of sides(m)) {
          const r = messages.attendeeRecipient(person);
          const key = `follow-up:${m.id}:${person.id}:${months}`;
          if (!r || outbox.has(key)) continue;
          const sent = tx(() => {
            // One follow-up per organisation and date: a second attendee of the same side is not asked again.
            if (!d.outcomes.askFollowUp(m.id, person.organizationId, months, at.toISOString())) return null;
            const token = outbox.createLink({
              purpose: 'follow-up',
              email: r.email,
              meetingId: m.id,
              attendeeId: person.id,
              organizationId: person.organizationId,
              months,
              lang: r.lang,
            });
            return messages.send(r, {
              key,
              kind: 'follow-up',
              eventId: event.id,
              actionUrl: messages.appUrl(`feedback/${token}`),
              vars: { event: event.name, months, partner: partner ? messages.partnerLabel(partner, partner.organizationId, r.lang) : '' },
            });
          });
          if (sent) n++;
        }
      }
    }
    return n;
  }

  return {
    /** One round over every session: what is due now is written to the outbox once. */
    plan(): DueRound {
      const at = now();
      const round: DueRound = { reminders: 0, expiring: 0, feedback: 0, followUps: 0 };
      for (const event of events.list()) {
        const booked = meetings.scheduledOfEvent(event.id);
        round.expiring += expiringRequests(event, at);
        round.reminders += reminders(event, booked, at);
        round.feedback += feedbackRequests(event, booked, at);
        round.followUps += followUps(event, booked, at);
      }
      return round;
    },
  };
}

export type DuePlanner = ReturnType<typeof createDuePlanner>;
