import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateProfiles } from '../../bench/generate.ts';
import { buildApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/client.ts';
import { OTHER_WRITES_SEEN_WITHIN_MS } from '../../src/db/table-watch.ts';
import { PendingWrites, writerOf } from '../../src/matches/pending-writes.ts';
import { RequestPressure } from '../../src/matches/pressure.ts';
import { createIndexEngine } from '../../matching/index.ts';
import { createAnalyser } from '../../src/matching-worker/analyser.ts';
import { createFeaturesRepository } from '../../src/matches/features.ts';
import { createMatchesRepository } from '../../src/matches/repository.ts';
import { MatchingService } from '../../src/matches/service.ts';
import { ADMIN_TOKEN, admin, profile, testApp, type TestApp } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'musubi-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
});

async function appOn(path: string, analysis: 'inline' | 'worker' = 'inline'): Promise<FastifyInstance> {
  const app = await buildApp({ analysis, adminToken: ADMIN_TOKEN, db: openDatabase(path) });
  open.push(app);
  return app;
}

const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url, headers: admin });

describe('start-up on a large database', () => {
  const file = join(dir, 'large.db');
  const SIZE = 3_000;

  it('rebuilds the index from the stored features after a restart, without analysing any text, and answers 503 until then', async () => {
    const first = await appOn(file);
    const imported = await first.inject({ method: 'POST', url: '/api/organizations/import', headers: admin, payload: generateProfiles(SIZE) });
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(200);
    await first.matching.idle();
    expect(first.matching.analysed).toBe(SIZE);
    // Weights follow the corpus within 10 % while it grows; a rebuild (like a restart) computes them all anew.
    await first.inject({ method: 'POST', url: '/api/matches/rerank', headers: admin });
    expect(first.matching.analysed).toBe(SIZE);
    const before = (await get(first, '/api/organizations/1/suggestions?limit=5')).json();
    await first.close();
    open.length = 0;

    const app = await appOn(file);
    await app.ready();
    // The index loads after the app is ready, a page at a time: the server answers meanwhile.
    const health = (await app.inject({ method: 'GET', url: '/health' })).json();
    expect(health).toMatchObject({ status: 'starting', organizations: SIZE, matching: { total: SIZE } });
    expect(health.matching.indexed).toBeLessThan(SIZE);
    const early = await get(app, '/api/organizations/1/suggestions');
    expect(early.statusCode).toBe(503);
    expect(early.headers['retry-after']).toBe('2');
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.json()).toMatchObject({ status: 503, type: 'urn:musubi:problem:starting' });
    // Every route that needs the index, and only once signed in: a stranger learns nothing more than 401.
    expect((await get(app, '/api/matches')).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/api/organizations/1/suggestions' })).statusCode).toBe(401);
    // Reads that do not need the index are served at once.
    expect((await get(app, '/api/organizations/1')).statusCode).toBe(200);

    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/health' })).json().status, { timeout: 20_000 }).toBe('ready');
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
      status: 'ready',
      organizations: SIZE,
      matching: { indexed: SIZE, total: SIZE, analysing: 0, ranking: 0 },
    });
    expect(app.matching.analysed).toBe(0);
    // The first service wrote the index's snapshot when it stopped: the second built its index from it.
    expect(existsSync(`${file}.index`)).toBe(true);
    expect(app.matching.fromSnapshot).toBe(SIZE);
    expect((await get(app, '/api/organizations/1/suggestions?limit=5')).json()).toEqual(before);
  }, 120_000);

  it('analyses again only the profiles whose texts changed behind its back', async () => {
    const db = openDatabase(file);
    db.$client.prepare(`update organizations set offers = '[{"en":"Cashmere yarn and knitwear export"}]' where id = 2`).run();
    db.$client.prepare(`update organizations set city = 'Sapporo' where id = 3`).run();
    db.$client.close();
    const app = await appOn(file);
    await app.ready();
    await app.matching.idle();
    expect(app.matching.analysed).toBe(1);
    // Only the organisation whose texts changed is not taken from the snapshot.
    expect(app.matching.fromSnapshot).toBe(SIZE - 1);
    expect(app.matching.profile(3)!.city).toBe('Sapporo');
  });
});

