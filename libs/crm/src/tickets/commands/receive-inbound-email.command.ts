import type { InboundEmailDto } from '../dto/inbound-email.dto';

export class ReceiveInboundEmailCommand {
  constructor(readonly input: InboundEmailDto) {}
}
