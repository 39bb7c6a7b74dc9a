import { CatalogueResolver } from '../../libs/catalogue/graphql/catalogue.resolver';
import { QualificationResolver } from '../../libs/catalogue/graphql/qualification.resolver';
import { ComparisonResolver } from '../../libs/comparison/graphql/comparison.resolver';
import { DecisionResolver } from '../../libs/comparison/graphql/decision.resolver';
import { AuditResolver } from '../../libs/platform/audit/audit.resolver';
import { CredentialsResolver } from '../../libs/credentials/graphql/credentials.resolver';
import { IssuersResolver } from '../../libs/credentials/graphql/issuers.resolver';
import { FederationResolver } from '../../libs/credentials/federation/federation.resolver';
import { OutboundResolver } from '../../libs/platform/outbound/outbound.resolver';
import { RecognitionResolver } from '../../libs/recognition/graphql/recognition.resolver';
import { CertificateSupplementResolver } from '../../libs/certificate-supplement/graphql/certificate-supplement.resolver';
import { ShareLinksResolver } from '../../libs/share-links/graphql/share-links.resolver';
import { CredentialOfferFieldsResolver, OffersResolver } from '../../libs/wallet/graphql/offers.resolver';
import { PresentationRequestFieldsResolver, PresentationsResolver } from '../../libs/wallet/graphql/presentations.resolver';
import { BinationalCredentialsResolver } from '../../libs/credentials/graphql/binational-credentials.resolver';
import { LearningCompanyResolver } from '../../libs/recognition/learning-companies/learning-company.resolver';
import { DescriptionResolver } from '../../libs/recognition/descriptions/description.resolver';

/** Every resolver of the API, for generating schema.gql without a database (a test checks the list is complete). */
export const API_RESOLVERS = [QualificationResolver, CatalogueResolver, AuditResolver, ComparisonResolver, DecisionResolver, CredentialsResolver, IssuersResolver, RecognitionResolver, ShareLinksResolver, CertificateSupplementResolver, OffersResolver, CredentialOfferFieldsResolver, PresentationsResolver, PresentationRequestFieldsResolver, DescriptionResolver, BinationalCredentialsResolver, LearningCompanyResolver, FederationResolver, OutboundResolver];
