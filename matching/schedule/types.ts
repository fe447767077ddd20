/**
 * The automatic meeting scheduler's input and output: plain data, no clock, no database.
 * Times are epoch milliseconds in UTC; a session's zone (Asia/Tokyo, Asia/Ulaanbaatar) only matters
 * to whoever renders the slots, never to the scheduler.
 */

/** A meeting slot of the session; `slots` arrive sorted by `start`. */
export interface SchedSlot {
  id: number;
  start: number;
  end: number;
}

/** A person attending for an organisation. */
export interface SchedAttendee {
  id: number;
  organizationId: number;
  /** ISO 639-1 codes the person can hold a meeting in. */
  languages: string[];
  /** Joins by video; with `allowOnline` any meeting with an online attendee needs no table. */
  online: boolean;
  /** Slot ids the person can attend. */
  available: number[];
  /** Meetings the person accepts in the whole session, fixed ones included. */
  maxMeetings: number;
}

export interface SchedTable {
  id: number;
  /** Slot ids the table can be used in; default: every slot. */
  available?: number[];
}

export interface SchedInterpreter {
  id: number;
  /** Unordered language pairs the interpreter works between, e.g. [['ja', 'mn']]. */
  pairs: [string, string][];
  /** Slot ids the interpreter works in. */
  available: number[];
}

/** An accepted or approved pair of organisations, to meet at most once. */
export interface SchedPair {
  key: string;
  orgA: number;
  orgB: number;
  /** Match score in (0, 1]; the scheduler maximises the sum over placed pairs. */
  score: number;
}

/** An already-booked meeting: kept as it is; it occupies its people, table and interpreter. */
export interface FixedMeeting {
  /** null for a meeting outside the pair list (e.g. booked by hand). */
  pairKey: string | null;
  slotId: number;
  attendeeIds: [number, number];
  tableId: number | null;
  interpreterId: number | null;
}

export interface ScheduleInput {
  slots: SchedSlot[];
  tables: SchedTable[];
  interpreters: SchedInterpreter[];
  attendees: SchedAttendee[];
  pairs: SchedPair[];
  fixed: FixedMeeting[];
  /** A meeting where at least one attendee is online needs no table (video call). */
  allowOnline: boolean;
}

export interface Placement {
  pairKey: string;
  slotId: number;
  /** [attendee of orgA, attendee of orgB]. */
  attendeeIds: [number, number];
  /** null for an online meeting. */
  tableId: number | null;
  /** null when the two attendees share a language. */
  interpreterId: number | null;
  online: boolean;
}

export type UnplacedReason = 'no-attendee' | 'no-common-slot' | 'no-table' | 'no-interpreter' | 'meeting-limit';

export interface Unplaced {
  pairKey: string;
  reason: UnplacedReason;
  /** One English sentence a matchmaker can act on. */
  detail: string;
}

export interface ScheduleResult {
  /** Sorted by slot start, then pair key. */
  placements: Placement[];
  /** In the order of `input.pairs`; pairs already in `fixed` appear in neither list. */
  unplaced: Unplaced[];
  /** Sum of the scores of `placements` (fixed meetings not included). */
  totalScore: number;
}
