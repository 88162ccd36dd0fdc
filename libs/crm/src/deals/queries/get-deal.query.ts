export class GetDealQuery {
  constructor(readonly dealId: string) {}
}
