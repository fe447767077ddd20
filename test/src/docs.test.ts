import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
type Schema = { $ref?: string; example?: unknown; items?: Schema };

describe('OpenAPI document', () => {
  it('is served at /docs/json, and the UI at /docs', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().openapi).toMatch(/^3\./);
    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('gives every route a response schema for every status, and an example for what it takes and returns', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const components = doc.components.schemas as Record<string, Schema>;
    const exampleOf = (schema: Schema | undefined): unknown =>
      schema?.example ?? (schema?.$ref ? components[schema.$ref.split('/').pop()!]?.example : undefined);

    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(12);
    for (const { name, op } of operations) {
      for (const [media, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
        expect(exampleOf(schema), `${name} request ${media}`).toBeDefined();
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (status === '204') continue;
        const content = Object.values(response.content ?? {});
        expect(content.length, `${name} ${status}`).toBeGreaterThan(0);
        expect(exampleOf(content[0]!.schema), `${name} ${status} example`).toBeDefined();
      }
    }
  });
});
