/**
 * The engine's view of an organisation: plain data, no framework types.
 * Texts keep every language version they were given, keyed by ISO 639-1 code.
 */
export type LanguageCode = string;

/** A text in one or more languages, e.g. `{ ja: '繊維', en: 'textiles' }`. Never empty. */
export type LocalizedText = Record<LanguageCode, string>;

/** What a client may send for a text: a plain string (language detected) or a language map. */
export type TextInput = string | { ja?: string; mn?: string; en?: string };

export type OrganizationKind = 'company' | 'startup' | 'ngo' | 'education';
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['company', 'startup', 'ngo', 'education'];

export interface Profile {
  id: number;
  externalId: string;
  name: LocalizedText;
  kind: OrganizationKind;
  country: string;
  city: string;
  languages: string[];
  sectors: string[];
  description: LocalizedText;
  offers: LocalizedText[];
  needs: LocalizedText[];
  sdgs: number[];
}
