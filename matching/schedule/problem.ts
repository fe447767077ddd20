/**
 * The scheduling problem: the input indexed once (slots, attendees, interpreters by position) and
 * never changed. The passes (passes/*.ts) and the exact model (lp.ts) both read it, so that the
 * benchmark's optimum obeys the same rules as the scheduler.
 */
import { interpreterCovers, isOnlineMeeting, normaliseLanguages, shareLanguage } from '../meeting-rules.ts';
import { PART_INDEX, sessionDays } from './days.ts';
import type { DayPart, FixedMeeting, ScheduleInput, SchedAttendee, UnplacedReason } from './types.ts';

/** One way to hold a pair's meeting: which two attendees, and what that choice needs. */
export interface Combo {
  /** Attendee index from orgA, attendee index from orgB. */
  a: number;
  b: number;
  online: boolean;
  /** Interpreter indices that can take the meeting, specialists first; null when a language is shared. */
  interps: Int32Array | null;
  /** Slot indices both attendees are available in. */
  slots: Int32Array;
}

export interface PairInfo {
  key: string;
  score: number;
  /** The part of the day the meeting must take, or 'any'. */
  part: DayPart | 'any';
  /** Must meet: placed first and never taken out. */
  pinned: boolean;
  /** Organisation indices. */
  orgA: number;
  orgB: number;
  combos: Combo[];
}

export interface Problem {
  S: number;
  slotIds: number[];
  /** Slot length in minutes, per slot index. */
  slotMinutes: Float64Array;
  /** Day index per slot; slots of a day are consecutive indices, dayFirst[d]..dayLast[d]. */
  slotDay: Int32Array;
  dayFirst: Int32Array;
  dayLast: Int32Array;
  dayLabels: (string | number)[];
  /** 0 morning, 1 afternoon, per slot. */
  slotPart: Uint8Array;
  attendees: SchedAttendee[];
  /** Normalised languages per attendee index. */
  attLanguages: string[][];
  attOrg: Int32Array;
  attMax: Int32Array;
  /** 1 where the attendee is available in the slot (index a·S + s). */
  attAvail: Uint8Array;
  /** 1 where the attendee already has a fixed meeting in the slot. */
  attFixed: Uint8Array;
  attFixedCount: Int32Array;
  orgIds: number[];
  orgAttendees: number[][];
  /** Fixed meetings per organisation index. */
  orgFixed: Int32Array;
  /** Tables free for new meetings per slot, ids ascending. */
  freeTables: number[][];
  tableCap: Int32Array;
  interpreterIds: number[];
  /** 1 where the interpreter can take a new meeting in the slot (index i·S + s). */
  interpOpen: Uint8Array;
  allowOnline: boolean;
  /** In input order, without pairs already booked, vetoed or met before, and without repeated keys. */
  pairs: PairInfo[];
  /** Pairs the rules keep out (vetoes, met before), in input order. */
  excluded: { key: string; reason: UnplacedReason; detail: string }[];
  /** Pair indices per organisation index. */
  orgPairs: number[][];
}

