import type { Actor } from '../../platform/auth/actor';
import { handlesCredential } from './credential-access';

const school = (institution: string): Actor => ({ subject: `registrar-${institution}`, role: 'school', institution, jurisdictions: [] });
const KOENIGSTRASSE = 'did:web:localhost%3A3000:issuers:bk-koenigstrasse';
const KEY_SCHOOL = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const row = { institution_id: 'alfa-college', co_issuers: [KOENIGSTRASSE, KEY_SCHOOL] };

describe('who handles a stored credential', () => {
  it('the issuing school, a co-issuing school and an admin; no other school or role', () => {
    expect(handlesCredential(school('alfa-college'), 'did:web:localhost%3A3000:issuers:alfa-college', row)).toBe(true);
    expect(handlesCredential(school('bk-koenigstrasse'), KOENIGSTRASSE, row)).toBe(true);
    expect(handlesCredential({ subject: 'root', role: 'admin', jurisdictions: [] }, null, row)).toBe(true);
    expect(handlesCredential(school('gamma'), 'did:web:localhost%3A3000:issuers:gamma', row)).toBe(false);
    expect(handlesCredential({ subject: 'e', role: 'employer', jurisdictions: [] }, null, row)).toBe(false);
  });

  it('a co-issuer with a did:key identity is matched by its DID, not by a did:web path', () => {
    expect(handlesCredential(school('key-school'), KEY_SCHOOL, row)).toBe(true);
    expect(handlesCredential(school('key-school'), null, row)).toBe(false);
    // A school whose id happens to be the tail of another's DID path gains nothing from it.
    expect(handlesCredential(school('bk-koenigstrasse'), 'did:key:z6MkOther', row)).toBe(false);
  });
});
