export class DeleteProjectCommand {
  constructor(readonly projectId: string) {}
}