describe('suggestions cache', () => {
  let t: TestApp;
  afterEach(() => t.app.close());

  const names = async (id: number, headers?: Record<string, string>) =>
    (await t.call({ method: 'GET', url: `/api/organizations/${id}/suggestions`, ...(headers ? { headers } : {}) })).json().items as {
      organization: { externalId: string };
      match: { id: number; status: string } | null;
    }[];

  it('shows an edit in the very next suggestions, and a decision at once, and never loses the decision', async () => {
    t = await testApp();
    const create = async (p: Record<string, unknown>) => (await t.call({ method: 'POST', url: '/api/organizations', payload: profile(p) })).json().id as number;
    const buyer = await create({
      externalId: 'jp-buyer',
      name: '株式会社ミナト繊維',
      country: 'JP',
      languages: ['ja'],
      description: 'カシミヤ製品の企画卸',
      offers: ['日本の百貨店への販路'],
      needs: ['モンゴル産のカシミヤ糸を調達したい'],
    });
    const miner = await create({
      externalId: 'mn-miner',
      name: 'Gobi Coal',
      sectors: ['mining'],
      description: 'Coal mining contractor',
      offers: ['Coal mining services'],
      needs: ['Mining equipment maintenance'],
    });
    await t.app.matching.idle();
    expect((await names(buyer)).map((s) => s.organization.externalId)).not.toContain('mn-miner');

    // The miner turns to cashmere: its write is answered once it is indexed, and the cached answer is gone.
    const edit = await t.call({ method: 'PATCH', url: `/api/organizations/${miner}`, payload: { offers: ['Ноолууран утас нийлүүлнэ'] } });
    expect(edit.statusCode).toBe(200);
    expect((await names(buyer)).map((s) => s.organization.externalId)).toContain('mn-miner');

    await t.app.matching.idle();
    const pair = (await names(buyer)).find((s) => s.organization.externalId === 'mn-miner')!.match!;
    const token = (await t.call({ method: 'POST', url: `/api/organizations/${buyer}/tokens`, payload: { label: 'buyer' } })).json().token as string;
    const asBuyer = { authorization: `Bearer ${token}` };
    expect((await names(buyer, asBuyer)).map((s) => s.organization.externalId)).toContain('mn-miner');
    await t.call({ method: 'PATCH', url: `/api/matches/${pair.id}`, payload: { status: 'rejected', note: 'not now' } });
    expect((await names(buyer, asBuyer)).map((s) => s.organization.externalId)).not.toContain('mn-miner');
    expect((await names(buyer)).find((s) => s.organization.externalId === 'mn-miner')!.match).toEqual({ id: pair.id, status: 'rejected' });

    // Re-ranking and further edits keep the decision.
    await t.call({ method: 'PATCH', url: `/api/organizations/${miner}`, payload: { offers: ['Ноолууран утас, сүлжмэл нийлүүлнэ'] } });
    await t.call({ method: 'POST', url: '/api/matches/rerank' });
    await t.app.matching.idle();
    expect((await t.call({ method: 'GET', url: `/api/matches/${pair.id}` })).json()).toMatchObject({ status: 'rejected', note: 'not now' });
  });

  it('drops a deleted organisation from the cached suggestions at once', async () => {
    t = await testApp();
    const create = async (p: Record<string, unknown>) => (await t.call({ method: 'POST', url: '/api/organizations', payload: profile(p) })).json().id as number;
    const buyer = await create({
      externalId: 'jp',
      name: '株式会社ミナト繊維',
      country: 'JP',
      languages: ['ja'],
      description: 'カシミヤ製品の企画卸',
      offers: ['日本の百貨店への販路'],
      needs: ['モンゴル産のカシミヤ糸を調達したい'],
    });
    const seller = await create({ externalId: 'mn' });
    expect((await names(buyer)).map((s) => s.organization.externalId)).toEqual(['mn']);
    expect((await t.call({ method: 'DELETE', url: `/api/organizations/${seller}` })).statusCode).toBe(204);
    expect(await names(buyer)).toEqual([]);
  });

  it('follows every kind of write exactly, and keeps the lists a write cannot change', async () => {
    t = await testApp({ seed: 'demo' });
    await t.app.matching.idle();
    const ids = ((await t.call({ method: 'GET', url: '/api/organizations?limit=200' })).json().items as { id: number; country: string }[]).map((o) => o.id);
    const list = async (id: number, limit: number) => {
      const answer = await t.call({ method: 'GET', url: `/api/organizations/${id}/suggestions?limit=${limit}` });
      expect(answer.statusCode).toBe(200);
      return answer.json().items as unknown[];
    };
    for (const id of ids) await list(id, 10);
    let round = 0;
    // After each write, every cached list (limit 10) is what a list never asked before (a new limit) starts with.
    const expectExact = async (what: string) => {
      await t.app.matching.idle();
      round++;
      const computedBefore = t.app.matching.answersComputed;
      for (const id of ids) expect(await list(id, 10), `${what}: organisation ${id}`).toEqual((await list(id, 10 + round)).slice(0, 10));
      // Lists the write could not change were answered from the cache (one fresh list per organisation was asked for).
      return t.app.matching.answersComputed - computedBefore - ids.length;
    };
    const recomputed: number[] = [];

    const [mnId, jpId] = [ids.find((id) => id > 40)!, ids[0]!];
    // The review queue's reasons for the organisation's pairs, as they read now (kept in a cache too).
    type Side = { field: string; text: string };
    const queueTexts = async () =>
      (
        (await t.call({ method: 'GET', url: `/api/matches?organizationId=${mnId}&limit=100` })).json().items as {
          a: { id: number };
          reasons: { a: Side; b: Side }[];
        }[]
      ).flatMap((m) =>
        m.reasons
          .map((r) => (m.a.id === mnId ? r.a : r.b))
          .filter((side) => side.field === 'offers' || side.field === 'needs')
          .map((side) => side.text),
      );
    expect((await queueTexts()).length).toBeGreaterThan(0);
    // New texts that many share (cashmere, recruiting, software).
    const edit = await t.call({
      method: 'PATCH',
      url: `/api/organizations/${mnId}`,
      payload: { offers: ['Cashmere yarn supply', 'Offshore software development'], needs: ['Japanese engineers recruiting'] },
    });
    expect(edit.statusCode).toBe(200);
    recomputed.push(await expectExact('texts edited'));
    const newTexts = ['Cashmere yarn supply', 'Offshore software development', 'Japanese engineers recruiting'];
    const texts = await queueTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(newTexts).toContain(text);
    const created = await t.call({ method: 'POST', url: '/api/organizations', payload: profile({ externalId: 'mn-new-cache' }) });
    expect(created.statusCode).toBe(201);
    ids.push(created.json().id as number);
    recomputed.push(await expectExact('profile created'));
    // Moving country changes whose lists it may enter without any text changing.
    expect((await t.call({ method: 'PATCH', url: `/api/organizations/${jpId}`, payload: { country: 'MN', city: 'Darkhan' } })).statusCode).toBe(200);
    recomputed.push(await expectExact('country changed'));
    const inLists = ((await list(jpId, 10)) as { organization: { id: number } }[])[0]!.organization.id;
    expect((await t.call({ method: 'DELETE', url: `/api/organizations/${inLists}` })).statusCode).toBe(204);
    ids.splice(ids.indexOf(inLists), 1);
    recomputed.push(await expectExact('profile deleted'));
    const pair = ((await list(jpId, 10)) as { match: { id: number } | null }[]).find((s) => s.match)!.match!;
    expect((await t.call({ method: 'PATCH', url: `/api/matches/${pair.id}`, payload: { status: 'rejected' } })).statusCode).toBe(200);
    recomputed.push(await expectExact('pair rejected'));

    // Each write recomputed some lists and kept others (all of them dropped would pass the checks above too).
    for (const n of recomputed) {
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(ids.length);
    }
  });
});

