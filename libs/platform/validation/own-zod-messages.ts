import { z } from 'zod';

/**
 * @openid4vc/utils and @openid4vc/oauth2 install a process-wide zod error map when they load
 * (`z.config({ customError })`), which rewrites every validation message of this service. Importing this module
 * after them puts zod's own messages back; the libraries' checks are unchanged, only their wording.
 */
z.config({ customError: undefined });
