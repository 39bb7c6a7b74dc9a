import { registerEnumType } from '@nestjs/graphql';

export enum Language {
  nl = 'nl',
  de = 'de',
  en = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'Language for labels; falls back to English, then to any language present.' });
