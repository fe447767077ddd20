import type { AttendeeRow } from './db/schema.ts';
import { forbidden } from './domain/errors.ts';
import type { EventsRepository } from './events/repository.ts';
import type { MeetingsRepository } from './events/meetings-repository.ts';

/**
 * Who may call which route: every rule in one place, named on the route (`config.access`) and
 * enforced by plugins/auth.ts, never re-checked by hand in handlers. Matchmakers pass every rule.
 *
 * Role rules need only the caller and the path, and run before the body is read (a caller without
 * the right role learns nothing of the route's input). Resource rules look at the meeting, request
 * or attendee a route acts on and run once the input is validated; a missing resource passes them,
 * so the handler answers 404 or 422 as it would for anyone.
 */
export type Principal =
  | { role: 'matchmaker'; tokenId: number | null }
  | { role: 'organization'; tokenId: number; organizationId: number }
  | { role: 'attendee'; tokenId: number; attendeeId: number; organizationId: number };

export type RoleRule =
  /** Matchmakers only (the default). */
  | 'matchmaker'
  /** An organisation on the route whose `:id` is its own. */
  | 'organization-self'
  /** The same, and the organisation's attendees (they read its profile and suggestions). */
  | 'organization-member'
  /** Any signed-in caller; what it sees is narrowed by `scopeOf`. */
  | 'any';

export type ResourceRule =
  /** Registers an attendee for `body.organizationId`: that organisation itself. */
  | 'own-attendee'
  /** Acts for attendee `:id`: the attendee, or its organisation. */
  | 'attendee-self'
  /** Acts for `body.fromAttendeeId` (a request is made in an attendee's name). */
  | 'request-maker'
  /** The organisation asked by request `:id` (and, with `body.attendeeId`, one who may act for that attendee). */
  | 'request-recipient'
  /** Whoever may act for the attendee who made request `:id`. */
  | 'request-sender'
  /** Either side of request `:id`. */
  | 'request-party'
  /** Either side of meeting `:id`. */
  | 'meeting-party'
  /** Either side of meeting `:id`, answering for `body.organizationId` when given: only its own side. */
  | 'meeting-side'
  /** Books from `body.requestId` for one of its two sides; pairing attendees directly is for matchmakers. */
  | 'booking-party'
  /** An agenda of `query.attendeeId` (who may act for them), `query.organizationId` (that organisation), else matchmakers. */
  | 'agenda-reader';

export type Access = RoleRule | ResourceRule;

/** What the resource rules read. */
export interface PolicyData {
  events: Pick<EventsRepository, 'attendee' | 'attendeesByIds'>;
  meetings: Pick<MeetingsRepository, 'request' | 'meeting'>;
}

export interface RuleInput {
  principal: Principal;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown> | null | undefined;
}

const ROLE_RULES: Record<RoleRule, (input: RuleInput) => boolean> = {
  matchmaker: () => false,
  any: () => true,
  'organization-self': ({ principal: p, params }) => p.role === 'organization' && Number(params.id) === p.organizationId,
  'organization-member': ({ principal: p, params }) => p.role !== 'matchmaker' && Number(params.id) === p.organizationId,
};

const ROLE_REFUSALS: Record<RoleRule, string> = {
  matchmaker: 'Only a matchmaker may do this',
  any: '',
  'organization-self': "A token may only act on its own organisation's profile",
  'organization-member': "A token may only act on its own organisation's profile",
};

export function isRoleRule(access: Access): access is RoleRule {
  return access in ROLE_RULES;
}

/** The role rule's verdict; throws 403 (a domain refusal) when the caller may not. */
export function checkRole(access: RoleRule, input: RuleInput): void {
  if (input.principal.role === 'matchmaker' || ROLE_RULES[access](input)) return;
  throw forbidden(ROLE_REFUSALS[access]);
}

/** Matchmakers act for anyone; an organisation for its own people; an attendee for itself. */
export function mayActFor(p: Principal, attendee: Pick<AttendeeRow, 'id' | 'organizationId'>): boolean {
  return (
    p.role === 'matchmaker' ||
    (p.role === 'organization' && p.organizationId === attendee.organizationId) ||
    (p.role === 'attendee' && p.attendeeId === attendee.id)
  );
}

/** Matchmakers act for every organisation; organisation and attendee tokens for their own. */
export function mayActForOrganization(p: Principal, organizationId: number): boolean {
  return p.role === 'matchmaker' || p.organizationId === organizationId;
}

