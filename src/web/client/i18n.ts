/**
 * Every label of the web app in Japanese, Mongolian and English. Each message must have all three:
 * the type below refuses a message that lacks one. `{name}` marks a value filled in at run time.
 */
import { DAY_MESSAGES } from './i18n-day.ts';
import { RULE_FIELD_MESSAGES, RULE_MESSAGES } from './i18n-rules.ts';
import type { Lang } from './types.ts';

export const LANGS: Lang[] = ['ja', 'mn', 'en'];

type Message = Record<Lang, string>;

const messages = {
  tagline: { ja: '日本・モンゴル ビジネスマッチング', mn: 'Япон–Монголын бизнес түншлэл', en: 'Japan–Mongolia business matching' },
  skipToContent: { ja: '本文へ移動', mn: 'Үндсэн агуулга руу очих', en: 'Skip to content' },
  mainNavigation: { ja: 'メインメニュー', mn: 'Үндсэн цэс', en: 'Main menu' },
  loading: { ja: '読み込み中…', mn: 'Ачаалж байна…', en: 'Loading…' },
  networkError: { ja: 'サーバーに接続できません', mn: 'Сервертэй холбогдож чадсангүй', en: 'The server could not be reached' },
  unexpectedError: { ja: '予期しないエラー', mn: 'Гэнэтийн алдаа', en: 'Unexpected error' },
  problem400: { ja: 'リクエストを理解できませんでした', mn: 'Хүсэлтийг ойлгосонгүй', en: 'The request was not understood' },
  problem401: { ja: 'トークンが無効です', mn: 'Токен хүчингүй байна', en: 'The token is not valid' },
  problem403: { ja: 'この操作は許可されていません', mn: 'Энэ үйлдлийг хийх эрхгүй', en: 'You may not do this' },
  problem404: { ja: '見つかりません', mn: 'Олдсонгүй', en: 'Not found' },
  problem409: { ja: '他の予定と重なっています', mn: 'Өөр товлолтой давхцаж байна', en: 'It clashes with something already booked' },
  problem413: { ja: 'ファイルが大きすぎます', mn: 'Файл хэт том байна', en: 'The file is too large' },
  problem415: { ja: 'この形式のファイルは読めません', mn: 'Энэ төрлийн файлыг уншиж чадахгүй', en: 'This kind of file cannot be read' },
  problem422: { ja: '入力に誤りがあります', mn: 'Оруулсан мэдээлэлд алдаа байна', en: 'Some fields are not right' },
  problem429: { ja: '操作が多すぎます。1分ほど待ってください', mn: 'Хэт олон оролдлого. Нэг минут хүлээнэ үү', en: 'Too many attempts; wait a minute' },
  problem500: { ja: 'サーバーでエラーが起きました', mn: 'Серверт алдаа гарлаа', en: 'The server failed' },
  navReview: { ja: 'ペア審査', mn: 'Хосын хяналт', en: 'Review' },
  navImport: { ja: 'インポート', mn: 'Импорт', en: 'Import' },
  navEvents: { ja: '商談会', mn: 'Уулзалтын арга хэмжээ', en: 'Sessions' },
  navSuggestions: { ja: 'おすすめの相手', mn: 'Санал болгох түнш', en: 'Suggestions' },
  navMeetings: { ja: '商談', mn: 'Уулзалтууд', en: 'Meetings' },
  navProfile: { ja: 'プロフィール', mn: 'Танилцуулга', en: 'Profile' },
  navMyMeetings: { ja: '私の商談', mn: 'Миний уулзалтууд', en: 'My meetings' },
  signOut: { ja: 'ログアウト', mn: 'Гарах', en: 'Sign out' },

  signInTitle: { ja: 'Musubi にログイン', mn: 'Musubi-д нэвтрэх', en: 'Sign in to Musubi' },
  signInIntro: {
    ja: '事務局から受け取ったトークンを入力してください。マッチメーカー、団体、参加者のいずれのトークンでも使えます。',
    mn: 'Зохион байгуулагчаас авсан токеноо оруулна уу. Зуучлагч, байгууллага, оролцогчийн токен аль нь ч болно.',
    en: 'Enter the token you received from the organisers: a matchmaker, organisation or attendee token.',
  },
  token: { ja: 'トークン', mn: 'Токен', en: 'Token' },
  tokenHelp: {
    ja: 'このブラウザにのみ保存されます。共有端末ではログアウトしてください。',
    mn: 'Зөвхөн энэ хөтөч дээр хадгалагдана. Нийтийн компьютер дээр гарахаа мартуузай.',
    en: 'Kept in this browser only. Sign out on a shared computer.',
  },
  signIn: { ja: 'ログイン', mn: 'Нэвтрэх', en: 'Sign in' },

  // Organisation: suggestions
  suggestionsTitle: { ja: 'おすすめの相手', mn: 'Санал болгож буй түншүүд', en: 'Suggested partners' },
  suggestionsIntro: {
    ja: '貴団体のニーズと提供内容に合う相手を、相性の良い順に表示します。根拠となった言葉に印を付けています。',
    mn: 'Танай хэрэгцээ, санал болгож буй зүйлд тохирох түншүүдийг тохирлын дарааллаар харуулна. Тохирсон үгсийг тодруулсан.',
    en: 'Partners that fit what you need and offer, best first. The words behind each match are marked.',
  },
  noSuggestions: {
    ja: 'まだおすすめはありません。プロフィールに提供内容とニーズを書いてください。',
    mn: 'Одоогоор санал алга. Танилцуулгадаа санал болгох зүйл, хэрэгцээгээ бичнэ үү.',
    en: 'No suggestions yet. Describe what you offer and need in your profile.',
  },
  score: { ja: '適合度', mn: 'Тохирол', en: 'Fit' },
  strengthStrong: { ja: '強い', mn: 'Хүчтэй', en: 'strong' },
  strengthGood: { ja: '良い', mn: 'Сайн', en: 'good' },
  strengthWeak: { ja: '弱い', mn: 'Сул', en: 'weak' },
  moreReasons: { ja: 'ほかに理由が {n} 件あります', mn: 'Өөр {n} шалтгаан бий', en: '{n} more reasons' },
  noReasons: { ja: '共通の概念は見つかりませんでした。', mn: 'Нийтлэг ойлголт олдсонгүй.', en: 'No shared concepts found.' },
  directionTheyOffer: { ja: '― 貴団体のニーズに相手が応えられます', mn: '— танай хэрэгцээг тэд хангана', en: '— they offer what you need' },
  directionYouOffer: { ja: '― 相手のニーズに貴団体が応えられます', mn: '— тэдний хэрэгцээг та хангана', en: '— you offer what they need' },
  directionShared: { ja: '― 共通の分野', mn: '— нийтлэг салбар', en: '— a field you share' },
  fieldNeeds: { ja: 'ニーズ', mn: 'хэрэгцээ', en: 'needs' },
  fieldOffers: { ja: '提供できること', mn: 'санал болгох', en: 'offers' },
  fieldAbout: { ja: '概要', mn: 'танилцуулга', en: 'about' },
  requestMeeting: { ja: '商談を申し込む', mn: 'Уулзалт хүсэх', en: 'Request a meeting' },
  session: { ja: '商談会', mn: 'Арга хэмжээ', en: 'Session' },
  whoAttends: { ja: '出席者', mn: 'Оролцогч', en: 'Who attends' },
  noAttendeeForSession: {
    ja: 'この商談会に貴団体の出席者が登録されていません。事務局に登録を依頼してください。',
    mn: 'Энэ арга хэмжээнд танай оролцогч бүртгэгдээгүй байна. Зохион байгуулагчид хандана уу.',
    en: 'Nobody from your organisation is registered for this session yet; ask the organisers to register you.',
  },
  messageOptional: { ja: 'メッセージ(任意)', mn: 'Зурвас (заавал биш)', en: 'Message (optional)' },
  sendRequest: { ja: '申し込みを送る', mn: 'Хүсэлт илгээх', en: 'Send the request' },
  requestSent: {
    ja: '申し込みを送りました。相手の回答を「商談」で確認できます。',
    mn: 'Хүсэлт илгээгдлээ. Хариуг «Уулзалтууд» хэсгээс харна уу.',
    en: 'Request sent. You will see the answer under Meetings.',
  },
  cancel: { ja: 'キャンセル', mn: 'Болих', en: 'Cancel' },

  // Organisation: profile
  profileTitle: { ja: '団体プロフィール', mn: 'Байгууллагын танилцуулга', en: 'Organisation profile' },
  profileTexts: { ja: '紹介文(言語ごと)', mn: 'Танилцуулга (хэл тус бүрээр)', en: 'Texts (one tab per language)' },
  writingLanguage: { ja: '記入する言語', mn: 'Бичих хэл', en: 'Language of the texts' },
  orgName: { ja: '団体名', mn: 'Байгууллагын нэр', en: 'Name' },
  description: { ja: '概要', mn: 'Товч танилцуулга', en: 'Description' },
  offers: { ja: '提供できること', mn: 'Санал болгох зүйл', en: 'What you offer' },
  needs: { ja: '求めていること', mn: 'Хэрэгцээ', en: 'What you look for' },
  linesHelp: {
    ja: '1行に1項目。同じ項目は各言語で同じ行に書いてください。',
    mn: 'Нэг мөрөнд нэг зүйл. Ижил зүйлийг хэл бүрт ижил мөрөнд бичнэ.',
    en: 'One item per line; the same item goes on the same line in each language.',
  },
  kind: { ja: '種別', mn: 'Төрөл', en: 'Kind' },
  country: { ja: '国', mn: 'Улс', en: 'Country' },
  city: { ja: '都市', mn: 'Хот', en: 'City' },
  website: { ja: 'ウェブサイト', mn: 'Вэб сайт', en: 'Website' },
  sectors: { ja: '業種', mn: 'Салбар', en: 'Sectors' },
  commaSeparated: { ja: 'カンマ区切り', mn: 'Таслалаар тусгаарлана', en: 'Separated by commas' },
  meetingLanguages: { ja: '商談で使える言語', mn: 'Уулзалтад ярих хэл', en: 'Languages you can meet in' },
  sdgs: { ja: 'SDGs(持続可能な開発目標)', mn: 'ТХЗ (Тогтвортой хөгжлийн зорилго)', en: 'Sustainable Development Goals' },
  save: { ja: '保存', mn: 'Хадгалах', en: 'Save' },
  profileSaved: {
    ja: '保存しました。おすすめの相手が更新されます。',
    mn: 'Хадгалагдлаа. Санал болгох түншүүд шинэчлэгдэнэ.',
    en: 'Saved. Your suggestions are being updated.',
  },

  // Meetings (organisation and attendee)
  meetingsTitle: { ja: '商談と申し込み', mn: 'Уулзалт ба хүсэлтүүд', en: 'Meetings and requests' },
  attendeeTitle: { ja: '{name} さんの商談', mn: '{name} — миний уулзалтууд', en: 'Meetings of {name}' },
  attendeeSuggestionsIntro: {
    ja: '貴団体に合う相手です。ここからあなたの名前で商談を申し込めます。',
    mn: 'Танай байгууллагад тохирох түншүүд. Эндээс өөрийн нэрээр уулзалт хүсч болно.',
    en: 'Partners that fit your organisation; ask for a meeting in your own name.',
  },
  myMeetings: { ja: '確定した商談', mn: 'Баталгаажсан уулзалтууд', en: 'Confirmed meetings' },
  timesShownIn: { ja: '時刻は {zone} 時間で表示しています。', mn: 'Цагийг {zone}-ын цагаар харуулж байна.', en: 'Times are shown in {zone} time.' },
  noMeetingsYet: { ja: 'まだ確定した商談はありません。', mn: 'Баталгаажсан уулзалт алга байна.', en: 'No confirmed meetings yet.' },
  time: { ja: '時刻', mn: 'Цаг', en: 'Time' },
  with: { ja: '相手', mn: 'Хэнтэй', en: 'With' },
  place: { ja: '場所', mn: 'Байршил', en: 'Where' },
  interpreter: { ja: '通訳', mn: 'Орчуулагч', en: 'Interpreter' },
  online: { ja: 'オンライン', mn: 'Онлайн', en: 'Online' },
  onlineCount: { ja: 'オンライン {count} 件', mn: 'Онлайн {count}', en: '{count} online' },
  interpreterMark: { ja: '通訳:', mn: 'Орчуулагч:', en: 'Interpreter:' },
  downloadIcs: { ja: 'カレンダー(.ics)をダウンロード', mn: 'Хуанли (.ics) татах', en: 'Download my calendar (.ics)' },
  downloaded: { ja: 'ダウンロードしました。', mn: 'Татаж авлаа.', en: 'Downloaded.' },
  requestsToYou: { ja: '受け取った申し込み', mn: 'Ирсэн хүсэлтүүд', en: 'Requests to you' },
  requestsByYou: { ja: '送った申し込み', mn: 'Илгээсэн хүсэлтүүд', en: 'Your requests' },
  none: { ja: 'ありません。', mn: 'Алга.', en: 'None.' },
  accept: { ja: '承諾', mn: 'Зөвшөөрөх', en: 'Accept' },
  decline: { ja: '辞退', mn: 'Татгалзах', en: 'Decline' },
  withdraw: { ja: '取り下げ', mn: 'Цуцлах', en: 'Withdraw' },
  freeSlot: { ja: '双方が空いている時間', mn: 'Хоёр талд сул цаг', en: 'A slot free for both of you' },
  bookSlot: { ja: 'この時間で予約', mn: 'Энэ цагт товлох', en: 'Book this slot' },
  noFreeSlots: {
    ja: '双方が空いている時間がありません。事務局に相談してください。',
    mn: 'Хоёр талд сул цаг алга. Зохион байгуулагчид хандана уу.',
    en: 'No slot is free for both of you; ask the organisers.',
  },
  statusConfirmed: { ja: '確定', mn: 'Баталгаажсан', en: 'Confirmed' },
  statusAwaitingAnswer: { ja: '回答待ち', mn: 'Хариу хүлээж байна', en: 'Awaiting their answer' },
  statusPendingYou: { ja: '要回答', mn: 'Таны хариу хэрэгтэй', en: 'Needs your answer' },
  status_requested: { ja: '申し込み中', mn: 'Хүсэлт илгээсэн', en: 'Requested' },
  status_accepted: { ja: '承諾済み・時間未定', mn: 'Зөвшөөрсөн, цаг товлоогүй', en: 'Accepted, no slot yet' },
  status_declined: { ja: '辞退', mn: 'Татгалзсан', en: 'Declined' },
  status_cancelled: { ja: '取り下げ', mn: 'Цуцалсан', en: 'Withdrawn' },
  status_expired: { ja: '期限切れ', mn: 'Хугацаа дууссан', en: 'Expired' },
  requestAccepted: { ja: '承諾しました。時間を選んで予約してください。', mn: 'Зөвшөөрлөө. Одоо цагаа сонгоно уу.', en: 'Accepted. Now pick a slot.' },
  requestDeclined: { ja: '辞退しました。', mn: 'Татгалзлаа.', en: 'Declined.' },
  requestCancelled: { ja: '申し込みを取り下げました。', mn: 'Хүсэлтийг цуцаллаа.', en: 'Request withdrawn.' },
  meetingBooked: { ja: '商談を予約しました。', mn: 'Уулзалтыг товлолоо.', en: 'Meeting booked.' },

  // Matchmaker: review
  reviewTitle: { ja: 'ペア審査', mn: 'Санал болгосон хосуудын хяналт', en: 'Review queue' },
  reviewShortcuts: {
    ja: 'キー操作: j/k または ↓/↑ で移動、a 承認、r 却下、p 保留に戻す、n メモ',
    mn: 'Товчлол: j/k эсвэл ↓/↑ шилжих, a зөвшөөрөх, r татгалзах, p хүлээлгэд буцаах, n тэмдэглэл',
    en: 'Keys: j/k or ↓/↑ move, a approve, r reject, p back to pending, n note',
  },
  filters: { ja: '絞り込み', mn: 'Шүүлтүүр', en: 'Filters' },
  status: { ja: '状態', mn: 'Төлөв', en: 'Status' },
  all: { ja: 'すべて', mn: 'Бүгд', en: 'All' },
  minScore: { ja: '最低適合度(0–1)', mn: 'Хамгийн бага тохирол (0–1)', en: 'Minimum fit (0–1)' },
  sector: { ja: '業種', mn: 'Салбар', en: 'Sector' },
  sortBy: { ja: '並び順', mn: 'Эрэмбэ', en: 'Sort' },
  sortBest: { ja: '適合度の高い順', mn: 'Тохирол өндрөөс', en: 'Best fit first' },
  sortWeakest: { ja: '適合度の低い順', mn: 'Тохирол багаас', en: 'Weakest first' },
  sortDecided: { ja: '最近の判断順', mn: 'Сүүлд шийдсэнээр', en: 'Recently decided' },
  pairsFound: { ja: '{count} 組中 {from}–{to} 組目', mn: '{count} хосоос {from}–{to}', en: '{from}–{to} of {count} pairs' },
  match_pending: { ja: '保留', mn: 'Хүлээгдэж буй', en: 'Pending' },
  match_approved: { ja: '承認', mn: 'Зөвшөөрсөн', en: 'Approved' },
  match_rejected: { ja: '却下', mn: 'Татгалзсан', en: 'Rejected' },
  decided_approved: { ja: '承認しました: {a} ⇄ {b}', mn: 'Зөвшөөрлөө: {a} ⇄ {b}', en: 'Approved: {a} ⇄ {b}' },
  decided_rejected: { ja: '却下しました: {a} ⇄ {b}', mn: 'Татгалзлаа: {a} ⇄ {b}', en: 'Rejected: {a} ⇄ {b}' },
  decided_pending: { ja: '保留に戻しました: {a} ⇄ {b}', mn: 'Хүлээлгэд буцаалаа: {a} ⇄ {b}', en: 'Back to pending: {a} ⇄ {b}' },
  selectedPair: { ja: '選択中のペア', mn: 'Сонгосон хос', en: 'Selected pair' },
  note: { ja: 'メモ', mn: 'Тэмдэглэл', en: 'Note' },
  approve: { ja: '承認', mn: 'Зөвшөөрөх', en: 'Approve' },
  reject: { ja: '却下', mn: 'Татгалзах', en: 'Reject' },
  backToPending: { ja: '保留に戻す', mn: 'Хүлээлгэд буцаах', en: 'Back to pending' },
  pages: { ja: 'ページ', mn: 'Хуудас', en: 'Pages' },
  previous: { ja: '前へ', mn: 'Өмнөх', en: 'Previous' },
  next: { ja: '次へ', mn: 'Дараах', en: 'Next' },

  // Matchmaker: organisations
  navOrganizations: { ja: '団体', mn: 'Байгууллагууд', en: 'Organisations' },
  organizationsTitle: { ja: '登録団体', mn: 'Бүртгэлтэй байгууллагууд', en: 'Organisations' },
  searchWords: { ja: 'キーワード(どの言語でも)', mn: 'Түлхүүр үг (ямар ч хэлээр)', en: 'Words (any language)' },
  search: { ja: '検索', mn: 'Хайх', en: 'Search' },
  organizationsFound: { ja: '{count} 団体', mn: '{count} байгууллага', en: '{count} organisations' },
  contact: { ja: '連絡先', mn: 'Холбоо барих', en: 'Contact' },
  pairsOfThisOrganization: { ja: 'この団体のペアを審査', mn: 'Энэ байгууллагын хосуудыг хянах', en: 'Review this organisation’s pairs' },
  editProfile: { ja: 'プロフィールを編集', mn: 'Танилцуулга засах', en: 'Edit the profile' },
  csvTemplate: { ja: 'CSV のひな形をダウンロード', mn: 'CSV загвар татах', en: 'Download a CSV template' },
  issueOrganizationToken: { ja: 'ログイン用トークンを発行', mn: 'Нэвтрэх токен олгох', en: 'Issue a sign-in token' },
  signInLink: { ja: 'ログイン用リンク', mn: 'Нэвтрэх холбоос', en: 'Sign-in link' },
  reviewingOrganization: { ja: '絞り込み中: {name}', mn: 'Зөвхөн: {name}', en: 'Only pairs of {name}' },
  clearFilter: { ja: '解除', mn: 'Цуцлах', en: 'Show all' },

  // Matchmaker: import
  importTitle: { ja: 'プロフィールの一括インポート', mn: 'Танилцуулга бөөнөөр оруулах', en: 'Import profiles' },
  importIntro: {
    ja: 'CSV(Excel の書き出し)または JSON ファイルを選んでください。1行でも誤りがあれば何も保存せず、誤りを一覧で示します。同じ ID の団体は更新されます。',
    mn: 'CSV (Excel-ээс гаргасан) эсвэл JSON файл сонгоно уу. Нэг ч мөр алдаатай бол юу ч хадгалахгүй, алдааг жагсааж харуулна. Ижил ID-тай байгууллага шинэчлэгдэнэ.',
    en: 'Choose a CSV (a spreadsheet export) or JSON file. If any row is wrong nothing is stored and every problem is listed. Rows with a known ID update that organisation.',
  },
  importFile: { ja: 'ファイル', mn: 'Файл', en: 'File' },
  shiftJis: { ja: '日本語版 Excel の CSV(Shift_JIS)', mn: 'Японы Excel-ийн CSV (Shift_JIS)', en: 'CSV from Japanese Excel (Shift_JIS)' },
  importButton: { ja: 'インポート', mn: 'Оруулах', en: 'Import' },
  importSending: { ja: '送信中… {percent}%', mn: 'Илгээж байна… {percent}%', en: 'Sending… {percent}%' },
  importStoring: { ja: '各行を確認して保存しています…', mn: 'Мөр бүрийг шалгаж хадгалж байна…', en: 'Checking and storing every row…' },
  importDone: {
    ja: '{created} 件を追加、{updated} 件を更新しました',
    mn: '{created} нэмэгдэж, {updated} шинэчлэгдлээ',
    en: '{created} created, {updated} updated',
  },
  importRanking: {
    ja: 'ペアの順位付けはバックグラウンドで更新されます。数秒後に「ペア審査」で確認できます。',
    mn: 'Хосуудын эрэмбэ арын горимд шинэчлэгдэнэ; хэдэн секундын дараа «Хосын хяналт»-аас харна уу.',
    en: 'Pairs are being ranked in the background; they appear in the review queue within seconds.',
  },
  importNothingStored: {
    ja: '{count} 行に誤りがあるため、何も保存していません。',
    mn: '{count} мөр алдаатай тул юу ч хадгалаагүй.',
    en: 'Nothing was stored: {count} rows have problems.',
  },
  rowErrors: { ja: '行ごとの誤り', mn: 'Мөрийн алдаанууд', en: 'Problems by row' },
  row: { ja: '行', mn: 'Мөр', en: 'Row' },
  externalId: { ja: 'ID', mn: 'ID', en: 'ID' },
  field: { ja: '項目', mn: 'Талбар', en: 'Field' },
  problem: { ja: '内容', mn: 'Асуудал', en: 'Problem' },

  // Matchmaker: sessions
  eventsTitle: { ja: '商談会', mn: 'Уулзалтын арга хэмжээнүүд', en: 'Matching sessions' },
  tablesCount: { ja: 'テーブル {count}', mn: '{count} ширээ', en: '{count} tables' },
  slotLength: { ja: '1枠 {minutes} 分', mn: 'Нэг уулзалт {minutes} мин', en: '{minutes}-minute slots' },
  newEvent: { ja: '新しい商談会を作成', mn: 'Шинэ арга хэмжээ үүсгэх', en: 'Set up a new session' },
  eventName: { ja: '名称', mn: 'Нэр', en: 'Name' },
  timeZone: { ja: 'タイムゾーン', mn: 'Цагийн бүс', en: 'Time zone' },
  firstDay: { ja: '初日', mn: 'Эхний өдөр', en: 'First day' },
  dayCount: { ja: '日数', mn: 'Өдрийн тоо', en: 'Days' },
  opens: { ja: '開始', mn: 'Эхлэх', en: 'Opens' },
  closes: { ja: '終了', mn: 'Дуусах', en: 'Closes' },
  breakStart: { ja: '休憩開始', mn: 'Завсарлага эхлэх', en: 'Break from' },
  breakEnd: { ja: '休憩終了', mn: 'Завсарлага дуусах', en: 'Break until' },
  slotMinutes: { ja: '1枠の長さ(分)', mn: 'Нэг уулзалтын үргэлжлэх хугацаа (мин)', en: 'Slot length (minutes)' },
  tableCount: { ja: 'テーブル数', mn: 'Ширээний тоо', en: 'Tables' },
  allowOnline: {
    ja: 'オンライン参加を認める(東京–ウランバートル間)',
    mn: 'Онлайн оролцохыг зөвшөөрөх (Токио–Улаанбаатар)',
    en: 'Allow online meetings (Tokyo–Ulaanbaatar)',
  },
  approvedPairsOnly: {
    ja: '承認済みのペアだけを参加団体に表示',
    mn: 'Оролцогч байгууллагад зөвхөн зөвшөөрсөн хосыг харуулах',
    en: 'Show organisations only approved pairs',
  },
  createEvent: { ja: '作成', mn: 'Үүсгэх', en: 'Create' },
  sessionSettings: { ja: '商談会の設定を変更', mn: 'Арга хэмжээний тохиргоо', en: 'Change the session’s settings' },
  requestTtlHours: { ja: '申し込みの回答期限(時間)', mn: 'Хүсэлтэд хариулах хугацаа (цаг)', en: 'Requests expire after (hours)' },
  addTables: { ja: '追加するテーブル数', mn: 'Нэмэх ширээний тоо', en: 'Tables to add' },
  settingsSaved: { ja: '設定を保存しました', mn: 'Тохиргоо хадгалагдлаа', en: 'Settings saved' },
  onThisPage: { ja: 'このページ', mn: 'Энэ хуудсанд', en: 'On this page' },
  people: { ja: '参加者と通訳', mn: 'Оролцогчид ба орчуулагчид', en: 'Attendees and interpreters' },
  schedule: { ja: 'スケジュール', mn: 'Хуваарь', en: 'Schedule' },
  figures: { ja: '集計', mn: 'Тоон үзүүлэлт', en: 'Figures' },
  export: { ja: '書き出し', mn: 'Экспорт', en: 'Export' },
  attendeesHeading: { ja: '参加者 {count} 名', mn: '{count} оролцогч', en: '{count} attendees' },
  registerApproved: {
    ja: '承認済みペアの団体をすべて登録',
    mn: 'Зөвшөөрсөн хосын байгууллагуудыг бүгдийг бүртгэх',
    en: 'Register every organisation with an approved pair',
  },
  attendeesAdded: { ja: '{count} 名を登録しました', mn: '{count} оролцогч бүртгэлээ', en: '{count} attendees registered' },
  attendeeList: { ja: '参加者一覧', mn: 'Оролцогчдын жагсаалт', en: 'List of attendees' },
  organization: { ja: '団体', mn: 'Байгууллага', en: 'Organisation' },
  person: { ja: '氏名', mn: 'Нэр', en: 'Person' },
  languagesShort: { ja: '言語', mn: 'Хэл', en: 'Languages' },
  whereFrom: { ja: '参加方法', mn: 'Оролцох хэлбэр', en: 'Joins' },
  inPerson: { ja: '会場', mn: 'Биечлэн', en: 'In person' },
  signInTokens: { ja: 'ログイン用トークン', mn: 'Нэвтрэх токен', en: 'Sign-in tokens' },
  personToken: { ja: '本人用', mn: 'Хувь хүнд', en: 'Person' },
  organizationToken: { ja: '団体用', mn: 'Байгууллагад', en: 'Organisation' },
  tokenIssued: {
    ja: '{who} 用のトークンです。一度しか表示されません。本人に渡してください。',
    mn: '{who}-д зориулсан токен. Зөвхөн нэг удаа харагдана; эзэнд нь өгнө үү.',
    en: 'Token for {who}. It is shown only once: hand it over now.',
  },
  remove: { ja: '削除', mn: 'Хасах', en: 'Remove' },
  confirmRemoveAttendee: {
    ja: '{name} さんを削除しますか?商談とトークンも取り消されます。',
    mn: '{name}-г хасах уу? Түүний уулзалт, токен мөн цуцлагдана.',
    en: 'Remove {name}? Their meetings and tokens go too.',
  },
  attendeeRemoved: { ja: '{name} さんを削除しました', mn: '{name}-г хаслаа', en: '{name} removed' },
  addAttendee: { ja: '参加者を追加', mn: 'Оролцогч нэмэх', en: 'Add an attendee' },
  availableFrom: {
    ja: '参加可能な時間: 開始({zone} 時間、毎日)',
    mn: 'Боломжтой цаг: эхлэх ({zone}-ын цагаар, өдөр бүр)',
    en: 'Free from ({zone} time, each day)',
  },
  availableUntil: { ja: '参加可能な時間: 終了', mn: 'Боломжтой цаг: дуусах', en: 'Free until' },
  joinsOnline: { ja: 'オンライン参加', mn: 'Онлайнаар оролцоно', en: 'Joins online' },
  interpretersHeading: { ja: '通訳 {count} 名', mn: '{count} орчуулагч', en: '{count} interpreters' },
  addInterpreter: { ja: '通訳を追加', mn: 'Орчуулагч нэмэх', en: 'Add an interpreter' },
  interpreterName: { ja: '通訳者の氏名', mn: 'Орчуулагчийн нэр', en: 'Interpreter’s name' },
  languagePairs: { ja: '言語の組み合わせ', mn: 'Хэлний хос', en: 'Language pairs' },
  interpreterAdded: { ja: '通訳を追加しました', mn: 'Орчуулагч нэмэгдлээ', en: 'Interpreter added' },
  replan: {
    ja: '自動で組んだ商談を組み直す(手動の予約は残す)',
    mn: 'Автоматаар товлосныг дахин төлөвлөх (гараар товлосныг хадгална)',
    en: 'Re-plan the scheduler’s meetings (manual bookings stay)',
  },
  runScheduler: { ja: 'スケジュールを自動作成', mn: 'Хуваарь автоматаар гаргах', en: 'Run the scheduler' },
  scheduled: {
    ja: '{placed} 件を配置、{kept} 件はそのまま、未配置 {unplaced} 件',
    mn: '{placed} уулзалт байршуулж, {kept} хэвээр, {unplaced} байршаагүй',
    en: '{placed} placed, {kept} kept, {unplaced} not placed',
  },
  unplacedPairs: { ja: '配置できなかったペア {count} 組', mn: 'Байршуулж чадаагүй {count} хос', en: '{count} pairs could not be placed' },
  'unplaced_no-attendee': { ja: '参加者がいません', mn: 'Оролцогч алга', en: 'nobody attends' },
  'unplaced_no-common-slot': { ja: '共通の空き時間がありません', mn: 'Нийтлэг сул цаг алга', en: 'no common free slot' },
  'unplaced_no-table': { ja: '空きテーブルがありません', mn: 'Сул ширээ алга', en: 'no free table' },
  'unplaced_no-interpreter': { ja: '通訳が足りません', mn: 'Орчуулагч хүрэлцэхгүй', en: 'no interpreter free' },
  'unplaced_meeting-limit': { ja: '商談数の上限', mn: 'Уулзалтын дээд хязгаар', en: 'meeting limit reached' },
  day: { ja: '日', mn: 'Өдөр', en: 'Day' },
  gridCaption: { ja: '{day} の時間 × テーブル({zone})', mn: '{day}-ний цаг × ширээ ({zone})', en: 'Slots × tables on {day} ({zone})' },
  meetingMoved: { ja: '商談を移動しました', mn: 'Уулзалтыг шилжүүллээ', en: 'Meeting moved' },
  meetingCancelled: { ja: '商談を取り消しました', mn: 'Уулзалтыг цуцаллаа', en: 'Meeting cancelled' },
  moveMeeting: { ja: '商談の移動', mn: 'Уулзалт шилжүүлэх', en: 'Move meeting' },
  slot: { ja: '時間', mn: 'Цаг', en: 'Slot' },
  table: { ja: 'テーブル', mn: 'Ширээ', en: 'Table' },
  cancelMeeting: { ja: '商談を取り消す', mn: 'Уулзалтыг цуцлах', en: 'Cancel the meeting' },
  close: { ja: '閉じる', mn: 'Хаах', en: 'Close' },
  atTables: { ja: '会場', mn: 'Ширээнд', en: 'At tables' },
  chartLabel: { ja: '時間ごとの商談数のグラフ', mn: 'Цаг тутмын уулзалтын тооны график', en: 'Chart of meetings per slot' },
  figMeetings: { ja: '商談数', mn: 'Уулзалт', en: 'Meetings' },
  figOrganizationsMet: { ja: '商談のある団体', mn: 'Уулзалттай байгууллага', en: 'Organisations with a meeting' },
  figTableUse: { ja: 'テーブル稼働率', mn: 'Ширээний ашиглалт', en: 'Table use' },
  figNeedInterpreter: { ja: '通訳が必要な商談', mn: 'Орчуулагч хэрэгтэй уулзалт', en: 'Meetings needing an interpreter' },
  figRequests: { ja: '申し込み(申請中/承諾/辞退)', mn: 'Хүсэлт (хүлээгдэж буй/зөвшөөрсөн/татгалзсан)', en: 'Requests (open / accepted / declined)' },
  interpreterLoad: { ja: '通訳の担当数', mn: 'Орчуулагчийн ачаалал', en: 'Interpreter load' },
  withoutMeetings: { ja: '商談のない団体 {count}', mn: 'Уулзалтгүй {count} байгууллага', en: '{count} organisations without a meeting' },
  exportCsv: { ja: '全体の日程表(CSV)', mn: 'Бүх хуваарь (CSV)', en: 'Whole agenda (CSV)' },
  exportIcs: { ja: '全体のカレンダー(.ics)', mn: 'Бүх хуанли (.ics)', en: 'Whole calendar (.ics)' },
  organizationAgenda: { ja: '団体ごとの日程表', mn: 'Байгууллагын хуваарь', en: 'Agenda of one organisation' },

  // Messages and outcomes (issue 16)
  navMessages: { ja: 'メッセージ', mn: 'Захидал', en: 'Messages' },
  navOutcomes: { ja: '成果', mn: 'Үр дүн', en: 'Outcomes' },
  messagesTitle: { ja: '送信メッセージ', mn: 'Илгээх захидлууд', en: 'Outgoing messages' },
  messagesOutboxOnly: {
    ja: 'メールサーバー(SMTP_URL)が設定されていないため、メッセージはここに保管され送信されません。内容を読んで手渡しできます。',
    mn: 'Имэйл сервер (SMTP_URL) тохируулаагүй тул захидлууд энд хадгалагдаж, илгээгдэхгүй. Агуулгыг нь уншиж гараар дамжуулж болно.',
    en: 'No mail server (SMTP_URL) is configured: messages are kept here, not sent. Read them and hand them over.',
  },
  messagesSmtp: {
    ja: 'メッセージはメールサーバー経由で送信されます。失敗したものは時間をおいて再送されます。',
    mn: 'Захидлууд имэйл серверээр илгээгдэнэ; амжилтгүй болсныг хэсэг хугацааны дараа дахин илгээнэ.',
    en: 'Messages go out through the mail server; failed ones are tried again later.',
  },
  msg_pending: { ja: '送信待ち', mn: 'Хүлээгдэж буй', en: 'Waiting' },
  msg_sent: { ja: '送信済み', mn: 'Илгээсэн', en: 'Sent' },
  msg_failed: { ja: '失敗', mn: 'Амжилтгүй', en: 'Failed' },
  msg_suppressed: { ja: '配信停止中', mn: 'Захидал авахаа больсон', en: 'Turned off by the recipient' },
  recipient: { ja: '宛先', mn: 'Хүлээн авагч', en: 'To' },
  subject: { ja: '件名', mn: 'Гарчиг', en: 'Subject' },
  kindOfMessage: { ja: '種類', mn: 'Төрөл', en: 'Kind' },
  noMessages: { ja: 'メッセージはまだありません。', mn: 'Одоогоор захидал алга.', en: 'No messages yet.' },
  attachments: { ja: '添付ファイル', mn: 'Хавсралт', en: 'Attachments' },
  'kind_sign-in': { ja: 'ログイン用リンク', mn: 'Нэвтрэх холбоос', en: 'Sign-in link' },
  'kind_request-received': { ja: '申し込みの受信', mn: 'Ирсэн хүсэлт', en: 'Request received' },
  'kind_request-accepted': { ja: '申し込みの承諾', mn: 'Хүсэлт зөвшөөрсөн', en: 'Request accepted' },
  'kind_request-declined': { ja: '申し込みの辞退', mn: 'Хүсэлтээс татгалзсан', en: 'Request declined' },
  'kind_request-expiring': { ja: '回答期限の通知', mn: 'Хариулах хугацаа дуусах гэж буй', en: 'Request expiring' },
  'kind_meeting-booked': { ja: '商談の確定', mn: 'Уулзалт товлогдсон', en: 'Meeting booked' },
  'kind_meeting-moved': { ja: '商談の変更', mn: 'Уулзалт өөрчлөгдсөн', en: 'Meeting moved' },
  'kind_meeting-cancelled': { ja: '商談の取消', mn: 'Уулзалт цуцлагдсан', en: 'Meeting cancelled' },
  kind_reminder: { ja: '前日のリマインダー', mn: 'Өмнөх өдрийн сануулга', en: 'Reminder' },
  kind_feedback: { ja: '商談後のアンケート', mn: 'Уулзалтын дараах асуулга', en: 'Feedback request' },
  'kind_follow-up': { ja: 'フォローアップ', mn: 'Тодруулга', en: 'Follow-up' },
  sendSignInLinks: {
    ja: '全参加者にログイン用リンクをメールで送る',
    mn: 'Бүх оролцогчид нэвтрэх холбоосыг имэйлээр илгээх',
    en: 'E-mail every attendee a sign-in link',
  },
  signInLinksSent: {
    ja: '{sent} 名に送信しました({skipped} 名はメールアドレスなし・配信停止)',
    mn: '{sent} хүнд илгээлээ ({skipped} хүн имэйлгүй эсвэл захидал авахаа больсон)',
    en: '{sent} sign-in links queued ({skipped} without an address or turned off)',
  },
  feedbackTitle: { ja: '{partner} との商談について', mn: '{partner}-тэй хийсэн уулзалтын тухай', en: 'Your meeting with {partner}' },
  followUpTitle: { ja: '{partner} との商談から {months} か月', mn: '{partner}-тэй уулзаад {months} сар', en: '{months} months after meeting {partner}' },
  tookPlace: { ja: '商談は実施されましたか', mn: 'Уулзалт болсон уу?', en: 'Did the meeting take place?' },
  yes: { ja: 'はい', mn: 'Тийм', en: 'Yes' },
  no: { ja: 'いいえ', mn: 'Үгүй', en: 'No' },
  interest: { ja: '相手への関心', mn: 'Сонирхол', en: 'Your interest' },
  interest_none: { ja: 'なし', mn: 'Байхгүй', en: 'None' },
  interest_some: { ja: 'ある', mn: 'Бага зэрэг', en: 'Some' },
  interest_strong: { ja: '強い', mn: 'Их', en: 'Strong' },
  cooperation: { ja: '協力の可能性', mn: 'Хамтран ажиллах боломж', en: 'Is cooperation possible?' },
  cooperation_yes: { ja: 'ある', mn: 'Тийм', en: 'Yes' },
  cooperation_maybe: { ja: 'たぶん', mn: 'Магадгүй', en: 'Maybe' },
  cooperation_no: { ja: 'ない', mn: 'Үгүй', en: 'No' },
  nextSteps: { ja: '次の一歩(任意、どの言語でも)', mn: 'Дараагийн алхам (заавал биш, ямар ч хэлээр)', en: 'What next? (optional, any language)' },
  sendAnswer: { ja: '回答を送る', mn: 'Хариу илгээх', en: 'Send' },
  feedback: { ja: '商談の感想', mn: 'Санал хүсэлт', en: 'Feedback' },
  giveFeedback: { ja: '感想を送る', mn: 'Санал өгөх', en: 'Give feedback' },
  thanks: { ja: 'ご回答ありがとうございました。', mn: 'Хариулсанд баярлалаа.', en: 'Thank you for your answer.' },
  answeredAlready: {
    ja: '回答済みです({when})。送り直すと上書きされます。',
    mn: 'Та хариулсан байна ({when}). Дахин илгээвэл шинэчлэгдэнэ.',
    en: 'Answered on {when}; sending again replaces it.',
  },
  whatCameOfIt: { ja: 'その後の進展(複数選択可)', mn: 'Ямар үр дүн гарсан бэ (олныг сонгож болно)', en: 'What came of it (choose all that apply)' },
  outcome_negotiation: { ja: '交渉開始', mn: 'Хэлэлцээр эхэлсэн', en: 'Negotiations started' },
  outcome_mou: { ja: '覚書(MoU)', mn: 'Санамж бичиг (MoU)', en: 'MoU signed' },
  outcome_pilot: { ja: '実証(パイロット)', mn: 'Туршилтын төсөл', en: 'Pilot' },
  outcome_contract: { ja: '契約', mn: 'Гэрээ', en: 'Contract' },
  outcome_investment: { ja: '投資', mn: 'Хөрөнгө оруулалт', en: 'Investment' },
  outcome_nothing: { ja: '特になし', mn: 'Одоогоор юу ч үгүй', en: 'Nothing yet' },
  investmentAmount: { ja: '投資額(任意)', mn: 'Хөрөнгө оруулалтын хэмжээ (заавал биш)', en: 'Amount invested (optional)' },
  currency: { ja: '通貨(JPY・MNT・USD など)', mn: 'Валют (JPY, MNT, USD г.м.)', en: 'Currency (JPY, MNT, USD…)' },
  unsubscribeTitle: { ja: '配信の停止', mn: 'Захидал авахаа болих', en: 'Unsubscribe' },
  unsubscribeIntro: {
    ja: 'このリンクが届いた種類のメッセージを今後受け取らないようにします。',
    mn: 'Энэ холбоос ирсэн төрлийн захидлыг цаашид авахгүй болгоно.',
    en: 'Stop receiving the kind of message this link came in.',
  },
  unsubscribeButton: { ja: '配信を停止する', mn: 'Захидал авахаа болих', en: 'Unsubscribe' },
  unsubscribed: { ja: '停止しました: {category}', mn: 'Зогсоолоо: {category}', en: 'Done. You will no longer receive: {category}' },
  'category_sign-in': { ja: 'ログイン用リンク', mn: 'нэвтрэх холбоос', en: 'sign-in links' },
  category_requests: { ja: '商談の申し込みに関するお知らせ', mn: 'уулзалтын хүсэлтийн мэдэгдэл', en: 'messages about meeting requests' },
  category_meetings: {
    ja: '商談の予約・変更・取消のお知らせ',
    mn: 'уулзалт товлох, өөрчлөх, цуцлах мэдэгдэл',
    en: 'messages about booked, moved or cancelled meetings',
  },
  category_reminders: { ja: '前日のリマインダー', mn: 'өмнөх өдрийн сануулга', en: 'reminders the day before' },
  category_feedback: { ja: '商談後のアンケート', mn: 'уулзалтын дараах асуулга', en: 'feedback requests' },
  'category_follow-ups': { ja: 'フォローアップ', mn: 'тодруулга', en: 'follow-up questions' },
  navLearning: { ja: '重みの学習', mn: 'Жин сургах', en: 'Weights' },
  learningTitle: { ja: 'マッチングの重み（判断から学習）', mn: 'Тохирлын жин (шийдвэрээс суралцах)', en: "The score's weights, learned from decisions" },
  learningIntro: {
    ja: '承認・却下と商談の成果から重みを学習します。古い判断で学習し、最新の判断（3割）をどれだけ正しく並べたかで比べます。現在の重みより良い場合だけ採用できます。採用・初期化すると全ペアを並べ直します（判断とメモはそのまま）。',
    mn: 'Зөвшөөрсөн, татгалзсан шийдвэр болон уулзалтын үр дүнгээс жинг сургана. Өмнөх шийдвэрээр сургаж, хамгийн сүүлийн 30 %-ийг хэр зөв эрэмбэлснээр харьцуулна. Одоогийнхоос илүү сайн бол л батлах боломжтой. Батлах эсвэл анхны утга руу буцаахад бүх хосыг дахин эрэмбэлнэ (шийдвэр, тэмдэглэл хэвээр).',
    en: 'Weights are fitted on approvals, rejections and what meetings led to: fitted on the earlier decisions, judged on how well they rank the latest 30 %. A fit can be adopted only when it ranks them better than the weights in use. Adopting or resetting re-ranks every pair (decisions and notes are kept).',
  },
  weightsInUse: { ja: '使用中の重み', mn: 'Хэрэглэж буй жин', en: 'Weights in use' },
  weightsDefaultsInUse: { ja: '初期値を使用中です。', mn: 'Анхны утгыг хэрэглэж байна.', en: 'The defaults are in use.' },
  weightsFitInUse: {
    ja: '学習結果 #{id} を使用中です（{at} に採用）。',
    mn: 'Тооцоолол #{id}-ийг хэрэглэж байна ({at}-д баталсан).',
    en: 'Fit #{id} is in use (adopted {at}).',
  },
  weight: { ja: '重み', mn: 'Жин', en: 'Weight' },
  inUse: { ja: '使用中', mn: 'Хэрэглэж буй', en: 'In use' },
  defaultValue: { ja: '初期値', mn: 'Анхны утга', en: 'Default' },
  weight_reciprocal: { ja: '双方向の一致', mn: 'Харилцан тохирол', en: 'Both ways' },
  weight_oneSided: { ja: '片方向の一致', mn: 'Нэг талын тохирол', en: 'One way' },
  weight_about: { ja: '紹介文', mn: 'Танилцуулга', en: 'Descriptions' },
  weight_structure: { ja: '構造項目の割合', mn: 'Бүтцийн хэсгийн жин', en: 'Structured share' },
  weight_sdgs: { ja: 'SDGs', mn: 'ТХЗ', en: 'SDGs' },
  weight_kinds: { ja: '組織の種類', mn: 'Байгууллагын төрөл', en: 'Kinds' },
  weight_language: { ja: '共通言語', mn: 'Нийтлэг хэл', en: 'Shared language' },
  decisionsLine: {
    ja: '学習に使える判断: 承認・却下 {review} 件、商談の成果 {outcomes} 件（{needed} 件以上必要）',
    mn: 'Суралцах шийдвэр: зөвшөөрсөн/татгалзсан {review}, уулзалтын үр дүн {outcomes} (дор хаяж {needed} хэрэгтэй)',
    en: 'Decisions to learn from: {review} approved or rejected, {outcomes} meeting outcomes (at least {needed} needed)',
  },
  fitNow: { ja: '今の判断で学習する', mn: 'Одоогийн шийдвэрээр сургах', en: 'Fit on the decisions now' },
  resetWeights: { ja: '初期値に戻す', mn: 'Анхны утга руу буцаах', en: 'Reset to defaults' },
  fitsTitle: { ja: '学習結果', mn: 'Тооцооллууд', en: 'Fits' },
  noFits: { ja: 'まだ学習していません。', mn: 'Одоогоор тооцоолол алга.', en: 'No fit yet.' },
  fittedAt: { ja: '学習日時', mn: 'Тооцоолсон', en: 'Fitted' },
  fitDecisions: { ja: '判断（学習 / 検証）', mn: 'Шийдвэр (сургалт / шалгалт)', en: 'Decisions (fit / held out)' },
  fitSplit: {
    ja: '{train} / {test}（承認・却下 {review}、成果 {outcomes}）',
    mn: '{train} / {test} (шийдвэр {review}, үр дүн {outcomes})',
    en: '{train} / {test} ({review} reviewed, {outcomes} outcomes)',
  },
  heldOutInUse: { ja: '検証: 使用中の重み', mn: 'Шалгалт: хэрэглэж буй жин', en: 'Held out: weights in use' },
  heldOutFitted: { ja: '検証: 学習結果', mn: 'Шалгалт: тооцоолол', en: 'Held out: fitted' },
  heldOutDefaults: { ja: '検証: 初期値', mn: 'Шалгалт: анхны утга', en: 'Held out: defaults' },
  fitWeights: { ja: '学習した重み', mn: 'Тооцоолсон жин', en: 'Fitted weights' },
  fitStatus: { ja: '状態', mn: 'Төлөв', en: 'Status' },
  fitBetter: { ja: '（良い）', mn: '(илүү сайн)', en: '(better)' },
  fitNotBetter: { ja: '（改善なし）', mn: '(сайжраагүй)', en: '(not better)' },
  adopt: { ja: '採用する', mn: 'Батлах', en: 'Adopt' },
  adoptFit: { ja: '学習結果 #{id} を採用する', mn: 'Тооцоолол #{id}-ийг батлах', en: 'Adopt fit #{id}' },
  notAdoptable: { ja: '採用不可（改善なし）', mn: 'Батлах боломжгүй (сайжраагүй)', en: 'Not adoptable (not better)' },
  fitOutdatedShort: { ja: '古い比較（再学習を）', mn: 'Хуучирсан (дахин тооцоол)', en: 'Outdated: fit again' },
  fitMadeBetter: {
    ja: '学習結果 #{id}: 最新の判断を現在の重みより上手に並べました。採用できます。',
    mn: 'Тооцоолол #{id}: сүүлийн шийдвэрүүдийг одоогийнхоос илүү сайн эрэмбэлсэн. Батлах боломжтой.',
    en: 'Fit #{id} ranks the latest decisions better than the weights in use: it can be adopted.',
  },
  fitMadeNotBetter: {
    ja: '学習結果 #{id}: 現在の重みより良くなりませんでした。重みは変わりません。',
    mn: 'Тооцоолол #{id}: одоогийнхоос сайжраагүй. Жин өөрчлөгдөхгүй.',
    en: 'Fit #{id} does not rank the latest decisions better: the weights stay as they are.',
  },
  fitAdopted: {
    ja: '学習結果 #{id} を採用し、全ペアを並べ直しました。',
    mn: 'Тооцоолол #{id}-ийг баталж, бүх хосыг дахин эрэмбэллээ.',
    en: 'Fit #{id} adopted; every pair was re-ranked.',
  },
  weightsResetDone: {
    ja: '初期値に戻し、全ペアを並べ直しました。',
    mn: 'Анхны утга руу буцааж, бүх хосыг дахин эрэмбэллээ.',
    en: 'Back to the defaults; every pair was re-ranked.',
  },
  outcomesTitle: { ja: '商談の成果', mn: 'Уулзалтын үр дүн', en: 'Outcomes' },
  scope: { ja: '対象', mn: 'Хамрах хүрээ', en: 'Report on' },
  allSessions: { ja: 'すべての商談会', mn: 'Бүх арга хэмжээ', en: 'All sessions' },
  programmeScope: { ja: 'プログラム: {name}', mn: 'Хөтөлбөр: {name}', en: 'Programme: {name}' },
  stage_suggested: { ja: '提案', mn: 'Санал болгосон', en: 'Suggested' },
  stage_requested: { ja: '申し込み', mn: 'Хүсэлт', en: 'Requested' },
  stage_accepted: { ja: '合意', mn: 'Зөвшөөрсөн', en: 'Accepted' },
  stage_held: { ja: '実施', mn: 'Болсон', en: 'Held' },
  stage_cooperation: { ja: '協力の可能性あり', mn: 'Хамтрах боломжтой', en: 'Cooperation possible' },
  stage_agreement: { ja: '合意文書・契約など', mn: 'Гэрээ, санамж бичиг г.м.', en: 'Agreements' },
  funnelChart: { ja: '段階ごとのペア数のグラフ', mn: 'Үе шат бүрийн хосын тооны график', en: 'Chart of pairs at each stage' },
  byDimension_country: { ja: '国別', mn: 'Улсаар', en: 'By country' },
  byDimension_kind: { ja: '種別', mn: 'Төрлөөр', en: 'By kind' },
  byDimension_sector: { ja: '業種別', mn: 'Салбараар', en: 'By sector' },
  byDimension_sdg: { ja: 'SDG 別', mn: 'ТХЗ-өөр', en: 'By SDG' },
  responsesLine: {
    ja: 'アンケート回答 {fa}/{fq}、フォローアップ回答 {ua}/{uq}',
    mn: 'Асуулгын хариу {fa}/{fq}, тодруулгын хариу {ua}/{uq}',
    en: 'Feedback answered {fa} of {fq}; follow-ups answered {ua} of {uq}',
  },
  pairsOutcomes: { ja: 'ペアごとの結果', mn: 'Хос бүрийн үр дүн', en: 'What happened, pair by pair' },
  pair: { ja: 'ペア', mn: 'Хос', en: 'Pair' },
  answers: { ja: '回答', mn: 'Хариулт', en: 'Answers' },
  downloadPairsCsv: { ja: 'ペアごとの結果(CSV)', mn: 'Хос бүрийн үр дүн (CSV)', en: 'Pairs (CSV)' },
  downloadBreakdownCsv: { ja: '段階別の集計(CSV)', mn: 'Үе шатны нэгтгэл (CSV)', en: 'Funnel by dimension (CSV)' },
  value: { ja: '値', mn: 'Утга', en: 'Value' },
  // Names everyone can read (issue 14)
  latinName: { ja: 'ローマ字表記', mn: 'Латин үсгээр нэр', en: 'Name in Latin letters' },
  latinNameHelp: {
    ja: '空欄なら読みから自動で作ります(日本語はヘボン式、モンゴル語は MNS 5217)。',
    mn: 'Хоосон бол нэрээс автоматаар үүсгэнэ (япон нэрийг Хэпбёрн, монгол нэрийг MNS 5217-оор).',
    en: 'Left empty, it is made from the name (Japanese by Hepburn, Mongolian by MNS 5217).',
  },
  latinIsOwn: { ja: '団体が入力した表記です。', mn: 'Байгууллагын өөрийн бичсэн хэлбэр.', en: 'Written by the organisation.' },
  latinIsMade: {
    ja: '名称の読みから自動で作った表記です(名称を変えると変わります)。',
    mn: 'Нэрээс автоматаар үүсгэсэн (нэрийг өөрчлөхөд дагаж өөрчлөгдөнө).',
    en: 'Made from the name (it follows the name when the name changes).',
  },
  latinReset: { ja: '自動の表記に戻す', mn: 'Автомат хэлбэрт буцаах', en: 'Back to the one made from the name' },
  latinResetDone: {
    ja: 'ローマ字表記を「{latin}」(自動)に戻しました。',
    mn: 'Латин нэрийг «{latin}» (автомат) болгож буцаалаа.',
    en: 'The Latin name is back to “{latin}”, made from the name.',
  },
  contactEmail: { ja: 'メールアドレス', mn: 'Имэйл', en: 'E-mail' },
  contactPhone: { ja: '電話番号', mn: 'Утас', en: 'Phone' },
  // Guards
  relRequested: { ja: '申し込み済み', mn: 'Хүсэлт илгээсэн', en: 'Requested' },
  relReceived: { ja: '申し込みを受信', mn: 'Хүсэлт ирсэн', en: 'Request received' },
  relMeeting: { ja: '商談予約済み({time})', mn: 'Уулзалт товлогдсон ({time})', en: 'Meeting booked ({time})' },
  confirmDecline: { ja: '{name} からの申し込みを辞退しますか?', mn: '{name}-ийн хүсэлтээс татгалзах уу?', en: 'Decline the request from {name}?' },
  confirmWithdraw: {
    ja: '{name} への申し込みを取り下げますか?予約済みの商談も取り消されます。',
    mn: '{name}-д илгээсэн хүсэлтээ цуцлах уу? Товлосон уулзалт мөн цуцлагдана.',
    en: 'Withdraw your request to {name}? A booked meeting is cancelled too.',
  },
  confirmCancelMeeting: {
    ja: '{time} の {name} との商談を取り消しますか?',
    mn: '{time}-ийн {name}-тэй уулзалтыг цуцлах уу?',
    en: 'Cancel the meeting with {name} at {time}?',
  },
  meetingStatusCancelled: { ja: '取り消し済み', mn: 'Цуцлагдсан', en: 'Cancelled' },
  cancelledMeetings: { ja: '取り消された商談', mn: 'Цуцлагдсан уулзалтууд', en: 'Cancelled meetings' },
  shiftJisDetected: {
    ja: 'このファイルは Shift_JIS(日本語版 Excel の CSV)と判別し、Shift_JIS として読み込みました。',
    mn: 'Энэ файлыг Shift_JIS (Японы Excel-ийн CSV) гэж танин, тэгж уншлаа.',
    en: 'This file was recognised as Shift_JIS (a CSV from Japanese Excel) and read as such.',
  },
  // Review queue for a real event
  fitStrong: { ja: '強い', mn: 'Хүчтэй', en: 'Strong' },
  fitGood: { ja: '良い', mn: 'Сайн', en: 'Good' },
  fitWeak: { ja: '弱い', mn: 'Сул', en: 'Weak' },
  fitLegend: {
    ja: '適合度: 強い ≥ {strong}、良い ≥ {good}、それ未満は弱い',
    mn: 'Тохирол: хүчтэй ≥ {strong}, сайн ≥ {good}, түүнээс доош сул',
    en: 'Fit: strong ≥ {strong}, good ≥ {good}, below that weak',
  },
  weakHidden: { ja: '{min} 未満の弱いペアは非表示です', mn: '{min}-аас доош сул хосуудыг нуусан', en: 'Weak pairs below {min} are hidden' },
  searchOrganization: { ja: '団体名で検索(どの文字でも)', mn: 'Байгууллагын нэрээр хайх (ямар ч бичгээр)', en: 'Organisation name (any script)' },
  selectPair: { ja: 'このペアを選択', mn: 'Энэ хосыг сонгох', en: 'Select this pair' },
  selectAllShown: { ja: '表示中のペアをすべて選択', mn: 'Харагдаж буй бүх хосыг сонгох', en: 'Select all pairs shown' },
  selectedCount: { ja: '{count} 組を選択中', mn: '{count} хос сонгосон', en: '{count} selected' },
  approveSelected: { ja: '選択したペアを承認', mn: 'Сонгосныг зөвшөөрөх', en: 'Selected pairs: approve' },
  rejectSelected: { ja: '選択したペアを却下', mn: 'Сонгосноос татгалзах', en: 'Selected pairs: reject' },
  bulkDecided: { ja: '{count} 組を「{status}」にしました', mn: '{count} хосыг «{status}» болголоо', en: '{count} pairs now {status}' },
  exportQueue: { ja: 'この一覧を CSV で書き出す', mn: 'Энэ жагсаалтыг CSV-ээр татах', en: 'Export this queue (CSV)' },
  sideBySide: { ja: '両者のプロフィールを並べて見る', mn: 'Хоёр талын танилцуулгыг зэрэгцүүлж харах', en: 'Both profiles side by side' },
  history: { ja: 'メモと判断の履歴', mn: 'Тэмдэглэл, шийдвэрийн түүх', en: 'Notes and decisions' },
  historyEmpty: { ja: 'まだ履歴はありません。', mn: 'Түүх алга.', en: 'Nothing yet.' },
  directionBOffersA: { ja: '― {b} は {a} のニーズに応えられます', mn: '— {b} нь {a}-ийн хэрэгцээг хангана', en: '— {b} offers what {a} needs' },
  directionAOffersB: { ja: '― {a} は {b} のニーズに応えられます', mn: '— {a} нь {b}-ийн хэрэгцээг хангана', en: '— {a} offers what {b} needs' },
  directionSharedThird: { ja: '― 両者に共通の分野', mn: '— хоёрт нийтлэг салбар', en: '— a field they share' },
  // Partner pages
  partnerTitle: { ja: '相手のプロフィール', mn: 'Түншийн танилцуулга', en: 'Partner profile' },
  whyThisPair: { ja: 'この組み合わせの根拠', mn: 'Яагаад энэ хос вэ', en: 'Why this pair' },
  conceptsOfProfile: { ja: '主な概念', mn: 'Гол ойлголтууд', en: 'Key concepts' },
  backToList: { ja: '一覧に戻る', mn: 'Жагсаалт руу буцах', en: 'Back to the list' },
  aboutRequester: { ja: '申し込んだ団体について', mn: 'Хүсэлт илгээсэн байгууллагын тухай', en: 'About the organisation asking' },
  // Moving a meeting
  tableChanged: {
    ja: '商談を移動しました。元のテーブルが使用中だったため、テーブル {table} になりました。',
    mn: 'Уулзалтыг шилжүүллээ. Хуучин ширээ завгүй байсан тул {table} ширээнд орлоо.',
    en: 'Meeting moved. Its table was taken then, so it is now at table {table}.',
  },
  // Tokens for many attendees
  tokensForAll: { ja: '表示中の全員のログイン用トークンを発行', mn: 'Жагсаалтын бүх хүнд нэвтрэх токен олгох', en: 'Sign-in tokens for everyone listed' },
  printTokens: { ja: '印刷', mn: 'Хэвлэх', en: 'Print' },
  ...DAY_MESSAGES,
  ...RULE_MESSAGES,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof messages;

/** The label of a field a problem names (its last named part: `offers.1` → What you offer), never its path. */
export const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'orgName',
  nameLatin: 'latinName',
  kind: 'kind',
  country: 'country',
  city: 'city',
  website: 'website',
  sectors: 'sectors',
  languages: 'meetingLanguages',
  description: 'description',
  offers: 'offers',
  needs: 'needs',
  sdgs: 'sdgs',
  externalId: 'externalId',
  slotStart: 'slot',
  tableId: 'table',
  interpreterId: 'interpreter',
  timeZone: 'timeZone',
  days: 'day',
  slotMinutes: 'slotMinutes',
  note: 'note',
  status: 'status',
  minScore: 'minScore',
  sector: 'sector',
  q: 'searchWords',
  email: 'contactEmail',
  phone: 'contactPhone',
};
export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text: string = messages[key][lang];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

