import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profile, testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.app.close());

async function create(overrides: Record<string, unknown> = {}) {
  const res = await t.call({ method: 'POST', url: '/api/organizations', payload: profile(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('organisation profiles', () => {
  it('creates a profile, detecting the language of each plain-string text', async () => {
    const res = await t.call({ method: 'POST', url: '/api/organizations', payload: profile() });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/organizations/${res.json().id}`);
    expect(res.json()).toMatchObject({
      externalId: 'mn-0042',
      name: { mn: 'Монгол Кашемир ХХК' },
      description: { mn: 'Бид ноолууран утас, сүлжмэл эдлэл үйлдвэрлэдэг.' },
      offers: [{ mn: 'Ноолууран утас нийлүүлнэ' }],
      needs: [{ en: 'Japanese apparel brands as distribution partners' }],
      textLanguages: ['mn', 'en'],
      contact: { name: 'Батбаяр', email: 'sales@cashmere.example.mn', phone: '+976-11-123456' },
    });
  });

  it('keeps every language version of a bilingual text', async () => {
    const created = await create({ name: { ja: '株式会社サクラ', en: 'Sakura Inc.' }, description: { ja: '繊維商社です。', en: 'A textile trader.' } });
    const res = await t.call({ method: 'GET', url: `/api/organizations/${created.id}` });
    expect(res.json().name).toEqual({ ja: '株式会社サクラ', en: 'Sakura Inc.' });
    expect(res.json().description).toEqual({ ja: '繊維商社です。', en: 'A textile trader.' });
  });

  it('refuses a second profile with the same externalId with 409 naming the field', async () => {
    await create();
    const res = await t.call({ method: 'POST', url: '/api/organizations', payload: profile() });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([
      {
        field: 'externalId',
        message: expect.stringMatching(/already used/),
        code: 'external-id-taken',
        params: { organizationId: expect.any(Number), externalId: expect.any(String) },
      },
    ]);
  });

  it('names every wrong field of a bad profile and stores nothing', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload: profile({ country: 'Mongolia', kind: 'bank', sdgs: [0, 18], languages: [], website: 'ftp://x', name: { fr: 'x' }, typo: 1 }),
    });
    expect(res.statusCode).toBe(422);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['country', 'kind', 'languages', 'name', 'sdgs.0', 'sdgs.1', 'typo', 'website']);
    const list = await t.call({ method: 'GET', url: '/api/organizations' });
    expect(list.json().total).toBe(0);
  });

  it('replaces a profile with PUT and changes some fields with PATCH', async () => {
    const created = await create();
    const put = await t.call({ method: 'PUT', url: `/api/organizations/${created.id}`, payload: profile({ city: 'Darkhan', offers: [] }) });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ city: 'Darkhan', offers: [] });

    const patch = await t.call({ method: 'PATCH', url: `/api/organizations/${created.id}`, payload: { needs: ['日本での販売代理店'], employees: 130 } });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ city: 'Darkhan', employees: 130, needs: [{ ja: '日本での販売代理店' }], textLanguages: ['mn', 'ja'] });
    expect(patch.json().createdAt).toBe(created.createdAt);
  });

  it('refuses an empty or wrong PATCH', async () => {
    const created = await create();
    const empty = await t.call({ method: 'PATCH', url: `/api/organizations/${created.id}`, payload: {} });
    expect(empty.statusCode).toBe(422);
    const wrong = await t.call({ method: 'PATCH', url: `/api/organizations/${created.id}`, payload: { employees: 'many' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([{ field: 'employees', message: 'must be integer', code: 'type', params: { type: 'integer' } }]);
  });

  it('deletes a profile, then answers 404 for it', async () => {
    const created = await create();
    expect((await t.call({ method: 'DELETE', url: `/api/organizations/${created.id}` })).statusCode).toBe(204);
    const gone = await t.call({ method: 'GET', url: `/api/organizations/${created.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ status: 404, type: 'urn:musubi:problem:not-found' });
    expect((await t.call({ method: 'DELETE', url: `/api/organizations/${created.id}` })).statusCode).toBe(404);
  });
});

describe('listing organisations', () => {
  beforeEach(async () => {
    await create({ externalId: 'mn-1', city: 'Улаанбаатар' });
    await create({
      externalId: 'jp-1',
      name: '株式会社サクラ繊維',
      country: 'JP',
      city: 'Tokyo',
      kind: 'startup',
      languages: ['ja'],
      sectors: ['Apparel'],
      description: 'カシミヤ製品の輸入販売',
      offers: ['日本の百貨店への販路'],
      needs: ['高品質なカシミヤ糸'],
    });
    await create({
      externalId: 'mn-2',
      kind: 'education',
      name: 'Дархан Политехник Коллеж',
      city: 'Darkhan',
      languages: ['mn', 'ja'],
      sectors: ['Боловсрол'],
      description: 'Technical college for engineers',
      offers: ['Students for internships'],
      needs: ['Kosen curriculum'],
    });
  });

  const ids = async (query: string) => {
    const res = await t.call({ method: 'GET', url: `/api/organizations?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((o: { externalId: string }) => o.externalId);
  };

  it('filters by country, kind, meeting language and city (any case, any script)', async () => {
    expect(await ids('country=JP')).toEqual(['jp-1']);
    expect(await ids('kind=education')).toEqual(['mn-2']);
    expect(await ids('language=ja')).toEqual(['jp-1', 'mn-2']);
    expect(await ids(`city=${encodeURIComponent('УЛААНБААТАР')}`)).toEqual(['mn-1']);
    expect(await ids('country=MN&kind=company')).toEqual(['mn-1']);
  });

  it('filters by sector and by the language the profile is written in', async () => {
    expect(await ids('sector=apparel')).toEqual(['jp-1']);
    expect(await ids(`sector=${encodeURIComponent('боловсрол')}`)).toEqual(['mn-2']);
    expect(await ids('textLanguage=ja')).toEqual(['jp-1']);
  });

  it('finds profiles by free text in Japanese, Mongolian and English, all words required', async () => {
    expect(await ids(`q=${encodeURIComponent('カシミヤ')}`)).toEqual(['jp-1']);
    // ноолууран is the concept cashmere (jp-1 has it in Japanese), and a word written in mn-1.
    expect(await ids(`q=${encodeURIComponent('НООЛУУРАН')}`)).toEqual(['jp-1', 'mn-1']);
    expect(await ids(`q=${encodeURIComponent('kosen curriculum')}`)).toEqual(['mn-2']);
    expect(await ids(`q=${encodeURIComponent('kosen cashmere')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('100%_')}`)).toEqual([]);
  });

  it('finds the same organisations for カシミヤ, ноолуур, nooluur and cashmere: concepts first, in any language, then words as written', async () => {
    await create({ externalId: 'mn-3', name: 'Tsagaan Sureg', description: undefined, offers: ['Nooluur beltgene'], needs: ['Yapon hudaldan avagch'] });
    await create({
      externalId: 'mn-4',
      name: 'Steppe Knit',
      languages: ['en'],
      description: 'Cashmere knitwear maker',
      offers: ['Cashmere sweaters'],
      needs: ['Buyers in Japan'],
    });
    for (const q of ['カシミヤ', 'nooluur', 'cashmere']) {
      expect((await ids(`q=${encodeURIComponent(q)}`)).sort(), q).toEqual(['jp-1', 'mn-3', 'mn-4']);
    }
    // mn-1 writes ноолууран утас (the concept yarn) and is found by the word as written, after the concepts.
    expect((await ids(`q=${encodeURIComponent('ноолуур')}`)).slice(3)).toEqual(['mn-1']);
    // Ranked: the profile that says it most comes first.
    expect((await ids(`q=cashmere`))[0]).toBe('mn-4');
    expect(await ids(`q=${encodeURIComponent('cashmere')}&country=MN`)).toEqual(['mn-4', 'mn-3']);
  });

  it('pages with limit and offset and reports the total', async () => {
    const res = await t.call({ method: 'GET', url: '/api/organizations?limit=2&offset=1' });
    expect(res.json()).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(res.json().items.map((o: { externalId: string }) => o.externalId)).toEqual(['jp-1', 'mn-2']);
  });

  it('lists each profile exactly as its single read gives it, and follows edits and deletions at once', async () => {
    const list = async () => (await t.call({ method: 'GET', url: '/api/organizations' })).json();
    const one = async (id: number) => (await t.call({ method: 'GET', url: `/api/organizations/${id}` })).json();
    const first = await list();
    for (const item of first.items) expect(item).toEqual(await one(item.id));
    const [a, b] = first.items as { id: number }[];
    // Kept bytes of a profile are dropped by a write to it, whichever route or statement wrote it.
    await t.call({ method: 'PATCH', url: `/api/organizations/${a!.id}`, payload: { city: 'Erdenet' } });
    t.db.$client.prepare('update organizations set kind = ? where id = ?').run('ngo', b!.id);
    const edited = await list();
    expect(edited.items.map((o: { city: string; kind: string }) => [o.city, o.kind]).slice(0, 2)).toEqual([
      ['Erdenet', first.items[0].kind],
      [first.items[1].city, 'ngo'],
    ]);
    await t.call({ method: 'DELETE', url: `/api/organizations/${a!.id}` });
    expect((await list()).items.map((o: { id: number }) => o.id)).toEqual(first.items.slice(1).map((o: { id: number }) => o.id));
    expect((await list()).total).toBe(2);
  });

  it('answers 400 naming the parameter for a bad filter', async () => {
    const res = await t.call({ method: 'GET', url: '/api/organizations?country=Japan&limit=0' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['querystring.country', 'querystring.limit']);
  });
});
