export class GetProjectQuery {
  constructor(readonly projectId: string) {}
}
