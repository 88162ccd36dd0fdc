import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { assertCanAssignOwner } from '../../record-ownership';
import { findOrganizationTags, loadTagsByRecord, requestedTagIds, TagEntity } from '../../tags';
import { dealSnapshot, recordDealChange } from '../events/deal.events';
import { assertDealParties } from '../deal-parties';
import { DEAL_TAGS } from '../deal-tags';
import { storedDealValue } from '../deal-value';
import { DealEntity } from '../entities/deal.entity';
import { UpdateDealCommand } from './update-deal.command';

/** Changes the fields sent (not the stage); an AGENT (`ORG_DEAL_EDIT_OWN`) only on deals it owns. */
@CommandHandler(UpdateDealCommand)
export class UpdateDealHandler implements ICommandHandler<UpdateDealCommand, DealEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ dealId, input }: UpdateDealCommand): Promise<DealEntity> {
    return this.uow.run(async (tx) => {
      const deals = tx.repository(DealEntity);
      const deal = await deals.findOneForUpdate(dealId);
      const { organizationId } = deal;
      tx.scope.assertCanEdit(organizationId, deal.ownerId, Permission.ORG_DEAL_EDIT, Permission.ORG_DEAL_EDIT_OWN);
      const currentTags = (await loadTagsByRecord(tx.repository(TagEntity), DEAL_TAGS, [deal.id])).get(deal.id) ?? [];
      const before = dealSnapshot(deal, currentTags);

      if (input.ownerId !== undefined) {
        const ownerId = input.ownerId?.toLowerCase() ?? null;
        assertCanAssignOwner(tx.scope, organizationId, ownerId, Permission.ORG_DEAL_EDIT);
        await assertDealParties(tx, organizationId, { ownerId });
        deal.ownerId = ownerId;
      }
      if (input.contactId !== undefined) {
        await assertDealParties(tx, organizationId, { contactId: input.contactId });
        deal.contactId = input.contactId?.toLowerCase() ?? null;
      }
      if (input.customerId !== undefined) {
        await assertDealParties(tx, organizationId, { customerId: input.customerId });
        deal.customerId = input.customerId?.toLowerCase() ?? null;
      }
      const requestedTags = requestedTagIds(input);
      const tags =
        requestedTags === undefined
          ? currentTags
          : await findOrganizationTags(tx, organizationId, requestedTags.ids, requestedTags.field);
      if (input.title !== undefined) deal.title = input.title;
      if (input.value !== undefined || input.currency !== undefined) {
        const currency = input.currency ?? deal.currency;
        deal.value = storedDealValue(input.value ?? deal.value, currency);
        deal.currency = currency;
      }
      if (input.expectedCloseDate !== undefined) deal.expectedCloseDate = input.expectedCloseDate;
      if (input.probability !== undefined) deal.probability = input.probability;

      const saved = await deals.save(deal);
      if (requestedTags !== undefined) {
        await DEAL_TAGS.replace(
          tx,
          saved,
          tags.map((tag) => tag.id),
        );
      }
      await recordDealChange(tx, 'updated', saved, { before, after: dealSnapshot(saved, tags) });
      return saved;
    });
  }
}
