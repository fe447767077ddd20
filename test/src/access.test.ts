import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profile, testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
let a: { id: number };
let b: { id: number };
let tokenA: string;

beforeEach(async () => {
  t = await testApp();
  a = (await t.call({ method: 'POST', url: '/api/organizations', payload: profile({ externalId: 'mn-a' }) })).json();
  b = (await t.call({ method: 'POST', url: '/api/organizations', payload: profile({ externalId: 'jp-b', country: 'JP' }) })).json();
  const issued = await t.call({ method: 'POST', url: `/api/organizations/${a.id}/tokens`, payload: { label: 'A staff' } });
  expect(issued.statusCode).toBe(201);
  tokenA = issued.json().token;
});
afterEach(() => t.app.close());

const asA = (opts: Parameters<TestApp['call']>[0]) => t.call({ ...opts, headers: { authorization: `Bearer ${tokenA}`, ...opts.headers } });

describe('access', () => {
  it('answers 401 problem+json without a token, with a malformed header, or with an unknown token', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer nope']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/organizations', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('checks the token before reading the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/organizations', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
  });

  it('keeps /health and /docs public', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
      status: 'ready',
      organizations: 2,
      matching: { indexed: 2, total: 2, analysing: 0, ranking: 0 },
    });
    expect((await t.app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
  });

  it('lets an organisation read and edit its own profile, contacts included', async () => {
    const own = await asA({ method: 'GET', url: `/api/organizations/${a.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().contact.email).toBe('sales@cashmere.example.mn');
    const edit = await asA({ method: 'PATCH', url: `/api/organizations/${a.id}`, payload: { city: 'Erdenet' } });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().city).toBe('Erdenet');
    expect((await asA({ method: 'GET', url: '/api/me' })).json()).toEqual({ role: 'organization', organizationId: a.id });
  });

  it("answers 403 when an organisation reads or edits another organisation's profile", async () => {
    expect((await asA({ method: 'GET', url: `/api/organizations/${b.id}` })).statusCode).toBe(403);
    expect((await asA({ method: 'PATCH', url: `/api/organizations/${b.id}`, payload: { city: 'X' } })).statusCode).toBe(403);
    expect((await asA({ method: 'PUT', url: `/api/organizations/${b.id}`, payload: profile() })).statusCode).toBe(403);
    const unchanged = await t.call({ method: 'GET', url: `/api/organizations/${b.id}` });
    expect(unchanged.json().city).toBe('Ulaanbaatar');
  });

  it('keeps matchmaker-only routes from organisations', async () => {
    const cases = [
      { method: 'GET', url: '/api/organizations' },
      { method: 'POST', url: '/api/organizations', payload: profile({ externalId: 'x' }) },
      { method: 'POST', url: '/api/organizations/import', payload: [] },
      { method: 'DELETE', url: `/api/organizations/${a.id}` },
      { method: 'POST', url: `/api/organizations/${a.id}/tokens`, payload: {} },
      { method: 'GET', url: '/api/tokens' },
    ] as const;
    for (const c of cases) {
      const res = await asA(c as Parameters<TestApp['call']>[0]);
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(403);
    }
  });

  it('does not let an organisation move its externalId', async () => {
    const res = await asA({ method: 'PATCH', url: `/api/organizations/${a.id}`, payload: { externalId: 'mine' } });
    expect(res.statusCode).toBe(403);
  });

  it('stores only a hash of the token, lists tokens without secrets, and a revoked token gets 401', async () => {
    const stored = t.db.$client.prepare('select token_hash from api_tokens').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(tokenA);
    expect(tokenA).toMatch(/^org_[A-Za-z0-9_-]{43}$/);

    await asA({ method: 'GET', url: '/api/me' });
    const list = await t.call({ method: 'GET', url: '/api/tokens' });
    expect(list.json().items).toEqual([
      expect.objectContaining({ role: 'organization', organizationId: a.id, label: 'A staff', revokedAt: null, lastUsedAt: expect.any(String) }),
    ]);
    expect(list.body).not.toContain(tokenA);

    const id = list.json().items[0].id;
    expect((await t.call({ method: 'DELETE', url: `/api/tokens/${id}` })).json().revokedAt).toEqual(expect.any(String));
    expect((await asA({ method: 'GET', url: `/api/organizations/${a.id}` })).statusCode).toBe(401);
  });

  it('lets no kept sign-in outlive its token: revoked in SQLite, or gone with its organisation', async () => {
    const issue = async () => {
      const token = (await t.call({ method: 'POST', url: `/api/organizations/${a.id}/tokens`, payload: { label: 'kept' } })).json().token as string;
      const call = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect((await call('/api/me')).statusCode).toBe(200);
      return call;
    };
    const revoked = await issue();
    t.db.$client.prepare(`update api_tokens set revoked_at = '2026-12-01T00:00:00.000Z' where label = 'kept'`).run();
    expect((await revoked('/api/me')).statusCode).toBe(401);
    const orphan = await issue();
    expect((await t.call({ method: 'DELETE', url: `/api/organizations/${a.id}` })).statusCode).toBe(204);
    expect((await orphan('/api/me')).statusCode).toBe(401);
  });

  it('issues no token for an organisation that does not exist', async () => {
    expect((await t.call({ method: 'POST', url: '/api/organizations/999/tokens', payload: {} })).statusCode).toBe(404);
  });
});