export const LANGUAGE_NAMES: Record<string, Message> = {
  ja: { ja: '日本語', mn: 'Япон', en: 'Japanese' },
  mn: { ja: 'モンゴル語', mn: 'Монгол', en: 'Mongolian' },
  en: { ja: '英語', mn: 'Англи', en: 'English' },
  ru: { ja: 'ロシア語', mn: 'Орос', en: 'Russian' },
  zh: { ja: '中国語', mn: 'Хятад', en: 'Chinese' },
  ko: { ja: '韓国語', mn: 'Солонгос', en: 'Korean' },
};

export const COUNTRY: Record<string, Message> = {
  JP: { ja: '日本', mn: 'Япон', en: 'Japan' },
  MN: { ja: 'モンゴル', mn: 'Монгол', en: 'Mongolia' },
};

export const KIND: Record<string, Message> = {
  company: { ja: '企業', mn: 'Компани', en: 'Company' },
  startup: { ja: 'スタートアップ', mn: 'Стартап', en: 'Startup' },
  ngo: { ja: 'NGO・NPO', mn: 'ТББ', en: 'NGO' },
  education: { ja: '大学・教育機関', mn: 'Их сургууль, боловсрол', en: 'University / education' },
};

/**
 * Every problem the service sends, in the reader's words, by its `code` (and `params`): a field
 * problem (`errors[].code`) or the problem as a whole (`code`). test/web/problem-words.test.ts finds
 * every code in the service's source and fails when one has no wording here in ja, mn and en.
 * `{start}` is an instant, shown as a local time; `{status}` a request's state, worded too; a
 * `({name})` whose value the service did not send is left out. A key `code:direction` words a
 * problem whose `params.direction` says which way (e.g. a request sent or received).
 */
