import type { ListOrganizationsParams } from '../dto/list-organizations.params';

export class ListOrganizationsQuery {
  constructor(readonly params: ListOrganizationsParams) {}
}
