/** DESIGN §1: what a contact (or a customer) is to the organization. */
export const CONTACT_KINDS = ['CUSTOMER', 'CLIENT', 'LEAD', 'VENDOR', 'PARTNER', 'CONTRACTOR', 'OTHER'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const BUDGET_TYPES = ['HOURS', 'COST'] as const;
export type BudgetType = (typeof BUDGET_TYPES)[number];
