import type { SchedAttendee } from './types.ts';

// Rules shared with the LP model (lp.ts), so that the benchmark's optimum obeys the same rules.

export function normaliseLanguages(languages: readonly string[]): string[] {
  return [...new Set(languages.map((l) => l.trim().toLowerCase()).filter(Boolean))].sort();
}

export function shareLanguage(a: readonly string[], b: readonly string[]): boolean {
  return a.some((l) => b.includes(l));
}

/** An interpreter covers two people when one of its pairs has a language of each, either way round. */
export function interpreterCovers(pairs: readonly (readonly [string, string])[], a: readonly string[], b: readonly string[]): boolean {
  return pairs.some(([x, y]) => (a.includes(x) && b.includes(y)) || (a.includes(y) && b.includes(x)));
}

export function isOnlineMeeting(allowOnline: boolean, a: SchedAttendee, b: SchedAttendee): boolean {
  return allowOnline && (a.online || b.online);
}
