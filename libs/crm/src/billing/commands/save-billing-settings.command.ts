import type { BillingSettingsDto } from '../dto/billing-settings.dto';

export class SaveBillingSettingsCommand {
  constructor(
    readonly customerId: string,
    readonly input: BillingSettingsDto,
  ) {}
}
