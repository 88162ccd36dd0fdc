import { Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30 s. */
const PERIOD_SECONDS = 30;
/** Accept the previous and the next code too, for clock drift and typing time. */
const TOLERANCE_SECONDS = 30;

/** TOTP (otplib v13) for authenticator apps. */
@Injectable()
export class Totp {
  newSecret(): string {
    return generateSecret();
  }

  uri(secret: string, issuer: string, account: string): string {
    return generateURI({ issuer, label: account, secret, period: PERIOD_SECONDS });
  }

  /**
   * The time step of `code` when it is valid now and later than `afterTimeStep` (the last step
   * accepted, so a code cannot be replayed within its window); null otherwise.
   */
  async verify(secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    try {
      const result = await verify({
        secret,
        token: code,
        period: PERIOD_SECONDS,
        epochTolerance: TOLERANCE_SECONDS,
        ...(afterTimeStep === null ? {} : { afterTimeStep }),
      });
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      return null;
    }
  }
}
