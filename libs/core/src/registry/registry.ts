/** What every registry entry carries: its key, and where it sorts among the others. */
export interface RegistryEntry {
  /** Unique in its registry; also the name it shows under (a JSON field, a search section). */
  readonly key: string;
  /** Lower first; entries with the same order keep the order they were registered in. */
  readonly order?: number;
}

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * An open extension point: modules add entries from their own files, the owning module reads
 * them in one deterministic order (`order`, then registration). A key is taken once; after
 * `freeze()` (the owning module calls it when the app has bootstrapped) nothing more can join,
 * so what a running app serves cannot change under it.
 */
export class Registry<T extends RegistryEntry> {
  private readonly byKey = new Map<string, T>();
  private sorted: readonly T[] | undefined;
  private frozen = false;

  /** `name` says what the entries are, in errors: "search section", "customer column". */
  constructor(readonly name: string) {}

  register(entry: T): T {
    if (!KEY.test(entry.key)) throw new Error(`${this.name} key "${entry.key}" is not a plain identifier`);
    if (this.frozen) {
      throw new Error(`${this.name} "${entry.key}" registered after the app started: register from the module's file`);
    }
    if (this.byKey.has(entry.key)) throw new Error(`${this.name} "${entry.key}" is registered twice`);
    this.byKey.set(entry.key, entry);
    this.sorted = undefined;
    return entry;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The entry under `key`; an unknown key is a programming error, not a request's. */
  get(key: string): T {
    const entry = this.byKey.get(key);
    if (entry === undefined) throw new Error(`no ${this.name} "${key}" is registered`);
    return entry;
  }

  /** Every entry, by `order` and then by registration. */
  list(): readonly T[] {
    if (this.sorted === undefined) {
      const registered = [...this.byKey.values()];
      this.sorted = Object.freeze(
        registered
          .map((entry, index) => ({ entry, index }))
          .sort((a, b) => (a.entry.order ?? 0) - (b.entry.order ?? 0) || a.index - b.index)
          .map(({ entry }) => entry),
      );
    }
    return this.sorted;
  }

  keys(): string[] {
    return this.list().map((entry) => entry.key);
  }

  /** No entry may join from now on (idempotent: every app of a process calls it). */
  freeze(): void {
    this.frozen = true;
  }

  get isFrozen(): boolean {
    return this.frozen;
  }
}
