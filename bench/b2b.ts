import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { scheduleMeetings } from '../matching/schedule/scheduler.ts';
import { type B2bInstance, check, meetingSlots, readInstance, toScheduleInput, variantOf } from './b2b/instance.ts';

/**
 * `npm run bench:b2b -- FILE.dzn...`: the scheduler on the UdG B2B meeting-scheduling instances
 * (../shared/benchmarks/b2b/, format and published optima in its README). Per instance: meetings,
 * placed, broken rules, total breaks, the published optimum, the spread of breaks (max − min over
 * businesses with a meeting), seconds (wall clock) and CPU seconds (what the run cost on a shared
 * machine, where the wall clock also counts the other processes). Reads the benchmark's variants
 * too: `forbidden` slots become unavailable slots, `fixed` meetings booked ones (kept where they
 * are, counted in the breaks); `precedences` are read but are no rule of the scheduler (said on
 * stderr when a file has any).
 *
 *   --json   only [{ "instance": "<file name>", "schedule": [[meetingIndex, slot], ...] }]
 *            (meetingIndex 0-based in `requested`, slot 1-based), for others to check
 *   --variants K   after each file, K variants of it (`variantOf`: a tenth of the meetings fixed
 *            where the file's plan put them, forbidden slots for a third of the businesses where
 *            that plan leaves them free), named FILE+v1..vK, with no published optimum
 */

/** Table 3 of Bofill et al. (JAIR 74, 2022): optimal total breaks, fairness d = 2. */
const PUBLISHED: Record<string, number> = {
  'forum-13': 0,
  'forum-13crafb': 6,
  'forum-13crafc': 1,
  'forum-14': 2,
  'forumt-14': 5,
  'forumt-14crafc': 5,
  'forumt-14crafd': 4,
  'forumt-14crafe': 5,
  'ticf-13crafa': 0,
  'ticf-13crafb': 3,
  'tic-12': 0,
  'tic-12crafc': 0,
  'tic-13': 0,
  'tic-13crafb': 0,
  'tic-13crafc': 4,
  'tic-14crafa': 0,
  'tic-14crafc': 0,
  'tic-14crafd': 0,
  'ticf-13crafc': 1,
  'ticf-14crafa': 0,
};

const { values, positionals: files } = parseArgs({
  options: { json: { type: 'boolean', default: false }, variants: { type: 'string', default: '0' } },
  allowPositionals: true,
});
const json = values.json;
const variants = Number(values.variants);
if (!Number.isInteger(variants) || variants < 0) {
  console.error('--variants takes a whole number');
  process.exit(2);
}
if (files.length === 0) {
  console.error('usage: npm run bench:b2b -- [--json] [--variants K] FILE.dzn...');
  process.exit(2);
}

const rows: Record<string, string | number>[] = [];
const schedules: { instance: string; schedule: [number, number][] }[] = [];
for (const file of files) {
  const inst = readInstance(readFileSync(file, 'utf8'));
  if (inst.precedences.some((set) => set.length > 0)) console.error(`${basename(file)}: its precedences are not rules of the scheduler and are not checked`);
  const slots = run(basename(file), inst);
  for (let k = 1; k <= variants; k++) run(`${basename(file)}+v${k}`, variantOf(inst, slots, k));
}

/** Schedules one instance and adds its row (and its schedule, for --json); returns the slots. */
function run(name: string, inst: B2bInstance): number[] {
  const input = toScheduleInput(inst);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = scheduleMeetings(input);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const slots = meetingSlots(inst, result);
  schedules.push({ instance: name, schedule: slots.flatMap((s, m) => (s > 0 ? [[m, s] as [number, number]] : [])) });
  const c = check(inst, slots);
  const met = c.breaks.filter((_, b) => slots.some((s, m) => s > 0 && inst.requested[m]!.slice(0, 2).includes(b + 1)));
  const total = c.breaks.reduce((x, y) => x + y, 0);
  const published = PUBLISHED[name.replace(/\.original\.dzn$|\.dzn$/, '')];
  rows.push({
    instance: name.replace(/\.dzn$/, ''),
    meetings: inst.requested.length,
    placed: c.placed,
    violations: c.violations.length,
    breaks: total,
    'published optimum': published ?? '–',
    'max − min': met.length ? Math.max(...met) - Math.min(...met) : 0,
    s: +seconds.toFixed(2),
    'cpu s': +((cpu.user + cpu.system) / 1e6).toFixed(2),
  });
  if (!json && c.violations.length) console.error(`${name}: ${c.violations.slice(0, 5).join('; ')}`);
  return slots;
}

if (json) console.log(JSON.stringify(schedules));
else {
  const sum = (k: string) => rows.reduce((n, r) => n + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
  rows.push({
    instance: 'total',
    meetings: sum('meetings'),
    placed: sum('placed'),
    violations: sum('violations'),
    breaks: sum('breaks'),
    'published optimum': rows.some((r) => typeof r['published optimum'] === 'number') ? sum('published optimum') : '–',
    'max − min': Math.max(...rows.map((r) => r['max − min'] as number)),
    s: +sum('s').toFixed(2),
    'cpu s': +sum('cpu s').toFixed(2),
  });
  console.table(rows);
}
