import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineScore, DEFAULT_WEIGHTS, withoutAbout, type PairSignals, type ScoreWeights } from '../../matching/score.ts';
import { createLearning } from '../../src/matches/learning.ts';
import { createWeightsRepository } from '../../src/matches/weights-repository.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbSnapshot, profile, testApp, type TestApp } from '../helpers.ts';

/**
 * Learning the score's weights in the service (issue 13): fit on the decisions in the database,
 * split by decision time; adopt only a fit that ranked the held-out decisions better; reset to the
 * defaults. Adopting and resetting re-rank every pair through the service's ranking job, and the
 * decisions survive it.
 */
interface Pair {
  id: number;
  a: { id: number };
  b: { id: number };
  score: number;
  status: string;
  signals: PairSignals;
}

let t: TestApp;
let clock = Date.parse('2027-01-10T00:00:00Z');

const ok = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, status = 200) => {
  const res = await t.call({ method, url, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
};
const pairs = async (): Promise<Pair[]> => (await ok('GET', '/api/matches?limit=500')).items;
const pair = async (id: number): Promise<Pair> => ok('GET', `/api/matches/${id}`);
/** Decides pairs one at a time, a minute apart, in this order: the order is the decision time. */
const decide = async (list: { id: number; status: 'approved' | 'rejected' | 'pending' }[]) => {
  for (const d of list) {
    clock += 60_000;
    await ok('PATCH', `/api/matches/${d.id}`, { status: d.status });
  }
};
/** Approved and rejected pairs taken in turn, so that both sides of the split hold both. */
const interleave = (approve: Pair[], reject: Pair[]) =>
  approve.flatMap((p, i) => [{ id: p.id, status: 'approved' as const }, ...(reject[i] ? [{ id: reject[i]!.id, status: 'rejected' as const }] : [])]);

beforeAll(async () => {
  t = await testApp({ seed: 'demo', now: () => new Date(clock) });
  await t.app.matching.idle();
}, 120_000);
afterAll(async () => {
  await t?.app.close();
});

describe('learning the weights from decisions', () => {
  it('shows the defaults in use and refuses to fit on decisions that are all approvals, storing nothing', async () => {
    const state = await ok('GET', '/api/matching/weights');
    expect(state.inUse).toEqual({ source: 'defaults', fitId: null, adoptedAt: null, weights: DEFAULT_WEIGHTS });
    expect(state.decisions.review).toBe((await pairs()).filter((p) => p.status === 'approved').length);
    expect(state.decisions.review).toBeGreaterThan(20);
    const before = dbSnapshot(t.db);
    const res = await t.call({ method: 'POST', url: '/api/matching/weights/fits' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'too-few-decisions', params: { approved: state.decisions.review, needed: 20 } });
    expect(dbSnapshot(t.db).counts.matching_weights).toBe(before.counts.matching_weights);
    expect((await ok('GET', '/api/matching/weights')).fits).toEqual([]);
  });

  it('refuses to adopt a fit that did not rank the held-out decisions better (the defaults already rank them all right)', async () => {
    // Start from no decisions: the seed's approvals go back to pending.
    const seeded = (await pairs()).filter((p) => p.status === 'approved');
    await ok('POST', '/api/matches/decisions', { ids: seeded.map((p) => p.id), status: 'pending' });
    const byScore = (await pairs()).sort((a, b) => b.score - a.score);
    // The 15 best pairs approved, the 15 worst rejected: the default weights order every couple right.
    await decide(interleave(byScore.slice(0, 15), byScore.slice(-15)));
    const fit = await ok('POST', '/api/matching/weights/fits', undefined, 201);
    expect(fit).toMatchObject({ fromReview: 30, fromOutcomes: 0, train: 21, test: 9, better: false, heldOutStart: 1, current: true, inUse: false });
    expect(fit.heldOutFitted).toBeLessThanOrEqual(1);
    const before = dbSnapshot(t.db);
    const res = await t.call({ method: 'POST', url: `/api/matching/weights/fits/${fit.id}/adopt` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'fit-not-better', params: { id: fit.id } });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect((await ok('GET', '/api/matching/weights')).inUse.source).toBe('defaults');
    expect((await t.call({ method: 'POST', url: '/api/matching/weights/fits/99999/adopt' })).statusCode).toBe(404);
    // Undo these decisions for the next case.
    await ok('POST', '/api/matches/decisions', { ids: [...byScore.slice(0, 15), ...byScore.slice(-15)].map((p) => p.id), status: 'pending' });
  });

  it('adopts a fit that ranks the held-out decisions better, re-ranks every pair with it (decisions kept), and resets to the defaults', async () => {
    const all = await pairs();
    // The matchmaker's taste: pairs whose descriptions are alike, whatever their offers and needs say.
    // The default weights give descriptions 10 %, so they rank these decisions poorly.
    const described = all.filter((p) => p.signals.about > 0).sort((a, b) => b.signals.about - a.signals.about);
    const approve = described.slice(0, 20);
    const reject = all
      .filter((p) => p.signals.about === 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 20);
    await decide(interleave(approve, reject));
    const fit = await ok('POST', '/api/matching/weights/fits', undefined, 201);
    expect(fit).toMatchObject({ fromReview: 40, train: 28, test: 12, better: true, current: true });
    expect(fit.heldOutFitted).toBeGreaterThan(fit.heldOutStart);
    expect(fit.heldOutDefaults).toBe(fit.heldOutStart);
    expect(fit.weights.about / (fit.weights.reciprocal + fit.weights.oneSided + fit.weights.about)).toBeGreaterThan(0.1);

    const approvedPair = approve[0]!;
    const pendingPair = all.find((p) => p.status === 'pending' && !approve.includes(p) && !reject.includes(p))!;
    const state = await ok('POST', `/api/matching/weights/fits/${fit.id}/adopt`);
    expect(state.inUse).toMatchObject({ source: 'fitted', fitId: fit.id, weights: fit.weights });
    expect(state.fits[0]).toMatchObject({ id: fit.id, inUse: true, adoptedBy: 'matchmaker' });

    // Re-ranked with the fitted weights: the decided pair keeps its decision, its score follows the weights.
    const after = await pair(approvedPair.id);
    expect(after.status).toBe('approved');
    const scored = (a: number, b: number, signals: PairSignals, w: ScoreWeights) =>
      combineScore(signals, t.app.matching.pairSignals(a, b)!.aboutMissing ? withoutAbout(w) : w);
    expect(after.score).toBeCloseTo(scored(after.a.id, after.b.id, after.signals, fit.weights), 3);
    expect(after.score).not.toBeCloseTo(approvedPair.score, 3);
    // The engine answers suggestions with the same weights, and they are the stored pairs' scores.
    const [top] = (await ok('GET', `/api/organizations/${approvedPair.a.id}/suggestions?limit=5`)).items;
    expect(top.score).toBeCloseTo(scored(approvedPair.a.id, top.organization.id, top.signals, fit.weights), 3);
    expect(top.match).not.toBeNull();
    expect((await pair(top.match.id)).score).toBeCloseTo(top.score, 3);
    const rejected: Pair[] = (await ok('GET', '/api/matches?status=rejected&limit=500')).items;
    expect(rejected.map((p) => p.id).sort((x, y) => x - y)).toEqual(reject.map((p) => p.id).sort((x, y) => x - y));

    // Adopting it again changes nothing; fitting again now starts from the adopted weights.
    expect((await ok('POST', `/api/matching/weights/fits/${fit.id}/adopt`)).inUse.fitId).toBe(fit.id);
    const second = await ok('POST', '/api/matching/weights/fits', undefined, 201);
    expect(second.startWeights).toEqual(fit.weights);

    // Reset: the defaults again, every pair re-ranked with them, decisions still there.
    const reset = await ok('POST', '/api/matching/weights/reset');
    expect(reset.inUse).toEqual({ source: 'defaults', fitId: null, adoptedAt: null, weights: DEFAULT_WEIGHTS });
    expect(reset.fits.find((f: { id: number }) => f.id === fit.id)).toMatchObject({ inUse: false, retiredBy: 'matchmaker' });
    const back = await pair(approvedPair.id);
    expect(back.status).toBe('approved');
    expect(back.score).toBeCloseTo(approvedPair.score, 3);
    if (pendingPair) expect((await pair(pendingPair.id)).score).toBeCloseTo(pendingPair.score, 3);
    // A fit judged against weights no longer in use (the fitted ones) may not be adopted.
    const stale = await t.call({ method: 'POST', url: `/api/matching/weights/fits/${second.id}/adopt` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe(second.better ? 'fit-outdated' : 'fit-not-better');
  }, 120_000);

  it('a restarted service scores with the adopted weights (read from the database), and re-ranks with them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'musubi-learning-')), 'db.sqlite');
    const first = await testApp({ databasePath: path });
    await first.app.matching.idle();
    for (const p of [
      profile({ externalId: 'mn-1' }),
      profile({ externalId: 'jp-1', name: '株式会社カシミヤ', country: 'JP', languages: ['ja'], offers: ['ブランド販売'], needs: ['カシミヤ糸の仕入れ'] }),
    ])
      expect((await first.call({ method: 'POST', url: '/api/organizations', payload: p })).statusCode).toBe(201);
    await first.app.matching.idle();
    const weights: ScoreWeights = { ...DEFAULT_WEIGHTS, reciprocal: 0, oneSided: 0.9, structure: 0 };
    const repo = createWeightsRepository(first.db);
    const fit = repo.insert({
      weights,
      startWeights: DEFAULT_WEIGHTS,
      groups: null,
      fromReview: 30,
      fromOutcomes: 0,
      train: 21,
      test: 9,
      splitAt: null,
      heldOutStart: 0.6,
      heldOutFitted: 0.8,
      heldOutDefaults: 0.6,
      better: true,
      fittedAt: '2027-01-01T00:00:00.000Z',
      fittedBy: 'matchmaker',
    });
    repo.adopt(fit.id, 'matchmaker', '2027-01-01T00:00:00.000Z');
    await first.app.close();

    const second = await testApp({ databasePath: path });
    try {
      await second.app.matching.idle();
      expect(second.app.matching.weights).toEqual(weights);
      expect((await second.call({ method: 'GET', url: '/api/matching/weights' })).json().inUse).toMatchObject({ source: 'fitted', fitId: fit.id, weights });
      // Pairs ranked after the restart carry the adopted weights' score.
      await second.call({ method: 'POST', url: '/api/matches/rerank' });
      const [stored] = (await second.call({ method: 'GET', url: '/api/matches' })).json().items as Pair[];
      const s = second.app.matching.pairSignals(stored!.a.id, stored!.b.id)!;
      expect(stored!.score).toBeGreaterThan(0);
      expect(stored!.score).toBeCloseTo(combineScore(s.signals, s.aboutMissing ? withoutAbout(weights) : weights), 3);
      expect(stored!.score).not.toBeCloseTo(combineScore(s.signals, s.aboutMissing ? withoutAbout(DEFAULT_WEIGHTS) : DEFAULT_WEIGHTS), 3);
    } finally {
      await second.app.close();
    }
  }, 120_000);

  it('an outcome label replaces the review decision of its pair, at the time of the meeting, weighted by its evidence', () => {
    const [first, second] = t.app.matches.decidedOutside(new Set()).filter((r) => r.status === 'approved');
    const learning = createLearning({
      weights: createWeightsRepository(t.db),
      matches: t.app.matches,
      matching: t.app.matching,
      labels: () => [
        { orgAId: first!.orgAId, orgBId: first!.orgBId, label: 'no-fit', weight: -0.5, evidence: ['interest: none'], at: '2027-02-01T01:00:00.000Z' },
        // A pair never decided in the review queue still counts.
        { orgAId: second!.orgAId, orgBId: second!.orgBId, label: 'agreement', weight: 1, evidence: ['mou'], at: '2027-02-02T01:00:00.000Z' },
        // Without a meeting time there is nothing to split by: left out.
        { orgAId: 1, orgBId: 2, label: 'interest', weight: 0.3, evidence: [], at: null },
      ],
      now: () => new Date(clock),
    });
    const { decisions, fromReview, fromOutcomes } = learning.gather();
    const reviewed = t.app.matches.decidedOutside(new Set()).length;
    expect(fromOutcomes).toBe(2);
    expect(fromReview).toBe(reviewed - 2);
    const noFit = decisions.find((d) => d.decidedAt === '2027-02-01T01:00:00.000Z')!;
    expect(noFit).toMatchObject({ approved: false, weight: 0.5 });
    expect(noFit.signals).toEqual(t.app.matching.pairSignals(first!.orgAId, first!.orgBId)!.signals);
    expect(decisions.find((d) => d.decidedAt === '2027-02-02T01:00:00.000Z')).toMatchObject({ approved: true, weight: 1 });
  });
});
