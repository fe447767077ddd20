import type { MessageKind } from '../db/schema.ts';

/**
 * Every message in Japanese, Mongolian and English. `{name}` is filled in by the composer (escaped
 * in HTML); `lines` are paragraphs; `list` marks where a list of items (a reminder's agenda) goes;
 * `action` labels the button that opens the message's link. The type refuses a kind or a language
 * left out.
 */
export type MailLang = 'ja' | 'mn' | 'en';
export const MAIL_LANGS: readonly MailLang[] = ['ja', 'mn', 'en'];

export interface Template {
  subject: string;
  lines: string[];
  action?: string;
}

/** Kinds of message a person can turn off, each with its own link. */
export const CATEGORIES = ['sign-in', 'requests', 'meetings', 'reminders', 'feedback', 'follow-ups'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_OF: Record<MessageKind, Category> = {
  'sign-in': 'sign-in',
  'request-received': 'requests',
  'request-accepted': 'requests',
  'request-declined': 'requests',
  'request-expiring': 'requests',
  'meeting-booked': 'meetings',
  'meeting-moved': 'meetings',
  'meeting-cancelled': 'meetings',
  reminder: 'reminders',
  feedback: 'feedback',
  'follow-up': 'follow-ups',
};

export const CATEGORY_NAMES: Record<Category, Record<MailLang, string>> = {
  'sign-in': { ja: 'ログイン用リンク', mn: 'нэвтрэх холбоос', en: 'sign-in links' },
  requests: { ja: '商談の申し込みに関するお知らせ', mn: 'уулзалтын хүсэлтийн мэдэгдэл', en: 'messages about meeting requests' },
  meetings: {
    ja: '商談の予約・変更・取消のお知らせ',
    mn: 'уулзалт товлох, өөрчлөх, цуцлах мэдэгдэл',
    en: 'messages about booked, moved or cancelled meetings',
  },
  reminders: { ja: '前日のリマインダー', mn: 'өмнөх өдрийн сануулга', en: 'reminders the day before' },
  feedback: { ja: '商談後のアンケート', mn: 'уулзалтын дараах санал асуулга', en: 'feedback requests after meetings' },
  'follow-ups': { ja: '数か月後のフォローアップ', mn: 'хэдэн сарын дараах тодруулга', en: 'follow-up questions months later' },
};

/** The lines every message ends with. */
export const FOOTER: Record<MailLang, { unsubscribe: string; unsubscribeAction: string; signature: string }> = {
  ja: {
    unsubscribe: '今後「{category}」を受け取らない場合は、次のリンクを開いてください: ',
    unsubscribeAction: '配信を停止する',
    signature: 'Musubi 日本・モンゴル ビジネスマッチング',
  },
  mn: {
    unsubscribe: 'Цаашид «{category}» авахгүй бол энэ холбоосыг нээнэ үү: ',
    unsubscribeAction: 'Захидал авахаа болих',
    signature: 'Musubi — Япон–Монголын бизнес түншлэл',
  },
  en: { unsubscribe: 'To stop receiving {category}, open: ', unsubscribeAction: 'Unsubscribe', signature: 'Musubi — Japan–Mongolia business matching' },
};

export const TEMPLATES: Record<MessageKind, Record<MailLang, Template>> = {
  'sign-in': {
    ja: {
      subject: '【{event}】Musubi へのログイン用リンク',
      lines: ['{name} 様', '{event} の商談の確認・申し込み・予約は、次のリンクから行えます。このリンクはあなた専用です。他の人に転送しないでください。'],
      action: 'Musubi を開く',
    },
    mn: {
      subject: '{event}: Musubi-д нэвтрэх холбоос',
      lines: [
        'Сайн байна уу, {name}',
        '{event}-ийн уулзалтаа харах, хүсэх, товлохдоо доорх холбоосыг ашиглана уу. Энэ холбоос зөвхөн танд зориулагдсан тул бусдад бүү дамжуулаарай.',
      ],
      action: 'Musubi нээх',
    },
    en: {
      subject: '{event}: your Musubi sign-in link',
      lines: ['Dear {name},', 'Use the link below to see, request and book your meetings at {event}. The link is yours alone: please do not forward it.'],
      action: 'Open Musubi',
    },
  },
  'request-received': {
    ja: {
      subject: '【{event}】{partner} から商談の申し込みがありました',
      lines: ['{name} 様', '{partner} から {event} での商談の申し込みが届きました。', '{message}', '回答期限: {when}'],
      action: '申し込みに回答する',
    },
    mn: {
      subject: '{event}: {partner} уулзалт хүсэж байна',
      lines: ['Сайн байна уу, {name}', '{partner} {event}-д тантай уулзах хүсэлт илгээлээ.', '{message}', 'Хариулах хугацаа: {when}'],
      action: 'Хүсэлтэд хариулах',
    },
    en: {
      subject: '{event}: {partner} asks to meet you',
      lines: ['Dear {name},', '{partner} asks for a meeting with you at {event}.', '{message}', 'Please answer by {when}.'],
      action: 'Answer the request',
    },
  },
  'request-accepted': {
    ja: {
      subject: '【{event}】{partner} が商談を承諾しました',
      lines: ['{name} 様', '{partner} が商談の申し込みを承諾しました。双方の空いている時間を選んで予約してください。'],
      action: '時間を選ぶ',
    },
    mn: {
      subject: '{event}: {partner} уулзалтыг зөвшөөрлөө',
      lines: ['Сайн байна уу, {name}', '{partner} таны уулзалтын хүсэлтийг зөвшөөрлөө. Хоёр талд сул цагийг сонгож товлоно уу.'],
      action: 'Цаг сонгох',
    },
    en: {
      subject: '{event}: {partner} accepted your request',
      lines: ['Dear {name},', '{partner} accepted your meeting request. Pick a slot that suits you both.'],
      action: 'Pick a slot',
    },
  },
  'request-declined': {
    ja: {
      subject: '【{event}】{partner} は今回の商談を辞退しました',
      lines: ['{name} 様', '残念ながら {partner} は今回の商談の申し込みを辞退しました。ほかのおすすめの相手もご覧ください。'],
      action: 'おすすめの相手を見る',
    },
    mn: {
      subject: '{event}: {partner} уулзалтаас татгалзлаа',
      lines: ['Сайн байна уу, {name}', 'Харамсалтай нь {partner} энэ удаагийн уулзалтын хүсэлтээс татгалзлаа. Бусад санал болгож буй түншүүдийг үзнэ үү.'],
      action: 'Бусад түншийг үзэх',
    },
    en: {
      subject: '{event}: {partner} declined your request',
      lines: ['Dear {name},', '{partner} declined your meeting request this time. Have a look at your other suggested partners.'],
      action: 'See other partners',
    },
  },
  'request-expiring': {
    ja: {
      subject: '【{event}】{partner} からの申し込みの回答期限が近づいています',
      lines: ['{name} 様', '{partner} からの商談の申し込みは {when} に期限切れになります。承諾または辞退してください。'],
      action: '申し込みに回答する',
    },
    mn: {
      subject: '{event}: {partner}-ийн хүсэлтэд хариулах хугацаа дуусах гэж байна',
      lines: ['Сайн байна уу, {name}', '{partner}-ийн уулзалтын хүсэлтийн хугацаа {when}-д дуусна. Зөвшөөрөх эсвэл татгалзана уу.'],
      action: 'Хүсэлтэд хариулах',
    },
    en: {
      subject: '{event}: the request from {partner} expires soon',
      lines: ['Dear {name},', 'The meeting request from {partner} expires at {when}. Please accept or decline it.'],
      action: 'Answer the request',
    },
  },
  'meeting-booked': {
    ja: {
      subject: '【{event}】商談が確定しました: {partner}、{when}',
      lines: [
        '{name} 様',
        '{partner} との商談が確定しました。',
        '{why}',
        '日時: {when}',
        '場所: {place}',
        '{interpreter}',
        '添付のカレンダーファイル(.ics)を取り込むと予定に追加されます。',
      ],
      action: '商談を確認する',
    },
    mn: {
      subject: '{event}: уулзалт товлогдлоо — {partner}, {when}',
      lines: [
        'Сайн байна уу, {name}',
        '{partner}-тэй хийх уулзалт товлогдлоо.',
        '{why}',
        'Цаг: {when}',
        'Байршил: {place}',
        '{interpreter}',
        'Хавсаргасан хуанлийн файлыг (.ics) нээвэл хуанлид тань нэмэгдэнэ.',
      ],
      action: 'Уулзалтаа харах',
    },
    en: {
      subject: '{event}: meeting booked with {partner}, {when}',
      lines: [
        'Dear {name},',
        'Your meeting with {partner} is booked.',
        '{why}',
        'When: {when}',
        'Where: {place}',
        '{interpreter}',
        'Open the attached calendar file (.ics) to add it to your calendar.',
      ],
      action: 'See your meetings',
    },
  },
  'meeting-moved': {
    ja: {
      subject: '【{event}】商談の日時・場所が変わりました: {partner}、{when}',
      lines: [
        '{name} 様',
        '{partner} との商談が変更されました。',
        '新しい日時: {when}(変更前: {before})',
        '場所: {place}',
        '{interpreter}',
        '添付の .ics を取り込むと、カレンダーの予定が更新されます(重複しません)。',
      ],
      action: '商談を確認する',
    },
    mn: {
      subject: '{event}: уулзалт өөрчлөгдлөө — {partner}, {when}',
      lines: [
        'Сайн байна уу, {name}',
        '{partner}-тэй хийх уулзалт өөрчлөгдлөө.',
        'Шинэ цаг: {when} (өмнө нь: {before})',
        'Байршил: {place}',
        '{interpreter}',
        'Хавсаргасан .ics файлыг нээвэл хуанли тань шинэчлэгдэнэ (давхардахгүй).',
      ],
      action: 'Уулзалтаа харах',
    },
    en: {
      subject: '{event}: meeting with {partner} moved to {when}',
      lines: [
        'Dear {name},',
        'Your meeting with {partner} has changed.',
        'Now: {when} (was {before})',
        'Where: {place}',
        '{interpreter}',
        'Open the attached .ics to update the entry in your calendar (it will not be duplicated).',
      ],
      action: 'See your meetings',
    },
  },
  'meeting-cancelled': {
    ja: {
      subject: '【{event}】商談が取り消されました: {partner}、{when}',
      lines: ['{name} 様', '{when} の {partner} との商談は取り消されました。', '{why}', '添付の .ics を取り込むと、カレンダーから予定が削除されます。'],
      action: '商談を確認する',
    },
    mn: {
      subject: '{event}: уулзалт цуцлагдлаа — {partner}, {when}',
      lines: ['Сайн байна уу, {name}', '{when}-д {partner}-тэй хийх уулзалт цуцлагдлаа.', '{why}', 'Хавсаргасан .ics файлыг нээвэл хуанлинаас тань хасагдана.'],
      action: 'Уулзалтаа харах',
    },
    en: {
      subject: '{event}: meeting with {partner} cancelled ({when})',
      lines: ['Dear {name},', 'Your meeting with {partner} at {when} has been cancelled.', '{why}', 'Open the attached .ics to remove it from your calendar.'],
      action: 'See your meetings',
    },
  },
  reminder: {
    ja: {
      subject: '【{event}】明日の商談 {count} 件',
      lines: ['{name} 様', '明日からの {event} でのあなたの商談は次のとおりです(時刻は {zone})。', '{list}', '添付の .ics に全ての商談が入っています。'],
      action: '商談を確認する',
    },
    mn: {
      subject: '{event}: маргаашийн {count} уулзалт',
      lines: ['Сайн байна уу, {name}', 'Маргаашаас эхлэх {event}-д таны уулзалтууд ({zone}-ын цагаар):', '{list}', 'Хавсаргасан .ics файлд бүх уулзалт бий.'],
      action: 'Уулзалтаа харах',
    },
    en: {
      subject: '{event}: your {count} meetings from tomorrow',
      lines: ['Dear {name},', 'Your meetings at {event}, starting tomorrow (times in {zone}):', '{list}', 'The attached .ics holds all of them.'],
      action: 'See your meetings',
    },
  },
  feedback: {
    ja: {
      subject: '【{event}】{partner} との商談はいかがでしたか',
      lines: [
        '{name} 様',
        '{when} の {partner} との商談について、4つの質問にお答えください(1分ほどです)。実施されたか、関心の度合い、協力の可能性、次の一歩。',
      ],
      action: 'アンケートに答える',
    },
    mn: {
      subject: '{event}: {partner}-тэй хийсэн уулзалт ямар байсан бэ?',
      lines: [
        'Сайн байна уу, {name}',
        '{when}-д {partner}-тэй хийсэн уулзалтын талаар 4 асуултад хариулна уу (1 минут орчим): уулзалт болсон эсэх, сонирхол, хамтран ажиллах боломж, дараагийн алхам.',
      ],
      action: 'Асуултад хариулах',
    },
    en: {
      subject: '{event}: how was your meeting with {partner}?',
      lines: [
        'Dear {name},',
        'Please answer four questions about your meeting with {partner} at {when} (about a minute): did it take place, your interest, whether cooperation is possible, and what comes next.',
      ],
      action: 'Answer',
    },
  },
  'follow-up': {
    ja: {
      subject: '{partner} との商談から {months} か月: その後いかがですか',
      lines: [
        '{name} 様',
        '{event} で {partner} と商談してから {months} か月がたちました。交渉の開始、覚書(MoU)、実証(パイロット)、契約、投資など、その後の進展を教えてください。',
      ],
      action: '進展を回答する',
    },
    mn: {
      subject: '{partner}-тэй уулзаад {months} сар боллоо: ямар үр дүн гарсан бэ?',
      lines: [
        'Сайн байна уу, {name}',
        '{event}-д {partner}-тэй уулзаад {months} сар өнгөрлөө. Хэлэлцээр эхэлсэн, санамж бичиг (MoU), туршилтын төсөл, гэрээ, хөрөнгө оруулалт зэрэг ахиц гарсан эсэхийг хуваалцана уу.',
      ],
      action: 'Үр дүнгээ бичих',
    },
    en: {
      subject: '{months} months after meeting {partner}: what came of it?',
      lines: [
        'Dear {name},',
        'It is {months} months since you met {partner} at {event}. Tell us what came of it: negotiations, an MoU, a pilot, a contract, an investment, or nothing yet.',
      ],
      action: 'Tell us',
    },
  },
};

/** Words used inside messages (places, interpreters). */
export const WORDS: Record<'online' | 'table' | 'interpreter' | 'none' | 'no-show' | 'standby', Record<MailLang, string>> = {
  online: { ja: 'オンライン', mn: 'Онлайн', en: 'Online' },
  table: { ja: 'テーブル {table}', mn: '{table} ширээ', en: 'Table {table}' },
  interpreter: { ja: '通訳: {interpreter}', mn: 'Орчуулагч: {interpreter}', en: 'Interpreter: {interpreter}' },
  none: { ja: '', mn: '', en: '' },
  // Why the event day changed a meeting (check-in and the standby list).
  'no-show': {
    ja: '相手の方が本日お越しになれないため、この商談は取り消されました。運営スタッフが代わりの商談相手をご案内する場合があります。',
    mn: 'Таны уулзах хүн өнөөдөр ирж чадаагүй тул уулзалт цуцлагдлаа. Зохион байгуулагчид өөр хүнтэй уулзуулахыг санал болгож магадгүй.',
    en: 'Your partner could not come today, so this meeting is cancelled. The organisers may offer you another partner at that time.',
  },
  standby: {
    ja: '当日のキャンセルで空いた時間に、運営スタッフがこの商談を追加しました。',
    mn: 'Өнөөдөр цуцлагдсан уулзалтын оронд зохион байгуулагчид энэ уулзалтыг товлосон.',
    en: 'The organisers booked this meeting today, in a time freed by a cancellation.',
  },
};