/** What a caller's lists are narrowed to: everything for matchmakers, else its organisation. */
export function scopeOf(p: Principal): { organizationId?: number } {
  return p.role === 'matchmaker' ? {} : { organizationId: p.organizationId };
}

const id = (value: unknown) => (typeof value === 'number' ? value : Number(value));

const RESOURCE_RULES: Record<ResourceRule, (input: RuleInput, data: PolicyData) => string | null> = {
  'own-attendee': ({ principal: p, body }) =>
    p.role === 'organization' && p.organizationId === id(body?.organizationId)
      ? null
      : 'Only a matchmaker or the organisation itself may register its attendees',
  'attendee-self': ({ principal: p, params }, data) => {
    const attendee = data.events.attendee(id(params.id));
    return !attendee || mayActFor(p, attendee) ? null : `This token may not act for attendee ${attendee.id}`;
  },
  'request-maker': ({ principal: p, body }, data) => {
    const from = data.events.attendee(id(body?.fromAttendeeId));
    return !from || mayActFor(p, from) ? null : `This token may not act for attendee ${from.id}`;
  },
  'request-recipient': ({ principal: p, params, body }, data) => {
    const request = data.meetings.request(id(params.id));
    if (!request) return null;
    if (!mayActForOrganization(p, request.toOrganizationId)) return 'Only the requested organisation may answer';
    const responder = body?.attendeeId !== undefined ? data.events.attendee(id(body.attendeeId)) : null;
    return !responder || mayActFor(p, responder) ? null : `This token may not act for attendee ${responder.id}`;
  },
  'request-sender': ({ principal: p, params }, data) => {
    const request = data.meetings.request(id(params.id));
    const sender = request ? data.events.attendeesByIds([request.fromAttendeeId])[0] : undefined;
    return !sender || mayActFor(p, sender) ? null : `This token may not act for attendee ${sender.id}`;
  },
  'request-party': ({ principal: p, params }, data) => {
    const request = data.meetings.request(id(params.id));
    const sender = request ? data.events.attendeesByIds([request.fromAttendeeId])[0] : undefined;
    if (!request || !sender) return null;
    return mayActForOrganization(p, sender.organizationId) || mayActForOrganization(p, request.toOrganizationId)
      ? null
      : 'Only a matchmaker or one of the two sides may see this';
  },
  'meeting-party': ({ principal: p, params }, data) => {
    const meeting = data.meetings.meeting(id(params.id));
    if (!meeting) return null;
    return data.events.attendeesByIds([meeting.attendeeAId, meeting.attendeeBId]).some((a) => mayActFor(p, a)) ? null : 'Not your meeting';
  },
  'meeting-side': ({ principal: p, params, body }, data) => {
    const meeting = data.meetings.meeting(id(params.id));
    if (!meeting) return null;
    if (!data.events.attendeesByIds([meeting.attendeeAId, meeting.attendeeBId]).some((a) => mayActFor(p, a))) return 'Not your meeting';
    return body?.organizationId === undefined || mayActForOrganization(p, id(body.organizationId)) ? null : 'A token answers only for its own side';
  },
  'booking-party': ({ principal: p, body }, data) => {
    // Without an accepted request nobody asked the other side: only a matchmaker may do that.
    if (body?.requestId === undefined) return 'Book from an accepted request (requestId); only a matchmaker may pair two attendees directly';
    const request = data.meetings.request(id(body.requestId));
    if (!request) return null;
    const sides = data.events.attendeesByIds([request.fromAttendeeId, request.respondedBy ?? 0]);
    return sides.some((a) => mayActFor(p, a)) ? null : 'Only a matchmaker or one of the two sides may book this meeting';
  },
  'agenda-reader': ({ principal: p, query }, data) => {
    if (query.attendeeId !== undefined) {
      const attendee = data.events.attendee(id(query.attendeeId));
      return !attendee || mayActFor(p, attendee) ? null : `This token may not act for attendee ${attendee.id}`;
    }
    if (query.organizationId !== undefined) return p.role === 'organization' && p.organizationId === id(query.organizationId) ? null : 'Not your organisation';
    return 'Only a matchmaker sees table, interpreter and whole-event agendas';
  },
};

/** The resource rule's verdict; throws 403 when the caller may not. */
export function checkResource(access: ResourceRule, input: RuleInput, data: PolicyData): void {
  if (input.principal.role === 'matchmaker') return;
  const refusal = RESOURCE_RULES[access](input, data);
  if (refusal) throw forbidden(refusal);
}
