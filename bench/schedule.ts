import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planSchedule } from '../matching/schedule/exact.ts';
import { buildLp } from '../matching/schedule/lp.ts';
import { scheduleMeetings } from '../matching/schedule/scheduler.ts';
import type { FixedMeeting, ScheduleInput, ScheduleResult, SchedAttendee, SchedInterpreter } from '../matching/schedule/types.ts';
import { mulberry32, weightedIndex } from '../matching/random.ts';

/**
 * `npx tsx bench/schedule.ts`: the meeting scheduler's quality against the exact optimum (CBC on
 * the LP model of matching/schedule/lp.ts) on seeded instances of a Japan–Mongolia session, with
 * the breaks left in the agendas and the in-process exact path (planSchedule: HiGHS within its
 * time budget), then its speed and peak memory on a large instance in a fresh process. Prints two
 * tables.
 *
 *   npx tsx bench/schedule.ts            both tables
 *   npx tsx bench/schedule.ts --quality  quality only
 *   npx tsx bench/schedule.ts --speed    speed only
 *   npx tsx bench/schedule.ts --seeds 6-17   quality on more seeds, shapes varied by seed
 */

interface InstanceShape {
  seed: number;
  orgs: number;
  /** Share of organisations sending two attendees. */
  twoAttendees: number;
  pairs: number;
  slots: number;
  tables: number;
  interpreters: number;
  /** Meetings already booked before the run. */
  fixed: number;
}

const SLOT_MS = 30 * 60_000;
/** 2026-12-08 09:00 in Asia/Ulaanbaatar (UTC+8). */
const SESSION_START = Date.UTC(2026, 11, 8, 1, 0);

/** Interpreter profiles the generator cycles through: most are ja–mn, a few cover English too. */
const INTERPRETER_PROFILES: [string, string][][] = [
  [['ja', 'mn']],
  [['ja', 'mn']],
  [
    ['ja', 'mn'],
    ['ja', 'en'],
  ],
  [['mn', 'en']],
  [
    ['ja', 'mn'],
    ['mn', 'en'],
  ],
  [
    ['ja', 'en'],
    ['mn', 'en'],
  ],
];

/**
 * A session in Ulaanbaatar: half Japanese organisations (ja, some ja+en), half Mongolian (mn, some
 * mn+en, some mn+ja); pairs only across the two countries, popular organisations drawing more of
 * them; about 20% of attendees present for part of the day, 10% joining online.
 */
