import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageParams } from '../../pagination/page-params.dto';

export class ListOrganizationsParams extends PageParams {
  /** Name contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
