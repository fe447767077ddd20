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

  it('goes back to the romanised Latin name when the organisation clears its own (PATCH nameLatin: null)', async () => {
    const created = (
      await t.call({
        method: 'POST',
        url: '/api/organizations',
        payload: profile({ externalId: 'jp-n4', name: '大野製作所', nameLatin: 'Ohno Works', country: 'JP', languages: ['ja'] }),
      })
    ).json();
    expect(created).toMatchObject({ nameLatin: 'Ohno Works', nameLatinOwn: true });
    // An organisation signed in as itself may do it (not only a matchmaker).
    const token = (await t.call({ method: 'POST', url: `/api/organizations/${created.id}/tokens`, payload: {} })).json().token;
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${created.id}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { nameLatin: null },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ nameLatin: 'Ōno Seisakusho', nameLatinOwn: false });
    // From now on it follows the name again.
    const renamed = (await t.call({ method: 'PATCH', url: `/api/organizations/${created.id}`, payload: { name: '新潟製作所' } })).json();
    expect(renamed).toMatchObject({ nameLatin: 'Niigata Seisakusho', nameLatinOwn: false });
    // A blank Latin name is still refused, naming the field: null is the way back.
    const blank = await t.call({ method: 'PATCH', url: `/api/organizations/${created.id}`, payload: { nameLatin: ' ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'nameLatin', code: 'blank' })]);
  });

  it('gives the demo data (stored before the service started) Latin names, and shows them on pairs and meetings', async () => {
    const demo = (await t.call({ method: 'GET', url: '/api/organizations?limit=500' })).json().items as { nameLatin: string }[];
    expect(demo.every((o) => o.nameLatin !== '')).toBe(true);
    const pair = (await t.call({ method: 'GET', url: '/api/matches?limit=1' })).json().items[0];
    expect(pair.a.nameLatin).not.toBe('');
    const event = (await t.call({ method: 'GET', url: '/api/events' })).json().items[0];
    const attendees = (await t.call({ method: 'GET', url: `/api/events/${event.id}/attendees` })).json().items as { name: string; nameLatin: string }[];
    expect(attendees.every((a) => a.nameLatin !== '')).toBe(true);
    // Really in Latin letters: 中村 由美 → Nakamura Yumi, not the name again.
    const LATIN = /^[\p{Script=Latin}\p{P}\p{N}\s]+$/u;
    const others = attendees.filter((a) => !LATIN.test(a.name));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((a) => !LATIN.test(a.nameLatin)).map((a) => `${a.name} → ${a.nameLatin}`)).toEqual([]);
    const interpreters = (await t.call({ method: 'GET', url: `/api/events/${event.id}/interpreters` })).json().items as { name: string; nameLatin: string }[];
    expect(interpreters.find((i) => i.name === '佐藤 明子')?.nameLatin).toBe('Satō Akiko');
    // Rows an older seed stored with the name itself as its "Latin" form are repaired at start-up.
    t.db.$client.prepare("update interpreters set name_latin = name where name = '佐藤 明子'").run();
    t.app.events.fillLatinNames(t.app.romanize.text);
    expect((t.db.$client.prepare("select name_latin from interpreters where name = '佐藤 明子'").get() as { name_latin: string }).name_latin).toBe(
      'Satō Akiko',
    );
    const person = await t.call({
      method: 'POST',
      url: `/api/events/${event.id}/attendees`,
      payload: { organizationId: 1, name: '西田 和夫', languages: ['ja'] },
    });
    expect(person.json().nameLatin).toBe('Nishida Kazuo');
  });

  it("shows an interpreter's name as each reader reads it: in the agenda's JSON, CSV and calendar", async () => {
    const event = (await t.call({ method: 'GET', url: '/api/events/1' })).json() as { id: number; slots: { start: string }[] };
    const orgs = (await t.call({ method: 'GET', url: '/api/organizations?limit=500' })).json().items as { id: number; country: string }[];
    const person = async (country: string, name: string, lang: string) =>
      (
        await t.call({
          method: 'POST',
          url: `/api/events/${event.id}/attendees`,
          payload: { organizationId: orgs.find((o) => o.country === country)!.id, name, languages: [lang] },
        })
      ).json() as { id: number };
    const a = await person('JP', '西村 京子', 'ja');
    const b = await person('MN', 'Должин', 'mn');
    const interpreter = (
      await t.call({ method: 'POST', url: `/api/events/${event.id}/interpreters`, payload: { name: '佐藤 明子', pairs: [['ja', 'mn']] } })
    ).json() as { id: number; nameLatin: string };
    expect(interpreter.nameLatin).toBe('Satō Akiko');
    const booked = await t.call({
      method: 'POST',
      url: `/api/events/${event.id}/meetings`,
      payload: { attendeeIds: [a.id, b.id], slotStart: event.slots.at(-1)!.start, interpreterId: interpreter.id },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const agenda = (format: string, lang: string) =>
      t.call({ method: 'GET', url: `/api/events/${event.id}/agenda?interpreterId=${interpreter.id}&format=${format}&lang=${lang}` });
    expect((await agenda('json', 'en')).json().items[0].interpreter).toEqual({ id: interpreter.id, name: '佐藤 明子', nameLatin: 'Satō Akiko' });
    // A Mongolian or English reader gets the Latin form beside the Japanese; a Japanese reader does not.
    for (const lang of ['mn', 'en']) {
      expect((await agenda('csv', lang)).body).toContain('佐藤 明子 (Satō Akiko)');
      expect((await agenda('ics', lang)).body).toContain('佐藤 明子 (Satō Akiko)');
    }
    const ja = (await agenda('csv', 'ja')).body;
    expect(ja).toContain('佐藤 明子');
    expect(ja).not.toContain('Satō');
    expect((await agenda('ics', 'ja')).body).not.toContain('Satō');
  });
});
