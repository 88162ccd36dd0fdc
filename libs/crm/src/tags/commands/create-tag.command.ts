import type { CreateTagDto } from '../dto/create-tag.dto';

export class CreateTagCommand {
  constructor(readonly input: CreateTagDto) {}
}
