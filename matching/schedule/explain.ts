/** Reasons for pairs left out: what a matchmaker can act on. */
import { FREE, type Plan } from './plan.ts';
import type { Combo } from './problem.ts';
import type { UnplacedReason } from './types.ts';

/**
 * The most specific reason: filters from the fixed facts of the session (people, availability,
 * interpreters, tables, limits) to what the plan took, and names the first one that empties the set
 * of options.
 */
export function explain(plan: Plan, p: number): { reason: UnplacedReason; detail: string } {
  const pr = plan.pr;
  const S = plan.S;
  const pair = pr.pairs[p]!;
  const missing = [pair.orgA, pair.orgB].filter((o) => pr.orgAttendees[o]!.length === 0).map((o) => pr.orgIds[o]!);
  if (missing.length > 0) {
    return { reason: 'no-attendee', detail: `Organisation ${[...new Set(missing)].join(' and ')} has no attendee.` };
  }
  type Option = { combo: Combo; s: number };
  let options: Option[] = pair.combos.flatMap((combo) => Array.from(combo.slots, (s) => ({ combo, s })));
  // Parts of the day are already applied to the options (problem.ts).
  const part = pair.part === 'any' ? '' : ` in the ${pair.part}`;
  if (options.length === 0) return { reason: 'no-common-slot', detail: `The attendees have no available slot in common${part}.` };

  const langs = (combo: Combo) => `${pr.attLanguages[combo.a]!.join('/')}–${pr.attLanguages[combo.b]!.join('/')}`;
  const interpreterOpen = ({ combo, s }: Option) => !combo.interps || combo.interps.some((i) => pr.interpOpen[i * S + s] === 1);
  const withInterpreter = options.filter(interpreterOpen);
  if (withInterpreter.length === 0) {
    const combo = options[0]!.combo;
    return { reason: 'no-interpreter', detail: `No interpreter for ${langs(combo)} works in a slot both attendees can attend.` };
  }
  options = withInterpreter;

  const withTable = options.filter(({ combo, s }) => combo.online || pr.tableCap[s]! > 0);
  if (withTable.length === 0) {
    const wouldJoinOnline = options.some(({ combo }) => pr.attendees[combo.a]!.online || pr.attendees[combo.b]!.online);
    const online = wouldJoinOnline ? 'this session holds no online meetings' : 'neither attendee joins online';
    return { reason: 'no-table', detail: `No table is open in a slot both attendees can attend, and ${online}.` };
  }
  options = withTable;

  const underLimit = options.filter(({ combo }) => plan.attCount[combo.a]! < pr.attMax[combo.a]! && plan.attCount[combo.b]! < pr.attMax[combo.b]!);
  if (underLimit.length === 0) {
    const full = [...new Set(options.flatMap(({ combo }) => [combo.a, combo.b]))]
      .filter((x) => plan.attCount[x]! >= pr.attMax[x]!)
      .sort((x, y) => x - y)
      .map((x) => `attendee ${pr.attendees[x]!.id} has ${plan.attCount[x]} of ${pr.attMax[x]}`);
    return { reason: 'meeting-limit', detail: `The attendees are at their meeting limit (${full.join('; ')}).` };
  }
  options = underLimit;

  const bothFree = options.filter(({ combo, s }) => plan.attAt[combo.a * S + s] === FREE && plan.attAt[combo.b * S + s] === FREE);
  if (bothFree.length === 0) return { reason: 'no-common-slot', detail: 'Every slot both attendees can attend is taken by their other meetings.' };

  const slotsOf = (list: Option[]) => new Set(list.map((o) => o.s)).size;
  const noTable = bothFree.filter(({ combo, s }) => !combo.online && plan.onsite[s]! >= pr.tableCap[s]!);
  const noInterpreter = bothFree.filter(({ combo, s }) => combo.interps !== null && !plan.findInterpreter(s, combo.interps, p, false));
  const free = slotsOf(bothFree);
  const where = `the ${free} slot${free === 1 ? '' : 's'} that would suit both attendees`;
  // A slot lacking both counts for both; the reason is the resource that blocks more options.
  if (noInterpreter.length === bothFree.length || (noTable.length < bothFree.length && noInterpreter.length >= noTable.length)) {
    const combo = noInterpreter[0]?.combo ?? bothFree[0]!.combo;
    const detail =
      noTable.length === 0
        ? `Every interpreter for ${langs(combo)} is taken in ${where}.`
        : `In ${where}, ${slotsOf(noInterpreter)} have no free interpreter for ${langs(combo)} and ${slotsOf(noTable)} no free table.`;
    return { reason: 'no-interpreter', detail };
  }
  const detail =
    noInterpreter.length === 0
      ? `Every table is taken in ${where}.`
      : `In ${where}, ${slotsOf(noTable)} have no free table and ${slotsOf(noInterpreter)} no free interpreter.`;
  return { reason: 'no-table', detail };
}
