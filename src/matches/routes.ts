import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Profile, Suggestion } from '../../matching/index.ts';
import { strongestReasons } from '../../matching/reasons.ts';
import { strengthOf } from '../../matching/score.ts';
import { notFound } from '../domain/errors.ts';
import { kept, sendKept } from '../http/compress.ts';
import { itemSchema, listAnswer, sendJsonBytes } from '../http/json-bytes.ts';
import { HttpProblem } from '../http/problem.ts';
import { profileFromRow } from '../organizations/model.ts';
import { actorOf } from '../plugins/audit.ts';
import { IdParams, problems } from '../schemas/common.ts';
import {
  BulkDecision,
  BulkDecisionResult,
  Match,
  MatchDecision,
  MatchExportQuery,
  MatchHistory,
  MatchList,
  MatchQuery,
  PartnerParams,
  PartnerView,
  RerankResult,
  SuggestionItem,
  SuggestionList,
  SuggestionQuery,
} from '../schemas/matches.ts';
import { decideMany, historyOf, queueCsv } from './review.ts';
import { partnerView } from './partners.ts';
import { writerOf } from './pending-writes.ts';
import type { MatchRow } from '../db/schema.ts';
import type { PairMarks } from './read-caches.ts';

const MatchRef = Type.Ref('Match');
/** One suggestion as the response schema has it, but its pair in the queue and its relation: cached answers keep their items serialised by it. */
const SUGGESTION_CACHED = Type.Omit(SuggestionItem, ['match', 'relation']) as unknown as Record<string, unknown>;
/** One pair as the queue lists it. */
const MATCH_ITEM = itemSchema(Match);
/** Pairs kept serialised for the review queue: a few pages of every filter a matchmaker uses. */
const QUEUE_ITEMS_KEPT = 5_000;
// A suggestions answer is put together from bytes: each cached item's JSON up to its pair in the
// queue, then the pair and the relation, which change without the index (rankings, decisions,
// requests, meetings).
const NO_MATCH = Buffer.from('null,"relation":');
const NO_RELATION = Buffer.from('{}}');
/** An item's JSON (an object) without its closing brace, followed by `,"match":`. */
const itemHead = (json: string) => Buffer.from(`${json.slice(0, -1)},"match":`);

const summary = (p: Profile, latin: Map<number, string>) => ({
  id: p.id,
  externalId: p.externalId,
  name: p.name,
  nameLatin: latin.get(p.id) ?? '',
  country: p.country,
  kind: p.kind,
  city: p.city,
  languages: p.languages,
});

