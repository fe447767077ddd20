import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MatchingEngine, loadMatchingToolkit, type Profile } from '../matching/index.ts';
import { extractFeatures, FIELDS } from '../matching/features.ts';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../matching/score.ts';
import { dot, smoothIdf, tfidfVector, type SparseVector } from '../matching/tfidf.ts';
import { detectLanguage, toLocalizedText } from '../matching/text/language.ts';
import type { TextInput } from '../matching/profile.ts';
import { cosine, learnLatentSpace } from './latent.ts';
import { harmonicMean } from '../matching/score.ts';
import { typedVariant } from './typed.ts';
import { fitAndJudge, fitGroupWeights, pairwiseAccuracy, type Decision } from '../matching/learn.ts';
import { DEFAULT_TYPE_WEIGHTS } from '../matching/engine.ts';
import { mulberry32 } from '../matching/random.ts';

/**
 * `npm run eval [-- --set test/fixtures/eval/set-a.json]`: ranking quality on hand-labelled sets.
 * For every labelled pair (JP, MN), the JP organisation's ranking of MN organisations and the MN
 * organisation's ranking of JP ones are each checked for the partner: recall@5, recall@10 and MRR,
 * on the pairs written in different languages and on all pairs, for the engine, a plain TF-IDF
 * baseline (same tokenisers, no concepts, no reciprocity) and ablations. With `--misses`, every
 * query whose partner is not first is listed: the partner's rank, its signals, the concepts each
 * side's offers and needs were read as, and who came first (to find what the lexicon lacks).
 */
const { values } = parseArgs({ options: { set: { type: 'string', multiple: true }, misses: { type: 'boolean' } } });
const dir = join(import.meta.dirname, '../test/fixtures/eval');
const sets =
  values.set ??
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f));

interface RawOrg {
  externalId: string;
  name: TextInput;
  kind: Profile['kind'];
  country: string;
  city: string;
  languages: string[];
  sectors?: string[];
  description?: TextInput;
  offers: TextInput[];
  needs: TextInput[];
  sdgs?: number[];
}
interface EvalSet {
  organizations: RawOrg[];
  pairs: [string, string][];
}

const toolkit = await loadMatchingToolkit();

function toProfile(org: RawOrg, id: number): Profile {
  return {
    id,
    externalId: org.externalId,
    name: toLocalizedText(org.name),
    kind: org.kind,
    country: org.country,
    city: org.city,
    languages: org.languages,
    sectors: org.sectors ?? [],
    description: org.description === undefined ? {} : toLocalizedText(org.description),
    offers: org.offers.map(toLocalizedText),
    needs: org.needs.map(toLocalizedText),
    sdgs: org.sdgs ?? [],
  };
}

/**
 * The languages a profile is written in, by the detector of every text (not the key it was filed
 * under), so that the query groups below stay the same whatever engine version is measured.
 */
function writtenIn(p: Profile): Set<string> {
  const langs = new Set<string>();
  for (const t of [p.description, ...p.offers, ...p.needs]) for (const v of Object.values(t)) if (v) langs.add(detectLanguage(v));
  return langs;
}

/** Written in different languages: no language in common, so no shared words to lean on. */
function crossLanguage(a: Profile, b: Profile): boolean {
  const other = writtenIn(b);
  return ![...writtenIn(a)].some((l) => other.has(l));
}

/**
 * A Mongolian organisation that wrote Mongolian in Latin letters: no Cyrillic anywhere in its texts,
 * and at least one text that is Mongolian (README: a plain Latin string is filed as `mn` when it
 * reads as Mongolian, tested in test/matching/latin.test.ts).
 */
function latinMongolian(p: Profile): boolean {
  const texts = [p.description, ...p.offers, ...p.needs].flatMap((t) => Object.values(t));
  return p.country === 'MN' && !texts.some((t) => /\p{Script=Cyrillic}/u.test(t)) && writtenIn(p).has('mn');
}

/** Written in Japanese only on one side, Latin-typed Mongolian on the other. */
function latinMongolianJapanese(a: Profile, b: Profile): boolean {
  const [mn, jp] = a.country === 'MN' ? [a, b] : [b, a];
  return latinMongolian(mn) && writtenIn(jp).has('ja');
}

type Ranker = (self: Profile, candidates: Profile[]) => number[];

function engineRanker(profiles: Profile[], options: ConstructorParameters<typeof MatchingEngine>[0] extends infer O ? Partial<O> : never): Ranker {
  const engine = new MatchingEngine({ ...toolkit, ...options });
  engine.upsert(profiles);
  return (self) => engine.suggest(self.id, { limit: 1000, reasons: false }).map((s) => s.profileId);
}

