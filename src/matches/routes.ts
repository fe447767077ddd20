import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Profile } from '../../matching/index.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { profileFromRow } from '../organizations/model.ts';
import { actorOf } from '../plugins/audit.ts';
import { IdParams, problems } from '../schemas/common.ts';
import { MatchDecision, MatchList, MatchQuery, RerankResult, SuggestionList, SuggestionQuery } from '../schemas/matches.ts';
import type { MatchRow } from '../db/schema.ts';

const MatchRef = Type.Ref('Match');

const summary = (p: Profile) => ({ id: p.id, externalId: p.externalId, name: p.name, country: p.country, kind: p.kind, city: p.city, languages: p.languages });

export default async function matchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  /** An organisation as the index has it, or (not indexed yet) as the database has it. */
  const summaryOf = (id: number) => {
    const indexed = app.matching.profile(id);
    if (indexed) return summary(indexed);
    const row = app.organizations.get(id);
    return row ? summary(profileFromRow(row)) : { id, externalId: '', name: {}, country: '', kind: '', city: '', languages: [] };
  };

  /** A stored pair with its reasons, computed now from the current profiles. */
  const view = (row: MatchRow) => {
    const explained = app.matching.explain(row.orgAId, row.orgBId);
    return {
      ...row,
      a: summaryOf(row.orgAId),
      b: summaryOf(row.orgBId),
      signals: explained?.signals ?? row.signals,
      reasons: explained?.reasons ?? [],
    };
  };

  app.get('/api/organizations/:id/suggestions', {
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
  }, async (request, reply) => {
    // Never waits for background work: the index answers as it is now (a write's own route waits
    // until its profile is indexed, so a writer reads what it wrote).
    const self = app.matching.profile(request.params.id);
    if (!self) {
      if (!app.organizations.get(request.params.id)) throw notFound(`Organisation ${request.params.id}`);
      reply.header('retry-after', '1');
      throw new HttpProblem(503, 'indexing', `Organisation ${request.params.id} is being analysed (it was just imported); try again in a moment`);
    }
    const { limit, country, kind, city } = request.query;
    const cityKey = city?.trim().toLowerCase();
    const hideRejected = request.principal?.role !== 'matchmaker';
    // An organisation at an event run "approved pairs only" sees nothing a matchmaker has not approved.
    const approvedOnly = hideRejected && app.events.approvedOnlyFor(self.id);
    // Everything the answer depends on besides the index and this organisation's pairs, whose
    // changes drop the cached answers (MatchingService.cached).
    const key = JSON.stringify([self.id, limit, country ?? null, kind ?? null, cityKey ?? null, hideRejected, approvedOnly]);
    const json = app.matching.cached(self.id, key, () => {
      const statuses = app.matches.statusesFor(self.id);
      const statusOf = (partnerId: number) => statuses.get(self.id < partnerId ? `${self.id}:${partnerId}` : `${partnerId}:${self.id}`) ?? null;
      const suggestions = app.matching.suggest(self.id, {
        limit,
        accept: (partner) =>
          (country ? partner.country === country : partner.country !== self.country) &&
          (!kind || partner.kind === kind) &&
          (!cityKey || partner.city.toLowerCase() === cityKey) &&
          !(hideRejected && statusOf(partner.id)?.status === 'rejected') &&
          !(approvedOnly && statusOf(partner.id)?.status !== 'approved'),
      });
      // Serialised once through the response schema; a cached answer is sent as it is.
      return String(reply.serialize({
        items: suggestions.map((s) => ({
          organization: summary(app.matching.profile(s.profileId)!),
          score: s.score,
          signals: s.signals,
          reasons: s.reasons,
          match: statusOf(s.profileId),
        })),
      }));
    });
    // A string with a JSON content type goes out as it is: it was serialised through the schema above.
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.get('/api/matches', {
    config: { needsIndex: true },
    schema: {
      tags: ['matching'],
      summary: 'The review queue: ranked pairs, each pair once, best first',
      querystring: MatchQuery,
      response: { 200: MatchList, ...problems(400, 401, 403, 503) },
    },
  }, async (request) => {
    const { rows, total } = app.matches.list(request.query);
    return { items: rows.map(view), total, limit: request.query.limit, offset: request.query.offset };
  });

  app.get('/api/matches/:id', {
    config: { needsIndex: true },
    schema: {
      tags: ['matching'],
      summary: 'One ranked pair with its reasons',
      params: IdParams,
      response: { 200: MatchRef, ...problems(400, 401, 403, 404, 503) },
    },
  }, async (request) => {
    const row = app.matches.get(request.params.id);
    if (!row) throw notFound(`Match ${request.params.id}`);
    return view(row);
  });

  app.patch('/api/matches/:id', {
    config: { needsIndex: true },
    schema: {
      tags: ['matching'],
      summary: 'Approve or reject a pair (or put it back to pending), with a note',
      description: 'Decisions are kept through re-imports, profile edits and re-ranking.',
      params: IdParams,
      body: MatchDecision,
      response: { 200: MatchRef, ...problems(400, 401, 403, 404, 415, 422, 503) },
    },
  }, async (request) => {
    const row = app.matches.decide(request.params.id, request.body.status, request.body.note, actorOf(request), app.now().toISOString());
    if (!row) throw notFound(`Match ${request.params.id}`);
    app.audit.record(request, `match.${row.status}`, 'match', row.id, { note: row.note, orgAId: row.orgAId, orgBId: row.orgBId });
    return view(row);
  });

  app.post('/api/matches/rerank', {
    schema: {
      tags: ['matching'],
      summary: 'Re-read every profile from the database and re-rank every pair (e.g. after a command-line import); decisions are kept',
      response: { 200: RerankResult, ...problems(401, 403) },
    },
  }, async () => {
    await app.matching.load();
    return { pairs: app.matches.list({ limit: 1, offset: 0 }).total };
  });
}
