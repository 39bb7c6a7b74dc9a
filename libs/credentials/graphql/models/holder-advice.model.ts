import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RouteAdviceModel } from '../../../recognition/graphql/models';

@ObjectType('HolderCredentialResult', { description: 'One credential of recognitionRouteForCredentials: whether it verified and what the advice used it for.' })
export class HolderCredentialResultModel {
  @Field(() => Int) index: number;
  @Field(() => String, { nullable: true }) credentialId: string | null;
  @Field(() => [String]) types: string[];
  @Field() valid: boolean;
  @Field({ description: 'DIPLOMA, LANGUAGE or NOT_USED.' }) use: string;
  @Field(() => String, { nullable: true, description: 'Why it was not used.' }) note: string | null;
}

@ObjectType('HolderAdvice', { description: 'Route advice for a holder’s verified credentials: a diploma, and language certificates compared with the language requirement.' })
export class HolderAdviceModel {
  @Field(() => [HolderCredentialResultModel]) credentials: HolderCredentialResultModel[];
  @Field(() => ID, { nullable: true }) qualificationId: string | null;
  @Field(() => RouteAdviceModel, { nullable: true }) advice: RouteAdviceModel | null;
  @Field(() => String, { nullable: true }) adviceNote: string | null;
}