export function buildProblem(input: ScheduleInput): Problem {
  const slots = [...input.slots].sort((x, y) => x.start - y.start || x.id - y.id);
  const S = slots.length;
  const slotIds = slots.map((s) => s.id);
  const slotIndex = new Map(slotIds.map((id, i) => [id, i]));
  const slotIndices = (ids: readonly number[]) => ids.map((id) => slotIndex.get(id)).filter((s): s is number => s !== undefined);
  const days = sessionDays(slots);
  const D = days.labels.length;
  const dayFirst = new Int32Array(D).fill(-1);
  const dayLast = new Int32Array(D);
  days.day.forEach((d, s) => {
    if (dayFirst[d] === -1) dayFirst[d] = s;
    dayLast[d] = s;
  });

  const attendees = [...input.attendees].sort((x, y) => x.id - y.id);
  const A = attendees.length;
  const attIndex = new Map(attendees.map((a, i) => [a.id, i]));
  const orgIds = [...new Set([...attendees.map((a) => a.organizationId), ...input.pairs.flatMap((p) => [p.orgA, p.orgB])])].sort((x, y) => x - y);
  const orgIndex = new Map(orgIds.map((id, i) => [id, i]));
  const orgAttendees: number[][] = orgIds.map(() => []);
  const attOrg = new Int32Array(A);
  const attMax = new Int32Array(A);
  const attAvail = new Uint8Array(A * S);
  attendees.forEach((a, i) => {
    const o = orgIndex.get(a.organizationId)!;
    attOrg[i] = o;
    orgAttendees[o]!.push(i);
    attMax[i] = Math.max(0, Math.floor(a.maxMeetings));
    for (const s of slotIndices(a.available)) attAvail[i * S + s] = 1;
    for (const s of slotIndices(a.unavailable ?? [])) attAvail[i * S + s] = 0;
  });
  const attLanguages = attendees.map((a) => normaliseLanguages(a.languages));

  const tables = [...input.tables].sort((x, y) => x.id - y.id);
  const tableOpen: boolean[][] = slots.map(() => tables.map(() => false));
  tables.forEach((t, j) => {
    const open = t.available === undefined ? slots.map((_, s) => s) : slotIndices(t.available);
    for (const s of open) tableOpen[s]![j] = true;
  });
  const tablePos = new Map(tables.map((t, j) => [t.id, j]));

  const interpreters = [...input.interpreters].sort((x, y) => x.id - y.id);
  const I = interpreters.length;
  const interpIndex = new Map(interpreters.map((t, i) => [t.id, i]));
  const interpOpen = new Uint8Array(I * S);
  interpreters.forEach((t, i) => {
    for (const s of slotIndices(t.available)) interpOpen[i * S + s] = 1;
  });

  const attFixed = new Uint8Array(A * S);
  const attFixedCount = new Int32Array(A);
  const orgFixed = new Int32Array(orgIds.length);
  for (const f of input.fixed) applyFixed(f);
  function applyFixed(f: FixedMeeting) {
    const s = slotIndex.get(f.slotId);
    for (const id of f.attendeeIds) {
      const a = attIndex.get(id);
      if (a === undefined) continue;
      attFixedCount[a]!++;
      orgFixed[attOrg[a]!]!++;
      if (s !== undefined) attFixed[a * S + s] = 1;
    }
    if (s === undefined) return;
    const j = f.tableId === null ? undefined : tablePos.get(f.tableId);
    if (j !== undefined) tableOpen[s]![j] = false;
    const i = f.interpreterId === null ? undefined : interpIndex.get(f.interpreterId);
    if (i !== undefined) interpOpen[i * S + s] = 0;
  }
  const freeTables = tableOpen.map((open) => tables.filter((_, j) => open[j]).map((t) => t.id));
  const tableCap = Int32Array.from(freeTables, (ids) => ids.length);

  // Specialists first, so that an interpreter of several pairs stays free for the meetings only it can take.
  const interpOrder = interpreters.map((_, i) => i).sort((x, y) => interpreters[x]!.pairs.length - interpreters[y]!.pairs.length || x - y);
  const interpCache = new Map<string, Int32Array | null>();
  const interpretersFor = (a: number, b: number): Int32Array | null => {
    const la = attLanguages[a]!;
    const lb = attLanguages[b]!;
    const key = `${la.join(',')}|${lb.join(',')}`;
    let hit = interpCache.get(key);
    if (hit === undefined) {
      hit = shareLanguage(la, lb) ? null : Int32Array.from(interpOrder.filter((i) => interpreterCovers(interpreters[i]!.pairs, la, lb)));
      interpCache.set(key, hit);
    }
    return hit;
  };

  const fixedKeys = new Set(input.fixed.map((f) => f.pairKey).filter((k): k is string => k !== null));
  const orgsKey = (x: number, y: number) => (x < y ? `${x}-${y}` : `${y}-${x}`);
  const vetoed = new Set((input.vetoes ?? []).map(([x, y]) => orgsKey(x, y)));
  const metBefore = new Set((input.metBefore ?? []).map(([x, y]) => orgsKey(x, y)));
  const seenKeys = new Set<string>();
  const pairs: PairInfo[] = [];
  const excluded: Problem['excluded'] = [];
  for (const p of input.pairs) {
    // A key already booked is kept as booked; a repeated key is the same pair twice.
    if (fixedKeys.has(p.key) || seenKeys.has(p.key)) continue;
    seenKeys.add(p.key);
    const orgs = orgsKey(p.orgA, p.orgB);
    if (vetoed.has(orgs)) {
      excluded.push({ key: p.key, reason: 'vetoed', detail: `Organisations ${p.orgA} and ${p.orgB} are never to be put together.` });
      continue;
    }
    if (metBefore.has(orgs) && !p.requested) {
      excluded.push({
        key: p.key,
        reason: 'met-before',
        detail: `Organisations ${p.orgA} and ${p.orgB} met at an earlier session and neither asked to meet again.`,
      });
      continue;
    }
    const orgA = orgIndex.get(p.orgA)!;
    const orgB = orgIndex.get(p.orgB)!;
    const part = p.part ?? 'any';
    const partIndex = part === 'any' ? -1 : PART_INDEX[part];
    const combos: Combo[] = [];
    for (const a of orgAttendees[orgA]!) {
      for (const b of orgAttendees[orgB]!) {
        if (a === b) continue;
        const common: number[] = [];
        for (let s = 0; s < S; s++) if (attAvail[a * S + s] && attAvail[b * S + s] && (partIndex < 0 || days.part[s] === partIndex)) common.push(s);
        combos.push({
          a,
          b,
          online: isOnlineMeeting(input.allowOnline, attendees[a]!, attendees[b]!),
          interps: interpretersFor(a, b),
          slots: Int32Array.from(common),
        });
      }
    }
    pairs.push({ key: p.key, score: p.score, part, pinned: p.pinned ?? false, orgA, orgB, combos });
  }
  const orgPairs: number[][] = orgIds.map(() => []);
  pairs.forEach((p, i) => {
    orgPairs[p.orgA]!.push(i);
    if (p.orgB !== p.orgA) orgPairs[p.orgB]!.push(i);
  });

  return {
    S,
    slotIds,
    slotMinutes: Float64Array.from(slots, (s) => (s.end - s.start) / 60_000),
    slotDay: days.day,
    dayFirst,
    dayLast,
    dayLabels: days.labels,
    slotPart: days.part,
    excluded,
    attendees,
    attLanguages,
    attOrg,
    attMax,
    attAvail,
    attFixed,
    attFixedCount,
    orgIds,
    orgAttendees,
    orgFixed,
    freeTables,
    tableCap,
    interpreterIds: interpreters.map((t) => t.id),
    interpOpen,
    allowOnline: input.allowOnline,
    pairs,
    orgPairs,
  };
}

/**
 * Whether an option can ever hold a new meeting, whatever else is planned: the slot is free of the
 * attendees' fixed meetings, they have room under their limits, and the slot has a table (unless
 * online) and an interpreter the meeting can use (unless a language is shared).
 */
export function optionIsOpen(pr: Problem, combo: Combo, s: number): boolean {
  const { a, b } = combo;
  const S = pr.S;
  if (pr.attFixed[a * S + s] || pr.attFixed[b * S + s]) return false;
  if (pr.attMax[a]! - pr.attFixedCount[a]! <= 0 || pr.attMax[b]! - pr.attFixedCount[b]! <= 0) return false;
  if (!combo.online && pr.tableCap[s]! <= 0) return false;
  if (combo.interps && !combo.interps.some((i) => pr.interpOpen[i * S + s] === 1)) return false;
  return true;
}
