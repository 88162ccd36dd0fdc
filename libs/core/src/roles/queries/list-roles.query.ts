import type { ListRolesParams } from '../dto/list-roles.params';

export class ListRolesQuery {
  constructor(readonly params: ListRolesParams) {}
}
