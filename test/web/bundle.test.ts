import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle } from '../../src/web/bundle.ts';
import { testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

describe('the web app bundle', () => {
  it('keeps the page’s JavaScript within 200 KB gzipped', async () => {
    const bundle = await buildWebBundle();
    const kb = bundle.js.gzip.length / 1024;
    console.log(
      `web bundle: JS ${(bundle.js.body.length / 1024).toFixed(0)} KB (${kb.toFixed(1)} KB gzipped), CSS ${(bundle.css.body.length / 1024).toFixed(0)} KB (${(bundle.css.gzip.length / 1024).toFixed(1)} KB gzipped)`,
    );
    expect(kb).toBeLessThanOrEqual(200);
    expect(gunzipSync(bundle.js.gzip).equals(bundle.js.body)).toBe(true);
  });

  it('serves the page publicly under the Content-Security-Policy, with its script and styles', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = page.body.match(/src="(\/app\.js\?v=[\w-]+)"/)?.[1];
    const style = page.body.match(/href="(\/app\.css\?v=[\w-]+)"/)?.[1];
    expect(script && style).toBeTruthy();

    const js = await t.app.inject({ method: 'GET', url: script!, headers: { 'accept-encoding': 'gzip, br' } });
    expect([js.statusCode, js.headers['content-encoding'], js.headers['content-type']]).toEqual([200, 'gzip', 'text/javascript; charset=utf-8']);
    const again = await t.app.inject({ method: 'GET', url: script!, headers: { 'if-none-match': String(js.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const css = await t.app.inject({ method: 'GET', url: style! });
    expect([css.statusCode, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect(css.body).toContain('--pico-');
  });

  it('is not part of the API: hidden from /docs, while /api still needs a token', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api') && p !== '/health')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});
