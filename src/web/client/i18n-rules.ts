/** The scheduling rules' labels and problem codes (parts of the day, pins, vetoes, unavailable slots, idle time) in ja / mn / en; merged into i18n.ts. */
import type { Lang } from './types.ts';

type Message = Record<Lang, string>;

export const RULE_MESSAGES = {
  partOfDay: { ja: '時間帯', mn: 'Өдрийн хэсэг', en: 'Part of the day' },
  part_any: { ja: 'いつでも', mn: 'Хэзээ ч болно', en: 'Any time' },
  part_morning: { ja: '午前', mn: 'Үдээс өмнө', en: 'Morning' },
  part_afternoon: { ja: '午後', mn: 'Үдээс хойш', en: 'Afternoon' },
  partChanged: { ja: '時間帯を変更しました', mn: 'Өдрийн хэсгийг өөрчиллөө', en: 'Part of the day changed' },
  partSaved: { ja: '時間帯を「{part}」にしました', mn: 'Өдрийн хэсгийг «{part}» болголоо', en: 'Part of the day set to “{part}”' },
  schedulingRules: { ja: '日程のルール', mn: 'Хуваарийн дүрэм', en: 'Scheduling rules' },
  pinPair: { ja: '必ず会わせる(固定)', mn: 'Заавал уулзуулах (бэхлэх)', en: 'Pin: must meet' },
  vetoPair: { ja: '決して会わせない(禁止)', mn: 'Хэзээ ч уулзуулахгүй (хориглох)', en: 'Veto: never meet' },
  clearRule: { ja: '固定・禁止を解除', mn: 'Бэхлэлт, хоригийг цуцлах', en: 'Clear pin or veto' },
  rule_pinned: { ja: '固定', mn: 'Бэхэлсэн', en: 'Pinned' },
  rule_vetoed: { ja: '禁止', mn: 'Хориглосон', en: 'Vetoed' },
  ruleFilter: { ja: 'ルール', mn: 'Дүрэм', en: 'Rule' },
  rule_none: { ja: 'なし', mn: 'Байхгүй', en: 'None' },
  pinned: {
    ja: '{a} ⇄ {b} を固定しました(承認済み・最優先で配置)',
    mn: '{a} ⇄ {b}-г бэхэллээ (зөвшөөрсөн, хамгийн түрүүнд байршуулна)',
    en: '{a} ⇄ {b} pinned (approved, placed before anything else)',
  },
  vetoed: {
    ja: '{a} ⇄ {b} を禁止しました(日程にも提案にも出ません)',
    mn: '{a} ⇄ {b}-г хориглолоо (хуваарь, санал болголтод гарахгүй)',
    en: '{a} ⇄ {b} vetoed (never scheduled or suggested)',
  },
  ruleCleared: { ja: '{a} ⇄ {b} のルールを解除しました', mn: '{a} ⇄ {b}-ийн дүрмийг цуцаллаа', en: 'Rule cleared for {a} ⇄ {b}' },
  unavailableSlots: { ja: '参加できない時間', mn: 'Оролцох боломжгүй цаг', en: 'Unavailable slots' },
  unavailableHelp: {
    ja: '参加できない時間に印を付けて保存してください。その時間には商談が入りません。',
    mn: 'Оролцох боломжгүй цагаа тэмдэглээд хадгална уу. Тэр цагт уулзалт товлогдохгүй.',
    en: 'Tick the slots you cannot attend and save: no meeting is booked then.',
  },
  cancelMeetingsInWay: {
    ja: 'その時間に入っている商談を取り消す',
    mn: 'Тэр цагт товлогдсон уулзалтуудыг цуцлах',
    en: 'Cancel the meetings booked in those slots',
  },
  saveUnavailable: { ja: '参加できない時間を保存', mn: 'Боломжгүй цагийг хадгалах', en: 'Save unavailable slots' },
  unavailableSaved: {
    ja: '参加できない時間 {count} 件を保存しました(取り消した商談 {cancelled} 件)',
    mn: 'Боломжгүй {count} цагийг хадгаллаа ({cancelled} уулзалт цуцлагдсан)',
    en: 'Saved {count} unavailable slots ({cancelled} meetings cancelled)',
  },
  editAvailability: { ja: '参加できない時間', mn: 'Боломжгүй цаг', en: 'Unavailable slots' },
  idleTime: { ja: '空き時間', mn: 'Сул зогсолт', en: 'Idle time' },
  idleSummary: {
    ja: '{day}: 空き {breaks} 回・{minutes} 分',
    mn: '{day}: {breaks} завсарлага · {minutes} минут',
    en: '{day}: {breaks} gaps · {minutes} min idle',
  },
  figIdle: { ja: '商談の合間の空き(回・分)', mn: 'Уулзалт хоорондын сул зогсолт (удаа · минут)', en: 'Gaps between meetings (count · minutes)' },
  idleMost: { ja: '空きの多い参加者', mn: 'Хамгийн их сул зогсолттой оролцогчид', en: 'Attendees with the most gaps' },
  pinnedPlaced: {
    ja: '固定ペア: {placed} / {total} 組を配置',
    mn: 'Бэхэлсэн хос: {placed} / {total} байршсан',
    en: 'Pinned pairs: {placed} of {total} placed',
  },
  metBeforeSkipped: {
    ja: '以前の商談会で会ったため再提案しなかったペア: {count} 組',
    mn: 'Өмнөх арга хэмжээнд уулзсан тул дахин санал болгоогүй хос: {count}',
    en: 'Pairs not proposed again (met at an earlier session): {count}',
  },
  pinnedMark: { ja: '固定', mn: 'Бэхэлсэн', en: 'pinned' },
  unplaced_vetoed: { ja: '禁止されたペア', mn: 'Хориглосон хос', en: 'vetoed' },
  'unplaced_met-before': { ja: '以前の商談会で面談済み', mn: 'Өмнөх арга хэмжээнд уулзсан', en: 'met at an earlier session' },
  unplaced_conflict: { ja: '予約のルールと両立しません', mn: 'Товлолын дүрэмтэй зөрчилдөнө', en: 'clashes with a booking rule' },
} satisfies Record<string, Message>;

