/** What an asset is: the portal's device classes, plus software licences. */
export const ASSET_KINDS = ['WORKSTATION', 'SERVER', 'NETWORK', 'LICENCE', 'OTHER'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
