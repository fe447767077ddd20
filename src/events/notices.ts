import type { MeetingRequestRow, MeetingRow } from '../db/schema.ts';

export type MeetingChange = 'booked' | 'moved' | 'cancelled';

/**
 * What the event rules tell the people concerned. Called inside the transaction of the change, so
 * a message is stored with the change or not at all (src/messages writes it to the outbox).
 */
export interface EventNotices {
  requestMade(request: MeetingRequestRow): void;
  requestAnswered(request: MeetingRequestRow): void;
  /** `before` is the meeting as it was, for a move. */
  meetingChanged(meeting: MeetingRow, change: MeetingChange, before?: MeetingRow): void;
  /** The event day: `meeting` was cancelled because `absentAttendeeId` was marked absent; their partner is told why. */
  noShow(meeting: MeetingRow, absentAttendeeId: number): void;
}

/** Tells nobody (command-line tools, the seed). */
export const silent: EventNotices = { requestMade: () => {}, requestAnswered: () => {}, meetingChanged: () => {}, noShow: () => {} };
