import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type DecodedSheet, decodeSheet } from '../http/decode.ts';
import { notFound } from '../domain/errors.ts';
import { kept, sendKept } from '../http/compress.ts';
import { itemSchema, listAnswer, sendJsonBytes } from '../http/json-bytes.ts';
import { IdParams, problems } from '../schemas/common.ts';
import { principalOf } from '../plugins/auth.ts';
import {
  ImportBody,
  ImportCsv,
  ImportResult,
  Organization,
  OrganizationList,
  OrganizationPatch,
  OrganizationQuery,
  type OrganizationInput,
} from '../schemas/organizations.ts';
import { readProfilesCsv } from './csv.ts';
import { prepareImport, rowsFromJson } from './import.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { toView } from './model.ts';
import { createProfiles } from './profiles.ts';
import { ProfileViews } from './view-cache.ts';
import { writerOf } from '../matches/pending-writes.ts';

const OrganizationRef = Type.Ref('Organization');
const InputRef = Type.Ref('OrganizationInput');
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
/** The schema a profile is serialised by, alone or in a list. */
const ORGANIZATION = itemSchema(Organization);

export default async function organizationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const repo = app.organizations;
  const profiles = createProfiles(repo, (id) => app.meetings.scheduledFor(id));
  const views = new ProfileViews(app.db);

  /**
   * A profile's JSON as the single read and the list send it (by the Organization schema), kept
   * until its row changes; null when there is no such profile.
   */
  const viewBytes = (reply: FastifyReply, id: number, contact: boolean, rowOf: (id: number) => OrganizationRow | null | undefined) =>
    views.get(id, contact, () => {
      const row = rowOf(id);
      return row ? kept(Buffer.from(reply.compileSerializationSchema(ORGANIZATION)(toView(row, contact)))) : null;
    });

  /** Contact details are private: matchmakers, and the organisation's own tokens (its attendees' too). */
  const canSeeContact = (request: FastifyRequest, id: number) => {
    const p = request.principal;
    return p?.role === 'matchmaker' || ((p?.role === 'organization' || p?.role === 'attendee') && p.organizationId === id);
  };

  app.get(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'List organisations, with filters and paging',
        querystring: OrganizationQuery,
        response: { 200: OrganizationList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      // q matches concepts across languages first (カシミヤ, ноолуур and cashmere alike), then words as written.
      // The index as it is now: a read never waits for background work.
      const { q, limit, offset } = request.query;
      // Reading q needs kuromoji, which is still loading for a few seconds after a start.
      if (q) await app.texts.loaded();
      const { ids, total } = repo.listIds(request.query, q ? app.matching.search(q) : []);
      // Each profile as the single read sends it (kept bytes); those not kept are read in one query.
      let rows: Map<number, OrganizationRow> | undefined;
      const rowOf = (id: number) => {
        rows ??= new Map(repo.byIds(ids).map((row) => [row.id, row]));
        return rows.get(id);
      };
      const items = ids.flatMap((id) => viewBytes(reply, id, canSeeContact(request, id), rowOf) ?? []);
      return sendJsonBytes(reply, listAnswer(items, { total, limit, offset }));
    },
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Create an organisation profile',
        body: InputRef,
        response: { 201: OrganizationRef, ...problems(401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      // Answered once stored; its writer's next suggestions and partner pages wait for its analysis
      // (whenWritten), so the writer reads what it wrote; nobody else waits. Its name is romanised as
      // it is stored: right after a start, this waits for kuromoji to load (TextTools.loaded) rather
      // than block every request meanwhile. The same for every write below.
      await app.texts.loaded();
      const row = profiles.create(request.body as OrganizationInput);
      app.matching.wroteAs(writerOf(request.principal), [row.id]);
      return reply.code(201).header('location', `/api/organizations/${row.id}`).send(toView(row, true));
    },
  );

  // The import in a scope of its own: only it accepts spreadsheet exports; elsewhere CSV is a 415.
  await app.register(async (child) => {
    const scope = child.withTypeProvider<TypeBoxTypeProvider>();
    // Spreadsheet exports for the bulk import. Read as bytes so that bad encodings are refused, and a
    // Shift_JIS file from Japanese Excel sent without a charset is recognised.
    scope.addContentTypeParser(['text/csv', 'application/csv', 'text/tab-separated-values'], { parseAs: 'buffer' }, (request, body, done) => {
      try {
        done(null, decodeSheet(body as Buffer, request.headers['content-type']));
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    scope.post(
      '/api/organizations/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        // Rows are validated by prepareImport, which numbers every problem by row; the schema is for the docs.
        validatorCompiler: () => () => true,
        schema: {
          tags: ['organizations'],
          summary: 'Create or update many profiles at once (JSON array or CSV), all or nothing',
          description:
            'Upserts by externalId. Every row is validated first: if any row is wrong the answer is 422 listing every problem ' +
            '(row, externalId, field, message) and nothing is stored. CSV columns are listed in the README; multi-valued cells ' +
            'are separated by ; or line breaks; UTF-8 with or without BOM, or declare charset=shift_jis. Without a charset, a file ' +
            'that is not UTF-8 but reads as Japanese Shift_JIS (Japanese Excel) is read as such and the answer says so (`csv`); ' +
            'other bytes are refused (400 unknown-encoding).',
          body: {
            content: {
              'application/json': { schema: ImportBody },
              'text/csv': { schema: ImportCsv },
            },
          },
          response: { 200: ImportResult, ...problems(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request) => {
        // The content type decides, not the body's shape: a JSON string is not a spreadsheet.
        const isCsv = !/^application\/json/i.test(request.headers['content-type'] ?? '');
        const sheet = isCsv ? (request.body as DecodedSheet) : null;
        const rows = sheet ? readProfilesCsv(sheet.text) : rowsFromJson(request.body);
        await app.texts.loaded();
        const items = repo.upsertMany(prepareImport(rows));
        // A few rows are analysed like single writes, and waited for by their writer's next reads.
        app.matching.wroteAs(
          writerOf(request.principal),
          items.map((i) => i.id),
        );
        const created = items.filter((i) => i.status === 'created').length;
        app.audit.record(request, 'organizations.imported', 'organization', null, { created, updated: items.length - created });
        return { created, updated: items.length - created, items, ...(sheet ? { csv: { encoding: sheet.encoding, recognised: sheet.recognised } } : {}) };
      },
    );
  });

  app.get(
    '/api/organizations/:id',
    {
      config: { access: 'organization-member' },
      schema: {
        tags: ['organizations'],
        summary: 'Read one organisation profile',
        params: IdParams,
        response: { 200: OrganizationRef, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const bytes = viewBytes(reply, id, canSeeContact(request, id), repo.get);
      if (!bytes) throw notFound(`Organisation ${id}`);
      // Already JSON, serialised by the response schema when it was kept.
      return sendKept(request, reply, bytes);
    },
  );

  app.put(
    '/api/organizations/:id',
    {
      config: { access: 'organization-self' },
      schema: {
        tags: ['organizations'],
        summary: 'Replace an organisation profile',
        params: IdParams,
        body: InputRef,
        response: { 200: OrganizationRef, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      await app.texts.loaded();
      const row = profiles.replace(request.params.id, request.body as OrganizationInput, principalOf(request));
      app.matching.wroteAs(writerOf(request.principal), [row.id]);
      return toView(row, true);
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      config: { access: 'organization-self' },
      schema: {
        tags: ['organizations'],
        summary: 'Change some fields of an organisation profile',
        params: IdParams,
        body: OrganizationPatch,
        response: { 200: OrganizationRef, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      await app.texts.loaded();
      const row = profiles.patch(request.params.id, request.body, principalOf(request));
      app.matching.wroteAs(writerOf(request.principal), [row.id]);
      return toView(row, true);
    },
  );

  app.delete(
    '/api/organizations/:id',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Delete an organisation and its tokens',
        description:
          'Refused (409, naming them) while the organisation has booked meetings: cancel them first, so that partners’ calendars drop them rather than keep a meeting that no longer exists.',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      profiles.remove(request.params.id);
      app.audit.record(request, 'organization.deleted', 'organization', request.params.id, {});
      return reply.code(204).send(null);
    },
  );
}
