import { ApiProperty } from '@nestjs/swagger';

/** Shown once: neither the secret nor the recovery codes can be read back later. */
export class MfaSetupResponse {
  @ApiProperty({
    description: 'Base32 TOTP secret, for typing into an authenticator app.',
    example: 'JBSWY3DPEHPK3PXP',
  })
  secret: string;

  @ApiProperty({
    description: '`otpauth://` URI to show as a QR code.',
    example: 'otpauth://totp/Clientele:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Clientele',
  })
  otpauthUri: string;

  @ApiProperty({
    description: 'One-time codes that replace a TOTP code once each, e.g. when the phone is lost. Store them safely.',
    example: ['ABCD-EFGH-JKLM-NPQR'],
  })
  recoveryCodes: string[];

  static from(secret: string, otpauthUri: string, recoveryCodes: string[]): MfaSetupResponse {
    return { secret, otpauthUri, recoveryCodes };
  }
}
