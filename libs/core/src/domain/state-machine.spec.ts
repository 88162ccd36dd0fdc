import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors/domain-error';
import { problemFromError } from '../errors/problem-from-error';
import { InvalidTransitionError } from './invalid-transition.error';
import { defineStateMachine } from './state-machine';

const invoiceStatus = defineStateMachine({
  entity: 'INVOICE',
  states: ['DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID'],
  transitions: {
    DRAFT: ['SENT', 'VOID'],
    SENT: ['PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID'],
    PARTIALLY_PAID: ['PARTIALLY_PAID', 'PAID', 'OVERDUE'],
    OVERDUE: ['PARTIALLY_PAID', 'PAID', 'VOID'],
  },
});

describe('defineStateMachine', () => {
  it('allows the declared moves only', () => {
    expect(invoiceStatus.canTransition('DRAFT', 'SENT')).toBe(true);
    expect(invoiceStatus.canTransition('SENT', 'PAID')).toBe(true);
    expect(invoiceStatus.canTransition('PAID', 'DRAFT')).toBe(false);
    expect(invoiceStatus.canTransition('DRAFT', 'PAID')).toBe(false);
    expect(() => invoiceStatus.assertTransition('DRAFT', 'SENT')).not.toThrow();
  });

  it('allows staying in a state only when declared', () => {
    expect(invoiceStatus.canTransition('PARTIALLY_PAID', 'PARTIALLY_PAID')).toBe(true);
    expect(invoiceStatus.canTransition('SENT', 'SENT')).toBe(false);
  });

  it('knows final states and the moves out of each state', () => {
    expect(invoiceStatus.isFinal('PAID')).toBe(true);
    expect(invoiceStatus.isFinal('VOID')).toBe(true);
    expect(invoiceStatus.isFinal('DRAFT')).toBe(false);
    expect(invoiceStatus.allowedFrom('DRAFT')).toEqual(['SENT', 'VOID']);
    expect(invoiceStatus.allowedFrom('PAID')).toEqual([]);
    expect(invoiceStatus.isState('SENT')).toBe(true);
    expect(invoiceStatus.isState('sent')).toBe(false);
    expect(invoiceStatus.isState(3)).toBe(false);
  });

  it('refuses a move with a typed 409 naming the entity, the states and what is allowed', () => {
    let thrown: unknown;
    try {
      invoiceStatus.assertTransition('DRAFT', 'PAID');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTransitionError);
    expect(thrown).toBeInstanceOf(ConflictError);
    expect(thrown).toMatchObject({ entity: 'INVOICE', from: 'DRAFT', to: 'PAID', allowed: ['SENT', 'VOID'] });
    expect(problemFromError(thrown)).toEqual({
      unexpected: false,
      problem: {
        type: 'https://clientele.dev/problems/invalid-transition',
        title: 'Conflict',
        status: 409,
        code: 'INVALID_TRANSITION',
        detail: 'The invoice cannot move from DRAFT to PAID: from DRAFT it can move to SENT, VOID.',
        entity: 'INVOICE',
        from: 'DRAFT',
        to: 'PAID',
        allowed: ['SENT', 'VOID'],
      },
    });
    expect(() => invoiceStatus.assertTransition('PAID', 'VOID')).toThrow(
      'The invoice cannot move from PAID to VOID: PAID is final.',
    );
  });

  it('refuses a definition that names undeclared states', () => {
    expect(() =>
      defineStateMachine({
        entity: 'DEAL',
        states: ['OPEN', 'WON'],
        // @ts-expect-error LOST is not a declared state
        transitions: { OPEN: ['WON', 'LOST'] },
      }),
    ).toThrow('DEAL: transition names the undeclared state LOST');
    expect(() => defineStateMachine({ entity: 'DEAL', states: ['OPEN', 'OPEN'], transitions: {} })).toThrow(
      'DEAL: a state is declared twice',
    );
  });
});
