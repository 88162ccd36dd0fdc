export class GetTagQuery {
  constructor(readonly tagId: string) {}
}
