import type { MatchingService } from './service.ts';
import type { OrganizationsRepository } from '../organizations/repository.ts';
import type { EventsRepository } from '../events/repository.ts';
import type { Relation, Requests } from '../events/requests.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { toView, type OrganizationView } from '../organizations/model.ts';
import type { Reason, Suggestion } from '../../matching/index.ts';
import { type Strength, strengthOf } from '../../matching/score.ts';

export interface PartnerView {
  organization: Omit<OrganizationView, 'contact'>;
  score: number;
  /** The score in words, on the engine's scale. */
  strength: Strength;
  signals: Suggestion['signals'] | null;
  /** a is the organisation asking, b the partner. */
  reasons: Reason[];
  /** The concepts behind the pair, each once, with their labels in ja, mn and en. */
  concepts: { id: string; label: { ja: string; mn: string; en: string } }[];
  match: { id: number; status: string } | null;
  relation: Relation;
}

export interface PartnerDeps {
  matching: Pick<MatchingService, 'explain' | 'profile' | 'pairMarks'>;
  organizations: Pick<OrganizationsRepository, 'get'>;
  events: Pick<EventsRepository, 'approvedOnlyFor'>;
  requests: Pick<Requests, 'relationsOf'>;
}

/**
 * A partner's profile as an organisation sees it (never its contact details), with the reasons for
 * this pair: for a suggestion, a request or a meeting. An organisation sees only partners it could
 * be suggested (not a pair a matchmaker rejected; only approved pairs at an "approved pairs only"
 * event) or that it already deals with (a request either way, a meeting).
 */
export function partnerView(deps: PartnerDeps, selfId: number, partnerId: number, asMatchmaker: boolean): PartnerView {
  const self = deps.organizations.get(selfId) ?? notFound(`Organisation ${selfId}`).throw();
  const partner = deps.organizations.get(partnerId) ?? notFound(`Organisation ${partnerId}`).throw();
  const relation = deps.requests.relationsOf(self.id).get(partner.id) ?? {};
  const match = deps.matching.pairMarks(self.id).get(partner.id) ?? null;
  const dealing = Boolean(relation.requested || relation.received || relation.meeting);
  if (!asMatchmaker && !dealing && partner.id !== self.id) {
    if (match?.status === 'rejected') throw forbidden('This organisation is not among your partners');
    if (deps.events.approvedOnlyFor(self.id) && match?.status !== 'approved') throw forbidden('This organisation is not among your partners');
  }
  const explained = deps.matching.explain(self.id, partner.id);
  const reasons = explained?.reasons ?? [];
  const concepts = new Map<string, PartnerView['concepts'][number]>();
  for (const r of reasons) if (r.concept && !concepts.has(r.concept.id)) concepts.set(r.concept.id, { id: r.concept.id, label: r.concept.label });
  const { contact: _contact, ...organization } = toView(partner, false);
  return {
    organization,
    score: explained?.score ?? 0,
    strength: explained?.strength ?? strengthOf(0),
    signals: explained?.signals ?? null,
    reasons,
    concepts: [...concepts.values()],
    match: match ? { id: match.id, status: match.status } : null,
    relation,
  };
}
