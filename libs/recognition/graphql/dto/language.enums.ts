import { registerEnumType } from '@nestjs/graphql';

export enum CefrLevel {
  A1 = 'A1',
  A2 = 'A2',
  B1 = 'B1',
  B2 = 'B2',
  C1 = 'C1',
  C2 = 'C2',
}
registerEnumType(CefrLevel, { name: 'CefrLevel', description: 'Common European Framework of Reference for Languages level.' });

export enum LanguageSkill {
  listening = 'listening',
  reading = 'reading',
  speaking = 'speaking',
  writing = 'writing',
}
registerEnumType(LanguageSkill, { name: 'LanguageSkill', description: 'A CEFR skill.' });

export enum LanguageCode {
  nl = 'nl',
  de = 'de',
  fr = 'fr',
  en = 'en',
}
registerEnumType(LanguageCode, { name: 'LanguageCode', description: 'A language a requirement or certificate is about.' });
