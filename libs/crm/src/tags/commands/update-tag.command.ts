import type { UpdateTagDto } from '../dto/update-tag.dto';

export class UpdateTagCommand {
  constructor(
    readonly tagId: string,
    readonly input: UpdateTagDto,
  ) {}
}
