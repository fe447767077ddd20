import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profile, testApp, type TestApp } from '../helpers.ts';

const ENCODINGS = join(import.meta.dirname, '..', 'fixtures', 'encodings');

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.app.close());

const importJson = (payload: unknown) => t.call({ method: 'POST', url: '/api/organizations/import', payload: payload as object });
const importCsv = (csv: string | Buffer, contentType = 'text/csv') =>
  t.call({ method: 'POST', url: '/api/organizations/import', headers: { 'content-type': contentType }, payload: csv });
const total = async () => (await t.call({ method: 'GET', url: '/api/organizations' })).json().total;

// A spreadsheet export as Excel writes it: BOM, CRLF, quoted commas, a line break inside a cell.
const CSV = [
  '\uFEFFexternalId,name_ja,name_en,name,kind,country,city,languages,sectors,description,offers,needs,sdgs,employees,contact_email',
  'jp-001,株式会社サクラ繊維,"Sakura Textiles, Inc.",,company,jp,Tokyo,ja;en,繊維;アパレル,カシミヤ製品を輸入販売しています。,"日本の百貨店への販路',
  '全国の小売網","高品質なカシミヤ糸; 安定した供給",12;8,"1,200",info@sakura.example.jp',
  'mn-001,,,"Номин Софт, ХХК",startup,MN,Улаанбаатар,"mn, ja",IT,"Програм хангамж хөгжүүлэлт, оффшор үйлчилгээ","Японы харилцагчдад оффшор хөгжүүлэлт',
  'Тестийн үйлчилгээ","Японы төслүүд",SDG 9,45,',
].join('\r\n');

