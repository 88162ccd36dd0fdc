export class EnableMfaCommand {
  constructor(readonly code: string) {}
}
