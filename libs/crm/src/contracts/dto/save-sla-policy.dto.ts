import { IsOptional, IsUUID } from 'class-validator';
import { OrganizationIdField } from '../../record-fields.decorator';
import { SlaPolicyDto } from './sla-policy.dto';

/** The organization's default policy, replaced whole. */
export class SaveSlaPolicyDto extends SlaPolicyDto {
  /** The organization whose default it is; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}

export class SlaPolicyParams {
  /** The organization whose default it is; defaults to your only one (or `X-Organization-Id`). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
