import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRENGTH_THRESHOLDS, strengthOf } from '../../matching/score.ts';
import { dbSnapshot, snapshotDiff, testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: 'demo' });
  await t.app.matching.idle();
}, 60_000);
afterAll(() => t.app.close());

type Pair = { id: number; status: string; a: { id: number; name: Record<string, string> }; b: { id: number; name: Record<string, string> } };

describe('the review queue of a real event', () => {
  it('approves ten pairs at once, recording each decision with its note', async () => {
    const pending = (await t.call({ method: 'GET', url: '/api/matches?status=pending&limit=10' })).json().items as Pair[];
    expect(pending).toHaveLength(10);
    const res = await t.call({
      method: 'POST',
      url: '/api/matches/decisions',
      payload: { ids: pending.map((p) => p.id), status: 'approved', note: 'Programme meeting' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual(pending.map((p) => ({ id: p.id, status: 'approved' })));
    const history = (await t.call({ method: 'GET', url: `/api/matches/${pending[0]!.id}/history` })).json().items;
    expect(history[0]).toMatchObject({ actor: 'matchmaker', status: 'approved', note: 'Programme meeting' });
  });

  it('lists each pair as its own page gives it, and follows a decision, a new Latin name and a profile edit at once', async () => {
    type Listed = Pair & { note: string | null; nameLatin?: string; reasons: { concept: { id: string } | null }[]; reasonCount: number };
    const url = '/api/matches?limit=5&reasons=12';
    const queue = async () => (await t.call({ method: 'GET', url })).json().items as Listed[];
    const first = await queue();
    expect(await queue()).toEqual(first);
    for (const pair of first) expect(pair).toEqual((await t.call({ method: 'GET', url: `/api/matches/${pair.id}` })).json());
    const [one] = first;
    await t.call({ method: 'PATCH', url: `/api/matches/${one!.id}`, payload: { status: 'pending', note: 'Ask about volumes' } });
    await t.call({ method: 'PATCH', url: `/api/organizations/${one!.a.id}`, payload: { nameLatin: 'Minato Test Latin' } });
    const renamed = (await queue()).find((p) => p.id === one!.id)!;
    expect([renamed.note, (renamed.a as { nameLatin?: string }).nameLatin]).toEqual(['Ask about volumes', 'Minato Test Latin']);
    // A profile that no longer says what the pair shared has fewer reasons for it.
    await t.call({
      method: 'PATCH',
      url: `/api/organizations/${one!.b.id}`,
      payload: { description: 'Wholesale of office furniture.', offers: ['Chairs'], needs: ['Desks'] },
    });
    await t.app.matching.idle();
    const edited = (await queue()).find((p) => p.id === one!.id);
    const now = (await t.call({ method: 'GET', url: `/api/matches/${one!.id}` })).json();
    expect(now.reasonCount).toBeLessThan(one!.reasonCount);
    if (edited) expect(edited).toEqual(now);
  });

  it('changes none when one pair does not exist, naming it', async () => {
    const one = (await t.call({ method: 'GET', url: '/api/matches?status=pending&limit=1' })).json().items[0] as Pair;
    const before = dbSnapshot(t.db);
    const res = await t.call({ method: 'POST', url: '/api/matches/decisions', payload: { ids: [one.id, 999999], status: 'rejected' } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'unknown-pair', errors: [{ field: 'ids.1', code: 'unknown-pair', params: { matchId: 999999 } }] });
    expect(snapshotDiff(before, dbSnapshot(t.db))).toEqual([]);
  });

  it('finds pairs by a Cyrillic name, a Japanese name and a Latin form of either', async () => {
    const byCyrillic = (await t.call({ method: 'GET', url: `/api/matches?q=${encodeURIComponent('Цагаан Сүрэг')}` })).json().items as Pair[];
    expect(byCyrillic.length).toBeGreaterThan(0);
    expect(byCyrillic.every((p) => [p.a, p.b].some((o) => Object.values(o.name).join(' ').includes('Цагаан Сүрэг')))).toBe(true);
    const byLatin = (await t.call({ method: 'GET', url: '/api/matches?q=tsagaan' })).json();
    expect(byLatin.total).toBeGreaterThanOrEqual(byCyrillic.length);
    const byJapanese = (await t.call({ method: 'GET', url: `/api/matches?q=${encodeURIComponent('ミナト')}` })).json().items as Pair[];
    expect(byJapanese.length).toBeGreaterThan(0);
  });

  it('exports the queue with its filters as CSV, every page, names in both scripts', async () => {
    const res = await t.call({ method: 'GET', url: '/api/matches/export?status=approved' });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('pair,score,strength,status');
    const total = (await t.call({ method: 'GET', url: '/api/matches?status=approved&limit=1' })).json().total;
    expect(lines.length - 1).toBeGreaterThanOrEqual(total);
    expect(res.body).toMatch(/approved/);
  });

  it("words a pair's strength on the engine's one scale: in the list, the export and the partner's page", async () => {
    // Pairs on both sides of "good" and "strong", so a second, different scale would show.
    const { good, strong } = STRENGTH_THRESHOLDS;
    const near = (await t.call({ method: 'GET', url: `/api/matches?minScore=${good - 0.02}&sort=score-asc&limit=200` })).json().items as (Pair & {
      score: number;
      strength: string;
    })[];
    expect(near.every((p) => p.score >= good - 0.02)).toBe(true);
    for (const p of near) expect(p.strength, `pair ${p.id} at ${p.score}`).toBe(strengthOf(p.score));
    // Just above "good": where a second copy of the scale (0.05) disagreed.
    const weakest = near.find((p) => p.score >= good && p.score < good + 0.01);
    expect(weakest, 'a pair just above good in the demo queue').toBeDefined();
    expect(weakest!.strength).toBe('good');
    const csv = (await t.call({ method: 'GET', url: `/api/matches/export?minScore=${good - 0.02}` })).body;
    const row = csv.split('\n').find((line) => line.startsWith(`${weakest!.id},`))!;
    expect(row.split(',')[2]).toBe('good');
    const { a, b } = weakest!;
    const token = (await t.call({ method: 'POST', url: `/api/organizations/${a.id}/tokens`, payload: {} })).json().token;
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/organizations/${a.id}/partners/${b.id}`, headers: { authorization: `Bearer ${token}` } })
    ).json();
    expect(view.strength).toBe(strengthOf(view.score));
    expect(strong).toBeGreaterThan(good);
  });

  it("shows an organisation a partner's profile with the reasons, but never its contact or a rejected partner", async () => {
    const pair = (await t.call({ method: 'GET', url: '/api/matches?status=approved&limit=1' })).json().items[0] as Pair;
    const token = (await t.call({ method: 'POST', url: `/api/organizations/${pair.a.id}/tokens`, payload: {} })).json().token;
    const as = { authorization: `Bearer ${token}` };
    const view = await t.app.inject({ method: 'GET', url: `/api/organizations/${pair.a.id}/partners/${pair.b.id}`, headers: as });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().organization.id).toBe(pair.b.id);
    expect(view.json().organization.nameLatin).not.toBe('');
    expect(view.json().organization.contact).toBeUndefined();
    expect(view.json().reasons.length).toBeGreaterThan(0);
    await t.call({ method: 'PATCH', url: `/api/matches/${pair.id}`, payload: { status: 'rejected' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/organizations/${pair.a.id}/partners/${pair.b.id}`, headers: as })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/organizations/${pair.b.id}/partners/${pair.a.id}`, headers: as })).statusCode).toBe(403);
  });
});
