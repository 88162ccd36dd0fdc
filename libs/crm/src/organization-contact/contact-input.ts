import type { BudgetType, ContactKind } from '../contact-kind';

/**
 * A create or change of a contact, in the table's own terms, whichever API surface sent it
 * (Gauzy's `primaryEmail`/`contactType`, the portal's `email`/`kind`). Left out (undefined)
 * keeps a value; `null` clears it.
 */
export interface ContactInput {
  readonly organizationId?: string;
  readonly name?: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly primaryEmail?: string | null;
  readonly primaryPhone?: string | null;
  readonly jobTitle?: string | null;
  readonly contactType?: ContactKind;
  readonly status?: string | null;
  readonly customerId?: string | null;
  /** The organization's customer of this name, created when there is none. */
  readonly customerName?: string;
  readonly ownerId?: string | null;
  readonly imageUrl?: string | null;
  /** Decimal text, already validated. */
  readonly budget?: string | null;
  readonly budgetType?: BudgetType | null;
  readonly notes?: string | null;
  readonly marketingOptOut?: boolean;
  readonly isActive?: boolean;
  /** Replaces the assigned users when sent. */
  readonly memberIds?: readonly string[];
  /** Replaces the tags when sent. */
  readonly tagIds?: readonly string[];
  /** The body field that carried `tagIds`, for error messages (`tags` or `tagIds`). */
  readonly tagsField?: string;
}
