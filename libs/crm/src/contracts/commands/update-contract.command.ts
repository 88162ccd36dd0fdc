import type { UpdateContractDto } from '../dto/update-contract.dto';

export class UpdateContractCommand {
  constructor(
    readonly contractId: string,
    readonly input: UpdateContractDto,
  ) {}
}
