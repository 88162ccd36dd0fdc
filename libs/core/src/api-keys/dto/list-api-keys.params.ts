import { IsIn, IsOptional } from 'class-validator';
import { PageParams } from '../../pagination/page-params.dto';

export class ListApiKeysParams extends PageParams {
  /** Only keys in this state. */
  @IsOptional()
  @IsIn(['ACTIVE', 'EXPIRED', 'REVOKED'])
  status?: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
}
