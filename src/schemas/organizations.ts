import { Type, type Static } from 'typebox';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../matching/profile.ts';
import { Line, LocalizedText, Paging, TextInput } from './common.ts';

/** The kinds of organisation, from the engine's one list. */
export const Kind = Type.Unsafe<OrganizationKind>(
  Type.Union(
    ORGANIZATION_KINDS.map((kind) => Type.Literal(kind)),
    { 'x-message': `must be one of: ${ORGANIZATION_KINDS.join(', ')}` },
  ),
);

const Contact = Type.Object(
  {
    name: Type.Optional(Line(200)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 40,
        pattern: '^(?=.*[0-9])[0-9+()\\-. /]+$',
        'x-message': 'must have digits, and only digits, spaces and + ( ) - . /',
        'x-code': 'phone',
      }),
    ),
  },
  { additionalProperties: false, description: 'Private: seen only by matchmakers and the organisation itself' },
);

const LatinName = Line(300, {
  description:
    'The name in Latin letters, as the organisation wants it read; romanised from the name when left out (Japanese by reading, Mongolian by MNS 5217:2012)',
});

const profileFields = {
  externalId: Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: '^\\S(.*\\S)?$',
    'x-message': 'must not be blank or start or end with a space',
    'x-code': 'edge-spaces',
    description: "The matchmaker's own id; unique; a re-import with the same id updates the profile",
  }),
  name: TextInput(300, { oneLine: true }),
  nameLatin: Type.Optional(LatinName),
  kind: Kind,
  country: Type.String({ format: 'country', description: 'ISO 3166-1 alpha-2' }),
  city: Line(100),
  website: Type.Optional(Type.String({ format: 'http-url', maxLength: 500 })),
  employees: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  founded: Type.Optional(Type.Integer({ minimum: 1600, maximum: 2100 })),
  languages: Type.Array(Type.String({ format: 'language' }), {
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
    description: 'Languages its people can hold a meeting in (ISO 639-1)',
  }),
  sectors: Type.Optional(Type.Array(Line(100), { maxItems: 30 })),
  description: Type.Optional(TextInput(5000)),
  offers: Type.Array(TextInput(1000), { maxItems: 50, description: 'What it can give a partner' }),
  needs: Type.Array(TextInput(1000), { maxItems: 50, description: 'What it looks for in a partner' }),
  sdgs: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 17 }), { maxItems: 17, uniqueItems: true })),
  contact: Type.Optional(Contact),
};

const example = {
  externalId: 'mn-0042',
  name: { mn: 'Монгол Кашемир ХХК', en: 'Mongol Cashmere LLC' },
  kind: 'company',
  country: 'MN',
  city: 'Ulaanbaatar',
  website: 'https://cashmere.example.mn',
  employees: 120,
  founded: 2015,
  languages: ['mn', 'en'],
  sectors: ['textiles', '繊維'],
  description: 'Бид ноолууран утас, сүлжмэл эдлэл үйлдвэрлэдэг.',
  offers: ['Ноолууран утас нийлүүлнэ', { en: 'Knitwear OEM production' }],
  needs: ['Japanese apparel brands as distribution partners'],
  sdgs: [8, 12],
  contact: { name: 'Батбаяр', email: 'sales@cashmere.example.mn', phone: '+976-11-123456' },
};

export const OrganizationInput = Type.Object(profileFields, {
  $id: 'OrganizationInput',
  additionalProperties: false,
  example,
});
export type OrganizationInput = Static<typeof OrganizationInput>;

export const OrganizationPatch = Type.Partial(
  Type.Object({
    ...profileFields,
    nameLatin: Type.Union([LatinName, Type.Null()], {
      description: 'The name in Latin letters as the organisation wants it read; null: back to the one romanised from the name (following it)',
      'x-message': 'must not be blank (null goes back to the romanised name)',
      'x-code': 'blank',
    }),
  }),
  {
    additionalProperties: false,
    minProperties: 1,
    example: { city: 'Darkhan', needs: ['Дистрибьютор Японд'] },
  },
);
export type OrganizationPatch = Static<typeof OrganizationPatch>;

