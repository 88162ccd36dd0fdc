import { registerUniqueConstraint } from '@clientele/core';
import { AssetSerialTakenError } from './asset-serial-taken.error';

// The backstop of `assertAssetSerialFree` when two requests race for one serial number.
registerUniqueConstraint(
  'asset_serial_uq',
  AssetSerialTakenError.code,
  'The customer already has an asset with this serial number.',
);
