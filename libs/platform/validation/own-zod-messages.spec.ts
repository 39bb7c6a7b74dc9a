import { z } from 'zod';

describe('zod messages with the OpenID4VC libraries loaded', () => {
  it('stay zod’s own after the wallet service is loaded (the libraries set a process-wide error map)', async () => {
    const message = () => z.number().max(8).safeParse(9).error!.issues[0].message;
    const own = message();
    await import('@openid4vc/utils');
    // Proves the libraries change the messages, so the reset below is needed.
    expect(message()).not.toBe(own);
    require('../../wallet/oid4vci.service'); // a CommonJS load, as the service's build does
    expect(message()).toBe(own);
  });
});
