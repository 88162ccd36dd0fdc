import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../errors/domain-error';
import type { FieldError } from '../errors/problem';
import { sendProblem } from '../errors/problem.filter';

const logger = new Logger('TextInput');

/** NUL, or a UTF-16 surrogate not paired with its other half (with `u`, a proper pair is one code point). */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** Enough to show the client what to fix; a body full of bad strings is not worth listing in full. */
const MAX_ERRORS = 20;

function problemWith(field: string, text: string): FieldError {
  return text.includes('\0')
    ? { field, message: `${field} must not contain the NUL character (\\u0000)` }
    : { field, message: `${field} must be valid Unicode text (it has an unpaired surrogate)` };
}

/**
 * The text of a body or query that no PostgreSQL `text` or `jsonb` value can hold (NUL) or that
 * is not Unicode (an unpaired surrogate, e.g. JSON `"\ud800"`), as field errors named like the
 * validation pipe's (`members.0.id`). Keys are checked too: `jsonb` refuses them alike.
 */
export function unstorableText(value: unknown, field = '', errors: FieldError[] = []): FieldError[] {
  if (errors.length >= MAX_ERRORS) return errors;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) errors.push(problemWith(field === '' ? 'body' : field, value));
    return errors;
  }
  if (typeof value !== 'object' || value === null) return errors;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) =>
      unstorableText(item, field === '' ? String(index) : `${field}.${index}`, errors),
    );
    return errors;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const path = field === '' ? key : `${field}.${key}`;
    if (UNSTORABLE.test(key)) errors.push(problemWith(field === '' ? 'body' : field, key));
    else unstorableText(item, path, errors);
  }
  return errors;
}

/**
 * Keys no DTO declares but class-validator's whitelist waves through: it looks a key up among a
 * class's rules in a plain object, where `constructor`, `toString`, `valueOf`… are inherited, so
 * `forbidNonWhitelisted` let them pass (and class-transformer copied them onto the instance).
 */
const INHERITED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Field errors for keys named like `Object.prototype`'s members, at any depth of a body or query. */
export function inheritedKeys(value: unknown, field = '', errors: FieldError[] = []): FieldError[] {
  if (errors.length >= MAX_ERRORS || typeof value !== 'object' || value === null) return errors;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) =>
      inheritedKeys(item, field === '' ? String(index) : `${field}.${index}`, errors),
    );
    return errors;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const path = field === '' ? key : `${field}.${key}`;
    if (INHERITED_KEYS.has(key)) errors.push({ field: path, message: `unknown field ${key} is not allowed` });
    else inheritedKeys(item, path, errors);
  }
  return errors;
}

/**
 * One rule for every route, before any DTO, guard or handler sees the request: text that
 * PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate) in the body or the
 * query is a 400 `VALIDATION_FAILED` naming the field, never a driver error turned 500; so is a
 * key named like a member of `Object.prototype` (`constructor`, `toString`), which no DTO has.
 */
export function installTextInputRule(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, reply, done) => {
    const errors = unstorableText(request.query);
    unstorableText(request.body, '', errors);
    inheritedKeys(request.query, '', errors);
    inheritedKeys(request.body, '', errors);
    if (errors.length === 0) {
      done();
      return;
    }
    sendProblem(new ValidationError(errors), request, reply, logger);
  });
}
