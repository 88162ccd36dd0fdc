import { IsInt, Max, Min } from 'class-validator';
import { OptionalNonNull } from '../../validation/optional-non-null.decorator';

export const MAX_OVERLAP_SECONDS = 7 * 86_400;

export class RotateWebhookSecretDto {
  /** How long the old secret keeps signing beside the new one (two `v1=` in the header); default a day. */
  @OptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(MAX_OVERLAP_SECONDS)
  overlapSeconds?: number;
}
