import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganizationEntity, ScopedReader } from '@clientele/core';
import { CustomerEntity } from '../../customers';
import { recurringTotals } from '../billing-lines';
import { BillingSettingsResponse } from '../dto/billing-settings.response';
import { BillingSettingsEntity } from '../entities/billing-settings.entity';
import { GetBillingSettingsQuery } from './get-billing-settings.query';

/** A customer's billing settings, or the defaults (inactive, no lines) when none are saved. */
@QueryHandler(GetBillingSettingsQuery)
export class GetBillingSettingsHandler implements IQueryHandler<GetBillingSettingsQuery, BillingSettingsResponse> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ customerId }: GetBillingSettingsQuery): Promise<BillingSettingsResponse> {
    const customer = await this.reader.repository(CustomerEntity).findOneOrFail(customerId);
    const stored = await this.reader
      .repository(BillingSettingsEntity)
      .query('settings', 'visible')
      .andWhere('settings.customerId = :settingsCustomerId', { settingsCustomerId: customer.id })
      .getOne();
    if (stored !== null) {
      return BillingSettingsResponse.from(
        stored,
        true,
        recurringTotals(stored.currency, stored.lines).total.toString(),
      );
    }
    const organization = await this.reader.repository(OrganizationEntity).findOneOrFail(customer.organizationId);
    const defaults = Object.assign(new BillingSettingsEntity(), {
      customerId: customer.id,
      currency: organization.defaultCurrency,
      dayOfMonth: 1,
      timeZone: 'UTC',
      contactId: null,
      paymentTermsDays: null,
      lines: [],
      active: false,
    });
    return BillingSettingsResponse.from(defaults, false, recurringTotals(defaults.currency, []).total.toString());
  }
}