describe('profile reads', () => {
  it('are kept as bytes but follow every write to the row, whoever makes it, and are never shown to another organisation', async () => {
    const t = await testApp({ seed: 'demo' });
    try {
      const tokenOf = async (id: number) =>
        `Bearer ${(await t.call({ method: 'POST', url: `/api/organizations/${id}/tokens`, payload: { label: 'cache' } })).json().token as string}`;
      const [own, other] = [{ authorization: await tokenOf(2) }, { authorization: await tokenOf(3) }];
      const read = async (headers?: Record<string, string>) => {
        const answer = await t.call({ method: 'GET', url: '/api/organizations/2', ...(headers ? { headers } : {}) });
        expect(answer.statusCode).toBe(200);
        expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
        return answer.json();
      };
      expect((await read()).contact).toBeDefined();
      expect((await read(own)).contact).toBeDefined();
      expect((await t.call({ method: 'GET', url: '/api/organizations/2', headers: other })).statusCode).toBe(403);
      await t.call({ method: 'PATCH', url: '/api/organizations/2', payload: { city: 'Erdenet' } });
      expect((await read()).city).toBe('Erdenet');
      expect((await read(own)).city).toBe('Erdenet');
      // Straight into SQLite, past every repository.
      t.db.$client.prepare(`update organizations set city = 'Darkhan' where id = 2`).run();
      expect((await read()).city).toBe('Darkhan');
      expect((await read(own)).city).toBe('Darkhan');
      expect((await t.call({ method: 'GET', url: '/api/organizations/2', headers: other })).statusCode).toBe(403);
      t.db.$client.prepare('delete from organizations where id = 2').run();
      expect((await t.call({ method: 'GET', url: '/api/organizations/2' })).statusCode).toBe(404);
    } finally {
      await t.app.close();
    }
  });
});