export default async function matchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /** The review queue's pairs as it sends them (JSON), with what each was made from. */
  const queueItems = new Map<number, { made: string; explained: Suggestion; a: Profile; b: Profile; bytes: Buffer }>();
  /** The last answer put together from each cached list, and the marks and relations it was put together with. */
  const assembled = new WeakMap<object, { marks: PairMarks; relations: ReadonlyMap<number, unknown>; body: Buffer }>();

  /** An organisation as the index has it, or (not indexed yet) as the database has it. */
  const summaryOf = (id: number, latin: Map<number, string>) => {
    const indexed = app.matching.profile(id);
    if (indexed) return summary(indexed, latin);
    const row = app.organizations.get(id);
    return row ? summary(profileFromRow(row), latin) : { id, externalId: '', name: {}, nameLatin: '', country: '', kind: '', city: '', languages: [] };
  };

  /** A stored pair with its reasons (`shown` of them at most, the strongest), computed now from the current profiles. */
  const view = (row: MatchRow, latin = app.organizations.latinNames([row.orgAId, row.orgBId]), shown = Number.POSITIVE_INFINITY) => {
    const explained = app.matching.explain(row.orgAId, row.orgBId);
    const reasons = explained?.reasons ?? [];
    return {
      ...row,
      strength: strengthOf(row.score),
      a: summaryOf(row.orgAId, latin),
      b: summaryOf(row.orgBId, latin),
      signals: explained?.signals ?? row.signals,
      reasons: reasons.length > shown ? strongestReasons(reasons, shown) : reasons,
      reasonCount: reasons.length,
    };
  };

  app.get(
    '/api/organizations/:id/suggestions',
    {
      config: { access: 'organization-member', needsIndex: true },
      schema: {
        tags: ['matching'],
        summary: 'Suggested partners for an organisation, best first, with the reasons',
        description:
          'Answered from the inverted index: only organisations that share a concept or term with this one are scored. ' +
          'Partners are from other countries unless `country` says otherwise. An organisation never sees pairs a matchmaker rejected.',
        params: IdParams,
        querystring: SuggestionQuery,
        response: { 200: SuggestionList, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      // Waits only for this organisation's single writes still being analysed, and this caller's own to
      // others 20 ms at most (a few milliseconds: a writer reads what it wrote); never for others', an
      // import or a ranking.
      await app.matching.whenWritten({ ids: [request.params.id], writer: writerOf(request.principal) });
      const self = app.matching.profile(request.params.id);
      if (!self) {
        if (!app.organizations.get(request.params.id)) throw notFound(`Organisation ${request.params.id}`);
        reply.header('retry-after', '1');
        throw new HttpProblem(503, 'indexing', `Organisation ${request.params.id} is being analysed (it was just imported); try again in a moment`);
      }
      const { limit, country, kind, city, reasons: reasonsShown } = request.query;
      const cityKey = city?.trim().toLowerCase();
      const hideRejected = request.principal?.role !== 'matchmaker';
      // An organisation at an event run "approved pairs only" sees nothing a matchmaker has not approved.
      const approvedOnly = hideRejected && app.events.approvedOnlyFor(self.id);
      // Everything the answer depends on besides the index and the decisions about this
      // organisation's pairs, whose changes drop the cached answers (MatchingService.cached).
      const key = JSON.stringify([self.id, limit, country ?? null, kind ?? null, cityKey ?? null, hideRejected, approvedOnly, reasonsShown]);
      const suggestionJson = reply.compileSerializationSchema(SUGGESTION_CACHED);
      const marks = app.matching.pairMarks(self.id);
      const cachedItems = app.matching.cached(self.id, key, () => {
        const suggestions = app.matching.suggest(self.id, {
          limit,
          accept: (partner) =>
            (country ? partner.country === country : partner.country !== self.country) &&
            (!kind || partner.kind === kind) &&
            (!cityKey || partner.city.toLowerCase() === cityKey) &&
            !(hideRejected && marks.get(partner.id)?.status === 'rejected') &&
            // A vetoed pair is never suggested again, not even to a matchmaker.
            !marks.get(partner.id)?.vetoed &&
            !(approvedOnly && marks.get(partner.id)?.status !== 'approved'),
        });
        const latin = app.organizations.latinNames(suggestions.map((s) => s.profileId));
        // Kept as JSON (the response schema's fields exactly, without `relation`): a cached answer is
        // not serialised again at every request (tens of reasons with their phrases).
        const value = suggestions.map((s) => ({
          partnerId: s.profileId,
          // UTF-8 once, here: an 18 KB answer is not measured and encoded again at every request.
          head: itemHead(
            suggestionJson({
              organization: summary(app.matching.profile(s.profileId)!, latin),
              score: s.score,
              strength: s.strength,
              signals: s.signals,
              reasons: strongestReasons(s.reasons, reasonsShown),
              reasonCount: s.reasons.length,
            }),
          ),
        }));
        // Who is in it and the score a newcomer must reach: the writes that can change it (AnswersCache).
        return { value, partners: suggestions.map((s) => s.profileId), floor: suggestions.length < limit ? -Infinity : suggestions.at(-1)!.score };
      });
      // The pair in the queue, requests and meetings change without touching the index: added to every answer.
      const relations = app.requests.relationsOf(self.id);
      // The same list with the same marks and relations (each kept until it changes) is the same answer.
      const last = assembled.get(cachedItems);
      let body = last?.marks === marks && last.relations === relations ? last.body : null;
      if (!body) {
        const items = cachedItems.map(({ partnerId, head }) => {
          const match = marks.get(partnerId);
          const relation = relations.get(partnerId);
          return Buffer.concat([
            head,
            match ? Buffer.from(`{"id":${match.id},"status":${JSON.stringify(match.status)}},"relation":`) : NO_MATCH,
            relation ? Buffer.from(`${JSON.stringify(relation)}}`) : NO_RELATION,
          ]);
        });
        body = kept(listAnswer(items, {}));
        assembled.set(cachedItems, { marks, relations, body });
      }
      // Already JSON (each item by the schema, then its relation): sent as it is.
      return sendKept(request, reply, body);
    },
  );

  app.get(
    '/api/organizations/:id/partners/:partnerId',
    {
      config: { access: 'organization-member', needsIndex: true },
      schema: {
        tags: ['matching'],
        summary: "A partner's profile (no contact details) with the reasons for this pair, as organisation :id sees it",
        description:
          'For a suggestion, a request or a meeting. An organisation sees partners it could be suggested (not a pair a matchmaker rejected) or that it already deals with (a request either way, a meeting); 403 otherwise.',
        params: PartnerParams,
        response: { 200: PartnerView, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      await app.matching.whenWritten({ ids: [request.params.id, request.params.partnerId], writer: writerOf(request.principal) });
      return partnerView(app, request.params.id, request.params.partnerId, request.principal?.role === 'matchmaker');
    },
  );

  app.get(
    '/api/matches',
    {
      config: { needsIndex: true },
      schema: {
        tags: ['matching'],
        summary: 'The review queue: ranked pairs, each pair once, best first',
        querystring: MatchQuery,
        response: { 200: MatchList, ...problems(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, reasons: shown } = request.query;
      const { rows, total } = app.matches.list(request.query);
      const latin = app.organizations.latinNames(rows.flatMap((r) => [r.orgAId, r.orgBId]));
      const serialize = reply.compileSerializationSchema(MATCH_ITEM);
      const items = rows.map((row) => {
        // A pair's JSON is kept while its row, its reasons (the same cached explanation: dropped by a
        // write to either side or new weights), both profiles and their Latin names are the same.
        const explained = app.matching.explain(row.orgAId, row.orgBId);
        const a = app.matching.profile(row.orgAId);
        const b = app.matching.profile(row.orgBId);
        const made = JSON.stringify([
          shown,
          latin.get(row.orgAId),
          latin.get(row.orgBId),
          row.score,
          row.status,
          row.note,
          row.decidedAt,
          row.decidedBy,
          row.rankedAt,
          row.part,
          row.rule,
        ]);
        const last = queueItems.get(row.id);
        if (last && last.explained === explained && last.a === a && last.b === b && last.made === made) return last.bytes;
        const bytes = Buffer.from(serialize(view(row, latin, shown)));
        if (explained && a && b) {
          queueItems.delete(row.id);
          queueItems.set(row.id, { made, explained, a, b, bytes });
          if (queueItems.size > QUEUE_ITEMS_KEPT) queueItems.delete(queueItems.keys().next().value!);
        }
        return bytes;
      });
      return sendJsonBytes(reply, listAnswer(items, { total, limit, offset }));
    },
  );

  app.get(
    '/api/matches/:id',
    {
      config: { needsIndex: true },
      schema: {
        tags: ['matching'],
        summary: 'One ranked pair with its reasons',
        params: IdParams,
        response: { 200: MatchRef, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const row = app.matches.get(request.params.id);
      if (!row) throw notFound(`Match ${request.params.id}`);
      return view(row);
    },
  );

  app.patch(
    '/api/matches/:id',
    {
      config: { needsIndex: true },
      schema: {
        tags: ['matching'],
        summary: 'Approve or reject a pair (or put it back to pending), with a note',
        description: 'Decisions are kept through re-imports, profile edits and re-ranking.',
        params: IdParams,
        body: MatchDecision,
        response: { 200: MatchRef, ...problems(400, 401, 403, 404, 415, 422, 503) },
      },
    },
    async (request) => {
      const row = app.matches.decide(request.params.id, request.body.status, request.body.note, actorOf(request), app.now().toISOString());
      if (!row) throw notFound(`Match ${request.params.id}`);
      app.audit.record(request, `match.${row.status}`, 'match', row.id, { note: row.note, orgAId: row.orgAId, orgBId: row.orgBId });
      return view(row);
    },
  );

  app.post(
    '/api/matches/decisions',
    {
      schema: {
        tags: ['matching'],
        summary: 'Approve, reject or reset many pairs at once (all or none), with one note',
        body: BulkDecision,
        response: { 200: BulkDecisionResult, ...problems(400, 401, 403, 415, 422) },
      },
    },
    async (request) => {
      const rows = decideMany(app.matches, request.body.ids, request.body.status, request.body.note, actorOf(request), app.now().toISOString());
      for (const row of rows)
        app.audit.record(request, `match.${row.status}`, 'match', row.id, { note: row.note, orgAId: row.orgAId, orgBId: row.orgBId, bulk: true });
      return { items: rows.map((r) => ({ id: r.id, status: r.status })) };
    },
  );

  app.get(
    '/api/matches/export',
    {
      config: { needsIndex: true },
      schema: {
        tags: ['matching'],
        summary: 'The review queue as CSV, with the same filters as the list (every page)',
        querystring: MatchExportQuery,
        response: {
          200: { description: 'The queue', content: { 'text/csv': { schema: Type.String({ example: 'pair,score,strength,status,…' }) } } },
          ...problems(400, 401, 403, 503),
        },
      },
    },
    async (request, reply) => {
      const { rows } = app.matches.list({ ...request.query, limit: 100_000, offset: 0 });
      const ids = [...new Set(rows.flatMap((r) => [r.orgAId, r.orgBId]))];
      const latin = app.organizations.latinNames(ids);
      const side = (id: number) => {
        const p = app.matching.profile(id);
        return { externalId: p?.externalId ?? '', name: p?.name ?? {}, nameLatin: latin.get(id) ?? '', country: p?.country ?? '' };
      };
      // Reasons cost about a millisecond a pair: a queue of a whole programme goes out without them.
      const withConcepts = rows.length <= 5_000;
      const csv = queueCsv(
        rows.map((match) => ({
          match,
          a: side(match.orgAId),
          b: side(match.orgBId),
          concepts: !withConcepts
            ? []
            : [...new Set((app.matching.explain(match.orgAId, match.orgBId)?.reasons ?? []).flatMap((r) => (r.concept ? [r.concept.label.en] : [])))].slice(
                0,
                5,
              ),
        })),
      );
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="review-queue.csv"').send(csv);
    },
  );

  app.get(
    '/api/matches/:id/history',
    {
      schema: {
        tags: ['matching'],
        summary: "A pair's decisions and notes, latest first (who, when), from the audit trail",
        params: IdParams,
        response: { 200: MatchHistory, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!app.matches.get(request.params.id)) throw notFound(`Match ${request.params.id}`);
      return { items: historyOf(app.audit.list({ entity: 'match', entityId: request.params.id, limit: 200, offset: 0 })) };
    },
  );

  app.post(
    '/api/matches/rerank',
    {
      schema: {
        tags: ['matching'],
        summary: 'Re-read every profile from the database and re-rank every pair (e.g. after a command-line import); decisions are kept',
        response: { 200: RerankResult, ...problems(401, 403) },
      },
    },
    async () => {
      // A command-line import wrote names without their Latin form.
      await app.texts.loaded();
      app.organizations.fillLatinNames(app.romanize.name);
      await app.matching.load();
      return { pairs: app.matches.list({ limit: 1, offset: 0 }).total };
    },
  );
}
