import type { CreateOrganizationDto } from '../dto/create-organization.dto';

export class CreateOrganizationCommand {
  constructor(readonly input: CreateOrganizationDto) {}
}
