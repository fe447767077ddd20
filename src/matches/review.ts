import { stringify } from 'csv-stringify/sync';
import type { AuditRow, MatchRow, MatchStatus } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { neutralizeCell } from '../events/agenda.ts';
import { strengthOf } from '../../matching/score.ts';
import type { MatchesRepository } from './repository.ts';

/**
 * The review queue at the size of a real event (1,000+ pairs): decisions on many pairs at once, the
 * queue as a spreadsheet, and each pair's history of notes and decisions from the audit trail.
 */

/** Approves, rejects or resets many pairs at once: all of them, or none when one does not exist. */
export function decideMany(
  matches: Pick<MatchesRepository, 'decideMany' | 'missing'>,
  ids: readonly number[],
  status: MatchStatus,
  note: string | null | undefined,
  by: string,
  at: string,
): MatchRow[] {
  const rows = matches.decideMany(ids, status, note, by, at);
  if (rows) return rows;
  const missing = matches.missing(ids);
  throw invalid(
    `${missing.length} of the pairs do not exist; none was changed`,
    missing.map((id) => ({
      field: `ids.${ids.indexOf(id)}`,
      message: `pair ${id} does not exist`,
      code: 'unknown-pair',
      params: { matchId: id },
    })),
  );
}

export interface QueueRow {
  match: MatchRow;
  a: { externalId: string; name: Record<string, string>; nameLatin: string; country: string };
  b: { externalId: string; name: Record<string, string>; nameLatin: string; country: string };
  /** Concept labels (English) of the strongest reasons. */
  concepts: string[];
}

const names = (name: Record<string, string>) =>
  Object.entries(name)
    .map(([lang, text]) => `${text} [${lang}]`)
    .join(' / ');

/** The queue as CSV (UTF-8 with BOM, for Excel), cells protected against formulas. */
export function queueCsv(rows: readonly QueueRow[]): string {
  return stringify(
    [
      [
        'pair',
        'score',
        'strength',
        'status',
        'externalId A',
        'name A',
        'name A (Latin)',
        'country A',
        'externalId B',
        'name B',
        'name B (Latin)',
        'country B',
        'concepts',
        'note',
        'decided at',
        'decided by',
      ],
      ...rows.map(({ match: m, a, b, concepts }) =>
        [
          m.id,
          m.score.toFixed(4),
          strengthOf(m.score), // the engine's one scale (matching/score.ts)
          m.status,
          a.externalId,
          names(a.name),
          a.nameLatin,
          a.country,
          b.externalId,
          names(b.name),
          b.nameLatin,
          b.country,
          concepts.join('; '),
          m.note ?? '',
          m.decidedAt ?? '',
          m.decidedBy ?? '',
        ].map((v) => neutralizeCell(String(v))),
      ),
    ],
    { bom: true },
  );
}

/** A pair's decisions and notes, latest first, from the audit trail. */
export function historyOf(entries: readonly AuditRow[]) {
  return entries
    .filter((e) => e.action.startsWith('match.'))
    .map((e) => ({
      at: e.at,
      actor: e.actor,
      status: e.action.slice('match.'.length),
      note: typeof e.details.note === 'string' ? e.details.note : null,
    }));
}
