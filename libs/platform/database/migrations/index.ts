import { Catalogue1764057600000 } from './1764057600000-catalogue';
import { Comparison1764144000000 } from './1764144000000-comparison';
import { Credentials1764230400000 } from './1764230400000-credentials';
import { Recognition1764316800000 } from './1764316800000-recognition';
import { IssuanceBatches1764403200000 } from './1764403200000-issuance-batches';
import { BatchLeases1764489600000 } from './1764489600000-batch-leases';
import { PolicyJurisdiction1764576000000 } from './1764576000000-policy-jurisdiction';
import { StatusEntries1764662400000 } from './1764662400000-status-entries';
import { OpenIssuance1764748800000 } from './1764748800000-open-issuance';
import { WalletOffers1764835200000 } from './1764835200000-wallet-offers';
import { ShareLinks1764921600000 } from './1764921600000-share-links';
import { Binational1765008000000 } from './1765008000000-binational';
import { DefaultPolicyV21765094400000 } from './1765094400000-default-policy-v2';
import { PresentationRequests1765180800000 } from './1765180800000-presentation-requests';
import { TrustFederation1765267200000 } from './1765267200000-trust-federation';
import { CredentialsCacheVersion1765353600000 } from './1765353600000-credentials-cache-version';
import { RegistryGuard1765440000000 } from './1765440000000-registry-guard';

/** Every migration, in order. Listed explicitly so the build needs no glob at run time. */
export const MIGRATIONS = [Catalogue1764057600000, Comparison1764144000000, Credentials1764230400000, Recognition1764316800000, IssuanceBatches1764403200000, BatchLeases1764489600000, PolicyJurisdiction1764576000000, StatusEntries1764662400000, OpenIssuance1764748800000, WalletOffers1764835200000, ShareLinks1764921600000, Binational1765008000000, DefaultPolicyV21765094400000, PresentationRequests1765180800000, TrustFederation1765267200000, CredentialsCacheVersion1765353600000, RegistryGuard1765440000000];
