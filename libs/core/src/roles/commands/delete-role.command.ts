export class DeleteRoleCommand {
  constructor(readonly roleId: string) {}
}
