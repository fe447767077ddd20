import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { openDatabase, type Db } from '../src/db/client.ts';

export const ADMIN_TOKEN = 'test-matchmaker-token-0123456789';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** `inject` with the matchmaker token unless other headers are given. */
  call: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
}

/** The real app on a fresh in-memory SQLite database with the real migrations applied. */
export async function testApp(): Promise<TestApp> {
  const db = openDatabase(':memory:');
  const app = await buildApp({ adminToken: ADMIN_TOKEN, db });
  const call = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...admin, ...opts.headers } });
  return { app, db, call };
}

/** A valid profile; override fields per test. */
export function profile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: 'mn-0042',
    name: 'Монгол Кашемир ХХК',
    kind: 'company',
    country: 'MN',
    city: 'Ulaanbaatar',
    languages: ['mn', 'en'],
    sectors: ['textiles', '繊維'],
    description: 'Бид ноолууран утас, сүлжмэл эдлэл үйлдвэрлэдэг.',
    offers: ['Ноолууран утас нийлүүлнэ'],
    needs: [{ en: 'Japanese apparel brands as distribution partners' }],
    sdgs: [8, 12],
    contact: { name: 'Батбаяр', email: 'sales@cashmere.example.mn', phone: '+976-11-123456' },
    ...overrides,
  };
}
