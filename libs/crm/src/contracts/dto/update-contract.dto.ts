import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateContractDto } from './create-contract.dto';

/**
 * Fields left out keep their value; `slaPolicy: null` removes the override (the organization's
 * default applies again). The customer is fixed: a contract for another customer is a new one.
 */
export class UpdateContractDto extends PartialType(OmitType(CreateContractDto, ['customerId', 'organizationId']), {
  skipNullProperties: false,
}) {}
