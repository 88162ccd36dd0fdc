import type { UpdateOrganizationDto } from '../dto/update-organization.dto';

export class UpdateOrganizationCommand {
  constructor(
    readonly organizationId: string,
    readonly input: UpdateOrganizationDto,
  ) {}
}
