/**
 * Reads typed settings from an environment map and collects every problem, so a bad
 * configuration stops the app with one message naming each offending setting.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly source: Readonly<Record<string, string | undefined>>) {}

  raw(name: string): string | undefined {
    const value = this.source[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) {
      this.fail(name, `must be an integer from ${range.min} to ${range.max}`, value);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.fail(name, 'must be true or false', value);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.fail(name, `must be one of ${allowed.join(', ')}`, value);
    return fallback;
  }

  url(name: string, protocols: readonly string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.fail(name, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, value, true);
      }
    } catch {
      this.fail(name, 'must be a valid URL', value, true);
    }
    return value;
  }

  list(name: string): string[] {
    return (this.raw(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  require(name: string, condition: boolean, message: string): void {
    if (!condition) this.fail(name, message);
  }

  /** Throws one error naming every invalid setting seen so far. */
  assertValid(): void {
    if (this.problems.length > 0) {
      throw new ConfigError(this.problems);
    }
  }

  private fail(name: string, message: string, value?: string, secret = false): void {
    const shown = value === undefined ? '' : secret ? ' (value hidden)' : ` (got "${value}")`;
    this.problems.push(`${name} ${message}${shown}`);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}