describe('writes by another process', () => {
  it('are seen by every cached read within a millisecond: a profile, a token, the review queue totals', async () => {
    const seen = () => new Promise((resolve) => setTimeout(resolve, 2 * OTHER_WRITES_SEEN_WITHIN_MS));
    const file = join(dir, 'two-processes.db');
    const t = await testApp({ seed: 'demo', databasePath: file });
    try {
      const token = (await t.call({ method: 'POST', url: '/api/organizations/2/tokens', payload: { label: 'other process' } })).json().token as string;
      const asOrg = { authorization: `Bearer ${token}` };
      expect((await t.call({ method: 'GET', url: '/api/organizations/2', headers: asOrg })).json().city).not.toBe('Choibalsan');
      const total = (await t.call({ method: 'GET', url: '/api/matches?limit=1' })).json().total as number;
      // Another connection to the same file, as `npm run import` would be: no trigger of the service fires.
      const other = openDatabase(file);
      other.$client.prepare(`update organizations set city = 'Choibalsan' where id = 2`).run();
      await seen();
      expect((await t.call({ method: 'GET', url: '/api/organizations/2', headers: asOrg })).json().city).toBe('Choibalsan');
      other.$client.prepare(`delete from matches where id = (select min(id) from matches where rule is null)`).run();
      await seen();
      expect((await t.call({ method: 'GET', url: '/api/matches?limit=1' })).json().total).toBe(total - 1);
      other.$client.prepare(`update api_tokens set revoked_at = '2026-12-01T00:00:00.000Z' where label = 'other process'`).run();
      await seen();
      expect((await t.call({ method: 'GET', url: '/api/organizations/2', headers: asOrg })).statusCode).toBe(401);
      other.$client.close();
    } finally {
      await t.app.close();
    }
  });
});

