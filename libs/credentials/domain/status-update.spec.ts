import { parseStatusUpdate } from './status-update';

const entry = (statusPurpose: string, status?: boolean) => ({ type: 'BitstringStatusListEntry', statusPurpose, ...(status === undefined ? {} : { status }) });

describe('VC-API status update', () => {
  it('maps purpose and value to the service action; a value left out sets the bit', () => {
    expect(parseStatusUpdate({ credentialId: 'urn:x', credentialStatus: entry('revocation') })).toEqual({ credentialId: 'urn:x', action: 'REVOKE' });
    expect(parseStatusUpdate({ credentialId: 'urn:x', credentialStatus: entry('suspension', true) })).toEqual({ credentialId: 'urn:x', action: 'SUSPEND' });
    expect(parseStatusUpdate({ credentialId: 'urn:x', credentialStatus: [entry('suspension', false)] })).toEqual({ credentialId: 'urn:x', action: 'REINSTATE' });
  });

  it('names the field of every problem; revocation cannot be cleared', () => {
    const fields = (body: unknown) => (parseStatusUpdate(body) as Array<{ field: string }>).map((p) => p.field);
    expect(fields({ credentialStatus: entry('revocation') })).toEqual(['credentialId']);
    expect(fields({ credentialId: 'urn:x', credentialStatus: entry('refresh') })).toContain('credentialStatus');
    expect(fields({ credentialId: 'urn:x', credentialStatus: [entry('revocation'), entry('suspension')] })).toContain('credentialStatus');
    expect(fields({ credentialId: 'urn:x', credentialStatus: entry('revocation', false) })).toEqual(['credentialStatus.status']);
    expect(fields(null)).toEqual(['body']);
  });
});