/** Plain TF-IDF over the whole profile text, cosine similarity: what a naive matcher does. */
function baselineRanker(profiles: Profile[]): Ranker {
  const counts = profiles.map((p) => {
    const f = extractFeatures(p, toolkit.analyzer, toolkit.lexicon, { terms: true, concepts: false });
    const merged = new Map<string, number>();
    for (const field of FIELDS) for (const [k, v] of f[field].counts) merged.set(k, (merged.get(k) ?? 0) + v);
    return merged;
  });
  const ids = new Map<string, number>();
  const df: number[] = [];
  const byId = counts.map((c) => {
    const m = new Map<number, number>();
    for (const [k, v] of c) {
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
        df.push(0);
      }
      df[id]!++;
      m.set(id, v);
    }
    return m;
  });
  const vectors: SparseVector[] = byId.map((m) =>
    tfidfVector(
      m,
      (id) => smoothIdf(profiles.length, df[id]!),
      () => 1,
    ),
  );
  return (self, candidates) =>
    candidates
      .map((c) => ({ id: c.id, s: dot(vectors[self.id]!, vectors[c.id]!) }))
      .sort((a, b) => b.s - a.s || a.id - b.id)
      .map((x) => x.id);
}

/**
 * The engine plus cross-language LSI (bench/latent.ts), learned from this set's own bilingual
 * texts (no labels): score + weight · H(latent fwd, latent back). Kept as an experiment in the eval
 * so that anyone can see whether it earns its place in the engine.
 */
function latentRanker(profiles: Profile[], weight: number): { rank: Ranker; info: string } {
  const engine = new MatchingEngine(toolkit);
  engine.upsert(profiles);
  const documents: Map<string, number>[] = [];
  for (const p of profiles) {
    for (const text of [p.description, ...p.offers, ...p.needs]) {
      const versions = Object.entries(text).filter(([, v]) => v);
      if (versions.length < 2) continue;
      const doc = new Map<string, number>();
      for (const [lang, value] of versions) for (const t of toolkit.analyzer.analyze(value, lang).tokens) doc.set(t, (doc.get(t) ?? 0) + 1);
      documents.push(doc);
    }
  }
  const space = learnLatentSpace(documents, { dims: 40, minDf: 2, maxTerms: 3000 });
  const fields = new Map(
    profiles.map((p) => {
      const f = extractFeatures(p, toolkit.analyzer, toolkit.lexicon, { terms: true, concepts: false });
      return [p.id, { needs: space?.project(f.needs.counts) ?? null, offers: space?.project(f.offers.counts) ?? null }];
    }),
  );
  const rank: Ranker = (self, candidates) => {
    const base = new Map(engine.suggest(self.id, { limit: 1000, reasons: false }).map((s) => [s.profileId, s.score]));
    const a = fields.get(self.id)!;
    return candidates
      .map((c) => {
        const b = fields.get(c.id)!;
        return { id: c.id, s: (base.get(c.id) ?? 0) + weight * harmonicMean(cosine(a.needs, b.offers), cosine(b.needs, a.offers)) };
      })
      .sort((x, y) => y.s - x.s || x.id - y.id)
      .map((x) => x.id);
  };
  return {
    rank,
    info: space
      ? `${documents.length} bilingual texts, ${space.terms} terms, ${space.dims} dims`
      : `${documents.length} bilingual texts: too few to learn a space`,
  };
}

interface Metrics {
  pairs: number;
  r5: number;
  r10: number;
  mrr: number;
}

function evaluate(set: EvalSet, profiles: Profile[], rank: Ranker, only: (a: Profile, b: Profile) => boolean): Metrics {
  const byExt = new Map(profiles.map((p) => [p.externalId, p]));
  let n = 0,
    r5 = 0,
    r10 = 0,
    rr = 0;
  for (const [jp, mn] of set.pairs) {
    for (const [self, partner] of [
      [byExt.get(jp)!, byExt.get(mn)!],
      [byExt.get(mn)!, byExt.get(jp)!],
    ] as const) {
      if (!only(self, partner)) continue;
      const candidates = profiles.filter((p) => p.country !== self.country);
      const ranking = rank(self, candidates);
      const at = ranking.indexOf(partner.id);
      n++;
      if (at >= 0 && at < 5) r5++;
      if (at >= 0 && at < 10) r10++;
      if (at >= 0) rr += 1 / (at + 1);
    }
  }
  return n === 0 ? { pairs: 0, r5: NaN, r10: NaN, mrr: NaN } : { pairs: n, r5: r5 / n, r10: r10 / n, mrr: rr / n };
}

