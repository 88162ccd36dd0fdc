import type { CreateContractDto } from '../dto/create-contract.dto';

export class CreateContractCommand {
  constructor(readonly input: CreateContractDto) {}
}
