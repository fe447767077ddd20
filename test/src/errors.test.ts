import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profile, testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.app.close());

function expectProblem(res: Awaited<ReturnType<TestApp['call']>>, status: number, type: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(res.json()).toMatchObject({ status, type: `urn:musubi:problem:${type}`, title: expect.any(String), detail: expect.any(String) });
}

describe('errors are problem+json', () => {
  it('404 for an unknown route and an unknown organisation', async () => {
    expectProblem(await t.call({ method: 'GET', url: '/api/nowhere' }), 404, 'not-found');
    expectProblem(await t.app.inject({ method: 'GET', url: '/nowhere' }), 404, 'not-found');
    expectProblem(await t.call({ method: 'GET', url: '/api/organizations/12345' }), 404, 'not-found');
  });

  it('413 for a body over the limit, 415 for a wrong content type', async () => {
    const huge = JSON.stringify(profile({ description: 'x'.repeat(1_100_000) }));
    expectProblem(
      await t.call({ method: 'POST', url: '/api/organizations', headers: { 'content-type': 'application/json' }, payload: huge }),
      413,
      'body-too-large',
    );
    expectProblem(
      await t.call({ method: 'POST', url: '/api/organizations', headers: { 'content-type': 'text/plain' }, payload: 'hello' }),
      415,
      'unsupported-media-type',
    );
    expectProblem(
      await t.call({ method: 'POST', url: '/api/organizations', headers: { 'content-type': 'text/csv' }, payload: 'a,b' }),
      415,
      'unsupported-media-type',
    );
  });

  it('400 for malformed JSON and for a non-numeric id', async () => {
    expectProblem(
      await t.call({ method: 'POST', url: '/api/organizations', headers: { 'content-type': 'application/json' }, payload: '{"name": ' }),
      400,
      'malformed-body',
    );
    const res = await t.call({ method: 'GET', url: '/api/organizations/abc' });
    expectProblem(res, 400, 'validation');
    expect(res.json().errors).toEqual([{ field: 'params.id', message: 'must be a whole number written in digits', code: 'digits' }]);
  });

  it('400 for JSON that is not valid UTF-8, and nothing stored', async () => {
    const bytes = Buffer.concat([Buffer.from('{"externalId":"x","name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const res = await t.call({ method: 'POST', url: '/api/organizations', headers: { 'content-type': 'application/json' }, payload: bytes });
    expectProblem(res, 400, 'invalid-encoding');
    expect((await t.call({ method: 'GET', url: '/api/organizations' })).json().total).toBe(0);
  });

  it('422 for a text longer than allowed, naming the field', async () => {
    const res = await t.call({ method: 'POST', url: '/api/organizations', payload: profile({ offers: ['ok', 'y'.repeat(1001)] }) });
    expectProblem(res, 422, 'validation');
    expect(res.json().errors).toEqual([
      { field: 'offers.1', message: 'must be a text: a non-empty string, or an object with at least one of ja, mn, en', code: 'text' },
    ]);
  });
});
