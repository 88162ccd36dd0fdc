import { IsBoolean, IsOptional } from 'class-validator';
import { Transform } from 'class-transformer';
import { PageParams } from '../../pagination/page-params.dto';

export class ListRolesParams extends PageParams {
  /** `true`: only built-in roles; `false`: only your tenant's own. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  builtIn?: boolean;
}
