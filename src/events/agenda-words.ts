/**
 * The words of agenda files (CSV headers, calendar texts) in the reader's language: an attendee
 * gets them in the first of their meeting languages that Musubi writes, or the one asked for.
 */
export type AgendaLang = 'ja' | 'mn' | 'en';
export const AGENDA_LANGS: readonly AgendaLang[] = ['ja', 'mn', 'en'];

type Words = Record<AgendaLang, string>;

export const AGENDA_WORDS = {
  meeting: { ja: '商談', mn: 'Уулзалт', en: 'meeting' },
  status: { ja: '状態', mn: 'Төлөв', en: 'status' },
  start: { ja: '開始', mn: 'Эхлэх', en: 'start' },
  end: { ja: '終了', mn: 'Дуусах', en: 'end' },
  table: { ja: 'テーブル', mn: 'Ширээ', en: 'table' },
  interpreter: { ja: '通訳', mn: 'Орчуулагч', en: 'interpreter' },
  attendeeA: { ja: '参加者 A', mn: 'Оролцогч A', en: 'attendee A' },
  organizationA: { ja: '団体 A', mn: 'Байгууллага A', en: 'organisation A' },
  attendeeB: { ja: '参加者 B', mn: 'Оролцогч B', en: 'attendee B' },
  organizationB: { ja: '団体 B', mn: 'Байгууллага B', en: 'organisation B' },
  scheduled: { ja: '確定', mn: 'Товлогдсон', en: 'scheduled' },
  cancelled: { ja: '取り消し', mn: 'Цуцалсан', en: 'cancelled' },
  online: { ja: 'オンライン', mn: 'Онлайн', en: 'online' },
  onlineMeeting: { ja: 'オンライン商談', mn: 'Онлайн уулзалт', en: 'Online meeting' },
  tableNamed: { ja: 'テーブル {name}', mn: '{name} ширээ', en: 'Table {name}' },
  interpreterNamed: { ja: '通訳: {name}', mn: 'Орчуулагч: {name}', en: 'Interpreter: {name}' },
  localTime: { ja: '現地時刻({zone}): {time}', mn: 'Орон нутгийн цаг ({zone}): {time}', en: 'Local time ({zone}): {time}' },
  location: { ja: '{city}、テーブル {name}', mn: '{city}, {name} ширээ', en: '{city}, table {name}' },
} satisfies Record<string, Words>;

export function agendaWord(lang: AgendaLang, key: keyof typeof AGENDA_WORDS, vars: Record<string, string> = {}): string {
  return AGENDA_WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** The language an agenda is written in: the one asked for, else the reader's first that Musubi writes, else English. */
export function agendaLang(asked: string | undefined, readerLanguages: readonly string[] = []): AgendaLang {
  const wanted = [asked, ...readerLanguages].find((l): l is AgendaLang => (AGENDA_LANGS as readonly string[]).includes(l ?? ''));
  return wanted ?? 'en';
}
