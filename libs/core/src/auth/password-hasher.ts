import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** argon2id (OWASP's recommended parameters). */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password).catch(() => false);
  }

  /** Spends the same time as a real check, so an unknown e-mail is not told apart by timing. */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('clientele-dummy-password');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
