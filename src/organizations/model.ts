import { fold } from '../../matching/text/fold.ts';
import { languagesOf, toLocalizedText } from '../../matching/text/language.ts';
import type { LocalizedText, Profile } from '../../matching/profile.ts';
import type { NewOrganizationRow, OrganizationRow } from '../db/schema.ts';
import type { Static } from 'typebox';
import type { Organization, OrganizationInput, OrganizationPatch } from '../schemas/organizations.ts';

/** Columns the service derives on every write, rather than what an organisation says about itself. */
type DerivedColumns = 'id' | 'textLanguages' | 'searchText' | 'createdAt' | 'updatedAt' | 'nameLatin' | 'nameLatinEdited';

/**
 * A profile as stored: the row's own columns (src/db/schema.ts is their one definition), texts
 * resolved to language maps, optional lists made empty. `nameLatin` is the Latin form the
 * organisation wrote itself; null: romanised from the name on every write.
 */
export type StoredProfile = Omit<OrganizationRow, DerivedColumns> & { nameLatin: string | null };

/** Validated input → stored form. Plain strings get their language detected here, once. */
export function normalizeInput(input: OrganizationInput): StoredProfile {
  return {
    externalId: input.externalId.trim(),
    name: toLocalizedText(input.name),
    nameLatin: input.nameLatin?.normalize('NFC').trim() || null,
    kind: input.kind,
    country: input.country,
    city: input.city.trim(),
    website: input.website ?? null,
    employees: input.employees ?? null,
    founded: input.founded ?? null,
    languages: input.languages,
    sectors: (input.sectors ?? []).map((s) => s.normalize('NFC').trim()),
    // Optional: many profiles are one line (a name, one offer, one need); stored as an empty text.
    description: input.description === undefined ? {} : toLocalizedText(input.description),
    offers: input.offers.map(toLocalizedText),
    needs: input.needs.map(toLocalizedText),
    sdgs: [...(input.sdgs ?? [])].sort((a, b) => a - b),
    contactName: input.contact?.name?.trim() ?? null,
    contactEmail: input.contact?.email ?? null,
    contactPhone: input.contact?.phone ?? null,
  };
}

/** Applies a partial update to a stored profile; fields absent from the patch stay as they were. */
export function applyPatch(current: StoredProfile, patch: OrganizationPatch): StoredProfile {
  // Normalising a full object built from both keeps one code path for every field's rules.
  const merged = { ...inputFromStored(current), ...patch } as OrganizationInput;
  // null: the organisation's own Latin name is dropped; the romanised one follows the name again.
  if (patch.nameLatin === null) delete merged.nameLatin;
  return normalizeInput(merged);
}

function inputFromStored(p: StoredProfile): OrganizationInput {
  const contact = contactOf(p);
  return {
    externalId: p.externalId,
    name: p.name,
    ...(p.nameLatin ? { nameLatin: p.nameLatin } : {}),
    kind: p.kind,
    country: p.country,
    city: p.city,
    ...(p.website ? { website: p.website } : {}),
    ...(p.employees !== null ? { employees: p.employees } : {}),
    ...(p.founded !== null ? { founded: p.founded } : {}),
    languages: p.languages,
    sectors: p.sectors,
    ...(Object.keys(p.description).length ? { description: p.description } : {}),
    offers: p.offers,
    needs: p.needs,
    sdgs: p.sdgs,
    ...(contact ? { contact } : {}),
  };
}

type ContactColumns = Pick<StoredProfile, 'contactName' | 'contactEmail' | 'contactPhone'>;

function contactOf(p: ContactColumns): { name?: string; email?: string; phone?: string } | undefined {
  const contact = {
    ...(p.contactName ? { name: p.contactName } : {}),
    ...(p.contactEmail ? { email: p.contactEmail } : {}),
    ...(p.contactPhone ? { phone: p.contactPhone } : {}),
  };
  return Object.keys(contact).length ? contact : undefined;
}

export function storedFromRow(row: OrganizationRow): StoredProfile {
  const { id: _id, textLanguages: _t, searchText: _s, createdAt: _c, updatedAt: _u, nameLatin, nameLatinEdited, ...stored } = row;
  return { ...stored, nameLatin: nameLatinEdited ? nameLatin : null };
}

/** A name → its Latin form (matching/text/romanize.ts with the process's kuromoji). */
export type Romanizer = (name: LocalizedText) => string;

/**
 * The columns derived from a profile on every write. Without a romanizer (the seed script) the Latin
 * name is left empty and filled in when the service starts (see plugins/organizations.ts).
 */
export function rowFromStored(p: StoredProfile, romanize?: Romanizer): Omit<NewOrganizationRow, 'id' | 'createdAt' | 'updatedAt'> {
  const texts = [p.name, p.description, ...p.offers, ...p.needs];
  const nameLatin = p.nameLatin ?? romanize?.(p.name) ?? '';
  return {
    ...p,
    nameLatin,
    nameLatinEdited: p.nameLatin !== null,
    textLanguages: languagesOf(texts),
    searchText: searchTextOf(p, nameLatin),
  };
}

/** Every searchable word of a profile, folded: the free-text query (any script, the Latin name too) runs LIKE over it. */
export function searchTextOf(
  p: Pick<StoredProfile, 'externalId' | 'city' | 'sectors' | 'name' | 'description' | 'offers' | 'needs'>,
  nameLatin: string,
): string {
  const texts = [p.name, p.description, ...p.offers, ...p.needs];
  return fold([p.externalId, p.city, nameLatin, ...p.sectors, ...texts.flatMap((t) => Object.values(t))].join('\n'));
}

/** What a caller sees: the response schema (src/schemas/organizations.ts) is its one definition. */
export type OrganizationView = Static<typeof Organization>;

/** What a caller sees. Contact details only when `withContact` (matchmakers, the organisation itself). */
export function toView(row: OrganizationRow, withContact: boolean): OrganizationView {
  const view: OrganizationView = {
    ...profileFromRow(row),
    nameLatin: row.nameLatin,
    nameLatinOwn: row.nameLatinEdited,
    textLanguages: row.textLanguages,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (row.website) view.website = row.website;
  if (row.employees !== null) view.employees = row.employees;
  if (row.founded !== null) view.founded = row.founded;
  const contact = withContact ? contactOf(row) : undefined;
  if (contact) view.contact = contact;
  return view;
}

/** The columns the engine's view reads (the matching index loads only these at start). */
export type ProfileColumns = Pick<
  OrganizationRow,
  'id' | 'externalId' | 'name' | 'kind' | 'country' | 'city' | 'languages' | 'sectors' | 'description' | 'offers' | 'needs' | 'sdgs'
>;

/** The engine's view of a stored organisation. */
export function profileFromRow(row: ProfileColumns): Profile {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    kind: row.kind,
    country: row.country,
    city: row.city,
    languages: row.languages,
    sectors: row.sectors,
    description: row.description,
    offers: row.offers,
    needs: row.needs,
    sdgs: row.sdgs,
  };
}