export const FIELD_MESSAGES: Record<string, Message> = {
  ...RULE_FIELD_MESSAGES,
  // The event day (codes added by issue 15)
  absent: { ja: 'この人は本日欠席として記録されています', mn: 'энэ хүн өнөөдөр ирээгүй гэж тэмдэглэгдсэн', en: 'is marked absent today' },
  frozen: {
    ja: '開始まで {minutes} 分を切った商談は変更できません',
    mn: 'эхлэхэд {minutes} минутаас бага үлдсэн уулзалтыг өөрчлөх боломжгүй',
    en: 'starts within {minutes} minutes: too soon to change',
  },
  'not-a-session-day': {
    ja: '{date} はこの商談会の開催日ではありません',
    mn: '{date} нь энэ арга хэмжээний өдөр биш',
    en: '{date} is not a day of this session',
  },
  'not-started': { ja: 'この商談はまだ始まっていません', mn: 'энэ уулзалт хараахан эхлээгүй байна', en: 'the meeting has not started yet' },
  'not-that-day': { ja: '{date} の時間ではありません', mn: '{date}-ны цаг биш', en: 'is not on {date}' },
  'unknown-code': {
    ja: 'この商談会の参加者のチェックインコードではありません',
    mn: 'энэ арга хэмжээний оролцогчийн бүртгэлийн код биш',
    en: 'is not the check-in code of an attendee of this session',
  },
  // Learning the score's weights (issue 13)
  'too-few-decisions': {
    ja: '学習に使える判断が少なすぎます（{decisions} 件、うち承認 {approved} 件）。承認と却下を合わせて {needed} 件以上必要です',
    mn: 'Суралцахад хангалттай шийдвэр алга ({decisions}, үүнээс {approved} нь зөвшөөрсөн). Зөвшөөрсөн ба татгалзсан нийт {needed}-аас доошгүй шийдвэр хэрэгтэй',
    en: 'Too few decisions to learn from ({decisions}, {approved} approved): at least {needed}, some approved and some rejected, are needed',
  },
  'fit-not-better': {
    ja: 'この学習結果は、保留した最新の判断を現在の重みより上手に並べられませんでした（{fitted} 対 {start}）。採用できません',
    mn: 'Энэ тооцоолол хамгийн сүүлийн шийдвэрүүдийг одоогийн жингээс илүү сайн эрэмбэлээгүй ({fitted} ба {start}): батлах боломжгүй',
    en: 'This fit did not rank the held-out decisions better than the weights in use ({fitted} vs {start}): it cannot be adopted',
  },
  'fit-outdated': {
    ja: 'この学習結果は、今は使われていない重みと比べたものです。もう一度学習してください',
    mn: 'Энэ тооцоолол одоо хэрэглэгдэхгүй байгаа жинтэй харьцуулагдсан: дахин тооцоолно уу',
    en: 'This fit was judged against weights no longer in use: fit again',
  },
  // Messages, outcomes and the index loading (codes added by issues 11 and 16)
  'link-token': {
    ja: 'リンクが正しくありません。メッセージのリンクをそのまま開いてください',
    mn: 'Холбоос буруу байна. Захидал дахь холбоосыг яг тэр чигээр нь нээнэ үү',
    en: 'This link is not valid; open the link from the message as it is',
  },
  currency: {
    ja: 'JPY・MNT・USD のような通貨コード(ISO 4217)にしてください',
    mn: 'JPY, MNT, USD гэх мэт валютын код (ISO 4217) байх ёстой',
    en: 'must be an ISO 4217 code such as JPY, MNT or USD',
  },
  'not-attending': { ja: 'この商談会の参加者ではありません', mn: 'энэ арга хэмжээний оролцогч биш', en: 'does not attend this session' },
  'nothing-and-more': {
    ja: '「特になし」は他の成果と一緒に選べません',
    mn: '«Одоогоор юу ч үгүй»-г өөр үр дүнтэй хамт сонгож болохгүй',
    en: '"Nothing yet" cannot go with another outcome',
  },
  'investment-only': {
    ja: '金額は成果「投資」を選んだときだけ入力できます',
    mn: 'Дүнг зөвхөн «Хөрөнгө оруулалт» үр дүнг сонгосон үед оруулна',
    en: 'An amount goes with the outcome "investment"',
  },
  'not-a-side': { ja: 'この商談の当事者ではありません', mn: 'энэ уулзалтын аль нэг тал биш', en: 'is not one of the two sides of this meeting' },
  cancelled: { ja: 'この商談は取り消されています', mn: 'энэ уулзалт цуцлагдсан', en: 'This meeting was cancelled' },
  starting: {
    ja: 'マッチングの準備中です。数秒後にもう一度お試しください',
    mn: 'Тохируулга ачаалж байна. Хэдэн секундын дараа дахин оролдоно уу',
    en: 'Matching is loading; try again in a few seconds',
  },
  indexing: {
    ja: 'この組織は登録直後で分析中です。少し後にもう一度お試しください',
    mn: 'Энэ байгууллагыг дөнгөж бүртгэсэн тул шинжилж байна. Түр хүлээгээд дахин оролдоно уу',
    en: 'This organisation was just added and is being analysed; try again in a moment',
  },
  // What the validator says about a field (shown after the field's label).
  required: { ja: '必須です', mn: 'заавал бөглөнө', en: 'is required' },
  'unknown-field': { ja: '不明な項目です', mn: 'танигдаагүй талбар', en: 'is not a known field' },
  enum: { ja: '次のいずれかにしてください: {values}', mn: 'дараахын аль нэг байх ёстой: {values}', en: 'must be one of: {values}' },
  'max-length': { ja: '{limit} 文字以内にしてください', mn: '{limit} тэмдэгтээс ихгүй байх ёстой', en: 'must be at most {limit} characters' },
  'min-length': { ja: '{limit} 文字以上にしてください', mn: 'дор хаяж {limit} тэмдэгт байх ёстой', en: 'must be at least {limit} characters' },
  maximum: { ja: '{limit} 以下にしてください', mn: '{limit}-аас ихгүй байх ёстой', en: 'must be at most {limit}' },
  minimum: { ja: '{limit} 以上にしてください', mn: '{limit}-аас багагүй байх ёстой', en: 'must be at least {limit}' },
  'max-items': { ja: '{limit} 件以内にしてください', mn: '{limit}-аас ихгүй зүйл байх ёстой', en: 'must have at most {limit} items' },
  'min-items': { ja: '{limit} 件以上にしてください', mn: 'дор хаяж {limit} зүйл байх ёстой', en: 'must have at least {limit} items' },
  'unique-items': { ja: '同じ値が重複しています', mn: 'давхардсан утга байна', en: 'must not repeat an item' },
  type: { ja: '形式が違います({type})', mn: 'төрөл буруу ({type})', en: 'has the wrong type ({type})' },
  text: {
    ja: '空でない文章にしてください(または ja・mn・en のいずれかを含む形)',
    mn: 'хоосон биш текст байх ёстой (эсвэл ja, mn, en-ийн аль нэгийг агуулсан)',
    en: 'must be a text: a non-empty string, or one with ja, mn or en',
  },
  blank: { ja: '空欄にはできません', mn: 'хоосон байж болохгүй', en: 'must not be blank' },
  clock: { ja: '09:00 のような時刻にしてください', mn: '09:00 гэх мэт цаг байх ёстой', en: 'must be a time of day such as 09:00' },
  phone: {
    ja: '数字を含み、数字・空白・+ ( ) - . / だけにしてください',
    mn: 'тоо агуулсан, зөвхөн тоо, зай, + ( ) - . / байх ёстой',
    en: 'must have digits, and only digits, spaces and + ( ) - . /',
  },
  'http-url': { ja: 'http:// または https:// で始めてください', mn: 'http:// эсвэл https://-ээр эхлэх ёстой', en: 'must start with http:// or https://' },
  'edge-spaces': {
    ja: '空欄や前後の空白は使えません',
    mn: 'хоосон, эсвэл эхэнд, төгсгөлдөө зайтай байж болохгүй',
    en: 'must not be blank or start or end with a space',
  },
  format: { ja: '形式が正しくありません', mn: 'хэлбэр буруу байна', en: 'has the wrong format' },
  'format:country': {
    ja: 'JP や MN のような国コード(ISO 3166-1)にしてください',
    mn: 'JP, MN гэх мэт улсын код (ISO 3166-1) байх ёстой',
    en: 'must be a country code such as JP or MN',
  },
  'format:language': {
    ja: 'ja・mn・en のような言語コード(ISO 639-1)にしてください',
    mn: 'ja, mn, en гэх мэт хэлний код (ISO 639-1) байх ёстой',
    en: 'must be a language code such as ja, mn or en',
  },
  'format:time-zone': {
    ja: 'Asia/Tokyo のようなタイムゾーンにしてください',
    mn: 'Asia/Tokyo гэх мэт цагийн бүс байх ёстой',
    en: 'must be a time zone such as Asia/Tokyo',
  },
  'format:uri': {
    ja: 'https://example.com のような URL にしてください',
    mn: 'https://example.com гэх мэт хаяг байх ёстой',
    en: 'must be an address such as https://example.com',
  },
  'format:http-url': {
    ja: 'https://example.com のように http:// または https:// で始まるアドレスにしてください',
    mn: 'https://example.com гэх мэт http:// эсвэл https://-ээр эхэлсэн хаяг байх ёстой',
    en: 'must be a web address starting with http:// or https://, such as https://example.com',
  },
  'format:line': {
    ja: '改行や制御文字を含まない1行にしてください',
    mn: 'мөр шилжилт, удирдлагын тэмдэгтгүй нэг мөр байх ёстой',
    en: 'must be one line, without line breaks',
  },
  'format:text': { ja: '制御文字は使えません', mn: 'удирдлагын тэмдэгт агуулж болохгүй', en: 'must not hold control characters' },
  'format:email': { ja: 'メールアドレスにしてください', mn: 'имэйл хаяг байх ёстой', en: 'must be an e-mail address' },
  'format:date': { ja: '2026-12-08 のような日付にしてください', mn: '2026-12-08 гэх мэт огноо байх ёстой', en: 'must be a date such as 2026-12-08' },
  'format:date-time': {
    ja: '2026-12-08T10:00:00+08:00 のような日時にしてください',
    mn: '2026-12-08T10:00:00+08:00 гэх мэт огноо, цаг байх ёстой',
    en: 'must be a date and time such as 2026-12-08T10:00:00+08:00',
  },
  digits: { ja: '数字だけで書いてください', mn: 'зөвхөн цифрээр бичнэ үү', en: 'must be written in digits' },
  pattern: { ja: '形式が正しくありません', mn: 'хэлбэр буруу байна', en: 'does not have the expected form' },
  anyOf: { ja: '使える形ではありません', mn: 'зөвшөөрөгдөх хэлбэрт тохирохгүй', en: 'does not match any allowed form' },
  minProperties: { ja: '少なくとも1つの項目を指定してください', mn: 'дор хаяж нэг талбар өгнө үү', en: 'must name at least one field' },
  encoding: { ja: '文字として読めない部分があります', mn: 'тэмдэгт болгон уншиж болохгүй хэсэг байна', en: 'holds something that is not text' },

  // The service's own rules: whole sentences.
  'already-requested': {
    ja: 'この相手にはすでに申し込んでいます({status})。回答は「商談」で確認できます',
    mn: 'Та энэ байгууллагад аль хэдийн хүсэлт илгээсэн байна ({status}). Хариуг «Уулзалтууд» хэсгээс харна уу',
    en: 'You have already asked this organisation for a meeting ({status}); see Meetings for the answer',
  },
  'already-requested:received': {
    ja: 'この相手からすでに申し込みが届いています。「商談」で回答してください',
    mn: 'Энэ байгууллагаас танд аль хэдийн хүсэлт ирсэн байна. «Уулзалтууд» хэсгээс хариулна уу',
    en: 'This organisation has already asked you for a meeting; answer it under Meetings',
  },
  'already-meeting': {
    ja: 'この相手とはすでに商談が予約されています({start})',
    mn: 'Энэ байгууллагатай уулзалт аль хэдийн товлогдсон байна ({start})',
    en: 'You already have a meeting with this organisation ({start})',
  },
  'person-taken': {
    ja: 'どちらかの方は {start} に別の商談があります',
    mn: 'Хоёрын нэг нь {start}-д өөр уулзалттай байна',
    en: 'One of the two already has a meeting at {start}',
  },
  'table-taken': { ja: 'テーブル {table} は {start} に使用中です', mn: '{table} ширээ {start}-д завгүй байна', en: 'Table {table} is taken at {start}' },
  'interpreter-taken': {
    ja: '通訳の {interpreter} さんは {start} に別の商談を担当しています',
    mn: 'Орчуулагч {interpreter} {start}-д өөр уулзалттай байна',
    en: 'Interpreter {interpreter} is busy at {start}',
  },
  'interpreter-needed': {
    ja: '共通の言語がないため通訳が必要です({languages})',
    mn: 'Нийтлэг хэлгүй тул орчуулагч хэрэгтэй ({languages})',
    en: 'They share no language: an interpreter is needed ({languages})',
  },
  'interpreter-languages': {
    ja: '{name} さんはこの言語の組み合わせ({languages})を通訳できません',
    mn: '{name} энэ хэлний хосоор ({languages}) орчуулдаггүй',
    en: '{name} does not interpret {languages}',
  },
  'not-available': { ja: '{name} さんは {start} には参加できません', mn: '{name} {start}-д боломжгүй', en: '{name} is not available at {start}' },
  'meeting-limit': {
    ja: '{name} さんは商談数の上限({limit} 件)に達しています',
    mn: '{name} уулзалтын дээд хязгаартаа ({limit}) хүрсэн',
    en: '{name} already has the most meetings they take ({limit})',
  },
  'no-table': { ja: '{start} には空いているテーブルがありません', mn: '{start}-д сул ширээ алга', en: 'No table is free at {start}' },
  'no-interpreter': {
    ja: '{start} に空いている通訳({languages})がいません',
    mn: '{start}-д сул орчуулагч ({languages}) алга',
    en: 'No interpreter ({languages}) is free at {start}',
  },
  'table-exists': { ja: 'テーブル {name} はすでにあります', mn: '{name} ширээ аль хэдийн байна', en: 'Table {name} already exists' },
  'meeting-stranded': {
    ja: '{start} の商談が新しい時間枠から外れます。先に移動するか取り消してください',
    mn: '{start}-ийн уулзалт шинэ хуваарьт багтахгүй болно. Эхлээд шилжүүлэх эсвэл цуцална уу',
    en: 'The meeting at {start} would fall off the new slots; move or cancel it first',
  },
  'meeting-booked': {
    ja: '{start} に予約済みの商談があります。先に取り消してください',
    mn: '{start}-д товлогдсон уулзалт байна. Эхлээд цуцална уу',
    en: 'A meeting is booked at {start}; cancel it first',
  },
  'skipped-time': {
    ja: '{date} {time} は {timeZone} に存在しない時刻です(時刻の切り替え)',
    mn: '{date} {time} нь {timeZone}-д байхгүй цаг (цаг шилжилт)',
    en: '{date} {time} does not exist in {timeZone} (the clocks change)',
  },
  'no-slot': {
    ja: '営業時間内に {minutes} 分の枠がありません',
    mn: 'Нээлттэй цагт {minutes} минутын уулзалт багтахгүй',
    en: 'No {minutes}-minute slot fits in the opening hours',
  },
  'repeated-day': { ja: '{date} が重複しています', mn: '{date} давхардсан байна', en: '{date} is given twice' },
  'close-before-open': { ja: '終了は開始より後にしてください', mn: 'Дуусах цаг эхлэхээс хойш байх ёстой', en: 'Closing must be after opening' },
  'end-before-start': { ja: '終了は開始より後にしてください', mn: 'Дуусах нь эхлэхээс хойш байх ёстой', en: 'The end must be after the start' },
  'break-outside': { ja: '休憩は営業時間内にしてください', mn: 'Завсарлага нээлттэй цагийн дотор байх ёстой', en: 'A break must lie within the opening hours' },
  'bad-time': { ja: '使える時刻ではありません', mn: 'Ашиглах боломжгүй цаг байна', en: 'This is not a time that can be used' },
  'unknown-organization': { ja: 'その団体は登録されていません', mn: 'Ийм байгууллага бүртгэлгүй', en: 'No such organisation' },
  'language-pair': {
    ja: '言語の組み合わせには異なる2つの言語を指定してください',
    mn: 'Хэлний хос хоёр өөр хэлтэй байх ёстой',
    en: 'A language pair needs two different languages',
  },
  'self-request': { ja: '自分の団体には申し込めません', mn: 'Өөрийн байгууллагад хүсэлт илгээх боломжгүй', en: 'You cannot ask your own organisation' },
  'no-attendee': {
    ja: 'この商談会には相手の団体の出席者がいません',
    mn: 'Энэ арга хэмжээнд тэр байгууллагаас оролцогч алга',
    en: 'Nobody attends this session for that organisation',
  },
  'request-closed': { ja: 'この申し込みはすでに「{status}」です', mn: 'Энэ хүсэлт аль хэдийн «{status}» байна', en: 'This request is already {status}' },
  'request-answered': { ja: 'この申し込みには先ほど回答がありました', mn: 'Энэ хүсэлтэд саяхан хариулсан байна', en: 'This request was answered meanwhile' },
  'not-recipient': {
    ja: '申し込まれた団体の出席者だけが回答できます',
    mn: 'Зөвхөн хүсэлт хүлээн авсан байгууллагын оролцогч хариулна',
    en: 'Only an attendee of the requested organisation can answer',
  },
  'not-slot': {
    ja: '{start} はこの商談会の時間枠ではありません',
    mn: '{start} нь энэ арга хэмжээний уулзалтын цаг биш',
    en: '{start} is not a slot of this session',
  },
  'not-attendees': {
    ja: '2人ともこの商談会の参加者である必要があります',
    mn: 'Хоёулаа энэ арга хэмжээний оролцогч байх ёстой',
    en: 'Both must attend this session',
  },
  'same-organization': {
    ja: '同じ団体どうしの商談はできません',
    mn: 'Нэг байгууллагын хүмүүс хоорондоо уулзах боломжгүй',
    en: 'A meeting is between two organisations',
  },
  'online-no-table': { ja: 'オンライン商談にテーブルは不要です', mn: 'Онлайн уулзалтад ширээ хэрэггүй', en: 'An online meeting needs no table' },
  'unknown-table': { ja: 'この商談会にそのテーブルはありません', mn: 'Энэ арга хэмжээнд ийм ширээ алга', en: 'No such table at this session' },
  'unknown-interpreter': { ja: 'この商談会にその通訳はいません', mn: 'Энэ арга хэмжээнд ийм орчуулагч алга', en: 'No such interpreter at this session' },
  'meeting-cancelled': { ja: 'この商談はすでに取り消されています', mn: 'Энэ уулзалт аль хэдийн цуцлагдсан', en: 'This meeting is already cancelled' },
  'not-accepted': {
    ja: '承諾された申し込みだけ予約できます(現在: {status})',
    mn: 'Зөвхөн зөвшөөрсөн хүсэлтийг товлоно (одоо: {status})',
    en: 'Only an accepted request can be booked (now: {status})',
  },
  'other-event': { ja: 'その申し込みは別の商談会のものです', mn: 'Тэр хүсэлт өөр арга хэмжээнийх', en: 'That request belongs to another session' },
  'who-meets': { ja: '誰と誰の商談かを指定してください', mn: 'Хэн хэнтэй уулзахыг заана уу', en: 'Say who meets' },
  'not-attendee': {
    ja: '申し込む人はこの商談会の参加者である必要があります',
    mn: 'Хүсэлт илгээгч энэ арга хэмжээний оролцогч байх ёстой',
    en: 'The person asking must attend this session',
  },
  'external-id-taken': {
    ja: 'この ID はすでに別の団体が使っています',
    mn: 'Энэ ID-г өөр байгууллага ашиглаж байна',
    en: 'This ID is already used by another organisation',
  },
  'repeated-id': { ja: '{row} 行目と同じ ID です', mn: '{row}-р мөртэй ижил ID байна', en: 'The same ID as row {row}' },
  'json-array': { ja: 'プロフィールの配列(JSON)にしてください', mn: 'Танилцуулгын массив (JSON) байх ёстой', en: 'Must be a JSON array of profiles' },
  'too-many-rows': {
    ja: '一度にインポートできるのは {limit} 件までです({count} 件あります)',
    mn: 'Нэг удаад {limit} хүртэл оруулна ({count} байна)',
    en: 'At most {limit} profiles per import ({count} given)',
  },
  'header-required': { ja: '見出し行が必要です', mn: 'Гарчгийн мөр хэрэгтэй', en: 'A header row is required' },
  'unknown-column': { ja: '「{column}」は使えない列名です', mn: '«{column}» гэсэн багана танигдаагүй', en: '"{column}" is not a known column' },
  'column-required': { ja: '「{column}」列が必要です', mn: '«{column}» багана заавал хэрэгтэй', en: 'The column "{column}" is required' },
  'too-many-cells': { ja: 'この行は見出しより列が多いです', mn: 'Энэ мөр гарчгаас олон нүдтэй', en: 'The row has more cells than the header has columns' },
  'text-twice': {
    ja: '{column} は「{column}」か言語別の列のどちらか一方に書いてください',
    mn: '{column}-г «{column}» эсвэл хэл тус бүрийн баганын аль нэгэнд бичнэ үү',
    en: 'Give {column} either in "{column}" or in the per-language columns, not both',
  },
  'unknown-pair': {
    ja: 'このペアはもう審査一覧にありません',
    mn: 'Энэ хос хяналтын жагсаалтад байхгүй болсон',
    en: 'This pair is no longer in the review queue',
  },
  'malformed-csv': {
    ja: 'CSV として読めませんでした({line} 行目付近)',
    mn: 'CSV-г уншиж чадсангүй ({line}-р мөрийн орчим)',
    en: 'The CSV could not be read (near line {line})',
  },
};

