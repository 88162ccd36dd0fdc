import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Decimal, OrganizationEntity, Permission, UnitOfWork, ValidationError } from '@clientele/core';
import { CustomerEntity } from '../../customers';
import { ContactEntity } from '../../organization-contact';
import { assertTimeZone } from '../billing-period';
import { recurringTotals } from '../billing-lines';
import { BillingSettingsEntity, type RecurringLine } from '../entities/billing-settings.entity';
import { BillingSettingsSaved, billingSettingsSnapshot } from '../events/billing.events';
import { SaveBillingSettingsCommand } from './save-billing-settings.command';

/** Replaces a customer's billing settings (creates them the first time); needs `ORG_INVOICE_EDIT`. */
@CommandHandler(SaveBillingSettingsCommand)
export class SaveBillingSettingsHandler implements ICommandHandler<SaveBillingSettingsCommand, BillingSettingsEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ customerId, input }: SaveBillingSettingsCommand): Promise<BillingSettingsEntity> {
    return this.uow.run(async (tx) => {
      const customer = await tx.repository(CustomerEntity).findOneForUpdate(customerId);
      const { organizationId } = customer;
      tx.scope.assertCanEdit(organizationId, null, Permission.ORG_INVOICE_EDIT);
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(organizationId);
      const timeZone = input.timeZone ?? 'UTC';
      assertTimeZone(timeZone);
      if (input.contactId != null) {
        await tx.repository(ContactEntity).findReferenced(input.contactId, organizationId, 'contactId');
      }
      const currency = input.currency ?? organization.defaultCurrency;
      const lines: RecurringLine[] = (input.lines ?? []).map((line, index) => {
        const quantity = new Decimal(line.quantity ?? '1');
        if (quantity.isZero()) throw ValidationError.field(`lines.${index}.quantity`, 'quantity must be more than 0');
        if (new Decimal(line.taxRate ?? '0').greaterThan(100)) {
          throw ValidationError.field(`lines.${index}.taxRate`, 'taxRate is a percentage from 0 to 100');
        }
        return {
          description: line.description,
          productCode: line.productCode ?? null,
          quantity: quantity.toFixed(),
          unitPrice: line.unitPrice,
          taxRate: new Decimal(line.taxRate ?? '0').toFixed(),
        };
      });
      const totals = recurringTotals(currency, lines);
      const repository = tx.repository(BillingSettingsEntity);
      const existing = await repository
        .query('settings')
        .andWhere('settings.customerId = :settingsCustomerId', { settingsCustomerId: customer.id })
        .setLock('pessimistic_write')
        .getOne();
      const before = existing === null ? undefined : billingSettingsSnapshot(existing);
      const settings = existing ?? repository.create({ organizationId, customerId: customer.id });
      Object.assign(settings, {
        currency,
        dayOfMonth: input.dayOfMonth ?? 1,
        timeZone,
        contactId: input.contactId?.toLowerCase() ?? null,
        paymentTermsDays: input.paymentTermsDays ?? null,
        lines,
        monthlyTotal: totals.total.amount.toFixed(4),
        active: input.active ?? true,
      });
      const saved = await repository.save(settings);
      await tx.publish(BillingSettingsSaved, {
        entityId: saved.id,
        organizationId,
        before,
        after: billingSettingsSnapshot(saved),
      });
      return saved;
    });
  }
}
