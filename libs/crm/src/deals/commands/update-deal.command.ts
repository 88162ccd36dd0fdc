import type { UpdateDealDto } from '../dto/update-deal.dto';

export class UpdateDealCommand {
  constructor(
    readonly dealId: string,
    readonly input: UpdateDealDto,
  ) {}
}
