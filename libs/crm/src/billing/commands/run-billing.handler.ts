import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { InvoiceCreated, InvoiceEntity, invoiceSnapshot } from '../../invoices';
import { billDate, localDate, periodAt } from '../billing-period';
import { recurringTotals } from '../billing-lines';
import type { BillingRunResponse } from '../dto/billing-settings.response';
import { BillingSettingsEntity } from '../entities/billing-settings.entity';
import { BillingRunCompleted } from '../events/billing.events';
import { RunBillingCommand } from './run-billing.command';

export interface BillingRunResult extends BillingRunResponse {
  /** Customers whose time zone has not reached the period yet. */
  readonly notYetDue: number;
}

/**
 * One DRAFT invoice per active customer of the organization for `period`, dated on its day of
 * month. Idempotent at the database: the invoice carries `billing_period`, unique per customer,
 * and is inserted with `ON CONFLICT DO NOTHING`, so a second run — or a concurrent one in another
 * process, which waits on the index until the first commits — bills no one twice. A customer
 * whose time zone is not yet in `period` is left for a later run.
 */
@CommandHandler(RunBillingCommand)
export class RunBillingHandler implements ICommandHandler<RunBillingCommand, BillingRunResult> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input, now, onlyDue }: RunBillingCommand): Promise<BillingRunResult> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      tx.scope.assertCanEdit(organizationId, null, Permission.ORG_INVOICE_EDIT);
      const active = await tx
        .repository(BillingSettingsEntity)
        .query('settings')
        .andWhere('settings.organizationId = :runOrganizationId', { runOrganizationId: organizationId })
        .andWhere('settings.active')
        .orderBy('settings.createdAt', 'ASC')
        .getMany();
      const invoices = tx.repository(InvoiceEntity);
      const createdInvoiceIds: string[] = [];
      let alreadyBilled = 0;
      let notYetDue = 0;
      for (const settings of active) {
        if (settings.lines.length === 0) continue;
        const due = billDate(input.period, settings.dayOfMonth);
        if (input.period > periodAt(now, settings.timeZone) || (onlyDue && localDate(now, settings.timeZone) < due)) {
          notYetDue += 1;
          continue;
        }
        const invoice = invoices.create({
          id: randomUUID(),
          organizationId,
          kind: 'INVOICE',
          number: null,
          status: 'DRAFT',
          currency: settings.currency,
          contactId: settings.contactId,
          customerId: settings.customerId,
          ownerId: null,
          creditedInvoiceId: null,
          issueDate: due,
          dueDate: null,
          paymentTermsDays: null,
          notes: `Monthly bill for ${input.period}`,
          terms: null,
          pricesIncludeTax: false,
          discountKind: null,
          discountValue: null,
          amountPaid: '0',
          amountCredited: '0',
          amountRefunded: '0',
          sentAt: null,
          sentTo: null,
          voidedAt: null,
          billingPeriod: input.period,
        });
        invoice.scheduleDue(undefined, settings.paymentTermsDays);
        invoice.applyTotals(settings.lines, recurringTotals(settings.currency, settings.lines));
        if (!(await invoices.insertOrIgnore(invoice))) {
          alreadyBilled += 1;
          continue;
        }
        const saved = await invoices.findOneOrFail(invoice.id);
        await tx.publish(InvoiceCreated, {
          entityId: saved.id,
          organizationId,
          after: invoiceSnapshot(saved, []),
        });
        createdInvoiceIds.push(saved.id);
      }
      const result = { period: input.period, createdInvoiceIds, alreadyBilled, notYetDue };
      // The scheduler's runs that bill nobody leave no event (they happen every interval).
      if (!onlyDue || createdInvoiceIds.length > 0) {
        await tx.publish(BillingRunCompleted, { entityId: organizationId, organizationId, after: result });
      }
      return result;
    });
  }
}
