import { defineEvent, type Infer, schema } from '@clientele/core';

/**
 * `organization.crm_transferred`: one organization's CRM moved into another of the tenant. One
 * event in each of the two organizations (about the source organization, `entityId`), carrying
 * the report; the moved records publish no event of their own (an organization's worth of
 * `contact.updated` would flood every consumer with one fact).
 */
export const CRM_TRANSFER_SNAPSHOT = schema.object({
  sourceOrganizationId: schema.uuid(),
  targetOrganizationId: schema.uuid(),
  entities: schema.array(
    schema.object({
      entity: schema.string(),
      moved: schema.integer(),
      merged: schema.array(schema.object({ sourceId: schema.uuid(), targetId: schema.uuid(), label: schema.string() })),
    }),
  ),
});
export type CrmTransferSnapshot = Infer<typeof CRM_TRANSFER_SNAPSHOT>;

export const OrganizationCrmTransferred = defineEvent('organization.crm_transferred', 1, CRM_TRANSFER_SNAPSHOT);
