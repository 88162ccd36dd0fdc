import type { CreateDealDto } from '../dto/create-deal.dto';

export class CreateDealCommand {
  constructor(readonly input: CreateDealDto) {}
}