const noReciprocity: ScoreWeights = { ...DEFAULT_WEIGHTS, reciprocal: 0, oneSided: DEFAULT_WEIGHTS.reciprocal + DEFAULT_WEIGHTS.oneSided };
const noStructure: ScoreWeights = { ...DEFAULT_WEIGHTS, structure: 0 };

const any = () => true;
const f = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(3));

function report(title: string, set: EvalSet, rankers: [string, Ranker][], profiles: Profile[]) {
  const rows = rankers.map(([name, rank]) => {
    const cross = evaluate(set, profiles, rank, crossLanguage);
    const all = evaluate(set, profiles, rank, any);
    const latin = evaluate(set, profiles, rank, latinMongolianJapanese);
    return {
      ranker: name,
      'cross-lang recall@5': f(cross.r5),
      'recall@10': f(cross.r10),
      MRR: f(cross.mrr),
      'all recall@5': f(all.r5),
      'all MRR': f(all.mrr),
      'latin-mn↔ja recall@5': f(latin.r5),
      'latin MRR': f(latin.mrr),
      queries: `${cross.pairs}/${all.pairs}/${latin.pairs}`,
    };
  });
  console.log(
    `\n${title}: ${profiles.length} organisations, ${set.pairs.length} labelled pairs, each ranked from both sides (queries: cross-language / all / Latin-typed Mongolian ↔ Japanese)`,
  );
  console.table(rows);
}

/**
 * Learning from decisions (matching/learn.ts), on decisions simulated from the labels: the
 * organisations are reviewed one after another in a seeded order (that order is the decision time);
 * each of an organisation's top ten pairs not yet decided is approved when it is a labelled pair and
 * rejected otherwise. The weights are fitted on the earlier 70 % of decisions and judged on the later
 * 30 %: pairwise accuracy (approved above rejected) and the MRR of the labelled partners of the
 * organisations reviewed in that later part, with the default and with the fitted weights.
 */
function learning(name: string, set: EvalSet, profiles: Profile[]) {
  const engine = new MatchingEngine(toolkit);
  engine.upsert(profiles);
  const byExt = new Map(profiles.map((p) => [p.externalId, p]));
  const labelled = new Set(set.pairs.flatMap(([a, b]) => [`${byExt.get(a)!.id}:${byExt.get(b)!.id}`, `${byExt.get(b)!.id}:${byExt.get(a)!.id}`]));
  const random = mulberry32(5);
  const order = profiles
    .map((p) => ({ p, r: random() }))
    .sort((x, y) => x.r - y.r)
    .map((x) => x.p);
  const short = (p: Profile) => !Object.keys(p.description).length && !p.sectors.length;
  const decisions: (Decision & { orgId: number; partnerId: number })[] = [];
  const decided = new Set<string>();
  let clock = Date.UTC(2026, 10, 1);
  for (const self of order) {
    for (const s of engine.suggest(self.id, { limit: 10, reasons: false })) {
      const key = self.id < s.profileId ? `${self.id}:${s.profileId}` : `${s.profileId}:${self.id}`;
      if (decided.has(key)) continue;
      decided.add(key);
      clock += 60_000;
      decisions.push({
        orgId: self.id,
        partnerId: s.profileId,
        signals: s.signals,
        approved: labelled.has(key),
        decidedAt: new Date(clock).toISOString(),
        aboutMissing: short(self) || short(engine.get(s.profileId)!),
      });
    }
  }
  const report = fitAndJudge(decisions);
  const testOrgs = new Set(decisions.slice(report.train).map((d) => d.orgId));
  const heldOutPairs: EvalSet = {
    organizations: set.organizations,
    pairs: set.pairs.filter(([a, b]) => testOrgs.has(byExt.get(a)!.id) || testOrgs.has(byExt.get(b)!.id)),
  };
  const mrr = (weights: ScoreWeights, groups = DEFAULT_TYPE_WEIGHTS.groups) =>
    evaluate(heldOutPairs, profiles, engineRanker(profiles, { weights, typeWeights: { ...DEFAULT_TYPE_WEIGHTS, groups } }), any).mrr;
  const w = report.weights;
  // The concept-group weights (place 0.2, role 0.5, others 1), fitted the same way with the score's weights kept.
  const train = decisions.slice(0, report.train);
  const test = decisions.slice(report.train);
  const groups = fitGroupWeights(train, engine.textSignalsUnder(train.map((d) => [d.orgId, d.partnerId])), DEFAULT_TYPE_WEIGHTS.groups);
  const heldOutUnder = (g: Record<string, number>) => {
    const signals = engine.textSignalsUnder(test.map((d) => [d.orgId, d.partnerId]))(g);
    return pairwiseAccuracy(
      test.flatMap((d, i) => (signals[i] ? [{ ...d, signals: { ...d.signals, ...signals[i]! } }] : [])),
      DEFAULT_WEIGHTS,
    );
  };
  const groupsHeldOut = { start: heldOutUnder(DEFAULT_TYPE_WEIGHTS.groups), fitted: heldOutUnder(groups) };
  console.log(
    `\nLearning from decisions on ${name} (simulated from the labels, split by decision time): ${report.train} decisions to fit, ${report.test} held out`,
  );
  console.table([
    {
      weights: 'default',
      'held-out pairwise accuracy': f(report.heldOut.start),
      'held-out MRR': f(mrr(DEFAULT_WEIGHTS)),
      values: JSON.stringify(DEFAULT_WEIGHTS),
    },
    {
      weights: `fitted${report.adopt ? ' (adopted)' : ' (not adopted)'}`,
      'held-out pairwise accuracy': f(report.heldOut.fitted),
      'held-out MRR': f(mrr(w)),
      values: JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, +v.toFixed(3)]))),
    },
    {
      weights: `fitted concept groups${groupsHeldOut.fitted > groupsHeldOut.start ? ' (better)' : ' (not better)'}`,
      'held-out pairwise accuracy': `${f(groupsHeldOut.fitted)} (defaults ${f(groupsHeldOut.start)})`,
      'held-out MRR': f(mrr(DEFAULT_WEIGHTS, groups)),
      values: JSON.stringify(Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, +v.toFixed(3)]))),
    },
  ]);
}

