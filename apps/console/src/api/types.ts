import type { components } from '../../../../libs/client/src/schema';

/**
 * Types of the OpenAPI document: the typed client's generated `schema.ts` (`npm run client:generate`),
 * one copy for the client and the console.
 */
type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type Contact = Schemas['CrmContactResponse'];
export type ContactKind = Contact['kind'];
export type Customer = Schemas['CustomerResponse'];
export type Deal = Schemas['DealResponse'];
export type Stage = Schemas['StageResponse'];
export type Pipeline = Schemas['PipelineResponse'];
export type SearchResult = Schemas['SearchResponse'];
export type SearchHit = Schemas['SearchHitResponse'];
export type TimelineItem = Schemas['TimelineItemResponse'];
export type Timeline = Schemas['TimelineResponse'];
export type Note = Schemas['NoteResponse'];
export type Activity = Schemas['ActivityResponse'];
export type ActivityType = Activity['type'];
export type Member = Schemas['MemberResponse'];
export type Ticket = Schemas['TicketResponse'];
export type TicketStatus = Ticket['status'];
export type TicketPriority = Ticket['priority'];
export type Tag = Schemas['TagResponse'];
export type LoginBody = Schemas['LoginDto'];
export type MoveDealBody = Schemas['MoveDealToStageDto'];
export type CreateNoteBody = Schemas['CreateNoteDto'];
export type CreateActivityBody = Schemas['CreateActivityDto'];

/** A list page: `{ items, total, nextCursor }` (the document's `Page` with typed items). */
export interface Page<T> {
  items: T[];
  total: number;
  totalCapped?: boolean;
  nextCursor?: string | null;
}

/**
 * The contact body the console sends. The document types the nullable text fields of
 * `CreateCrmContactDto` as objects (a swagger-plugin quirk); the server takes strings or null.
 */
type NullableText = 'lastName' | 'email' | 'phone' | 'jobTitle' | 'status';
export type ContactBody = Omit<Schemas['CreateCrmContactDto'], NullableText | 'marketingOptOut' | 'isActive'> & {
  [K in NullableText]?: string | null;
} & { marketingOptOut?: boolean; isActive?: boolean };

/*
 * Answers the document does not describe yet (their operations list only their errors):
 * written here from the server's response classes.
 */

/** `POST /api/auth/login` and `/api/auth/refresh` (TokenResponse). */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

/** `GET /api/auth/me` (MeResponse). */
export interface Me {
  user: { id: string; email: string; firstName: string; lastName: string; name: string };
  tenant: { id: string; name: string };
  memberships: Array<{
    organizationId: string;
    organizationName: string;
    roleId: string;
    role: string;
    grants: string[];
  }>;
}

/** `GET /api/crm/contacts/:id`: the contact with its registered detail sections. */
export type ContactDetail = Contact & {
  openDeals?: Deal[];
  recentActivities?: Activity[];
  notes?: Note[];
};

/** `GET /api/deals/board` (DealBoardResponse). */
export interface BoardStage {
  id: string;
  name: string;
  kind: Stage['kind'];
  position: number;
  probability: number;
  rottenAfterDays: number | null;
  dealCount: number;
  totals: Array<{ currency: string; dealCount: number; value: string; weightedValue: string }>;
  deals: Deal[];
  nextCursor: string | null;
}
export interface Board {
  pipelineId: string;
  stages: BoardStage[];
}
