import type { EventRow, FollowUpRow, MatchRow, MeetingFeedbackRow, MeetingRequestRow, MeetingRow, OrganizationRow } from '../db/schema.ts';
import { requestView } from '../events/requests.ts';

/** The stages of the funnel, in order: each pair of organisations is counted at every stage it reached. */
export const STAGES = ['suggested', 'requested', 'accepted', 'held', 'cooperation', 'agreement'] as const;
export type Stage = (typeof STAGES)[number];
export const AGREEMENTS = ['mou', 'pilot', 'contract', 'investment'] as const;

export type StageCounts = Record<Stage, number>;

/** Everything a report reads, for the sessions in scope. */
export interface ReportData {
  events: EventRow[];
  organizations: Map<number, OrganizationRow>;
  /** Attending organisations per session. */
  attending: Map<number, Set<number>>;
  /** Pairs from the review queue (not rejected). */
  pairs: MatchRow[];
  requests: { eventId: number; fromOrganizationId: number; toOrganizationId: number; status: string }[];
  meetings: MeetingRow[];
  feedback: MeetingFeedbackRow[];
  followUps: FollowUpRow[];
  /** Feedback and follow-up questions sent (or waiting in the outbox) per organisation. */
  asked: { feedback: Map<number, number>; followUps: Map<number, number> };
  now: Date;
}

export interface PairOutcome {
  orgAId: number;
  orgBId: number;
  a: string;
  b: string;
  score: number | null;
  stages: Record<Stage, boolean>;
  meetings: { id: number; eventId: number; start: string; status: string }[];
  feedback: { organizationId: number; tookPlace: boolean; interest: string | null; cooperation: string | null; nextSteps: string | null }[];
  followUps: {
    organizationId: number;
    months: number;
    outcomes: string[] | null;
    investmentAmount: number | null;
    investmentCurrency: string | null;
    note: string | null;
  }[];
}

const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const zero = (): StageCounts => ({ suggested: 0, requested: 0, accepted: 0, held: 0, cooperation: 0, agreement: 0 });
const english = (o: OrganizationRow | undefined) => (o ? (o.name.en ?? Object.values(o.name)[0] ?? '') : '');

/**
 * The outcome report of one session or of every session of a programme: the funnel suggested →
 * requested → accepted → held → cooperation possible → agreement, in pairs of organisations; the
 * same by country, kind, sector and SDG (a pair counts under each value either of its two
 * organisations has, so a JP–MN pair counts once under JP and once under MN); who answered; and per
 * pair what happened. Pure: it reads only `data`.
 */