describe('background work between requests', () => {
  const elapsed = async (p: Promise<void>) => {
    const t0 = performance.now();
    await p;
    return performance.now() - t0;
  };

  it('runs at once without requests, after the last answer with some, and after the longest wait at the latest', async () => {
    const pressure = new RequestPressure(200);
    expect(await elapsed(pressure.turn())).toBeLessThan(150);
    pressure.started();
    pressure.started();
    let ran = false;
    const turn = pressure.turn().then(() => {
      ran = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    pressure.finished();
    await new Promise((r) => setTimeout(r, 30));
    expect(ran).toBe(false);
    pressure.finished();
    await turn;
    expect(ran).toBe(true);
    // A request that never ends (or is never counted as ended) holds background work up to the longest wait only.
    pressure.started();
    const held = await elapsed(pressure.turn());
    expect(held).toBeGreaterThanOrEqual(190);
    expect(held).toBeLessThan(5_000);
  });
});

describe('a single write during an import', () => {
  it("is analysed without waiting for the import rows' turn between requests", async () => {
    // A service of its own on the test app's database, with a request that never ends: an import's
    // rows wait for their turn (a minute here); a single write arriving meanwhile must not.
    const { app } = await testApp();
    open.push(app);
    const imported = await app.inject({ method: 'POST', url: '/api/organizations/import', headers: admin, payload: generateProfiles(30) });
    expect(imported.statusCode).toBe(200);
    const ids = (await get(app, '/api/organizations?limit=100')).json().items.map((o: { id: number }) => o.id) as number[];
    const pressure = new RequestPressure(60_000);
    const service = new MatchingService(createIndexEngine({ lexicon: app.texts.lexicon }), app.organizations, createMatchesRepository(app.db), {
      topK: 20,
      fullRerankAbove: 200,
      analyser: createAnalyser('inline'),
      readQuery: app.texts.readQuery,
      features: createFeaturesRepository(app.db),
      fingerprint: 'test',
      pressure,
    });
    await service.start();
    pressure.started();
    try {
      // Every row again, as an import does (too many for single writes): they wait for a turn.
      const rows = service.apply({ upserted: ids, removed: [] });
      await new Promise((r) => setTimeout(r, 20));
      expect(service.progress().analysing).toBeGreaterThan(0);
      const t0 = performance.now();
      void service.apply({ upserted: [ids[0]!], removed: [] });
      await service.whenWritten({ ids: [ids[0]!] });
      expect(performance.now() - t0).toBeLessThan(5_000);
      pressure.finished();
      await rows;
    } finally {
      await service.stop();
    }
  });
});

describe('analysis in a worker thread', () => {
  it('analyses texts off the main thread and serves the same suggestions', async () => {
    const app = await appOn(':memory:', 'worker');
    const post = (p: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/organizations', headers: admin, payload: profile(p) });
    const buyer = (
      await post({
        externalId: 'jp',
        name: '株式会社ミナト繊維',
        country: 'JP',
        languages: ['ja'],
        description: 'カシミヤ製品の企画卸',
        offers: ['日本の百貨店への販路'],
        needs: ['モンゴル産のカシミヤ糸を調達したい'],
      })
    ).json().id as number;
    await post({ externalId: 'mn' });
    // The buyer's read waits for the buyer's analysis (kuromoji loads first: ~2 s); the other profile's a moment at most.
    await app.matching.idle();
    const items = (await get(app, `/api/organizations/${buyer}/suggestions`)).json().items as {
      organization: { externalId: string };
      reasons: { concept: { id: string } | null }[];
    }[];
    expect(items.map((i) => i.organization.externalId)).toEqual(['mn']);
    expect(items[0]!.reasons.map((r) => r.concept?.id)).toContain('yarn');
    expect(app.matching.analysed).toBe(2);
  });

  it('lets a write that needs kuromoji wait for it to load without holding up other requests', async () => {
    const app = await appOn(':memory:', 'worker');
    await app.ready();
    const order: string[] = [];
    // Right after a start the text worker has not loaded kuromoji yet (1–3 s): the name below needs it.
    const write = app
      .inject({ method: 'POST', url: '/api/organizations', headers: admin, payload: profile({ externalId: 'jp', name: '株式会社ミナト繊維', country: 'JP' }) })
      .then((res) => {
        order.push('write');
        return res;
      });
    // Asked once the write is under way (a blocked thread would run this only after the write).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = app.inject({ method: 'GET', url: '/api/organizations?limit=5', headers: admin }).then((res) => {
      order.push('read');
      return res;
    });
    const [written, listed] = await Promise.all([write, read]);
    expect(listed.statusCode).toBe(200);
    expect(written.statusCode).toBe(201);
    // The read was answered while the write waited for kuromoji (1–3 s).
    expect(order).toEqual(['read', 'write']);
    expect(written.json().nameLatin).toMatch(/minato/i);
  });

  it("makes a writer's next reads wait for its own write's analysis, and nobody else's", async () => {
    const app = await appOn(':memory:', 'worker');
    const post = async (p: Record<string, unknown>) =>
      (await app.inject({ method: 'POST', url: '/api/organizations', headers: admin, payload: profile(p) })).json().id as number;
    const [a, b] = [await post({ externalId: 'mn-a' }), await post({ externalId: 'jp-b', country: 'JP', name: '株式会社テスト', languages: ['ja'] })];
    await app.matching.idle();
    const tokenOf = async (id: number) => (await app.inject({ method: 'POST', url: `/api/organizations/${id}/tokens`, headers: admin, payload: {} })).json();
    const [tokenA, tokenB] = [await tokenOf(a), await tokenOf(b)];
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${a}`,
      headers: { authorization: `Bearer ${tokenA.token}` },
      payload: { offers: ['Ноолууран утас, сүлжмэл бүтээгдэхүүн нийлүүлнэ'] },
    });
    expect(edit.statusCode).toBe(200);
    // Answered once stored: its analysis (in the worker thread) is still to come.
    const order: string[] = [];
    await Promise.all([
      app.matching
        .whenWritten({ ids: [a], writer: writerOf({ role: 'organization', tokenId: tokenA.id, organizationId: a }) })
        .then(() => order.push('writer')),
      app.matching.whenWritten({ ids: [b], writer: writerOf({ role: 'organization', tokenId: tokenB.id, organizationId: b }) }).then(() => order.push('other')),
    ]);
    expect(order).toEqual(['other', 'writer']);
    // Its writer's next read of the index shows the edit.
    expect(app.matching.profile(a)!.offers).toEqual([{ mn: 'Ноолууран утас, сүлжмэл бүтээгдэхүүн нийлүүлнэ' }]);
  });

  it("waits for the organisations read until they are analysed, then for the writer's other writes a moment at most", async () => {
    const pending = new PendingWrites();
    for (const id of [1, 2]) pending.add(id);
    pending.by('token:7', [1, 2]);
    const t0 = performance.now();
    const order: string[] = [];
    const reads = [
      pending.wait({ ids: [3], writer: 'token:7' }, 30).then(() => order.push(`others after ${Math.round(performance.now() - t0)} ms`)),
      pending.wait({ ids: [1], writer: 'token:7' }, 30).then(() => order.push('the one read')),
      pending.wait({ ids: [3], writer: 'token:8' }).then(() => order.push('someone else')),
    ];
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Organisation 1 is still being analysed: its reader still waits; the writer's read of another went on after 30 ms.
    expect(order).toHaveLength(2);
    expect(order[0]).toBe('someone else');
    expect(Number(order[1]!.match(/\d+/)![0])).toBeGreaterThanOrEqual(29);
    expect(Number(order[1]!.match(/\d+/)![0])).toBeLessThan(140);
    pending.release(1);
    await Promise.all(reads);
    expect(order[2]).toBe('the one read');
    // Released in time, the writer's other writes are seen: the read goes on as soon as they are.
    pending.release(2);
    pending.add(4);
    pending.by('token:7', [4]);
    const t1 = performance.now();
    const quick = pending.wait({ ids: [3], writer: 'token:7' }, 10_000);
    setTimeout(() => pending.release(4), 20);
    await quick;
    expect(performance.now() - t1).toBeLessThan(1_000);
  });
});