export function generateInstance(shape: InstanceShape): ScheduleInput {
  const random = mulberry32(shape.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const slots = Array.from({ length: shape.slots }, (_, i) => ({ id: i + 1, start: SESSION_START + i * SLOT_MS, end: SESSION_START + (i + 1) * SLOT_MS }));
  const slotIds = slots.map((s) => s.id);
  const window = () => {
    if (random() >= 0.2) return slotIds;
    const length = Math.max(2, Math.round(shape.slots * (0.3 + 0.4 * random())));
    const from = Math.floor(random() * (shape.slots - length + 1));
    return slotIds.slice(from, from + length);
  };

  const attendees: SchedAttendee[] = [];
  const japanese: number[] = [];
  const mongolian: number[] = [];
  for (let o = 1; o <= shape.orgs; o++) {
    const jp = o % 2 === 1;
    (jp ? japanese : mongolian).push(o);
    const people = random() < shape.twoAttendees ? 2 : 1;
    for (let k = 0; k < people; k++) {
      const r = random();
      const languages = jp ? (r < 0.7 ? ['ja'] : ['ja', 'en']) : r < 0.5 ? ['mn'] : r < 0.85 ? ['mn', 'en'] : ['mn', 'ja'];
      attendees.push({
        id: attendees.length + 1,
        organizationId: o,
        languages,
        online: random() < 0.1,
        available: window(),
        maxMeetings: 4 + Math.floor(random() * 5),
      });
    }
  }

  // Popularity: the i-th organisation of a country is drawn with weight 1 / √(i + 1).
  const drawer = (orgs: number[]) => {
    const pick = weightedIndex(
      orgs.map((_, i) => 1 / Math.sqrt(i + 1)),
      random,
    );
    return () => orgs[pick()]!;
  };
  const drawJapanese = drawer(japanese);
  const drawMongolian = drawer(mongolian);
  const seen = new Set<string>();
  const pairs: ScheduleInput['pairs'] = [];
  while (pairs.length < shape.pairs) {
    const a = drawJapanese();
    const b = drawMongolian();
    const key = `${a}-${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({ key, orgA: a, orgB: b, score: Math.round((0.02 + 0.98 * random()) * 1000) / 1000 });
  }

  const interpreters: SchedInterpreter[] = Array.from({ length: shape.interpreters }, (_, i) => ({
    id: i + 1,
    pairs: INTERPRETER_PROFILES[i % INTERPRETER_PROFILES.length]!,
    // One in three works half the day.
    available: i % 3 === 2 ? slotIds.slice(0, Math.ceil(shape.slots / 2)) : slotIds,
  }));
  const tables = Array.from({ length: shape.tables }, (_, i) => ({ id: i + 1 }));
  const input: ScheduleInput = { slots, tables, interpreters, attendees, pairs, fixed: [], allowOnline: true };
  input.fixed = bookSome(input, shape.fixed, pick);
  return input;
}

/** Books `count` pairs by hand, as a matchmaker would before running the scheduler. */
function bookSome(input: ScheduleInput, count: number, pick: <T>(items: T[]) => T): FixedMeeting[] {
  const fixed: FixedMeeting[] = [];
  const busy = new Set<string>();
  for (const pair of input.pairs) {
    if (fixed.length >= count) break;
    const a = pick(input.attendees.filter((x) => x.organizationId === pair.orgA));
    const b = pick(input.attendees.filter((x) => x.organizationId === pair.orgB));
    const shared = a.languages.some((l) => b.languages.includes(l));
    const online = a.online || b.online;
    for (const slotId of a.available.filter((s) => b.available.includes(s))) {
      if (busy.has(`a${a.id}@${slotId}`) || busy.has(`a${b.id}@${slotId}`)) continue;
      const table = online ? null : input.tables.find((t) => !busy.has(`t${t.id}@${slotId}`));
      const interpreter = shared
        ? null
        : input.interpreters.find(
            (i) =>
              i.available.includes(slotId) &&
              !busy.has(`i${i.id}@${slotId}`) &&
              i.pairs.some(([x, y]) => (a.languages.includes(x) && b.languages.includes(y)) || (a.languages.includes(y) && b.languages.includes(x))),
          );
      if (table === undefined || interpreter === undefined) continue;
      for (const k of [`a${a.id}`, `a${b.id}`, table && `t${table.id}`, interpreter && `i${interpreter.id}`]) if (k) busy.add(`${k}@${slotId}`);
      fixed.push({ pairKey: pair.key, slotId, attendeeIds: [a.id, b.id], tableId: table?.id ?? null, interpreterId: interpreter?.id ?? null });
      break;
    }
  }
  return fixed;
}

/** Every rule the scheduler promises, checked from the outside; throws on the first broken one. */
function validate(input: ScheduleInput, result: ScheduleResult) {
  const used = new Set<string>();
  const take = (k: string) => {
    if (used.has(k)) throw new Error(`double booking: ${k}`);
    used.add(k);
  };
  const attendee = new Map(input.attendees.map((a) => [a.id, a]));
  const count = new Map<number, number>();
  for (const f of input.fixed) {
    for (const id of f.attendeeIds) {
      take(`a${id}@${f.slotId}`);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    if (f.tableId !== null) take(`t${f.tableId}@${f.slotId}`);
    if (f.interpreterId !== null) take(`i${f.interpreterId}@${f.slotId}`);
  }
  const pairs = new Map(input.pairs.map((p) => [p.key, p]));
  const placedKeys = new Set<string>();
  for (const m of result.placements) {
    if (placedKeys.has(m.pairKey)) throw new Error(`pair twice: ${m.pairKey}`);
    placedKeys.add(m.pairKey);
    const pair = pairs.get(m.pairKey)!;
    const [a, b] = m.attendeeIds.map((id) => attendee.get(id)!) as [SchedAttendee, SchedAttendee];
    if (a.organizationId !== pair.orgA || b.organizationId !== pair.orgB) throw new Error(`wrong organisations: ${m.pairKey}`);
    for (const x of [a, b]) {
      if (!x.available.includes(m.slotId)) throw new Error(`attendee ${x.id} not available in ${m.slotId}`);
      take(`a${x.id}@${m.slotId}`);
      count.set(x.id, (count.get(x.id) ?? 0) + 1);
      if (count.get(x.id)! > x.maxMeetings) throw new Error(`attendee ${x.id} over limit`);
    }
    if (m.online !== (input.allowOnline && (a.online || b.online))) throw new Error(`online flag: ${m.pairKey}`);
    if (m.online !== (m.tableId === null)) throw new Error(`table: ${m.pairKey}`);
    if (m.tableId !== null) take(`t${m.tableId}@${m.slotId}`);
    const shared = a.languages.some((l) => b.languages.includes(l));
    if (shared !== (m.interpreterId === null)) throw new Error(`interpreter: ${m.pairKey}`);
    if (m.interpreterId !== null) {
      const i = input.interpreters.find((x) => x.id === m.interpreterId)!;
      if (!i.available.includes(m.slotId)) throw new Error(`interpreter ${i.id} off duty`);
      if (!i.pairs.some(([x, y]) => (a.languages.includes(x) && b.languages.includes(y)) || (a.languages.includes(y) && b.languages.includes(x))))
        throw new Error(`interpreter ${i.id} lacks the languages`);
      take(`i${m.interpreterId}@${m.slotId}`);
    }
  }
}

/** Organisations with at least one meeting, fixed ones included. */
export function covered(input: ScheduleInput, keys: Iterable<string>): number {
  const orgOf = new Map(input.attendees.map((a) => [a.id, a.organizationId]));
  const pairs = new Map(input.pairs.map((p) => [p.key, p]));
  const orgs = new Set<number>();
  for (const f of input.fixed) for (const id of f.attendeeIds) orgs.add(orgOf.get(id)!);
  for (const k of keys) {
    const p = pairs.get(k)!;
    orgs.add(p.orgA).add(p.orgB);
  }
  return orgs.size;
}

/**
 * CPU seconds of the finished child processes (cutime + cstime in /proc/self/stat, Linux): on a
 * machine shared with others, CBC's wall-clock time also counts everyone else.
 */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds of this process since `from` (a process.cpuUsage() reading). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

function hasCbc(): boolean {
  return !spawnSync('cbc', ['-quit'], { stdio: 'ignore' }).error;
}

/** Solves the LP with CBC; returns the optimum's score and the pairs it places, or null on failure. */
export function solveWithCbc(input: ScheduleInput, fairness: boolean) {
  const model = buildLp(input, { fairness });
  const dir = mkdtempSync(join(tmpdir(), 'musubi-lp-'));
  try {
    const lpFile = join(dir, 'schedule.lp');
    const solution = join(dir, 'solution.txt');
    writeFileSync(lpFile, model.text);
    const t0 = performance.now();
    const c0 = childrenCpu();
    execFileSync('cbc', [lpFile, 'solve', 'solu', solution], { stdio: 'ignore', maxBuffer: 1 << 26 });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = childrenCpu() - c0;
    const lines = readFileSync(solution, 'utf8').split('\n');
    const status = lines[0]!.trim();
    let score = 0;
    const keys: string[] = [];
    for (const line of lines.slice(1)) {
      const [, name, value] = line.trim().split(/\s+/);
      const column = name === undefined ? undefined : model.columns.get(name);
      if (column && Number(value) > 0.5) {
        score += column.score;
        keys.push(column.pairKey);
      }
    }
    return { optimal: status.startsWith('Optimal'), score, keys, seconds, cpu, variables: model.columns.size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const QUALITY: InstanceShape[] = [
  { seed: 1, orgs: 200, twoAttendees: 0, pairs: 600, slots: 12, tables: 30, interpreters: 6, fixed: 0 },
  { seed: 2, orgs: 200, twoAttendees: 0, pairs: 600, slots: 12, tables: 30, interpreters: 6, fixed: 0 },
  { seed: 3, orgs: 200, twoAttendees: 0, pairs: 600, slots: 12, tables: 30, interpreters: 6, fixed: 12 },
  { seed: 4, orgs: 200, twoAttendees: 0.3, pairs: 600, slots: 12, tables: 30, interpreters: 6, fixed: 0 },
  { seed: 5, orgs: 200, twoAttendees: 0, pairs: 600, slots: 12, tables: 20, interpreters: 6, fixed: 0 },
];

/** More seeds for --seeds: every third with two-person organisations, every fourth short of tables, every fifth with bookings. */
function sweep(from: number, to: number): InstanceShape[] {
  return Array.from({ length: to - from + 1 }, (_, k) => {
    const seed = from + k;
    return {
      seed,
      orgs: 200,
      twoAttendees: seed % 3 === 0 ? 0.3 : 0,
      pairs: 600,
      slots: 12,
      tables: seed % 4 === 0 ? 18 : 30,
      interpreters: 6,
      fixed: seed % 5 === 0 ? 10 : 0,
    };
  });
}

/** Large sessions: 1,000 organisations sending two people each, and 2,000 organisations (the issue's target size). */
const SPEED: InstanceShape[] = [
  { seed: 11, orgs: 1000, twoAttendees: 1, pairs: 8000, slots: 16, tables: 150, interpreters: 20, fixed: 40 },
  { seed: 12, orgs: 2000, twoAttendees: 0.2, pairs: 8000, slots: 16, tables: 250, interpreters: 20, fixed: 40 },
];

function describe(shape: InstanceShape, input: ScheduleInput) {
  return `#${shape.seed}: ${shape.orgs} orgs, ${input.attendees.length} att, ${shape.pairs} pairs, ${shape.slots} slots, ${shape.tables} tables, ${shape.interpreters} interp${shape.fixed ? `, ${input.fixed.length} fixed` : ''}`;
}

async function quality(shapes: InstanceShape[]) {
  const cbc = hasCbc();
  if (!cbc) console.log('cbc not found, so no optimum to compare with: install it with `apt-get update && apt-get install -y coinor-cbc`.');
  const rows: Record<string, string | number>[] = [];
  for (const shape of shapes) {
    const input = generateInstance(shape);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = scheduleMeetings(input);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSince(c0);
    validate(input, result);
    const withPairs = new Set(input.pairs.flatMap((p) => [p.orgA, p.orgB])).size;
    const row: Record<string, string | number> = {
      instance: describe(shape, input),
      'ours score': +result.totalScore.toFixed(3),
      'breaks (max)': `${result.breaks.total} (${result.breaks.max})`,
    };
    if (cbc) {
      const fair = solveWithCbc(input, true);
      const plain = solveWithCbc(input, false);
      row['optimum score'] = +fair.score.toFixed(3) + (fair.optimal ? '' : ' (not proven)');
      row.ratio = +(result.totalScore / fair.score).toFixed(4);
      row['orgs met: ours / max / with pairs'] = `${covered(
        input,
        result.placements.map((p) => p.pairKey),
      )} / ${covered(input, fair.keys)} / ${withPairs}`;
      row['score-only optimum'] = +plain.score.toFixed(3) + (plain.optimal ? '' : ' (not proven)');
      row['ours s (cpu)'] = `${seconds.toFixed(2)} (${cpu.toFixed(2)})`;
      row['cbc s (cpu)'] = `${fair.seconds.toFixed(2)} (${fair.cpu.toFixed(2)})`;
      // The target is at most one half: CPU seconds, which other processes on the machine do not inflate.
      row['ours ÷ cbc (cpu)'] = +(cpu / fair.cpu).toFixed(1);
      row['LP meeting vars'] = fair.variables;
      const exact = await planSchedule(input);
      validate(input, exact);
      row['HiGHS (2 s budget)'] = `${exact.quality.summary}, ${exact.quality.seconds.toFixed(1)} s, ${exact.breaks.total} breaks`;
    } else {
      row['orgs met: ours / with pairs'] = `${covered(
        input,
        result.placements.map((p) => p.pairKey),
      )} / ${withPairs}`;
      row['ours s'] = +seconds.toFixed(2);
    }
    rows.push(row);
  }
  console.log('Quality against the exact optimum. Optimum: most organisations met, then highest score (lp.ts, solved by CBC);');
  console.log('ratio = ours / optimum score. The score-only optimum ignores fairness: the gap to it is the price of meeting everyone.');
  console.log(
    's (cpu): wall-clock and CPU seconds; cbc: the lexicographic model alone. HiGHS: planSchedule (heuristic, then HiGHS in-process), its own quality report.',
  );
  console.table(rows);
}

function speedRun(shape: InstanceShape) {
  const input = generateInstance(shape);
  const before = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = scheduleMeetings(input);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSince(c0);
  validate(input, result);
  const withPairs = new Set(input.pairs.flatMap((p) => [p.orgA, p.orgB])).size;
  return {
    instance: describe(shape, input),
    s: +seconds.toFixed(2),
    'cpu s': +cpu.toFixed(2),
    'peak RSS MB': Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
    'RSS before MB': Math.round(before / 1e6),
    placed: result.placements.length,
    score: +result.totalScore.toFixed(1),
    'orgs met': `${covered(
      input,
      result.placements.map((p) => p.pairKey),
    )} of ${withPairs}`,
    'breaks (max)': `${result.breaks.total} (${result.breaks.max})`,
  };
}

function speed() {
  // A fresh process per shape, so that the peak RSS belongs to that run alone.
  const self = fileURLToPath(import.meta.url);
  const rows = SPEED.map((_, k) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--speed-one', String(k)], { encoding: 'utf8' })));
  console.log('Speed: one run per large session (time of scheduleMeetings; peak RSS of the whole process)');
  console.table(rows);
}

// Run only as a script, so that the generator can be imported.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const mode = process.argv[2];
  if (mode === '--speed-one') console.log(JSON.stringify(speedRun(SPEED[Number(process.argv[3] ?? 0)]!)));
  else if (mode === '--seeds') {
    const [from, to] = (process.argv[3] ?? '6-17').split('-').map(Number);
    await quality(sweep(from!, to ?? from!));
  } else {
    if (mode !== '--speed') await quality(QUALITY);
    if (mode !== '--quality') speed();
  }
}