/** `--misses`: the queries whose labelled partner is not ranked first, and why (what each side was read as). */
function misses(name: string, set: EvalSet, profiles: Profile[]) {
  const engine = new MatchingEngine(toolkit);
  engine.upsert(profiles);
  const byExt = new Map(profiles.map((p) => [p.externalId, p]));
  const concepts = (p: Profile, field: 'offers' | 'needs' | 'about') =>
    [...extractFeatures(p, toolkit.analyzer, toolkit.lexicon)[field].counts.keys()].filter((k) => k.startsWith('c:')).map((k) => k.slice(2));
  const read = (p: Profile) => `${p.externalId} offers [${concepts(p, 'offers').join(' ')}] needs [${concepts(p, 'needs').join(' ')}]`;
  console.log(`\nMisses on ${name} (partner not first):`);
  for (const [jp, mn] of set.pairs) {
    for (const [self, partner] of [
      [byExt.get(jp)!, byExt.get(mn)!],
      [byExt.get(mn)!, byExt.get(jp)!],
    ] as const) {
      const ranked = engine.suggest(self.id, { limit: 1000, reasons: false });
      const at = ranked.findIndex((s) => s.profileId === partner.id);
      if (at === 0) continue;
      console.log(`- ${self.externalId} → ${partner.externalId}: rank ${at < 0 ? 'none' : at + 1} ${at < 0 ? '' : JSON.stringify(ranked[at]!.signals)}`);
      console.log(`    self    ${read(self)}\n    partner ${read(partner)}`);
      if (ranked[0]) console.log(`    first   ${read(engine.get(ranked[0].profileId)!)} ${JSON.stringify(ranked[0].signals)}`);
    }
  }
}

for (const file of sets) {
  const set = JSON.parse(readFileSync(file, 'utf8')) as EvalSet;
  const profiles = set.organizations.map(toProfile);
  if (values.misses) {
    misses(basename(file), set, profiles);
    continue;
  }
  const rankers: [string, Ranker][] = [
    ['musubi engine', engineRanker(profiles, {})],
    ['baseline: plain TF-IDF', baselineRanker(profiles)],
    ['ablation: no concepts', engineRanker(profiles, { features: { terms: true, concepts: false } })],
    ['ablation: no reciprocity', engineRanker(profiles, { weights: noReciprocity })],
    ['ablation: no structured fit', engineRanker(profiles, { weights: noStructure })],
  ];
  for (const weight of [0.05, 0.15]) {
    const latent = latentRanker(profiles, weight);
    rankers.push([`experiment: + CL-LSI × ${weight}`, latent.rank]);
    if (weight === 0.05) console.log(`CL-LSI on ${basename(file)}: ${latent.info}`);
  }
  report(basename(file), set, rankers, profiles);

  // The same set as people type it (bench/typed.ts): Mongolian in Latin letters, half-width kana.
  const typed = typedVariant(set.organizations).map(toProfile);
  learning(basename(file), set, profiles);
  report(
    `${basename(file)} typed (generated: Mongolian retyped in Latin letters, every third Japanese text half-/full-width)`,
    set,
    [
      ['musubi engine', engineRanker(typed, {})],
      ['baseline: plain TF-IDF', baselineRanker(typed)],
    ],
    typed,
  );
}
