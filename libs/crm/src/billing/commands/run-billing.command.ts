import type { BillingRunDto } from '../dto/billing-settings.dto';

export class RunBillingCommand {
  constructor(
    readonly input: BillingRunDto,
    /** When the run happens: what each customer's time zone judges the period against. */
    readonly now: Date = new Date(),
    /** The scheduler's run: bill a customer only once its day of month has come in its time zone. */
    readonly onlyDue = false,
  ) {}
}
