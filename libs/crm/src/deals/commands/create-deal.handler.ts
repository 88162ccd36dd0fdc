import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganizationEntity, Permission, UnitOfWork, ValidationError } from '@clientele/core';
import { firstOpenStage, PipelineEntity, PipelineStageEntity } from '../../pipelines';
import { assertCanAssignOwner, defaultOwnerId } from '../../record-ownership';
import { findOrganizationTags, requestedTagIds } from '../../tags';
import { dealSnapshot, recordDealChange } from '../events/deal.events';
import { assertDealParties } from '../deal-parties';
import { DEAL_TAGS } from '../deal-tags';
import { storedDealValue } from '../deal-value';
import { DealEntity } from '../entities/deal.entity';
import { CreateDealCommand } from './create-deal.command';

/**
 * A new open deal: in the stage named, or the first OPEN stage of the pipeline named (default:
 * the organization's first pipeline); valued in the organization's currency unless told; owned
 * by its creator unless told. An AGENT (`ORG_DEAL_EDIT_OWN`) creates only deals it owns.
 */
@CommandHandler(CreateDealCommand)
export class CreateDealHandler implements ICommandHandler<CreateDealCommand, DealEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateDealCommand): Promise<DealEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(organizationId);
      const ownerId = input.ownerId === undefined ? defaultOwnerId(tx.scope) : (input.ownerId?.toLowerCase() ?? null);
      assertCanAssignOwner(tx.scope, organizationId, ownerId, Permission.ORG_DEAL_EDIT);
      await assertDealParties(tx, organizationId, {
        ownerId,
        contactId: input.contactId,
        customerId: input.customerId,
      });

      const pipeline =
        input.pipelineId === undefined
          ? undefined
          : await tx.repository(PipelineEntity).findReferenced(input.pipelineId, organizationId, 'pipelineId');
      const stage =
        input.stageId === undefined
          ? await firstOpenStage(tx, organizationId, pipeline?.id)
          : await tx.repository(PipelineStageEntity).findReferenced(input.stageId, organizationId, 'stageId');
      if (pipeline !== undefined && stage.pipelineId !== pipeline.id) {
        throw ValidationError.field('stageId', 'stageId is not a stage of pipelineId', 'STAGE_NOT_IN_PIPELINE');
      }
      const requestedTags = requestedTagIds(input);
      const tags = await findOrganizationTags(
        tx,
        organizationId,
        requestedTags?.ids ?? [],
        requestedTags?.field ?? 'tags',
      );

      const currency = input.currency ?? organization.defaultCurrency;
      const deals = tx.repository(DealEntity);
      const deal = deals.create({
        organizationId,
        title: input.title,
        value: storedDealValue(input.value ?? '0', currency),
        currency,
        expectedCloseDate: input.expectedCloseDate ?? null,
        contactId: input.contactId?.toLowerCase() ?? null,
        customerId: input.customerId?.toLowerCase() ?? null,
        ownerId,
        probability: input.probability ?? null,
      });
      deal.placeIn(stage, new Date());
      const saved = await deals.save(deal);
      await DEAL_TAGS.add(
        tx,
        saved,
        tags.map((tag) => tag.id),
      );
      saved.tags = tags;
      await recordDealChange(tx, 'created', saved, { after: dealSnapshot(saved, tags) });
      return saved;
    });
  }
}