/** Problems as a whole (the `code` of the problem), as a heading. */
export const PROBLEM_TITLES: Record<string, Message> = {
  validation: messages.problem422,
  'import-rows': {
    ja: '{total} 行中 {rows} 行に誤りがあるため、何も保存していません',
    mn: '{total} мөрөөс {rows} нь алдаатай тул юу ч хадгалаагүй',
    en: '{rows} of {total} rows have problems; nothing was stored',
  },
  'not-found': messages.problem404,
  'no-route': messages.problem404,
  forbidden: messages.problem403,
  unauthorized: messages.problem401,
  conflict: {
    ja: 'すでにある予定や登録と両立しません',
    mn: 'Өмнө нь байгаа товлол, бүртгэлтэй зөрчилдөж байна',
    en: 'It conflicts with something already there',
  },
  'bad-request': messages.problem400,
  'rate-limited': {
    ja: '操作が多すぎます。{seconds} 秒ほど待ってください',
    mn: 'Хэт олон оролдлого. {seconds} секунд хүлээнэ үү',
    en: 'Too many attempts; wait {seconds} seconds',
  },
  'too-deep': { ja: 'データの入れ子が深すぎます', mn: 'Өгөгдөл хэт гүн давхарласан байна', en: 'The data is nested too deeply' },
  'malformed-body': {
    ja: '送信内容を読めませんでした(JSON の誤り)',
    mn: 'Илгээсэн өгөгдлийг уншиж чадсангүй (JSON алдаа)',
    en: 'The data sent could not be read (bad JSON)',
  },
  'body-too-large': messages.problem413,
  'unsupported-media-type': messages.problem415,
  'bad-content-length': { ja: '送信内容の長さが正しくありません', mn: 'Илгээсэн өгөгдлийн урт буруу', en: 'The length of the data sent is wrong' },
  'empty-body': { ja: '送信内容が空です', mn: 'Илгээсэн өгөгдөл хоосон байна', en: 'Nothing was sent' },
  'unsupported-charset': {
    ja: '文字コード {charset} には対応していません。UTF-8 か Shift_JIS で保存してください',
    mn: '{charset} кодлолыг дэмжихгүй. UTF-8 эсвэл Shift_JIS-ээр хадгална уу',
    en: 'The character set {charset} is not supported; save as UTF-8 or Shift_JIS',
  },
  'invalid-encoding': {
    ja: 'ファイルを {charset} として読めませんでした。日本語版 Excel の CSV なら「日本語版 Excel の CSV(Shift_JIS)」にチェックを入れてください',
    mn: 'Файлыг {charset} гэж уншиж чадсангүй. Японы Excel-ийн CSV бол «Японы Excel-ийн CSV (Shift_JIS)»-г чагтална уу',
    en: 'The file could not be read as {charset}. If it is a CSV from Japanese Excel, tick “CSV from Japanese Excel (Shift_JIS)”',
  },
  'unknown-encoding': {
    ja: 'ファイルの文字コードが UTF-8 でも Shift_JIS でもありません。Excel で「CSV UTF-8(コンマ区切り)」として保存し直すか、文字コードを選んでください',
    mn: 'Файлын кодлол UTF-8 ч биш, Shift_JIS ч биш байна. Excel-ээс «CSV UTF-8 (таслалаар тусгаарласан)» хэлбэрээр дахин хадгалах эсвэл кодлолыг сонгоно уу',
    en: 'The file is neither UTF-8 nor Shift_JIS. Save it again from Excel as “CSV UTF-8 (Comma delimited)”, or choose its encoding',
  },
  'malformed-url': { ja: 'アドレスが正しくありません', mn: 'Хаяг буруу байна', en: 'The address is not valid' },
  'malformed-request': { ja: 'リクエストを読めませんでした', mn: 'Хүсэлтийг уншиж чадсангүй', en: 'The request could not be read' },
  internal: messages.problem500,
};