describe('bulk import', () => {
  it('accepts one-line profiles: a name, one offer, one need, no description (Mongolian typed in Latin filed as mn)', async () => {
    const csv =
      'externalId,name,kind,country,city,languages,offers,needs\n' +
      'mn-77,Tsagaan Nooluur,company,MN,Ulaanbaatar,mn,Nooluuran utas niiluulne,Yapon hudaldan avagch\n';
    const res = await importCsv(csv);
    expect(res.statusCode, res.body).toBe(200);
    const org = (await t.call({ method: 'GET', url: `/api/organizations/${res.json().items[0].id}` })).json();
    expect(org).toMatchObject({ description: {}, offers: [{ mn: 'Nooluuran utas niiluulne' }], needs: [{ mn: 'Yapon hudaldan avagch' }] });
  });

  it('imports a JSON array and reports each profile as created', async () => {
    const res = await importJson([profile(), profile({ externalId: 'jp-0001', country: 'JP', name: 'サクラ', languages: ['ja'] })]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      created: 2,
      updated: 0,
      items: [
        { externalId: 'mn-0042', id: expect.any(Number), status: 'created' },
        { externalId: 'jp-0001', id: expect.any(Number), status: 'created' },
      ],
    });
  });

  it('reads a CSV with a BOM, quoted commas, line breaks in cells, Japanese and Mongolian text', async () => {
    const res = await importCsv(CSV);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0 });

    const jp = (await t.call({ method: 'GET', url: `/api/organizations/${res.json().items[0].id}` })).json();
    expect(jp).toMatchObject({
      externalId: 'jp-001',
      name: { ja: '株式会社サクラ繊維', en: 'Sakura Textiles, Inc.' },
      country: 'JP',
      languages: ['ja', 'en'],
      sectors: ['繊維', 'アパレル'],
      offers: [{ ja: '日本の百貨店への販路' }, { ja: '全国の小売網' }],
      needs: [{ ja: '高品質なカシミヤ糸' }, { ja: '安定した供給' }],
      sdgs: [8, 12],
      employees: 1200,
      contact: { email: 'info@sakura.example.jp' },
    });
    const mn = (await t.call({ method: 'GET', url: `/api/organizations/${res.json().items[1].id}` })).json();
    expect(mn).toMatchObject({
      name: { mn: 'Номин Софт, ХХК' },
      city: 'Улаанбаатар',
      languages: ['mn', 'ja'],
      description: { mn: 'Програм хангамж хөгжүүлэлт, оффшор үйлчилгээ' },
      offers: [{ mn: 'Японы харилцагчдад оффшор хөгжүүлэлт' }, { mn: 'Тестийн үйлчилгээ' }],
      sdgs: [9],
    });
  });

  it('lines up offers_ja and offers_en item by item as one bilingual text', async () => {
    const csv =
      'externalId,name,kind,country,city,languages,description,offers_ja,offers_en,needs\n' +
      'jp-2,Sakura,company,JP,Osaka,ja,Trading house,"カシミヤの輸入;販路開拓","cashmere import;sales channels",Partners\n';
    const res = await importCsv(csv);
    expect(res.statusCode, res.body).toBe(200);
    const org = (await t.call({ method: 'GET', url: `/api/organizations/${res.json().items[0].id}` })).json();
    expect(org.offers).toEqual([
      { ja: 'カシミヤの輸入', en: 'cashmere import' },
      { ja: '販路開拓', en: 'sales channels' },
    ]);
  });

  it('answers 422 naming the bad row and stores nothing', async () => {
    const rows = [profile({ externalId: 'ok-1' }), profile({ externalId: 'bad-2', country: 'Mongolia' }), profile({ externalId: 'ok-3' })];
    const res = await importJson(rows);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([
      {
        row: 2,
        externalId: 'bad-2',
        field: 'country',
        message: 'must be an ISO 3166-1 alpha-2 country code such as JP or MN',
        code: 'format',
        params: { format: 'country' },
      },
    ]);
    expect(await total()).toBe(0);
  });

  it('lists every problem of a CSV with spreadsheet row numbers, and stores nothing', async () => {
    const csv =
      'externalId,name,kind,country,city,languages,description,offers,needs\n' +
      'a-1,Alpha,company,JP,Tokyo,ja,Good,,\n' +
      'a-2,Beta,bank,JP,Tokyo,ja,Bad kind,,\n' +
      ',Gamma,company,JP,,ja,No id and no city,,\n' +
      'a-1,Delta,company,JP,Tokyo,ja,Repeated id,,\n';
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        row: 3,
        externalId: 'a-2',
        field: 'kind',
        message: 'must be one of: company, startup, ngo, education',
        code: 'enum',
        params: { values: ['company', 'startup', 'ngo', 'education'] },
      },
      { row: 4, field: 'externalId', message: 'is required', code: 'required' },
      { row: 4, field: 'city', message: 'is required', code: 'required' },
      { row: 5, externalId: 'a-1', field: 'externalId', message: 'repeats row 2', code: 'repeated-id', params: { row: 2 } },
    ]);
    // The problem as a whole says how many rows, for the page to word it.
    expect(res.json()).toMatchObject({ code: 'import-rows', params: { rows: 3, total: 4 } });
    expect(await total()).toBe(0);
  });

  it('refuses unknown CSV columns instead of dropping their data', async () => {
    const res = await importCsv('externalId,name,kind,country,city,languages,description,offers,needs,budget\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        row: 1,
        field: 'budget',
        message: expect.stringMatching(/^is not a known column/),
        code: 'unknown-column',
        params: { column: 'budget', known: expect.arrayContaining(['externalId', 'name_latin']) },
      },
    ]);
  });

  it('updates on re-import by externalId instead of duplicating', async () => {
    const first = await importCsv(CSV);
    const again = await importCsv(CSV.replace('Tokyo', 'Yokohama'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    expect(again.json().items.map((i: { id: number }) => i.id)).toEqual(first.json().items.map((i: { id: number }) => i.id));
    expect(await total()).toBe(2);
    const jp = (await t.call({ method: 'GET', url: `/api/organizations/${first.json().items[0].id}` })).json();
    expect(jp.city).toBe('Yokohama');

    const mixed = await importJson([profile({ externalId: 'jp-001', country: 'JP' }), profile({ externalId: 'new-1' })]);
    expect(mixed.json()).toMatchObject({ created: 1, updated: 1 });
  });

  it('reads a Shift_JIS CSV when the charset says so, and refuses bytes that are not the declared encoding', async () => {
    const sjis = Buffer.from([
      ...Buffer.from('externalId,name,kind,country,city,languages,description,offers,needs\njp-9,'),
      0x83,
      0x54,
      0x83,
      0x4e,
      0x83,
      0x89, // サクラ in Shift_JIS
      ...Buffer.from(',company,JP,Tokyo,ja,Trading,,\n'),
    ]);
    const bad = await importCsv(sjis, 'text/csv; charset=utf-8');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid-encoding', params: { charset: 'utf-8' } });
    expect(bad.json().detail).toMatch(/Shift_JIS/);
    expect(await total()).toBe(0);

    const good = await importCsv(sjis, 'text/csv; charset=shift_jis');
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().csv).toEqual({ encoding: 'shift_jis', recognised: false });
    const org = (await t.call({ method: 'GET', url: `/api/organizations/${good.json().items[0].id}` })).json();
    expect(org.name).toEqual({ ja: 'サクラ' });
  });

  it('recognises a CSV saved by Japanese Excel (Shift_JIS, its extensions ①, ㈱, 髙, 﨑 too) when no charset is declared', async () => {
    // Written by iconv -t CP932 (test/fixtures/encodings): real Shift_JIS bytes, half-width kana included.
    const bytes = readFileSync(join(ENCODINGS, 'profiles-shift_jis.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const res = await importCsv(bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, csv: { encoding: 'shift_jis', recognised: true } });
    const [a, b] = res.json().items as { id: number }[];
    const first = (await t.call({ method: 'GET', url: `/api/organizations/${a!.id}` })).json();
    expect(first.name.ja).toContain('髙橋製作所');
    expect(first.city).toBe('﨑戸');
    expect(Object.values(first.description).join('')).toMatch(/精密部品/);
    const second = (await t.call({ method: 'GET', url: `/api/organizations/${b!.id}` })).json();
    expect(Object.values(second.name).join('')).toMatch(/商事$/);
    // UTF-8, as before, is read as UTF-8 and not called recognised.
    const utf8 = await importCsv(CSV);
    expect(utf8.json().csv).toEqual({ encoding: 'utf-8', recognised: false });
  });

  it('reads UTF-16 with its byte-order mark (Excel’s “Unicode text”) without a charset', async () => {
    const text =
      'externalId\tname\tkind\tcountry\tcity\tlanguages\tdescription\toffers\tneeds\nmn-16\tХөх Тэнгэр ХХК\tcompany\tMN\tUlaanbaatar\tmn\tНоолуур\tУтас\tТүнш\n';
    const res = await importCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'text/tab-separated-values');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().csv).toEqual({ encoding: 'utf-16le', recognised: true });
    expect((await t.call({ method: 'GET', url: `/api/organizations/${res.json().items[0].id}` })).json().name).toEqual({ mn: 'Хөх Тэнгэр ХХК' });
  });

  it('refuses a file in another code page with a worded problem, storing nothing', async () => {
    for (const file of ['profiles-windows-1251.csv', 'profiles-windows-1252.csv']) {
      const res = await importCsv(readFileSync(join(ENCODINGS, file)));
      expect(res.statusCode, `${file}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe('unknown-encoding');
    }
    // Bytes that happen to decode as Shift_JIS, but only into half-width kana (ÄÖÜ in Latin-1): not Japanese.
    const latin1 = Buffer.from(
      'externalId,name,kind,country,city,languages,description,offers,needs\nde-1,ÄÖÜ GmbH,company,DE,Köln,de,Teile,Teile,Partner\n',
      'latin1',
    );
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(latin1)).toMatch(/[\uFF61-\uFF9F]/);
    expect((await importCsv(latin1)).json().code).toBe('unknown-encoding');
    expect(await total()).toBe(0);
  });

  it('refuses a body that is not an array, and a malformed CSV', async () => {
    const notArray = await importJson(profile());
    expect(notArray.statusCode).toBe(422);
    expect(notArray.json().errors).toEqual([{ field: '', message: 'must be an array', code: 'json-array' }]);
    const unclosed = await importCsv('externalId,name\n"jp-1,Sakura\n');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().type).toBe('urn:musubi:problem:malformed-csv');
  });
});
