import { InvalidTransitionError } from './invalid-transition.error';

export interface StateMachineDefinition<S extends string> {
  /** Upper snake case, as in the error codes: `DEAL`, `INVOICE`. */
  readonly entity: string;
  readonly states: readonly S[];
  /** From a state, the states it may move to; a state left out (or with `[]`) is final. */
  readonly transitions: { readonly [From in NoInfer<S>]?: readonly NoInfer<S>[] };
}

/**
 * The allowed moves between a record's states, declared once beside its entity:
 *
 * ```ts
 * const INVOICE_STATUS = defineStateMachine({
 *   entity: 'INVOICE',
 *   states: ['DRAFT', 'SENT', 'PAID', 'VOID'],
 *   transitions: { DRAFT: ['SENT', 'VOID'], SENT: ['PAID', 'VOID'] },
 * });
 * INVOICE_STATUS.assertTransition(invoice.status, 'PAID'); // or InvalidTransitionError → 409
 * ```
 *
 * Staying in a state is a transition like any other: allowed only when listed (`SENT: ['SENT']`).
 */
export interface StateMachine<S extends string> {
  readonly entity: string;
  readonly states: readonly S[];
  isState(value: unknown): value is S;
  /** The states `from` may move to, in declaration order. */
  allowedFrom(from: S): readonly S[];
  canTransition(from: S, to: S): boolean;
  /** Throws `InvalidTransitionError` (409 `INVALID_TRANSITION`) unless `from → to` is declared. */
  assertTransition(from: S, to: S): void;
  isFinal(state: S): boolean;
}

/** Checks the definition once (every state named is declared) and returns its machine. */
export function defineStateMachine<const S extends string>(definition: StateMachineDefinition<S>): StateMachine<S> {
  const { entity, states } = definition;
  const known = new Set<string>(states);
  if (known.size !== states.length) throw new Error(`${entity}: a state is declared twice`);
  const moves = new Map<S, readonly S[]>();
  for (const from of states) {
    const targets = Object.freeze([...(definition.transitions[from] ?? [])]);
    moves.set(from, targets);
  }
  for (const [from, targets] of Object.entries<readonly string[] | undefined>(definition.transitions)) {
    for (const state of [from, ...(targets ?? [])]) {
      if (!known.has(state)) throw new Error(`${entity}: transition names the undeclared state ${state}`);
    }
  }
  const allowedFrom = (from: S): readonly S[] => moves.get(from) ?? [];
  const canTransition = (from: S, to: S): boolean => allowedFrom(from).includes(to);
  return Object.freeze({
    entity,
    states: Object.freeze([...states]),
    isState: (value: unknown): value is S => typeof value === 'string' && known.has(value),
    allowedFrom,
    canTransition,
    assertTransition(from: S, to: S): void {
      if (!canTransition(from, to)) throw new InvalidTransitionError(entity, from, to, allowedFrom(from));
    },
    isFinal: (state: S): boolean => allowedFrom(state).length === 0,
  });
}
