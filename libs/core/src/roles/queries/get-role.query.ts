export class GetRoleQuery {
  constructor(readonly roleId: string) {}
}
