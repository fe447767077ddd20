import type { MatchRow, PairRule, PartOfDay } from '../db/schema.ts';
import { conflict, notFound } from '../domain/errors.ts';
import type { MeetingsRepository } from '../events/meetings-repository.ts';
import type { MatchesRepository } from './repository.ts';

/**
 * A matchmaker's scheduling rules on a pair of the review queue: its part of the day, a pin (must
 * meet) or a veto (never). Rules are per pair of organisations, for every session, like the review
 * decision itself. A pair that already has a booked meeting is not vetoed behind its back: the veto
 * is refused with the meetings named, to be cancelled first.
 */
export function setPairRules(
  matches: Pick<MatchesRepository, 'get' | 'setRules'>,
  meetings: Pick<MeetingsRepository, 'scheduledFor'>,
  id: number,
  change: { part?: PartOfDay; rule?: PairRule | null },
  by: string,
  at: string,
): MatchRow {
  const pair = matches.get(id) ?? notFound(`Match ${id}`).throw();
  if (change.rule === 'vetoed') {
    const booked = meetings.scheduledFor(pair.orgAId).filter((m) => m.orgLowId === pair.orgAId && m.orgHighId === pair.orgBId);
    if (booked.length)
      throw conflict(`These two have ${booked.length} booked meetings; cancel them before vetoing the pair`, [
        {
          field: 'rule',
          message: `meetings ${booked.map((m) => m.id).join(', ')} are booked`,
          code: 'vetoed-pair-meets',
          params: { count: booked.length, meetingIds: booked.map((m) => m.id), start: booked[0]!.slotStart },
        },
      ]);
  }
  return matches.setRules(id, change, by, at)!;
}
