import { defineStateMachine } from '@clientele/core';

export const DEAL_STATUSES = ['OPEN', 'WON', 'LOST'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/**
 * A deal is OPEN until it enters its pipeline's WON or LOST stage; a closed deal opens again only
 * through an explicit reopen (Pipedrive keeps won/lost on the deal; HubSpot's closing stages).
 */
export const DEAL_STATUS = defineStateMachine({
  entity: 'DEAL',
  states: DEAL_STATUSES,
  transitions: { OPEN: ['WON', 'LOST'], WON: ['OPEN'], LOST: ['OPEN'] },
});
