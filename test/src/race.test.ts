import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ADMIN_TOKEN, profile, testApp } from '../helpers.ts';

let app: FastifyInstance;
let url: string;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

beforeAll(async () => {
  ({ app } = await testApp());
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('booking races over HTTP', () => {
  it('lets exactly one of 100 simultaneous bookings of the same table and slot through', async () => {
    const event = (
      await post('/api/events', {
        name: 'Race',
        city: 'Tokyo',
        timeZone: 'Asia/Tokyo',
        slotMinutes: 30,
        tables: ['T1'],
        days: [{ date: '2026-12-10', open: '09:00', close: '10:00' }],
      })
    ).body as { id: number; tables: { id: number }[] };
    const orgs = (
      await post(
        '/api/organizations/import',
        Array.from({ length: 200 }, (_, i) => profile({ externalId: `race-${i}`, country: i % 2 ? 'MN' : 'JP' })),
      )
    ).body as { items: { id: number }[] };
    const people: number[] = [];
    for (const o of orgs.items)
      people.push(((await post(`/api/events/${event.id}/attendees`, { organizationId: o.id, name: `P${o.id}`, languages: ['en'] })).body as { id: number }).id);

    const attempts = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(`/api/events/${event.id}/meetings`, {
          attendeeIds: [people[2 * i], people[2 * i + 1]],
          slotStart: '2026-12-10T09:00:00+09:00',
          tableId: event.tables[0]!.id,
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(attempts.find((a) => a.status === 409)!.body).toMatchObject({
      errors: [{ field: 'tableId', message: 'table T1 is taken at 2026-12-10T00:00:00.000Z' }],
    });
  });
});
