/** Gauzy's answer to a delete (TypeORM's `DeleteResult` without driver internals). */
export class DeleteResultResponse {
  /** Rows deleted: 1. */
  affected: number;

  static one(): DeleteResultResponse {
    return { affected: 1 };
  }
}
