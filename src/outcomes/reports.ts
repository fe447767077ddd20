import { stringify } from 'csv-stringify/sync';
import type { MatchRow, OrganizationRow } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import { neutralizeCell } from '../events/agenda.ts';
import type { MeetingsRepository } from '../events/meetings-repository.ts';
import type { EventsRepository } from '../events/repository.ts';
import type { Outbox } from '../messages/outbox.ts';
import { outcomeReport, reportRequests, STAGES, type OutcomeReport } from './report.ts';
import type { OutcomesRepository } from './repository.ts';

export interface ReportsDeps {
  events: EventsRepository;
  meetings: MeetingsRepository;
  outbox: Outbox;
  outcomes: OutcomesRepository;
  organizations: (ids: readonly number[]) => OrganizationRow[];
  /** Pairs of the review queue with this status. */
  pairs: (status: 'pending' | 'approved') => MatchRow[];
  now: () => Date;
}

/** An outcome as a training label for a pair (orgAId < orgBId): weight from -0.5 (met, no fit) to 1 (agreement). */
export interface OutcomeLabel {
  orgAId: number;
  orgBId: number;
  label: 'agreement' | 'negotiation' | 'cooperation' | 'interest' | 'no-fit';
  weight: number;
  evidence: string[];
  /** When the pair last met (its latest meeting's start): the label's time, for splitting by time. */
  at: string | null;
}

export interface ReportScope {
  eventId?: number;
  programme?: string;
}

/** Gathers what an outcome report reads (one session, or every session of a programme, or all) and writes it as CSV. */
export function createReports(d: ReportsDeps) {
  function report(scope: ReportScope): OutcomeReport {
    if (scope.eventId !== undefined && !d.events.get(scope.eventId)) throw notFound(`Event ${scope.eventId}`);
    const events = d.events
      .list()
      .filter((e) => (scope.eventId === undefined || e.id === scope.eventId) && (scope.programme === undefined || e.programme === scope.programme));
    const attendees = events.flatMap((e) => d.events.attendees(e.id, undefined, { withRemoved: true }));
    const attending = new Map(events.map((e) => [e.id, new Set(attendees.filter((a) => a.eventId === e.id).map((a) => a.organizationId))]));
    const meetings = events.flatMap((e) => d.meetings.meetings(e.id));
    const meetingIds = meetings.map((m) => m.id);
    const pairs = [...d.pairs('approved'), ...d.pairs('pending')];
    const eventIds = events.map((e) => e.id);
    const orgIds = new Set([...attendees.map((a) => a.organizationId), ...meetings.flatMap((m) => [m.orgLowId, m.orgHighId])]);
    return outcomeReport({
      events,
      organizations: new Map(d.organizations([...orgIds]).map((o) => [o.id, o])),
      attending,
      pairs,
      requests: reportRequests(
        events.flatMap((e) => d.meetings.requests(e.id)),
        new Map(attendees.map((a) => [a.id, a.organizationId])),
        d.now(),
      ),
      meetings,
      feedback: d.outcomes.feedbackOf(meetingIds),
      followUps: d.outcomes.followUpsOf(meetingIds),
      asked: { feedback: d.outbox.countByOrganization('feedback', eventIds), followUps: d.outbox.countByOrganization('follow-up', eventIds) },
      now: d.now(),
    });
  }

  return {
    report,

    /**
     * What meetings led to, per pair of organisations, as labels for the matching's learning step:
     * an agreement (MoU, pilot, contract, investment) is the strongest evidence a pair was right, a
     * meeting held where neither side saw interest or cooperation the strongest that it was not.
     * Pairs whose meeting did not take place, or that nobody answered for, have no label.
     */
    labels(): OutcomeLabel[] {
      return report({}).pairs.flatMap((p): OutcomeLabel[] => {
        const held = p.feedback.filter((f) => f.tookPlace);
        const outcomes = new Set(p.followUps.flatMap((f) => f.outcomes ?? []));
        const at = p.meetings.reduce<string | null>((latest, m) => (latest === null || m.start > latest ? m.start : latest), null);
        const base = { orgAId: p.orgAId, orgBId: p.orgBId, at };
        if (p.stages.agreement) return [{ ...base, label: 'agreement', weight: 1, evidence: [...outcomes].filter((o) => o !== 'nothing') }];
        if (outcomes.has('negotiation')) return [{ ...base, label: 'negotiation', weight: 0.8, evidence: ['negotiation'] }];
        if (p.stages.cooperation) return [{ ...base, label: 'cooperation', weight: 0.6, evidence: ['cooperation: yes'] }];
        if (held.some((f) => f.interest === 'some' || f.interest === 'strong' || f.cooperation === 'maybe'))
          return [{ ...base, label: 'interest', weight: 0.3, evidence: held.map((f) => `interest: ${f.interest}`) }];
        if (held.length)
          return [{ ...base, label: 'no-fit', weight: -0.5, evidence: held.map((f) => `interest: ${f.interest}, cooperation: ${f.cooperation}`) }];
        return [];
      });
    },

    /** Per pair what happened (`pairs`), or the funnel by country, kind, sector and SDG (`breakdown`), for a spreadsheet. */
    csv(scope: ReportScope, table: 'pairs' | 'breakdown'): string {
      const r = report(scope);
      const rows: (string | number)[][] =
        table === 'breakdown'
          ? [
              ['dimension', 'value', ...STAGES],
              ['total', '', ...STAGES.map((s) => r.funnel[s])],
              ...Object.entries(r.breakdown).flatMap(([dimension, values]) => values.map((v) => [dimension, v.value, ...STAGES.map((s) => v[s])])),
            ]
          : [
              [
                'organisation A',
                'organisation B',
                'fit',
                ...STAGES,
                'meetings',
                'took place (A/B)',
                'interest (A/B)',
                'cooperation (A/B)',
                'next steps',
                'follow-up outcomes',
                'investment',
              ],
              ...r.pairs.map((p) => {
                const side = (id: number) => p.feedback.find((f) => f.organizationId === id);
                const both = (pick: (f: NonNullable<ReturnType<typeof side>>) => string) =>
                  [side(p.orgAId), side(p.orgBId)].map((f) => (f ? pick(f) : '')).join(' / ');
                return [
                  p.a,
                  p.b,
                  p.score === null ? '' : p.score.toFixed(3),
                  ...STAGES.map((s) => (p.stages[s] ? 'yes' : '')),
                  p.meetings.map((m) => `${m.start} ${m.status}`).join('; '),
                  both((f) => (f.tookPlace ? 'yes' : 'no')),
                  both((f) => f.interest ?? ''),
                  both((f) => f.cooperation ?? ''),
                  p.feedback
                    .map((f) => f.nextSteps ?? '')
                    .filter(Boolean)
                    .join(' | '),
                  p.followUps.map((f) => `${f.months}m: ${(f.outcomes ?? []).join('+')}`).join('; '),
                  p.followUps
                    .filter((f) => f.investmentAmount !== null)
                    .map((f) => `${f.investmentAmount} ${f.investmentCurrency ?? ''}`.trim())
                    .join('; '),
                ];
              }),
            ];
      return stringify(
        rows.map((row) => row.map((v) => neutralizeCell(String(v)))),
        { bom: true },
      );
    },
  };
}

export type Reports = ReturnType<typeof createReports>;
