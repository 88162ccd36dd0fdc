import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import { type CustomerEntity, CustomerDeletionSteps } from '../customers';
import { ContactEntity } from '../organization-contact';
import { ACTIVITY_CONTACTS } from './activity-contacts';
import { ActivityEntity } from './entities/activity.entity';
import { activitySnapshot, recordActivityChange } from './events/activity.events';

/**
 * When a customer is deleted its activities stay, with no customer: each is unlinked in the
 * deleting transaction and recorded as an `activity.updated`.
 */
@Injectable()
export class UnlinkActivitiesOfDeletedCustomer implements OnModuleInit {
  constructor(private readonly steps: CustomerDeletionSteps) {}

  onModuleInit(): void {
    this.steps.register({ name: 'activities', run: (tx, customer) => this.unlink(tx, customer) });
  }

  private async unlink(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const activities = tx.repository(ActivityEntity);
    const linked = await activities
      .query('activity', 'visible')
      .andWhere('activity.customerId = :customerId', { customerId: customer.id })
      .orderBy('activity.id')
      .setLock('pessimistic_write')
      .getMany();
    const contacts = await ACTIVITY_CONTACTS.load(
      tx.repository(ContactEntity),
      'contact',
      linked.map((activity) => activity.id),
      {},
    );
    for (const activity of linked) {
      activity.contactIds = (contacts.get(activity.id) ?? []).map((contact) => contact.id).sort();
      const before = activitySnapshot(activity);
      activity.customerId = null;
      const contactIds = activity.contactIds;
      const saved = await activities.save(activity);
      saved.contactIds = contactIds;
      await recordActivityChange(tx, 'updated', saved, { before, after: activitySnapshot(saved) });
    }
  }
}
