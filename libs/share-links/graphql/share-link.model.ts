import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ShareLink', { description: 'A link that opens the public verification page for one stored credential.' })
export class ShareLinkModel {
  @Field(() => ID)
  id: string;

  @Field()
  credentialId: string;

  @Field(() => String, { nullable: true, description: 'The link itself; given only once, when it is created (only a hash of its token is stored).' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'The printable PDF of the credential, with a QR code of the link; given only at creation.' })
  pdfUrl: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}
