import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../http/problem.ts';
import { checkResource, checkRole, isRoleRule, type Access, type Principal, type RuleInput } from '../policy.ts';
import { createTokensRepository, hashToken, type TokensRepository } from '../tokens/repository.ts';

export type { Principal } from '../policy.ts';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokensRepository;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route once signed in (default: matchmaker); the rules are in src/policy.ts. */
    access?: Access;
    /** Open without a token (the web app's files, the docs, health). Every other route needs one. */
    public?: boolean;
  }
}

export interface AuthOptions {
  /** The configured matchmaker token, if any (stored matchmaker tokens are looked up like the rest). */
  adminToken?: string;
}

/**
 * Bearer-token sign-in for every route that is not marked `config.public`. Access is decided from
 * the route the router matched (its options), never from the raw URL: the router also matches
 * `/%61pi/…`, absolute-form request lines and other spellings of a path, and whatever it matched is
 * what runs. The check runs in onRequest, before the body is read or validated, so a caller without
 * the right token learns nothing about the route's input. Routes say who may call them with
 * `config.access` (default: matchmaker).
 */
export default fp(
  async function auth(app: FastifyInstance, opts: AuthOptions) {
    const tokens = createTokensRepository(app.db);
    app.decorate('tokens', tokens);
    app.decorateRequest('principal', null);
    const adminHash = opts.adminToken ? Buffer.from(hashToken(opts.adminToken), 'hex') : null;
    const hashes = new SignedInHashes();

    // Per-request hooks take a callback rather than returning a promise (one microtask hop fewer
    // each); what they throw is caught by Fastify's hook runner and answered like any error.
    app.addHook('onRequest', (request, reply, done) => {
      // Unknown routes answer 404 to everyone rather than 401 to strangers: nothing to protect there.
      if (request.is404) return done();
      const { config } = request.routeOptions;
      if (config.public === true) return done();
      let principal: Principal;
      try {
        principal = authenticate(request, tokens, adminHash, hashes, app.now());
      } catch (error) {
        // Guessing is slowed per address, but a valid token always gets in: at a venue behind one
        // address, one stale browser tab must not lock everybody else out.
        if (error instanceof HttpProblem && error.statusCode === 401 && app.signInBlocked(request)) {
          throw new HttpProblem(429, 'rate-limited', 'Too many failed sign-ins from this address; wait a minute', undefined, undefined, { seconds: 60 });
        }
        throw error;
      }
      request.principal = principal;
      // What a signed-in caller reads (tokens, contacts, agendas) is theirs alone: no cache keeps it.
      // Set here rather than in an onSend hook, which every answer would go through.
      reply.header('cache-control', 'no-store');
      const access = config.access ?? 'matchmaker';
      if (isRoleRule(access)) checkRole(access, ruleInput(request, principal));
      done();
    });

    // Rules about the meeting, request or attendee a route acts on run once its input is valid.
    app.addHook('preHandler', (request, _reply, done) => {
      const access = request.routeOptions.config.access;
      if (access && !isRoleRule(access) && request.principal)
        checkResource(access, ruleInput(request, request.principal), { events: app.events, meetings: app.meetings });
      done();
    });
  },
  { name: 'auth', dependencies: ['database', 'errors', 'security'] },
);

/** The signed-in caller of a route that needs one; 401 (never a crash) when there is none. */
export function principalOf(request: FastifyRequest): Principal {
  return request.principal ?? unauthorized('Sign in with an Authorization: Bearer <token> header').throw();
}

/**
 * The hashes of the tokens that signed in lately, by token: hashing costs a tenth of a cached read,
 * and the same few tokens come back on every request. Only tokens that got in are kept (the oldest
 * go first past `HASHES_KEPT`), so guessing cannot fill it; a kept hash decides nothing by itself:
 * the token is still looked up (and found revoked) like any other.
 */
const HASHES_KEPT = 10_000;
class SignedInHashes {
  private readonly kept = new Map<string, { hex: string; bytes: Buffer }>();
  of(token: string): { hex: string; bytes: Buffer } {
    const known = this.kept.get(token);
    if (known) return known;
    const hex = hashToken(token);
    return { hex, bytes: Buffer.from(hex, 'hex') };
  }
  signedIn(token: string, hash: { hex: string; bytes: Buffer }): void {
    if (this.kept.has(token)) return;
    if (this.kept.size >= HASHES_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(token, hash);
  }
}

function authenticate(request: FastifyRequest, tokens: TokensRepository, adminHash: Buffer | null, hashes: SignedInHashes, now: Date): Principal {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw unauthorized(header ? 'The Authorization header must be "Bearer <token>"' : 'Sign in with an Authorization: Bearer <token> header');
  const token = match[1]!;
  const hash = hashes.of(token);
  if (adminHash && timingSafeEqual(hash.bytes, adminHash)) {
    hashes.signedIn(token, hash);
    return { role: 'matchmaker', tokenId: null };
  }
  const row = tokens.findActive(hash.hex);
  if (!row) throw unauthorized('The token is unknown or has been revoked');
  hashes.signedIn(token, hash);
  // Recording every use would turn each read into a write; once a minute is enough to see activity.
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) tokens.touch(row.id, now.toISOString());
  if (row.role === 'matchmaker') return { role: 'matchmaker', tokenId: row.id };
  if (row.role === 'organization' && row.organizationId !== null) {
    return { role: 'organization', tokenId: row.id, organizationId: row.organizationId };
  }
  if (row.role === 'attendee' && row.attendeeId !== null && row.organizationId !== null) {
    return { role: 'attendee', tokenId: row.id, attendeeId: row.attendeeId, organizationId: row.organizationId };
  }
  throw unauthorized('This token has no role in this version of Musubi');
}

function ruleInput(request: FastifyRequest, principal: Principal): RuleInput {
  return {
    principal,
    params: (request.params ?? {}) as Record<string, unknown>,
    query: (request.query ?? {}) as Record<string, unknown>,
    body: (request.body ?? null) as Record<string, unknown> | null,
  };
}

function unauthorized(detail: string): HttpProblem {
  return new HttpProblem(401, 'unauthorized', detail);
}
