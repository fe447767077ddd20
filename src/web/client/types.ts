/** The API's shapes, taken from the server's own schemas (type-only: nothing of the server is bundled). */
import type { Static } from 'typebox';
import type { Attendee, Event, Figures, Interpreter, Meeting, MeetingRequest, ScheduleResult } from '../../schemas/events.ts';
import type { AttendanceFigures, CheckInList, CheckInResult, Live, Sheets, StandbyApplied, StandbyPreview } from '../../schemas/event-day.ts';
import type { Match, MatchHistory, PartnerView, Reason, SuggestionList } from '../../schemas/matches.ts';
import type { ImportResult, Organization } from '../../schemas/organizations.ts';
import type { IssuedToken, Me } from '../../schemas/tokens.ts';
import type { Message, MessageList, SignInLinksResult, Unsubscribed } from '../../schemas/messages.ts';
import type { LinkForm, OutcomeReport } from '../../schemas/outcomes.ts';

export type Lang = 'ja' | 'mn' | 'en';
export type Localized = Record<string, string>;
export type MeT = Static<typeof Me>;
export type OrganizationT = Static<typeof Organization>;
export type MatchT = Static<typeof Match>;
export type ReasonT = Static<typeof Reason>;
export type SuggestionT = Static<typeof SuggestionList>['items'][number];
export type EventT = Static<typeof Event>;
export type AttendeeT = Static<typeof Attendee>;
export type InterpreterT = Static<typeof Interpreter>;
export type RequestT = Static<typeof MeetingRequest>;
export type MeetingT = Static<typeof Meeting>;
export type ScheduleResultT = Static<typeof ScheduleResult>;
export type FiguresT = Static<typeof Figures>;
export type PartnerT = Omit<Static<typeof PartnerView>, 'organization'> & { organization: OrganizationT };
export type MatchHistoryT = Static<typeof MatchHistory>;
export type ImportResultT = Static<typeof ImportResult>;
export type IssuedTokenT = Static<typeof IssuedToken>;
export type SheetsT = Static<typeof Sheets>;
export type CheckInListT = Static<typeof CheckInList>;
export type CheckInResultT = Static<typeof CheckInResult>;
export type StandbyPreviewT = Static<typeof StandbyPreview>;
export type StandbyAppliedT = Static<typeof StandbyApplied>;
export type LiveT = Static<typeof Live>;
export type AttendanceFiguresT = Static<typeof AttendanceFigures>;
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
export type MessageListT = Static<typeof MessageList>;
export type MessageT = Static<typeof Message>;
export type SignInLinksResultT = Static<typeof SignInLinksResult>;
export type UnsubscribedT = Static<typeof Unsubscribed>;
export type LinkFormT = Static<typeof LinkForm>;
export type OutcomeReportT = Static<typeof OutcomeReport>;
