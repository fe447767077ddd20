import type { AttendeeRow, EventRow, MeetingRequestRow, PartOfDay, RequestStatus } from '../db/schema.ts';
import { conflict, DomainError, invalid } from '../domain/errors.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import { eventSlots } from './model.ts';
import { silent, type EventNotices } from './notices.ts';
import { fitsPart } from './rules.ts';

export type RequestView = Omit<MeetingRequestRow, 'status'> & { status: RequestStatus | 'expired' };

/** A request that nobody answered in time stops blocking: it reads as expired from then on. */
export function requestView(row: MeetingRequestRow, now: Date): RequestView {
  return row.status === 'requested' && Date.parse(row.expiresAt) <= now.getTime() ? { ...row, status: 'expired' } : row;
}

/**
 * Meeting requests: one attendee asks another organisation; the asked organisation accepts or
 * declines; the asker may withdraw. One open request per pair of organisations and event.
 */
export function createRequests(repo: MeetingsRepository, now: () => Date, notices: EventNotices = silent) {
  /**
   * `relationsOf`, and the time (ms) until which it holds without a write: the first expiry of an
   * open request in it (a request expires by the clock, not by a write).
   */
  const relationsUntil = (organizationId: number): { relations: Map<number, Relation>; until: number } => {
    const at = now();
    const out = new Map<number, Relation>();
    let until = Number.POSITIVE_INFINITY;
    const of = (partner: number) => out.get(partner) ?? out.set(partner, {}).get(partner)!;
    for (const r of repo.openRequestsOf(organizationId)) {
      const view = requestView(r, at);
      if (view.status === 'expired') continue;
      if (view.status === 'requested') until = Math.min(until, Date.parse(r.expiresAt));
      const sent = r.fromOrganizationId === organizationId;
      const entry = { requestId: r.id, eventId: r.eventId, status: view.status };
      if (sent) of(r.toOrganizationId).requested = entry;
      else of(r.fromOrganizationId).received = entry;
    }
    for (const m of repo.scheduledFor(organizationId)) {
      of(m.orgLowId === organizationId ? m.orgHighId : m.orgLowId).meeting = { meetingId: m.id, eventId: m.eventId, start: m.slotStart };
    }
    return { relations: out, until };
  };

  return {
    create(event: EventRow, from: AttendeeRow, toOrganizationId: number, message: string | undefined, part: PartOfDay = 'any'): MeetingRequestRow {
      if (from.organizationId === toOrganizationId)
        throw invalid('An organisation cannot request a meeting with itself', [
          { field: 'toOrganizationId', message: 'is the requester’s own organisation', code: 'self-request' },
        ]);
      if (!repo.hasPresentAttendee(event.id, toOrganizationId))
        throw invalid('Nobody attends this event for that organisation', [
          { field: 'toOrganizationId', message: 'has no attendee at this event', code: 'no-attendee', params: { organizationId: toOrganizationId } },
        ]);
      const at = now();
      return repo.transaction(() => {
        // A second request between two organisations that already meet, or already asked, is a
        // duplicate, not a booking clash: said in its own words so the page can say so.
        const meeting = repo.scheduledBetween(event.id, from.organizationId, toOrganizationId)[0];
        if (meeting) {
          throw new DomainError(
            'conflict',
            `These organisations already have a meeting at ${meeting.slotStart}`,
            [
              {
                field: 'toOrganizationId',
                message: `already meets this organisation (meeting ${meeting.id})`,
                code: 'already-meeting',
                params: { meetingId: meeting.id, start: meeting.slotStart },
              },
            ],
            'already-meeting',
          );
        }
        const open = repo
          .openRequestsBetween(event.id, from.organizationId, toOrganizationId)
          .map((r) => requestView(r, at))
          .find((r) => r.status !== 'expired');
        if (open) {
          const direction = open.toOrganizationId === toOrganizationId ? 'sent' : 'received';
          throw new DomainError(
            'conflict',
            `Request ${open.id} between these organisations is already ${open.status}`,
            [
              {
                field: 'toOrganizationId',
                message: `request ${open.id} is already ${open.status}`,
                code: 'already-requested',
                params: { requestId: open.id, status: open.status, direction },
              },
            ],
            'already-requested',
          );
        }
        const row = repo.insertRequest({
          eventId: event.id,
          fromAttendeeId: from.id,
          toOrganizationId,
          message: message ?? null,
          part,
          status: 'requested',
          createdAt: at.toISOString(),
          expiresAt: new Date(at.getTime() + event.requestTtlHours * 3_600_000).toISOString(),
        });
        notices.requestMade(row);
        return row;
      });
    },

    answer(request: MeetingRequestRow, answer: 'accepted' | 'declined', responder: AttendeeRow): MeetingRequestRow {
      const at = now();
      const view = requestView(request, at);
      if (view.status !== 'requested')
        throw conflict(`Request ${request.id} is ${view.status} and can no longer be ${answer}`, [
          { field: 'id', message: `is ${view.status}`, code: 'request-closed', params: { requestId: request.id, status: view.status } },
        ]);
      if (responder.organizationId !== request.toOrganizationId || responder.eventId !== request.eventId) {
        throw invalid('Only an attendee of the requested organisation can answer', [
          { field: 'attendeeId', message: 'does not attend for the requested organisation', code: 'not-recipient' },
        ]);
      }
      return repo.transaction(() => {
        const row =
          repo.setRequestStatus(request.id, answer, { respondedAt: at.toISOString(), respondedBy: responder.id }, 'requested') ??
          conflict(`Request ${request.id} was answered meanwhile`, [
            { field: 'id', message: 'was answered meanwhile', code: 'request-answered', params: { requestId: request.id } },
          ]).throw();
        notices.requestAnswered(row);
        return row;
      });
    },

    /**
     * What stands between an organisation and each partner, for marking suggestions and profile
     * pages: a request it sent or received that is still open, and a booked meeting (with its time).
     */
    relationsOf(organizationId: number): Map<number, Relation> {
      return relationsUntil(organizationId).relations;
    },

    relationsUntil,

    /**
     * Sets the part of the day an open request asks for. A meeting already booked from it in the
     * other part is not moved behind anyone's back: the change is refused, naming the meeting.
     */
    setPart(event: EventRow, request: MeetingRequestRow, part: PartOfDay): MeetingRequestRow {
      const view = requestView(request, now());
      if (view.status !== 'requested' && view.status !== 'accepted')
        throw conflict(`Request ${request.id} is ${view.status}`, [
          { field: 'id', message: `is ${view.status}`, code: 'request-closed', params: { requestId: request.id, status: view.status } },
        ]);
      return repo.transaction(() => {
        const slots = eventSlots(event);
        const outside = repo.scheduledOfRequest(request.id).find((m) => {
          const slot = slots.find((s) => s.start === Date.parse(m.slotStart));
          return slot && !fitsPart(event, slot, part);
        });
        if (outside)
          throw conflict(`Meeting ${outside.id} of this request is booked outside the ${part}; move it first`, [
            {
              field: 'part',
              message: `meeting ${outside.id} is booked at another time`,
              code: 'booked-outside-part',
              params: { meetingId: outside.id, start: outside.slotStart },
            },
          ]);
        return repo.setRequestPart(request.id, part)!;
      });
    },

    /** Withdraws a request; its meeting, if booked, is cancelled with it. */
    cancel(request: MeetingRequestRow): MeetingRequestRow {
      const at = now();
      const view = requestView(request, at);
      if (view.status !== 'requested' && view.status !== 'accepted')
        throw conflict(`Request ${request.id} is ${view.status}`, [
          { field: 'id', message: `is ${view.status}`, code: 'request-closed', params: { requestId: request.id, status: view.status } },
        ]);
      return repo.transaction(() => {
        for (const m of repo.scheduledOfRequest(request.id)) notices.meetingChanged(repo.cancelMeeting(m), 'cancelled');
        return repo.setRequestStatus(request.id, 'cancelled', { respondedAt: at.toISOString() })!;
      });
    },
  };
}

export type Requests = ReturnType<typeof createRequests>;

export interface Relation {
  requested?: { requestId: number; eventId: number; status: string };
  received?: { requestId: number; eventId: number; status: string };
  meeting?: { meetingId: number; eventId: number; start: string };
}
