export class GetSlaPolicyQuery {
  constructor(readonly organizationId?: string) {}
}
