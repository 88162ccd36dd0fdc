import { describe, expect, it } from 'vitest';
import { unstorableText } from './text-input';

describe('unstorableText', () => {
  it('names each field holding NUL or an unpaired surrogate, as the validation pipe names fields', () => {
    const body = { name: 'a\u0000b', members: [{ id: 'ok' }, { id: '\ud800' }], note: 'x\udc00', keep: 'fine' };
    expect(unstorableText(body).map((error) => error.field)).toEqual(['name', 'members.1.id', 'note']);
  });

  it('accepts proper surrogate pairs and every other character', () => {
    expect(unstorableText({ name: 'Zoë 😀 \u0001 \uFFFF', list: ['\ud83d\ude00'] })).toEqual([]);
  });

  it('checks keys and top-level strings too', () => {
    expect(unstorableText({ 'a\u0000': 1 }).map((error) => error.field)).toEqual(['body']);
    expect(unstorableText('\ud800').map((error) => error.field)).toEqual(['body']);
  });
});
