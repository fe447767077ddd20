/**
 * What happened on the event day that a person must hear about. The event-day functions
 * (check-in.ts, standby.ts) return these beside their result and the routes record them in the
 * audit trail; the people named in `notify` are told through the outbox inside the change's own
 * transaction (`EventNotices.noShow` for a partner's absence, the booking's own message, marked as
 * a standby meeting, for a meeting booked from the standby list), in their language. The change is
 * also visible in the app (the meeting's `dayReason`) and in every calendar feed (SEQUENCE + 1,
 * `STATUS:CANCELLED`).
 */
export interface DayNotice {
  type: 'meeting.cancelled' | 'meeting.booked';
  /** `no-show`: the other side was marked absent; `standby`: booked from the standby list. */
  reason: 'no-show' | 'standby';
  meetingId: number;
  /** The attendees to tell (never the absent person). */
  notify: number[];
}
