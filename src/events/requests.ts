import type { AttendeeRow, EventRow, MeetingRequestRow, RequestStatus } from '../db/schema.ts';
import { conflict, invalid } from '../domain/errors.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import { silent, type EventNotices } from './notices.ts';

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
  return {
    create(event: EventRow, from: AttendeeRow, toOrganizationId: number, message: string | undefined): MeetingRequestRow {
      if (from.organizationId === toOrganizationId) throw invalid('An organisation cannot request a meeting with itself', [{ field: 'toOrganizationId', message: 'is the requester’s own organisation' }]);
      if (!repo.hasPresentAttendee(event.id, toOrganizationId)) throw invalid('Nobody attends this event for that organisation', [{ field: 'toOrganizationId', message: 'has no attendee at this event' }]);
      const at = now();
      return repo.transaction(() => {
        const open = repo.openRequestsBetween(event.id, from.organizationId, toOrganizationId).map((r) => requestView(r, at)).find((r) => r.status !== 'expired');
        if (open) throw conflict(`Request ${open.id} between these organisations is already ${open.status}`, [{ field: 'toOrganizationId', message: `request ${open.id} is already ${open.status}` }]);
        const row = repo.insertRequest({
          eventId: event.id, fromAttendeeId: from.id, toOrganizationId, message: message ?? null, status: 'requested',
          createdAt: at.toISOString(), expiresAt: new Date(at.getTime() + event.requestTtlHours * 3_600_000).toISOString(),
        });
        notices.requestMade(row);
        return row;
      });
    },

    answer(request: MeetingRequestRow, answer: 'accepted' | 'declined', responder: AttendeeRow): MeetingRequestRow {
      const at = now();
      const view = requestView(request, at);
      if (view.status !== 'requested') throw conflict(`Request ${request.id} is ${view.status} and can no longer be ${answer}`);
      if (responder.organizationId !== request.toOrganizationId || responder.eventId !== request.eventId) {
        throw invalid('Only an attendee of the requested organisation can answer', [{ field: 'attendeeId', message: 'does not attend for the requested organisation' }]);
      }
      return repo.transaction(() => {
        const row = repo.setRequestStatus(request.id, answer, { respondedAt: at.toISOString(), respondedBy: responder.id }, 'requested')
          ?? conflict(`Request ${request.id} was answered meanwhile`).throw();
        notices.requestAnswered(row);
        return row;
      });
    },

    /** Withdraws a request; its meeting, if booked, is cancelled with it. */
    cancel(request: MeetingRequestRow): MeetingRequestRow {
      const at = now();
      const view = requestView(request, at);
      if (view.status !== 'requested' && view.status !== 'accepted') throw conflict(`Request ${request.id} is ${view.status}`);
      return repo.transaction(() => {
        for (const m of repo.scheduledOfRequest(request.id)) notices.meetingChanged(repo.cancelMeeting(m), 'cancelled');
        return repo.setRequestStatus(request.id, 'cancelled', { respondedAt: at.toISOString() })!;
      });
    },
  };
}

export type Requests = ReturnType<typeof createRequests>;
