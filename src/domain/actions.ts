import type { ChartsData } from './charts'
import type { Channel, CreateChannelInput, GetCodeInput, MiniCode } from './channels'
import type { ChartsPayload } from './charts-schemas'
import type {
  ContentArticleRow,
  ContentList,
  ContentParkRow,
  UpdateArticlePayload,
  UpdateParkPayload,
} from './content-edit'
import type { AgencyContact } from './agency'
import type { AlertsStatus, SubscribedPayload } from './alerts'
import type { Article, ArticlePage, ArticleSummary } from './article'
import type { Park, ParkPage, ParkSummary } from './park'
import type { MatchResult } from './match-need'
import type { MatchParksPayload } from './match-schema'
import type { ExportLeadsPayload, ExportLeadsResult } from './export'
import type { LeadDetail, LeadFull, LeadNote, LeadPage, ResponseStats } from './lead-desk'
import type {
  AddNotePayload,
  GetLeadPayload,
  LeadStatsPayload,
  ListLeadsPayload,
  UpdateLeadPayload,
} from './lead-desk-schemas'
import type { ActionAccess, StaffMember } from './staff'
import type { ClaimStaffInput, InviteStaffInput, StaffIdInput, StaffInvite, StaffMe } from './staff-schemas'
import type { InquiryInput, InquirySummary, RecordEventsPayload, SubmitResult } from './inquiry'
import type { RecordVisitsPayload } from './visits'
import type {
  GetArticlePayload,
  GetParkPayload,
  HomePayload,
  ListArticlesPayload,
  ListParksPayload,
} from './schemas'

/**
 * Every action of the `api` cloud function: its payload and what `data` holds on success.
 * The app's client and the cloud router are both typed from this map.
 */
export interface ApiActions {
  'articles.list': { payload: ListArticlesPayload; data: ArticlePage }
  /** A hidden article answers `withdrawn: true` with the latest articles (issue 9 item 5). */
  'articles.get': { payload: GetArticlePayload; data: ArticleDetail | WithdrawnArticleDetail }
  'parks.list': { payload: ListParksPayload; data: ParkPage }
  /** A withdrawn park answers `withdrawn: true` with similar parks (issue 9 item 5). */
  'parks.get': { payload: GetParkPayload; data: ParkDetail | WithdrawnParkDetail }
  'home.get': { payload: HomePayload; data: HomeData }
  /** Stores one lead per idempotency key; identity from getWXContext only. */
  'inquiries.submit': { payload: InquiryInput; data: SubmitResult }
  /** The caller's own inquiries, newest first. */
  'inquiries.mine': { payload: Record<string, never>; data: { items: InquirySummary[] } }
  /** PIPL Art. 47: deletes the caller's leads and contact events. */
  'inquiries.deleteMine': {
    payload: Record<string, never>
    data: { deletedInquiries: number; deletedEvents: number }
  }
  /** Contact taps (call, copy WeChat …), batched by the client. */
  'events.record': { payload: RecordEventsPayload; data: { accepted: number } }
  /** Staff: the inbox page (newest first, keyset), stage counts and due follow-ups. */
  'leads.list': { payload: ListLeadsPayload; data: LeadPage }
  /** Staff: one lead in full (phone unmasked), marked read for the caller. */
  'leads.get': { payload: GetLeadPayload; data: LeadDetail }
  /** Staff: stage / assignee / follow-up date / invalid reason; CONFLICT on a stale version. */
  'leads.update': { payload: UpdateLeadPayload; data: LeadFull }
  /** Staff: a follow-up note on the lead's timeline. */
  'leads.addNote': { payload: AddNotePayload; data: LeadNote }
  /** Staff: response time (arrival → first 已联系), median per week and per agent. */
  'leads.stats': { payload: LeadStatsPayload; data: ResponseStats }
  /** Am I staff? The member (active only) or null, and the count of leads still 新线索. */
  'staff.me': { payload: Record<string, never>; data: StaffMe }
  /** Takes a seat with an invite code (the first owner: STAFF_INVITE_CODE / the printed link). */
  'staff.claim': { payload: ClaimStaffInput; data: { member: StaffMember } }
  /** Owner: a one-time invite code, valid 24 h, for the role chosen. */
  'staff.invite': { payload: InviteStaffInput; data: StaffInvite }
  /** Owner: every member of staff, active first. */
  'staff.list': { payload: Record<string, never>; data: { items: StaffMember[] } }
  /** Owner: takes a member's seat away (never their own, never the last owner's). */
  'staff.deactivate': { payload: StaffIdInput; data: { member: StaffMember } }
  /** Staff (owner): the leads of a range of Beijing dates as an .xlsx; answers a one-time link. */
  'export.leads': { payload: ExportLeadsPayload; data: ExportLeadsResult }
  /** Staff: the caller's alerts left per channel (the desk's 提醒 card). */
  'alerts.status': { payload: Record<string, never>; data: AlertsStatus }
  /** Staff: the caller just granted `accepted` one-time subscriptions (requestSubscribeMessage in a tap). */
  'alerts.subscribed': { payload: SubscribedPayload; data: AlertsStatus }
  /** Staff: the desk's charts over a range of Beijing days (default the last 30). */
  'stats.charts': { payload: ChartsPayload; data: ChartsData }
  /** Staff: every channel, newest first (issue 9). */
  'channels.list': { payload: Record<string, never>; data: { items: Channel[] } }
  /** Staff: a new named channel with a fresh source code; audit-logged. */
  'channels.create': { payload: CreateChannelInput; data: { channel: Channel } }
  /** Staff: the mini-program code of a page (home, park, article) for a channel, stored once and reused. */
  'codes.get': { payload: GetCodeInput; data: MiniCode }
  /** Staff: every park (withdrawn / let too) and article (hidden too), compact rows (issue 9 item 5). */
  'content.list': { payload: Record<string, never>; data: ContentList }
  /** Staff: a park's status / price / featured / featured order; audit-logged, last write wins per field. */
  'content.updatePark': { payload: UpdateParkPayload; data: { park: ContentParkRow } }
  /** Staff: an article's featured / hidden flags; audit-logged. */
  'content.updateArticle': { payload: UpdateArticlePayload; data: { article: ContentArticleRow } }
  /** Public: the best 3 parks for a need (the inquiry's need fields, no personal data), with the facts that matched. */
  'parks.match': { payload: MatchParksPayload; data: MatchResult }
  /** The channel funnel's entries (scan / share / direct, once per visit) and detail views, batched by the client. */
  'visits.record': { payload: RecordVisitsPayload; data: { accepted: number } }
}

