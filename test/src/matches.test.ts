import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
let ids: Record<string, number>;

const ORGS = [
  {
    externalId: 'jp-buyer',
    name: { ja: '株式会社ミナト繊維' },
    kind: 'company',
    country: 'JP',
    city: 'Osaka',
    languages: ['ja'],
    description: 'カシミヤ製品の企画卸',
    offers: ['日本の百貨店への販路を提供します'],
    needs: ['モンゴル産のカシミヤ糸を安定して調達したい'],
    sdgs: [8, 12],
    contact: { email: 'buyer@example.jp' },
  },
  {
    externalId: 'mn-producer',
    name: { mn: 'Цагаан Сүрэг ХХК' },
    kind: 'company',
    country: 'MN',
    city: 'Ulaanbaatar',
    languages: ['mn'],
    description: 'Ноолуур боловсруулах үйлдвэр',
    offers: ['Ноолууран утас, ноолуур нийлүүлнэ'],
    needs: ['Японы зах зээлд борлуулах дистрибьютор хэрэгтэй'],
    sdgs: [8, 12],
    contact: { email: 'producer@example.mn' },
  },
  {
    externalId: 'mn-spinner',
    name: 'Хангай Ээрмэл ХХК',
    kind: 'company',
    country: 'MN',
    city: 'Darkhan',
    languages: ['mn'],
    description: 'Ээрмэлийн үйлдвэр',
    offers: ['Ноолууран утас экспортлоно'],
    needs: ['Уул уурхайн тоног төхөөрөмж хэрэгтэй'],
  },
  {
    externalId: 'mn-miner',
    name: 'Gobi Coal Services',
    kind: 'company',
    country: 'MN',
    city: 'Ulaanbaatar',
    languages: ['mn', 'en'],
    description: 'Coal mining contractor',
    offers: ['Coal mining services'],
    needs: ['Mining equipment maintenance'],
  },
  {
    externalId: 'jp-machinery',
    name: '北斗鉱機株式会社',
    kind: 'company',
    country: 'JP',
    city: 'Sapporo',
    languages: ['ja', 'en'],
    description: '鉱山機械メーカー',
    offers: ['鉱山機械の保守サービス'],
    needs: ['モンゴルの鉱山会社との取引'],
  },
];

beforeEach(async () => {
  t = await testApp();
  const res = await t.call({ method: 'POST', url: '/api/organizations/import', payload: ORGS });
  expect(res.statusCode, res.body).toBe(200);
  ids = Object.fromEntries(res.json().items.map((i: { externalId: string; id: number }) => [i.externalId, i.id]));
  await t.app.matching.idle();
});
afterEach(() => t.app.close());

