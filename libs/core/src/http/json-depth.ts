import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors/domain-error';

/** Deeper bodies are refused before they are parsed; no DTO of ours comes close. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, read in one pass over its
 * bytes (brackets inside strings do not count). Structural characters are ASCII and never part
 * of a multi-byte UTF-8 sequence, so bytes are enough. Malformed text is left to the parser.
 */
export function jsonNestsDeeperThan(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return false;
}

type ParserDone = (error: Error | null, body?: unknown) => void;

/**
 * The `application/json` body parser: Fastify's own (prototype and constructor poisoning are
 * errors), after a depth scan that refuses bodies nested deeper than `MAX_JSON_DEPTH` with
 * 400 `JSON_TOO_DEEP`. A deeply nested body otherwise overflowed the stack in class-transformer
 * (a 500) and cost the CPU of parsing it first.
 */
export function depthLimitedJsonParser(
  fastify: FastifyInstance,
): (request: FastifyRequest, body: Buffer, done: ParserDone) => void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(
        new ValidationError(
          [{ field: 'body', message: `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels` }],
          `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`,
          'JSON_TOO_DEEP',
        ),
      );
      return;
    }
    // Fastify's default parser is synchronous and answers through `done`.
    void parse(request, body.toString('utf8'), done);
  };
}
