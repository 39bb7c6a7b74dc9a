export * from './advise';
export * from './answers';
export * from './citations';
export * from './decisions';
export * from './messages';
export * from './rules';
export * from './schemas';
