import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
} from '@clientele/core';
import type { BillingSettingsEntity } from '../entities/billing-settings.entity';

export const BILLING_SETTINGS_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  customerId: schema.uuid(),
  contactId: schema.nullable(schema.uuid()),
  currency: schema.string(),
  dayOfMonth: schema.integer(),
  timeZone: schema.string(),
  monthlyTotal: schema.decimal(),
  active: schema.boolean(),
});
export type BillingSettingsSnapshot = Infer<typeof BILLING_SETTINGS_SNAPSHOT>;

export function billingSettingsSnapshot(settings: BillingSettingsEntity): BillingSettingsSnapshot {
  return {
    ...organizationRecordSnapshot(settings),
    customerId: settings.customerId,
    contactId: settings.contactId ?? null,
    currency: settings.currency,
    dayOfMonth: settings.dayOfMonth,
    timeZone: settings.timeZone,
    monthlyTotal: settings.monthlyTotal,
    active: settings.active,
  };
}

export const BillingSettingsSaved = defineEvent('billing_settings.saved', 1, BILLING_SETTINGS_SNAPSHOT);

/** One monthly run of an organization: about the organization (its entity id). */
export const BillingRunCompleted = defineEvent(
  'billing.run_completed',
  1,
  schema.object({
    period: schema.string(),
    createdInvoiceIds: schema.array(schema.uuid()),
    alreadyBilled: schema.integer(),
    notYetDue: schema.integer(),
  }),
);

EventVisibilities.register({ key: 'billing_settings', grant: Permission.ORG_INVOICE_VIEW });
EventVisibilities.register({ key: 'billing', grant: Permission.ORG_INVOICE_VIEW });
