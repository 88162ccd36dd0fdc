export class DisableMfaCommand {
  constructor(
    readonly password: string,
    readonly code: string,
  ) {}
}