/** The validator's codes: said about a field, after its label. The service's own codes are sentences. */
const ABOUT_A_FIELD = new Set([
  'required',
  'unknown-field',
  'enum',
  'max-length',
  'min-length',
  'maximum',
  'minimum',
  'max-items',
  'min-items',
  'unique-items',
  'type',
  'text',
  'blank',
  'clock',
  'phone',
  'http-url',
  'edge-spaces',
  'format',
  'digits',
  'pattern',
  'anyOf',
  'minProperties',
  'encoding',
]);

export function isAboutAField(code: string | undefined): boolean {
  return !!code && (ABOUT_A_FIELD.has(code) || code.startsWith('format:'));
}

export interface Wording {
  /** An instant (ISO) as a local time, the reader's way. */
  time?: (iso: string) => string;
}

interface CodedProblem {
  field?: string;
  code?: string;
  params?: Record<string, unknown>;
}

function fill(lang: Lang, template: string, params: Record<string, unknown> | undefined, wording: Wording): string {
  const value = (name: string): string | undefined => {
    const v = params?.[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (name === 'start' && typeof v === 'string') return wording.time ? wording.time(v) : v;
    if (name === 'status' && typeof v === 'string' && `status_${v}` in messages) return messages[`status_${v}` as MessageKey][lang];
    return Array.isArray(v) ? v.join(', ') : String(v);
  };
  return (
    template
      // A parenthesis around a value the service did not send goes with it.
      .replace(/\s?[(（]([^()（）]*)\{(\w+)\}([^()（）]*)[)）]/g, (whole, _before: string, name: string) => (value(name) === undefined ? '' : whole))
      .replace(/\{(\w+)\}/g, (whole, name: string) => value(name) ?? whole)
  );
}

function templateOf(problem: CodedProblem, table: Record<string, Message>): Message | undefined {
  if (!problem.code) return undefined;
  const key = problem.code === 'format' && problem.params?.format ? `format:${String(problem.params.format)}` : problem.code;
  const direction = problem.params?.direction;
  return (typeof direction === 'string' ? table[`${key}:${direction}`] : undefined) ?? table[key];
}

/** A field problem in the reader's words: by its code and params; the service's message only for a code not worded here. */
export function fieldMessage(lang: Lang, problem: CodedProblem & { message: string }, wording: Wording = {}): string {
  const template = templateOf(problem, FIELD_MESSAGES);
  return template ? fill(lang, template[lang], problem.params, wording) : problem.message;
}

/** The problem as a whole, as a heading: by its code; else by its HTTP status. */
export function problemTitle(lang: Lang, problem: CodedProblem & { status: number; title: string }, wording: Wording = {}): string {
  const template = templateOf(problem, PROBLEM_TITLES) ?? (isAboutAField(problem.code) ? undefined : templateOf(problem, FIELD_MESSAGES));
  if (template) return fill(lang, template[lang], problem.params, wording);
  const byStatus = `problem${problem.status}`;
  return byStatus in messages ? messages[byStatus as MessageKey][lang] : problem.title;
}
