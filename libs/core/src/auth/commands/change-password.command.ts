export class ChangePasswordCommand {
  constructor(
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {}
}