const suggestions = async (id: number, query = '', headers?: Record<string, string>) => {
  const res = await t.call({ method: 'GET', url: `/api/organizations/${id}/suggestions${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    organization: { externalId: string };
    score: number;
    reasons: { direction: string; concept: { id: string } | null }[];
    match: { id: number; status: string } | null;
  }[];
};

describe('suggestions', () => {
  it('ranks the two-sided Mongolian partner first for the Japanese buyer, with reasons', async () => {
    const items = await suggestions(ids['jp-buyer']!);
    expect(items.map((i) => i.organization.externalId)).toEqual(['mn-producer', 'mn-spinner']);
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
    expect(items[0]!.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'a-needs-b-offers', concept: expect.objectContaining({ id: 'cashmere' }) }),
        expect.objectContaining({ direction: 'b-needs-a-offers' }),
      ]),
    );
    expect(items[0]!.match).toEqual({ id: expect.any(Number), status: 'pending' });
  });

  it('gives at most `reasons` reasons per partner, the strongest of each side first, and how many there are', async () => {
    type Item = { organization: { id: number }; reasons: { direction: string }[]; reasonCount: number };
    const ask = async (query: string) =>
      (await t.call({ method: 'GET', url: `/api/organizations/${ids['jp-buyer']}/suggestions${query}` })).json().items as Item[];
    const all = await ask('?reasons=12');
    const top = all[0]!;
    expect(top.reasonCount).toBe(top.reasons.length);
    expect(top.reasonCount).toBeGreaterThan(2);
    // The default (asked after: the cached answer of one is not the other's).
    const shown = await ask('');
    expect(shown[0]!.reasons.length).toBe(Math.min(4, top.reasonCount));
    expect(shown[0]!.reasonCount).toBe(top.reasonCount);
    const two = await ask('?reasons=2');
    expect(two[0]!.reasons.map((r) => r.direction)).toEqual(['a-needs-b-offers', 'b-needs-a-offers']);
    expect((await ask('?reasons=0'))[0]!.reasons).toEqual([]);
    // The partner page has them all.
    const partner = (await t.call({ method: 'GET', url: `/api/organizations/${ids['jp-buyer']}/partners/${top.organization.id}` })).json();
    expect(partner.reasons).toHaveLength(top.reasonCount);
    const bad = await t.call({ method: 'GET', url: `/api/organizations/${ids['jp-buyer']}/suggestions?reasons=13` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('reasons');
  });

  it('gives the review queue the strongest reasons of each pair and how many there are; one pair has them all', async () => {
    type Pair = { id: number; reasons: { direction: string; weight: number }[]; reasonCount: number };
    const queue = async (query: string) => (await t.call({ method: 'GET', url: `/api/matches${query}` })).json().items as Pair[];
    const pairs = await queue('?reasons=12');
    const rich = pairs.find((p) => p.reasonCount > 2)!;
    expect(rich).toBeDefined();
    expect(rich.reasons).toHaveLength(rich.reasonCount);
    const one = (await t.call({ method: 'GET', url: `/api/matches/${rich.id}` })).json() as Pair;
    expect(one.reasons).toEqual(rich.reasons);
    expect(one.reasonCount).toBe(rich.reasonCount);
    expect((await queue('')).find((p) => p.id === rich.id)!.reasons).toHaveLength(Math.min(4, rich.reasonCount));
    const shown = (await queue('?reasons=2')).find((p) => p.id === rich.id)!;
    expect(shown.reasons).toHaveLength(2);
    expect(shown.reasonCount).toBe(rich.reasonCount);
    // The strongest of each direction in turn, each one of the pair's own.
    expect(shown.reasons.every((r) => one.reasons.some((o) => JSON.stringify(o) === JSON.stringify(r)))).toBe(true);
    expect((await queue('?reasons=0')).every((p) => p.reasons.length === 0)).toBe(true);
    const bad = await t.call({ method: 'GET', url: '/api/matches?reasons=13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('reasons');
  });

  it('filters partners by country, kind and city, and limits', async () => {
    expect((await suggestions(ids['jp-buyer']!, '?city=darkhan')).map((i) => i.organization.externalId)).toEqual(['mn-spinner']);
    expect(await suggestions(ids['jp-buyer']!, '?kind=ngo')).toEqual([]);
    expect(await suggestions(ids['jp-buyer']!, '?limit=1')).toHaveLength(1);
    expect(await suggestions(ids['jp-buyer']!, '?country=JP')).toEqual([]);
  });

  it('lets an organisation see its own suggestions but never a pair a matchmaker rejected', async () => {
    const token = (await t.call({ method: 'POST', url: `/api/organizations/${ids['jp-buyer']}/tokens`, payload: {} })).json().token;
    const asOrg = { authorization: `Bearer ${token}` };
    const mine = await suggestions(ids['jp-buyer']!, '', asOrg);
    expect(mine.map((i) => i.organization.externalId)).toEqual(['mn-producer', 'mn-spinner']);
    expect(JSON.stringify(mine)).not.toContain('producer@example.mn');

    await t.call({ method: 'PATCH', url: `/api/matches/${mine[1]!.match!.id}`, payload: { status: 'rejected', note: 'Not a fit' } });
    expect((await suggestions(ids['jp-buyer']!, '', asOrg)).map((i) => i.organization.externalId)).toEqual(['mn-producer']);
    expect((await suggestions(ids['jp-buyer']!)).map((i) => i.organization.externalId)).toEqual(['mn-producer', 'mn-spinner']);

    const other = await t.call({ method: 'GET', url: `/api/organizations/${ids['mn-producer']}/suggestions`, headers: asOrg });
    expect(other.statusCode).toBe(403);
  });

  it('hides a partner at once when a matchmaker rejects the pair among many (bulk), from a cached answer too', async () => {
    const token = (await t.call({ method: 'POST', url: `/api/organizations/${ids['jp-buyer']}/tokens`, payload: {} })).json().token;
    const asOrg = { authorization: `Bearer ${token}` };
    const mine = await suggestions(ids['jp-buyer']!, '', asOrg);
    expect(mine.map((i) => i.organization.externalId)).toEqual(['mn-producer', 'mn-spinner']);
    const bulk = await t.call({ method: 'POST', url: '/api/matches/decisions', payload: { ids: [mine[1]!.match!.id], status: 'rejected' } });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect((await suggestions(ids['jp-buyer']!, '', asOrg)).map((i) => i.organization.externalId)).toEqual(['mn-producer']);
    expect((await suggestions(ids['jp-buyer']!)).map((i) => i.match?.status)).toEqual(['pending', 'rejected']);
  });

  it("marks each partner with the pair's place in the queue as rankings change it, without computing the list again", async () => {
    const buyer = ids['jp-buyer']!;
    const before = await suggestions(buyer);
    const producer = ids['mn-producer']!;
    expect(before[0]!.organization.externalId).toBe('mn-producer');
    const computed = t.app.matching.answersComputed;
    // A ranking of the buyer that no longer holds the producer drops their pending pair.
    const ranked = t.app.matches.forOrganization(buyer).map((m) => ({ orgAId: m.orgAId, orgBId: m.orgBId, score: m.score, signals: m.signals }));
    const rank = (pairs: typeof ranked, at: string) => t.app.matches.saveRanking(pairs, { organizations: [buyer] }, at);
    rank(
      ranked.filter((m) => m.orgAId !== producer && m.orgBId !== producer),
      '2030-01-01T00:00:00.000Z',
    );
    const dropped = await suggestions(buyer);
    expect(dropped.map((i) => [i.organization.externalId, i.match?.status ?? null])).toEqual([
      ['mn-producer', null],
      ['mn-spinner', 'pending'],
    ]);
    // The next ranking brings the pair back, with a new id.
    rank(ranked, '2030-01-01T00:00:01.000Z');
    const back = await suggestions(buyer);
    expect(back[0]!.match).toEqual({ id: expect.any(Number), status: 'pending' });
    expect(back[0]!.match!.id).not.toBe(before[0]!.match!.id);
    expect(t.app.matching.answersComputed).toBe(computed);
  });

  it('shows organisations at an "approved pairs only" event nothing but approved pairs', async () => {
    const token = (await t.call({ method: 'POST', url: `/api/organizations/${ids['jp-buyer']}/tokens`, payload: {} })).json().token;
    const asOrg = { authorization: `Bearer ${token}` };
    const event = (
      await t.call({
        method: 'POST',
        url: '/api/events',
        payload: {
          name: 'E',
          city: 'Osaka',
          timeZone: 'Asia/Tokyo',
          slotMinutes: 30,
          days: [{ date: '2026-12-10', open: '09:00', close: '12:00' }],
          approvedPairsOnly: true,
        },
      })
    ).json();
    expect(event.approvedPairsOnly).toBe(true);
    expect((await suggestions(ids['jp-buyer']!, '', asOrg)).length).toBe(2);
    await t.call({ method: 'POST', url: `/api/events/${event.id}/attendees`, payload: { organizationId: ids['jp-buyer'], name: 'Yumi', languages: ['ja'] } });
    expect(await suggestions(ids['jp-buyer']!, '', asOrg)).toEqual([]);
    const mine = await suggestions(ids['jp-buyer']!);
    await t.call({ method: 'PATCH', url: `/api/matches/${mine[0]!.match!.id}`, payload: { status: 'approved' } });
    expect((await suggestions(ids['jp-buyer']!, '', asOrg)).map((i) => i.organization.externalId)).toEqual(['mn-producer']);
  });

  it('answers 404 for an unknown organisation', async () => {
    expect((await t.call({ method: 'GET', url: '/api/organizations/9999/suggestions' })).statusCode).toBe(404);
  });
});

describe('review queue', () => {
  const queue = async (query = '') => {
    const res = await t.call({ method: 'GET', url: `/api/matches${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      total: number;
      items: { id: number; score: number; status: string; note: string | null; a: { externalId: string }; b: { externalId: string }; reasons: unknown[] }[];
    };
  };
  const pairName = (m: { a: { externalId: string }; b: { externalId: string } }) => [m.a.externalId, m.b.externalId].sort().join('+');

  it('lists each ranked pair once, best first, with reasons', async () => {
    const { items, total } = await queue();
    expect(total).toBe(items.length);
    const names = items.map(pairName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('jp-buyer+mn-producer');
    expect(names).toContain('jp-machinery+mn-miner');
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
    expect(items[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('filters by status, minimum score, country, kind, sector and organisation, and pages', async () => {
    const { items } = await queue();
    const top = items[0]!;
    await t.call({ method: 'PATCH', url: `/api/matches/${top.id}`, payload: { status: 'approved', note: 'Call them' } });
    expect((await queue('?status=approved')).items.map((i) => i.id)).toEqual([top.id]);
    expect((await queue(`?minScore=${top.score}`)).items.map((i) => i.id)).toEqual([top.id]);
    expect((await queue('?country=KR')).total).toBe(0);
    expect((await queue('?kind=education')).total).toBe(0);
    expect((await queue(`?organizationId=${ids['mn-miner']}`)).items.map(pairName)).toEqual(['jp-machinery+mn-miner']);
    expect((await queue('?limit=1&offset=1')).items).toHaveLength(1);
    const bad = await t.call({ method: 'GET', url: '/api/matches?status=maybe&minScore=2' });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps each filter’s total in step with decisions and with edits of the organisations it filters on', async () => {
    const approved = (await queue('?status=approved')).total;
    const { items } = await queue('?status=pending');
    const pending = items.length;
    await t.call({ method: 'PATCH', url: `/api/matches/${items[0]!.id}`, payload: { status: 'approved' } });
    expect((await queue('?status=approved')).total).toBe(approved + 1);
    expect((await queue('?status=pending')).total).toBe(pending - 1);
    const miner = await t.call({ method: 'GET', url: `/api/organizations/${ids['mn-miner']}` });
    const before = (await queue('?kind=education')).total;
    await t.call({ method: 'PATCH', url: `/api/organizations/${ids['mn-miner']}`, payload: { kind: 'education' } });
    expect((await queue('?kind=education')).total).toBeGreaterThan(before);
    await t.call({ method: 'PATCH', url: `/api/organizations/${ids['mn-miner']}`, payload: { kind: miner.json().kind } });
    expect((await queue('?kind=education')).total).toBe(before);
    // Written behind the service's back (no re-ranking follows): the total still follows.
    const kindOf = t.app.db.$client.prepare('update organizations set kind = ? where id = ?');
    kindOf.run('education', ids['mn-miner']);
    expect(t.app.matches.list({ kind: 'education', limit: 1, offset: 0 }).total).toBeGreaterThan(before);
    kindOf.run(miner.json().kind, ids['mn-miner']);
    expect(t.app.matches.list({ kind: 'education', limit: 1, offset: 0 }).total).toBe(before);
    // A veto takes the pair out of the queue's totals (all pairs less the vetoed ones) and into the vetoed filter's.
    const all = (await queue()).total;
    const pendingNow = (await queue('?status=pending')).total;
    const vetoed = (await queue('?status=pending')).items.at(-1)!;
    expect((await t.call({ method: 'PUT', url: `/api/matches/${vetoed.id}/rules`, payload: { rule: 'vetoed' } })).statusCode).toBe(200);
    expect((await queue()).total).toBe(all - 1);
    expect((await queue('?status=pending')).total).toBe(pendingNow - 1);
    expect((await queue('?status=rejected&rule=vetoed')).total).toBe(1);
    expect((await queue('?rule=vetoed')).items.map((m) => m.id)).toEqual([vetoed.id]);
  });

  it('records a decision with its note, and refuses a bad one', async () => {
    const { items } = await queue();
    const res = await t.call({ method: 'PATCH', url: `/api/matches/${items[0]!.id}`, payload: { status: 'rejected', note: 'Competitors in practice' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', note: 'Competitors in practice', decidedBy: 'matchmaker', decidedAt: expect.any(String) });
    const bad = await t.call({ method: 'PATCH', url: `/api/matches/${items[0]!.id}`, payload: { status: 'maybe' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { field: 'status', message: 'must be one of: pending, approved, rejected', code: 'enum', params: { values: ['pending', 'approved', 'rejected'] } },
    ]);
    expect((await t.call({ method: 'PATCH', url: '/api/matches/99999', payload: { status: 'approved' } })).statusCode).toBe(404);
  });

  it('keeps decisions through a re-import, a profile edit and a full re-rank', async () => {
    const pair = (await queue()).items.find((i) => pairName(i) === 'jp-buyer+mn-producer')!;
    await t.call({ method: 'PATCH', url: `/api/matches/${pair.id}`, payload: { status: 'approved', note: 'Meet in UB' } });

    const reimport = await t.call({ method: 'POST', url: '/api/organizations/import', payload: ORGS });
    expect(reimport.json()).toMatchObject({ created: 0, updated: 5 });
    await t.call({ method: 'PATCH', url: `/api/organizations/${ids['mn-producer']}`, payload: { offers: ['Ноолууран утас, сүлжмэл эдлэл нийлүүлнэ'] } });
    await t.call({ method: 'POST', url: '/api/matches/rerank' });

    const after = (await queue()).items.find((i) => pairName(i) === 'jp-buyer+mn-producer')!;
    expect(after).toMatchObject({ id: pair.id, status: 'approved', note: 'Meet in UB' });
  });

  it('re-ranks an edited profile: a new fit appears, a lost fit leaves', async () => {
    const before = (await queue()).items.map(pairName);
    expect(before).toContain('jp-machinery+mn-miner');
    expect(before).not.toContain('jp-buyer+mn-miner');
    await t.call({
      method: 'PATCH',
      url: `/api/organizations/${ids['mn-miner']}`,
      payload: { description: 'Cashmere trading house', offers: ['Cashmere yarn from Mongolian herders'], needs: ['Distributors in Japan'] },
    });
    const after = (await queue()).items.map(pairName);
    expect(after).toContain('jp-buyer+mn-miner');
    expect(after).not.toContain('jp-machinery+mn-miner');
  });

  it('drops the pairs of a deleted organisation', async () => {
    await t.call({ method: 'DELETE', url: `/api/organizations/${ids['mn-miner']}` });
    expect((await queue()).items.map(pairName)).not.toContain('jp-machinery+mn-miner');
  });
});
