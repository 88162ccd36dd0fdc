import { ConflictError } from '@clientele/core';

/** 409: another live asset of the same customer has this serial number (any case); `existingId` names it. */
export class AssetSerialTakenError extends ConflictError {
  static readonly code = 'ASSET_SERIAL_TAKEN';

  constructor(
    readonly existingId: string,
    serialNumber: string,
  ) {
    super(AssetSerialTakenError.code, `The customer already has an asset with serial number "${serialNumber}".`, {
      existingId,
    });
  }
}
