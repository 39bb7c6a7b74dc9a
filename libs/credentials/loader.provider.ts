import { Injectable } from '@nestjs/common';
import { CredentialsCache } from './credentials-cache';
import { CredentialsSettings } from './credentials.settings';
import { createDocumentLoader, DocumentLoader } from './domain/document-loader';
import { IssuerService } from './issuer.service';

/** The one document loader of the service: bundled contexts, own DIDs and status lists, did:key. */
@Injectable()
export class CredentialLoader {
  readonly load: DocumentLoader;
  readonly statusPrefix: string;

  constructor(settings: CredentialsSettings, issuers: IssuerService, cache: CredentialsCache) {
    this.statusPrefix = settings.statusListPrefix;
    this.load = createDocumentLoader(
      {
        ownDidDocument: (did) => issuers.didDocument(did),
        ownStatusList: async (url) => {
          const id = url.slice(settings.statusListPrefix.length);
          if (!/^[0-9a-f-]{36}$/.test(id)) return null;
          return (await (await cache.view()).statusList(id))?.credential ?? null;
        },
      },
      { ownDidPrefix: settings.ownDidPrefix, ownStatusListPrefix: settings.statusListPrefix },
    );
  }
}
