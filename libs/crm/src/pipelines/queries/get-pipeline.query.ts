export class GetPipelineQuery {
  constructor(readonly pipelineId: string) {}
}
