/**
 * The meeting rules: who can talk to whom, who needs an interpreter, which interpreter can take the
 * meeting, and which meetings are held online. One definition for the ranking (score.ts: a shared
 * language raises a pair's fit), the scheduler and its exact model (schedule/problem.ts, lp.ts,
 * balance.ts), and the service when it books a slot by hand (src/events/meetings.ts), so that the
 * three never disagree about a meeting.
 *
 * Languages are ISO 639-1 codes. People type them in any case and with stray spaces; normalise them
 * once with `normaliseLanguages`, then the other rules compare codes exactly (they run once per pair
 * and per attendee combination, so they do not allocate).
 */

/** Lower-case, trimmed, without blanks or repeats, sorted: the form the other rules expect. */
export function normaliseLanguages(languages: readonly string[]): string[] {
  return [...new Set(languages.map((l) => l.trim().toLowerCase()).filter(Boolean))].sort();
}

/** Two people can hold a meeting without help when they share a language. */
export function shareLanguage(a: readonly string[], b: readonly string[]): boolean {
  return a.some((l) => b.includes(l));
}

/** A meeting needs an interpreter exactly when the two people share no language. */
export function needsInterpreter(a: readonly string[], b: readonly string[]): boolean {
  return !shareLanguage(a, b);
}

/** An interpreter covers two people when one of its pairs has a language of each, either way round. */
export function interpreterCovers(pairs: readonly (readonly [string, string])[], a: readonly string[], b: readonly string[]): boolean {
  return pairs.some(([x, y]) => (a.includes(x) && b.includes(y)) || (a.includes(y) && b.includes(x)));
}

/** With online meetings allowed, a meeting where either side joins by video needs no table. */
export function isOnlineMeeting(allowOnline: boolean, a: { online: boolean }, b: { online: boolean }): boolean {
  return allowOnline && (a.online || b.online);
}
