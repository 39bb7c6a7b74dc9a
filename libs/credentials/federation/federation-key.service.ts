import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { DataSource } from 'typeorm';
import { openSecret, sealSecret } from '../domain/keys';
import { thumbprintOf, type SigningKey } from '../domain/federation/trust-list';
import { KEY_ENCRYPTION_KEY } from '../issuer.service';

/**
 * The instance's federation key (Ed25519), which signs its entity configuration and trust list. Made on first
 * use; the private JWK is sealed at rest under the key-encryption key like issuer keys, and never leaves this
 * module: callers get a signing CryptoKey that cannot be exported.
 */
@Injectable()
export class FederationKeyService implements OnApplicationBootstrap {
  private active: Promise<SigningKey> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(KEY_ENCRYPTION_KEY) private readonly kek: Uint8Array,
  ) {}

  /** Made at start, so that public endpoints (entity configuration, trust list) never write. */
  async onApplicationBootstrap(): Promise<void> {
    await this.signingKey().catch((e) => new Logger('FederationKey').error(`federation key unavailable: ${(e as Error).message}`));
  }

  /** Only for signing inside the credentials module. */
  signingKey(): Promise<SigningKey> {
    this.active ??= this.load().catch((e) => {
      this.active = null;
      throw e;
    });
    return this.active;
  }

  async publicJwk(): Promise<JWK> {
    return (await this.signingKey()).publicJwk;
  }

  private async load(): Promise<SigningKey> {
    let row = await this.row();
    if (!row) {
      const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const pub = await exportJWK(publicKey);
      const kid = await thumbprintOf(pub);
      const secret = await sealSecret(JSON.stringify(await exportJWK(privateKey)), this.kek, kid);
      // Two replicas starting at once: one insert wins, both use the stored key.
      await this.dataSource.query(`INSERT INTO federation_key (kid, public_jwk, secret_jwe) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [kid, { ...pub, kid }, secret]);
      row = (await this.row())!;
    }
    const jwk = JSON.parse(await openSecret(row.secret_jwe, this.kek)) as JWK;
    const key = (await importJWK(jwk, 'EdDSA', { extractable: false })) as CryptoKey;
    return { kid: row.kid, key, publicJwk: row.public_jwk };
  }

  private async row(): Promise<{ kid: string; public_jwk: JWK; secret_jwe: string } | undefined> {
    return (await this.dataSource.query('SELECT kid, public_jwk, secret_jwe FROM federation_key WHERE retired_at IS NULL'))[0];
  }
}