const organizationExample = {
  ...example,
  id: 42,
  name: { mn: 'Монгол Кашемир ХХК', en: 'Mongol Cashmere LLC' },
  nameLatin: 'Mongol Kashyemir KHKHK',
  nameLatinOwn: false,
  description: { mn: 'Бид ноолууран утас, сүлжмэл эдлэл үйлдвэрлэдэг.' },
  offers: [{ mn: 'Ноолууран утас нийлүүлнэ' }, { en: 'Knitwear OEM production' }],
  needs: [{ en: 'Japanese apparel brands as distribution partners' }],
  textLanguages: ['mn', 'en'],
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
};

export const Organization = Type.Object(
  {
    id: Type.Integer(),
    externalId: Type.String(),
    name: LocalizedText,
    nameLatin: Type.String({ description: 'The name in Latin letters: the organisation’s own, or romanised from the original' }),
    nameLatinOwn: Type.Boolean({ description: 'true: the organisation wrote its Latin name; false: romanised from the name on every change' }),
    kind: Type.Unsafe<OrganizationKind>(Type.String({ enum: [...ORGANIZATION_KINDS] })),
    country: Type.String(),
    city: Type.String(),
    website: Type.Optional(Type.String()),
    employees: Type.Optional(Type.Integer()),
    founded: Type.Optional(Type.Integer()),
    languages: Type.Array(Type.String()),
    sectors: Type.Array(Type.String()),
    description: LocalizedText,
    offers: Type.Array(LocalizedText),
    needs: Type.Array(LocalizedText),
    sdgs: Type.Array(Type.Integer()),
    contact: Type.Optional(
      Type.Object({
        name: Type.Optional(Type.String()),
        email: Type.Optional(Type.String()),
        phone: Type.Optional(Type.String()),
      }),
    ),
    textLanguages: Type.Array(Type.String(), { description: 'Languages the profile is written in' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Organization', example: organizationExample },
);

export const OrganizationQuery = Type.Object(
  {
    country: Type.Optional(Type.String({ format: 'country' })),
    kind: Type.Optional(Kind),
    language: Type.Optional(Type.String({ format: 'language', description: 'A language it can meet in' })),
    textLanguage: Type.Optional(Type.String({ format: 'language', description: 'A language its profile is written in' })),
    city: Type.Optional(Line(100)),
    sector: Type.Optional(Line(100)),
    q: Type.Optional(
      Line(200, {
        description:
          'Free text in any language: profiles with its concepts in any language (カシミヤ, ноолуур and cashmere alike) first, best first, then profiles where every word appears as written',
      }),
    ),
    ...Paging,
  },
  { additionalProperties: false },
);
export type OrganizationQuery = Static<typeof OrganizationQuery>;

export const OrganizationList = Type.Object(
  {
    items: Type.Array(Type.Ref('Organization')),
    total: Type.Integer({ description: 'How many organisations match the filters' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  },
  { example: { items: [organizationExample], total: 1, limit: 50, offset: 0 } },
);

export const ImportResult = Type.Object(
  {
    created: Type.Integer(),
    updated: Type.Integer(),
    items: Type.Array(
      Type.Object({
        externalId: Type.String(),
        id: Type.Integer(),
        status: Type.Union([Type.Literal('created'), Type.Literal('updated')]),
      }),
    ),
    csv: Type.Optional(
      Type.Object(
        {
          encoding: Type.Union([Type.Literal('utf-8'), Type.Literal('shift_jis'), Type.Literal('utf-16le')]),
          recognised: Type.Boolean({ description: 'true: no charset was declared and the encoding was recognised from the bytes' }),
        },
        { description: 'How a CSV was read' },
      ),
    ),
  },
  {
    example: {
      created: 1,
      updated: 1,
      items: [
        { externalId: 'mn-0042', id: 42, status: 'updated' },
        { externalId: 'jp-0007', id: 81, status: 'created' },
      ],
    },
  },
);

export const ImportBody = Type.Array(Type.Ref('OrganizationInput'), {
  maxItems: 20_000,
  description: 'A JSON array of profiles, or (Content-Type: text/csv) a spreadsheet export with the columns in the README',
  example: [example],
});

export const ImportCsv = Type.String({
  description: 'A spreadsheet export, one organisation per row; the columns are listed in the README',
  example:
    'externalId,name_ja,name_en,kind,country,city,languages,description,offers,needs\n' +
    'jp-001,株式会社サクラ繊維,Sakura Textiles,company,JP,Tokyo,ja;en,カシミヤ製品の輸入販売,日本の百貨店への販路,高品質なカシミヤ糸\n',
});
