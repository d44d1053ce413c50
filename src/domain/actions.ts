import type { AgencyContact } from './agency'
import type { AlertsStatus, SubscribedPayload } from './alerts'
import type { Article, ArticlePage, ArticleSummary } from './article'
import type { Park, ParkPage, ParkSummary } from './park'
import type { ActionAccess } from './staff'
import type { InquiryInput, InquirySummary, RecordEventsPayload, SubmitResult } from './inquiry'
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
  'articles.get': { payload: GetArticlePayload; data: ArticleDetail }
  'parks.list': { payload: ListParksPayload; data: ParkPage }
  'parks.get': { payload: GetParkPayload; data: ParkDetail }
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
  /** Staff: the caller's alerts left per channel (the desk's 提醒 card). */
  'alerts.status': { payload: Record<string, never>; data: AlertsStatus }
  /** Staff: the caller just granted `accepted` one-time subscriptions (requestSubscribeMessage in a tap). */
  'alerts.subscribed': { payload: SubscribedPayload; data: AlertsStatus }
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
  'alerts.status': 'staff',
  'alerts.subscribed': 'staff',
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
  /** Up to 6 featured parks, newest first. */
  featuredParks: ParkSummary[]
  /** The 5 newest articles. */
  latestArticles: ArticleSummary[]
}
