import { defineStateMachine } from '@clientele/core';

/** Whether an activity is done: `completedAt` set or not. */
export const ACTIVITY_COMPLETIONS = ['OPEN', 'COMPLETED'] as const;
export type ActivityCompletion = (typeof ACTIVITY_COMPLETIONS)[number];

/** Completing a completed activity, or reopening an open one, is a 409 `INVALID_TRANSITION`. */
export const ACTIVITY_COMPLETION = defineStateMachine({
  entity: 'ACTIVITY',
  states: ACTIVITY_COMPLETIONS,
  transitions: { OPEN: ['COMPLETED'], COMPLETED: ['OPEN'] },
});

/** What the list filters by and the response shows: open, open past its `dueAt`, or completed. */
export const ACTIVITY_STATES = ['open', 'overdue', 'completed'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];
