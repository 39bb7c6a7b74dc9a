import { Injectable } from '@nestjs/common';
import { CredentialsCache } from './credentials-cache';
import { CredentialsSettings } from './credentials.settings';
import { createDocumentLoader, DocumentLoader } from './domain/document-loader';
import { IssuerService } from './issuer.service';
import { ForeignDidService } from './federation/foreign-did.service';

/** The one document loader of the service: bundled contexts, own DIDs and status lists, did:key, admin-approved DIDs of other hosts. */
@Injectable()
export class CredentialLoader {
  readonly load: DocumentLoader;
  readonly statusPrefix: string;

  constructor(settings: CredentialsSettings, issuers: IssuerService, cache: CredentialsCache, foreign: ForeignDidService) {
    this.statusPrefix = settings.statusListPrefix;
    this.load = createDocumentLoader(
      {
        ownDidDocument: (did) => issuers.didDocument(did),
        ownStatusList: async (url) => {
          const id = url.slice(settings.statusListPrefix.length);
          if (!/^[0-9a-f-]{36}$/.test(id)) return null;
          return (await (await cache.view()).statusList(id))?.credential ?? null;
        },
        foreignDidDocument: (did) => foreign.resolve(did),
      },
      { ownDidPrefix: settings.ownDidPrefix, ownStatusListPrefix: settings.statusListPrefix },
    );
  }
}
