import { IsIn, IsOptional } from 'class-validator';
import { PageParams } from '../../pagination/page-params.dto';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../entities/webhook-delivery.entity';

export class ListWebhookDeliveriesParams extends PageParams {
  /** Only deliveries in this state (`DEAD`: the dead-letter list). */
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}
