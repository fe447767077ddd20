/** Half-open time intervals [start, end) in epoch milliseconds, and the algebra slots are built from. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorts and joins overlapping or touching intervals; empty ones disappear. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** The parts of `a` covered by some interval of `b`. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  const x = merge(a);
  const y = merge(b);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i]!.start, y[j]!.start);
    const end = Math.min(x[i]!.end, y[j]!.end);
    if (end > start) out.push({ start, end });
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` not covered by any interval of `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cuts = merge(b);
  const out: Interval[] = [];
  for (const piece of merge(a)) {
    let start = piece.start;
    for (const cut of cuts) {
      if (cut.end <= start || cut.start >= piece.end) continue;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

/** Whether `inner` lies entirely inside one interval of `outer`. */
export function covers(outer: readonly Interval[], inner: Interval): boolean {
  return outer.some((o) => o.start <= inner.start && inner.end <= o.end);
}
