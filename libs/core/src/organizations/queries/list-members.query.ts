import type { PageParams } from '../../pagination/page-params.dto';

export class ListMembersQuery {
  constructor(
    readonly organizationId: string,
    readonly params: PageParams,
  ) {}
}
