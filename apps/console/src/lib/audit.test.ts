import { describe, expect, it } from 'vitest';
import { auditParamsFrom, auditQueryFrom } from './audit';

describe('audit filters in the address', () => {
  it('reads the filters from the address, ignoring blanks', () => {
    const q = auditQueryFrom(new URLSearchParams('entity=elder&action=eligibility_&userName=%20&from=2026-11-01&to=2026-11-30'));
    expect(q).toEqual({ entity: 'elder', action: 'eligibility_', userName: undefined, entityId: undefined, from: '2026-11-01', to: '2026-11-30' });
  });

  it('writes back only the filters that are set, never the paging cursor', () => {
    expect(auditParamsFrom({ entity: 'statement', userName: '吴', beforeId: '99', from: undefined, entityId: '' })).toEqual({ entity: 'statement', userName: '吴' });
  });

  it('round-trips', () => {
    const params = { entityId: '0b8c3f8e-1111-4222-8333-444455556666', from: '2026-11-01', to: '2026-11-02' };
    expect(auditParamsFrom(auditQueryFrom(new URLSearchParams(params)))).toEqual(params);
  });
});
