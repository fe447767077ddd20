import type { OrganizationRow } from '../db/schema.ts';
import { conflict, forbidden, notFound } from '../domain/errors.ts';
import type { Principal } from '../policy.ts';
import type { OrganizationInput, OrganizationPatch } from '../schemas/organizations.ts';
import { applyPatch, normalizeInput, storedFromRow, type StoredProfile } from './model.ts';
import type { OrganizationsRepository } from './repository.ts';

/** A booked meeting that keeps an organisation from being deleted. */
export interface BookedMeeting {
  id: number;
  eventId: number;
  slotStart: string;
}

/**
 * The rules for an organisation's profile: externalIds are unique and only a matchmaker moves one,
 * an organisation with booked meetings is not deleted. The repository stores; this module decides.
 * A check and its write run in one synchronous turn on the one connection (better-sqlite3), so no other
 * request comes between them; the unique index on external_id stays as the last guard.
 */
export function createProfiles(repo: OrganizationsRepository, bookedMeetingsOf: (organizationId: number) => readonly BookedMeeting[]) {
  /** The externalId is the matchmaker's key for re-imports: one organisation per id. */
  function assertExternalIdFree(externalId: string, exceptId?: number): void {
    const holder = repo.byExternalId(externalId);
    if (!holder || holder.id === exceptId) return;
    throw conflict(`externalId "${externalId}" is already used by organisation ${holder.id}`, [
      {
        field: 'externalId',
        message: `is already used by organisation ${holder.id}`,
        code: 'external-id-taken',
        params: { organizationId: holder.id, externalId },
      },
    ]);
  }

  /** An organisation may not move its own externalId; a matchmaker may. */
  function assertMayChangeExternalId(principal: Principal, before: string, after: string): void {
    if (before !== after && principal.role !== 'matchmaker') throw forbidden('Only a matchmaker may change externalId');
  }

  function replaceWith(current: OrganizationRow, next: StoredProfile, principal: Principal): OrganizationRow {
    assertMayChangeExternalId(principal, current.externalId, next.externalId);
    assertExternalIdFree(next.externalId, current.id);
    return repo.update(current.id, next) ?? missing(current.id);
  }

  return {
    create(input: OrganizationInput): OrganizationRow {
      const profile = normalizeInput(input);
      assertExternalIdFree(profile.externalId);
      return repo.create(profile);
    },

    replace(id: number, input: OrganizationInput, principal: Principal): OrganizationRow {
      return replaceWith(repo.get(id) ?? missing(id), normalizeInput(input), principal);
    },

    patch(id: number, patch: OrganizationPatch, principal: Principal): OrganizationRow {
      const current = repo.get(id) ?? missing(id);
      return replaceWith(current, applyPatch(storedFromRow(current), patch), principal);
    },

    /**
     * Refused (naming them) while the organisation has booked meetings: cancelling them first tells the
     * partners, whose calendars would otherwise keep a meeting that no longer exists.
     */
    remove(id: number): void {
      if (!repo.get(id)) missing(id);
      const booked = bookedMeetingsOf(id);
      if (booked.length) {
        throw conflict(
          `The organisation has ${booked.length} booked meeting${booked.length === 1 ? '' : 's'}; cancel ${booked.length === 1 ? 'it' : 'them'} first, so partners are told`,
          booked.map((m) => ({
            field: 'id',
            message: `meeting ${m.id} at ${m.slotStart} is booked`,
            code: 'meeting-booked',
            params: { meetingId: m.id, eventId: m.eventId, start: m.slotStart },
          })),
        );
      }
      if (!repo.delete(id)) missing(id);
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;

function missing(id: number): never {
  throw notFound(`Organisation ${id}`);
}
