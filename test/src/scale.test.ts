import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateProfiles } from '../../bench/generate.ts';
import { buildApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/client.ts';
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
    const items = (await get(app, `/api/organizations/${buyer}/suggestions`)).json().items as {
      organization: { externalId: string };
      reasons: { concept: { id: string } | null }[];
    }[];
    expect(items.map((i) => i.organization.externalId)).toEqual(['mn']);
    expect(items[0]!.reasons.map((r) => r.concept?.id)).toContain('yarn');
    expect(app.matching.analysed).toBe(2);
  });
});
