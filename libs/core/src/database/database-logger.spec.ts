import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseLogger } from './database-logger';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('DatabaseLogger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('logs a refusal the app answers (duplicate key, deadlock) at debug, any other failure at error', () => {
    const debug = vi.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    const error = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const logger = new DatabaseLogger();
    logger.logQueryError(pgError('23505', 'duplicate key value violates unique constraint "x"'), 'INSERT …');
    logger.logQueryError(pgError('40P01', 'deadlock detected'), 'UPDATE …');
    expect(debug).toHaveBeenCalledTimes(2);
    expect(error).not.toHaveBeenCalled();

    logger.logQueryError(pgError('42P01', 'relation "nope" does not exist'), 'SELECT …');
    logger.logQueryError('connection lost', 'SELECT 1');
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls[0]).toEqual([
      { code: '42P01', query: 'SELECT …' },
      'query failed: relation "nope" does not exist',
    ]);
  });

  it('logs queries only when asked, and their parameters only when asked for on their own', () => {
    const debug = vi.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    new DatabaseLogger(false, true).logQuery('SELECT 1', [1]);
    expect(debug).not.toHaveBeenCalled();
    new DatabaseLogger(true).logQuery('SELECT $1', ['secret']);
    expect(debug).toHaveBeenLastCalledWith({ query: 'SELECT $1' }, 'query');
    new DatabaseLogger(true, true).logQuery('SELECT $1', ['bench']);
    expect(debug).toHaveBeenLastCalledWith({ query: 'SELECT $1', parameters: ['bench'] }, 'query');
  });
});
