import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, ValidationError } from '@clientele/core';
import { DealAlreadyClosedError } from '../deal-already-closed.error';
import type { DealStage } from '../deal-stage';
import { DealEntity } from './deal.entity';

const stage = (
  id: string,
  kind: DealStage['kind'],
  probability: number,
  rottenAfterDays: number | null = null,
): DealStage => ({
  id,
  pipelineId: 'pipeline-1',
  kind,
  probability,
  rottenAfterDays,
});
const LEAD = stage('lead', 'OPEN', 10, 7);
const PROPOSAL = stage('proposal', 'OPEN', 50);
const WON = stage('won', 'WON', 100);
const LOST = stage('lost', 'LOST', 0);
const T0 = new Date('2026-11-01T09:00:00.000Z');
const T1 = new Date('2026-11-05T09:00:00.000Z');
const move = { lostReasonRequired: false, now: T1 };

function openDeal(): DealEntity {
  const deal = new DealEntity();
  deal.id = 'deal-1';
  deal.probability = null;
  deal.placeIn(LEAD, T0);
  return deal;
}

describe('DealEntity', () => {
  it('starts open in an OPEN stage, never closed', () => {
    const deal = openDeal();
    expect(deal).toMatchObject({ status: 'OPEN', stageId: 'lead', pipelineId: 'pipeline-1', closedAt: null });
    expect(deal.stageChangedAt).toEqual(T0);
    expect(() => new DealEntity().placeIn(WON, T0)).toThrow(ValidationError);
  });

  it('moves between OPEN stages and stays open, restarting its time in stage', () => {
    const deal = openDeal();
    const change = deal.moveTo(PROPOSAL, move);
    expect(change).toEqual({
      fromStageId: 'lead',
      toStageId: 'proposal',
      fromPipelineId: 'pipeline-1',
      toPipelineId: 'pipeline-1',
      fromStatus: 'OPEN',
      toStatus: 'OPEN',
    });
    expect(deal).toMatchObject({ status: 'OPEN', closedAt: null, stageChangedAt: T1 });
  });

  it('a move to the stage it is in changes nothing', () => {
    const deal = openDeal();
    expect(deal.moveTo(LEAD, move)).toBeNull();
    expect(deal.stageChangedAt).toEqual(T0);
  });

  it('entering the WON stage closes the deal and drops its own probability', () => {
    const deal = openDeal();
    deal.probability = 40;
    const change = deal.moveTo(WON, move);
    expect(change?.toStatus).toBe('WON');
    expect(deal).toMatchObject({ status: 'WON', closedAt: T1, probability: null, lostReason: null });
    expect(deal.effectiveProbability(WON)).toBe(100);
  });

  it('entering the LOST stage closes it with its reason', () => {
    const deal = openDeal();
    deal.moveTo(LOST, { ...move, lostReason: '  Went with a competitor ' });
    expect(deal).toMatchObject({ status: 'LOST', closedAt: T1, lostReason: 'Went with a competitor' });
  });

  it('a LOST move without a reason is a 400 on lostReason only when the organization requires one', () => {
    const required = openDeal();
    expect(() => required.moveTo(LOST, { ...move, lostReasonRequired: true })).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'lostReason' })] }),
    );
    expect(() => required.moveTo(LOST, { ...move, lostReasonRequired: true, lostReason: '   ' })).toThrow(
      ValidationError,
    );
    expect(required.status).toBe('OPEN');
    const optional = openDeal();
    optional.moveTo(LOST, move);
    expect(optional).toMatchObject({ status: 'LOST', lostReason: null });
  });

  it('refuses a lost reason on a move that does not lose the deal', () => {
    expect(() => openDeal().moveTo(WON, { ...move, lostReason: 'why' })).toThrow(ValidationError);
  });

  it('a closed deal moves only through reopen', () => {
    const deal = openDeal();
    deal.moveTo(WON, move);
    expect(() => deal.moveTo(PROPOSAL, move)).toThrow(DealAlreadyClosedError);
    expect(() => deal.moveTo(LOST, move)).toThrow(DealAlreadyClosedError);
    const later = new Date('2026-11-09T09:00:00.000Z');
    const change = deal.reopen(PROPOSAL, later);
    expect(change).toMatchObject({ fromStageId: 'won', toStageId: 'proposal', fromStatus: 'WON', toStatus: 'OPEN' });
    expect(deal).toMatchObject({ status: 'OPEN', closedAt: null, lostReason: null, stageChangedAt: later });
  });

  it('reopening clears the lost reason and needs an OPEN stage', () => {
    const deal = openDeal();
    deal.moveTo(LOST, { ...move, lostReason: 'budget' });
    expect(() => deal.reopen(WON, T1)).toThrow(ValidationError);
    deal.reopen(LEAD, T1);
    expect(deal).toMatchObject({ status: 'OPEN', lostReason: null });
  });

  it('reopening an open deal is an invalid transition (409)', () => {
    expect(() => openDeal().reopen(PROPOSAL, T1)).toThrow(InvalidTransitionError);
  });

  it('relocates to another stage of its own kind only', () => {
    const deal = openDeal();
    expect(deal.relocateTo(PROPOSAL, T1)).toMatchObject({ toStageId: 'proposal', toStatus: 'OPEN' });
    expect(() => deal.relocateTo(WON, T1)).toThrow();
  });

  it('takes its probability from its stage unless it has its own', () => {
    const deal = openDeal();
    expect(deal.effectiveProbability(LEAD)).toBe(10);
    deal.moveTo(PROPOSAL, move);
    expect(deal.effectiveProbability(PROPOSAL)).toBe(50);
    deal.probability = 65;
    expect(deal.effectiveProbability(PROPOSAL)).toBe(65);
    expect(deal.effectiveProbability({ probability: 0 })).toBe(65);
  });

  it('rots when open in a stage longer than its rottenAfterDays', () => {
    const deal = openDeal();
    const day = 86_400_000;
    expect(deal.isRotting(LEAD, new Date(T0.getTime() + 7 * day))).toBe(false);
    expect(deal.isRotting(LEAD, new Date(T0.getTime() + 7 * day + 1))).toBe(true);
    expect(deal.isRotting(PROPOSAL, new Date(T0.getTime() + 365 * day))).toBe(false);
    deal.moveTo(WON, { ...move, now: T0 });
    expect(deal.isRotting({ rottenAfterDays: 1 }, new Date(T0.getTime() + 30 * day))).toBe(false);
  });
});
