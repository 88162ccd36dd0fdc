import type { SaveSlaPolicyDto } from '../dto/save-sla-policy.dto';

export class SaveSlaPolicyCommand {
  constructor(readonly input: SaveSlaPolicyDto) {}
}