export function outcomeReport(data: ReportData) {
  const pairs = new Map<string, PairOutcome>();
  const pair = (x: number, y: number): PairOutcome => {
    const k = key(x, y);
    let p = pairs.get(k);
    if (!p) {
      const [lo, hi] = x < y ? [x, y] : [y, x];
      p = {
        orgAId: lo,
        orgBId: hi,
        a: english(data.organizations.get(lo)),
        b: english(data.organizations.get(hi)),
        score: null,
        stages: { suggested: false, requested: false, accepted: false, held: false, cooperation: false, agreement: false },
        meetings: [],
        feedback: [],
        followUps: [],
      };
      pairs.set(k, p);
    }
    return p;
  };

  for (const m of data.pairs) {
    const together = [...data.attending.values()].some((orgs) => orgs.has(m.orgAId) && orgs.has(m.orgBId));
    if (!together) continue;
    const p = pair(m.orgAId, m.orgBId);
    p.stages.suggested = true;
    p.score = m.score;
  }
  for (const r of data.requests) {
    const p = pair(r.fromOrganizationId, r.toOrganizationId);
    p.stages.requested = true;
    if (r.status === 'accepted') p.stages.accepted = true;
  }
  const meetingPair = new Map<number, PairOutcome>();
  for (const m of data.meetings) {
    const p = pair(m.orgLowId, m.orgHighId);
    p.meetings.push({ id: m.id, eventId: m.eventId, start: m.slotStart, status: m.status });
    if (m.status === 'scheduled') p.stages.accepted = true;
    meetingPair.set(m.id, p);
  }
  for (const f of data.feedback) {
    const p = meetingPair.get(f.meetingId);
    if (!p) continue;
    p.feedback.push({ organizationId: f.organizationId, tookPlace: f.tookPlace, interest: f.interest, cooperation: f.cooperation, nextSteps: f.nextSteps });
    if (f.tookPlace) p.stages.held = true;
    if (f.tookPlace && f.cooperation === 'yes') p.stages.cooperation = true;
  }
  for (const f of data.followUps) {
    const p = meetingPair.get(f.meetingId);
    if (!p || !f.answeredAt) continue;
    p.followUps.push({
      organizationId: f.organizationId,
      months: f.months,
      outcomes: f.outcomes,
      investmentAmount: f.investmentAmount,
      investmentCurrency: f.investmentCurrency,
      note: f.note,
    });
    if ((f.outcomes ?? []).some((o) => (AGREEMENTS as readonly string[]).includes(o))) p.stages.agreement = true;
  }

  const funnel = zero();
  const dimensions = {
    country: new Map<string, StageCounts>(),
    kind: new Map<string, StageCounts>(),
    sector: new Map<string, StageCounts>(),
    sdg: new Map<string, StageCounts>(),
  };
  for (const p of pairs.values()) {
    const orgs = [data.organizations.get(p.orgAId), data.organizations.get(p.orgBId)].filter((o): o is OrganizationRow => !!o);
    const values = {
      country: new Set(orgs.map((o) => o.country)),
      kind: new Set(orgs.map((o) => o.kind)),
      sector: new Set(orgs.flatMap((o) => o.sectors.map((s) => s.toLowerCase()))),
      sdg: new Set(orgs.flatMap((o) => o.sdgs.map(String))),
    };
    for (const stage of STAGES) {
      if (!p.stages[stage]) continue;
      funnel[stage]++;
      for (const [dimension, set] of Object.entries(values) as [keyof typeof dimensions, Set<string>][]) {
        for (const value of set) {
          const counts = dimensions[dimension].get(value) ?? zero();
          counts[stage]++;
          dimensions[dimension].set(value, counts);
        }
      }
    }
  }

  const answered = { feedback: new Map<number, number>(), followUps: new Map<number, number>() };
  for (const f of data.feedback) answered.feedback.set(f.organizationId, (answered.feedback.get(f.organizationId) ?? 0) + 1);
  for (const f of data.followUps) if (f.answeredAt) answered.followUps.set(f.organizationId, (answered.followUps.get(f.organizationId) ?? 0) + 1);
  const respondents = [...new Set([...data.asked.feedback.keys(), ...data.asked.followUps.keys(), ...answered.feedback.keys(), ...answered.followUps.keys()])]
    .sort((x, y) => x - y)
    .map((id) => ({
      organizationId: id,
      name: english(data.organizations.get(id)),
      feedbackAsked: data.asked.feedback.get(id) ?? 0,
      feedbackAnswered: answered.feedback.get(id) ?? 0,
      followUpsAsked: data.asked.followUps.get(id) ?? 0,
      followUpsAnswered: answered.followUps.get(id) ?? 0,
    }));
  const sum = (m: Map<number, number>) => [...m.values()].reduce((n, v) => n + v, 0);

  return {
    sessions: data.events.map((e) => ({ id: e.id, name: e.name, programme: e.programme })),
    funnel,
    breakdown: Object.fromEntries(
      Object.entries(dimensions).map(([d, m]) => [d, [...m.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([value, counts]) => ({ value, ...counts }))]),
    ) as Record<keyof typeof dimensions, ({ value: string } & StageCounts)[]>,
    responses: {
      feedback: { asked: sum(data.asked.feedback), answered: data.feedback.length },
      followUps: { asked: sum(data.asked.followUps), answered: data.followUps.filter((f) => f.answeredAt).length },
      byOrganization: respondents,
    },
    pairs: [...pairs.values()]
      .filter((p) => p.stages.requested || p.stages.accepted || p.meetings.length)
      .sort((x, y) => STAGES.filter((s) => y.stages[s]).length - STAGES.filter((s) => x.stages[s]).length || x.orgAId - y.orgAId || x.orgBId - y.orgBId),
  };
}

export type OutcomeReport = ReturnType<typeof outcomeReport>;

/** Requests as the report reads them: from organisation to organisation, expired ones as such. */
export function reportRequests(rows: readonly MeetingRequestRow[], orgOfAttendee: Map<number, number>, now: Date): ReportData['requests'] {
  return rows.flatMap((r) => {
    const from = orgOfAttendee.get(r.fromAttendeeId);
    return from === undefined
      ? []
      : [{ eventId: r.eventId, fromOrganizationId: from, toOrganizationId: r.toOrganizationId, status: requestView(r, now).status }];
  });
}
