/** Reasons for pairs left out: what a matchmaker can act on. */
import { FREE as PLAN_FREE, type Plan } from './plan.ts';
import type { Combo } from './problem.ts';
import type { UnplacedReason } from './types.ts';

// Module-level copy: under tsx an imported binding is a getter call, and this runs for every pair left out.
const FREE = PLAN_FREE;

/**
 * The most specific reason: filters from the fixed facts of the session (people, availability,
 * interpreters, tables, limits) to what the plan took, and names the first one that empties the set
 * of options. An option is a (combo, slot); each filter keeps the options that passed the ones
 * before. Plain loops over the options, no lists of them: a large session leaves thousands of pairs
 * out, and each is explained.
 */
export function explain(plan: Plan, p: number): { reason: UnplacedReason; detail: string } {
  const pr = plan.pr;
  const S = plan.S;
  const pair = pr.pairs[p]!;
  const missing = [pair.orgA, pair.orgB].filter((o) => pr.orgAttendees[o]!.length === 0).map((o) => pr.orgIds[o]!);
  if (missing.length > 0) {
    return { reason: 'no-attendee', detail: `Organisation ${[...new Set(missing)].join(' and ')} has no attendee.` };
  }
  const combos = pair.combos;
  // Parts of the day are already applied to the options (problem.ts).
  const part = pair.part === 'any' ? '' : ` in the ${pair.part}`;
  const first = combos.find((combo) => combo.slots.length > 0);
  if (!first) return { reason: 'no-common-slot', detail: `The attendees have no available slot in common${part}.` };

  const langs = (combo: Combo) => `${pr.attLanguages[combo.a]!.join('/')}–${pr.attLanguages[combo.b]!.join('/')}`;
  const interpreterOpen = (combo: Combo, s: number) => {
    if (!combo.interps) return true;
    for (const i of combo.interps) if (pr.interpOpen[i * S + s] === 1) return true;
    return false;
  };
  const tableOpen = (combo: Combo, s: number) => combo.online || pr.tableCap[s]! > 0;
  const underLimit = (combo: Combo) => plan.attCount[combo.a]! < pr.attMax[combo.a]! && plan.attCount[combo.b]! < pr.attMax[combo.b]!;

  let withInterpreter = 0;
  let withTable = 0;
  let wouldJoinOnline = false;
  const full: number[] = [];
  for (const combo of combos) {
    let tabled = false;
    for (const s of combo.slots) {
      if (!interpreterOpen(combo, s)) continue;
      withInterpreter++;
      if (pr.attendees[combo.a]!.online || pr.attendees[combo.b]!.online) wouldJoinOnline = true;
      if (!tableOpen(combo, s)) continue;
      withTable++;
      tabled = true;
    }
    if (!tabled) continue;
    for (const x of [combo.a, combo.b]) if (plan.attCount[x]! >= pr.attMax[x]! && !full.includes(x)) full.push(x);
  }
  if (withInterpreter === 0) {
    return { reason: 'no-interpreter', detail: `No interpreter for ${langs(first)} works in a slot both attendees can attend.` };
  }
  if (withTable === 0) {
    const online = wouldJoinOnline ? 'this session holds no online meetings' : 'neither attendee joins online';
    return { reason: 'no-table', detail: `No table is open in a slot both attendees can attend, and ${online}.` };
  }
  if (!combos.some((combo) => underLimit(combo) && combo.slots.some((s) => interpreterOpen(combo, s) && tableOpen(combo, s)))) {
    const list = full.sort((x, y) => x - y).map((x) => `attendee ${pr.attendees[x]!.id} has ${plan.attCount[x]} of ${pr.attMax[x]}`);
    return { reason: 'meeting-limit', detail: `The attendees are at their meeting limit (${list.join('; ')}).` };
  }

  // The options left where both attendees are free: how many, and in how many slots, lack a table or an interpreter.
  let bothFree = 0;
  let noTable = 0;
  let noInterpreter = 0;
  let firstFree: Combo | null = null;
  let firstNoInterpreter: Combo | null = null;
  const freeSlots = new Set<number>();
  const noTableSlots = new Set<number>();
  const noInterpreterSlots = new Set<number>();
  for (const combo of combos) {
    if (!underLimit(combo)) continue;
    for (const s of combo.slots) {
      if (!interpreterOpen(combo, s) || !tableOpen(combo, s)) continue;
      if (plan.attAt[combo.a * S + s] !== FREE || plan.attAt[combo.b * S + s] !== FREE) continue;
      bothFree++;
      firstFree ??= combo;
      freeSlots.add(s);
      if (!combo.online && plan.onsite[s]! >= pr.tableCap[s]!) {
        noTable++;
        noTableSlots.add(s);
      }
      // Every interpreter on duty busy: no augmenting path can free one, no need to search.
      if (combo.interps !== null && (plan.interpreted[s]! >= plan.interpretersOpen[s]! || !plan.findInterpreter(s, combo.interps, p, false))) {
        noInterpreter++;
        firstNoInterpreter ??= combo;
        noInterpreterSlots.add(s);
      }
    }
  }
  if (bothFree === 0) return { reason: 'no-common-slot', detail: 'Every slot both attendees can attend is taken by their other meetings.' };

  const free = freeSlots.size;
  const where = `the ${free} slot${free === 1 ? '' : 's'} that would suit both attendees`;
  // A slot lacking both counts for both; the reason is the resource that blocks more options.
  if (noInterpreter === bothFree || (noTable < bothFree && noInterpreter >= noTable)) {
    const combo = firstNoInterpreter ?? firstFree!;
    const detail =
      noTable === 0
        ? `Every interpreter for ${langs(combo)} is taken in ${where}.`
        : `In ${where}, ${noInterpreterSlots.size} have no free interpreter for ${langs(combo)} and ${noTableSlots.size} no free table.`;
    return { reason: 'no-interpreter', detail };
  }
  const detail =
    noInterpreter === 0
      ? `Every table is taken in ${where}.`
      : `In ${where}, ${noTableSlots.size} have no free table and ${noInterpreterSlots.size} no free interpreter.`;
  return { reason: 'no-table', detail };
}
