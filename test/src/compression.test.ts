import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, profile, testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: 'demo' });
});
afterAll(async () => {
  await t.app.close();
});

const gzip = { 'accept-encoding': 'gzip, deflate, br' };
const get = (url: string, headers: Record<string, string> = {}) => t.call({ method: 'GET', url, headers: { ...admin, ...headers } });
const unpacked = (res: Awaited<ReturnType<typeof get>>) => (res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body);

describe('compressed answers', () => {
  it('sends a kept suggestions answer gzipped from its second sending on, the same JSON once unpacked, and follows a decision at once', async () => {
    const url = '/api/organizations/1/suggestions?limit=20';
    const plain = await get(url);
    expect(plain.rawPayload.length).toBeGreaterThan(2048);
    expect([plain.headers['content-encoding'], plain.headers.vary]).toEqual([undefined, 'accept-encoding']);
    const second = await get(url, gzip);
    const third = await get(url, gzip);
    expect([second.headers['content-encoding'], second.headers.vary]).toEqual(['gzip', 'accept-encoding']);
    expect(Number(second.headers['content-length'])).toBe(second.rawPayload.length);
    expect(second.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(third.rawPayload.equals(second.rawPayload)).toBe(true);
    expect(unpacked(second)).toBe(plain.body);
    expect(second.headers['content-type']).toBe(plain.headers['content-type']);

    const items = JSON.parse(plain.body).items as { match: { id: number; status: string } | null }[];
    const pair = items.find((i) => i.match?.status === 'pending')!.match!;
    const decided = await t.call({ method: 'PATCH', url: `/api/matches/${pair.id}`, payload: { status: 'approved' } });
    expect(decided.statusCode, decided.body).toBe(200);
    for (let i = 0; i < 2; i++) {
      const after = await get(url, gzip);
      const now = JSON.parse(unpacked(after)).items as { match: { id: number; status: string } | null }[];
      expect(now.find((item) => item.match?.id === pair.id)?.match?.status).toBe('approved');
      expect(unpacked(after)).toBe((await get(url)).body);
    }
  });

  it('sends a large profile gzipped once kept, and its new version after an edit', async () => {
    const long = 'Cashmere yarn, knitwear and felt from the Gobi, traced herd by herd. '.repeat(40);
    const created = await t.call({ method: 'POST', url: '/api/organizations', payload: profile({ externalId: 'mn-long', description: long }) });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/organizations/${created.json().id}`;
    const plain = await get(url);
    const packed = await get(url, gzip);
    expect([plain.headers['content-encoding'], packed.headers['content-encoding']]).toEqual([undefined, 'gzip']);
    expect(unpacked(packed)).toBe(plain.body);
    await t.call({ method: 'PATCH', url, payload: { city: 'Erdenet' } });
    const edited = await get(url, gzip);
    expect(JSON.parse(unpacked(edited)).city).toBe('Erdenet');
  });

  it('sends plain what is small, what is made for one request, and to a client that refuses gzip', async () => {
    const small = await get('/api/organizations/1', gzip);
    expect([small.rawPayload.length < 2048, small.headers['content-encoding']]).toEqual([true, undefined]);
    const list = await get('/api/matches?limit=20', gzip);
    expect([list.rawPayload.length > 2048, list.headers['content-encoding']]).toEqual([true, undefined]);
    const url = '/api/organizations/2/suggestions';
    await get(url);
    for (const refusal of ['gzip;q=0', 'identity', 'br']) {
      const refused = await get(url, { 'accept-encoding': refusal });
      expect(refused.headers['content-encoding'], refusal).toBeUndefined();
      expect(refused.body, refusal).toBe((await get(url)).body);
    }
    expect((await get(url, gzip)).headers['content-encoding']).toBe('gzip');
    const problem = await get('/api/matches?limit=x', gzip);
    expect([problem.statusCode, problem.headers['content-encoding'], problem.json().code]).toEqual([400, undefined, 'validation']);
  });
});
