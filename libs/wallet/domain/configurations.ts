import { RECOGNITION_CONTEXT_V1, VC_V2_CONTEXT } from '../../credentials/domain/constants';
import { SD_JWT_VCT_PATH } from '../../credentials/domain/sd-jwt-vc';

export type WalletFormat = 'ldp_vc' | 'jwt_vc_json' | 'dc+sd-jwt';
export type WalletKind = 'LearningUnitCredential' | 'DiplomaCredential' | 'RecognitionStatementCredential';

export interface CredentialConfiguration {
  id: string;
  kind: WalletKind;
  format: WalletFormat;
}

const KINDS: Array<{ kind: WalletKind; slug: string; name: Record<string, string>; formats: WalletFormat[] }> = [
  { kind: 'DiplomaCredential', slug: 'diploma', name: { en: 'Diploma', nl: 'Diploma', de: 'Abschlusszeugnis' }, formats: ['dc+sd-jwt', 'jwt_vc_json', 'ldp_vc'] },
  { kind: 'LearningUnitCredential', slug: 'learning_unit', name: { en: 'Learning unit', nl: 'Leereenheid', de: 'Lerneinheit' }, formats: ['dc+sd-jwt', 'jwt_vc_json', 'ldp_vc'] },
  // The EUDI type list has no recognition statement yet; it travels in the W3C formats only.
  { kind: 'RecognitionStatementCredential', slug: 'recognition_statement', name: { en: 'Recognition statement', nl: 'Erkenningsbesluit', de: 'Anerkennungsbescheid' }, formats: ['jwt_vc_json', 'ldp_vc'] },
];

const FORMAT_SLUG: Record<WalletFormat, string> = { 'dc+sd-jwt': 'sd_jwt', jwt_vc_json: 'jwt_vc_json', ldp_vc: 'ldp_vc' };

/** Every credential configuration the issuer offers: one per credential type and format. */
export const CONFIGURATIONS: CredentialConfiguration[] = KINDS.flatMap((k) => k.formats.map((format) => ({ id: `${k.slug}_${FORMAT_SLUG[format]}`, kind: k.kind, format })));

export function configurationsFor(kind: string): CredentialConfiguration[] {
  return CONFIGURATIONS.filter((c) => c.kind === kind);
}

export function configuration(id: string): CredentialConfiguration | undefined {
  return CONFIGURATIONS.find((c) => c.id === id);
}

/** Holder proofs the issuer accepts: the wallet's own key, Ed25519 or P-256. */
export const PROOF_ALGS = ['EdDSA', 'ES256'];

/** credential_configurations_supported of the OpenID4VCI 1.0 issuer metadata. */
export function credentialConfigurationsSupported(baseUrl: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of CONFIGURATIONS) {
    const k = KINDS.find((x) => x.kind === c.kind)!;
    const common = {
      scope: c.id,
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: PROOF_ALGS } },
      credential_metadata: { display: Object.entries(k.name).map(([locale, name]) => ({ name, locale })) },
    };
    if (c.format === 'dc+sd-jwt') {
      out[c.id] = { format: c.format, vct: `${baseUrl}${SD_JWT_VCT_PATH[c.kind]}`, cryptographic_binding_methods_supported: ['jwk'], credential_signing_alg_values_supported: ['EdDSA'], ...common };
    } else if (c.format === 'jwt_vc_json') {
      out[c.id] = { format: c.format, credential_definition: { type: ['VerifiableCredential', c.kind] }, cryptographic_binding_methods_supported: ['did:jwk'], credential_signing_alg_values_supported: ['EdDSA'], ...common };
    } else {
      out[c.id] = {
        format: c.format,
        credential_definition: { '@context': [VC_V2_CONTEXT, RECOGNITION_CONTEXT_V1], type: ['VerifiableCredential', c.kind] },
        cryptographic_binding_methods_supported: ['did:jwk'],
        credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
        ...common,
      };
    }
  }
  return out;
}
