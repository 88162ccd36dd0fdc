import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ValidationError } from '../errors/domain-error';
import { MAX_OFFSET, MAX_PAGE_SIZE, PageParams } from './page-params.dto';

/**
 * Gauzy's paging spellings, `take` and `skip`, beside ours (`limit`, `offset`): for the
 * Gauzy-compatible lists. Sending both spellings of one thing is a 400.
 */
export class GauzyPageParams extends PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, description: 'Gauzy spelling of `limit`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, description: 'Gauzy spelling of `offset`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET, { message: `skip must not be greater than ${MAX_OFFSET}; walk further with cursor` })
  skip?: number;

  /** `limit` and `offset` from either spelling. */
  protected gauzyPage(): { limit?: number; offset?: number } {
    if (this.take !== undefined && this.limit !== undefined) {
      throw ValidationError.field('take', 'send either take or limit, not both');
    }
    if (this.skip !== undefined && this.offset !== undefined) {
      throw ValidationError.field('skip', 'send either skip or offset, not both');
    }
    return { limit: this.take ?? this.limit, offset: this.skip ?? this.offset };
  }
}
