/**
 * The automatic meeting scheduler's input and output: plain data, no clock, no database.
 * Times are epoch milliseconds in UTC; a session's zone (Asia/Tokyo, Asia/Ulaanbaatar) only matters
 * to whoever renders the slots, never to the scheduler.
 */

/** Morning or afternoon, by the session's own hours; 'any' on a pair means either. */
export type DayPart = 'morning' | 'afternoon';

/** A meeting slot of the session; `slots` arrive sorted by `start`. */
export interface SchedSlot {
  id: number;
  start: number;
  end: number;
  /**
   * The day the slot belongs to (any label, e.g. '2026-12-08'): breaks are counted per day. Default:
   * a new day begins after a pause of 6 hours or more between two slots.
   */
  day?: string | number;
  /**
   * The part of the day by the session's own hours (the service knows them: slots before the day's
   * lunch break, or before 12:00 local time). Default: the slots before the day's longest pause
   * between slots are the morning; a day without a pause is cut in the middle of its hours.
   */
  part?: DayPart;
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
  /** Slot ids the person cannot attend after all (a talk to give, a flight): taken out of `available`. */
  unavailable?: number[];
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
  /** "This meeting in the morning": the part of the day the meeting must take. Default 'any'. */
  part?: DayPart | 'any';
  /**
   * Must meet: placed before any other pair, and kept through every pass; when it cannot be placed
   * it is reported in `unplaced` with the reason, like any other pair.
   */
  pinned?: boolean;
  /**
   * One side asked for this meeting (an accepted request). Organisations that met at an earlier
   * session (`ScheduleInput.metBefore`) are proposed again only when this is set.
   */
  requested?: boolean;
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
  /** "Never put these two together": organisation id pairs, either order. Their pairs are reported as 'vetoed'. */
  vetoes?: [number, number][];
  /**
   * Organisation id pairs that met at an earlier session (e.g. in Tokyo): their pairs are not
   * proposed again unless `requested`; reported as 'met-before'.
   */
  metBefore?: [number, number][];
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

export type UnplacedReason = 'no-attendee' | 'no-common-slot' | 'no-table' | 'no-interpreter' | 'meeting-limit' | 'vetoed' | 'met-before';

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
  /** Breaks and idle time per attendee with at least one meeting (fixed ones count), by attendee id. */
  idle: AttendeeIdle[];
  /** Over `idle`: total breaks, and the largest and smallest breaks of one attendee on one day. */
  breaks: { total: number; max: number; min: number };
}

/**
 * A break is an idle gap between two consecutive meetings of one attendee on one day (slots are
 * consecutive across the session's own pauses, so lunch is not a break); idle minutes are the
 * minutes of the empty slots inside such gaps.
 */
export interface AttendeeIdle {
  attendeeId: number;
  meetings: number;
  breaks: number;
  idleMinutes: number;
  /** Per day with a meeting, in day order: the day's label (or index), its breaks and idle minutes. */
  days: { day: string | number; breaks: number; idleMinutes: number }[];
}