export type ActionName = keyof ApiActions

/**
 * Who may call each action (src/domain/staff.ts). `satisfies` makes a new action without an
 * entry a type error, so no staff action can ship unguarded by omission.
 */
export const ACTION_ACCESS = {
  'articles.list': 'public',
  'articles.get': 'public',
  'parks.list': 'public',
  'parks.get': 'public',
  'home.get': 'public',
  'inquiries.submit': 'public',
  'inquiries.mine': 'public',
  'inquiries.deleteMine': 'public',
  'events.record': 'public',
  'leads.list': 'staff',
  'leads.get': 'staff',
  'leads.update': 'staff',
  'leads.addNote': 'staff',
  'leads.stats': 'staff',
  'stats.charts': 'staff',
  'staff.me': 'public',
  'staff.claim': 'public',
  'staff.invite': 'owner',
  'staff.list': 'owner',
  'staff.deactivate': 'owner',
  // Owner only: an export takes every lead of the range, full phones included, out of the system
  // into a file that can be forwarded anywhere. Agents work leads one at a time on the desk.
  'export.leads': 'owner',
  'alerts.status': 'staff',
  'alerts.subscribed': 'staff',
  'channels.list': 'staff',
  'channels.create': 'staff',
  'codes.get': 'staff',
  'content.list': 'staff',
  'content.updatePark': 'staff',
  'content.updateArticle': 'staff',
  'parks.match': 'public',
  'visits.record': 'public',
} as const satisfies Record<ActionName, ActionAccess>
export type PayloadOf<A extends ActionName> = ApiActions[A]['payload']
export type DataOf<A extends ActionName> = ApiActions[A]['data']

/** One call renders the article page: the article (view counted), the contact card, related reads. */
export interface ArticleDetail {
  article: Article
  contact: AgencyContact
  /** Up to 4, sharing a tag first, then the same category; never the article itself. */
  related: ArticleSummary[]
}

/**
 * `articles.get` of a hidden article: the page says 已下架 and offers the latest articles.
 * Nothing of the article but its id and title leaves the server.
 */
export interface WithdrawnArticleDetail {
  withdrawn: true
  id: string
  title: string
  contact: AgencyContact
  /** Up to 4 of the newest visible articles. */
  latest: ArticleSummary[]
}

/**
 * `parks.get` of a withdrawn park: the page says 已下架 and offers similar parks instead of the
 * generic not-found (a shared card or a poster's code may outlive the listing).
 */
export interface WithdrawnParkDetail {
  withdrawn: true
  id: string
  name: string
  contact: AgencyContact
  /** Up to 4 visible parks in the same district / type (the same tiers as ParkDetail.similar). */
  similar: ParkSummary[]
}

/** One call renders the park page. */
export interface ParkDetail {
  park: Park
  contact: AgencyContact
  /** Up to 4 parks in the same district (then the same type), never the park itself. */
  similar: ParkSummary[]
}

/** One call renders the home page. */
export interface HomeData {
  contact: AgencyContact
  /** Up to 6 featured parks, by featuredOrder (unordered last), then newest first; never withdrawn. */
  featuredParks: ParkSummary[]
  /** 5 articles: featured ones first, then the newest; never hidden. */
  latestArticles: ArticleSummary[]
}
