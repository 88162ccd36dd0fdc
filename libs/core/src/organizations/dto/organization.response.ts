import { ApiProperty } from '@nestjs/swagger';
import type { OrganizationEntity } from '../../tenancy/entities/organization.entity';

export class OrganizationSettingsResponse {
  /** CRM switched on for this organization; off → CRM routes answer 404 `CRM_DISABLED`. */
  crmEnabled: boolean;
  /** The statuses a contact may have, e.g. Prospect, Active, Churned. */
  contactStatuses: string[];
  /** ISO 4217, e.g. GBP. */
  defaultCurrency: string;
  invoicePrefix: string;
  /** Deals moved to a LOST stage must give a `lostReason`. */
  requireLostReason: boolean;

  static from(organization: OrganizationEntity): OrganizationSettingsResponse {
    return {
      crmEnabled: organization.crmEnabled,
      contactStatuses: organization.contactStatuses,
      defaultCurrency: organization.defaultCurrency,
      invoicePrefix: organization.invoicePrefix,
      requireLostReason: organization.requireLostReason,
    };
  }
}

export class OrganizationResponse {
  id: string;
  name: string;
  settings: OrganizationSettingsResponse;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(organization: OrganizationEntity): OrganizationResponse {
    return {
      id: organization.id,
      name: organization.name,
      settings: OrganizationSettingsResponse.from(organization),
      createdAt: organization.createdAt.toISOString(),
      updatedAt: organization.updatedAt.toISOString(),
      version: organization.version,
    };
  }
}
