import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile, testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: 'demo' });
}, 60_000);
afterAll(() => t.app.close());

describe('names everyone can read', () => {
  it('romanises a Japanese name by its reading and a Mongolian one by MNS 5217, and finds them by it', async () => {
    const jp = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload: profile({ externalId: 'jp-n1', name: '西田商事', country: 'JP', languages: ['ja'] }),
    });
    expect(jp.statusCode, jp.body).toBe(201);
    expect(jp.json().nameLatin).toBe('Nishida Shōji');
    const mn = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload: profile({ externalId: 'mn-n1', name: { mn: 'Өлзий Хөгжил ХХК', en: 'Ulzii Development LLC' } }),
    });
    expect(mn.json().nameLatin).toBe('Ölzii Khögjil KHKHK');
    const found = await t.call({ method: 'GET', url: `/api/organizations?q=${encodeURIComponent('khögjil')}` });
    // The name match first; profiles that only share its concept (хөгжил, development) after it.
    expect(found.json().items[0].externalId).toBe('mn-n1');
  });

  it("keeps the organisation's own Latin name through edits, and follows the name when it has none", async () => {
    const created = (
      await t.call({
        method: 'POST',
        url: '/api/organizations',
        payload: profile({ externalId: 'jp-n2', name: '大野製作所', country: 'JP', languages: ['ja'] }),
      })
    ).json();
    expect(created.nameLatin).toBe('Ōno Seisakusho');
    const own = await t.call({ method: 'PATCH', url: `/api/organizations/${created.id}`, payload: { nameLatin: 'Ohno Works' } });
    expect(own.json().nameLatin).toBe('Ohno Works');
    expect((await t.call({ method: 'PATCH', url: `/api/organizations/${created.id}`, payload: { city: 'Osaka' } })).json().nameLatin).toBe('Ohno Works');
    const other = (
      await t.call({
        method: 'POST',
        url: '/api/organizations',
        payload: profile({ externalId: 'jp-n3', name: '大野製作所', country: 'JP', languages: ['ja'] }),
      })
    ).json();
    expect((await t.call({ method: 'PATCH', url: `/api/organizations/${other.id}`, payload: { name: '新潟製作所' } })).json().nameLatin).toBe(
      'Niigata Seisakusho',
    );
  });

  it('gives the demo data (stored before the service started) Latin names, and shows them on pairs and meetings', async () => {
    const demo = (await t.call({ method: 'GET', url: '/api/organizations?limit=500' })).json().items as { nameLatin: string }[];
    expect(demo.every((o) => o.nameLatin !== '')).toBe(true);
    const pair = (await t.call({ method: 'GET', url: '/api/matches?limit=1' })).json().items[0];
    expect(pair.a.nameLatin).not.toBe('');
    const event = (await t.call({ method: 'GET', url: '/api/events' })).json().items[0];
    const attendees = (await t.call({ method: 'GET', url: `/api/events/${event.id}/attendees` })).json().items as { name: string; nameLatin: string }[];
    expect(attendees.every((a) => a.nameLatin !== '')).toBe(true);
    const person = await t.call({
      method: 'POST',
      url: `/api/events/${event.id}/attendees`,
      payload: { organizationId: 1, name: '西田 和夫', languages: ['ja'] },
    });
    expect(person.json().nameLatin).toBe('Nishida Kazuo');
  });
});
