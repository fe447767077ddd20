import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { admin, profile, testApp } from '../helpers.ts';

let app: FastifyInstance;
afterEach(() => app.close());

describe('security', () => {
  it('sends security headers with a Content-Security-Policy: for pages the one the web app needs, for JSON answers one that allows nothing', async () => {
    ({ app } = await testApp());
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    for (const url of ['/health', '/api/organizations', '/api/organizations/1']) {
      const res = await app.inject({ method: 'GET', url, headers: admin });
      expect(res.headers['content-type'], url).toMatch(/^application\/(problem\+)?json/);
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['strict-transport-security'], url).toMatch(/^max-age=/);
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], url).toBeUndefined();
    }
  });

  it('slows down token guessing: after too many failed sign-ins from one address, 429 — but valid tokens from it still get in', async () => {
    ({ app } = await testApp({ limits: { failedSignInsPerMinute: 5 } }));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: `Bearer guess-${i}` } })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const blocked = await app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: 'Bearer guess-again' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    // At a venue everyone shares one address: a stale tab's failures must not lock the others out.
    expect((await app.inject({ method: 'GET', url: '/api/organizations', headers: admin })).statusCode).toBe(200);
  });

  it('limits writes per token, as problem+json, and stores nothing past the limit', async () => {
    ({ app } = await testApp({ limits: { writesPerMinute: 3 } }));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await app.inject({ method: 'POST', url: '/api/organizations', headers: admin, payload: profile({ externalId: `w-${i}` }) })).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect((await app.inject({ method: 'GET', url: '/api/organizations', headers: admin })).json().total).toBe(3);
  });

  it('stores HTML in profile text as text, and neutralises formulas in CSV exports', async () => {
    ({ app } = await testApp());
    const org = (
      await app.inject({ method: 'POST', url: '/api/organizations', headers: admin, payload: profile({ name: '<img src=x onerror=alert(1)>' }) })
    ).json();
    expect(org.name).toEqual({ en: '<img src=x onerror=alert(1)>' });
    const res = await app.inject({ method: 'GET', url: `/api/organizations/${org.id}`, headers: admin });
    expect(res.headers['content-type']).toMatch(/^application\/json/);

    const event = (
      await app.inject({
        method: 'POST',
        url: '/api/events',
        headers: admin,
        payload: {
          name: 'E',
          city: 'Tokyo',
          timeZone: 'Asia/Tokyo',
          slotMinutes: 30,
          tables: ['T'],
          days: [{ date: '2026-12-10', open: '09:00', close: '10:00' }],
        },
      })
    ).json();
    const other = (
      await app.inject({ method: 'POST', url: '/api/organizations', headers: admin, payload: profile({ externalId: 'jp', country: 'JP' }) })
    ).json();
    const a = (
      await app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/attendees`,
        headers: admin,
        payload: { organizationId: org.id, name: '=HYPERLINK("http://evil","x")', languages: ['en'] },
      })
    ).json();
    const b = (
      await app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/attendees`,
        headers: admin,
        payload: { organizationId: other.id, name: '@SUM(1)', languages: ['en'] },
      })
    ).json();
    await app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/meetings`,
      headers: admin,
      payload: { attendeeIds: [a.id, b.id], slotStart: '2026-12-10T09:00:00+09:00' },
    });
    const csv = (await app.inject({ method: 'GET', url: `/api/events/${event.id}/agenda?format=csv`, headers: admin })).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain("'@SUM(1)");
  });
});
