import type { Actor } from '../../platform/auth/actor';
import { handlesCredential } from './credential-access';

const school = (institution: string): Actor => ({ subject: `registrar-${institution}`, role: 'school', institution, jurisdictions: [] });
const row = { institution_id: 'alfa-college', co_issuers: ['did:web:localhost%3A3000:issuers:bk-koenigstrasse'] };

describe('who handles a stored credential', () => {
  it('the issuing school, a co-issuing school and an admin; no other school or role', () => {
    expect(handlesCredential(school('alfa-college'), row)).toBe(true);
    expect(handlesCredential(school('bk-koenigstrasse'), row)).toBe(true);
    expect(handlesCredential({ subject: 'root', role: 'admin', jurisdictions: [] }, row)).toBe(true);
    expect(handlesCredential(school('gamma'), row)).toBe(false);
    expect(handlesCredential({ subject: 'e', role: 'employer', jurisdictions: [] }, row)).toBe(false);
  });
});
