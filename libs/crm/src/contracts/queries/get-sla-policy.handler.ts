import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { OrganizationSlaPolicyResponse } from '../dto/sla-policy.response';
import { OrganizationSlaPolicyEntity } from '../entities/organization-sla-policy.entity';
import { GetSlaPolicyQuery } from './get-sla-policy.query';

/** The organization's default SLA policy, `policy: null` when it has none. */
@QueryHandler(GetSlaPolicyQuery)
export class GetSlaPolicyHandler implements IQueryHandler<GetSlaPolicyQuery, OrganizationSlaPolicyResponse> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ organizationId: requested }: GetSlaPolicyQuery): Promise<OrganizationSlaPolicyResponse> {
    const organizationId = this.reader.scope().targetOrganizationId(requested);
    const stored = await this.reader
      .repository(OrganizationSlaPolicyEntity)
      .query('policy', 'visible')
      .andWhere('policy.organizationId = :policyOrganizationId', { policyOrganizationId: organizationId })
      .getOne();
    return OrganizationSlaPolicyResponse.from(organizationId, stored);
  }
}