/** The service's problem codes for these rules, worded for the reader. */
export const RULE_FIELD_MESSAGES: Record<string, Message> = {
  'unavailable-slot': {
    ja: '{name} さんは {start} を参加できない時間にしています',
    mn: '{name} {start}-г боломжгүй цаг гэж тэмдэглэсэн',
    en: '{name} marked {start} as unavailable',
  },
  'pair-vetoed': {
    ja: 'マッチメーカーがこのペアを禁止しています(日程に入れられません)',
    mn: 'Зуучлагч энэ хосыг хориглосон (хуваарьт оруулахгүй)',
    en: 'A matchmaker vetoed this pair: they are never scheduled',
  },
  'morning-only': { ja: 'この商談は午前に入れる約束です', mn: 'Энэ уулзалт үдээс өмнө байх ёстой', en: 'This meeting is to be in the morning' },
  'afternoon-only': { ja: 'この商談は午後に入れる約束です', mn: 'Энэ уулзалт үдээс хойш байх ёстой', en: 'This meeting is to be in the afternoon' },
  'meetings-in-unavailable': {
    ja: '{name} さんにはその時間に商談が {count} 件あります(商談 {meetingIds})。先に取り消すか「商談を取り消す」を選んでください',
    mn: '{name}-д тэр цагт {count} уулзалт байна (уулзалт {meetingIds}). Эхлээд цуцлах эсвэл «уулзалтуудыг цуцлах»-ыг сонгоно уу',
    en: '{name} has {count} meetings in those slots (meetings {meetingIds}); cancel them first or choose to cancel them',
  },
  'booked-outside-part': {
    ja: 'この申し込みの商談 {meetingId} は別の時間帯({start})に入っています。先に移動してください',
    mn: 'Энэ хүсэлтийн {meetingId} уулзалт өөр цагт ({start}) товлогдсон. Эхлээд шилжүүлнэ үү',
    en: 'Meeting {meetingId} of this request is booked at another time ({start}); move it first',
  },
  'vetoed-pair-meets': {
    ja: 'このペアには予約済みの商談が {count} 件あります(商談 {meetingIds})。禁止する前に取り消してください',
    mn: 'Энэ хос {count} товлогдсон уулзалттай (уулзалт {meetingIds}). Хориглохоос өмнө цуцална уу',
    en: 'These two have {count} booked meetings (meetings {meetingIds}); cancel them before vetoing the pair',
  },
};
