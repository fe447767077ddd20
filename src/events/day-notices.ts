/**
 * What happened on the event day that a person must hear about: the hook point for messages and
 * e-mail (issue 16). The event-day functions (check-in.ts, standby.ts) return these beside their
 * result; the routes record them in the audit trail, and the change is already visible in the app
 * (the meeting's `dayReason`, the attendee's page) and in every calendar feed (SEQUENCE + 1,
 * `STATUS:CANCELLED`). A sender only has to take `notify` and say it in each person's language.
 */
export interface DayNotice {
  type: 'meeting.cancelled' | 'meeting.booked';
  /** `no-show`: the other side was marked absent; `standby`: booked from the standby list. */
  reason: 'no-show' | 'standby';
  meetingId: number;
  /** The attendees to tell (never the absent person). */
  notify: number[];
}
